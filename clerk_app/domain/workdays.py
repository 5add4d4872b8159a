"""Working days (工作日) by the State Council's holiday notices, for every time limit of a case.

Time limits under 行政许可法 §82 are counted in working days and the day of receipt does not
count. The ``chinese_calendar`` package knows the years up to its release; for later years the
admin enters the State Council's notice into the override table (工作日调整表).

Speed: asking ``chinese_calendar`` about one day costs ~50 µs (it checks its range on every
call), so a year's working days are computed once — a prefix count over the year's days, the
admin's overrides applied — and cached per (year, that year's overrides). Adding or counting
working days then costs the same for one day as for a year: a subtraction or a bisection per
calendar year touched. The cache key is the overrides' content, so an override table that
changed (in this process or another) simply gives a new key; nothing must be invalidated.
"""

from __future__ import annotations

import threading
from bisect import bisect_left
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cache
from itertools import accumulate
from types import MappingProxyType

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
class _Year:
    """One fully known year: ``counts[i]`` = working days among its first ``i`` days."""

    first: date
    counts: tuple[int, ...]  # len = days in the year + 1; counts[0] == 0


_YearKey = tuple[int, bool, tuple[tuple[date, bool], ...]]


@dataclass(frozen=True)
class WorkdayOverrides:
    """The admin's override table (工作日调整表).

    ``days`` maps a date to True (a working day, e.g. a make-up Saturday) or False (a day off).
    ``covered_years`` are the years the admin declared fully entered: in those years a date that
    is not listed falls back to Monday–Friday.
    """

    days: Mapping[date, bool] = field(default_factory=dict)
    covered_years: frozenset[int] = frozenset()
    # This value's year tables (None: the year is not fully known); filled on first use.
    # A plain dict: one item assignment is atomic, and two threads build the same table.
    _years: dict[int, _Year | None] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        # A read-only copy: the caller's dict changing later must not change this value.
        object.__setattr__(self, "days", MappingProxyType(dict(self.days)))

    def year_key(self, year: int) -> _YearKey:
        """What decides ``year``'s working days besides the package: its cache key."""
        listed = tuple(sorted((d, w) for d, w in self.days.items() if d.year == year))
        return (year, year in self.covered_years, listed)

    def _year(self, year: int) -> _Year | None:
        try:
            return self._years[year]
        except KeyError:
            table = _cached_year(self.year_key(year))
            self._years[year] = table
            return table


_NO_OVERRIDES = WorkdayOverrides()


@cache
def _package_year(year: int) -> frozenset[date] | None:
    """The packaged calendar's working days of ``year``, or None when it does not know it.

    The package's data never changes while the program runs, so this is cached for good.
    """
    import chinese_calendar  # its tables load when a year is first asked (issue 11: not at start)

    try:
        return frozenset(chinese_calendar.get_workdays(date(year, 1, 1), date(year, 12, 31)))
    except NotImplementedError:
        return None


_CACHE_SIZE = 128  # (year, overrides) pairs; a hall needs two or three at a time
_cache: OrderedDict[_YearKey, _Year | None] = OrderedDict()
_cache_lock = threading.Lock()


def _cached_year(key: _YearKey) -> _Year | None:
    with _cache_lock:
        if key in _cache:
            _cache.move_to_end(key)
            return _cache[key]
    table = _build_year(*key)  # outside the lock: pure, at worst built twice
    with _cache_lock:
        _cache[key] = table
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return table


def _build_year(year: int, covered: bool, listed: tuple[tuple[date, bool], ...]) -> _Year | None:
    """The year's prefix counts, or None when some day of it is unknown (not entered)."""
    first = date(year, 1, 1)
    days = [first + timedelta(days=i) for i in range((date(year + 1, 1, 1) - first).days)]
    package = _package_year(year)
    if package is not None:
        flags = {d: d in package for d in days}
    elif covered:
        flags = {d: d.weekday() < 5 for d in days}
    else:
        return None  # day by day: only the listed days are known
    flags.update(listed)
    return _Year(first, (0, *accumulate(int(flags[d]) for d in days)))


def _as_date(day: date) -> date:
    return day.date() if isinstance(day, datetime) else day


def _table(overrides: WorkdayOverrides | None, year: int) -> _Year | None:
    return (overrides or _NO_OVERRIDES)._year(year)


def is_workday(day: date, overrides: WorkdayOverrides | None = None) -> bool:
    """Whether ``day`` is a working day; raises ``CalendarNotCovered`` for an unknown year.

    Order: the override table for a date it lists; then the packaged calendar for the years it
    knows; then, for a year the admin declared covered, Monday–Friday.
    """
    day = _as_date(day)
    table = _table(overrides, day.year)
    if table is not None:
        i = (day - table.first).days
        return table.counts[i + 1] > table.counts[i]
    if overrides is not None and day in overrides.days:
        return overrides.days[day]
    raise CalendarNotCovered(day.year)


def _next_year_from(day: date) -> tuple[int, int]:
    """The year holding the days after ``day``, and the index in it of the first such day."""
    if (day.month, day.day) == (12, 31):
        return day.year + 1, 0
    return day.year, (day - date(day.year, 1, 1)).days + 1


def add_workdays(start: date, n: int, overrides: WorkdayOverrides | None = None) -> date:
    """The ``n``-th working day after ``start``, which never counts itself; ``start`` if n == 0.

    E.g. the due date of a case received on ``start`` with a limit of ``n`` working days.
    """
    if n < 0:
        raise ValidationError(
            f"工作日天数不能为负数（实为 {n}）。",
            f"The number of working days must not be negative (got {n}).",
        )
    day, remaining = _as_date(start), n
    while remaining:
        year, offset = _next_year_from(day)
        table = _table(overrides, year)
        if table is None:  # a year known only by its listed days: walk it (raises when unknown)
            day, remaining = _walk_year(day, remaining, overrides)
            continue
        counts = table.counts
        target = counts[offset] + remaining
        if target <= counts[-1]:
            return table.first + timedelta(days=bisect_left(counts, target, offset + 1) - 1)
        remaining = target - counts[-1]
        day = date(year, 12, 31)
    return day


def _walk_year(day: date, remaining: int, overrides: WorkdayOverrides | None) -> tuple[date, int]:
    last = date(_next_year_from(day)[0], 12, 31)
    while remaining and day < last:
        day += _ONE_DAY
        if is_workday(day, overrides):
            remaining -= 1
    return day, remaining


def workdays_between(start: date, end: date, overrides: WorkdayOverrides | None = None) -> int:
    """Working days after ``start`` up to and including ``end``; negative when ``end < start``.

    ``workdays_between(start, add_workdays(start, n)) == n``; e.g. the days a case has left.
    """
    start, end = _as_date(start), _as_date(end)
    if end < start:
        return -workdays_between(end, start, overrides)
    count, day = 0, start
    while day < end:
        year, offset = _next_year_from(day)
        stop = min(end, date(year, 12, 31))
        table = _table(overrides, year)
        if table is None:
            while day < stop:
                day += _ONE_DAY
                count += is_workday(day, overrides)
            continue
        count += table.counts[(stop - table.first).days + 1] - table.counts[offset]
        day = stop
    return count
