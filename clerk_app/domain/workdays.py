"""Working days (工作日) by the State Council's holiday notices, for every time limit of a case.

Time limits under 行政许可法 §82 are counted in working days and the day of receipt does not
count. The ``chinese_calendar`` package knows the years up to its release; for later years the
admin enters the State Council's notice into the override table (工作日调整表).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from types import MappingProxyType

import chinese_calendar

from clerk_app.errors import ClerkError, ValidationError

__all__ = [
    "CalendarNotCovered",
    "WorkdayOverrides",
    "add_workdays",
    "is_workday",
    "workdays_between",
]

_ONE_DAY = timedelta(days=1)


class CalendarNotCovered(ClerkError):
    """No holiday calendar is known for ``year``: the admin must enter that year's notice."""

    def __init__(self, year: int) -> None:
        self.year = year
        super().__init__(
            f"系统尚无{year}年的节假日安排，无法计算工作日。请管理员将国务院办公厅关于{year}年"
            f"部分节假日安排的通知（放假日和调休上班日）录入“工作日调整表”，并标记{year}年已录入完整；"
            "窗口人员请联系管理员。",
            f"The holiday calendar for {year} is not known, so working days cannot be counted. "
            f"The admin must enter the State Council's holiday notice for {year} (days off and "
            f"make-up working days) into the working-day override table and mark {year} as "
            "complete; clerks, please ask the admin.",
        )


@dataclass(frozen=True)
class WorkdayOverrides:
    """The admin's override table (工作日调整表).

    ``days`` maps a date to True (a working day, e.g. a make-up Saturday) or False (a day off).
    ``covered_years`` are the years the admin declared fully entered: in those years a date that
    is not listed falls back to Monday–Friday.
    """

    days: Mapping[date, bool] = field(default_factory=dict)
    covered_years: frozenset[int] = frozenset()

    def __post_init__(self) -> None:
        # A read-only copy: the caller's dict changing later must not change this value.
        object.__setattr__(self, "days", MappingProxyType(dict(self.days)))


def _library_is_workday(day: date) -> bool | None:
    """The packaged calendar's answer, or None when it does not know the year."""
    try:
        return bool(chinese_calendar.is_workday(day))
    except NotImplementedError:
        return None


def is_workday(day: date, overrides: WorkdayOverrides | None = None) -> bool:
    """Whether ``day`` is a working day; raises ``CalendarNotCovered`` for an unknown year.

    Order: the override table for a date it lists; then the packaged calendar for the years it
    knows; then, for a year the admin declared covered, Monday–Friday.
    """
    if isinstance(day, datetime):
        day = day.date()
    if overrides is not None and day in overrides.days:
        return overrides.days[day]
    known = _library_is_workday(day)
    if known is not None:
        return known
    if overrides is not None and day.year in overrides.covered_years:
        return day.weekday() < 5
    raise CalendarNotCovered(day.year)


def add_workdays(start: date, n: int, overrides: WorkdayOverrides | None = None) -> date:
    """The ``n``-th working day after ``start``, which never counts itself; ``start`` if n == 0.

    E.g. the due date of a case received on ``start`` with a limit of ``n`` working days.
    """
    if n < 0:
        raise ValidationError(
            f"工作日天数不能为负数（实为 {n}）。",
            f"The number of working days must not be negative (got {n}).",
        )
    day = start
    remaining = n
    while remaining:
        day += _ONE_DAY
        if is_workday(day, overrides):
            remaining -= 1
    return day


def workdays_between(start: date, end: date, overrides: WorkdayOverrides | None = None) -> int:
    """Working days after ``start`` up to and including ``end``; negative when ``end < start``.

    ``workdays_between(start, add_workdays(start, n)) == n``; e.g. the days a case has left.
    """
    if end < start:
        return -workdays_between(end, start, overrides)
    count = 0
    day = start
    while day < end:
        day += _ONE_DAY
        if is_workday(day, overrides):
            count += 1
    return count
