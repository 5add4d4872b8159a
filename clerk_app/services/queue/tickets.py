"""Issuing tickets (取号): the kiosk's side of the queue, mixed into ``QueueService``."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from clerk_app.domain.identity import validate_resident_id, validate_uscc
from clerk_app.domain.queue_order import PriorityClass
from clerk_app.domain.roles import Permission
from clerk_app.errors import NotFound, ValidationError
from clerk_app.hall_time import local_date
from clerk_app.persistence.models import Appointment, QueueCategory, Ticket
from clerk_app.persistence.sequences import next_value
from clerk_app.services import audit
from clerk_app.services.queue.board import QueueReads, category_load, ticket_info
from clerk_app.services.queue.results import TicketInfo
from clerk_app.services.settings import get_setting, get_settings


def _normalize_identity(identity: str) -> tuple[str, str]:
    """A resident ID or a USCC, validated; returns (kind, normalized value)."""
    text = identity.strip().upper()
    if len(text) == 18 and text[:17].isdigit():
        return "resident_id", validate_resident_id(text)
    return "uscc", validate_uscc(text)


class TicketIssuing(QueueReads):
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
            expire_before(s, today)
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


def expire_before(s: Session, day: date) -> int:
    """Marks tickets of days before ``day`` still waiting as expired (closing time)."""
    result = s.execute(
        update(Ticket)
        .where(Ticket.status == "waiting", Ticket.service_date < day)
        .values(status="expired")
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]
