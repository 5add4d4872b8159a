"""Step 4 of acceptance: the five decisions, each on its own key, and only the fields that apply.

What may be decided, the 容缺 days allowed and the road permit's form are the core's answer
(``CaseService.decision_options``); this page only shows it. Fields that do not apply stay
hidden so the page fits a 1366×768 counter screen: the 容缺 group only when the gate allows
it, the rejection's reason and basis once Alt+R asks for them, the permit only for the road
permit. Why 容缺 is not offered is one short line, and only when something is missing.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from clerk_app.services.cases import checklist
from clerk_app.services.cases.results import DecisionOptions
from ui.acceptance.permit_form import PermitForm
from ui.acceptance.steps import ACCEPT, INSTANT, NOTICE, REJECT, TOLERANT
from ui.common.widgets import restyle

__all__ = ["ACCEPT", "INSTANT", "NOTICE", "REJECT", "TOLERANT", "DecisionPage"]


class DecisionPage(QWidget):
    """Emits ``decision_requested(kind)``; the panel calls the core and shows the outcome."""

    decision_requested = Signal(str)
    letter_requested = Signal()  # print the 容缺受理承诺书 for signing (before the decision)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.gate_label = QLabel()  # one short line: why 容缺 is not offered (all in its tip)
        self.gate_label.setObjectName("Placeholder")
        self.accept_button = QPushButton(self.tr("Accept (Alt+A)"))
        self.tolerant_button = QPushButton(self.tr("Tolerant acceptance (Alt+T)"))
        self.notice_button = QPushButton(self.tr("One-time notice (Alt+N)"))
        self.reject_button = QPushButton(self.tr("Reject (Alt+R)"))
        self.instant_button = QPushButton(self.tr("Decide and issue now (Alt+I)"))
        self.letter_button = QPushButton(self.tr("Print the commitment letter to sign (Ctrl+P)"))
        self.commitment_check = QCheckBox(
            self.tr("The applicant signed the commitment letter (Alt+C)")
        )
        self.letter_status = QLabel()
        self.letter_status.setObjectName("InfoText")
        self.letter_status.setWordWrap(True)
        # Working days, from the core's lowest to the promised limit; the hall's default chosen.
        self.supplement_days = QComboBox()
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
        self._package_primary: QPushButton | None = None  # a 一件事's likely decision
        self.package = False  # the decision is for a 一件事 (see ``offer_package_acceptance``)
        self.tolerant_box = self._tolerant_box()
        self.reject_box = self._reject_box()
        self.scroll_area = self._layout()

        for key, button, kind in (
            ("Alt+A", self.accept_button, ACCEPT),
            ("Alt+T", self.tolerant_button, TOLERANT),
            ("Alt+N", self.notice_button, NOTICE),
            ("Alt+I", self.instant_button, INSTANT),
        ):
            button.clicked.connect(lambda _=False, k=kind: self.decision_requested.emit(k))
            self._shortcut(key, button.click)
        self.reject_button.clicked.connect(self._reject_requested)
        self._shortcut("Alt+R", self.reject_button.click)
        self._shortcut("Alt+C", self._toggle_commitment)
        self._shortcut("Ctrl+P", self._request_letter)
        self.letter_button.clicked.connect(self._request_letter)
        # The letter states the deadline: other days need the letter printed again.
        self.supplement_days.currentIndexChanged.connect(lambda _i: self._letter_unsigned())
        self.reason_edit.returnPressed.connect(self.basis_edit.setFocus)
        self.basis_edit.returnPressed.connect(self.body_edit.setFocus)
        self.body_edit.returnPressed.connect(self.reject_button.click)

    # --- layout ---------------------------------------------------------------------------
    def _tolerant_box(self) -> QGroupBox:
        """容缺受理 in the order it happens: the days, the letter printed, signed, decided."""
        box = QGroupBox(self.tr("Tolerant acceptance"))
        days = QHBoxLayout()
        days.addWidget(QLabel(self.tr("Supplement within (working days):")))
        days.addWidget(self.supplement_days)
        days.addStretch(1)
        steps = QHBoxLayout()
        steps.addWidget(self.letter_button)
        steps.addWidget(self.commitment_check)
        steps.addStretch(1)
        steps.addWidget(self.tolerant_button)
        column = QVBoxLayout(box)
        column.addLayout(days)
        column.addLayout(steps)
        column.addWidget(self.letter_status)
        order = (self.supplement_days, self.letter_button, self.commitment_check)
        for first, second in zip(order, (*order[1:], self.tolerant_button), strict=True):
            QWidget.setTabOrder(first, second)
        box.hide()
        return box

    def _reject_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Rejection"))
        form = QFormLayout(box)
        form.addRow(self.tr("Reason for rejection:"), self.reason_edit)
        form.addRow(self.tr("Legal basis:"), self.basis_edit)
        form.addRow(self.tr("Competent body:"), self.body_edit)
        box.hide()
        return box

    def _layout(self) -> QScrollArea:
        buttons = QHBoxLayout()
        for button in (
            self.accept_button,
            self.notice_button,
            self.reject_button,
            self.instant_button,
        ):
            buttons.addWidget(button)
        hint = QLabel(
            self.tr(
                "Alt+A accept · tolerant: Ctrl+P print the commitment letter, Alt+C signed, Alt+T "
                "accept · Alt+N one-time notice · Alt+R reject · Alt+I issue now (a permit: "
                "its fields first) · Alt+←: back"
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
        fields.addWidget(self.tolerant_box)
        fields.addWidget(self.reject_box)
        fields.addWidget(self.permit_form)
        fields.addWidget(self.error_label)
        fields.addStretch(1)
        # Scrolls if ever the fields do not fit; Tab scrolls along.
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
        return scroll

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

    # --- what the core allows -------------------------------------------------------------
    def prepare(self, summary: str, options: DecisionOptions) -> None:
        """Show what the core allows for this checklist and only the fields that apply."""
        self.summary.setText(summary)
        self.error_label.clear()
        self.package, self._package_primary = False, None
        self.accept_button.setEnabled(options.may_accept)
        self.instant_button.setEnabled(options.may_issue_instant)
        self.notice_button.setEnabled(options.may_give_notice)
        self.reject_button.setEnabled(True)
        allowed = options.may_tolerate
        self.tolerant_button.setEnabled(allowed)
        self.letter_button.setEnabled(allowed)
        self.tolerant_box.setVisible(allowed)
        self.reject_box.hide()
        self.supplement_days.clear()
        days = options.supplement
        if days is not None:
            for n in range(days.low, days.high + 1):
                self.supplement_days.addItem(str(n), n)
            self.supplement_days.setCurrentIndex(days.default - days.low)
        self._letter_unsigned()
        self._show_gate(options)
        form = options.road_permit
        self.permit_form.setVisible(form is not None)
        if form is not None:
            self.permit_form.start(form.today, form.max_days)
        self._mark_primary(self._likely())

    def _show_gate(self, options: DecisionOptions) -> None:
        """One short line on why 容缺 is not offered, only when something is missing (with
        nothing missing it is beside the point); every reason in the tooltip."""
        gate = options.tolerance
        short = options.tolerance_error or (gate.first_reason() if gate else "")
        show = bool(options.lacking) and not options.may_tolerate and bool(short)
        self.gate_label.setVisible(show)
        self.gate_label.setText(self.tr("No tolerant acceptance: %1").replace("%1", short))
        self.gate_label.setToolTip("\n".join(gate.reasons()) if gate else short)

    def offer_package_acceptance(self) -> None:
        """After ``prepare``, for a 一件事: Accept stays offered, since the core checks the whole
        package as it accepts (its shared materials applied to every item) and its refusal is
        shown here; the checklist's likely decision stays the primary one. No 容缺 for a
        package: the core accepts a package whole."""
        likely = self._likely()
        self.package, self._package_primary = True, likely
        self.accept_button.setEnabled(True)
        for button in (self.tolerant_button, self.letter_button):
            button.setEnabled(False)
        self.tolerant_box.hide()
        self.gate_label.hide()
        self._mark_primary(likely)

    def _likely(self) -> QPushButton | None:
        """The decision the checklist points to: focused, and the one primary button."""
        if self.package:
            return self._package_primary
        for button in (
            self.instant_button,
            self.accept_button,
            self.tolerant_button,
            self.notice_button,
        ):
            if button.isEnabled():
                return button
        return None

    # --- 容缺: the commitment letter, printed and signed before the decision ----------------
    def _request_letter(self) -> None:
        if self.tolerant_box.isVisible() and self.letter_button.isEnabled():
            self.error_label.clear()
            self.letter_requested.emit()

    def letter_printed(self, message: str) -> None:
        """The letter is on paper: the applicant signs it, then the clerk ticks it signed."""
        self.letter_status.setText(message)
        self.commitment_check.setEnabled(True)
        self.commitment_check.setFocus()

    def _letter_unsigned(self) -> None:
        """No letter printed for these days yet: nothing to tick as signed."""
        self.letter_status.setText(
            self.tr("First print the commitment letter for the applicant to sign.")
        )
        self.commitment_check.setChecked(False)
        self.commitment_check.setEnabled(False)

    def _mark_primary(self, primary: QPushButton | None) -> None:
        for button in self.buttons():
            restyle(button, "PrimaryButton" if button is primary else "")

    def unavailable(self, message: str) -> None:
        """The core could not tell what fits (e.g. an item left the catalog): decide nothing."""
        for button in (*self.buttons(), self.letter_button):
            button.setEnabled(False)
        self.package, self._package_primary = False, None
        self._mark_primary(None)
        self.permit_form.hide()
        self.tolerant_box.hide()
        self.gate_label.hide()
        self.error_label.setText(message)

    # --- what the clerk entered -----------------------------------------------------------
    def supplement_day_count(self) -> int | None:
        """The 容缺 working days chosen; None leaves them to the hall's default."""
        days = self.supplement_days.currentData()
        return int(days) if days is not None else None

    def _toggle_commitment(self) -> None:
        if not self.tolerant_box.isVisible():
            return
        if not self.commitment_check.isEnabled():
            self.show_error(self.letter_status.text())
            return
        self.commitment_check.toggle()
        if self.commitment_check.isChecked():
            self.tolerant_button.setFocus()

    def _reject_requested(self) -> None:
        """The first Alt+R shows the rejection's fields; with them shown, it rejects."""
        if not self.reject_box.isVisible():
            self.reject_box.show()
            self.reason_edit.setFocus()
            return
        self.decision_requested.emit(REJECT)

    def permit_details(self) -> dict[str, str] | None:
        """The permit's fields for ``issue_instant``; None when no road permit is issued."""
        return self.permit_form.details() if self.permit_form.isVisibleTo(self) else None

    def permit_problem(self) -> tuple[str, QWidget] | None:
        """Why the permit's period cannot be issued and the field to correct (None: it can)."""
        return self.permit_form.period_problem() if self.permit_form.isVisibleTo(self) else None

    def focus_first(self) -> None:
        """Focus the most likely decision so Space or Enter takes it (a permit: its fields;
        容缺: printing the letter, its first step)."""
        if self.permit_form.isVisibleTo(self) and self.instant_button.isEnabled():
            self.permit_form.location_edit.setFocus()
            return
        likely = self._likely()
        if likely is self.tolerant_button:
            self.letter_button.setFocus()
            return
        if likely is not None:
            likely.setFocus()
        else:
            self.reject_button.setFocus()

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)

    def clear(self) -> None:
        for edit in (self.reason_edit, self.basis_edit, self.body_edit):
            edit.clear()
        self._letter_unsigned()
        self.reject_box.hide()
        self.error_label.clear()
