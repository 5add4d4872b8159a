"""The kiosk's wait estimate: the robust recent service time and the queue formula."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clerk_app.domain.wait_estimate import WaitEstimate, estimate_wait, recent_service_minutes
from clerk_app.errors import ValidationError

# --- recent_service_minutes --------------------------------------------------------------


def test_no_history_gives_the_default() -> None:
    assert recent_service_minutes([]) == 8.0
    assert recent_service_minutes([], default=12.5) == 12.5


def test_unusable_durations_are_ignored() -> None:
    assert recent_service_minutes([0.0, -3.0, math.nan, math.inf]) == 8.0
    assert recent_service_minutes([0.0, 6.0, -1.0]) == 6.0


def test_one_or_two_durations_are_averaged() -> None:
    assert recent_service_minutes([5.0]) == 5.0
    assert recent_service_minutes([4.0, 10.0]) == 7.0


def test_three_durations_give_the_middle_one() -> None:
    assert recent_service_minutes([4.0, 120.0, 6.0]) == 6.0


def test_a_ticket_left_open_for_hours_barely_moves_the_estimate() -> None:
    durations = [7.0, 9.0, 8.0, 6.0, 10.0, 8.0, 7.5, 8.5, 9.0, 7.0, 240.0]
    assert 7.0 <= recent_service_minutes(durations) <= 9.0
    # A plain mean would say about 29 minutes.
    assert sum(durations) / len(durations) > 28


def test_trimmed_mean_of_twenty_drops_two_at_each_end() -> None:
    durations = [1.0, 2.0] + [10.0] * 16 + [50.0, 90.0]
    assert recent_service_minutes(durations) == 10.0


def test_only_the_last_window_counts() -> None:
    old = [30.0] * 50
    new = [5.0] * 30
    assert recent_service_minutes(old + new) == 5.0
    assert recent_service_minutes(old + new[:3], window=3) == 5.0
    assert recent_service_minutes([5.0, 5.0, 5.0, 30.0], window=1) == 30.0


def test_bad_settings_are_refused() -> None:
    with pytest.raises(ValidationError):
        recent_service_minutes([5.0], window=0)
    with pytest.raises(ValidationError):
        recent_service_minutes([], default=-1.0)
    with pytest.raises(ValidationError):
        recent_service_minutes([], default=math.nan)


@given(st.lists(st.floats(min_value=0.1, max_value=600.0), min_size=1, max_size=80))
def test_estimate_lies_within_the_recent_durations(durations: list[float]) -> None:
    recent = durations[-30:]
    assert min(recent) - 1e-9 <= recent_service_minutes(durations) <= max(recent) + 1e-9


@given(st.floats(min_value=0.1, max_value=600.0), st.integers(min_value=1, max_value=40))
def test_equal_durations_give_that_duration(duration: float, count: int) -> None:
    assert recent_service_minutes([duration] * count) == pytest.approx(duration)


# --- estimate_wait -------------------------------------------------------------------------


def test_nobody_ahead_means_no_wait() -> None:
    assert estimate_wait(0, 8.0, 3) == WaitEstimate(ahead=0, minutes=0)
    assert estimate_wait(0, 8.0, 0) == WaitEstimate(ahead=0, minutes=0)


def test_wait_counts_the_services_ahead_and_the_one_in_progress() -> None:
    # Two ahead, one counter: the current service, then the two ahead.
    assert estimate_wait(2, 8.0, 1) == WaitEstimate(ahead=2, minutes=24)
    # Five ahead, three counters: six services end, three at a time.
    assert estimate_wait(5, 8.0, 3) == WaitEstimate(ahead=5, minutes=16)


def test_minutes_are_rounded_up() -> None:
    assert estimate_wait(1, 7.5, 4).minutes == 4  # 3.75
    assert estimate_wait(1, 6.1, 1).minutes == 13  # 12.2


def test_exact_results_are_not_pushed_up_by_float_noise() -> None:
    assert estimate_wait(2, 8.0, 3).minutes == 8
    assert estimate_wait(9, 0.7, 1).minutes == 7


def test_no_open_counter_is_estimated_as_one() -> None:
    assert estimate_wait(3, 8.0, 0) == estimate_wait(3, 8.0, 1)
    assert estimate_wait(3, 8.0, 0).minutes == 32


def test_bad_inputs_are_refused() -> None:
    with pytest.raises(ValidationError):
        estimate_wait(-1, 8.0, 1)
    with pytest.raises(ValidationError):
        estimate_wait(1, -8.0, 1)
    with pytest.raises(ValidationError):
        estimate_wait(1, math.inf, 1)
    with pytest.raises(ValidationError):
        estimate_wait(1, 8.0, -1)


@given(
    st.integers(min_value=0, max_value=500),
    st.floats(min_value=0.0, max_value=120.0),
    st.integers(min_value=0, max_value=100),
)
def test_wait_grows_with_the_queue_and_shrinks_with_counters(
    ahead: int, avg: float, counters: int
) -> None:
    estimate = estimate_wait(ahead, avg, counters)
    assert estimate.ahead == ahead
    assert estimate.minutes >= 0
    assert estimate_wait(ahead + 1, avg, counters).minutes >= estimate.minutes
    assert estimate_wait(ahead, avg, counters + 1).minutes <= estimate.minutes
    if ahead > 0:
        exact = (ahead + 1) * avg / max(counters, 1)
        assert exact - 1e-6 <= estimate.minutes < exact + 1
