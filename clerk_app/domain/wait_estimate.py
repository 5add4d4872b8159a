"""How long a newly taken ticket will wait (等候时长): a pure estimator for the kiosk and screens.

The model is a first-come-first-served queue with ``open_counters`` identical counters. When
``ahead`` tickets are waiting in front of you, the counters are all busy (otherwise they would be
calling), so you are called after ``ahead + 1`` more services end; with ``c`` counters ending one
service every ``t / c`` minutes on average, that is ``(ahead + 1) * t / c`` minutes. With
nobody ahead we cannot tell from these inputs whether a counter is free, and the kiosk should not
promise a wait the applicant may not have: the estimate is then 0.

``t``, the length of one service, comes from ``typical_service_minutes``. It never trusts a few
services: a ticket finished after 20 seconds or left open for three hours used to set the whole
hall's estimate (issue 12, defect 6). The rule, in order:

1. The last ``window`` (30) services of the category finished today count; durations that are
   not positive and finite are ignored.
2. With fewer than ``min_samples`` (5) of them, ``t`` is the category's usual service time (the
   hall setting ``queue.service_minutes`` for the category, else the hall's
   ``queue.default_service_minutes``, 8 minutes).
3. Otherwise each duration is clamped into ``[usual / 3, usual * 3]``, so ``t`` always lies in
   that band: a run of instant "services" cannot promise a wait near zero, and a ticket left open
   cannot multiply the wait beyond three times the usual.
4. ``t`` is the mean of what is left after dropping the shortest and longest 10 % (at least one at
   each end): a plain mean is slightly better on clean data, a median underestimates a right-skewed
   service time (``bench/bench_wait_estimate.py``: 0.02 min and 0.9 min). The error of the whole
   rule on ordinary and adversarial days is measured by ``bench/bench_wait_accuracy.py``.

When no counter is open now that serves the category (paused, offline and signed-off counters do
not count), nobody will be called: there is no estimate (``WaitEstimate.minutes`` is ``None``) and
the screens and the ticket say 暂无窗口办理 instead of promising minutes.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from clerk_app.errors import ValidationError

#: Share of the recent durations dropped at each end (at least one once there are three or more).
TRIM_FRACTION = 0.1
#: Fewer finished services than this, and the category's usual service time is used instead.
MIN_SAMPLES = 5
#: Only the most recent services count.
WINDOW = 30
#: Each duration is clamped into [usual / CLAMP_FACTOR, usual * CLAMP_FACTOR].
CLAMP_FACTOR = 3.0
#: The hall's usual service time when neither the hall nor the category sets one.
DEFAULT_USUAL_MINUTES = 8.0


@dataclass(frozen=True)
class WaitEstimate:
    """Tickets waiting ahead of you, and the expected wait in whole minutes (rounded up);
    ``minutes`` is ``None`` when no open counter serves the category (暂无窗口办理)."""

    ahead: int
    minutes: int | None

    @property
    def no_counter_open(self) -> bool:
        return self.minutes is None


def _check_usual(usual: float) -> None:
    if not math.isfinite(usual) or usual <= 0:
        raise ValidationError(
            "常规办理时长必须是正数。", "The usual service time must be a positive number."
        )


def usual_service_minutes(per_category: object, prefix: str, hall_default: float) -> float:
    """The category's usual service time: its own entry in ``per_category`` (a mapping of
    category prefix to minutes, the hall setting ``queue.service_minutes``) if that is a positive
    number, else ``hall_default``. A malformed setting falls back rather than stopping the kiosk."""
    _check_usual(hall_default)
    value = per_category.get(prefix) if isinstance(per_category, dict) else None
    if isinstance(value, bool) or not isinstance(value, int | float):
        return hall_default
    return float(value) if math.isfinite(value) and value > 0 else hall_default


def typical_service_minutes(
    durations: Sequence[float],
    usual: float = DEFAULT_USUAL_MINUTES,
    *,
    min_samples: int = MIN_SAMPLES,
    window: int = WINDOW,
) -> float:
    """The length of one service now, in minutes, from the category's finished services.

    ``durations`` are in chronological order (the last one ended most recently). The rule is the
    module's: the last ``window`` usable ones; ``usual`` with fewer than ``min_samples``;
    otherwise clamped into ``[usual / 3, usual * 3]`` and a 10 % trimmed mean. The result always
    lies in that band.
    """
    if window < 1 or min_samples < 1:
        raise ValidationError(
            "统计窗口和最少样本数至少为 1。",
            "The window and the minimum samples must be at least 1.",
        )
    _check_usual(usual)
    recent = [float(d) for d in durations[-window:] if math.isfinite(d) and d > 0]
    if len(recent) < min_samples:
        return usual
    low, high = usual / CLAMP_FACTOR, usual * CLAMP_FACTOR
    clamped = sorted(min(max(d, low), high) for d in recent)
    trim = max(1, int(len(clamped) * TRIM_FRACTION)) if len(clamped) >= 3 else 0
    return statistics.fmean(clamped[trim : len(clamped) - trim])


def estimate_wait(ahead: int, service_minutes: float, open_counters: int) -> WaitEstimate:
    """Expected wait for a ticket with ``ahead`` tickets in front of it.

    ``open_counters`` is the number of counters open now (not paused, online, signed in) that
    serve the ticket's category; the services ahead are shared among them. With none open there
    is no estimate (``minutes`` is ``None``): no one will be called until a counter opens.
    Minutes are rounded up: with someone ahead the estimate is never 0 minutes.
    """
    if ahead < 0:
        raise ValidationError(
            "等候人数不能为负数。", "The number waiting ahead cannot be negative."
        )
    if not math.isfinite(service_minutes) or service_minutes < 0:
        raise ValidationError(
            "平均办理时长必须是非负数。", "The average service time must be a non-negative number."
        )
    if open_counters < 0:
        raise ValidationError(
            "开放窗口数不能为负数。", "The number of open counters cannot be negative."
        )
    if open_counters == 0:
        return WaitEstimate(ahead=ahead, minutes=None)
    if ahead == 0:
        return WaitEstimate(ahead=0, minutes=0)
    exact = (ahead + 1) * service_minutes / open_counters
    # Subtract a hair so that float noise (3 * 8.0 / 3 = 8.000000000000002) does not add a minute.
    return WaitEstimate(ahead=ahead, minutes=max(0, math.ceil(exact - 1e-9)))
