"""Tests of working-day arithmetic: the packaged calendar, the admin's overrides, unknown years."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clerk_app.domain.workdays import (
    CalendarNotCovered,
    WorkdayOverrides,
    add_workdays,
    is_workday,
    workdays_between,
)
from clerk_app.errors import ClerkError, ValidationError


def _span(first: date, last: date) -> list[date]:
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


# DOMAIN.md, from the State Council's notice for 2026.
HOLIDAYS_2026 = [
    *_span(date(2026, 1, 1), date(2026, 1, 3)),
    *_span(date(2026, 2, 15), date(2026, 2, 23)),
    *_span(date(2026, 4, 4), date(2026, 4, 6)),
    *_span(date(2026, 5, 1), date(2026, 5, 5)),
    *_span(date(2026, 6, 19), date(2026, 6, 21)),
    *_span(date(2026, 9, 25), date(2026, 9, 27)),
    *_span(date(2026, 10, 1), date(2026, 10, 7)),
]
MAKE_UP_WORKDAYS_2026 = [
    date(2026, 1, 4),
    date(2026, 2, 14),
    date(2026, 2, 28),
    date(2026, 5, 9),
    date(2026, 9, 20),
    date(2026, 10, 10),
]


# ---------------------------------------------------------------- is_workday


@pytest.mark.parametrize("day", HOLIDAYS_2026, ids=str)
def test_2026_holidays_are_days_off(day: date) -> None:
    assert not is_workday(day)


@pytest.mark.parametrize("day", MAKE_UP_WORKDAYS_2026, ids=str)
def test_2026_make_up_days_are_workdays(day: date) -> None:
    assert day.weekday() >= 5
    assert is_workday(day)


def test_2026_other_days_follow_the_week() -> None:
    special = set(HOLIDAYS_2026) | set(MAKE_UP_WORKDAYS_2026)
    for day in _span(date(2026, 1, 1), date(2026, 12, 31)):
        if day not in special:
            assert is_workday(day) == (day.weekday() < 5), day


def test_datetime_is_treated_as_its_date() -> None:
    assert not is_workday(datetime(2026, 10, 1, 9, 30))
    overrides = WorkdayOverrides(days={date(2026, 10, 1): True})
    assert is_workday(datetime(2026, 10, 1, 9, 30), overrides)


@pytest.mark.parametrize("day", [date(2027, 1, 4), date(2027, 6, 1), date(2003, 12, 31)])
def test_unknown_year_raises_calendar_not_covered(day: date) -> None:
    with pytest.raises(CalendarNotCovered) as caught:
        is_workday(day)
    assert caught.value.year == day.year
    assert isinstance(caught.value, ClerkError)


def test_calendar_not_covered_tells_admin_and_clerk_what_to_do() -> None:
    error = CalendarNotCovered(2027)
    assert "2027" in error.zh and "2027" in error.en
    assert "工作日调整表" in error.zh
    assert "国务院" in error.zh
    assert "管理员" in error.zh and "窗口人员" in error.zh
    assert "State Council" in error.en and "override table" in error.en
    assert "clerks, please ask the admin" in error.en


def test_listed_dates_alone_do_not_cover_a_year() -> None:
    overrides = WorkdayOverrides(days={date(2027, 1, 1): False})
    assert not is_workday(date(2027, 1, 1), overrides)
    with pytest.raises(CalendarNotCovered):
        is_workday(date(2027, 1, 4), overrides)


def test_covered_year_falls_back_to_monday_to_friday() -> None:
    overrides = WorkdayOverrides(
        days={date(2027, 1, 1): False, date(2027, 2, 6): True},  # a Friday off, a Saturday on
        covered_years=frozenset({2027}),
    )
    assert not is_workday(date(2027, 1, 1), overrides)
    assert is_workday(date(2027, 2, 6), overrides)
    assert is_workday(date(2027, 1, 4), overrides)  # Monday
    assert not is_workday(date(2027, 1, 2), overrides)  # Saturday
    assert not is_workday(date(2027, 1, 3), overrides)  # Sunday
    with pytest.raises(CalendarNotCovered) as caught:
        is_workday(date(2028, 1, 3), overrides)
    assert caught.value.year == 2028


def test_override_beats_the_library() -> None:
    national_day = date(2026, 10, 1)
    ordinary_monday = date(2026, 3, 2)
    overrides = WorkdayOverrides(days={national_day: True, ordinary_monday: False})
    assert not is_workday(national_day)
    assert is_workday(national_day, overrides)
    assert is_workday(ordinary_monday)
    assert not is_workday(ordinary_monday, overrides)


def test_covered_year_does_not_replace_the_library_for_years_it_knows() -> None:
    overrides = WorkdayOverrides(covered_years=frozenset({2026}))
    assert not is_workday(date(2026, 10, 1), overrides)  # a Thursday, but a holiday
    assert is_workday(date(2026, 10, 10), overrides)  # a Saturday, but a make-up day


def test_overrides_are_a_snapshot() -> None:
    days = {date(2026, 3, 2): False}
    overrides = WorkdayOverrides(days=days)
    days[date(2026, 3, 2)] = True
    assert not is_workday(date(2026, 3, 2), overrides)
    with pytest.raises(TypeError):
        overrides.days[date(2026, 3, 3)] = False  # type: ignore[index]


def test_empty_overrides_change_nothing() -> None:
    for day in _span(date(2026, 9, 1), date(2026, 10, 31)):
        assert is_workday(day, WorkdayOverrides()) == is_workday(day)


# ---------------------------------------------------------------- add_workdays


def test_national_day_2025_example() -> None:
    # 9/27 Sat off, 9/28 Sun make-up, 9/29, 9/30, 10/1–10/8 holiday, 10/9, 10/10.
    assert add_workdays(date(2025, 9, 26), 5) == date(2025, 10, 10)


def test_zero_workdays_is_the_start_even_on_a_holiday() -> None:
    assert add_workdays(date(2026, 10, 1), 0) == date(2026, 10, 1)


def test_start_day_never_counts() -> None:
    assert add_workdays(date(2026, 3, 2), 1) == date(2026, 3, 3)  # Monday → Tuesday
    assert add_workdays(date(2026, 3, 6), 1) == date(2026, 3, 9)  # Friday → Monday
    assert add_workdays(date(2026, 3, 7), 1) == date(2026, 3, 9)  # Saturday → Monday


def test_add_workdays_over_the_2026_spring_festival() -> None:
    # 2/13 Fri; 2/14 Sat make-up; 2/15–2/23 off; 2/24 Tue.
    assert add_workdays(date(2026, 2, 13), 1) == date(2026, 2, 14)
    assert add_workdays(date(2026, 2, 13), 2) == date(2026, 2, 24)


def test_statutory_twenty_days_across_national_day_2026() -> None:
    # received Thu 9/24; 9/25–9/27 off; 9/28–9/30 (3); 10/1–10/7 off;
    # 10/8, 10/9, 10/10 (Sat, make-up) (6); 10/12–16 (11); 10/19–23 (16); 10/26–29 (20)
    assert add_workdays(date(2026, 9, 24), 20) == date(2026, 10, 29)


def test_negative_workdays_refused() -> None:
    with pytest.raises(ValueError) as caught:
        add_workdays(date(2026, 3, 2), -1)
    assert isinstance(caught.value, ValidationError)


def test_add_workdays_into_an_unknown_year_raises() -> None:
    with pytest.raises(CalendarNotCovered) as caught:
        add_workdays(date(2026, 12, 24), 10)
    assert caught.value.year == 2027


def test_add_workdays_into_a_covered_year() -> None:
    overrides = WorkdayOverrides(days={date(2027, 1, 1): False}, covered_years=frozenset({2027}))
    # 12/25 Fri, 12/28–31 (5), 1/1 off, 1/4 Mon (6)
    assert add_workdays(date(2026, 12, 24), 6, overrides) == date(2027, 1, 4)


# ---------------------------------------------------------------- workdays_between


def test_workdays_between_counts_after_start_through_end() -> None:
    monday, friday = date(2026, 3, 2), date(2026, 3, 6)
    assert workdays_between(monday, monday) == 0
    assert workdays_between(monday, friday) == 4
    assert workdays_between(friday, date(2026, 3, 9)) == 1
    assert workdays_between(friday, date(2026, 3, 8)) == 0  # only the weekend


def test_workdays_between_negative_when_overdue() -> None:
    due, today = date(2026, 3, 6), date(2026, 3, 9)  # due Friday, today Monday
    assert workdays_between(today, due) == -1
    assert workdays_between(date(2026, 10, 8), date(2026, 9, 30)) == -1


def test_workdays_between_over_national_day_2025() -> None:
    assert workdays_between(date(2025, 9, 26), date(2025, 10, 10)) == 5


def test_workdays_between_unknown_year_raises() -> None:
    with pytest.raises(CalendarNotCovered):
        workdays_between(date(2026, 12, 30), date(2027, 1, 5))


# ---------------------------------------------------------------- properties

_known_days = st.dates(min_value=date(2004, 1, 1), max_value=date(2026, 9, 30))
_counts = st.integers(min_value=0, max_value=40)


@given(_known_days, _counts)
def test_add_then_count_back(start: date, n: int) -> None:
    end = add_workdays(start, n)
    assert workdays_between(start, end) == n
    assert workdays_between(end, start) == -n


@given(_known_days, _counts)
def test_result_is_a_workday_and_the_earliest_one(start: date, n: int) -> None:
    end = add_workdays(start, n)
    assert end >= start
    if n > 0:
        assert is_workday(end)
        assert workdays_between(start, end - timedelta(days=1)) == n - 1


@given(st.dates(min_value=date(2004, 1, 1), max_value=date(2026, 6, 30)), _counts, _counts)
def test_add_workdays_is_monotonic_and_additive(start: date, n: int, m: int) -> None:
    low, high = sorted((n, m))
    assert add_workdays(start, low) <= add_workdays(start, high)
    assert add_workdays(add_workdays(start, n), m) == add_workdays(start, n + m)


@given(_known_days, _known_days, _known_days)
def test_workdays_between_is_additive(a: date, b: date, c: date) -> None:
    a, b, c = sorted((a, b, c))
    if (c - a).days > 400:  # keep each example quick
        c = a + timedelta(days=400)
        b = min(b, c)
    assert workdays_between(a, c) == workdays_between(a, b) + workdays_between(b, c)


@given(_known_days, st.integers(min_value=0, max_value=60))
def test_workdays_between_is_monotonic_in_end(start: date, extra: int) -> None:
    end = start + timedelta(days=extra)
    later = end + timedelta(days=1)
    assert workdays_between(start, later) - workdays_between(start, end) == int(is_workday(later))


@given(
    st.dates(min_value=date(2027, 1, 1), max_value=date(2027, 10, 1)),
    _counts,
    st.sets(st.dates(min_value=date(2027, 1, 1), max_value=date(2027, 12, 31)), max_size=20),
)
def test_covered_year_properties(start: date, n: int, days_off: set[date]) -> None:
    overrides = WorkdayOverrides(
        days=dict.fromkeys(days_off, False), covered_years=frozenset({2027})
    )
    end = add_workdays(start, n, overrides)
    assert workdays_between(start, end, overrides) == n
    if n > 0:
        assert end not in days_off
        assert end.weekday() < 5


# ---------------------------------------------------------------- the year tables


def _reference_is_workday(day: date, overrides: WorkdayOverrides) -> bool:
    """The rule day by day, as written before the year tables (the oracle)."""
    import chinese_calendar

    if day in overrides.days:
        return overrides.days[day]
    try:
        return bool(chinese_calendar.is_workday(day))
    except NotImplementedError:
        if day.year in overrides.covered_years:
            return day.weekday() < 5
        raise CalendarNotCovered(day.year) from None


def _reference_add(start: date, n: int, overrides: WorkdayOverrides) -> date:
    day = start
    while n:
        day += timedelta(days=1)
        n -= _reference_is_workday(day, overrides)
    return day


def _reference_between(start: date, end: date, overrides: WorkdayOverrides) -> int:
    if end < start:
        return -_reference_between(end, start, overrides)
    return sum(
        _reference_is_workday(start + timedelta(days=i), overrides)
        for i in range(1, (end - start).days + 1)
    )


_span_days = st.dates(min_value=date(2025, 6, 1), max_value=date(2027, 12, 31))
_overrides = st.builds(
    WorkdayOverrides,
    days=st.dictionaries(_span_days, st.booleans(), max_size=12),
    covered_years=st.sets(st.sampled_from([2027]), max_size=1).map(frozenset),
)


def _same(fast: object, slow: object) -> None:
    """Both the same value, or both ``CalendarNotCovered`` for the same year."""
    assert fast == slow


def _outcome(f, *args):  # type: ignore[no-untyped-def]
    try:
        return f(*args)
    except CalendarNotCovered as e:
        return ("not covered", e.year)


@given(_span_days, st.integers(min_value=0, max_value=400), _overrides)
def test_add_workdays_matches_the_day_by_day_rule(start: date, n: int, o: WorkdayOverrides) -> None:
    _same(_outcome(add_workdays, start, n, o), _outcome(_reference_add, start, n, o))


@given(_span_days, _span_days, _overrides)
def test_workdays_between_matches_the_day_by_day_rule(
    a: date, b: date, o: WorkdayOverrides
) -> None:
    _same(_outcome(workdays_between, a, b, o), _outcome(_reference_between, a, b, o))


@given(_span_days, _overrides)
def test_is_workday_matches_the_day_by_day_rule(day: date, o: WorkdayOverrides) -> None:
    _same(_outcome(is_workday, day, o), _outcome(_reference_is_workday, day, o))


def test_a_year_known_only_by_listed_days_is_walked_until_an_unlisted_day() -> None:
    # 2027 not covered: only the listed days are known, as before the year tables.
    overrides = WorkdayOverrides(days={date(2027, 1, 1): True, date(2027, 1, 2): False})
    assert add_workdays(date(2026, 12, 31), 1, overrides) == date(2027, 1, 1)
    assert workdays_between(date(2026, 12, 31), date(2027, 1, 2), overrides) == 1
    with pytest.raises(CalendarNotCovered):
        add_workdays(date(2026, 12, 31), 2, overrides)


def test_changed_overrides_change_the_answer_at_once() -> None:
    """The cache is keyed by the overrides' content: a new table is never served stale."""
    monday = date(2026, 3, 9)  # (Saturday 2/28 was a make-up working day)
    before = WorkdayOverrides()
    assert add_workdays(monday - timedelta(days=3), 1, before) == monday
    after = WorkdayOverrides(days={monday: False})
    assert add_workdays(monday - timedelta(days=3), 1, after) == monday + timedelta(days=1)
    assert workdays_between(monday, monday + timedelta(days=7), after) == 5
    assert workdays_between(monday, monday + timedelta(days=7), before) == 5
    assert workdays_between(monday - timedelta(days=1), monday, after) == 0


def test_a_year_counts_as_fast_as_a_day_and_is_right() -> None:
    # 2025 has 248 working days by the State Council's notice.
    assert workdays_between(date(2024, 12, 31), date(2025, 12, 31)) == 248
    assert add_workdays(date(2024, 12, 31), 248) == date(2025, 12, 31)
    assert add_workdays(date(2024, 12, 31), 249) == date(2026, 1, 4)  # a make-up Sunday


def test_threads_share_the_tables_safely() -> None:
    import threading

    results: list[int] = []
    errors: list[BaseException] = []

    def count(i: int) -> None:
        try:
            o = WorkdayOverrides(days={date(2026, 3, 2 + i % 3): False})
            results.append(workdays_between(date(2025, 1, 1), date(2026, 12, 31), o))
        except BaseException as e:  # collected and asserted below
            errors.append(e)

    threads = [threading.Thread(target=count, args=(i,)) for i in range(12)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and len(results) == 12
    assert len(set(results)) == 1  # each override takes one Monday–Wednesday off
