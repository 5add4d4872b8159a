"""好差评 (evaluation) as pure rules: levels, reasons, a rating's validity, scores, the 7-day
default, and the rectification (差评整改) of a bad review as a state machine.

**Levels** (国办发〔2019〕51号): 1 非常满意, 2 满意, 3 基本满意, 4 不满意, 5 非常不满意; the
number is also the evaluator's key. 差评 (a bad review) is level 4 or 5. A bad review names at
least one reason; a good one names none. A comment is optional, at most ``COMMENT_MAX``
characters, on one line, without control or format characters (they would reach the
province's system and the supervisor's screen unseen).

**Scores** (Shantou): 10 / 8 / 6 / 3 / 0, a hall setting. The satisfaction rate of some ratings
is their mean score as a share of the top score.

**Default** (Guangdong): a service may be rated until the end of the ``days``-th natural day
after the day it ended (hall-local dates); from the next day it counts as 基本满意, marked as
defaulted.

**Rectification** of a bad review::

    pending ──start──▶ in_progress ──resolve──▶ rectified
       │                   └──mark_unable──▶ unable
       ├──mark_unable──▶ unable
       └─(pending | in_progress)──expire──▶ overdue ──resolve | mark_unable──▶ …
    pending | in_progress | overdue ──contest──▶ contested
    contested ──approve_contest──▶ invalid
              └──reject_contest──▶ back: overdue if the deadline passed, else in_progress if
                                   work had started, else pending

``expire`` needs the deadline to have passed. A contest (the review is not valid: abusive, not
about this service, …) is decided by a second supervisor, never by the one who contested it.
A follow-up rating may be recorded once, after the rectification ended (rectified or unable).
"""

from __future__ import annotations

import itertools
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import IntEnum, StrEnum

from clerk_app.errors import PermissionDenied, ValidationError
from clerk_app.i18n import pick

__all__ = [
    "COMMENT_MAX",
    "DEFAULT_SCORES",
    "FINAL_RECTIFICATION_STATES",
    "IllegalRectification",
    "Level",
    "Rating",
    "Reason",
    "RectificationAction",
    "RectificationFacts",
    "RectificationState",
    "clean_text",
    "default_due",
    "is_bad",
    "last_rating_day",
    "level_label",
    "may_record_follow_up",
    "next_rectification_state",
    "reason_label",
    "rectification_action_label",
    "rectification_state_label",
    "satisfaction_rate",
    "score_of",
    "to_level",
    "validate_rating",
    "validate_scores",
]

COMMENT_MAX = 200
#: Supervisors' texts (measures taken, reasons, what was said on the phone).
NOTE_MAX = 1000


class Level(IntEnum):
    VERY_SATISFIED = 1
    SATISFIED = 2
    BASICALLY_SATISFIED = 3
    DISSATISFIED = 4
    VERY_DISSATISFIED = 5


class Reason(StrEnum):
    LONG_WAIT = "long_wait"
    POOR_ATTITUDE = "poor_attitude"
    UNCLEAR_NOTICE = "unclear_notice"
    SLOW_SERVICE = "slow_service"
    OTHER = "other"


_LEVEL_LABELS: dict[Level, tuple[str, str]] = {
    Level.VERY_SATISFIED: ("非常满意", "Very satisfied"),
    Level.SATISFIED: ("满意", "Satisfied"),
    Level.BASICALLY_SATISFIED: ("基本满意", "Basically satisfied"),
    Level.DISSATISFIED: ("不满意", "Dissatisfied"),
    Level.VERY_DISSATISFIED: ("非常不满意", "Very dissatisfied"),
}

_REASON_LABELS: dict[Reason, tuple[str, str]] = {
    Reason.LONG_WAIT: ("等候时间长", "Long wait"),
    Reason.POOR_ATTITUDE: ("服务态度差", "Poor attitude"),
    Reason.UNCLEAR_NOTICE: ("一次性告知不清", "What was missing was not told clearly at once"),
    Reason.SLOW_SERVICE: ("办理时间长", "Service took long"),
    Reason.OTHER: ("其他", "Other"),
}

#: Shantou's scores of the five levels, best first.
DEFAULT_SCORES: tuple[int, int, int, int, int] = (10, 8, 6, 3, 0)


def level_label(level: Level) -> str:
    return pick(*_LEVEL_LABELS[Level(level)])


def level_labels(level: Level) -> tuple[str, str]:
    """The level's name in Chinese and English (e.g. for the province's records)."""
    return _LEVEL_LABELS[Level(level)]


def reason_label(reason: Reason) -> str:
    return pick(*_REASON_LABELS[Reason(reason)])


def reason_labels(reason: Reason) -> tuple[str, str]:
    return _REASON_LABELS[Reason(reason)]


def is_bad(level: Level | int) -> bool:
    """差评: 不满意 or 非常不满意."""
    return Level(level) >= Level.DISSATISFIED


# --- a rating ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rating:
    """A valid rating: level, reasons (in ``Reason`` order, no repeats) and a clean comment."""

    level: Level
    reasons: tuple[Reason, ...]
    comment: str


def clean_text(text: str, max_chars: int, *, what_zh: str, what_en: str) -> str:
    """``text`` trimmed, on one line, at most ``max_chars``; raises ``ValidationError``.

    Refused: control characters (Cc: line breaks, escapes), format characters (Cf: zero-width
    and bidirectional overrides that reorder what a supervisor reads), unassigned, surrogate
    and private-use code points.
    """
    text = unicodedata.normalize("NFC", text).strip()
    bad = [ch for ch in text if unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn")]
    if bad:
        code = f"U+{ord(bad[0]):04X}"
        raise ValidationError(
            f"{what_zh}含有不可见的控制字符（{code}），请删除后重试。",
            f"The {what_en} contains an invisible control character ({code}); remove it.",
        )
    if len(text) > max_chars:
        raise ValidationError(
            f"{what_zh}最多 {max_chars} 个字（现有 {len(text)} 个）。",
            f"The {what_en} may have at most {max_chars} characters (it has {len(text)}).",
        )
    return text


def to_level(value: int) -> Level:
    """The level numbered ``value``, or ``ValidationError``."""
    try:
        if isinstance(value, bool):
            raise ValueError(value)
        return Level(value)
    except ValueError:
        raise ValidationError(
            f"评价等级须为 1（非常满意）到 5（非常不满意），不能是 {value!r}。",
            f"The level must be 1 (very satisfied) to 5 (very dissatisfied), not {value!r}.",
        ) from None


def validate_rating(level: int, reasons: Iterable[str] = (), comment: str = "") -> Rating:
    """The rating as stored, or ``ValidationError`` saying what is wrong."""
    lvl = to_level(level)
    chosen: set[Reason] = set()
    for r in reasons:
        try:
            chosen.add(Reason(r))
        except ValueError:
            raise ValidationError(f"没有评价原因“{r}”。", f"There is no reason {r!r}.") from None
    if is_bad(lvl) and not chosen:
        raise ValidationError(
            f"“{_LEVEL_LABELS[lvl][0]}”的评价请至少选择一个原因。",
            f'Choose at least one reason for "{_LEVEL_LABELS[lvl][1]}".',
        )
    if not is_bad(lvl) and chosen:
        raise ValidationError(
            "只有“不满意”和“非常不满意”的评价需要选择原因。",
            'Reasons are chosen only for "dissatisfied" and "very dissatisfied".',
        )
    text = clean_text(comment, COMMENT_MAX, what_zh="留言", what_en="comment")
    return Rating(lvl, tuple(r for r in Reason if r in chosen), text)


# --- scores -----------------------------------------------------------------------------------


def validate_scores(scores: Sequence[int]) -> tuple[int, int, int, int, int]:
    """Five whole scores, best level first, never rising, the top one above zero."""
    values = tuple(scores)
    if (
        len(values) != len(Level)
        or not all(isinstance(v, int) and not isinstance(v, bool) for v in values)
        or values[-1] < 0
        or values[0] <= 0
        or any(a < b for a, b in itertools.pairwise(values))
    ):
        raise ValidationError(
            f"评价分值设置无效：{list(values)}；应为五个从高到低的整数，如 [10, 8, 6, 3, 0]。",
            f"Invalid evaluation scores {list(values)}: five whole numbers from high to low, "
            "e.g. [10, 8, 6, 3, 0].",
        )
    return values  # type: ignore[return-value]


def score_of(level: Level | int, scores: Sequence[int] = DEFAULT_SCORES) -> int:
    return validate_scores(scores)[Level(level) - 1]


def satisfaction_rate(
    counts: Mapping[Level, int], scores: Sequence[int] = DEFAULT_SCORES
) -> float | None:
    """Mean score of the ratings counted per level, as a share (0–1) of the top score.

    ``None`` when nothing was rated (a rate of nothing is not 0 % nor 100 %).
    """
    values = validate_scores(scores)
    total = sum(counts.get(level, 0) for level in Level)
    if any(counts.get(level, 0) < 0 for level in Level):
        raise ValidationError("评价数量不能为负数。", "A count of ratings cannot be negative.")
    if total == 0:
        return None
    points = sum(values[level - 1] * counts.get(level, 0) for level in Level)
    return points / (total * values[0])


# --- the default ------------------------------------------------------------------------------


def last_rating_day(service_day: date, days: int) -> date:
    """The last hall-local day a service that ended on ``service_day`` may be rated."""
    if days < 0:
        raise ValidationError(
            f"默认好评天数不能为负数（实为 {days}）。",
            f"The days before the default rating must not be negative (got {days}).",
        )
    return service_day + timedelta(days=days)


def default_due(service_day: date, today: date, days: int) -> bool:
    """Whether an unrated service that ended on ``service_day`` counts as 基本满意 ``today``."""
    return today > last_rating_day(service_day, days)


# --- rectification ----------------------------------------------------------------------------


class RectificationState(StrEnum):
    PENDING = "pending"
    IN_PROGRESS = "in_progress"
    OVERDUE = "overdue"
    CONTESTED = "contested"
    RECTIFIED = "rectified"
    UNABLE = "unable"
    INVALID = "invalid"


class RectificationAction(StrEnum):
    START = "start"
    RESOLVE = "resolve"
    MARK_UNABLE = "mark_unable"
    EXPIRE = "expire"
    CONTEST = "contest"
    APPROVE_CONTEST = "approve_contest"
    REJECT_CONTEST = "reject_contest"


_S = RectificationState
_A = RectificationAction

_RECTIFICATION: dict[tuple[RectificationState, RectificationAction], RectificationState] = {
    (_S.PENDING, _A.START): _S.IN_PROGRESS,
    (_S.PENDING, _A.MARK_UNABLE): _S.UNABLE,
    (_S.PENDING, _A.EXPIRE): _S.OVERDUE,
    (_S.PENDING, _A.CONTEST): _S.CONTESTED,
    (_S.IN_PROGRESS, _A.RESOLVE): _S.RECTIFIED,
    (_S.IN_PROGRESS, _A.MARK_UNABLE): _S.UNABLE,
    (_S.IN_PROGRESS, _A.EXPIRE): _S.OVERDUE,
    (_S.IN_PROGRESS, _A.CONTEST): _S.CONTESTED,
    (_S.OVERDUE, _A.RESOLVE): _S.RECTIFIED,
    (_S.OVERDUE, _A.MARK_UNABLE): _S.UNABLE,
    (_S.OVERDUE, _A.CONTEST): _S.CONTESTED,
    (_S.CONTESTED, _A.APPROVE_CONTEST): _S.INVALID,
    # REJECT_CONTEST returns to the state the facts say (see next_rectification_state).
    (_S.CONTESTED, _A.REJECT_CONTEST): _S.CONTESTED,
}

FINAL_RECTIFICATION_STATES = frozenset(
    state for state in RectificationState if not any(src == state for src, _ in _RECTIFICATION)
)
#: States the overdue sweep looks at.
OPEN_RECTIFICATION_STATES = frozenset({_S.PENDING, _S.IN_PROGRESS})

_STATE_LABELS: dict[RectificationState, tuple[str, str]] = {
    _S.PENDING: ("待整改", "to rectify"),
    _S.IN_PROGRESS: ("整改中", "being rectified"),
    _S.OVERDUE: ("整改超期", "overdue"),
    _S.CONTESTED: ("无效差评审核中", "contested as invalid"),
    _S.RECTIFIED: ("已整改", "rectified"),
    _S.UNABLE: ("无法整改", "cannot be rectified"),
    _S.INVALID: ("无效差评", "invalid review"),
}

_ACTION_LABELS: dict[RectificationAction, tuple[str, str]] = {
    _A.START: ("开始整改", "start rectifying"),
    _A.RESOLVE: ("整改完成", "mark rectified"),
    _A.MARK_UNABLE: ("标记无法整改", "mark as impossible to rectify"),
    _A.EXPIRE: ("标记整改超期", "mark overdue"),
    _A.CONTEST: ("申请认定无效差评", "contest as an invalid review"),
    _A.APPROVE_CONTEST: ("批准无效差评", "approve the contest"),
    _A.REJECT_CONTEST: ("驳回无效差评申请", "reject the contest"),
}


def rectification_state_label(state: RectificationState) -> str:
    return pick(*_STATE_LABELS[RectificationState(state)])


def rectification_action_label(action: RectificationAction) -> str:
    return pick(*_ACTION_LABELS[RectificationAction(action)])


@dataclass(frozen=True)
class RectificationFacts:
    """What the next state depends on besides the action."""

    state: RectificationState
    started: bool = False  # someone started work on it (before any contest)
    deadline_passed: bool = False  # today is after the deadline
    contested_by: str | None = None  # the supervisor who contested it


class IllegalRectification(ValidationError):
    """The action is not allowed in the rectification's state; nothing was changed."""

    def __init__(self, state: RectificationState, action: RectificationAction) -> None:
        self.state = state
        self.action = action
        s_zh, s_en = _STATE_LABELS[state]
        a_zh, a_en = _ACTION_LABELS[action]
        if action is _A.EXPIRE and (state, action) in _RECTIFICATION:
            super().__init__(
                "整改期限尚未届满，不能标记超期。", "The deadline has not passed; not overdue."
            )
            return
        super().__init__(
            f"差评整改当前为“{s_zh}”，不能“{a_zh}”。",
            f'The rectification is "{s_en}", so "{a_en}" is not possible.',
        )


def next_rectification_state(
    facts: RectificationFacts, action: RectificationAction, actor: str = ""
) -> RectificationState:
    """The state after ``action`` by ``actor``; ``IllegalRectification`` or, for a supervisor
    deciding their own contest, ``PermissionDenied``."""
    state, action = RectificationState(facts.state), RectificationAction(action)
    target = _RECTIFICATION.get((state, action))
    if target is None or (action is _A.EXPIRE and not facts.deadline_passed):
        raise IllegalRectification(state, action)
    if action in (_A.APPROVE_CONTEST, _A.REJECT_CONTEST) and actor == facts.contested_by:
        raise PermissionDenied(
            "无效差评须由另一位值班长审核，申请人本人不能审核。",
            "A second supervisor must decide a contest; the one who contested it cannot.",
        )
    if action is _A.REJECT_CONTEST:
        if facts.deadline_passed:
            return _S.OVERDUE
        return _S.IN_PROGRESS if facts.started else _S.PENDING
    return target


def allowed_rectification_actions(
    facts: RectificationFacts, actor: str | None = None
) -> tuple[RectificationAction, ...]:
    """The actions ``next_rectification_state`` accepts by ``actor`` (by anyone but the
    contester when ``actor`` is ``None``): the supervisor who contested a review never sees
    its approval or rejection offered."""
    own_contest = actor is not None and actor == facts.contested_by
    return tuple(
        a
        for a in RectificationAction
        if (facts.state, a) in _RECTIFICATION
        and (a is not _A.EXPIRE or facts.deadline_passed)
        and not (own_contest and a in (_A.APPROVE_CONTEST, _A.REJECT_CONTEST))
    )


def may_record_follow_up(state: RectificationState, already_recorded: bool) -> bool:
    """A follow-up rating (追评) is taken once, after the rectification ended."""
    return not already_recorded and state in (_S.RECTIFIED, _S.UNABLE)
