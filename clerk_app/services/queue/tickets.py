"""Issuing tickets (取号), the kiosk's side of the queue, and their expiry at closing time.

Each function runs inside the caller's unit of work (``Database.write``): it flushes, never
commits. ``actor`` is the name the audit log records.
"""

from __future__ import annotations

import dataclasses
import hashlib
import hmac
import secrets
from datetime import date, datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, defer

from clerk_app.domain.appointment_code import is_appointment_code
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
from clerk_app.services.settings import REAL_NAME_CATEGORIES, get_setting, get_settings


def take_ticket(
    s: Session,
    actor: str,
    now: datetime,
    category: str,
    priority: str = PriorityClass.NORMAL,
    identity: str | None = None,
    *,
    expire_earlier_days: bool = True,
) -> Ticket:
    """Issues the next ticket of ``category`` (e.g. "A" -> A001), optionally real-name.

    Returns the new ticket without its wait estimate: the caller reads that with
    ``with_estimate`` after the commit, so the estimate's reads never hold the hall's write
    lock. ``expire_earlier_days`` False skips expiring the tickets of earlier days, for a
    caller that knows it has done so today already (``QueueService`` remembers it per day)."""
    try:
        prio = PriorityClass(priority)
    except ValueError:
        raise ValidationError(
            f"未知的优先类别：{priority}。", f"Unknown priority class: {priority}."
        ) from None
    kind_value = _normalize_identity(identity) if identity else None
    cat = find_category(s, category)
    if kind_value is None and cat.prefix in get_setting(s, REAL_NAME_CATEGORIES):
        raise ValidationError(
            f"“{cat.name}”须实名取号：请先刷身份证或输入证件号码。",
            f"{cat.name} requires a real-name ticket: scan or type the ID first.",
        )
    today = local_date(now)
    if expire_earlier_days:
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
    return ticket


def check_in(s: Session, actor: str, now: datetime, appointment_code: str) -> TicketInfo:
    """Turns a booked appointment into a ticket; priority only within its window.

    A code that cannot be one (see ``domain.appointment_code``) is not looked up: the answer
    is the same ``NotFound`` as for a code nobody booked."""
    code = appointment_code.strip().upper()
    appt = (
        s.scalars(select(Appointment).where(Appointment.code == code)).one_or_none()
        if is_appointment_code(code)
        else None
    )
    if appt is None:
        raise NotFound(
            "预约号不存在，请核对后重新输入。", "No such appointment code; check it and retype it."
        )
    if appt.checked_in_at is not None:
        raise ValidationError(
            "该预约已签到取号，不能重复签到。", "This appointment has already been checked in."
        )
    if appt.cancelled_at is not None:
        raise ValidationError(
            "该预约已取消，不能签到；请重新取号或预约。",
            "This appointment was cancelled; take a ticket or book again.",
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
    return _with_token(ticket, _with_estimate(s, ticket, now))


def reprint(s: Session, actor: str, now: datetime, token: str) -> TicketInfo:
    """The same ticket again, marked as a reprint (补打); the reprint is counted.

    ``token`` is the ``reprint_token`` the kiosk got when it issued the ticket (the ticket's id
    and a random secret whose hash the ticket keeps): no other ticket, and none of another day,
    can be printed from a kiosk."""
    ticket_id, _, _secret = token.partition(".")
    ticket = (  # not its ID number: the kiosk's database role may not read it (it printed it)
        s.get(
            Ticket,
            int(ticket_id),
            options=[
                defer(Ticket.identity_enc, raiseload=True),
                defer(Ticket.identity_hash, raiseload=True),
            ],
        )
        if ticket_id.isdigit() and len(ticket_id) < 19
        else None
    )
    if (
        ticket is None
        or ticket.reprint_token_hash is None
        or not hmac.compare_digest(ticket.reprint_token_hash, _token_hash(token))
        or ticket.service_date != local_date(now)
    ):
        raise NotFound(
            "只能补打本机刚取的号票。",
            "Only the ticket this kiosk has just issued can be reprinted.",
        )
    ticket.printed_count += 1
    audit.record(s, at=now, actor=actor, action="ticket_reprinted", target=f"ticket:{ticket.id}")
    info = _with_estimate(s, ticket, now, with_identity=False)
    return dataclasses.replace(info, reprint=True, reprint_token=token)


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_reprint_token(ticket: Ticket) -> str:
    """A fresh reprint token for ``ticket``, whose hash the ticket keeps (the issuing kiosk's
    only way to print it again); inside the issuing write."""
    token = f"{ticket.id}.{secrets.token_urlsafe(16)}"
    ticket.reprint_token_hash = _token_hash(token)
    return token


def _with_token(ticket: Ticket, info: TicketInfo) -> TicketInfo:
    """``info`` with a fresh reprint token (``new_reprint_token``)."""
    return dataclasses.replace(info, reprint_token=new_reprint_token(ticket))


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
    if s.get_bind().dialect.name == "postgresql":
        # The same count, through a function that may read the tickets where the kiosk's
        # database role may not (migration 0016, resources/db_roles.sql).
        held = s.scalar(select(func.clerk_tickets_held(identity_hash, today)))
    else:
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


def with_estimate(
    s: Session, ticket: Ticket, now: datetime, *, with_identity: bool = True
) -> TicketInfo:
    """The slip of ``ticket`` (its category loaded) with the tickets ahead and the wait now."""
    return _with_estimate(s, ticket, now, with_identity=with_identity)


def _with_estimate(
    s: Session, ticket: Ticket, now: datetime, *, with_identity: bool = True
) -> TicketInfo:
    load = category_load(s, ticket.category, now, before=ticket)
    return ticket_info(
        ticket,
        None,
        ahead=load.waiting,
        wait_minutes=load.wait_minutes,
        with_identity=with_identity,
        pii=pii_of(s),  # (``ticket`` may come from the write that issued it)
    )
