"""The kiosk's wait estimate: the usual and the typical service time, and the queue formula."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clerk_app.domain.wait_estimate import (
    WaitEstimate,
    estimate_wait,
    typical_service_minutes,
    usual_service_minutes,
)
from clerk_app.errors import ValidationError

# --- usual_service_minutes ---------------------------------------------------------------


def test_a_category_setting_comes_before_the_hall_default() -> None:
    assert usual_service_minutes({"C": 15, "A": 5.5}, "C", 8.0) == 15.0
    assert usual_service_minutes({"C": 15, "A": 5.5}, "A", 8.0) == 5.5
    assert usual_service_minutes({"C": 15}, "B", 8.0) == 8.0
    assert usual_service_minutes({}, "B", 10.0) == 10.0


def test_a_malformed_category_setting_falls_back_to_the_hall_default() -> None:
    for bad in ({"C": "15"}, {"C": 0}, {"C": -3}, {"C": math.nan}, {"C": True}, ["C"], None):
        assert usual_service_minutes(bad, "C", 8.0) == 8.0


def test_a_bad_hall_default_is_refused() -> None:
    for bad in (0.0, -1.0, math.nan, math.inf):
        with pytest.raises(ValidationError):
            usual_service_minutes({}, "C", bad)


# --- typical_service_minutes -------------------------------------------------------------


def test_no_history_gives_the_usual_time() -> None:
    assert typical_service_minutes([]) == 8.0
    assert typical_service_minutes([], usual=12.5) == 12.5


def test_one_short_service_does_not_set_the_time() -> None:
    """Issue 12, defect 6: one 20-second service made 5 waiting show about a minute."""
    assert typical_service_minutes([20 / 60]) == 8.0
    assert estimate_wait(5, typical_service_minutes([20 / 60]), 1).minutes == 48


def test_a_ticket_left_open_for_hours_does_not_set_the_time() -> None:
    """Issue 12, defect 6: one ticket left open 3 hours made 4 waiting show 226 minutes."""
    assert typical_service_minutes([180.0]) == 8.0
    assert typical_service_minutes([8.0, 180.5]) == 8.0
    ordinary = [7.0, 9.0, 8.0, 6.0, 10.0, 8.0, 7.5, 8.5, 9.0, 7.0]
    assert 7.0 <= typical_service_minutes([*ordinary, 240.0]) <= 9.0
    # Even two of five open for hours count at most three times the usual time each.
    assert typical_service_minutes([8.0, 8.0, 8.0, 180.0, 180.0]) == pytest.approx(40 / 3)


def test_fewer_than_five_services_give_the_usual_time() -> None:
    assert typical_service_minutes([5.0, 5.0, 5.0, 5.0], usual=10.0) == 10.0
    assert typical_service_minutes([5.0] * 5, usual=10.0) == 5.0
    assert typical_service_minutes([5.0, 5.0], usual=10.0, min_samples=2) == 5.0


def test_unusable_durations_are_ignored() -> None:
    assert typical_service_minutes([0.0, -3.0, math.nan, math.inf]) == 8.0
    assert typical_service_minutes([0.0, 6.0, -1.0, 6.0, 6.0, 6.0, 6.0]) == 6.0


def test_durations_are_clamped_to_a_third_and_three_times_the_usual_time() -> None:
    assert typical_service_minutes([0.1] * 10, usual=9.0) == 3.0
    assert typical_service_minutes([500.0] * 10, usual=9.0) == 27.0


def test_trimmed_mean_of_twenty_drops_two_at_each_end() -> None:
    durations = [1.0, 2.0] + [10.0] * 16 + [50.0, 90.0]
    assert typical_service_minutes(durations) == 10.0
    # Not a median: the right tail of real service times still counts.
    assert typical_service_minutes([4.0, 5.0, 6.0, 6.0, 14.0, 15.0, 16.0]) > 9.0


def test_only_the_last_window_counts() -> None:
    old = [20.0] * 50
    new = [5.0] * 30
    assert typical_service_minutes(old + new) == 5.0
    assert typical_service_minutes(old + new[:5], window=5) == 5.0
    assert typical_service_minutes([5.0] * 10 + [20.0], window=1, min_samples=1) == 20.0


def test_bad_settings_are_refused() -> None:
    with pytest.raises(ValidationError):
        typical_service_minutes([5.0], window=0)
    with pytest.raises(ValidationError):
        typical_service_minutes([5.0], min_samples=0)
    for bad in (0.0, -1.0, math.nan):
        with pytest.raises(ValidationError):
            typical_service_minutes([], usual=bad)


@given(
    st.lists(st.floats(min_value=0.01, max_value=600.0), max_size=80),
    st.floats(min_value=0.5, max_value=60.0),
)
def test_the_time_is_bounded_by_the_usual_time(durations: list[float], usual: float) -> None:
    t = typical_service_minutes(durations, usual)
    assert usual / 3 - 1e-9 <= t <= usual * 3 + 1e-9
    if len(durations) >= 5:
        recent = durations[-30:]
        assert min(min(recent), usual * 3) - 1e-9 <= t <= max(max(recent), usual / 3) + 1e-9


@given(st.floats(min_value=3.0, max_value=24.0), st.integers(min_value=5, max_value=40))
def test_equal_durations_in_the_band_give_that_duration(duration: float, count: int) -> None:
    assert typical_service_minutes([duration] * count) == pytest.approx(duration)


# --- estimate_wait -------------------------------------------------------------------------


def test_nobody_ahead_means_no_wait() -> None:
    assert estimate_wait(0, 8.0, 3) == WaitEstimate(ahead=0, minutes=0)
    assert estimate_wait(0, 8.0, 1) == WaitEstimate(ahead=0, minutes=0)


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


def test_no_open_counter_gives_no_estimate() -> None:
    """Issue 12, defect 6: with no counter open the estimate still promised minutes."""
    assert estimate_wait(3, 8.0, 0) == WaitEstimate(ahead=3, minutes=None)
    assert estimate_wait(0, 8.0, 0).no_counter_open
    assert not estimate_wait(3, 8.0, 1).no_counter_open


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
    if counters == 0:
        assert estimate.minutes is None
        return
    assert estimate.minutes is not None and estimate.minutes >= 0
    assert (estimate_wait(ahead + 1, avg, counters).minutes or 0) >= estimate.minutes
    assert (estimate_wait(ahead, avg, counters + 1).minutes or 0) <= estimate.minutes
    if ahead > 0:
        exact = (ahead + 1) * avg / counters
        assert exact - 1e-6 <= estimate.minutes < exact + 1
