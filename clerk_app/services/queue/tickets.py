"""Issuing tickets (取号), the kiosk's side of the queue, and their expiry at closing time.

Each function runs inside the caller's unit of work (``Database.write``): it flushes, never
commits. ``actor`` is the name the audit log records.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from clerk_app.domain.identity import validate_resident_id, validate_uscc
from clerk_app.domain.queue_order import PriorityClass
from clerk_app.domain.ticket_status import TicketStatus
from clerk_app.errors import NotFound, ValidationError
from clerk_app.hall_time import local_date
from clerk_app.persistence.models import Appointment, QueueCategory, Ticket
from clerk_app.persistence.pii import APPOINTMENT_IDENTITY, TICKET_IDENTITY, pii_of
from clerk_app.persistence.sequences import next_value
from clerk_app.services import audit
from clerk_app.services.queue.board import category_load, find_category, ticket_info
from clerk_app.services.queue.results import TicketInfo
from clerk_app.services.settings import get_setting, get_settings


def take_ticket(
    s: Session,
    actor: str,
    now: datetime,
    category: str,
    priority: str = PriorityClass.NORMAL,
    identity: str | None = None,
) -> TicketInfo:
    """Issues the next ticket of ``category`` (e.g. "A" -> A001), optionally real-name."""
    try:
        prio = PriorityClass(priority)
    except ValueError:
        raise ValidationError(
            f"未知的优先类别：{priority}。", f"Unknown priority class: {priority}."
        ) from None
    kind_value = _normalize_identity(identity) if identity else None
    cat = find_category(s, category)
    today = local_date(now)
    expire_before(s, today)
    if kind_value is not None:
        _check_daily_limit(s, pii_of(s).lookup(kind_value[1]), today)
    ticket = _issue(s, cat, prio, kind_value, now)
    audit.record(
        s,
        at=now,
        actor=actor,
        action="ticket_taken",
        target=f"ticket:{ticket.id}",
        after={"number": ticket.number},
    )
    return _with_estimate(s, ticket, now)


def check_in(s: Session, actor: str, now: datetime, appointment_code: str) -> TicketInfo:
    """Turns a booked appointment into a ticket; priority only within its window."""
    appt = s.scalars(
        select(Appointment).where(Appointment.code == appointment_code.strip().upper())
    ).one_or_none()
    if appt is None:
        raise NotFound(f"预约号 {appointment_code} 不存在。", f"No appointment {appointment_code}.")
    if appt.checked_in_at is not None:
        raise ValidationError(
            "该预约已签到取号，不能重复签到。", "This appointment has already been checked in."
        )
    cfg = get_settings(s, "queue.")
    opens = appt.slot_start - timedelta(minutes=cfg["queue.appointment_early_minutes"])
    closes = appt.slot_start + timedelta(minutes=cfg["queue.appointment_late_minutes"])
    in_window = opens <= now <= closes
    prio = PriorityClass.APPOINTMENT if in_window else PriorityClass.NORMAL
    sealed = appt.identity_enc
    kind_value = (
        _normalize_identity(pii_of(s).open(sealed, APPOINTMENT_IDENTITY)) if sealed else None
    )
    ticket = _issue(s, appt.category, prio, kind_value, now)
    ticket.appointment_id = appt.id
    appt.checked_in_at = now
    audit.record(
        s,
        at=now,
        actor=actor,
        action="appointment_checked_in",
        target=f"appointment:{appt.code}",
        after={"ticket": ticket.number, "in_window": in_window},
    )
    return _with_estimate(s, ticket, now)


def reprint(s: Session, actor: str, now: datetime, ticket_id: int) -> TicketInfo:
    """The same ticket again, marked as a reprint (补打); the reprint is counted."""
    ticket = s.get(Ticket, ticket_id)
    if ticket is None:
        raise NotFound(f"号票 {ticket_id} 不存在。", f"No ticket {ticket_id}.")
    ticket.printed_count += 1
    audit.record(s, at=now, actor=actor, action="ticket_reprinted", target=f"ticket:{ticket.id}")
    info = _with_estimate(s, ticket, now)
    return TicketInfo(**{**info.__dict__, "reprint": True})


def close_day(s: Session, actor: str, now: datetime) -> int:
    """Marks every ticket still waiting today or before as expired; returns how many."""
    n = expire_before(s, local_date(now) + timedelta(days=1))
    audit.record(
        s, at=now, actor=actor, action="queue_closed", after={TicketStatus.EXPIRED.value: n}
    )
    return n


def expire_before(s: Session, day: date) -> int:
    """Marks tickets of days before ``day`` still waiting as expired (closing time)."""
    result = s.execute(
        update(Ticket)
        .where(Ticket.status == TicketStatus.WAITING, Ticket.service_date < day)
        .values(status=TicketStatus.EXPIRED)
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


def _normalize_identity(identity: str) -> tuple[str, str]:
    """A resident ID or a USCC, validated; returns (kind, normalized value)."""
    text = identity.strip().upper()
    if len(text) == 18 and text[:17].isdigit():
        return "resident_id", validate_resident_id(text)
    return "uscc", validate_uscc(text)


def _issue(
    s: Session,
    cat: QueueCategory,
    prio: PriorityClass,
    kind_value: tuple[str, str] | None,
    now: datetime,
) -> Ticket:
    today = local_date(now)
    seq = next_value(s, f"ticket:{cat.prefix}", today)
    pii = pii_of(s)
    ticket = Ticket(
        service_date=today,
        category_id=cat.id,
        seq=seq,
        number=f"{cat.prefix}{seq:03d}",
        priority=prio.value,
        status=TicketStatus.WAITING,
        identity_kind=kind_value[0] if kind_value else None,
        identity_enc=pii.seal(kind_value[1], TICKET_IDENTITY) if kind_value else None,
        identity_hash=pii.lookup(kind_value[1]) if kind_value else None,
        taken_at=now,
        queue_position_at=now,
        recall_count=0,
        printed_count=1,
    )
    ticket.category = cat
    s.add(ticket)
    s.flush()
    return ticket


def _check_daily_limit(s: Session, identity_hash: str, today: date) -> None:
    """By the ID's lookup hash: equal IDs, equal hashes; the ID itself is never in clear."""
    limit = int(get_setting(s, "queue.daily_tickets_per_person"))
    held = s.scalar(
        select(func.count())
        .select_from(Ticket)
        .where(Ticket.identity_hash == identity_hash, Ticket.service_date == today)
    )
    if (held or 0) >= limit:
        raise ValidationError(
            f"同一证件每天最多取号 {limit} 张，今日已达上限。",
            f"One ID may take at most {limit} tickets a day; today's limit is reached.",
        )


def _with_estimate(s: Session, ticket: Ticket, now: datetime) -> TicketInfo:
    load = category_load(s, ticket.category, now, before=ticket)
    return ticket_info(ticket, None, ahead=load.waiting, wait_minutes=load.wait_minutes)
