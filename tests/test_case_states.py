"""Tests of the case state machine: every (state, event) pair against an explicit table."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest

from clerk_app.domain.case_states import (
    FINAL_STATES,
    INITIAL_STATES,
    CaseEvent,
    CaseState,
    IllegalTransition,
    allowed_events,
    event_label,
    next_state,
    state_label,
)
from clerk_app.errors import ValidationError
from clerk_app.i18n import set_language

S = CaseState
E = CaseEvent
__: None = None  # illegal

# Rows: states; columns: review, approve, deny, issue_certificate, collect, supplement,
# mark_overdue.
TABLE: dict[CaseState, tuple[CaseState | None, ...]] = {
    S.ACCEPTED: (S.IN_REVIEW, __, __, __, __, __, __),
    S.IN_REVIEW: (__, S.APPROVED, S.DENIED, __, __, __, __),
    S.APPROVED: (__, __, __, S.CERTIFICATE_ISSUED, __, __, __),
    S.DENIED: (__, __, __, __, __, __, __),
    S.CERTIFICATE_ISSUED: (__, __, __, __, S.COLLECTED, __, __),
    S.COLLECTED: (__, __, __, __, __, __, __),
    S.PENDING_SUPPLEMENT: (__, __, __, __, __, S.SUPPLEMENTED, S.SUPPLEMENT_OVERDUE),
    S.SUPPLEMENTED: (S.IN_REVIEW, __, __, __, __, __, __),
    S.SUPPLEMENT_OVERDUE: (__, __, __, __, __, __, __),
    S.NOT_ACCEPTED: (__, __, __, __, __, __, __),
    S.REJECTED: (__, __, __, __, __, __, __),
}
COLUMNS = (
    E.REVIEW,
    E.APPROVE,
    E.DENY,
    E.ISSUE_CERTIFICATE,
    E.COLLECT,
    E.SUPPLEMENT,
    E.MARK_OVERDUE,
)

# An instant item may also be decided at the counter: the only difference.
INSTANT_EXTRA = {(S.ACCEPTED, E.APPROVE): S.APPROVED}

ALL_PAIRS = list(itertools.product(CaseState, CaseEvent))


def expected(state: CaseState, event: CaseEvent, instant: bool) -> CaseState | None:
    target = TABLE[state][COLUMNS.index(event)]
    if target is None and instant:
        target = INSTANT_EXTRA.get((state, event))
    return target


@pytest.fixture
def english() -> Iterator[None]:
    set_language("en")
    yield
    set_language("zh_CN")


def test_table_lists_every_state_and_event() -> None:
    assert set(TABLE) == set(CaseState)
    assert set(COLUMNS) == set(CaseEvent) and len(COLUMNS) == len(CaseEvent)
    assert all(len(row) == len(COLUMNS) for row in TABLE.values())
    assert len(ALL_PAIRS) == 11 * 7


def test_enum_values_are_the_glossary_names() -> None:
    assert [s.value for s in CaseState] == [
        "accepted",
        "in_review",
        "approved",
        "denied",
        "certificate_issued",
        "collected",
        "pending_supplement",
        "supplemented",
        "supplement_overdue",
        "not_accepted",
        "rejected",
    ]
    assert [e.value for e in CaseEvent] == [
        "review",
        "approve",
        "deny",
        "issue_certificate",
        "collect",
        "supplement",
        "mark_overdue",
    ]


@pytest.mark.parametrize("instant", [False, True], ids=["promised", "instant"])
@pytest.mark.parametrize(("state", "event"), ALL_PAIRS)
def test_every_pair_against_the_table(state: CaseState, event: CaseEvent, instant: bool) -> None:
    target = expected(state, event, instant)
    if target is None:
        with pytest.raises(IllegalTransition) as caught:
            next_state(state, event, instant=instant)
        assert caught.value.state is state
        assert caught.value.event is event
        assert isinstance(caught.value, ValidationError)
        assert isinstance(caught.value, ValueError)
    else:
        assert next_state(state, event, instant=instant) is target
        assert event in allowed_events(state, instant=instant)


@pytest.mark.parametrize("instant", [False, True], ids=["promised", "instant"])
@pytest.mark.parametrize("state", list(CaseState))
def test_allowed_events_match_the_table(state: CaseState, instant: bool) -> None:
    assert allowed_events(state, instant=instant) == tuple(
        e for e in CaseEvent if expected(state, e, instant) is not None
    )


def test_default_is_a_promised_item() -> None:
    with pytest.raises(IllegalTransition):
        next_state(S.ACCEPTED, E.APPROVE)
    assert allowed_events(S.ACCEPTED) == (E.REVIEW,)


def test_instant_item_walk() -> None:
    state = S.ACCEPTED
    for event in (E.APPROVE, E.ISSUE_CERTIFICATE, E.COLLECT):
        state = next_state(state, event, instant=True)
    assert state is S.COLLECTED


def test_tolerant_accept_walk() -> None:
    state = S.PENDING_SUPPLEMENT
    for event in (E.SUPPLEMENT, E.REVIEW, E.APPROVE, E.ISSUE_CERTIFICATE, E.COLLECT):
        state = next_state(state, event)
    assert state is S.COLLECTED


def test_instant_items_cannot_be_denied_on_the_spot() -> None:
    with pytest.raises(IllegalTransition):
        next_state(S.ACCEPTED, E.DENY, instant=True)


def test_initial_and_final_states() -> None:
    initial = {S.ACCEPTED, S.PENDING_SUPPLEMENT, S.NOT_ACCEPTED, S.REJECTED}
    final = {S.DENIED, S.COLLECTED, S.SUPPLEMENT_OVERDUE, S.NOT_ACCEPTED, S.REJECTED}
    assert initial == INITIAL_STATES
    assert final == FINAL_STATES
    for state in FINAL_STATES:
        assert allowed_events(state, instant=True) == ()


def test_every_state_is_reachable_from_an_initial_state() -> None:
    reached = set(INITIAL_STATES)
    frontier = list(INITIAL_STATES)
    while frontier:
        state = frontier.pop()
        for event in allowed_events(state, instant=True):
            target = next_state(state, event, instant=True)
            if target not in reached:
                reached.add(target)
                frontier.append(target)
    assert reached == set(CaseState)


def test_illegal_transition_message_in_chinese() -> None:
    with pytest.raises(IllegalTransition) as caught:
        next_state(S.PENDING_SUPPLEMENT, E.COLLECT)
    assert str(caught.value) == "办件当前状态为“待补正”，不能“领证”。"


def test_illegal_transition_message_in_english(english: None) -> None:
    with pytest.raises(IllegalTransition) as caught:
        next_state(S.PENDING_SUPPLEMENT, E.COLLECT)
    assert str(caught.value) == (
        'The case is "pending supplement", so "collect the certificate" is not possible.'
    )


def test_promised_item_approved_at_the_counter_gets_a_hint() -> None:
    with pytest.raises(IllegalTransition) as caught:
        next_state(S.ACCEPTED, E.APPROVE)
    assert "只有即办件可以当场办结" in caught.value.zh
    assert "only instant items" in caught.value.en


@pytest.mark.parametrize(("state", "event"), ALL_PAIRS)
def test_every_message_names_state_and_event(state: CaseState, event: CaseEvent) -> None:
    if expected(state, event, instant=False) is not None:
        return
    with pytest.raises(IllegalTransition) as caught:
        next_state(state, event)
    error = caught.value
    set_language("en")
    try:
        state_en, event_en = state_label(state), event_label(event)
    finally:
        set_language("zh_CN")
    assert f"“{state_label(state)}”" in error.zh
    assert f"“{event_label(event)}”" in error.zh
    assert f'"{state_en}"' in error.en
    assert f'"{event_en}"' in error.en


def test_labels_are_distinct_in_both_languages(english: None) -> None:
    en_states = [state_label(s) for s in CaseState]
    en_events = [event_label(e) for e in CaseEvent]
    set_language("zh_CN")
    zh_states = [state_label(s) for s in CaseState]
    zh_events = [event_label(e) for e in CaseEvent]
    for labels in (en_states, en_events, zh_states, zh_events):
        assert len(set(labels)) == len(labels)
        assert all(labels)
    assert all(label.isascii() for label in en_states + en_events)
    assert not any(label.isascii() for label in zh_states + zh_events)


def test_chinese_labels_use_the_glossary_terms() -> None:
    assert state_label(S.PENDING_SUPPLEMENT) == "待补正"
    assert state_label(S.SUPPLEMENT_OVERDUE) == "逾期未补正"
    assert state_label(S.REJECTED) == "不予受理"
    assert "一次性告知" in state_label(S.NOT_ACCEPTED)
    assert event_label(E.COLLECT) == "领证"
    assert event_label(E.ISSUE_CERTIFICATE) == "出证"
