"""A year's holiday notice is checked before the year counts as covered (issue 14)."""

from __future__ import annotations

from datetime import date

import pytest

from clerk_app.api import Hall
from clerk_app.domain.holiday_notice import Holiday, HolidayRange, check_notice
from clerk_app.errors import ValidationError
from tests.support.acceptance import MovableClock, at
from tests.support.calendar import DAYS_OFF_2027, MAKEUP_2027, NOTICE_2027


@pytest.fixture
def desk(hall: Hall) -> Hall:
    return at(hall, MovableClock())


def _footprint(desk: Hall) -> tuple[object, ...]:
    info = desk.system().calendar.year(2027)
    return (info.covered, info.days)


def test_a_year_without_holidays_is_refused_and_stays_uncovered(desk: Hall) -> None:
    calendar = desk.system().calendar
    with pytest.raises(ValidationError, match="没有任何放假日"):
        calendar.enter_year(2027, [], [])
    assert not calendar.year(2027).covered and calendar.year(2027).days == ()


def test_a_reversed_range_is_refused_and_nothing_is_stored(desk: Hall) -> None:
    calendar = desk.system().calendar
    reversed_ = [
        *NOTICE_2027[:-1],
        HolidayRange(Holiday.NATIONAL_DAY, date(2027, 10, 7), date(2027, 10, 1)),
    ]
    with pytest.raises(ValidationError, match="起止颠倒"):
        calendar.enter_notice(2027, reversed_, MAKEUP_2027)
    assert not calendar.year(2027).covered and calendar.year(2027).days == ()


@pytest.mark.parametrize("lacking", [Holiday.SPRING_FESTIVAL, Holiday.NATIONAL_DAY])
def test_spring_festival_and_national_day_are_required(desk: Hall, lacking: Holiday) -> None:
    calendar = desk.system().calendar
    before = _footprint(desk)
    with pytest.raises(ValidationError, match="春节和国庆节必须录入"):
        calendar.enter_notice(2027, [r for r in NOTICE_2027 if r.holiday != lacking], MAKEUP_2027)
    assert _footprint(desk) == before


def test_plain_days_without_national_day_are_refused(desk: Hall) -> None:
    calendar = desk.system().calendar
    with pytest.raises(ValidationError, match="国庆节"):
        calendar.enter_year(2027, [d for d in DAYS_OFF_2027 if d.month != 10], [])
    with pytest.raises(ValidationError, match="春节"):
        calendar.enter_year(2027, [d for d in DAYS_OFF_2027 if d.month not in (2,)], [])
    assert not calendar.year(2027).covered


def test_a_makeup_workday_must_be_a_weekend_day(desk: Hall) -> None:
    with pytest.raises(ValidationError, match="不是周六或周日"):
        desk.system().calendar.enter_notice(2027, NOTICE_2027, [date(2027, 2, 17)])


def test_a_whole_notice_covers_the_year_with_named_days(desk: Hall) -> None:
    calendar = desk.system().calendar
    info = calendar.enter_notice(2027, NOTICE_2027, MAKEUP_2027, note="国办发明电〔2026〕7号")
    assert info.covered and info.declared_complete
    days = {d.day: d for d in info.days}
    assert (
        days[date(2027, 10, 1)].note.startswith("国庆节") and not days[date(2027, 10, 1)].is_workday
    )
    assert days[date(2027, 2, 20)].is_workday
    assert len(info.days) == len(DAYS_OFF_2027) + len(MAKEUP_2027)


def test_declaring_an_empty_year_complete_is_refused(desk: Hall) -> None:
    calendar = desk.system().calendar
    with pytest.raises(ValidationError, match="没有任何放假日"):
        calendar.declare_complete(2027)
    assert not calendar.year(2027).covered
    assert not calendar.declare_complete(2027, False).covered  # withdrawing needs no notice


def test_a_notice_lacking_a_lesser_holiday_is_accepted_and_says_so() -> None:
    checked = check_notice(2027, [r for r in NOTICE_2027 if r.holiday != Holiday.MID_AUTUMN], [])
    assert checked.missing == (Holiday.MID_AUTUMN,)
    assert date(2027, 10, 1) in checked.days_off
