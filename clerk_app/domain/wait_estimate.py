"""How long a newly taken ticket will wait (等候时长): a pure estimator for the kiosk and screens.

The model is a first-come-first-served queue with ``open_counters`` identical counters. When
``ahead`` tickets are waiting in front of you, the counters are all busy (otherwise they would be
calling), so you are called after ``ahead + 1`` more services end; with ``c`` counters ending one
service every ``avg / c`` minutes on average, that is ``(ahead + 1) * avg / c`` minutes. With
nobody ahead we cannot tell from these inputs whether a counter is free, and the kiosk should not
promise a wait the applicant may not have: the estimate is then 0 (``ahead * avg / c``, the same
formula without the ``+ 1``). ``bench/bench_wait_estimate.py`` measures the error of this choice
against a simulated hall day.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from clerk_app.errors import ValidationError

# Share of the recent durations dropped at each end. In the benchmark a plain mean is 0.02 min
# better on clean data and a median 0.9 min worse (it underestimates a right-skewed service
# time); 10 % keeps nearly all of the mean's accuracy and survives a ticket left open for hours.
_TRIM_FRACTION = 0.1


@dataclass(frozen=True)
class WaitEstimate:
    """Tickets waiting ahead of you, and the expected wait in whole minutes (rounded up)."""

    ahead: int
    minutes: int


def recent_service_minutes(
    durations: Sequence[float], default: float = 8.0, window: int = 30
) -> float:
    """The typical length of one service now, in minutes, from recent service durations.

    ``durations`` are in chronological order (the last one ended most recently); only the last
    ``window`` count. Non-positive and non-finite values are ignored. The result is a trimmed
    mean that drops the top and bottom 10 % (at least one value at each end once there are three
    or more), so one forgotten ticket left open for two hours does not double the estimate, while
    the long right tail of real service times still counts. ``default`` when nothing is usable.
    """
    if window < 1:
        raise ValidationError("统计窗口至少为 1。", "The window must be at least 1.")
    if not math.isfinite(default) or default < 0:
        raise ValidationError(
            "默认办理时长必须是非负数。", "The default service time must be a non-negative number."
        )
    recent = [float(d) for d in durations[-window:] if math.isfinite(d) and d > 0]
    if not recent:
        return default
    recent.sort()
    trim = max(1, int(len(recent) * _TRIM_FRACTION)) if len(recent) >= 3 else 0
    kept = recent[trim : len(recent) - trim]
    return statistics.fmean(kept)


def estimate_wait(ahead: int, avg_service_minutes: float, open_counters: int) -> WaitEstimate:
    """Expected wait for a ticket with ``ahead`` tickets in front of it.

    ``open_counters`` is the number of counters open (not paused, online) that serve the
    ticket's category. With none open the estimate is still a number, computed as if one
    counter were open: the kiosk shows a wait rather than nothing, and the hall is expected to
    open a counter. Minutes are rounded up: with someone ahead the estimate is never 0 minutes
    (unless services take no time at all).
    """
    if ahead < 0:
        raise ValidationError(
            "等候人数不能为负数。", "The number waiting ahead cannot be negative."
        )
    if not math.isfinite(avg_service_minutes) or avg_service_minutes < 0:
        raise ValidationError(
            "平均办理时长必须是非负数。", "The average service time must be a non-negative number."
        )
    if open_counters < 0:
        raise ValidationError(
            "开放窗口数不能为负数。", "The number of open counters cannot be negative."
        )
    if ahead == 0:
        return WaitEstimate(ahead=0, minutes=0)
    counters = max(open_counters, 1)
    exact = (ahead + 1) * avg_service_minutes / counters
    # Subtract a hair so that float noise (3 * 8.0 / 3 = 8.000000000000002) does not add a minute.
    return WaitEstimate(ahead=ahead, minutes=max(0, math.ceil(exact - 1e-9)))
