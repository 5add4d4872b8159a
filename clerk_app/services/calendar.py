"""The working-day override table (工作日调整表): the admin enters years chinese-calendar lacks."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from clerk_app.domain.holiday_notice import (
    HolidayRange,
    NoticeCheck,
    check_notice,
    check_year_days,
    holiday_label,
)
from clerk_app.domain.roles import Permission
from clerk_app.domain.typed_text import typed_text
from clerk_app.domain.workdays import WorkdayOverrides
from clerk_app.errors import ValidationError
from clerk_app.persistence.models_calendar import CalendarYear, WorkdayOverride
from clerk_app.services import audit
from clerk_app.services.base import Service


@dataclass(frozen=True)
class OverrideDay:
    day: date
    is_workday: bool  # True: make-up working day (调休上班); False: day off (放假)
    note: str


@dataclass(frozen=True)
class CalendarYearInfo:
    year: int
    known_to_package: bool  # chinese-calendar knows the year's holidays
    declared_complete: bool  # the admin declared the year's notice fully entered
    days: tuple[OverrideDay, ...]

    @property
    def covered(self) -> bool:
        """Working days of this year can be counted."""
        return self.known_to_package or self.declared_complete


def load_overrides(s: Session) -> WorkdayOverrides:
    """The whole override table (a few dozen rows a year) for ``add_workdays``."""
    days = {o.day: o.is_workday for o in s.scalars(select(WorkdayOverride))}
    years = frozenset(s.scalars(select(CalendarYear.year).where(CalendarYear.complete)))
    return WorkdayOverrides(days, years)


def package_knows(year: int) -> bool:
    import chinese_calendar  # loaded when first asked, not at every PC's start (issue 11)

    try:
        chinese_calendar.is_workday(date(year, 6, 1))
    except NotImplementedError:
        return False
    return True


def _check_year(year: int, days: Iterable[date]) -> None:
    if not 2000 <= year <= 2100:
        raise ValidationError(f"年份 {year} 无效。", f"Invalid year {year}.")
    for day in days:
        if day.year != year:
            raise ValidationError(
                f"日期 {day.isoformat()} 不在 {year} 年内。",
                f"The date {day.isoformat()} is not in {year}.",
            )


def _check_day(day: object) -> date:
    """A calendar day, or a clear refusal (a script may pass text or nothing)."""
    if isinstance(day, datetime) or not isinstance(day, date):
        raise ValidationError(f"日期无效：{day!r}。", f"Not a calendar date: {day!r}.")
    return day


def _check_note(note: str) -> str:
    return typed_text(note, "通知文号或备注", "The notice's reference or note", max_len=150)


class CalendarService(Service):
    """Read the override table (any actor); change it (admins, audited)."""

    def year(self, year: int) -> CalendarYearInfo:
        self.actor.require(Permission.VIEW_CATALOG)
        with self.db.read() as s:
            return self._info(s, year)

    def enter_notice(
        self,
        year: int,
        holidays: Iterable[HolidayRange],
        makeup_workdays: Iterable[date],
        *,
        note: str = "",
    ) -> CalendarYearInfo:
        """Replace ``year``'s overrides by one State Council notice typed as named holiday
        ranges, checked by ``domain.holiday_notice.check_notice``; the year is then covered."""
        self.actor.require(Permission.MANAGE_SETTINGS)
        ranges = list(holidays)
        checked = check_notice(year, ranges, makeup_workdays)
        note = _check_note(note)
        names = {d: holiday_label(r.holiday) for r in ranges for d in r.days()}
        return self._store(year, checked, names, note, complete=True)

    def enter_year(
        self,
        year: int,
        holidays: Iterable[date],
        makeup_workdays: Iterable[date],
        *,
        complete: bool = True,
        note: str = "",
    ) -> CalendarYearInfo:
        """Replace ``year``'s overrides by one State Council notice given as plain days.

        ``holidays`` are the days off (放假), ``makeup_workdays`` the weekend days worked (调休).
        A notice declared complete must pass ``check_year_days`` (days off, National Day, the
        Spring Festival); a partial one (``complete=False``) only its dates' year.
        """
        self.actor.require(Permission.MANAGE_SETTINGS)
        off, on = sorted(set(holidays)), sorted(set(makeup_workdays))
        if complete:
            check_year_days(year, off, on)
        else:
            _check_year(year, [*off, *on])
            both = set(off) & set(on)
            if both:
                first = min(both).isoformat()
                raise ValidationError(
                    f"{first} 不能既是放假日又是调休上班日。",
                    f"{first} cannot be both a day off and a make-up working day.",
                )
        note = _check_note(note)
        return self._store(year, NoticeCheck(tuple(off), tuple(on), ()), {}, note, complete)

    def _store(
        self,
        year: int,
        notice: NoticeCheck,
        names: dict[date, str],
        note: str,
        complete: bool,
    ) -> CalendarYearInfo:
        off, on = notice.days_off, notice.makeup_workdays

        def note_of(day: date) -> str:
            return "：".join(filter(None, (names.get(day, ""), note)))[:200]

        with self.db.write() as s:
            before = self._info(s, year)
            s.execute(
                delete(WorkdayOverride).where(
                    WorkdayOverride.day >= date(year, 1, 1),
                    WorkdayOverride.day <= date(year, 12, 31),
                )
            )
            s.add_all(WorkdayOverride(day=d, is_workday=False, note=note_of(d)) for d in off)
            s.add_all(WorkdayOverride(day=d, is_workday=True, note=note) for d in on)
            self._declare(s, year, complete)
            s.flush()
            audit.record(
                s,
                at=self.clock(),
                actor=self.actor.username,
                action="calendar_year_entered",
                target=f"calendar:{year}",
                before={"days": len(before.days), "complete": before.declared_complete},
                after={"holidays": len(off), "makeup_workdays": len(on), "complete": complete},
            )
            return self._info(s, year)

    def set_day(self, day: date, is_workday: bool, note: str = "") -> CalendarYearInfo:
        """Add or change one override (e.g. a notice amended late)."""
        self.actor.require(Permission.MANAGE_SETTINGS)
        _check_year(_check_day(day).year, [day])
        with self.db.write() as s:
            row = s.get(WorkdayOverride, day)
            before = None if row is None else row.is_workday
            if row is None:
                s.add(WorkdayOverride(day=day, is_workday=is_workday, note=note))
            else:
                row.is_workday, row.note = is_workday, note
            s.flush()
            audit.record(
                s,
                at=self.clock(),
                actor=self.actor.username,
                action="workday_override_set",
                target=f"calendar:{day.isoformat()}",
                before={"is_workday": before},
                after={"is_workday": is_workday},
            )
            return self._info(s, day.year)

    def clear_day(self, day: date) -> CalendarYearInfo:
        self.actor.require(Permission.MANAGE_SETTINGS)
        _check_day(day)
        with self.db.write() as s:
            row = s.get(WorkdayOverride, day)
            if row is not None:
                audit.record(
                    s,
                    at=self.clock(),
                    actor=self.actor.username,
                    action="workday_override_cleared",
                    target=f"calendar:{day.isoformat()}",
                    before={"is_workday": row.is_workday},
                )
                s.delete(row)
                s.flush()
            return self._info(s, day.year)

    def declare_complete(self, year: int, complete: bool = True) -> CalendarYearInfo:
        """Mark ``year`` fully entered: its unlisted days then count Monday–Friday."""
        self.actor.require(Permission.MANAGE_SETTINGS)
        _check_year(year, [])
        with self.db.write() as s:
            if complete and not package_knows(year):
                days = self._info(s, year).days
                check_year_days(
                    year,
                    [d.day for d in days if not d.is_workday],
                    [d.day for d in days if d.is_workday],
                )
            self._declare(s, year, complete)
            audit.record(
                s,
                at=self.clock(),
                actor=self.actor.username,
                action="calendar_year_declared",
                target=f"calendar:{year}",
                after={"complete": complete},
            )
            s.flush()
            return self._info(s, year)

    def _declare(self, s: Session, year: int, complete: bool) -> None:
        row = s.get(CalendarYear, year)
        if row is None:
            row = CalendarYear(year=year)
            s.add(row)
        row.complete = complete
        row.declared_by = self.actor.username
        row.declared_at = self.clock()

    @staticmethod
    def _info(s: Session, year: int) -> CalendarYearInfo:
        rows = s.scalars(
            select(WorkdayOverride)
            .where(
                WorkdayOverride.day >= date(year, 1, 1), WorkdayOverride.day <= date(year, 12, 31)
            )
            .order_by(WorkdayOverride.day)
        )
        declared = s.get(CalendarYear, year)
        return CalendarYearInfo(
            year=year,
            known_to_package=package_knows(year),
            declared_complete=declared is not None and declared.complete,
            days=tuple(OverrideDay(r.day, r.is_workday, r.note) for r in rows),
        )
