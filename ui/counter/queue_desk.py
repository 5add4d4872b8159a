"""The counter's queue work: the keys F1–F7, the ticket in service, the queue, the heartbeat.

Threading: a key press (call next, recall, …) calls the core synchronously on the GUI thread —
each is one short transaction, its result must be on screen before the next key is read, and
running presses in order means a double F1 can never overlap itself. The queue is re-read
every two seconds and the heartbeat sent every 30 seconds through ``ui.common.tasks``, on a
worker. A poll that started before the last key press is dropped: it may predate the change.

A key that moves the counter to another applicant (call next, call a number, no-show,
transfer, finish, back to the queue) first asks ``leave_guard``: the screen uses it to keep an
application typed but not yet decided from being thrown away without a word (issue 12).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from clerk_app.domain.queue_order import PriorityClass, priority_label
from clerk_app.errors import ClerkError
from clerk_app.hall_time import to_local
from clerk_app.services.queue.results import CounterState, TicketInfo
from ui.common.polling import Poller
from ui.common.tasks import run_task
from ui.counter import ticket_panel as keys
from ui.counter.waiting_model import minutes_between

if TYPE_CHECKING:
    from clerk_app.api import StaffSession
    from ui.counter.call_ticket_dialog import CallTicketDialog
    from ui.counter.counter_view import CounterView
    from ui.counter.transfer_dialog import TransferDialog

log = logging.getLogger(__name__)

POLL_MS = 2000
HEARTBEAT_MS = 30_000


@dataclass(frozen=True)
class CounterSnapshot:
    """One read of the counter's queue; ``now`` is hall-local time."""

    generation: int
    current: TicketInfo | None
    waiting: list[TicketInfo]
    counter: CounterState | None
    now: datetime


class QueueDesk(QObject):
    current_changed = Signal(object)  # TicketInfo | None: another ticket is now in service

    def __init__(self, session: StaffSession, view: CounterView, screen: QWidget) -> None:
        super().__init__(screen)
        self._queue = session.queue
        self._catalog = session.catalog
        self._counter_no = session.actor.counter_no
        self._screen = screen
        self._view = view
        self._panel = view.ticket_panel
        self.current: TicketInfo | None = None
        #: This counter's name as the last read of its desk found it ("" until read).
        self.counter_name = ""
        self.paused = False
        # Bumped by every key press; a poll result of an older generation is dropped.
        self._generation = 0
        self._poll_error = ""  # shown while background reads fail, cleared when they work
        self.transfer_dialog: TransferDialog | None = None
        self.call_ticket_dialog: CallTicketDialog | None = None
        # Asked before a key leaves the applicant in service: given the action, it returns True
        # to run it now, or False when it has taken the action over (e.g. asked the clerk and
        # runs it only on their yes). None: every action runs at once.
        self.leave_guard: Callable[[Callable[[], None]], bool] | None = None
        self._connect(screen)
        self.poller = Poller(self._read, self.on_snapshot, POLL_MS, self, self._poll_failed)
        self._heartbeat = QTimer(self)
        self._heartbeat.setInterval(HEARTBEAT_MS)
        self._heartbeat.timeout.connect(self.send_heartbeat)

    def _connect(self, screen: QWidget) -> None:
        p = self._panel
        leave = self._leaving
        bindings: list[tuple[QPushButton, str | None, Callable[[], None]]] = [
            (p.call_next_button, keys.CALL_NEXT_KEY, leave(self.call_next)),
            (p.recall_button, keys.RECALL_KEY, self.recall),
            (p.no_show_button, keys.NO_SHOW_KEY, leave(self.no_show)),
            (p.transfer_button, keys.TRANSFER_KEY, leave(self.ask_transfer)),
            (p.pause_button, keys.PAUSE_KEY, self.toggle_pause),
            (p.finish_button, keys.FINISH_KEY, leave(self.finish)),
            (p.call_ticket_button, keys.CALL_TICKET_KEY, leave(self.ask_call_ticket)),
            (p.release_button, None, leave(self.release)),
        ]
        for button, key, slot in bindings:
            button.clicked.connect(slot)
            if key is not None:
                shortcut = QShortcut(QKeySequence(key), screen)
                shortcut.activated.connect(lambda b=button: self._press(b))

    def _leaving(self, action: Callable[[], None]) -> Callable[[], None]:
        """``action`` run only once ``leave_guard`` lets the applicant in service go."""

        def run() -> None:
            if self.leave_guard is None or self.leave_guard(action):
                action()

        return run

    @staticmethod
    def _press(button: QPushButton) -> None:
        # A dialog of this screen is open (transfer, call a number): its keys are its own.
        if QApplication.activeModalWidget() is None and button.isEnabled():
            button.click()

    # --- start and stop --------------------------------------------------------------------
    def start(self) -> None:
        """Show the counter as it is — with a ticket a crashed session left in service."""
        try:
            self.on_snapshot(self._read())
        except ClerkError as error:
            self._panel.show_message(str(error), error=True)
        if self.current is not None:
            text = self.tr(
                "%1 is still in service at this window from an earlier session: "
                "finish it (F6) or put it back in the queue."
            )
            self._panel.show_message(text.replace("%1", self.current.number))
        self.poller.start(immediately=False)
        self._heartbeat.start()

    def shutdown(self) -> None:
        """Stop polling and sign the clerk off the counter (offline at once, ticket kept)."""
        self.poller.stop()
        self._heartbeat.stop()
        try:
            self._queue.sign_off()
        except ClerkError as error:
            log.warning("signing off the counter failed: %s", error)

    def send_heartbeat(self) -> None:
        run_task(self._queue.heartbeat, lambda _none: None, self._poll_failed, owner=self)

    # --- reading -----------------------------------------------------------------------------
    def _read(self) -> CounterSnapshot:
        """Runs on a worker: plain reads of the core, no widget."""
        generation = self._generation
        now = to_local(self._queue.clock())
        if self._counter_no is None:  # signed in without a counter: nothing to serve
            return CounterSnapshot(generation, None, [], None, now)
        desk = self._queue.desk()
        return CounterSnapshot(generation, desk.current, desk.waiting, desk.counter, now)

    def on_snapshot(self, snapshot: CounterSnapshot) -> None:
        if snapshot.generation != self._generation:
            return
        if self._poll_error and self._panel.message() == self._poll_error:
            self._panel.show_message("")  # the connection is back
        self._poll_error = ""
        self._set_current(snapshot.current, snapshot.now)
        if snapshot.counter is not None:
            self.counter_name = snapshot.counter.name
            self._set_paused(snapshot.counter.paused)
        self._view.waiting_model.set_queue(snapshot.waiting, snapshot.now)
        self._show_summary(snapshot)

    def _poll_failed(self, error: BaseException) -> None:
        if isinstance(error, ClerkError):
            self._poll_error = str(error)
            self._panel.show_message(self._poll_error, error=True)

    def _show_summary(self, snapshot: CounterSnapshot) -> None:
        counts: dict[str, int] = dict.fromkeys(
            snapshot.counter.categories if snapshot.counter else (), 0
        )
        for ticket in snapshot.waiting:
            counts[ticket.category_prefix] = counts.get(ticket.category_prefix, 0) + 1
        self._view.queue_summary.setText("   ".join(f"{p}: {n}" for p, n in counts.items()))
        title = self.tr("Queue · %1 waiting").replace("%1", str(len(snapshot.waiting)))
        self._view.queue_panel.title_label.setText(title)

    # --- showing ---------------------------------------------------------------------------
    def _hall_now(self) -> datetime:
        return to_local(self._queue.clock())

    def _set_current(self, ticket: TicketInfo | None, now: datetime | None = None) -> None:
        changed = (self.current.id if self.current else None) != (ticket.id if ticket else None)
        self.current = ticket
        if changed:
            self.current_changed.emit(ticket)
        p = self._panel
        for button in p.serving_buttons():
            button.setEnabled(ticket is not None)
        if ticket is None:
            p.ticket_label.setText("—")
            p.ticket_status.setText(self.tr("No ticket in service"))
            p.ticket_facts.setText("")
            return
        p.ticket_label.setText(ticket.number)
        category = ticket.category_name
        if ticket.priority != PriorityClass.NORMAL:
            category = f"{category} · {priority_label(PriorityClass(ticket.priority))}"
        p.ticket_status.setText(category)
        waited = minutes_between(ticket.taken_at, now or self._hall_now())
        facts = self.tr("Taken at %1, %2 min ago · recalled %3 times")
        facts = facts.replace("%1", ticket.taken_at.strftime("%H:%M")).replace("%2", str(waited))
        p.ticket_facts.setText(facts.replace("%3", str(ticket.recall_count)))

    def _set_paused(self, paused: bool) -> None:
        self.paused = paused
        text = self.tr("Resume") if paused else self.tr("Pause")
        self._panel.pause_button.setText(keys.key_label(keys.PAUSE_KEY, text))
        self._view.counter_badge.setText(self.tr("Paused") if paused else self.tr("Open"))

    def _say(self, text: str) -> None:
        self._panel.show_message(text)

    # --- the keys ----------------------------------------------------------------------------
    def _attempt(self, action: Callable[[], Any]) -> tuple[bool, Any]:
        """Run one queue action now; a refusal shows in red and returns ``(False, None)``."""
        self._generation += 1
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return True, action()
        except ClerkError as error:
            self._panel.show_message(str(error), error=True)
            return False, None
        finally:
            QApplication.restoreOverrideCursor()

    def _done(self, ticket: TicketInfo | None, message: str) -> None:
        self._set_current(ticket)
        self._say(message)
        self.poller.poll_now()

    def call_next(self) -> None:
        ok, ticket = self._attempt(self._queue.call_next)
        if not ok:
            return
        if ticket is None:
            self._done(None, self.tr("No one is waiting for this window."))
        else:
            self._done(ticket, self.tr("Called %1.").replace("%1", ticket.number))

    def recall(self) -> None:
        ok, ticket = self._attempt(self._queue.recall)
        if ok:
            text = self.tr("Called %1 again (recall %2).").replace("%1", ticket.number)
            self._done(ticket, text.replace("%2", str(ticket.recall_count)))

    def no_show(self) -> None:
        ok, ticket = self._attempt(self._queue.no_show)
        if ok:
            self._done(None, self.tr("%1 did not come: no-show.").replace("%1", ticket.number))

    def finish(self) -> None:
        ok, ticket = self._attempt(self._queue.finish)
        if ok:
            self._done(None, self.tr("%1 finished.").replace("%1", ticket.number))

    def release(self) -> None:
        ok, ticket = self._attempt(self._queue.release)
        if ok:
            text = self.tr("%1 is back in the queue at its place.").replace("%1", ticket.number)
            self._done(None, text)

    def toggle_pause(self) -> None:
        pausing = not self.paused
        ok, _none = self._attempt(self._queue.pause if pausing else self._queue.resume)
        if not ok:
            return
        self._set_paused(pausing)
        if pausing:
            self._say(self.tr("Service paused: this window calls no ticket until resumed."))
        else:
            self._say(self.tr("Service resumed."))
        self.poller.poll_now()

    def ask_transfer(self) -> None:
        if self.current is None:
            return
        from ui.counter.transfer_dialog import TransferDialog  # (its module) on the first F4

        dialog = TransferDialog(
            self.current.number,
            self._catalog.list_categories(),
            self._catalog.list_counters(),
            self._counter_no,
            self._screen,
        )
        dialog.accepted.connect(lambda: self.transfer(*dialog.target()))
        dialog.finished.connect(dialog.deleteLater)
        self.transfer_dialog = dialog
        dialog.open()

    def transfer(self, kind: str, target: Any) -> None:
        """Send the ticket in service to a category ("category", "C") or counter ("counter", 7)."""
        if kind == "category":
            ok, ticket = self._attempt(lambda: self._queue.transfer(to_category=target))
        else:
            ok, ticket = self._attempt(lambda: self._queue.transfer(to_counter=target))
        if ok:
            text = self.tr("%1 transferred to %2.").replace("%1", ticket.number)
            self._done(None, text.replace("%2", self._target_text(kind, target)))

    def _target_text(self, kind: str, target: Any) -> str:
        if kind == "category":
            return self.tr("queue %1").replace("%1", str(target))
        return self.tr("window %1").replace("%1", str(target))

    def open_ticket(self, number: str) -> None:
        """A ticket slip scanned: the ticket in service is said so, another is offered to
        指定叫号 (F7) with its number filled in, asking only the reason."""
        if self.current is not None and self.current.number == number:
            self._say(self.tr("%1 is the ticket in service.").replace("%1", number))
            return
        self._leaving(lambda: self.ask_call_ticket(number))()

    def ask_call_ticket(self, number: str = "") -> None:
        from ui.counter.call_ticket_dialog import CallTicketDialog  # on the first F7 or slip

        dialog = CallTicketDialog(self._screen, number=number)
        dialog.accepted.connect(lambda: self.call_ticket(dialog.number(), dialog.reason()))
        dialog.finished.connect(dialog.deleteLater)
        self.call_ticket_dialog = dialog
        dialog.open()

    def call_ticket(self, number: str, reason: str) -> None:
        ok, ticket = self._attempt(lambda: self._queue.call_ticket(number, reason))
        if ok:
            self._done(ticket, self.tr("Called %1.").replace("%1", ticket.number))
