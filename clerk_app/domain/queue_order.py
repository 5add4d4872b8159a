"""The one rule that says which waiting ticket a counter (窗口) calls next (叫号).

Eligibility
    A counter may call a waiting ticket when either

    * the ticket was transferred (转窗) to *this* counter, whatever its category, or
    * the ticket's category is one the counter serves and it was not transferred to another
      counter (a ticket sent to counter 7 waits for counter 7 only).

Ordering time
    A ticket keeps its place in the queue when it is transferred: its ordering time is
    ``queue_position_at`` when set, otherwise ``taken_at``. Every "oldest first" below means
    "earliest ordering time first, then lowest ``ticket_id``", so the order is total and the
    same inputs always give the same answer.

Serve order (each group is exhausted before the next one is looked at)
    0. **Transferred here.** Tickets transferred to this counter specifically, oldest first:
       the applicant was already being served elsewhere and is standing at this window.
    1. **Over the bound (the starvation bound).** Every eligible ticket that has waited at least
       ``OrderPolicy.max_normal_wait`` (``now - ordering time``), across all of the counter's
       categories, oldest first. This is what stops a walk-in from waiting forever behind a
       stream of priority tickets or behind the counter's first category. Priority tickets that
       are over the bound are in this group too, in their turn by age: once everyone has waited
       too long, the hall falls back to plain first-come-first-served, which is the only order
       nobody can call unfair. A zero bound therefore makes the counter strictly FIFO.
    2. **Priority (优先).** 老年人、残疾人、军人、孕妇、绿色通道, and appointments (预约) that were
       checked in within their window, oldest first *across the counter's categories* — not
       category by category. The counter's category order is the hall's workload preference;
       priority is a promise to the person, and an elderly applicant holding an ``E`` ticket at
       a counter serving ``[A, E]`` should not wait for every ``A`` priority ticket taken after
       them. All priority classes rank equally among themselves: the hall has no published rule
       that puts a soldier before a pregnant woman, so age decides.
    3. **Walk-ins.** Normal tickets, category by category in the counter's configured order
       (a counter serving ``[A, E]`` takes every ``A`` before any ``E``), oldest first within a
       category. An appointment not checked in within its window counts as a walk-in.

Contract: all datetimes passed in (``taken_at``, ``queue_position_at``, ``now``) are of one kind,
all naive local hall time or all aware; comparing the two kinds raises ``TypeError``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from clerk_app.errors import ValidationError
from clerk_app.i18n import pick


class PriorityClass(StrEnum):
    """Why a ticket may be served ahead of walk-ins (优先); ``NORMAL`` for a walk-in."""

    NORMAL = "normal"
    ELDERLY = "elderly"  # 老年人
    DISABLED = "disabled"  # 残疾人
    MILITARY = "military"  # 军人
    PREGNANT = "pregnant"  # 孕妇
    APPOINTMENT = "appointment"  # 预约
    GREEN_CHANNEL = "green_channel"  # 绿色通道


_LABELS: dict[PriorityClass, tuple[str, str]] = {
    PriorityClass.NORMAL: ("普通", "Normal"),
    PriorityClass.ELDERLY: ("老年人", "Elderly"),
    PriorityClass.DISABLED: ("残疾人", "Disabled"),
    PriorityClass.MILITARY: ("军人", "Military"),
    PriorityClass.PREGNANT: ("孕妇", "Pregnant"),
    PriorityClass.APPOINTMENT: ("预约", "Appointment"),
    PriorityClass.GREEN_CHANNEL: ("绿色通道", "Green channel"),
}


def priority_label(priority: PriorityClass) -> str:
    """The class's name as shown to people, in the current language."""
    zh, en = _LABELS[priority]
    return pick(zh, en)


@dataclass(frozen=True)
class WaitingTicket:
    """A ticket (号票) still waiting to be called, as the ordering rule sees it."""

    ticket_id: int
    category_prefix: str
    priority: PriorityClass
    taken_at: datetime
    appointment_checked_in_in_window: bool = False
    transferred_to_counter: int | None = None
    # Set when the ticket was transferred: it keeps its original place in the queue.
    queue_position_at: datetime | None = None


@dataclass(frozen=True)
class OrderPolicy:
    """The hall's settings for the ordering rule."""

    # No ticket waits longer than this because of priorities or of the counter's category order
    # (as long as the counters keep calling). Zero makes every counter strictly FIFO.
    max_normal_wait: timedelta = timedelta(minutes=20)

    def __post_init__(self) -> None:
        if self.max_normal_wait < timedelta(0):
            raise ValidationError(
                "最长普通等候时间不能为负数。",
                "The maximum normal wait cannot be negative.",
            )


def ordering_time(ticket: WaitingTicket) -> datetime:
    """The time that decides the ticket's place: its original place if it was transferred."""
    return ticket.queue_position_at if ticket.queue_position_at is not None else ticket.taken_at


def is_priority(ticket: WaitingTicket) -> bool:
    """Whether the ticket is served ahead of walk-ins (a late appointment is a walk-in)."""
    if ticket.priority is PriorityClass.APPOINTMENT:
        return ticket.appointment_checked_in_in_window
    return ticket.priority is not PriorityClass.NORMAL


def is_eligible(ticket: WaitingTicket, counter_no: int, counter_categories: Sequence[str]) -> bool:
    """Whether this counter may call this ticket at all."""
    if ticket.transferred_to_counter is not None:
        return ticket.transferred_to_counter == counter_no
    return ticket.category_prefix in counter_categories


_GROUP_TRANSFERRED_HERE = 0
_GROUP_OVER_BOUND = 1
_GROUP_PRIORITY = 2
_GROUP_WALK_IN = 3

_SortKey = tuple[int, int, datetime, int]


def _sort_key(
    ticket: WaitingTicket,
    counter_no: int,
    category_rank: dict[str, int],
    now: datetime,
    policy: OrderPolicy,
) -> _SortKey:
    at = ordering_time(ticket)
    if ticket.transferred_to_counter == counter_no:
        return (_GROUP_TRANSFERRED_HERE, 0, at, ticket.ticket_id)
    if now - at >= policy.max_normal_wait:
        return (_GROUP_OVER_BOUND, 0, at, ticket.ticket_id)
    if is_priority(ticket):
        return (_GROUP_PRIORITY, 0, at, ticket.ticket_id)
    return (_GROUP_WALK_IN, category_rank[ticket.category_prefix], at, ticket.ticket_id)


def _key_for(
    counter_no: int, counter_categories: Sequence[str], now: datetime, policy: OrderPolicy
) -> Callable[[WaitingTicket], _SortKey]:
    category_rank: dict[str, int] = {}
    for prefix in counter_categories:
        category_rank.setdefault(prefix, len(category_rank))
    return lambda ticket: _sort_key(ticket, counter_no, category_rank, now, policy)


def order_for_counter(
    waiting: Sequence[WaitingTicket],
    counter_no: int,
    counter_categories: Sequence[str],
    now: datetime,
    policy: OrderPolicy,
) -> list[WaitingTicket]:
    """Every ticket this counter may call, in the order it would call them (see module doc)."""
    eligible = [t for t in waiting if is_eligible(t, counter_no, counter_categories)]
    return sorted(eligible, key=_key_for(counter_no, counter_categories, now, policy))


def choose_next(
    waiting: Sequence[WaitingTicket],
    counter_no: int,
    counter_categories: Sequence[str],
    now: datetime,
    policy: OrderPolicy,
) -> WaitingTicket | None:
    """The ticket this counter calls next, or ``None`` when it may call none.

    Always the head of ``order_for_counter``; computed in one pass rather than a full sort.
    """
    eligible = [t for t in waiting if is_eligible(t, counter_no, counter_categories)]
    if not eligible:
        return None
    return min(eligible, key=_key_for(counter_no, counter_categories, now, policy))
