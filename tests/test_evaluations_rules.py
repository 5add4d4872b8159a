"""好差评 rules without a database: ratings, scores, the 7-day default, and the rectification
state machine — every (state, action, started, deadline passed) against an explicit table."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clerk_app.domain.evaluation import (
    COMMENT_MAX,
    DEFAULT_SCORES,
    FINAL_RECTIFICATION_STATES,
    IllegalRectification,
    Level,
    Reason,
    RectificationAction,
    RectificationFacts,
    RectificationState,
    allowed_rectification_actions,
    clean_text,
    default_due,
    is_bad,
    last_rating_day,
    level_label,
    may_record_follow_up,
    next_rectification_state,
    reason_label,
    rectification_state_label,
    satisfaction_rate,
    score_of,
    to_level,
    validate_rating,
    validate_scores,
)
from clerk_app.errors import PermissionDenied, ValidationError
from clerk_app.i18n import set_language

S = RectificationState
A = RectificationAction
__: None = None  # illegal
BACK: str = "back"  # reject_contest: back where the facts say


@pytest.fixture
def english() -> Iterator[None]:
    set_language("en")
    yield
    set_language("zh_CN")


# --- levels and ratings -------------------------------------------------------------------------


def test_the_five_levels_in_the_national_order_with_their_names() -> None:
    set_language("zh_CN")
    assert [level_label(lv) for lv in Level] == [
        "非常满意",
        "满意",
        "基本满意",
        "不满意",
        "非常不满意",
    ]
    assert [int(lv) for lv in Level] == [1, 2, 3, 4, 5]
    assert [is_bad(lv) for lv in Level] == [False, False, False, True, True]
    assert [reason_label(r) for r in Reason] == [
        "等候时间长",
        "服务态度差",
        "一次性告知不清",
        "办理时间长",
        "其他",
    ]


def test_a_good_rating_needs_no_reason_and_takes_none() -> None:
    rating = validate_rating(1, [], "  谢谢！ ")
    assert (rating.level, rating.reasons, rating.comment) == (Level.VERY_SATISFIED, (), "谢谢！")
    with pytest.raises(ValidationError, match="只有"):
        validate_rating(3, ["long_wait"])


def test_a_bad_rating_needs_a_reason_kept_in_the_fixed_order_without_repeats() -> None:
    with pytest.raises(ValidationError, match="至少选择一个原因"):
        validate_rating(4, [])
    rating = validate_rating(5, ["other", "long_wait", "other"])
    assert rating.reasons == (Reason.LONG_WAIT, Reason.OTHER)
    with pytest.raises(ValidationError, match="没有评价原因"):
        validate_rating(5, ["rude"])


@pytest.mark.parametrize("level", [0, 6, -1, True, 2.5])
def test_a_level_outside_one_to_five_is_refused(level: object) -> None:
    with pytest.raises(ValidationError, match="1（非常满意）到 5"):
        to_level(level)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text", ["好\n好", "a\x00b", "a\x1bb", "\u202e倒序", "零\u200b宽", "\ue000", "a\tb"]
)
def test_control_and_format_characters_are_refused_in_a_comment(text: str) -> None:
    with pytest.raises(ValidationError, match="控制字符"):
        validate_rating(2, [], text)


def test_a_comment_has_at_most_its_limit_counted_after_trimming(english: None) -> None:
    assert len(validate_rating(2, [], " " + "好" * COMMENT_MAX + " ").comment) == COMMENT_MAX
    with pytest.raises(ValidationError, match=f"at most {COMMENT_MAX} characters"):
        validate_rating(2, [], "好" * (COMMENT_MAX + 1))
    assert clean_text("  ", 5, what_zh="x", what_en="x") == ""


# --- scores ---------------------------------------------------------------------------------------


def test_shantou_scores_and_the_rate() -> None:
    assert [score_of(lv) for lv in Level] == [10, 8, 6, 3, 0]
    assert satisfaction_rate({}) is None
    assert satisfaction_rate({Level.VERY_SATISFIED: 3}) == 1.0
    assert satisfaction_rate({Level.VERY_DISSATISFIED: 2}) == 0.0
    # (10 + 8 + 6 + 3 + 0) / 50
    assert satisfaction_rate(dict.fromkeys(Level, 1)) == pytest.approx(0.54)
    assert satisfaction_rate({Level.SATISFIED: 1}, (100, 50, 20, 10, 0)) == 0.5


@pytest.mark.parametrize(
    "scores",
    [(10, 8, 6, 3), (10, 8, 9, 3, 0), (0, 0, 0, 0, 0), (10, 8, 6, 3, -1), (10.0, 8, 6, 3, 0)],
)
def test_scores_that_make_no_sense_are_refused(scores: tuple[int, ...]) -> None:
    with pytest.raises(ValidationError, match="评价分值设置无效"):
        validate_scores(scores)


@given(st.lists(st.integers(0, 50), min_size=5, max_size=5))
def test_the_rate_lies_between_zero_and_one(counts: list[int]) -> None:
    rate = satisfaction_rate(dict(zip(Level, counts, strict=True)), DEFAULT_SCORES)
    assert (rate is None) == (sum(counts) == 0)
    assert rate is None or 0.0 <= rate <= 1.0


# --- the default ----------------------------------------------------------------------------------


def test_seven_natural_days_then_basically_satisfied() -> None:
    served = date(2026, 11, 26)  # Thursday
    assert last_rating_day(served, 7) == date(2026, 12, 3)  # holidays do not matter
    assert not default_due(served, date(2026, 11, 26), 7)
    assert not default_due(served, date(2026, 12, 3), 7)
    assert default_due(served, date(2026, 12, 4), 7)
    assert default_due(served, date(2026, 11, 27), 0)
    with pytest.raises(ValidationError):
        last_rating_day(served, -1)


@given(st.dates(date(2020, 1, 1), date(2030, 1, 1)), st.integers(0, 30), st.integers(0, 60))
def test_the_default_is_due_exactly_after_the_last_rating_day(
    served: date, days: int, later: int
) -> None:
    today = served + timedelta(days=later)
    assert default_due(served, today, days) == (later > days)


# --- rectification --------------------------------------------------------------------------------

COLUMNS = (
    A.START,
    A.RESOLVE,
    A.MARK_UNABLE,
    A.EXPIRE,
    A.CONTEST,
    A.APPROVE_CONTEST,
    A.REJECT_CONTEST,
)
# Rows: states; columns as above. EXPIRE also needs the deadline passed (checked below).
TABLE: dict[RectificationState, tuple[RectificationState | str | None, ...]] = {
    S.PENDING: (S.IN_PROGRESS, __, S.UNABLE, S.OVERDUE, S.CONTESTED, __, __),
    S.IN_PROGRESS: (__, S.RECTIFIED, S.UNABLE, S.OVERDUE, S.CONTESTED, __, __),
    S.OVERDUE: (__, S.RECTIFIED, S.UNABLE, __, S.CONTESTED, __, __),
    S.CONTESTED: (__, __, __, __, __, S.INVALID, BACK),
    S.RECTIFIED: (__, __, __, __, __, __, __),
    S.UNABLE: (__, __, __, __, __, __, __),
    S.INVALID: (__, __, __, __, __, __, __),
}
CASES = list(
    itertools.product(RectificationState, RectificationAction, [False, True], [False, True])
)


def expected(
    state: RectificationState, action: RectificationAction, started: bool, passed: bool
) -> RectificationState | None:
    target = TABLE[state][COLUMNS.index(action)]
    if action is A.EXPIRE and not passed:
        return None
    if target == BACK:
        return S.OVERDUE if passed else (S.IN_PROGRESS if started else S.PENDING)
    return target  # type: ignore[return-value]


def test_the_table_lists_every_state_and_action() -> None:
    assert set(TABLE) == set(RectificationState)
    assert set(COLUMNS) == set(RectificationAction) and len(COLUMNS) == len(RectificationAction)
    assert len(CASES) == 7 * 7 * 4
    assert {S.RECTIFIED, S.UNABLE, S.INVALID} == FINAL_RECTIFICATION_STATES


@pytest.mark.parametrize(("state", "action", "started", "passed"), CASES)
def test_every_transition_matches_the_table(
    state: RectificationState, action: RectificationAction, started: bool, passed: bool
) -> None:
    facts = RectificationFacts(state, started, passed, contested_by="supervisor")
    want = expected(state, action, started, passed)
    if want is None:
        with pytest.raises(IllegalRectification):
            next_rectification_state(facts, action, "supervisor2")
        assert action not in allowed_rectification_actions(facts)
    else:
        assert next_rectification_state(facts, action, "supervisor2") is want
        assert action in allowed_rectification_actions(facts)


@pytest.mark.parametrize("action", [A.APPROVE_CONTEST, A.REJECT_CONTEST])
def test_the_supervisor_who_contested_cannot_decide_the_contest(
    action: RectificationAction,
) -> None:
    facts = RectificationFacts(S.CONTESTED, contested_by="supervisor")
    with pytest.raises(PermissionDenied, match="另一位值班长"):
        next_rectification_state(facts, action, "supervisor")
    assert next_rectification_state(facts, action, "supervisor2") in (S.INVALID, S.PENDING)
    # What the screens offer says the same: not to the contester, to anyone else.
    assert action not in allowed_rectification_actions(facts, "supervisor")
    assert action in allowed_rectification_actions(facts, "supervisor2")


def test_refusals_name_the_state_and_the_action(english: None) -> None:
    with pytest.raises(IllegalRectification, match='"rectified", so "start rectifying"'):
        next_rectification_state(RectificationFacts(S.RECTIFIED), A.START)
    with pytest.raises(IllegalRectification, match="deadline has not passed"):
        next_rectification_state(RectificationFacts(S.PENDING), A.EXPIRE)
    assert rectification_state_label(S.OVERDUE) == "overdue"


@pytest.mark.parametrize("state", list(RectificationState))
def test_a_follow_up_rating_once_after_the_rectification_ended(state: RectificationState) -> None:
    ended = state in (S.RECTIFIED, S.UNABLE)
    assert may_record_follow_up(state, False) is ended
    assert may_record_follow_up(state, True) is False
