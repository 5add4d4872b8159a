"""The time limits of a case (clerk_app.domain.deadlines): tables of examples and properties."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clerk_app.domain.case_states import CaseState
from clerk_app.domain.deadlines import (
    DeadlineStatus,
    DeadlineWarning,
    SupplementRange,
    WarningThresholds,
    deadline_status,
    deadline_warning,
    due_date,
    running_deadline,
    supplement_days,
    supplement_due,
    supplement_last_day,
    supplement_range,
)
from clerk_app.domain.workdays import WorkdayOverrides, workdays_between
from clerk_app.errors import ValidationError

THU = date(2026, 11, 26)  # the acceptance tests' Thursday
FRI = date(2026, 11, 27)


# ---------------------------------------------------------------- due date


@pytest.mark.parametrize(
    ("received", "days", "due"),
    [
        (THU, 0, THU),
        (THU, 1, FRI),  # the day of receipt does not count
        (FRI, 1, date(2026, 11, 30)),  # over the weekend
        (THU, 5, date(2026, 12, 3)),
        (date(2026, 9, 24), 20, date(2026, 10, 29)),  # across National Day, 10/10 worked
    ],
)
def test_due_date(received: date, days: int, due: date) -> None:
    assert due_date(received, days) == due


def test_due_date_uses_the_overrides() -> None:
    assert due_date(THU, 1, WorkdayOverrides(days={FRI: False})) == date(2026, 11, 30)


# ---------------------------------------------------------------- supplement days


@pytest.mark.parametrize(
    ("promised", "hall", "allowed"),
    [
        (5, 5, SupplementRange(1, 5, 5)),
        (2, 5, SupplementRange(1, 2, 2)),  # never longer than the promised limit
        (20, 5, SupplementRange(1, 20, 5)),
        (5, 0, SupplementRange(1, 5, 1)),  # at least one day
        (0, 5, SupplementRange(1, 0, 1)),  # an instant item: nothing may be chosen
    ],
)
def test_supplement_range(promised: int, hall: int, allowed: SupplementRange) -> None:
    assert supplement_range(promised, hall) == allowed


@pytest.mark.parametrize(
    ("wanted", "promised", "hall", "days"),
    [(None, 5, 5, 5), (None, 2, 5, 2), (3, 5, 5, 3), (1, 2, 5, 1), (2, 2, 5, 2), (7, 20, 5, 7)],
)
def test_supplement_days(wanted: int | None, promised: int, hall: int, days: int) -> None:
    assert supplement_days(wanted, promised, hall) == days


@pytest.mark.parametrize(("wanted", "promised"), [(0, 5), (-1, 5), (6, 5), (3, 2), (1, 0)])
def test_supplement_days_out_of_range_are_refused(wanted: int, promised: int) -> None:
    with pytest.raises(ValidationError, match="补正期限") as caught:
        supplement_days(wanted, promised, 5, item_name="食品经营许可")
    assert "食品经营许可" in caught.value.zh and f"1 to {promised}" in caught.value.en


_promised = st.integers(min_value=1, max_value=60)
_hall = st.integers(min_value=-3, max_value=90)
_received = st.dates(min_value=date(2005, 1, 1), max_value=date(2026, 6, 30))


@given(_received, _promised, _hall, st.data())
def test_the_supplement_deadline_never_passes_the_due_date(
    received: date, promised: int, hall: int, data: st.DataObject
) -> None:
    allowed = supplement_range(promised, hall)
    wanted = data.draw(st.none() | st.integers(min_value=allowed.low, max_value=allowed.high))
    days = supplement_days(wanted, promised, hall)
    assert 1 <= days <= promised
    last = supplement_due(received, wanted, promised, hall)
    assert received < last <= due_date(received, promised)
    assert workdays_between(received, last) == days


# ---------------------------------------------------------------- the supplement's last day


def test_supplement_last_day() -> None:
    assert supplement_last_day(None, 3) is None
    assert supplement_last_day(FRI, 0) == FRI  # no grace period by default
    assert supplement_last_day(FRI, 2) == date(2026, 12, 1)  # Mon, Tue: working days


# ---------------------------------------------------------------- warnings


@pytest.mark.parametrize(
    ("left", "warning"),
    [
        (10, DeadlineWarning.NONE),
        (2, DeadlineWarning.NONE),
        (1, DeadlineWarning.YELLOW),  # one working day left
        (0, DeadlineWarning.YELLOW),  # the last day itself
        (-1, DeadlineWarning.RED),  # overdue
        (-30, DeadlineWarning.RED),
    ],
)
def test_deadline_warning_by_default(left: int, warning: DeadlineWarning) -> None:
    assert deadline_warning(left) == warning


def test_deadline_warning_with_the_halls_thresholds() -> None:
    stricter = WarningThresholds(yellow_days_left=3, red_days_left=0)
    assert [deadline_warning(n, stricter) for n in (4, 3, 1, 0, -1)] == [
        DeadlineWarning.NONE,
        DeadlineWarning.YELLOW,
        DeadlineWarning.YELLOW,
        DeadlineWarning.RED,
        DeadlineWarning.RED,
    ]


_SEVERITY = [DeadlineWarning.NONE, DeadlineWarning.YELLOW, DeadlineWarning.RED]


@given(st.integers(-50, 50), st.integers(0, 20), st.integers(-5, 5), st.integers(-5, 5))
def test_fewer_days_left_is_never_a_milder_warning(left: int, fewer: int, y: int, r: int) -> None:
    t = WarningThresholds(yellow_days_left=max(y, r), red_days_left=min(y, r))
    now, later = deadline_warning(left, t), deadline_warning(left - fewer, t)
    assert _SEVERITY.index(later) >= _SEVERITY.index(now)


def test_the_warnings_values_are_what_lists_show() -> None:
    assert [w.value for w in DeadlineWarning] == ["", "yellow", "red", "calendar_missing"]


# ---------------------------------------------------------------- the running deadline


DUE, SUPPLEMENT = date(2026, 12, 3), date(2026, 12, 1)


@pytest.mark.parametrize(
    ("state", "deadline"),
    [
        (CaseState.ACCEPTED, DUE),
        (CaseState.IN_REVIEW, DUE),
        (CaseState.SUPPLEMENTED, DUE),
        (CaseState.PENDING_SUPPLEMENT, SUPPLEMENT),
        (CaseState.APPROVED, None),
        (CaseState.DENIED, None),
        (CaseState.CERTIFICATE_ISSUED, None),
        (CaseState.COLLECTED, None),
        (CaseState.SUPPLEMENT_OVERDUE, None),
        (CaseState.NOT_ACCEPTED, None),
        (CaseState.REJECTED, None),
    ],
)
def test_running_deadline(state: CaseState, deadline: date | None) -> None:
    assert running_deadline(state, DUE, SUPPLEMENT) == deadline


def test_deadline_status_counts_working_days_left() -> None:
    status = deadline_status(CaseState.ACCEPTED, DUE, None, date(2026, 12, 2))
    assert status == DeadlineStatus(1, DeadlineWarning.YELLOW)
    status = deadline_status(CaseState.PENDING_SUPPLEMENT, DUE, SUPPLEMENT, date(2026, 12, 2))
    assert status == DeadlineStatus(-1, DeadlineWarning.RED)
    assert deadline_status(CaseState.APPROVED, DUE, None, date(2026, 12, 9)) == DeadlineStatus(
        None, DeadlineWarning.NONE
    )


def test_deadline_status_in_a_year_nobody_entered() -> None:
    status = deadline_status(CaseState.ACCEPTED, date(2027, 1, 6), None, date(2026, 12, 30))
    assert status == DeadlineStatus(None, DeadlineWarning.CALENDAR_MISSING)
    covered = WorkdayOverrides(covered_years=frozenset({2027}))
    assert deadline_status(
        CaseState.ACCEPTED, date(2027, 1, 6), None, date(2026, 12, 30), covered
    ) == DeadlineStatus(5, DeadlineWarning.NONE)  # 12/31, 1/1 (not listed off), 1/4–1/6
