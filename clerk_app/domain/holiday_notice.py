"""Is a year's holiday notice (国务院办公厅关于某年部分节假日安排的通知) plausible? One pure check.

The State Council's notice lists, for each statutory holiday, a range of days off, and the
weekend days worked instead (调休上班). The admin types it in once a year; a mistake here moves
every due date of the year, so the notice is checked before it is stored:

* every range ends on or after its first day, inside the notice's year;
* the year has holidays at all, and at least the Spring Festival (a range between 15 January
  and 1 March) and National Day (a range holding 1 October) — the two no notice ever lacks;
* a make-up workday is a Saturday or Sunday that is not also a day off.

The other statutory holidays (元旦, 清明节, 劳动节, 端午节, 中秋节) are expected too; a notice
without one of them is accepted (the State Council may merge 中秋 into 国庆) but named in
``NoticeCheck.missing`` so the screen can say so.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from clerk_app.errors import ValidationError, on_field
from clerk_app.i18n import pick

__all__ = [
    "Holiday",
    "HolidayRange",
    "NoticeCheck",
    "check_notice",
    "check_year_days",
    "holiday_label",
]


class Holiday(StrEnum):
    NEW_YEAR = "new_year"
    SPRING_FESTIVAL = "spring_festival"
    QINGMING = "qingming"
    LABOUR_DAY = "labour_day"
    DRAGON_BOAT = "dragon_boat"
    MID_AUTUMN = "mid_autumn"
    NATIONAL_DAY = "national_day"


_LABELS: dict[Holiday, tuple[str, str]] = {
    Holiday.NEW_YEAR: ("元旦", "New Year's Day"),
    Holiday.SPRING_FESTIVAL: ("春节", "Spring Festival"),
    Holiday.QINGMING: ("清明节", "Qingming Festival"),
    Holiday.LABOUR_DAY: ("劳动节", "Labour Day"),
    Holiday.DRAGON_BOAT: ("端午节", "Dragon Boat Festival"),
    Holiday.MID_AUTUMN: ("中秋节", "Mid-Autumn Festival"),
    Holiday.NATIONAL_DAY: ("国庆节", "National Day"),
}
REQUIRED = (Holiday.SPRING_FESTIVAL, Holiday.NATIONAL_DAY)


def holiday_label(holiday: Holiday) -> str:
    zh, en = _LABELS[holiday]
    return pick(zh, en)


@dataclass(frozen=True)
class HolidayRange:
    """One holiday of the notice: its days off from ``first`` to ``last``, both included."""

    holiday: Holiday
    first: date
    last: date

    def days(self) -> list[date]:
        return [self.first + timedelta(days=i) for i in range((self.last - self.first).days + 1)]


@dataclass(frozen=True)
class NoticeCheck:
    """What a checked notice holds: its days off and workdays, and the holidays it lacks."""

    days_off: tuple[date, ...]
    makeup_workdays: tuple[date, ...]
    missing: tuple[Holiday, ...]  # expected holidays not in the notice (accepted, shown)


def _in_year(year: int, day: date) -> None:
    if day.year != year:
        raise ValidationError(
            f"日期 {day.isoformat()} 不在 {year} 年内。",
            f"The date {day.isoformat()} is not in {year}.",
        )


def _spring_festival(day: date) -> bool:
    return date(day.year, 1, 15) <= day <= date(day.year, 3, 1)


def check_year_days(year: int, days_off: Iterable[date], makeup_workdays: Iterable[date]) -> None:
    """The checks a year's override days must pass before the year counts as covered.

    Used for a notice typed as plain days (the CLI, ``enter_year``) and by ``check_notice``.
    """
    if not 2000 <= year <= 2100:
        raise ValidationError(f"年份 {year} 无效。", f"Invalid year {year}.")
    off, on = sorted(set(days_off)), sorted(set(makeup_workdays))
    for day in (*off, *on):
        _in_year(year, day)
    if not off:
        raise ValidationError(
            f"{year} 年的通知没有任何放假日；请按国务院办公厅通知录入全部节假日。",
            f"The notice for {year} has no days off; enter every holiday of the State "
            "Council's notice.",
        )
    both = set(off) & set(on)
    if both:
        first = min(both).isoformat()
        raise ValidationError(
            f"{first} 不能既是放假日又是调休上班日。",
            f"{first} cannot be both a day off and a make-up working day.",
        )
    for day in on:
        if day.weekday() < 5:
            raise ValidationError(
                f"调休上班日 {day.isoformat()} 不是周六或周日（工作日本来就上班）。",
                f"The make-up workday {day.isoformat()} is not a Saturday or Sunday "
                "(weekdays are worked anyway).",
            ).tagged("makeup_workdays")
    if date(year, 10, 1) not in off:
        raise ValidationError(
            f"{year} 年的通知缺少国庆节（10月1日应放假）。",
            f"The notice for {year} lacks National Day (1 October must be a day off).",
        )
    if not any(_spring_festival(d) for d in off):
        raise ValidationError(
            f"{year} 年的通知缺少春节假期（1月中旬至3月1日应有放假日）。",
            f"The notice for {year} lacks the Spring Festival (days off between mid-January and "
            "1 March).",
        )


def check_notice(
    year: int, ranges: Iterable[HolidayRange], makeup_workdays: Iterable[date]
) -> NoticeCheck:
    """Check a notice typed as named holiday ranges; raises ``ValidationError`` when refused."""
    given = list(ranges)
    for r in given:
        if r.last < r.first:
            raise ValidationError(
                f"{_LABELS[r.holiday][0]}的放假日期 {r.first.isoformat()} 至 "
                f"{r.last.isoformat()} 起止颠倒。",
                f"The {_LABELS[r.holiday][1]} range {r.first.isoformat()} to "
                f"{r.last.isoformat()} ends before it starts.",
            ).tagged(r.holiday.value)
        with on_field(r.holiday.value):
            _in_year(year, r.first)
            _in_year(year, r.last)
    named = {r.holiday for r in given}
    for holiday in REQUIRED:
        if holiday not in named:
            zh, en = _LABELS[holiday]
            raise ValidationError(
                f"{year} 年的通知缺少{zh}；春节和国庆节必须录入放假日期。",
                f"The notice for {year} lacks {en}; the Spring Festival and National Day "
                "must be entered.",
            ).tagged(holiday.value)
    for r in given:
        if r.holiday is Holiday.SPRING_FESTIVAL and not (
            _spring_festival(r.first) and _spring_festival(r.last)
        ):
            raise ValidationError(
                f"春节假期 {r.first.isoformat()} 至 {r.last.isoformat()} 不在1月中旬至3月1日之间。",
                f"The Spring Festival {r.first.isoformat()} to {r.last.isoformat()} is not "
                "between mid-January and 1 March.",
            ).tagged(r.holiday.value)
        if r.holiday is Holiday.NATIONAL_DAY and not r.first <= date(year, 10, 1) <= r.last:
            raise ValidationError(
                f"国庆节假期 {r.first.isoformat()} 至 {r.last.isoformat()} 不含10月1日。",
                f"National Day {r.first.isoformat()} to {r.last.isoformat()} does not hold "
                "1 October.",
            ).tagged(r.holiday.value)
    off = sorted({d for r in given for d in r.days()})
    on = sorted(set(makeup_workdays))
    check_year_days(year, off, on)
    missing = tuple(h for h in Holiday if h not in named)
    return NoticeCheck(tuple(off), tuple(on), missing)
