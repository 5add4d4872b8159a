"""Layout of the handover dialog (出件): widgets only, no session, no core calls;
``HandoverDialog`` fills it and reacts to the clerk's keys."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from clerk_app.services.journey.results import VisitReason
from ui.common.widgets import read_only_table
from ui.counter.scan_filter import scan_field
from ui.handover.handover_model import HandoverCaseModel

# The reasons a clerk may give for a second visit (the first one is the acceptance).
REASONS = (VisitReason.COLLECT, VisitReason.SUPPLEMENT, VisitReason.CONSULT, VisitReason.OTHER)


class HandoverView(QWidget):
    """The group's cases, the visit's question, how it is handed over, messages, buttons."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build()

    def _build(self) -> None:
        self.number_edit = QLineEdit()
        scan_field(self.number_edit)
        self.number_edit.setPlaceholderText(self.tr("Scan or type the case number, Enter"))
        number_label = QLabel(self.tr("Case or &bundle no."))
        number_label.setBuddy(self.number_edit)
        top = QHBoxLayout()
        top.addWidget(number_label)
        top.addWidget(self.number_edit, 1)

        self.model = HandoverCaseModel(self)
        self.table = read_only_table()
        self.table.setModel(self.model)
        self.table.setTabKeyNavigation(False)
        self.table.horizontalHeader().setSectionResizeMode(
            HandoverCaseModel.ITEM, QHeaderView.ResizeMode.Stretch
        )
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)

        self.visit_label = QLabel()
        self.visit_label.setWordWrap(True)
        self.reason_combo = QComboBox()
        for reason in REASONS:
            self.reason_combo.addItem(reason_label(reason), reason.value)
        reason_title = QLabel(self.tr("&Why the applicant came"))
        reason_title.setBuddy(self.reason_combo)
        self.visit_button = QPushButton(self.tr("Record the &visit"))
        visit_row = QHBoxLayout()
        visit_row.addWidget(reason_title)
        visit_row.addWidget(self.reason_combo, 1)
        visit_row.addWidget(self.visit_button)
        self.visit_box = QWidget()
        visit_layout = QVBoxLayout(self.visit_box)
        visit_layout.setContentsMargins(0, 0, 0, 0)
        visit_layout.addWidget(self.visit_label)
        visit_layout.addLayout(visit_row)
        self.visit_box.hide()

        # 补正: what a department asked for, and the window's receipt of it.
        self.supplement_label = QLabel()
        self.supplement_label.setWordWrap(True)
        self.supplement_combo = QComboBox()  # which returned task, when several are
        self.supplement_note_edit = QLineEdit()
        self.supplement_note_edit.setPlaceholderText(self.tr("Optional: what was handed in"))
        note_title = QLabel(self.tr("N&ote on the supplement"))
        note_title.setBuddy(self.supplement_note_edit)
        self.supplement_button = QPushButton(self.tr("Record the supplement (Alt+S)"))
        supplement_row = QHBoxLayout()
        supplement_row.addWidget(note_title)
        supplement_row.addWidget(self.supplement_note_edit, 1)
        supplement_row.addWidget(self.supplement_button)
        self.supplement_choice = QWidget()  # shown when several tasks wait for a supplement
        choice_row = QHBoxLayout(self.supplement_choice)
        choice_row.setContentsMargins(0, 0, 0, 0)
        choice_title = QLabel(self.tr("&Returned task"))
        choice_title.setBuddy(self.supplement_combo)
        choice_row.addWidget(choice_title)
        choice_row.addWidget(self.supplement_combo, 1)
        self.supplement_box = QWidget()
        supplement_layout = QVBoxLayout(self.supplement_box)
        supplement_layout.setContentsMargins(0, 0, 0, 0)
        supplement_layout.addWidget(self.supplement_choice)
        supplement_layout.addWidget(self.supplement_label)
        supplement_layout.addLayout(supplement_row)
        self.supplement_box.hide()

        self.ready_button = QPushButton(self.tr("Mark the result r&eady"))
        self.applicant_radio = QRadioButton(self.tr("&Applicant collects"))
        self.agent_radio = QRadioButton(self.tr("A&gent collects"))
        self.post_radio = QRadioButton(self.tr("By &post"))
        self.mode_group = QButtonGroup(self)
        for radio in (self.applicant_radio, self.agent_radio, self.post_radio):
            self.mode_group.addButton(radio)
        self.applicant_radio.setChecked(True)
        modes = QHBoxLayout()
        modes.addWidget(self.applicant_radio)
        modes.addWidget(self.agent_radio)
        modes.addWidget(self.post_radio)
        modes.addStretch(1)

        self.agent_name_edit = QLineEdit()
        self.agent_id_edit = QLineEdit()
        scan_field(self.agent_id_edit)
        self.agent_id_edit.setMaxLength(40)
        self.agent_id_status = QLabel()
        self.letter_check = QCheckBox(self.tr("Authorisation &letter handed in"))
        self.tracking_edit = QLineEdit()
        scan_field(self.tracking_edit)
        self.carrier_edit = QLineEdit("EMS")
        self.form = QFormLayout()
        self._row(self.tr("Agent's &name"), self.agent_name_edit)
        self._row(self.tr("Agent's &ID"), self.agent_id_edit)
        self.form.addRow("", self.agent_id_status)
        self.form.addRow("", self.letter_check)
        self._row(self.tr("&Tracking no."), self.tracking_edit)
        self._row(self.tr("&Carrier"), self.carrier_edit)

        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.print_label = QLabel()
        self.print_label.setWordWrap(True)
        self.hand_over_button = QPushButton(self.tr("&Hand over (Ctrl+Enter)"))
        self.hand_over_button.setObjectName("PrimaryButton")
        self.print_button = QPushButton(self.tr("Print again (Ctrl+P)"))
        self.denial_button = QPushButton(self.tr("Print the &denial notice"))
        self.denial_button.hide()  # shown when a department denied an item of the group
        self.close_button = QPushButton(self.tr("Close (Esc)"))
        for button in (
            self.visit_button,
            self.supplement_button,
            self.ready_button,
            self.hand_over_button,
            self.print_button,
            self.denial_button,
            self.close_button,
        ):
            button.setAutoDefault(False)  # Enter in a field never hands anything over
        buttons = QHBoxLayout()
        buttons.addWidget(self.ready_button)
        buttons.addStretch(1)
        buttons.addWidget(self.hand_over_button)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.denial_button)
        buttons.addWidget(self.close_button)
        hint = QLabel(
            self.tr(
                "Alt+E ready · Alt+A applicant · Alt+G agent · Alt+P post · "
                "Ctrl+Enter hand over and print · Ctrl+P print again · Alt+D denial notice · "
                "Esc close"
            )
        )
        hint.setObjectName("Placeholder")
        hint.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.visit_box)
        layout.addWidget(self.supplement_box)
        layout.addLayout(modes)
        layout.addLayout(self.form)
        layout.addWidget(self.message_label)
        layout.addWidget(self.print_label)
        layout.addLayout(buttons)
        layout.addWidget(hint)

    def _row(self, title: str, field: QWidget) -> None:
        label = QLabel(title)
        label.setBuddy(field)
        self.form.addRow(label, field)


def reason_label(reason: VisitReason) -> str:
    """A visit's reason for people, in the desk's language."""
    labels = {
        VisitReason.ACCEPT: QCoreApplication.translate("HandoverView", "Acceptance"),
        VisitReason.SUPPLEMENT: QCoreApplication.translate("HandoverView", "Supplement"),
        VisitReason.COLLECT: QCoreApplication.translate("HandoverView", "Collecting the result"),
        VisitReason.CONSULT: QCoreApplication.translate("HandoverView", "Asking about progress"),
        VisitReason.OTHER: QCoreApplication.translate("HandoverView", "Other"),
    }
    return labels[reason]
