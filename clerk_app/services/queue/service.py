"""The queue's use cases: take a ticket, and the counter's call/recall/no-show/transfer/finish.

Each public method is one unit of work (one transaction). Contract of the counter actions: the
acting clerk must be logged in at a counter (``actor.counter_no``); the counter row is locked
first, so two clicks at one counter serialize, and the ticket claim is exact across PCs
(see ``queue_claim``). A lost connection rolls the whole action back and raises
``DatabaseUnavailable``; nothing is retried blindly, so nothing is done twice — after a
reconnect, ``current()`` shows what the counter really holds. (Call-next on PostgreSQL is
the exception that proves it: one autocommit statement whose request id says, after a broken
connection, whether it committed — see ``queue_call_pg.call_next_once``.)
"""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk_app.domain.roles import Permission
from clerk_app.errors import NotFound, ValidationError
from clerk_app.hall_time import local_date
from clerk_app.persistence.models import CallEvent, Counter, Ticket
from clerk_app.services import audit
from clerk_app.services.base import Service
from clerk_app.services.queue.board import QueueReads, ticket_info
from clerk_app.services.queue.calling import call_next_in
from clerk_app.services.queue.calling_pg import call_next_once
from clerk_app.services.queue.claim import claim_waiting
from clerk_app.services.queue.results import TicketInfo
from clerk_app.services.queue.tickets import TicketIssuing, expire_before
from clerk_app.services.settings import get_setting


def _no_counter() -> ValidationError:
    return ValidationError(
        "请先在某个窗口登录，再进行叫号操作。", "Log in at a counter before calling tickets."
    )


def _nothing_in_service() -> ValidationError:
    return ValidationError("本窗口当前没有正在办理的号票。", "This counter is serving no ticket.")


def _announce(s: Session, ticket: Ticket, counter: Counter, now: datetime, kind: str) -> None:
    """A call or recall for the hall display and its voice."""
    s.add(
        CallEvent(
            at=now,
            ticket_id=ticket.id,
            ticket_number=ticket.number,
            counter_number=counter.number,
            kind=kind,
        )
    )


class QueueService(TicketIssuing, QueueReads, Service):
    """The queue as one service: issuing (``queue_tickets``), reading (``queue_board``), the
    counter's actions and the supervisor's (here)."""

    # -- counter -----------------------------------------------------------------------------

    def call_next(self) -> TicketInfo | None:
        """Finishes the ticket in service, if any, and calls the next one this counter serves."""
        self.actor.require(Permission.SERVE_QUEUE)
        now = self.clock()
        actor, counter_no = self.actor.username, self.actor.counter_no
        if counter_no is None:
            raise _no_counter()
        request_id = secrets.token_hex(8)
        if not self.db.is_postgres:
            # A Core unit of work: the hot path of every counter skips the ORM session.
            return self.db.transact(
                lambda conn: call_next_in(conn, actor, counter_no, now, request_id)
            )
        return call_next_once(self.db, actor, counter_no, now, request_id)

    def call_ticket(self, number: str, reason: str) -> TicketInfo:
        """Calls a specific waiting ticket of today out of order; the reason is recorded."""
        self.actor.require(Permission.SERVE_QUEUE)
        if not reason.strip():
            raise ValidationError(
                "指定叫号必须填写原因。", "Calling a ticket out of order needs a reason."
            )
        now = self.clock()
        with self.db.write() as s:
            counter = self._my_counter(s, lock=True, serving=True)
            found = s.scalars(
                select(Ticket.id).where(
                    Ticket.service_date == local_date(now), Ticket.number == number.strip().upper()
                )
            ).first()
            ticket = claim_waiting(s, found) if found is not None else None
            if ticket is None:
                raise ValidationError(
                    f"号票 {number} 不在等候中（可能已被其他窗口叫走）。",
                    f"Ticket {number} is not waiting (another counter may have it).",
                )
            self._finish_current(s, counter, now)
            return self._call(
                s, counter, ticket, now, action="ticket_called_specific", note=reason.strip()
            )

    def recall(self) -> TicketInfo:
        """Announces the ticket in service again (重呼); recalls are counted."""
        self.actor.require(Permission.SERVE_QUEUE)
        now = self.clock()
        with self.db.write() as s:
            counter = self._my_counter(s, lock=True)
            ticket = self._current_ticket(s, counter)
            ticket.recall_count += 1
            _announce(s, ticket, counter, now, "recall")
            audit.record(
                s,
                at=now,
                actor=self.actor.username,
                action="ticket_recalled",
                target=f"ticket:{ticket.id}",
                after={"recalls": ticket.recall_count},
            )
            return ticket_info(ticket, counter.number)

    def no_show(self) -> TicketInfo:
        """The called applicant did not come (过号): allowed after the configured recalls."""
        self.actor.require(Permission.SERVE_QUEUE)
        now = self.clock()
        with self.db.write() as s:
            counter = self._my_counter(s, lock=True)
            ticket = self._current_ticket(s, counter)
            needed = int(get_setting(s, "queue.no_show_after_recalls"))
            if ticket.recall_count < needed:
                raise ValidationError(
                    f"须重呼 {needed} 次后才能过号（已重呼 {ticket.recall_count} 次）。",
                    f"Recall {needed} times before a no-show ({ticket.recall_count} so far).",
                )
            ticket.status, ticket.finished_at = "no_show", now
            counter.current_ticket_id = None
            audit.record(
                s,
                at=now,
                actor=self.actor.username,
                action="ticket_no_show",
                target=f"ticket:{ticket.id}",
            )
            return ticket_info(ticket, counter.number)

    def finish(self) -> TicketInfo:
        """Ends the service of the current ticket (办结离柜)."""
        self.actor.require(Permission.SERVE_QUEUE)
        now = self.clock()
        with self.db.write() as s:
            counter = self._my_counter(s, lock=True)
            ticket = self._current_ticket(s, counter)
            self._finish_current(s, counter, now)
            return ticket_info(ticket, counter.number)

    def transfer(self, to_category: str | None = None, to_counter: int | None = None) -> TicketInfo:
        """Sends the current ticket to another category or counter; it keeps its place."""
        self.actor.require(Permission.SERVE_QUEUE)
        if (to_category is None) == (to_counter is None):
            raise ValidationError(
                "转窗须指定一个目标：业务类别或窗口。",
                "Transfer to exactly one target: a category or a counter.",
            )
        now = self.clock()
        with self.db.write() as s:
            counter = self._my_counter(s, lock=True)
            ticket = self._current_ticket(s, counter)
            before = {"category": ticket.category.prefix, "counter": counter.number}
            if to_category is not None:
                ticket.category_id = self._category(s, to_category).id
                ticket.transferred_to_counter = None
            else:
                target = s.scalars(
                    select(Counter).where(Counter.number == to_counter, Counter.active)
                ).one_or_none()
                if target is None or target.number == counter.number:
                    raise ValidationError(
                        f"不能转到 {to_counter} 号窗口。",
                        f"Cannot transfer to counter {to_counter}.",
                    )
                ticket.transferred_to_counter = target.number
            self._release(ticket, counter)
            audit.record(
                s,
                at=now,
                actor=self.actor.username,
                action="ticket_transferred",
                target=f"ticket:{ticket.id}",
                before=before,
                after={"category": to_category, "counter": to_counter},
            )
            return ticket_info(ticket, None)

    def release(self) -> TicketInfo:
        """Puts the current ticket back in the queue at its place (e.g. a stranded ticket)."""
        self.actor.require(Permission.SERVE_QUEUE)
        with self.db.write() as s:
            counter = self._my_counter(s, lock=True)
            ticket = self._current_ticket(s, counter)
            self._release(ticket, counter)
            audit.record(
                s,
                at=self.clock(),
                actor=self.actor.username,
                action="ticket_released",
                target=f"ticket:{ticket.id}",
            )
            return ticket_info(ticket, None)

    def pause(self) -> None:
        self._set_paused(True)

    def resume(self) -> None:
        self._set_paused(False)

    def heartbeat(self) -> None:
        """Marks this counter online with its clerk; the UI calls it every 30 seconds."""
        self.actor.require(Permission.SERVE_QUEUE)
        with self.db.write() as s:
            counter = self._my_counter(s, lock=False)
            counter.last_heartbeat = self.clock()
            counter.clerk_id = self.actor.user_id

    def sign_off(self) -> None:
        """Logs the clerk off the counter (offline at once) without touching its ticket."""
        self.actor.require(Permission.SERVE_QUEUE)
        with self.db.write() as s:
            counter = self._my_counter(s, lock=False)
            counter.last_heartbeat = None
            counter.clerk_id = None

    # -- supervisor --------------------------------------------------------------------------

    def resolve_counter(self, counter_no: int, *, finish: bool) -> TicketInfo | None:
        """Releases (back to the queue, same place) or finishes a counter's ticket in service."""
        self.actor.require(Permission.SUPERVISE_QUEUE)
        now = self.clock()
        with self.db.write() as s:
            counter = s.scalars(
                select(Counter).where(Counter.number == counter_no).with_for_update()
            ).one_or_none()
            if counter is None:
                raise NotFound(f"没有 {counter_no} 号窗口。", f"No counter {counter_no}.")
            if counter.current_ticket_id is None:
                return None
            ticket = self._current_ticket(s, counter)
            if finish:
                self._finish_current(s, counter, now)
            else:
                self._release(ticket, counter)
            audit.record(
                s,
                at=now,
                actor=self.actor.username,
                action="counter_ticket_finished" if finish else "counter_ticket_released",
                target=f"counter:{counter_no}",
                after={"ticket": ticket.number},
            )
            return ticket_info(ticket, None if not finish else counter_no)

    def close_day(self) -> int:
        """Marks every ticket still waiting today or before as expired; returns how many."""
        self.actor.require(Permission.SUPERVISE_QUEUE)
        now = self.clock()
        with self.db.write() as s:
            n = expire_before(s, local_date(now) + timedelta(days=1))
            audit.record(
                s, at=now, actor=self.actor.username, action="queue_closed", after={"expired": n}
            )
            return n

    # -- internals ---------------------------------------------------------------------------

    def _my_counter(self, s: Session, *, lock: bool, serving: bool = False) -> Counter:
        if self.actor.counter_no is None:
            raise _no_counter()
        stmt = select(Counter).where(Counter.number == self.actor.counter_no)
        counter = s.scalars(stmt.with_for_update() if lock else stmt).one()
        if serving and counter.paused:
            raise ValidationError(
                "本窗口已暂停服务，请先恢复服务再叫号。",
                "This counter is paused; resume it before calling.",
            )
        return counter

    @staticmethod
    def _current_ticket(s: Session, counter: Counter) -> Ticket:
        if counter.current_ticket_id is None:
            raise _nothing_in_service()
        ticket = s.get(Ticket, counter.current_ticket_id)
        assert ticket is not None
        return ticket

    def _call(
        self,
        s: Session,
        counter: Counter,
        ticket: Ticket,
        now: datetime,
        *,
        action: str,
        note: str = "",
    ) -> TicketInfo:
        ticket.status, ticket.counter_id = "serving", counter.id
        ticket.called_at, ticket.served_at = now, now
        ticket.recall_count, ticket.transferred_to_counter = 0, None
        counter.current_ticket_id = ticket.id
        _announce(s, ticket, counter, now, "call")
        audit.record(
            s,
            at=now,
            actor=self.actor.username,
            action=action,
            target=f"ticket:{ticket.id}",
            after={"number": ticket.number, "counter": counter.number, "note": note},
        )
        return ticket_info(ticket, counter.number)

    def _finish_current(self, s: Session, counter: Counter, now: datetime) -> None:
        if counter.current_ticket_id is None:
            return
        ticket = self._current_ticket(s, counter)
        ticket.status, ticket.finished_at = "finished", now
        counter.current_ticket_id = None
        audit.record(
            s,
            at=now,
            actor=self.actor.username,
            action="ticket_finished",
            target=f"ticket:{ticket.id}",
        )

    @staticmethod
    def _release(ticket: Ticket, counter: Counter) -> None:
        # queue_position_at is kept: the ticket returns to the place it had.
        ticket.status, ticket.counter_id, ticket.called_at = "waiting", None, None
        ticket.recall_count = 0
        counter.current_ticket_id = None

    def _set_paused(self, paused: bool) -> None:
        self.actor.require(Permission.SERVE_QUEUE)
        with self.db.write() as s:
            counter = self._my_counter(s, lock=True)
            counter.paused = paused
            audit.record(
                s,
                at=self.clock(),
                actor=self.actor.username,
                action="counter_paused" if paused else "counter_resumed",
                target=f"counter:{counter.number}",
            )
