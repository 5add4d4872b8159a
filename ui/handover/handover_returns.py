"""Why a ticket came back, and 补正 for a department's return: the two questions the 出件
dialog asks before anything is handed over (``HandoverDialog`` holds one of each).

``VisitQuestion``: when the ticket in service is a later visit of the case (最多跑一次 counts
them), the clerk says why the applicant came (Alt+W) and records it (Alt+V) on every case of
the group in one transaction; 领证 is recorded by the collection itself.

``TaskSupplement``: when a department returned a task for a supplement, what it asked for; the
applicant hands it in, the clerk adds an optional note (Alt+O) and records it (Alt+S) for the
ticket in service, and the task goes back to the department's inbox. With several returned,
Alt+R chooses which one the applicant brought.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject

from clerk_app.domain.typed_text import typed_text
from clerk_app.errors import ClerkError, ValidationError
from clerk_app.services.cases import checklist
from clerk_app.services.journey.results import VisitReason
from ui.handover.handover_model import HandoverRow, returned
from ui.handover.handover_view import HandoverView, reason_label

if TYPE_CHECKING:
    from clerk_app.api import StaffSession
    from clerk_app.services.queue.results import TicketInfo

Say = Callable[..., None]  # the dialog's show_message(text, *, error=False)


class VisitQuestion(QObject):
    """``ask(rows)`` when a group is shown; ``record(rows)`` on Alt+V."""

    def __init__(
        self,
        session: StaffSession,
        view: HandoverView,
        ticket: TicketInfo | None,
        say: Say,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._session, self._view, self._ticket, self._say = session, view, ticket, say
        self.asked = False  # the ticket is a later visit: its reason is asked
        self.recorded = False

    def ask(self, rows: list[HandoverRow]) -> None:
        """A ticket in service that is not the acceptance's, for a case visited before: ask."""
        self.asked, self.recorded = False, False
        ticket, view = self._ticket, self._view
        view.visit_box.setVisible(False)
        if ticket is None or not rows:
            return
        numbers = [r.case_no for r in rows]
        try:
            linked = {c.case_no for c in self._session.cases.cases_for_ticket(ticket.id)}
            if linked & set(numbers):
                return  # the ticket that brought the application: the same visit
            journey = self._session.journey.journeys(numbers).get(numbers[0])
        except ClerkError as e:
            self._say(str(e), error=True)
            return
        if journey is None or journey.visits < 1:
            return  # the first visit: the collection counts it
        self.asked = True
        view.visit_label.setText(
            QCoreApplication.translate(
                "HandoverDialog", "Ticket %1 is visit %2 of this case: why did the applicant come?"
            )
            .replace("%1", ticket.number)
            .replace("%2", str(journey.visits + 1))
        )
        if returned(rows):  # the applicant most likely brings what a department asked for
            view.reason_combo.setCurrentIndex(
                view.reason_combo.findData(VisitReason.SUPPLEMENT.value)
            )
        view.reason_combo.setEnabled(True)
        view.visit_button.setEnabled(True)
        view.visit_box.setVisible(True)

    def chosen_reason(self) -> VisitReason:
        return VisitReason(self._view.reason_combo.currentData())

    def record(self, rows: list[HandoverRow]) -> bool:
        """Count the ticket's visit, with the reason chosen, on every case of the group, in one
        transaction (``journey.record_visit``): all the cases or none. True when recorded."""
        ticket = self._ticket
        if ticket is None or not self.asked or self.recorded:
            return False
        reason = self.chosen_reason()
        try:
            count = self._session.journey.record_visit(
                [row.case_no for row in rows], ticket.id, reason
            )
        except ClerkError as e:
            self._say(str(e), error=True)
            return False
        self.done(reason, count)
        return True

    def done(self, reason: VisitReason, count: int) -> None:
        """The visit is counted (here, or by a collection): the question closes."""
        self.recorded = True
        self._view.reason_combo.setEnabled(False)
        self._view.visit_button.setEnabled(False)
        self._view.visit_label.setText(
            QCoreApplication.translate("HandoverDialog", "Visit %1 recorded: %2.")
            .replace("%1", str(count))
            .replace("%2", reason_label(reason))
        )


class TaskSupplement(QObject):
    """``show(rows)`` when a group is shown or read again; ``record(rows, ticket)`` on Alt+S."""

    def __init__(
        self, session: StaffSession, view: HandoverView, say: Say, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._session, self._view, self._say = session, view, say
        self.stale = False  # the last record was refused because the task changed meanwhile

    def show(self, rows: list[HandoverRow]) -> None:
        """The returned tasks of the group, if any: which one, and what its department asked."""
        combo = self._view.supplement_combo
        chosen = combo.currentData()
        waiting = returned(rows)
        combo.blockSignals(True)
        combo.clear()
        for row in waiting:
            combo.addItem(f"{row.department_name} · {row.item_name}", row.case_no)
        combo.setCurrentIndex(max(combo.findData(chosen), 0))
        combo.blockSignals(False)
        self._view.supplement_choice.setVisible(len(waiting) > 1)
        self._view.supplement_box.setVisible(bool(waiting))
        self.chosen(rows)

    def returned_row(self, rows: list[HandoverRow]) -> HandoverRow | None:
        """The returned task chosen in the box (the only one, most often)."""
        case_no = self._view.supplement_combo.currentData()
        return next((r for r in returned(rows) if r.case_no == case_no), None)

    def chosen(self, rows: list[HandoverRow]) -> None:
        row = self.returned_row(rows)
        if row is None:
            self._view.supplement_label.clear()
            return
        self._view.supplement_label.setText(
            QCoreApplication.translate("HandoverDialog", "%1 returned %2 (%3) for a supplement: %4")
            .replace("%1", row.department_name)
            .replace("%2", row.item_name)
            .replace("%3", row.case_no)
            .replace("%4", row.request)
        )

    def record(self, rows: list[HandoverRow], ticket: TicketInfo | None) -> str | None:
        """补正: the window received what the department asked for, for the ticket in service;
        the task goes back to the department's inbox (the core's one transaction). The sentence
        to show when recorded; ``None`` when there was nothing to record or it was refused
        (said; ``stale`` when the task changed at another window meanwhile)."""
        self.stale = False
        row = self.returned_row(rows)
        if row is None:
            return None
        note = self._view.supplement_note_edit.text()
        try:
            note = typed_text(
                note, "补正说明", "The note", max_len=checklist.REASON_MAX_LEN
            ).strip()
            task = self._session.journey.record_task_supplement(
                row.case_no,
                row.task_version,
                ticket_id=ticket.id if ticket is not None else None,
                note=note,
            )
        except ClerkError as e:
            self._say(str(e), error=True)
            self.stale = not isinstance(e, ValidationError)
            return None
        self._view.supplement_note_edit.clear()
        return (
            QCoreApplication.translate(
                "HandoverDialog",
                "Supplement for %1 recorded: the task is back in the inbox of %2.",
            )
            .replace("%1", task.case_no)
            .replace("%2", task.department_name)
        )
