"""Reading the queue: a counter's serve order, the supervisor's status, the display board.

Each function runs inside the caller's read-only unit of work (``Database.read``); the
ticket as screens see it (``ticket_info``) and a category's load are shared with the writers.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, func, null, or_, select
from sqlalchemy.orm import Session, object_session, selectinload

from clerk_app.domain.identity import mask_identifier
from clerk_app.domain.queue_order import (
    OrderPolicy,
    PriorityClass,
    WaitingTicket,
    order_for_counter,
)
from clerk_app.domain.ticket_status import TicketStatus
from clerk_app.domain.wait_estimate import (
    WINDOW,
    estimate_wait,
    typical_service_minutes,
    usual_service_minutes,
)
from clerk_app.errors import ValidationError
from clerk_app.hall_time import local_date, to_local, to_utc
from clerk_app.persistence.models import (
    CallEvent,
    Counter,
    CounterCategory,
    QueueCategory,
    Ticket,
    User,
)
from clerk_app.persistence.pii import TICKET_IDENTITY, Pii, pii_of
from clerk_app.services.queue.results import (
    CallInfo,
    CategoryLoad,
    CounterDesk,
    CounterState,
    DisplayBoard,
    QueueStatus,
    TicketInfo,
)
from clerk_app.services.settings import get_setting, get_settings

RECENT_CALLS = 8


def masked_identity(pii: Pii, sealed: bytes | None) -> str:
    """A real-name ticket's ID as screens show it (opened only to be masked), else ""."""
    return mask_identifier(pii.open(sealed, TICKET_IDENTITY)) if sealed else ""


def _pii_of_object(ticket: Ticket) -> Pii:
    session = object_session(ticket)
    assert session is not None, "a ticket is shown from its unit of work"
    return pii_of(session)


def ticket_info(
    ticket: Ticket,
    counter_number: int | None,
    *,
    ahead: int = 0,
    wait_minutes: int | None = 0,
    with_identity: bool = True,
    pii: Pii | None = None,
) -> TicketInfo:
    """``with_identity=False``: without reading the ticket's ID number (a kiosk's reprint).
    ``pii``: the keys, when ``ticket`` is shown outside the unit of work that loaded it."""
    masked = ""
    if with_identity and ticket.identity_enc:
        masked = masked_identity(pii or _pii_of_object(ticket), ticket.identity_enc)
    return TicketInfo(
        id=ticket.id,
        number=ticket.number,
        category_prefix=ticket.category.prefix,
        category_name=ticket.category.name,
        priority=ticket.priority,
        status=TicketStatus(ticket.status),
        taken_at=to_local(ticket.taken_at),
        called_at=to_local(ticket.called_at) if ticket.called_at else None,
        counter_number=counter_number,
        recall_count=ticket.recall_count,
        masked_identity=masked,
        ahead=ahead,
        wait_minutes=wait_minutes,
        reprint=ticket.printed_count > 1,
    )


def _online_since(s: Session, now: datetime, settings: dict[str, Any] | None = None) -> datetime:
    """Heartbeats since then count as online (``settings``: the queue's, if already read)."""
    settings = settings if settings is not None else get_settings(s, "queue.")
    return now - timedelta(seconds=int(settings["queue.offline_after_seconds"]))


def category_load(
    s: Session, cat: QueueCategory, now: datetime, before: Ticket | None = None
) -> CategoryLoad:
    """Waiting tickets of ``cat`` (ahead of ``before`` if given) and the estimated wait: none
    (``None``) when no counter open now serves the category (``domain.wait_estimate``)."""
    today = local_date(now)
    settings = get_settings(s, "queue.")  # one read for the online window and the usual time
    waiting = (
        select(func.count())
        .select_from(Ticket)
        .where(
            Ticket.service_date == today,
            Ticket.status == TicketStatus.WAITING,
            Ticket.category_id == cat.id,
        )
    )
    if before is not None:
        waiting = waiting.where(
            Ticket.id != before.id, Ticket.queue_position_at <= before.queue_position_at
        )
    ahead = int(s.scalar(waiting) or 0)
    open_counters = int(
        s.scalar(
            select(func.count())
            .select_from(Counter)
            .join(CounterCategory, CounterCategory.counter_id == Counter.id)
            .where(
                CounterCategory.category_id == cat.id,
                Counter.active,
                ~Counter.paused,
                Counter.last_heartbeat >= _online_since(s, now, settings),
            )
        )
        or 0
    )
    durations = s.execute(
        select(Ticket.served_at, Ticket.finished_at)
        .where(
            Ticket.service_date == today,
            Ticket.category_id == cat.id,
            Ticket.status == TicketStatus.FINISHED,
        )
        .order_by(Ticket.finished_at.desc())
        .limit(WINDOW)
    ).all()
    minutes = [
        (end - start).total_seconds() / 60 for start, end in reversed(durations) if start and end
    ]
    usual = usual_service_minutes(
        settings["queue.service_minutes"],
        cat.prefix,
        float(settings["queue.default_service_minutes"]),
    )
    estimate = estimate_wait(ahead, typical_service_minutes(minutes, usual), open_counters)
    return CategoryLoad(cat.prefix, cat.name, ahead, open_counters, estimate.minutes)


def current(s: Session, counter_no: int) -> TicketInfo | None:
    """The ticket this counter holds in service — also one left by a crashed session."""
    counter = s.scalars(select(Counter).where(Counter.number == counter_no)).one()
    if counter.current_ticket_id is None:
        return None
    ticket = s.get(Ticket, counter.current_ticket_id)
    assert ticket is not None
    return ticket_info(ticket, counter.number)


def waiting_for_counter(s: Session, counter_no: int, now: datetime) -> list[TicketInfo]:
    """This counter's queue in the order it will be called."""
    counter = s.scalars(select(Counter).where(Counter.number == counter_no)).one_or_none()
    if counter is None:
        return []
    order = serve_order(s, counter, now)
    tickets = {
        t.id: t
        for t in s.scalars(
            select(Ticket)
            .options(selectinload(Ticket.category))
            .where(Ticket.id.in_([w.ticket_id for w in order]))
        )
    }
    return [ticket_info(tickets[w.ticket_id], None, ahead=i) for i, w in enumerate(order)]


def status(s: Session, now: datetime, *, with_clerks: bool = True) -> QueueStatus:
    """Waiting per category and every counter's state (supervisor dashboard, CLI); without
    ``with_clerks`` no clerk's name, and ``users`` is not read (a kiosk's database role may
    not)."""
    cats = list(s.scalars(select(QueueCategory).order_by(QueueCategory.sort_order)))
    loads = tuple(category_load(s, c, now) for c in cats)
    return QueueStatus(loads, counter_states(s, now, with_clerks=with_clerks))


def desk(s: Session, counter_no: int, now: datetime) -> CounterDesk:
    """What a counter's queue desk shows, read at one moment: its ticket in service, its
    queue in call order and its own state (not the whole hall's, which it never shows)."""
    own = counter_states(s, now, counter_no)
    return CounterDesk(
        current(s, counter_no), waiting_for_counter(s, counter_no, now), own[0] if own else None
    )


def counter_states(
    s: Session, now: datetime, counter_no: int | None = None, *, with_clerks: bool = True
) -> tuple[CounterState, ...]:
    """The state of every active counter in number order, or of counter ``counter_no``."""
    since = _online_since(s, now)
    clerk_name = User.display_name if with_clerks else null().label("clerk")
    query = select(Counter, Ticket.number, clerk_name).outerjoin(
        Ticket, Ticket.id == Counter.current_ticket_id
    )
    if with_clerks:
        query = query.outerjoin(User, User.id == Counter.clerk_id)
    query = (
        query.options(selectinload(Counter.categories).selectinload(CounterCategory.category))
        .where(Counter.active)
        .order_by(Counter.number)
    )
    if counter_no is not None:
        query = query.where(Counter.number == counter_no)
    rows = s.execute(query).all()
    return tuple(
        CounterState(
            number=c.number,
            name=c.name,
            categories=tuple(cc.category.prefix for cc in c.categories),
            paused=c.paused,
            online=c.last_heartbeat is not None and c.last_heartbeat >= since,
            clerk=clerk,
            current_ticket=number,
            current_ticket_id=c.current_ticket_id,
        )
        for c, number, clerk in rows
    )


def board(s: Session, now: datetime, since_call_id: int = 0) -> DisplayBoard:
    """What the hall display shows; ``new_calls`` are the calls after ``since_call_id``.

    Only counters open now appear: active and online (a heartbeat, a call or a recall within
    ``queue.offline_after_seconds``). A counter whose clerk left still holding a ticket sends
    nobody there, neither in ``current`` nor in ``recent``. ``current`` is each open counter's
    latest call of the ticket it holds now (a ticket called at one counter and then at another
    shows only where it is now). ``open_counters`` counts the open counters not paused.
    """
    day_start = to_utc(datetime.combine(local_date(now), datetime.min.time()))
    online = (Counter.active, Counter.last_heartbeat >= _online_since(s, now))
    open_here = select(Counter.number).where(*online)
    latest = (
        select(func.max(CallEvent.id))
        .join(
            Counter,
            (Counter.current_ticket_id == CallEvent.ticket_id)
            & (Counter.number == CallEvent.counter_number),
        )
        .where(CallEvent.kind == "call", CallEvent.at >= day_start, *online)
        .group_by(CallEvent.counter_number)
    )
    current = tuple(
        _call_info(e)
        for e in s.scalars(
            select(CallEvent).where(CallEvent.id.in_(latest)).order_by(CallEvent.counter_number)
        )
    )
    shown = (CallEvent.at >= day_start, CallEvent.counter_number.in_(open_here))
    recent = tuple(
        _call_info(e)
        for e in s.scalars(
            select(CallEvent).where(*shown).order_by(CallEvent.id.desc()).limit(RECENT_CALLS)
        )
    )
    # Every call after ``since_call_id``, with whether its counter is open: one read, so a call
    # at a counter that closed meanwhile is passed over for good, never announced late.
    after = s.execute(
        select(CallEvent, CallEvent.counter_number.in_(open_here))
        .where(CallEvent.id > since_call_id, CallEvent.at >= day_start)
        .order_by(CallEvent.id)
    ).all()
    new = tuple(_call_info(e) for e, is_open in after if is_open)
    open_counters = int(
        s.scalar(select(func.count()).select_from(Counter).where(*online, ~Counter.paused)) or 0
    )
    cats = s.scalars(select(QueueCategory).order_by(QueueCategory.sort_order))
    waiting = tuple(category_load(s, c, now) for c in cats)
    last = max([since_call_id, *(e.id for e, _ in after), *(c.id for c in recent)])
    return DisplayBoard(current, recent, new, waiting, last, open_counters)


def find_category(s: Session, prefix: str) -> QueueCategory:
    """The queue category of this prefix (case and spaces ignored), or a clear refusal."""
    cat = s.scalars(
        select(QueueCategory).where(QueueCategory.prefix == prefix.strip().upper())
    ).one_or_none()
    if cat is None or not prefix.strip():
        raise ValidationError(
            f"没有业务类别“{prefix}”。", f"There is no queue category {prefix!r}."
        )
    return cat


_PRIORITIES = {p.value: p for p in PriorityClass}
_APPOINTMENT = PriorityClass.APPOINTMENT.value


def _build_serve_statements() -> tuple[Any, Any]:
    """Built once: statement construction costs more than running them on a warm database."""
    counter_cats = (
        select(CounterCategory.category_id, QueueCategory.prefix)
        .join(QueueCategory, QueueCategory.id == CounterCategory.category_id)
        .where(CounterCategory.counter_id == bindparam("counter_id"))
        .order_by(CounterCategory.position)
    )
    waiting = (
        select(
            Ticket.id,
            QueueCategory.prefix,
            Ticket.priority,
            Ticket.taken_at,
            Ticket.queue_position_at,
            Ticket.transferred_to_counter,
        )
        .join(QueueCategory, QueueCategory.id == Ticket.category_id)
        .where(
            Ticket.service_date == bindparam("today"),
            Ticket.status == TicketStatus.WAITING,
            or_(
                Ticket.category_id.in_(
                    select(CounterCategory.category_id).where(
                        CounterCategory.counter_id == bindparam("counter_id")
                    )
                ),
                Ticket.transferred_to_counter == bindparam("counter_no"),
            ),
        )
    )
    return counter_cats, waiting


_COUNTER_CATEGORIES, _WAITING = _build_serve_statements()


def serve_order(s: Session, counter: Counter, now: datetime) -> list[WaitingTicket]:
    """The counter's waiting tickets in the order it serves them (``domain.queue_order``).

    For the counter's queue view; the call itself claims with ``CallNext.claim_next``
    (``calling_sqlite``, ``calling_pg``), whose choice is tested to be the head of this
    order. Times are naive UTC throughout.
    """
    cats = s.execute(_COUNTER_CATEGORIES, {"counter_id": counter.id}).all()
    minutes = int(get_setting(s, "queue.max_normal_wait_minutes"))
    params = {"today": local_date(now), "counter_id": counter.id, "counter_no": counter.number}
    waiting = [
        WaitingTicket(
            ticket_id=r.id,
            category_prefix=r.prefix,
            priority=_PRIORITIES[r.priority],
            taken_at=r.taken_at,
            appointment_checked_in_in_window=r.priority == _APPOINTMENT,
            transferred_to_counter=r.transferred_to_counter,
            queue_position_at=r.queue_position_at,
        )
        for r in s.execute(_WAITING, params)
    ]
    policy = OrderPolicy(timedelta(minutes=minutes))
    return order_for_counter(waiting, counter.number, [p for _, p in cats], now, policy)


def _call_info(e: CallEvent) -> CallInfo:
    return CallInfo(e.id, to_local(e.at), e.ticket_number, e.counter_number, e.kind)
