"""The time limits of a case, in working days: due date, 容缺 supplement deadline, warnings.

Pure rules over dates and numbers (no rows): the services pass in what a case or an item says.

- **Due date** (行政许可法 §42, §82): the promised limit counted in working days; the day of
  receipt does not count. ``due_date(received, promised_days)``.
- **Supplement days** (容缺受理): the hall sets how many working days the applicant gets to hand
  in what is missing (setting ``case.supplement_days``, default 5), **never longer than the
  item's promised limit**, and at least one day. The clerk may choose fewer, from 1 up to the
  promised limit. ``supplement_days(wanted, promised_days, hall_default)``.
- **Supplement's last day**: the deadline plus the hall's grace period in working days
  (``case.supplement_grace_days``, default none); after it the case is ended as overdue.
- **Deadline warning** (红黄牌预警) of a running case: counted in working days left to its
  running deadline (the supplement deadline while materials are owed, else the due date).
  Red when ``days_left <= red_days_left`` (default -1: past the deadline), else yellow when
  ``days_left <= yellow_days_left`` (default 1: one working day left, or the last day itself),
  else none. A deadline in a year nobody entered gives ``CALENDAR_MISSING``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from clerk_app.domain.case_states import CaseState
from clerk_app.domain.workdays import (
    CalendarNotCovered,
    WorkdayOverrides,
    add_workdays,
    workdays_between,
)
from clerk_app.errors import ValidationError

__all__ = [
    "DEFAULT_SUPPLEMENT_DAYS",
    "DEFAULT_THRESHOLDS",
    "DeadlineStatus",
    "DeadlineWarning",
    "SupplementRange",
    "WarningThresholds",
    "deadline_status",
    "deadline_warning",
    "due_date",
    "running_deadline",
    "supplement_days",
    "supplement_due",
    "supplement_last_day",
    "supplement_range",
]

DEFAULT_SUPPLEMENT_DAYS = 5  # working days, when the hall has not set its own

# States whose running deadline is the due date (the decision); while materials are owed it is
# the supplement deadline. Every other state has no running deadline.
_DECIDING = frozenset({CaseState.ACCEPTED, CaseState.IN_REVIEW, CaseState.SUPPLEMENTED})


class DeadlineWarning(StrEnum):
    """红黄牌预警 of a running case; the values are what lists and ``--json`` show."""

    NONE = ""
    YELLOW = "yellow"
    RED = "red"
    CALENDAR_MISSING = "calendar_missing"  # the deadline's year has no holiday calendar


@dataclass(frozen=True)
class WarningThresholds:
    """Working days left at which a case turns yellow, and red (at or below each)."""

    yellow_days_left: int = 1
    red_days_left: int = -1


DEFAULT_THRESHOLDS = WarningThresholds()


@dataclass(frozen=True)
class DeadlineStatus:
    days_left: int | None  # working days to the running deadline; negative when overdue
    warning: DeadlineWarning


@dataclass(frozen=True)
class SupplementRange:
    """The supplement days a clerk may choose (``low``…``high``) and what the hall gives."""

    low: int
    high: int
    default: int


def due_date(received: date, promised_days: int, overrides: WorkdayOverrides | None = None) -> date:
    """The ``promised_days``-th working day after the day of receipt (which does not count)."""
    return add_workdays(received, promised_days, overrides)


def supplement_range(promised_days: int, hall_default: int) -> SupplementRange:
    """1 … the promised limit; the hall's default capped by the limit, at least 1.

    (An instant item has no promised limit: its range is empty, and 容缺 is refused for it.)
    """
    return SupplementRange(1, promised_days, max(1, min(hall_default, promised_days)))


def supplement_days(
    wanted: int | None, promised_days: int, hall_default: int, *, item_name: str = ""
) -> int:
    """The working days to supplement: the hall's default when ``wanted`` is None, else
    ``wanted`` if it lies in ``supplement_range``; ``ValidationError`` otherwise."""
    allowed = supplement_range(promised_days, hall_default)
    if wanted is None:
        return allowed.default
    if not allowed.low <= wanted <= allowed.high:
        raise ValidationError(
            f"补正期限须为 {allowed.low} 至 {allowed.high} 个工作日"
            f"（不超过“{item_name}”的承诺时限）。",
            f"The supplement deadline must be {allowed.low} to {allowed.high} working days (not "
            f"beyond the promised limit of {item_name}).",
        )
    return wanted


def supplement_due(
    received: date,
    wanted: int | None,
    promised_days: int,
    hall_default: int,
    overrides: WorkdayOverrides | None = None,
    *,
    item_name: str = "",
) -> date:
    """The supplement deadline of a case accepted with deficiencies on ``received``."""
    days = supplement_days(wanted, promised_days, hall_default, item_name=item_name)
    return add_workdays(received, days, overrides)


def supplement_last_day(
    deadline: date | None, grace_days: int, overrides: WorkdayOverrides | None = None
) -> date | None:
    """The last day a supplement is taken: the deadline plus the grace period (working days)."""
    if deadline is None:
        return None
    return add_workdays(deadline, grace_days, overrides) if grace_days else deadline


def running_deadline(state: CaseState, due: date | None, supplement: date | None) -> date | None:
    """The deadline the case is running against now, or None (decided, ended, not accepted)."""
    if state == CaseState.PENDING_SUPPLEMENT:
        return supplement
    return due if state in _DECIDING else None


def deadline_warning(
    days_left: int, thresholds: WarningThresholds = DEFAULT_THRESHOLDS
) -> DeadlineWarning:
    """Red at or below ``red_days_left``, else yellow at or below ``yellow_days_left``."""
    if days_left <= thresholds.red_days_left:
        return DeadlineWarning.RED
    if days_left <= thresholds.yellow_days_left:
        return DeadlineWarning.YELLOW
    return DeadlineWarning.NONE


def deadline_status(
    state: CaseState,
    due: date | None,
    supplement: date | None,
    today: date,
    overrides: WorkdayOverrides | None = None,
    thresholds: WarningThresholds = DEFAULT_THRESHOLDS,
) -> DeadlineStatus:
    """Working days left to the running deadline (from ``today``) and its warning."""
    deadline = running_deadline(state, due, supplement)
    if deadline is None:
        return DeadlineStatus(None, DeadlineWarning.NONE)
    try:
        left = workdays_between(today, deadline, overrides)
    except CalendarNotCovered:
        return DeadlineStatus(None, DeadlineWarning.CALENDAR_MISSING)
    return DeadlineStatus(left, deadline_warning(left, thresholds))
