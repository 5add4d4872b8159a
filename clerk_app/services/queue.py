"""The queue's use cases: take a ticket, and the counter's call/recall/no-show/transfer/finish.

Each public method is one unit of work (one transaction). Contract of the counter actions: the
acting clerk must be logged in at a counter (``actor.counter_no``); the counter row is locked
first, so two clicks at one counter serialize, and the ticket claim is exact across PCs
(see ``queue_claim``). A lost connection rolls the whole action back and raises
``DatabaseUnavailable``; nothing is retried blindly, so nothing is done twice — after a
reconnect, ``current()`` shows what the counter really holds.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from clerk_app.domain.queue_order import PriorityClass
from clerk_app.domain.roles import Permission
from clerk_app.errors import NotFound, ValidationError
from clerk_app.hall_time import local_date
from clerk_app.identity import validate_resident_id, validate_uscc
from clerk_app.persistence.models import Appointment, CallEvent, Counter, QueueCategory, Ticket
from clerk_app.persistence.sequences import next_value
from clerk_app.services import audit
from clerk_app.services.base import Service
from clerk_app.services.queue_board import QueueReads, category_load, ticket_info
from clerk_app.services.queue_call import call_next_in
from clerk_app.services.queue_claim import claim_waiting
from clerk_app.services.queue_views import TicketInfo
from clerk_app.services.settings import get_setting, get_settings


def _no_counter() -> ValidationError:
    return ValidationError(
        "请先在某个窗口登录，再进行叫号操作。", "Log in at a counter before calling tickets."
    )


def _nothing_in_service() -> ValidationError:
    return ValidationError("本窗口当前没有正在办理的号票。", "This counter is serving no ticket.")


def _normalize_identity(identity: str) -> tuple[str, str]:
    """A resident ID or a USCC, validated; returns (kind, normalized value)."""
    text = identity.strip().upper()
    if len(text) == 18 and text[:17].isdigit():
        return "resident_id", validate_resident_id(text)
    return "uscc", validate_uscc(text)


class QueueService(QueueReads, Service):
    # -- kiosk -------------------------------------------------------------------------------

    def take_ticket(
        self, category: str, priority: str = "normal", identity: str | None = None
    ) -> TicketInfo:
        """Issues the next ticket of ``category`` (e.g. "A" -> A001), optionally real-name."""
        self.actor.require(Permission.TAKE_TICKET)
        try:
            prio = PriorityClass(priority)
        except ValueError:
            raise ValidationError(
                f"未知的优先类别：{priority}。", f"Unknown priority class: {priority}."
            ) from None
        kind_value = _normalize_identity(identity) if identity else None
        now = self.clock()
        with self.db.write() as s:
            cat = self._category(s, category)
            today = local_date(now)
            self._expire_before(s, today)
            if kind_value is not None:
                self._check_daily_limit(s, kind_value[1], today)
            ticket = self._issue(s, cat, prio, kind_value, now)
            audit.record(
                s,
                at=now,
                actor=self.actor.username,
                action="ticket_taken",
                target=f"ticket:{ticket.id}",
                after={"number": ticket.number},
            )
            return self._with_estimate(s, ticket)

    def check_in(self, appointment_code: str) -> TicketInfo:
        """Turns a booked appointment into a ticket; priority only within its window."""
        self.actor.require(Permission.TAKE_TICKET)
        now = self.clock()
        with self.db.write() as s:
            appt = s.scalars(
                select(Appointment).where(Appointment.code == appointment_code.strip().upper())
            ).one_or_none()
            if appt is None:
                raise NotFound(
                    f"预约号 {appointment_code} 不存在。", f"No appointment {appointment_code}."
                )
            if appt.checked_in_at is not None:
                raise ValidationError(
                    "该预约已签到取号，不能重复签到。",
                    "This appointment has already been checked in.",
                )
            cfg = get_settings(s, "queue.")
            opens = appt.slot_start - timedelta(minutes=cfg["queue.appointment_early_minutes"])
            closes = appt.slot_start + timedelta(minutes=cfg["queue.appointment_late_minutes"])
            in_window = opens <= now <= closes
            prio = PriorityClass.APPOINTMENT if in_window else PriorityClass.NORMAL
            kind_value = _normalize_identity(appt.identity_value) if appt.identity_value else None
            ticket = self._issue(s, appt.category, prio, kind_value, now)
            ticket.appointment_id = appt.id
            appt.checked_in_at = now
            audit.record(
                s,
                at=now,
                actor=self.actor.username,
                action="appointment_checked_in",
                target=f"appointment:{appt.code}",
                after={"ticket": ticket.number, "in_window": in_window},
            )
            return self._with_estimate(s, ticket)

    def reprint(self, ticket_id: int) -> TicketInfo:
        """The same ticket again, marked as a reprint (补打); the reprint is counted."""
        self.actor.require(Permission.TAKE_TICKET)
        with self.db.write() as s:
            ticket = s.get(Ticket, ticket_id)
            if ticket is None:
                raise NotFound(f"号票 {ticket_id} 不存在。", f"No ticket {ticket_id}.")
            ticket.printed_count += 1
            audit.record(
                s,
                at=self.clock(),
                actor=self.actor.username,
                action="ticket_reprinted",
                target=f"ticket:{ticket.id}",
            )
            info = self._with_estimate(s, ticket)
        return TicketInfo(**{**info.__dict__, "reprint": True})

    # -- counter -----------------------------------------------------------------------------

    def call_next(self) -> TicketInfo | None:
        """Finishes the ticket in service, if any, and calls the next one this counter serves."""
        self.actor.require(Permission.SERVE_QUEUE)
        now = self.clock()
        if self.actor.counter_no is None:
            raise _no_counter()
        with self.db.write() as s:
            return call_next_in(s, self.actor.username, self.actor.counter_no, now)

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
            s.add(
                CallEvent(
                    at=now,
                    ticket_id=ticket.id,
                    ticket_number=ticket.number,
                    counter_number=counter.number,
                    kind="recall",
                )
            )
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
            n = self._expire_before(s, local_date(now) + timedelta(days=1))
            audit.record(
                s, at=now, actor=self.actor.username, action="queue_closed", after={"expired": n}
            )
            return n

    # -- internals ---------------------------------------------------------------------------

    def _issue(
        self,
        s: Session,
        cat: QueueCategory,
        prio: PriorityClass,
        kind_value: tuple[str, str] | None,
        now: datetime,
    ) -> Ticket:
        today = local_date(now)
        seq = next_value(s, f"ticket:{cat.prefix}", today)
        ticket = Ticket(
            service_date=today,
            category_id=cat.id,
            seq=seq,
            number=f"{cat.prefix}{seq:03d}",
            priority=prio.value,
            status="waiting",
            identity_kind=kind_value[0] if kind_value else None,
            identity_value=kind_value[1] if kind_value else None,
            taken_at=now,
            queue_position_at=now,
            recall_count=0,
            printed_count=1,
        )
        ticket.category = cat
        s.add(ticket)
        s.flush()
        return ticket

    def _check_daily_limit(self, s: Session, identity: str, today: object) -> None:
        limit = int(get_setting(s, "queue.daily_tickets_per_person"))
        held = s.scalar(
            select(func.count())
            .select_from(Ticket)
            .where(Ticket.identity_value == identity, Ticket.service_date == today)
        )
        if (held or 0) >= limit:
            raise ValidationError(
                f"同一证件每天最多取号 {limit} 张，今日已达上限。",
                f"One ID may take at most {limit} tickets a day; today's limit is reached.",
            )

    def _with_estimate(self, s: Session, ticket: Ticket) -> TicketInfo:
        load = category_load(s, ticket.category, self.clock(), before=ticket)
        return ticket_info(ticket, None, ahead=load.waiting, wait_minutes=load.wait_minutes)

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
        s.add(
            CallEvent(
                at=now,
                ticket_id=ticket.id,
                ticket_number=ticket.number,
                counter_number=counter.number,
                kind="call",
            )
        )
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

    @staticmethod
    def _expire_before(s: Session, day: object) -> int:
        result = s.execute(
            update(Ticket)
            .where(Ticket.status == "waiting", Ticket.service_date < day)
            .values(status="expired")
        )
        return int(result.rowcount or 0)  # type: ignore[attr-defined]
