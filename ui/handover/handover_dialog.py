"""出件: a case group's result back to the window, collected by the applicant or an agent, or
mailed, with its 领证回执 or 送达回证 printed on the counter's printer.

Keyboard only: the case number field has the focus (Alt+B; scan or type, Enter); Alt+E marks the
result ready (出证) once every department decided; Alt+A / Alt+G / Alt+P choose the applicant,
an agent or the post; Alt+N, Alt+I, Alt+L the agent's name, ID and authorisation letter; Alt+T
and Alt+C the tracking number and carrier; Ctrl+Enter hands over and prints the paper; Ctrl+P
prints it again; when a department denied an item, Alt+D prints the (部分事项)不予许可告知书
that explains why, with the legal basis and the appeal routes; Esc closes. When the ticket in
service is a second visit of the case, the dialog asks why the applicant came (Alt+W) and
records it (Alt+V) before anything is handed over (领证 is recorded by the collection itself,
in its transaction).

补正: when a department returned a task of the group for a supplement, the dialog shows what it
asked for; the applicant hands it in, the clerk adds an optional note (Alt+O) and records it
(Alt+S) for the ticket in service: the task goes back to the department's inbox. When several
departments returned theirs, Alt+R chooses which one the applicant brought.

The rules are the core's (``services.journey.handover``): a refusal (no authorisation letter,
an ID that fails its check, a tracking number recorded already) is shown here with nothing
changed, and the fields keep what was typed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QVBoxLayout,
    QWidget,
)

from clerk_app.documents.paper_data import DocumentKind
from clerk_app.domain.case_states import CaseState
from clerk_app.domain.identity import mask_identifier, validate_resident_id
from clerk_app.errors import ClerkError
from clerk_app.hall_time import to_local
from clerk_app.services.journey.results import CollectorInput, HandoverInfo, VisitReason
from ui.common.widgets import restyle, show_message
from ui.handover.handover_model import (
    HandoverRow,
    may_explain_denial,
    may_hand_over,
    may_make_ready,
    read_group,
)
from ui.handover.handover_paper import HandoverPaper
from ui.handover.handover_returns import TaskSupplement, VisitQuestion
from ui.handover.handover_view import HandoverView

if TYPE_CHECKING:
    from clerk_app.api import StaffSession
    from clerk_app.services.queue.results import TicketInfo
    from ui.printing.print_job import PrintOutcome
    from ui.printing.printers import CounterPrinters

_ID_LENGTH = 18


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
        self.bundle_no = ""
        self.paper_kind: DocumentKind | None = None
        self.last_handover: HandoverInfo | None = None
        self.last_outcome: PrintOutcome | None = None
        self.setWindowTitle(self.tr("Result to the window"))
        self.setMinimumWidth(760)
        self.view = HandoverView(self)
        self.paper = HandoverPaper(session, self.view.print_label, printers, self)
        self.paper.printed.connect(self._printed)
        self.visit = VisitQuestion(session, self.view, ticket, self.show_message, self)
        self.supplement = TaskSupplement(session, self.view, self.show_message, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self._bind_keys()
        self._update()

    def _bind_keys(self) -> None:
        self.view.number_edit.returnPressed.connect(lambda: self.load(self.view.number_edit.text()))
        self.view.agent_name_edit.returnPressed.connect(self.view.agent_id_edit.setFocus)
        self.view.agent_id_edit.returnPressed.connect(self.view.letter_check.setFocus)
        self.view.agent_id_edit.textChanged.connect(self._check_agent_id)
        self.view.tracking_edit.returnPressed.connect(self.view.carrier_edit.setFocus)
        self.view.mode_group.buttonToggled.connect(self._mode_changed)
        self.view.visit_button.clicked.connect(self.record_visit)
        self.view.supplement_button.clicked.connect(self.record_supplement)
        self.view.supplement_combo.currentIndexChanged.connect(
            lambda _index: self.supplement.chosen(self.rows())
        )
        self.view.supplement_note_edit.returnPressed.connect(self.record_supplement)
        self.view.ready_button.clicked.connect(self.make_ready)
        self.view.hand_over_button.clicked.connect(self.hand_over)
        self.view.print_button.clicked.connect(self.print_paper)
        self.view.denial_button.clicked.connect(self.print_denial_notice)
        self.view.close_button.clicked.connect(self.reject)
        for keys, action in (
            ("Ctrl+Return", self.hand_over),
            ("Ctrl+Enter", self.hand_over),
            ("Ctrl+P", self.print_paper),
            ("Alt+S", self.record_supplement),
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
            self.view.print_label.clear()
        self.bundle_no = bundle_no
        self.view.number_edit.setText(bundle_no)
        self.view.model.set_rows(rows)
        self.show_message("")
        if bundle_no and not rows:
            self.show_message(
                self.tr(
                    "Case %1 has no department tasks: open it in the acceptance panel (F9)."
                ).replace("%1", bundle_no),
                error=True,
            )
        self.visit.ask(rows)
        self.supplement.show(rows)
        self._update()
        self._focus_next()

    def rows(self) -> list[HandoverRow]:
        return list(self.view.model.rows())

    def _reload(self) -> None:
        try:
            _bundle, rows = read_group(self._session, self.bundle_no)
        except ClerkError as e:
            self.show_message(str(e), error=True)
            return
        self.view.model.set_rows(rows)
        self.supplement.show(rows)
        self._update()

    def _update(self) -> None:
        rows = self.rows()
        ready, handable = may_make_ready(rows), may_hand_over(rows)
        self.view.ready_button.setEnabled(ready)
        self.view.hand_over_button.setEnabled(handable)
        self.view.print_button.setEnabled(self.paper_kind is not None)
        self.view.denial_button.setVisible(may_explain_denial(rows))
        agent, post = (
            self.view.agent_radio.isChecked(),
            self.view.post_radio.isChecked(),
        )
        for widget in (
            self.view.agent_name_edit,
            self.view.agent_id_edit,
            self.view.letter_check,
        ):
            widget.setEnabled(agent)
        for widget in (self.view.tracking_edit, self.view.carrier_edit):
            widget.setEnabled(post)
        if not rows:
            summary = ""
        elif ready:
            summary = self.tr("Every department has decided: Alt+E marks the result ready.")
        elif handable and may_explain_denial(rows):
            summary = self.tr(
                "The result is at the window. An item was denied: Alt+D prints the notice "
                "that explains why."
            )
        elif handable:
            summary = self.tr("The result is at the window: it may be collected or mailed.")
        elif any(r.state is CaseState.COLLECTED for r in rows):
            summary = self.tr("The result was handed over already.")
        else:
            summary = self.tr("Not every department has decided yet.")
        self.view.summary_label.setText(summary)

    def _mode_changed(self, button: object, checked: bool) -> None:
        self._update()
        if checked and button is self.view.agent_radio:
            self.view.agent_name_edit.setFocus()
        elif checked and button is self.view.post_radio:
            self.view.tracking_edit.setFocus()

    def _focus_next(self) -> None:
        """The cursor where the clerk goes next: the visit's reason, 出证, or the handover."""
        if self.visit_asked and not self.visit_recorded:
            self.view.reason_combo.setFocus()
        elif self.returned_row() is not None:
            self.view.supplement_note_edit.setFocus()
        elif self.view.ready_button.isEnabled():
            self.view.ready_button.setFocus()
        elif self.view.hand_over_button.isEnabled():
            self.view.applicant_radio.setFocus()
        else:
            self.view.number_edit.setFocus()
            self.view.number_edit.selectAll()

    # --- the visit and 补正 (``handover_returns``) ------------------------------------------
    @property
    def visit_asked(self) -> bool:
        """The ticket in service is a later visit of the case: its reason is asked."""
        return self.visit.asked

    @property
    def visit_recorded(self) -> bool:
        return self.visit.recorded

    def chosen_reason(self) -> VisitReason:
        return self.visit.chosen_reason()

    def record_visit(self) -> None:
        """Count the ticket's visit on every case of the group, in one transaction."""
        if self.visit.record(self.rows()):
            self._focus_next()

    def returned_row(self) -> HandoverRow | None:
        """The returned task chosen in the supplement box (the only one, most often)."""
        return self.supplement.returned_row(self.rows())

    def record_supplement(self) -> None:
        """补正 for the ticket in service: the task goes back to the department's inbox."""
        recorded = self.supplement.record(self.rows(), self._ticket)
        if recorded is not None:
            self._reload()
            self.show_message(recorded)
            self._focus_next()
        elif self.supplement.stale:
            self._reload()  # changed at another window meanwhile: show it as it is now

    # --- actions --------------------------------------------------------------------------
    def make_ready(self) -> None:
        """出证: the approved cases get their certificate numbers; the applicant is told."""
        if not self.bundle_no or not self.view.ready_button.isEnabled():
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
        self._focus_next()

    def hand_over(self) -> None:
        """Collect or mail, as chosen; then print the paper that proves it."""
        if not self.bundle_no or not self.view.hand_over_button.isEnabled():
            return
        post = self.view.post_radio.isChecked()
        ticket_id = self._ticket.id if self._ticket is not None else None
        asked = self.visit_asked and not self.visit_recorded
        if asked and (post or self.chosen_reason() is not VisitReason.COLLECT):
            # Only 领证 is recorded by the collection itself; any other reason is said first.
            self.show_message(self.tr("Record why the applicant came first (Alt+V)."), error=True)
            self.view.reason_combo.setFocus()
            return
        journey = self._session.journey
        try:
            if post:
                info = journey.deliver(
                    self.bundle_no,
                    self.view.tracking_edit.text(),
                    self.view.carrier_edit.text(),
                )
            else:
                info = journey.collect(self.bundle_no, self._collector(), ticket_id=ticket_id)
        except ClerkError as e:
            self.show_message(str(e), error=True)
            return
        if self.visit_asked and not self.visit_recorded and not post:
            self.visit.done(VisitReason.COLLECT, self._visits())
        self.last_handover = info
        self.paper_kind = DocumentKind.DELIVERY_RECEIPT if post else DocumentKind.COLLECTION_RECEIPT
        self.show_message(self._done_text(info))
        self._reload()
        self.handed_over.emit(info)
        self.print_paper()
        self._focus_next()  # the number field: the next group, or Esc

    def _visits(self) -> int:
        rows = self.rows()
        try:
            journey = self._session.journey.journeys([rows[0].case_no]).get(rows[0].case_no)
        except ClerkError:
            return 0
        return journey.visits if journey is not None else 0

    def _collector(self) -> CollectorInput:
        if self.view.agent_radio.isChecked():
            return CollectorInput(
                "agent",
                self.view.agent_name_edit.text(),
                self.view.agent_id_edit.text(),
                self.view.letter_check.isChecked(),
            )
        return CollectorInput("applicant")

    def _done_text(self, info: HandoverInfo) -> str:
        at = to_local(info.at).strftime("%H:%M")  # hall time, not the PC's or UTC
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
        restyle(self.view.agent_id_status, name)
        self.view.agent_id_status.setText(message)

    # --- paper ------------------------------------------------------------------------------
    def print_paper(self) -> None:
        """The 领证回执 or 送达回证 of the last handover, on the counter's printer (or a PDF)."""
        if self.paper_kind is not None:
            self._print(self.paper_kind)

    def print_denial_notice(self) -> None:
        """The (部分事项)不予许可告知书: which item was denied, why, on what legal basis."""
        if self.view.denial_button.isVisible():
            self._print(DocumentKind.PARTIAL_DENIAL)

    def _print(self, kind: DocumentKind) -> None:
        self.paper.print_group(kind, self.bundle_no)

    def _printed(self, outcome: PrintOutcome) -> None:
        self.last_outcome = outcome
        self._update()
        self.printed.emit(outcome)

    def show_message(self, text: str, *, error: bool = False) -> None:
        show_message(self.view.message_label, text, error=error)

    def message(self) -> str:
        return self.view.message_label.text()
