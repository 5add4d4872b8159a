"""The queue's use cases as one service: the kiosk's, the counter's, the supervisor's, the board.

Each public method checks the actor's permission, opens one unit of work and calls the step
that does the work, a function of the session (or connection), the actor and the time:
``tickets`` (取号), ``calling`` (叫号, with each database's ``CallNext``), ``counter`` (the
counter's other actions) and ``board`` (what screens read).

Contract of the counter actions: the acting clerk must be logged in at a counter
(``actor.counter_no``); the counter row is locked first, so two clicks at one counter
serialize, and the ticket claim is exact across PCs (``calling_sqlite``, ``calling_pg``). A
lost connection rolls the whole action back and raises ``DatabaseUnavailable``; nothing is
retried blindly, so nothing is done twice — after a reconnect, ``current()`` shows what the
counter really holds. (Call-next on PostgreSQL is the exception that proves it: one
autocommit statement whose request id says, after a broken connection, whether it committed
— see ``calling_pg.PostgresCallNext.call_next``.)
"""

from __future__ import annotations

import dataclasses
import secrets
from datetime import date
from weakref import WeakKeyDictionary

from clerk_app.clock import Clock, utcnow
from clerk_app.domain.appointment_code import CheckInLimiter
from clerk_app.domain.numbers import whole_number
from clerk_app.domain.queue_order import PriorityClass
from clerk_app.domain.roles import STAFF_ROLES, Actor, Permission
from clerk_app.errors import NotFound, ValidationError
from clerk_app.hall_time import local_date
from clerk_app.persistence.database import Database
from clerk_app.services.base import Service
from clerk_app.services.queue import board, counter, tickets
from clerk_app.services.queue.calling import CallNext, call_ticket_in
from clerk_app.services.queue.calling_pg import PostgresCallNext
from clerk_app.services.queue.calling_sqlite import SqliteCallNext
from clerk_app.services.queue.results import CounterDesk, DisplayBoard, QueueStatus, TicketInfo

# Call-next for each database, by ``Database.dialect``: the only place the two are told apart.
CALL_NEXT: dict[str, CallNext] = {"sqlite": SqliteCallNext(), "postgresql": PostgresCallNext()}


# The hall day on which this process last expired the waiting tickets of earlier days, per
# database: a ticket is only ever issued for the day it is taken, so once a day is enough
# (the first ticket of each day in each process does it; ``close_day`` does it at closing).
_EXPIRED_ON: WeakKeyDictionary[Database, date] = WeakKeyDictionary()


def call_next_for(db: Database) -> CallNext:
    """The call-next of this database's kind."""
    return CALL_NEXT[db.dialect]


class QueueService(Service):
    """Tickets, calls, counters and the board, for one actor."""

    def __init__(self, db: Database, actor: Actor, clock: Clock = utcnow) -> None:
        super().__init__(db, actor, clock)
        self._calls = call_next_for(db)
        self._check_ins = CheckInLimiter()  # this kiosk's wrong appointment codes

    # -- kiosk -------------------------------------------------------------------------------

    def take_ticket(
        self, category: str, priority: str = PriorityClass.NORMAL, identity: str | None = None
    ) -> TicketInfo:
        """Issues the next ticket of ``category`` (e.g. "A" -> A001), optionally real-name."""
        self.actor.require(Permission.TAKE_TICKET)
        now = self.clock()
        today = local_date(now)
        expire = _EXPIRED_ON.get(self.db) != today
        with self.db.write() as s:
            ticket = tickets.take_ticket(
                s,
                self.actor.username,
                now,
                category,
                priority,
                identity,
                expire_earlier_days=expire,
            )
            token = tickets.new_reprint_token(ticket)
        if expire:  # committed: earlier days' waiting tickets are expired for good
            _EXPIRED_ON[self.db] = today
        # The slip's estimate is read after the commit, outside the write lock: eight reads
        # that every other PC's write would otherwise wait behind (issue 18).
        with self.db.read() as s:
            info = tickets.with_estimate(s, ticket, now)
        return dataclasses.replace(info, reprint_token=token)

    def check_in(self, appointment_code: str) -> TicketInfo:
        """Turns a booked appointment into a ticket; priority only within its window.

        After 5 wrong codes within a minute this session (the kiosk) refuses check-in for
        60 seconds (``CheckInPaused``, without looking the code up)."""
        self.actor.require(Permission.TAKE_TICKET)
        now = self.clock()
        wait = self._check_ins.wait_seconds(now)
        if wait:
            raise CheckInPaused(wait)
        try:
            with self.db.write() as s:
                ticket = tickets.check_in(s, self.actor.username, now, appointment_code)
        except NotFound:
            self._check_ins.failed(now)
            raise
        self._check_ins.succeeded()
        return ticket

    def reprint(self, token: str) -> TicketInfo:
        """The same ticket again, marked as a reprint (补打); the reprint is counted.
        ``token``: the ``reprint_token`` of the ticket as this kiosk issued it."""
        self.actor.require(Permission.TAKE_TICKET)
        now = self.clock()
        with self.db.write() as s:
            return tickets.reprint(s, self.actor.username, now, token)

    # -- counter: calls ----------------------------------------------------------------------

    def call_next(self) -> TicketInfo | None:
        """Finishes the ticket in service, if any, and calls the next one this counter serves."""
        counter_no = self._counter_no()
        request_id = secrets.token_hex(8)
        # The Actor, not only its name: the audit rows take its role without a lookup.
        return self._calls.call_next(self.db, self.actor, counter_no, self.clock(), request_id)

    def call_ticket(self, number: str, reason: str) -> TicketInfo:
        """Calls a specific waiting ticket of today out of order; the reason is recorded."""
        counter_no = self._counter_no()
        actor, now, request_id = self.actor, self.clock(), secrets.token_hex(8)
        return self.db.transact(
            lambda conn: call_ticket_in(conn, actor, counter_no, now, request_id, number, reason)
        )

    # -- counter: the ticket in service and the counter itself -------------------------------

    def recall(self) -> TicketInfo:
        """Announces the ticket in service again (重呼); recalls are counted."""
        self.actor.require(Permission.SERVE_QUEUE)
        now = self.clock()
        with self.db.write() as s:
            return counter.recall(s, self.actor, now)

    def no_show(self) -> TicketInfo:
        """The called applicant did not come (过号): allowed after the configured recalls."""
        self.actor.require(Permission.SERVE_QUEUE)
        now = self.clock()
        with self.db.write() as s:
            return counter.no_show(s, self.actor, now)

    def finish(self) -> TicketInfo:
        """Ends the service of the current ticket (办结离柜)."""
        self.actor.require(Permission.SERVE_QUEUE)
        now = self.clock()
        with self.db.write() as s:
            return counter.finish(s, self.actor, now)

    def transfer(self, to_category: str | None = None, to_counter: int | None = None) -> TicketInfo:
        """Sends the current ticket to another category or counter; it keeps its place."""
        self.actor.require(Permission.SERVE_QUEUE)
        if to_counter is not None:
            whole_number(to_counter, "窗口号", "counter number", low=1)
        now = self.clock()
        with self.db.write() as s:
            return counter.transfer(s, self.actor, now, to_category, to_counter)

    def release(self) -> TicketInfo:
        """Puts the current ticket back in the queue at its place (e.g. a stranded ticket)."""
        self.actor.require(Permission.SERVE_QUEUE)
        now = self.clock()
        with self.db.write() as s:
            return counter.release(s, self.actor, now)

    def pause(self) -> None:
        """Stops taking tickets at this counter (暂停服务)."""
        self._set_paused(True)

    def resume(self) -> None:
        """Takes tickets again at this counter."""
        self._set_paused(False)

    def heartbeat(self) -> None:
        """Marks this counter online with its clerk; the UI calls it every 30 seconds."""
        self.actor.require(Permission.SERVE_QUEUE)
        now = self.clock()
        with self.db.write() as s:
            counter.heartbeat(s, self.actor, now)

    def sign_off(self) -> None:
        """Logs the clerk off the counter (offline at once) without touching its ticket."""
        self.actor.require(Permission.SERVE_QUEUE)
        with self.db.write() as s:
            counter.sign_off(s, self.actor)

    # -- supervisor --------------------------------------------------------------------------

    def resolve_counter(self, counter_no: int, *, finish: bool) -> TicketInfo | None:
        """Releases (back to the queue, same place) or finishes a counter's ticket in service."""
        self.actor.require(Permission.SUPERVISE_QUEUE)
        whole_number(counter_no, "窗口号", "counter number", low=1)
        now = self.clock()
        with self.db.write() as s:
            return counter.resolve_counter(s, self.actor, now, counter_no, finish=finish)

    def close_day(self) -> int:
        """Marks every ticket still waiting today or before as expired; returns how many."""
        self.actor.require(Permission.SUPERVISE_QUEUE)
        now = self.clock()
        with self.db.write() as s:
            return tickets.close_day(s, self.actor.username, now)

    # -- reading -----------------------------------------------------------------------------

    def current(self) -> TicketInfo | None:
        """The ticket this counter holds in service — also one left by a crashed session."""
        self.actor.require(Permission.SERVE_QUEUE)
        if self.actor.counter_no is None:
            return None
        with self.db.read() as s:
            return board.current(s, self.actor.counter_no)

    def waiting_for_counter(self) -> list[TicketInfo]:
        """This counter's queue in the order it will be called."""
        self.actor.require(Permission.SERVE_QUEUE)
        if self.actor.counter_no is None:
            return []
        now = self.clock()
        with self.db.read() as s:
            return board.waiting_for_counter(s, self.actor.counter_no, now)

    def desk(self) -> CounterDesk:
        """This counter's ticket in service, queue and state in one read (the counter polls
        it); raises ``ValidationError`` for a session without a counter."""
        counter_no = self._counter_no()
        now = self.clock()
        with self.db.read() as s:
            return board.desk(s, counter_no, now)

    def status(self) -> QueueStatus:
        """Waiting per category and every counter's state (supervisor dashboard, CLI).
        Only staff see which clerk sits at a counter; a kiosk or a display gets no names."""
        self.actor.require(Permission.VIEW_QUEUE)
        now = self.clock()
        with self.db.read() as s:
            return board.status(s, now, with_clerks=self.actor.role in STAFF_ROLES)

    def board(self, since_call_id: int = 0) -> DisplayBoard:
        """What the hall display shows; poll it (≤ 1 s) and announce ``new_calls`` in order."""
        self.actor.require(Permission.VIEW_QUEUE)
        whole_number(since_call_id, "叫号序号", "call id")
        now = self.clock()
        with self.db.read() as s:
            return board.board(s, now, since_call_id)

    # -- internals ---------------------------------------------------------------------------

    def _counter_no(self) -> int:
        self.actor.require(Permission.SERVE_QUEUE)
        if self.actor.counter_no is None:
            raise counter.no_counter()
        return self.actor.counter_no

    def _set_paused(self, paused: bool) -> None:
        self.actor.require(Permission.SERVE_QUEUE)
        now = self.clock()
        with self.db.write() as s:
            counter.set_paused(s, self.actor, now, paused)


class CheckInPaused(ValidationError):
    """Too many wrong appointment codes at this kiosk: check-in waits ``seconds``."""

    def __init__(self, seconds: int) -> None:
        self.seconds = seconds
        super().__init__(
            f"预约号输入错误次数过多，请 {seconds} 秒后再试，或到咨询台求助。",
            f"Too many wrong appointment codes; try again in {seconds} seconds "
            "or ask at the help desk.",
        )
