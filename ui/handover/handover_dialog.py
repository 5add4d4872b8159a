"""出件: a case group's result back to the window, collected by the applicant or an agent, or
mailed, with its 领证回执 or 送达回证 printed on the counter's printer.

Keyboard only: the case number field has the focus (Alt+B; scan or type, Enter); Alt+E marks the
result ready (出证) once every department decided; Alt+A / Alt+G / Alt+P choose the applicant,
an agent or the post; Alt+N, Alt+I, Alt+L the agent's name, ID and authorisation letter; Alt+T
and Alt+C the tracking number and carrier; Ctrl+Enter hands over and prints the paper; Ctrl+P
prints it again; Esc closes. When the ticket in service is a second visit of the case, the
dialog asks why the applicant came (Alt+W) and records it (Alt+V) before anything is handed
over (领证 is recorded by the collection itself, in its transaction).

The rules are the core's (``services.journey.handover``): a refusal (no authorisation letter,
an ID that fails its check, a tracking number recorded already) is shown here with nothing
changed, and the fields keep what was typed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
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

from clerk_app.documents.paper_data import DocumentKind
from clerk_app.domain.case_states import CaseState
from clerk_app.domain.identity import mask_identifier, validate_resident_id
from clerk_app.errors import ClerkError
from clerk_app.services.journey.results import CollectorInput, HandoverInfo, VisitReason
from ui.common.tasks import run_task
from ui.common.widgets import read_only_table, restyle, show_message
from ui.counter.scan_filter import scan_field
from ui.handover.handover_model import (
    HandoverCaseModel,
    HandoverRow,
    may_hand_over,
    may_make_ready,
    read_group,
)

if TYPE_CHECKING:
    from clerk_app.api import StaffSession
    from clerk_app.services.queue.results import TicketInfo
    from ui.printing.print_job import PrintOutcome
    from ui.printing.printers import CounterPrinters

_ID_LENGTH = 18
#: The reasons a clerk may give for a second visit (the first one is the acceptance).
REASONS = (VisitReason.COLLECT, VisitReason.SUPPLEMENT, VisitReason.CONSULT, VisitReason.OTHER)


class HandoverDialog(QDialog):
    """``load(number)`` shows a group; ``handed_over`` and ``printed`` after each success."""

    handed_over = Signal(object)  # HandoverInfo
    printed = Signal(object)  # PrintOutcome

    def __init__(
        self,
        session: StaffSession,
        *,
        ticket: TicketInfo | None = None,
        printers: CounterPrinters | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._ticket = ticket
        self._printers = printers
        self.bundle_no = ""
        self.visit_asked = False  # the ticket is a later visit: its reason is asked
        self.visit_recorded = False
        self.paper_kind: DocumentKind | None = None
        self.last_handover: HandoverInfo | None = None
        self.last_outcome: PrintOutcome | None = None
        self._printing = False
        self.setWindowTitle(self.tr("Result to the window"))
        self.setMinimumWidth(760)
        self._build()
        self._bind_keys()
        self._update()

    # --- layout ---------------------------------------------------------------------------
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
        self.view = read_only_table()
        self.view.setModel(self.model)
        self.view.setTabKeyNavigation(False)
        self.view.horizontalHeader().setSectionResizeMode(
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

        self.ready_button = QPushButton(self.tr("Mark the result r&eady (出证)"))
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
        self.close_button = QPushButton(self.tr("Close (Esc)"))
        for button in (
            self.visit_button,
            self.ready_button,
            self.hand_over_button,
            self.print_button,
            self.close_button,
        ):
            button.setAutoDefault(False)  # Enter in a field never hands anything over
        buttons = QHBoxLayout()
        buttons.addWidget(self.ready_button)
        buttons.addStretch(1)
        buttons.addWidget(self.hand_over_button)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.close_button)
        hint = QLabel(
            self.tr(
                "Alt+E ready · Alt+A applicant · Alt+G agent · Alt+P post · "
                "Ctrl+Enter hand over and print · Ctrl+P print again · Esc close"
            )
        )
        hint.setObjectName("Placeholder")
        hint.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.visit_box)
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

    def _bind_keys(self) -> None:
        self.number_edit.returnPressed.connect(lambda: self.load(self.number_edit.text()))
        self.agent_name_edit.returnPressed.connect(self.agent_id_edit.setFocus)
        self.agent_id_edit.returnPressed.connect(self.letter_check.setFocus)
        self.agent_id_edit.textChanged.connect(self._check_agent_id)
        self.tracking_edit.returnPressed.connect(self.carrier_edit.setFocus)
        self.mode_group.buttonToggled.connect(self._mode_changed)
        self.visit_button.clicked.connect(self.record_visit)
        self.ready_button.clicked.connect(self.make_ready)
        self.hand_over_button.clicked.connect(self.hand_over)
        self.print_button.clicked.connect(self.print_paper)
        self.close_button.clicked.connect(self.reject)
        for keys, action in (
            ("Ctrl+Return", self.hand_over),
            ("Ctrl+Enter", self.hand_over),
            ("Ctrl+P", self.print_paper),
        ):
            QShortcut(QKeySequence(keys), self).activated.connect(action)

    # --- the group --------------------------------------------------------------------------
    def load(self, number: str) -> bool:
        """Read the group of ``number`` (a case's or its bundle's) and show it; False if the
        core refused (unknown number, no department tasks)."""
        try:
            bundle_no, rows = read_group(self._session, number)
        except ClerkError as e:
            self.show_group("", [])
            self.show_message(str(e), error=True)
            return False
        self.show_group(bundle_no, rows)
        return bool(rows)

    def show_group(self, bundle_no: str, rows: list[HandoverRow]) -> None:
        """Show a group already read (``read_group``); its visit asked when it is one."""
        if bundle_no != self.bundle_no:
            self.paper_kind, self.last_handover, self.last_outcome = None, None, None
            self.print_label.clear()
        self.bundle_no = bundle_no
        self.number_edit.setText(bundle_no)
        self.model.set_rows(rows)
        self.show_message("")
        if bundle_no and not rows:
            self.show_message(
                self.tr(
                    "Case %1 has no department tasks: open it in the acceptance panel (F9)."
                ).replace("%1", bundle_no),
                error=True,
            )
        self._ask_visit(rows)
        self._update()
        self._focus_next()

    def rows(self) -> list[HandoverRow]:
        return list(self.model.rows())

    def _reload(self) -> None:
        try:
            _bundle, rows = read_group(self._session, self.bundle_no)
        except ClerkError as e:
            self.show_message(str(e), error=True)
            return
        self.model.set_rows(rows)
        self._update()

    def _update(self) -> None:
        rows = self.rows()
        ready, handable = may_make_ready(rows), may_hand_over(rows)
        self.ready_button.setEnabled(ready)
        self.hand_over_button.setEnabled(handable)
        self.print_button.setEnabled(self.paper_kind is not None)
        agent, post = self.agent_radio.isChecked(), self.post_radio.isChecked()
        for widget in (self.agent_name_edit, self.agent_id_edit, self.letter_check):
            widget.setEnabled(agent)
        for widget in (self.tracking_edit, self.carrier_edit):
            widget.setEnabled(post)
        if not rows:
            self.summary_label.setText("")
        elif ready:
            self.summary_label.setText(
                self.tr("Every department has decided: Alt+E marks the result ready.")
            )
        elif handable:
            self.summary_label.setText(
                self.tr("The result is at the window: it may be collected or mailed.")
            )
        elif any(r.state is CaseState.COLLECTED for r in rows) and self.last_handover is None:
            self.summary_label.setText(self.tr("The result was handed over already."))
        elif self.last_handover is None:
            self.summary_label.setText(self.tr("Not every department has decided yet."))

    def _mode_changed(self, button: object, checked: bool) -> None:
        self._update()
        if checked and button is self.agent_radio:
            self.agent_name_edit.setFocus()
        elif checked and button is self.post_radio:
            self.tracking_edit.setFocus()

    def _focus_next(self) -> None:
        """The cursor where the clerk goes next: the visit's reason, 出证, or the handover."""
        if self.visit_asked and not self.visit_recorded:
            self.reason_combo.setFocus()
        elif self.ready_button.isEnabled():
            self.ready_button.setFocus()
        elif self.hand_over_button.isEnabled():
            self.applicant_radio.setFocus()
        else:
            self.number_edit.setFocus()
            self.number_edit.selectAll()

    # --- the visit (最多跑一次) -------------------------------------------------------------
    def _ask_visit(self, rows: list[HandoverRow]) -> None:
        """A ticket in service that is not the acceptance's, for a case visited before: ask."""
        self.visit_asked, self.visit_recorded = False, False
        ticket = self._ticket
        self.visit_box.setVisible(False)
        if ticket is None or not rows:
            return
        numbers = [r.case_no for r in rows]
        try:
            linked = {c.case_no for c in self._session.cases.cases_for_ticket(ticket.id)}
            if linked & set(numbers):
                return  # the ticket that brought the application: the same visit
            journey = self._session.journey.journeys(numbers).get(numbers[0])
        except ClerkError as e:
            self.show_message(str(e), error=True)
            return
        if journey is None or journey.visits < 1:
            return  # the first visit: the collection counts it
        self.visit_asked = True
        self.visit_label.setText(
            self.tr("Ticket %1 is visit %2 of this case: why did the applicant come?")
            .replace("%1", ticket.number)
            .replace("%2", str(journey.visits + 1))
        )
        self.reason_combo.setEnabled(True)
        self.visit_button.setEnabled(True)
        self.visit_box.setVisible(True)

    def chosen_reason(self) -> VisitReason:
        return VisitReason(self.reason_combo.currentData())

    def record_visit(self) -> None:
        """Count the ticket's visit, with the reason chosen, on every case of the group."""
        ticket = self._ticket
        if ticket is None or not self.visit_asked or self.visit_recorded:
            return
        reason = self.chosen_reason()
        count = 0
        try:
            for row in self.rows():
                count = self._session.journey.record_visit(row.case_no, ticket.id, reason)
        except ClerkError as e:
            self.show_message(str(e), error=True)
            return
        self._visit_done(reason, count)
        self._focus_next()

    def _visit_done(self, reason: VisitReason, count: int) -> None:
        self.visit_recorded = True
        self.reason_combo.setEnabled(False)
        self.visit_button.setEnabled(False)
        self.visit_label.setText(
            self.tr("Visit %1 recorded: %2.")
            .replace("%1", str(count))
            .replace("%2", reason_label(reason))
        )

    # --- actions --------------------------------------------------------------------------
    def make_ready(self) -> None:
        """出证: the approved cases get their certificate numbers; the applicant is told."""
        if not self.bundle_no or not self.ready_button.isEnabled():
            return
        try:
            self._session.journey.make_ready(self.bundle_no)
        except ClerkError as e:
            self.show_message(str(e), error=True)
            return
        self._reload()
        self.show_message(
            self.tr("The result of %1 is at the window.").replace("%1", self.bundle_no)
        )
        self.applicant_radio.setFocus()

    def hand_over(self) -> None:
        """Collect or mail, as chosen; then print the paper that proves it."""
        if not self.bundle_no or not self.hand_over_button.isEnabled():
            return
        post = self.post_radio.isChecked()
        ticket_id = self._ticket.id if self._ticket is not None else None
        if self.visit_asked and not self.visit_recorded:
            if post or self.chosen_reason() is not VisitReason.COLLECT:
                self.show_message(
                    self.tr("Record why the applicant came first (Alt+V)."), error=True
                )
                self.reason_combo.setFocus()
                return
        journey = self._session.journey
        try:
            if post:
                info = journey.deliver(
                    self.bundle_no, self.tracking_edit.text(), self.carrier_edit.text()
                )
            else:
                info = journey.collect(self.bundle_no, self._collector(), ticket_id=ticket_id)
        except ClerkError as e:
            self.show_message(str(e), error=True)
            return
        if self.visit_asked and not self.visit_recorded and not post:
            self._visit_done(VisitReason.COLLECT, self._visits())
        self.last_handover = info
        self.paper_kind = DocumentKind.DELIVERY_RECEIPT if post else DocumentKind.COLLECTION_RECEIPT
        self.show_message(self._done_text(info))
        self._reload()
        self.handed_over.emit(info)
        self.print_paper()

    def _visits(self) -> int:
        rows = self.rows()
        try:
            journey = self._session.journey.journeys([rows[0].case_no]).get(rows[0].case_no)
        except ClerkError:
            return 0
        return journey.visits if journey is not None else 0

    def _collector(self) -> CollectorInput:
        if self.agent_radio.isChecked():
            return CollectorInput(
                "agent",
                self.agent_name_edit.text(),
                self.agent_id_edit.text(),
                self.letter_check.isChecked(),
            )
        return CollectorInput("applicant")

    def _done_text(self, info: HandoverInfo) -> str:
        at = info.at.strftime("%H:%M")
        if info.method == "deliver":
            return (
                self.tr("%1 mailed by %2, tracking no. %3 (%4).")
                .replace("%1", info.bundle_no)
                .replace("%2", info.carrier)
                .replace("%3", info.tracking_no or "")
                .replace("%4", at)
            )
        if info.collector == "agent":
            return (
                self.tr("%1 collected by the agent %2 (%3) at %4.")
                .replace("%1", info.bundle_no)
                .replace("%2", info.agent_name)
                .replace("%3", info.agent_id_masked)
                .replace("%4", at)
            )
        return (
            self.tr("%1 collected by the applicant at %2.")
            .replace("%1", info.bundle_no)
            .replace("%2", at)
        )

    def _check_agent_id(self, text: str) -> None:
        """Live check of the agent's ID: a count while typing, then valid (masked) or why not."""
        stripped = "".join(text.split())
        if not stripped:
            message, name = "", "Placeholder"
        elif len(stripped) < _ID_LENGTH:
            message, name = f"{len(stripped)}/{_ID_LENGTH}", "Placeholder"
        else:
            try:
                valid = validate_resident_id(stripped, today=self._session.hall_now().date())
                message = "✓ " + self.tr("Valid") + " · " + mask_identifier(valid)
                name = "InfoText"
            except ClerkError as e:
                message, name = str(e), "ErrorText"
        restyle(self.agent_id_status, name)
        self.agent_id_status.setText(message)

    # --- paper ------------------------------------------------------------------------------
    def print_paper(self) -> None:
        """The 领证回执 or 送达回证 of the last handover, on the counter's printer (or a PDF)."""
        kind, bundle = self.paper_kind, self.bundle_no
        if kind is None or not bundle or self._printing:
            return
        from ui.printing.print_job import print_through_service  # Qt's PDF modules: on use

        target = self._counter_printers().target(None, f"{bundle}-{kind.value}")
        journey = self._session.journey
        self._printing = True
        self.print_label.setText(self.tr("Printing…"))
        run_task(
            lambda: print_through_service(lambda: journey.print_paper(kind, bundle), target),
            self._printed,
            self._print_failed,
            owner=self,
        )

    def _counter_printers(self) -> CounterPrinters:
        if self._printers is None:
            from ui.printing.printers import CounterPrinters

            self._printers = CounterPrinters(self._session.actor.counter_no)
        return self._printers

    def _printed(self, outcome: PrintOutcome) -> None:
        self._printing = False
        self.last_outcome = outcome
        show_message(self.print_label, outcome.message(), error=bool(outcome.error))
        self._update()
        self.printed.emit(outcome)

    def _print_failed(self, error: BaseException) -> None:
        from ui.printing.pdf_printing import PrintFailed

        self._printing = False
        if not isinstance(error, ClerkError | PrintFailed):
            raise error
        show_message(self.print_label, str(error), error=True)

    def show_message(self, text: str, *, error: bool = False) -> None:
        show_message(self.message_label, text, error=error)

    def message(self) -> str:
        return self.message_label.text()


def reason_label(reason: VisitReason) -> str:
    """A visit's reason for people, in the desk's language."""
    from PySide6.QtCore import QCoreApplication

    labels = {
        VisitReason.ACCEPT: QCoreApplication.translate("HandoverDialog", "Acceptance"),
        VisitReason.SUPPLEMENT: QCoreApplication.translate("HandoverDialog", "Supplement"),
        VisitReason.COLLECT: QCoreApplication.translate("HandoverDialog", "Collecting the result"),
        VisitReason.CONSULT: QCoreApplication.translate("HandoverDialog", "Asking about progress"),
        VisitReason.OTHER: QCoreApplication.translate("HandoverDialog", "Other"),
    }
    return labels[reason]
