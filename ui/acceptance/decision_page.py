"""Step 4 of acceptance: the five decisions, each on its own key, with why 容缺 is not offered.

What may be decided, the 容缺 days allowed and the road permit's form are the core's answer
(``CaseService.decision_options``); this page only shows it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from clerk_app.services.cases import checklist
from clerk_app.services.cases.results import DecisionOptions
from ui.acceptance.permit_form import PermitForm
from ui.common.widgets import restyle

ACCEPT, TOLERANT, NOTICE, REJECT, INSTANT = (
    "accept",
    "tolerant_accept",
    "one_time_notice",
    "reject",
    "issue_instant",
)


class DecisionPage(QWidget):
    """Emits ``decision_requested(kind)``; the panel calls the core and shows the outcome."""

    decision_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.gate_label = QLabel()
        self.gate_label.setWordWrap(True)
        self.accept_button = QPushButton(self.tr("Accept (Alt+A)"))
        self.accept_button.setObjectName("PrimaryButton")
        self.tolerant_button = QPushButton(self.tr("Tolerant acceptance (Alt+T)"))
        self.notice_button = QPushButton(self.tr("One-time notice (Alt+N)"))
        self.reject_button = QPushButton(self.tr("Reject (Alt+R)"))
        self.instant_button = QPushButton(self.tr("Decide and issue now (Alt+I)"))
        self.commitment_check = QCheckBox(
            self.tr("The applicant signed the commitment letter (Alt+C)")
        )
        # Working days, from 1 to the promised limit; starts at the hall's default (the core's).
        self.supplement_days = QSpinBox()
        self.supplement_days.setRange(0, 0)
        self.reason_edit = QLineEdit()
        self.reason_edit.setMaxLength(checklist.REASON_MAX_LEN)  # what the service accepts
        self.basis_edit = QLineEdit()
        self.basis_edit.setMaxLength(checklist.BASIS_MAX_LEN)
        self.body_edit = QLineEdit()
        self.body_edit.setMaxLength(checklist.BODY_MAX_LEN)
        self.body_edit.setPlaceholderText(self.tr("Where it is not this hall's matter"))
        self.permit_form = PermitForm()
        self.permit_form.hide()
        self.error_label = QLabel()
        self.error_label.setObjectName("ErrorText")
        self.error_label.setWordWrap(True)

        buttons = QGridLayout()
        for column, button in enumerate(self.buttons()):
            buttons.addWidget(button, 0, column)
        tolerant = QFormLayout()
        tolerant.addRow(self.commitment_check)
        tolerant.addRow(self.tr("Supplement within (working days):"), self.supplement_days)
        reject = QFormLayout()
        reject.addRow(self.tr("Reason for rejection:"), self.reason_edit)
        reject.addRow(self.tr("Legal basis:"), self.basis_edit)
        reject.addRow(self.tr("Competent body:"), self.body_edit)
        hint = QLabel(
            self.tr(
                "Alt+A accept · Alt+T tolerant (Alt+C commitment signed) · Alt+N one-time "
                "notice · Alt+R reject · Alt+I issue now (a permit: its fields first) · "
                "Alt+←: back"
            )
        )
        hint.setObjectName("Placeholder")
        hint.setWordWrap(True)

        body = QWidget()
        fields = QVBoxLayout(body)
        fields.setContentsMargins(0, 0, 0, 0)
        fields.addWidget(self.summary)
        fields.addWidget(self.gate_label)
        fields.addLayout(buttons)
        fields.addLayout(tolerant)
        fields.addLayout(reject)
        fields.addWidget(self.permit_form)
        fields.addWidget(self.error_label)
        fields.addStretch(1)
        # Scrolls when the permit's fields do not fit a 768-pixel screen; Tab scrolls along.
        scroll = QScrollArea()
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.viewport().setAutoFillBackground(False)  # the panel's white shows through
        body.setAutoFillBackground(False)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(hint)

        for key, button, kind in (
            ("Alt+A", self.accept_button, ACCEPT),
            ("Alt+T", self.tolerant_button, TOLERANT),
            ("Alt+N", self.notice_button, NOTICE),
            ("Alt+R", self.reject_button, REJECT),
            ("Alt+I", self.instant_button, INSTANT),
        ):
            button.clicked.connect(lambda _=False, k=kind: self.decision_requested.emit(k))
            self._shortcut(key, button.click)
        self._shortcut("Alt+C", self.commitment_check.toggle)
        self.body_edit.returnPressed.connect(self.reject_button.click)

    def buttons(self) -> list[QPushButton]:
        return [
            self.accept_button,
            self.tolerant_button,
            self.notice_button,
            self.reject_button,
            self.instant_button,
        ]

    def _shortcut(self, key: str, slot: object) -> None:
        shortcut = QShortcut(QKeySequence(key), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(slot)

    def prepare(self, summary: str, options: DecisionOptions) -> None:
        """Show what the core allows for this checklist; say why 容缺受理 is not offered."""
        self.summary.setText(summary)
        self.error_label.clear()
        self.accept_button.setEnabled(options.may_accept)
        self.instant_button.setEnabled(options.may_issue_instant)
        self.notice_button.setEnabled(options.may_give_notice)
        allowed = options.may_tolerate
        for widget in (self.tolerant_button, self.commitment_check, self.supplement_days):
            widget.setEnabled(allowed)
        days = options.supplement
        if days is None:
            self.supplement_days.setRange(0, 0)
        else:
            self.supplement_days.setRange(days.low, days.high)
            self.supplement_days.setValue(days.default)
        if allowed:
            restyle(self.gate_label, "InfoText")
            self.gate_label.setText(self.tr("Tolerant acceptance is possible."))
        else:
            gate = options.tolerance
            reasons = options.tolerance_error or "\n".join(gate.reasons() if gate else [])
            restyle(self.gate_label, "Placeholder")
            self.gate_label.setText(self.tr("Tolerant acceptance is not offered:") + "\n" + reasons)
        form = options.road_permit
        self.permit_form.setVisible(form is not None)
        if form is not None:
            self.permit_form.start(form.today, form.max_days)

    def unavailable(self, message: str) -> None:
        """The core could not tell what fits (e.g. an item left the catalog): decide nothing."""
        for button in self.buttons():
            button.setEnabled(False)
        self.permit_form.hide()
        self.gate_label.clear()
        self.error_label.setText(message)

    def permit_details(self) -> dict[str, str] | None:
        """The permit's fields for ``issue_instant``; None when no road permit is issued."""
        return self.permit_form.details() if self.permit_form.isVisibleTo(self) else None

    def focus_first(self) -> None:
        """Focus the most likely decision so Space or Enter takes it (a permit: its fields)."""
        if self.permit_form.isVisibleTo(self) and self.instant_button.isEnabled():
            self.permit_form.location_edit.setFocus()
            return
        for button in self.buttons():
            if button.isEnabled():
                button.setFocus()
                return

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)

    def clear(self) -> None:
        for edit in (self.reason_edit, self.basis_edit, self.body_edit):
            edit.clear()
        self.commitment_check.setChecked(False)
        self.error_label.clear()
