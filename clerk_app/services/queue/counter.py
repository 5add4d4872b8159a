"""The counter's actions on the ticket it serves, and the supervisor's on any counter.

Recall, no-show, finish, transfer, release, pause and resume, heartbeat and sign-off; the
calls themselves are in ``calling``. Each function runs inside the caller's writing unit of
work (``Database.write``) for ``actor``, who must be logged in at a counter; the counter row
is locked first, so two clicks at one counter serialize.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk_app.domain.roles import Actor
from clerk_app.domain.ticket_status import TicketStatus
from clerk_app.errors import NotFound, ValidationError
from clerk_app.persistence.models import CallEvent, Counter, Ticket
from clerk_app.services import audit
from clerk_app.services.queue.board import find_category, ticket_info
from clerk_app.services.queue.results import TicketInfo
from clerk_app.services.settings import get_setting


def no_counter() -> ValidationError:
    return ValidationError(
        "请先在某个窗口登录，再进行叫号操作。", "Log in at a counter before calling tickets."
    )


def recall(s: Session, actor: Actor, now: datetime) -> TicketInfo:
    """Announces the ticket in service again (重呼); recalls are counted."""
    counter = _my_counter(s, actor, lock=True)
    ticket = _current_ticket(s, counter)
    ticket.recall_count += 1
    counter.last_heartbeat = now  # proof of life, as a call (``calling.call_in``)
    s.add(
        CallEvent(
            at=now,
            ticket_id=ticket.id,
            ticket_number=ticket.number,
            counter_number=counter.number,
            kind="recall",
        )
    )
    _record(s, actor, now, "ticket_recalled", ticket, after={"recalls": ticket.recall_count})
    return ticket_info(ticket, counter.number)


def no_show(s: Session, actor: Actor, now: datetime) -> TicketInfo:
    """The called applicant did not come (过号): allowed after the configured recalls."""
    counter = _my_counter(s, actor, lock=True)
    ticket = _current_ticket(s, counter)
    needed = int(get_setting(s, "queue.no_show_after_recalls"))
    if ticket.recall_count < needed:
        raise ValidationError(
            f"须重呼 {needed} 次后才能过号（已重呼 {ticket.recall_count} 次）。",
            f"Recall {needed} times before a no-show ({ticket.recall_count} so far).",
        )
    ticket.status, ticket.finished_at = TicketStatus.NO_SHOW, now
    counter.current_ticket_id = None
    _record(s, actor, now, "ticket_no_show", ticket)
    return ticket_info(ticket, counter.number)


def finish(s: Session, actor: Actor, now: datetime) -> TicketInfo:
    """Ends the service of the current ticket (办结离柜)."""
    counter = _my_counter(s, actor, lock=True)
    ticket = _finish_current(s, actor, counter, now)
    return ticket_info(ticket, counter.number)


def transfer(
    s: Session, actor: Actor, now: datetime, to_category: str | None, to_counter: int | None
) -> TicketInfo:
    """Sends the current ticket to another category or counter; it keeps its place."""
    if (to_category is None) == (to_counter is None):
        raise ValidationError(
            "转窗须指定一个目标：业务类别或窗口。",
            "Transfer to exactly one target: a category or a counter.",
        )
    counter = _my_counter(s, actor, lock=True)
    ticket = _current_ticket(s, counter)
    before = {"category": ticket.category.prefix, "counter": counter.number}
    if to_category is not None:
        ticket.category_id = find_category(s, to_category).id
        ticket.transferred_to_counter = None
    else:
        target = s.scalars(
            select(Counter).where(Counter.number == to_counter, Counter.active)
        ).one_or_none()
        if target is None or target.number == counter.number:
            raise ValidationError(
                f"不能转到 {to_counter} 号窗口。", f"Cannot transfer to counter {to_counter}."
            )
        ticket.transferred_to_counter = target.number
    _release(ticket, counter)
    after = {"category": to_category, "counter": to_counter}
    _record(s, actor, now, "ticket_transferred", ticket, before=before, after=after)
    return ticket_info(ticket, None)


def release(s: Session, actor: Actor, now: datetime) -> TicketInfo:
    """Puts the current ticket back in the queue at its place (e.g. a stranded ticket)."""
    counter = _my_counter(s, actor, lock=True)
    ticket = _current_ticket(s, counter)
    _release(ticket, counter)
    _record(s, actor, now, "ticket_released", ticket)
    return ticket_info(ticket, None)


def set_paused(s: Session, actor: Actor, now: datetime, paused: bool) -> None:
    """Pauses (暂停服务) or resumes the counter; a paused counter calls nothing."""
    counter = _my_counter(s, actor, lock=True)
    counter.paused = paused
    audit.record(
        s,
        at=now,
        actor=actor.username,
        action="counter_paused" if paused else "counter_resumed",
        target=f"counter:{counter.number}",
    )


def heartbeat(s: Session, actor: Actor, now: datetime) -> None:
    """Marks the counter online with this clerk."""
    counter = _my_counter(s, actor, lock=False)
    counter.last_heartbeat = now
    counter.clerk_id = actor.user_id


def sign_off(s: Session, actor: Actor) -> None:
    """Logs the clerk off the counter (offline at once) without touching its ticket."""
    counter = _my_counter(s, actor, lock=False)
    counter.last_heartbeat = None
    counter.clerk_id = None


def resolve_counter(
    s: Session, actor: Actor, now: datetime, counter_no: int, *, finish: bool
) -> TicketInfo | None:
    """Releases (back to the queue, same place) or finishes a counter's ticket in service."""
    counter = s.scalars(
        select(Counter).where(Counter.number == counter_no).with_for_update()
    ).one_or_none()
    if counter is None:
        raise NotFound(f"没有 {counter_no} 号窗口。", f"No counter {counter_no}.")
    if counter.current_ticket_id is None:
        return None
    if finish:
        ticket = _finish_current(s, actor, counter, now)
    else:
        ticket = _current_ticket(s, counter)
        _release(ticket, counter)
    audit.record(
        s,
        at=now,
        actor=actor.username,
        action="counter_ticket_finished" if finish else "counter_ticket_released",
        target=f"counter:{counter_no}",
        after={"ticket": ticket.number},
    )
    return ticket_info(ticket, counter_no if finish else None)


def _my_counter(s: Session, actor: Actor, *, lock: bool) -> Counter:
    if actor.counter_no is None:
        raise no_counter()
    stmt = select(Counter).where(Counter.number == actor.counter_no)
    return s.scalars(stmt.with_for_update() if lock else stmt).one()


def _current_ticket(s: Session, counter: Counter) -> Ticket:
    if counter.current_ticket_id is None:
        raise ValidationError(
            "本窗口当前没有正在办理的号票。", "This counter is serving no ticket."
        )
    ticket = s.get(Ticket, counter.current_ticket_id)
    assert ticket is not None
    return ticket


def _finish_current(s: Session, actor: Actor, counter: Counter, now: datetime) -> Ticket:
    ticket = _current_ticket(s, counter)
    ticket.status, ticket.finished_at = TicketStatus.FINISHED, now
    counter.current_ticket_id = None
    _record(s, actor, now, "ticket_finished", ticket)
    return ticket


def _release(ticket: Ticket, counter: Counter) -> None:
    # queue_position_at is kept: the ticket returns to the place it had.
    ticket.status, ticket.counter_id, ticket.called_at = TicketStatus.WAITING, None, None
    ticket.recall_count = 0
    counter.current_ticket_id = None


def _record(
    s: Session,
    actor: Actor,
    now: datetime,
    action: str,
    ticket: Ticket,
    *,
    before: object = None,
    after: object = None,
) -> None:
    audit.record(
        s,
        at=now,
        actor=actor.username,
        action=action,
        target=f"ticket:{ticket.id}",
        before=before,
        after=after,
    )
