"""Which waiting ticket a counter calls next: explicit hall scenarios and properties."""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterator, Sequence
from datetime import datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clerk_app.domain.queue_order import (
    OrderPolicy,
    PriorityClass,
    WaitingTicket,
    choose_next,
    is_eligible,
    is_priority,
    order_for_counter,
    ordering_time,
    priority_label,
)
from clerk_app.errors import ValidationError
from clerk_app.i18n import set_language

NOW = datetime(2026, 3, 2, 10, 0)
POLICY = OrderPolicy()  # 20 minutes
P = PriorityClass


@pytest.fixture(autouse=True)
def _chinese_after_each_test() -> Iterator[None]:
    yield
    set_language("zh_CN")


def ticket(
    ticket_id: int,
    category: str = "A",
    *,
    waited: int,
    priority: PriorityClass = P.NORMAL,
    checked_in: bool = False,
    to_counter: int | None = None,
    place_waited: int | None = None,
) -> WaitingTicket:
    """A ticket taken ``waited`` minutes before NOW (its place ``place_waited`` minutes before)."""
    return WaitingTicket(
        ticket_id=ticket_id,
        category_prefix=category,
        priority=priority,
        taken_at=NOW - timedelta(minutes=waited),
        appointment_checked_in_in_window=checked_in,
        transferred_to_counter=to_counter,
        queue_position_at=None if place_waited is None else NOW - timedelta(minutes=place_waited),
    )


def ids(tickets: Sequence[WaitingTicket]) -> list[int]:
    return [t.ticket_id for t in tickets]


def next_id(
    waiting: Sequence[WaitingTicket],
    categories: Sequence[str] = ("A",),
    counter_no: int = 5,
    policy: OrderPolicy = POLICY,
) -> int | None:
    chosen = choose_next(waiting, counter_no, categories, NOW, policy)
    return None if chosen is None else chosen.ticket_id


def order_ids(
    waiting: Sequence[WaitingTicket],
    categories: Sequence[str] = ("A",),
    counter_no: int = 5,
    policy: OrderPolicy = POLICY,
) -> list[int]:
    return ids(order_for_counter(waiting, counter_no, categories, NOW, policy))


# --- labels and helpers -------------------------------------------------------------------


def test_priority_labels_in_both_languages() -> None:
    set_language("zh_CN")
    zh = {p: priority_label(p) for p in PriorityClass}
    assert zh[P.NORMAL] == "普通"
    assert zh[P.ELDERLY] == "老年人"
    assert zh[P.DISABLED] == "残疾人"
    assert zh[P.MILITARY] == "军人"
    assert zh[P.PREGNANT] == "孕妇"
    assert zh[P.APPOINTMENT] == "预约"
    assert zh[P.GREEN_CHANNEL] == "绿色通道"
    set_language("en")
    en = {p: priority_label(p) for p in PriorityClass}
    assert en[P.ELDERLY] == "Elderly"
    assert en[P.GREEN_CHANNEL] == "Green channel"
    assert len(set(en.values())) == len(PriorityClass)


def test_priority_class_values_are_stable_strings() -> None:
    # Stored in the database: the values must not change.
    assert [p.value for p in PriorityClass] == [
        "normal",
        "elderly",
        "disabled",
        "military",
        "pregnant",
        "appointment",
        "green_channel",
    ]
    assert PriorityClass("green_channel") is P.GREEN_CHANNEL


def test_ordering_time_is_the_original_place_of_a_transferred_ticket() -> None:
    plain = ticket(1, waited=5)
    moved = ticket(2, waited=5, place_waited=30)
    assert ordering_time(plain) == NOW - timedelta(minutes=5)
    assert ordering_time(moved) == NOW - timedelta(minutes=30)


def test_late_appointment_is_not_a_priority() -> None:
    assert is_priority(ticket(1, waited=1, priority=P.APPOINTMENT, checked_in=True))
    assert not is_priority(ticket(2, waited=1, priority=P.APPOINTMENT, checked_in=False))
    assert not is_priority(ticket(3, waited=1))
    for p in (P.ELDERLY, P.DISABLED, P.MILITARY, P.PREGNANT, P.GREEN_CHANNEL):
        assert is_priority(ticket(4, waited=1, priority=p))


def test_negative_bound_is_refused() -> None:
    with pytest.raises(ValidationError):
        OrderPolicy(max_normal_wait=timedelta(minutes=-1))


# --- eligibility ---------------------------------------------------------------------------


def test_nothing_waiting_means_nothing_to_call() -> None:
    assert next_id([]) is None
    assert order_ids([]) == []


def test_only_the_counters_categories_are_eligible() -> None:
    waiting = [ticket(1, "B", waited=50), ticket(2, "C", waited=3, priority=P.ELDERLY)]
    assert next_id(waiting, ["A"]) is None
    assert next_id([*waiting, ticket(3, "A", waited=1)], ["A"]) == 3


def test_a_counter_with_no_categories_calls_only_tickets_transferred_to_it() -> None:
    waiting = [ticket(1, "A", waited=30), ticket(2, "B", waited=1, to_counter=5)]
    assert order_ids(waiting, [], counter_no=5) == [2]
    assert next_id(waiting, [], counter_no=6) is None


def test_ticket_transferred_to_another_counter_is_not_eligible() -> None:
    waiting = [ticket(1, "A", waited=40, to_counter=7), ticket(2, "A", waited=2)]
    assert order_ids(waiting, ["A"], counter_no=5) == [2]
    assert order_ids(waiting, ["A"], counter_no=7) == [1, 2]


def test_is_eligible_matches_the_rule() -> None:
    assert is_eligible(ticket(1, "A", waited=1), 5, ["A", "E"])
    assert not is_eligible(ticket(1, "B", waited=1), 5, ["A", "E"])
    assert is_eligible(ticket(1, "B", waited=1, to_counter=5), 5, ["A", "E"])
    assert not is_eligible(ticket(1, "A", waited=1, to_counter=6), 5, ["A", "E"])


# --- group 0: transferred to this counter ------------------------------------------------


def test_ticket_transferred_here_goes_before_everything() -> None:
    waiting = [
        ticket(1, "A", waited=60),  # far over the bound
        ticket(2, "A", waited=5, priority=P.GREEN_CHANNEL),
        ticket(3, "A", waited=1),
        ticket(4, "Z", waited=0, to_counter=5),  # a category this counter does not serve
    ]
    assert order_ids(waiting, ["A"]) == [4, 1, 2, 3]


def test_tickets_transferred_here_keep_their_original_places() -> None:
    waiting = [
        ticket(1, "A", waited=2, to_counter=5, place_waited=15),
        ticket(2, "B", waited=1, to_counter=5, place_waited=40),
        ticket(3, "A", waited=3, to_counter=5),
    ]
    assert order_ids(waiting, ["A"]) == [2, 1, 3]


def test_ticket_transferred_to_a_category_keeps_its_place_among_walk_ins() -> None:
    # Ticket 2 was moved to category A a minute ago but first queued 12 minutes ago.
    waiting = [ticket(1, "A", waited=10), ticket(2, "A", waited=1, place_waited=12)]
    assert order_ids(waiting, ["A"]) == [2, 1]


def test_transferred_ticket_counts_its_wait_from_its_original_place() -> None:
    # Queued 25 minutes ago, transferred a minute ago: it is over the bound.
    waiting = [
        ticket(1, "A", waited=5, priority=P.ELDERLY),
        ticket(2, "E", waited=1, place_waited=25),
    ]
    assert order_ids(waiting, ["A", "E"]) == [2, 1]


# --- group 1: the starvation bound --------------------------------------------------------


def test_walk_in_at_the_bound_goes_before_priorities_and_the_first_category() -> None:
    waiting = [
        ticket(1, "A", waited=2, priority=P.ELDERLY),
        ticket(2, "A", waited=5),
        ticket(3, "E", waited=20),  # exactly the bound: >= counts
    ]
    assert order_ids(waiting, ["A", "E"]) == [3, 1, 2]


def test_walk_in_just_under_the_bound_waits_its_turn() -> None:
    under = NOW - timedelta(minutes=20) + timedelta(seconds=1)
    waiting = [
        ticket(1, "A", waited=2, priority=P.ELDERLY),
        ticket(2, "A", waited=5),
        WaitingTicket(3, "E", P.NORMAL, taken_at=under),
    ]
    assert order_ids(waiting, ["A", "E"]) == [1, 2, 3]


def test_over_bound_tickets_go_oldest_first_across_categories() -> None:
    waiting = [
        ticket(1, "A", waited=21),
        ticket(2, "E", waited=35),
        ticket(3, "B", waited=28),
        ticket(4, "A", waited=3, priority=P.PREGNANT),
    ]
    assert order_ids(waiting, ["A", "B", "E"]) == [2, 3, 1, 4]


def test_over_bound_priority_takes_its_turn_by_age_among_over_bound_walk_ins() -> None:
    waiting = [
        ticket(1, "A", waited=30, priority=P.ELDERLY),
        ticket(2, "A", waited=25),
        ticket(3, "A", waited=22, priority=P.MILITARY),
        ticket(4, "A", waited=10, priority=P.DISABLED),
    ]
    assert order_ids(waiting, ["A"]) == [1, 2, 3, 4]


def test_bound_is_a_setting() -> None:
    waiting = [ticket(1, "A", waited=1, priority=P.ELDERLY), ticket(2, "A", waited=12)]
    assert next_id(waiting) == 1
    assert next_id(waiting, policy=OrderPolicy(max_normal_wait=timedelta(minutes=10))) == 2


def test_zero_bound_is_plain_first_come_first_served() -> None:
    fifo = OrderPolicy(max_normal_wait=timedelta(0))
    waiting = [
        ticket(1, "E", waited=9),
        ticket(2, "A", waited=3, priority=P.GREEN_CHANNEL),
        ticket(3, "A", waited=7),
    ]
    assert order_ids(waiting, ["A", "E"], policy=fifo) == [1, 3, 2]


def test_a_stream_of_priorities_holds_a_walk_in_back_no_longer_than_the_bound() -> None:
    """One call a minute, a new elderly ticket every minute: the walk-in is called at 20 min."""
    start = NOW - timedelta(hours=1)
    walk_in = WaitingTicket(0, "A", P.NORMAL, taken_at=start)
    waiting = [walk_in]
    called_at: datetime | None = None
    for minute in range(1, 40):
        clock = start + timedelta(minutes=minute)
        waiting.append(WaitingTicket(minute, "A", P.ELDERLY, taken_at=clock))
        chosen = choose_next(waiting, 5, ["A"], clock, POLICY)
        assert chosen is not None
        waiting.remove(chosen)
        if chosen is walk_in:
            called_at = clock
            break
    assert called_at == start + POLICY.max_normal_wait


# --- group 2: priorities -------------------------------------------------------------------


@pytest.mark.parametrize(
    "priority", [P.ELDERLY, P.DISABLED, P.MILITARY, P.PREGNANT, P.GREEN_CHANNEL]
)
def test_each_priority_class_goes_before_older_walk_ins(priority: PriorityClass) -> None:
    waiting = [ticket(1, "A", waited=15), ticket(2, "A", waited=1, priority=priority)]
    assert order_ids(waiting) == [2, 1]


def test_checked_in_appointment_goes_before_walk_ins() -> None:
    waiting = [
        ticket(1, "A", waited=15),
        ticket(2, "A", waited=1, priority=P.APPOINTMENT, checked_in=True),
    ]
    assert order_ids(waiting) == [2, 1]


def test_late_appointment_is_served_as_a_walk_in() -> None:
    waiting = [
        ticket(1, "A", waited=15),
        ticket(2, "A", waited=1, priority=P.APPOINTMENT, checked_in=False),
        ticket(3, "A", waited=0),
    ]
    assert order_ids(waiting) == [1, 2, 3]


def test_late_appointment_follows_the_category_order_like_a_walk_in() -> None:
    waiting = [
        ticket(1, "E", waited=10, priority=P.APPOINTMENT, checked_in=False),
        ticket(2, "A", waited=1),
    ]
    assert order_ids(waiting, ["A", "E"]) == [2, 1]


def test_priority_classes_rank_equally_oldest_first() -> None:
    waiting = [
        ticket(1, "A", waited=2, priority=P.GREEN_CHANNEL),
        ticket(2, "A", waited=9, priority=P.PREGNANT),
        ticket(3, "A", waited=5, priority=P.MILITARY),
        ticket(4, "A", waited=7, priority=P.APPOINTMENT, checked_in=True),
    ]
    assert order_ids(waiting) == [2, 4, 3, 1]


def test_priorities_are_served_oldest_first_across_categories() -> None:
    # The counter prefers A, but an elderly applicant with an older E ticket goes first.
    waiting = [
        ticket(1, "A", waited=3, priority=P.ELDERLY),
        ticket(2, "E", waited=8, priority=P.ELDERLY),
        ticket(3, "A", waited=12),
    ]
    assert order_ids(waiting, ["A", "E"]) == [2, 1, 3]


# --- group 3: walk-ins ---------------------------------------------------------------------


def test_walk_ins_follow_the_counters_category_order() -> None:
    waiting = [ticket(1, "E", waited=15), ticket(2, "A", waited=2), ticket(3, "A", waited=6)]
    assert order_ids(waiting, ["A", "E"]) == [3, 2, 1]
    assert order_ids(waiting, ["E", "A"]) == [1, 3, 2]


def test_three_categories_in_configured_order() -> None:
    waiting = [ticket(1, "C", waited=9), ticket(2, "B", waited=8), ticket(3, "A", waited=7)]
    assert order_ids(waiting, ["B", "C", "A"]) == [2, 1, 3]


def test_repeated_category_in_the_counter_setting_keeps_its_first_rank() -> None:
    waiting = [ticket(1, "E", waited=9), ticket(2, "A", waited=2)]
    assert order_ids(waiting, ["A", "E", "A"]) == [2, 1]


def test_ties_are_broken_by_ticket_id() -> None:
    waiting = [
        ticket(7, "A", waited=4),
        ticket(3, "A", waited=4),
        ticket(9, "A", waited=4, priority=P.ELDERLY),
        ticket(8, "A", waited=4, priority=P.DISABLED),
    ]
    assert order_ids(waiting) == [8, 9, 3, 7]


def test_full_order_of_a_busy_integrated_counter() -> None:
    waiting = [
        ticket(10, "A", waited=4),
        ticket(11, "E", waited=18),
        ticket(12, "A", waited=1, priority=P.ELDERLY),
        ticket(13, "E", waited=26),  # over the bound
        ticket(14, "B", waited=40),  # not served here
        ticket(15, "E", waited=6, priority=P.APPOINTMENT, checked_in=True),
        ticket(16, "A", waited=2, to_counter=3),  # waits for counter 3
        ticket(17, "Q", waited=1, to_counter=5, place_waited=9),  # transferred here
        ticket(18, "A", waited=9, priority=P.APPOINTMENT, checked_in=False),
    ]
    assert order_ids(waiting, ["A", "E"], counter_no=5) == [17, 13, 15, 12, 18, 10, 11]
    assert next_id(waiting, ["A", "E"], counter_no=5) == 17


# --- properties ----------------------------------------------------------------------------

CATEGORIES = ("A", "B", "E")
COUNTERS = (1, 2, 3)
BASE = datetime(2026, 3, 2, 8, 30)


ticket_fields = st.tuples(
    st.sampled_from((*CATEGORIES, "Z")),
    st.sampled_from([PriorityClass.NORMAL, *PriorityClass]),  # walk-ins more often
    st.integers(0, 90),  # taken, minutes after BASE
    st.booleans(),  # appointment checked in within its window
    st.sampled_from([None, None, *COUNTERS]),  # transferred to a counter
    st.one_of(st.none(), st.integers(0, 60)),  # original place, minutes before taken
)


@st.composite
def waiting_tickets(draw: st.DrawFn) -> list[WaitingTicket]:
    fields = draw(st.lists(ticket_fields, max_size=25))
    ticket_ids = draw(st.permutations(range(1, len(fields) + 1)))
    tickets = []
    for ticket_id, (category, priority, taken, checked_in, to_counter, moved) in zip(
        ticket_ids, fields, strict=True
    ):
        taken_at = BASE + timedelta(minutes=taken)
        tickets.append(
            WaitingTicket(
                ticket_id=ticket_id,
                category_prefix=category,
                priority=priority,
                taken_at=taken_at,
                appointment_checked_in_in_window=checked_in,
                transferred_to_counter=to_counter,
                queue_position_at=None if moved is None else taken_at - timedelta(minutes=moved),
            )
        )
    return tickets


counter_nos = st.sampled_from(COUNTERS)
# An empty category list is an explicit test above.
counter_categories = st.lists(st.sampled_from(CATEGORIES), min_size=1, max_size=4)
# Waits of 0–95 minutes against bounds mostly near the default, so that every example mixes
# tickets over and under the bound.
moments = st.integers(90, 95).map(lambda m: BASE + timedelta(minutes=m))
policies = st.one_of(st.sampled_from([0, 10, 20, 30]), st.integers(0, 100)).map(
    lambda m: OrderPolicy(max_normal_wait=timedelta(minutes=m))
)


def over_bound(t: WaitingTicket, now: datetime, policy: OrderPolicy) -> bool:
    return now - ordering_time(t) >= policy.max_normal_wait


@settings(max_examples=300)
@given(waiting_tickets(), counter_nos, counter_categories, moments, policies)
def test_chosen_ticket_is_eligible(
    waiting: list[WaitingTicket],
    counter_no: int,
    categories: list[str],
    now: datetime,
    policy: OrderPolicy,
) -> None:
    chosen = choose_next(waiting, counter_no, categories, now, policy)
    eligible = [t for t in waiting if is_eligible(t, counter_no, categories)]
    if chosen is None:
        assert eligible == []
    else:
        assert chosen in waiting
        assert chosen.transferred_to_counter in (None, counter_no)
        assert chosen.transferred_to_counter == counter_no or chosen.category_prefix in categories


def assert_starvation_bound(
    waiting: list[WaitingTicket],
    counter_no: int,
    categories: list[str],
    now: datetime,
    policy: OrderPolicy,
) -> None:
    eligible = [t for t in waiting if is_eligible(t, counter_no, categories)]
    starving = [t for t in eligible if not is_priority(t) and over_bound(t, now, policy)]
    chosen = choose_next(waiting, counter_no, categories, now, policy)
    if not starving:
        return
    assert chosen is not None
    # Only an applicant already half-served at another counter may go before an over-bound
    # ticket; otherwise the chosen one is itself over the bound and no younger than any starving.
    if chosen.transferred_to_counter != counter_no:
        assert over_bound(chosen, now, policy)
        assert all(ordering_time(chosen) <= ordering_time(t) for t in starving)


@settings(max_examples=300)
@given(waiting_tickets(), counter_nos, counter_categories, moments, policies)
def test_starvation_bound_holds(
    waiting: list[WaitingTicket],
    counter_no: int,
    categories: list[str],
    now: datetime,
    policy: OrderPolicy,
) -> None:
    assert_starvation_bound(waiting, counter_no, categories, now, policy)


@settings(max_examples=300)
@given(
    waiting_tickets(),
    counter_nos,
    counter_categories,
    moments,
    policies,
    st.data(),
)
def test_starvation_bound_holds_against_fresh_priorities(
    waiting: list[WaitingTicket],
    counter_no: int,
    categories: list[str],
    now: datetime,
    policy: OrderPolicy,
    data: st.DataObject,
) -> None:
    """Always one starving walk-in and one fresh priority ticket, in the counter's categories."""
    bound = policy.max_normal_wait
    walk_in = WaitingTicket(
        ticket_id=1000,
        category_prefix=data.draw(st.sampled_from(categories)),
        priority=data.draw(st.sampled_from([PriorityClass.NORMAL, PriorityClass.APPOINTMENT])),
        taken_at=now - bound - timedelta(minutes=data.draw(st.integers(0, 30))),
    )
    fresh = WaitingTicket(
        ticket_id=1001,
        category_prefix=data.draw(st.sampled_from(categories)),
        priority=data.draw(st.sampled_from([p for p in PriorityClass if p is not P.NORMAL])),
        taken_at=now - bound * data.draw(st.floats(0.0, 0.99)),
        appointment_checked_in_in_window=True,
    )
    assert_starvation_bound([*waiting, fresh, walk_in], counter_no, categories, now, policy)
    chosen = choose_next([fresh, walk_in], counter_no, categories, now, policy)
    assert chosen is walk_in


@settings(max_examples=300)
@given(waiting_tickets(), counter_nos, counter_categories, moments, policies, st.randoms())
def test_choice_is_deterministic_and_ignores_input_order(
    waiting: list[WaitingTicket],
    counter_no: int,
    categories: list[str],
    now: datetime,
    policy: OrderPolicy,
    rnd: random.Random,
) -> None:
    first = choose_next(waiting, counter_no, categories, now, policy)
    assert choose_next(waiting, counter_no, categories, now, policy) == first
    shuffled = list(waiting)
    rnd.shuffle(shuffled)
    assert choose_next(shuffled, counter_no, categories, now, policy) == first
    assert order_for_counter(shuffled, counter_no, categories, now, policy) == order_for_counter(
        waiting, counter_no, categories, now, policy
    )


@settings(max_examples=300)
@given(waiting_tickets(), counter_nos, counter_categories, moments, policies)
def test_order_is_a_permutation_of_the_eligible_headed_by_choose_next(
    waiting: list[WaitingTicket],
    counter_no: int,
    categories: list[str],
    now: datetime,
    policy: OrderPolicy,
) -> None:
    order = order_for_counter(waiting, counter_no, categories, now, policy)
    eligible = [t for t in waiting if is_eligible(t, counter_no, categories)]
    assert sorted(ids(order)) == sorted(ids(eligible))
    assert len(set(ids(order))) == len(order)
    chosen = choose_next(waiting, counter_no, categories, now, policy)
    assert chosen == (order[0] if order else None)


@settings(max_examples=300)
@given(waiting_tickets(), counter_nos, counter_categories, moments, policies)
def test_order_respects_every_clause(
    waiting: list[WaitingTicket],
    counter_no: int,
    categories: list[str],
    now: datetime,
    policy: OrderPolicy,
) -> None:
    order = order_for_counter(waiting, counter_no, categories, now, policy)

    def group(t: WaitingTicket) -> int:
        if t.transferred_to_counter == counter_no:
            return 0
        if over_bound(t, now, policy):
            return 1
        return 2 if is_priority(t) else 3

    groups = [group(t) for t in order]
    assert groups == sorted(groups)
    for before, after in itertools.pairwise(order):
        if group(before) != group(after):
            continue
        if group(before) == 3 and before.category_prefix != after.category_prefix:
            assert categories.index(before.category_prefix) < categories.index(
                after.category_prefix
            )
        else:
            assert (ordering_time(before), before.ticket_id) < (
                ordering_time(after),
                after.ticket_id,
            )
