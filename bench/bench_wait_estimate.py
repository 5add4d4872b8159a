"""How wrong is the kiosk's wait estimate? Simulates hall days and prints the mean absolute error.

Each simulated day: one category served first-come-first-served by ``c`` counters (c = 1…8),
tickets taken from 09:00 to 17:00 by a non-homogeneous Poisson process with a morning peak
around 09:45 and a lunch dip, lognormal service times (mean 8 min). For every ticket the
estimator is given only what the hall knows at the moment the ticket is taken: the number of
tickets waiting ahead, the durations of services already finished, and the number of open
counters. The prediction is compared with the wait the ticket actually had in the simulation.

Run: ``.venv/bin/python bench/bench_wait_estimate.py [--days N] [--seed S]``
"""

from __future__ import annotations

import argparse
import bisect
import heapq
import math
import random
import statistics
from collections.abc import Callable
from dataclasses import dataclass

from clerk_app.domain.wait_estimate import estimate_wait, typical_service_minutes

OPEN_MINUTES = 480.0  # 09:00–17:00, minutes since opening
MEAN_SERVICE = 8.0
SERVICE_SIGMA = 0.6  # lognormal shape: coefficient of variation about 0.66
TARGET_LOAD = 0.85  # arrivals over the day / counter capacity over the day


@dataclass(frozen=True)
class Ticket:
    taken: float  # minutes since opening
    started: float
    ended: float


def rate_shape(t: float) -> float:
    """Relative arrival intensity at minute t: a morning peak, a lunch dip, a flat afternoon."""
    peak = 2.2 * math.exp(-(((t - 45.0) / 40.0) ** 2))
    lunch = -0.5 * math.exp(-(((t - 210.0) / 35.0) ** 2))
    return 1.0 + peak + lunch


def _mean_shape() -> float:
    steps = 4800
    return sum(rate_shape(OPEN_MINUTES * (i + 0.5) / steps) for i in range(steps)) / steps


def arrivals(rng: random.Random, counters: int, mean_shape: float) -> list[float]:
    """Ticket times by thinning a Poisson process whose mean load is TARGET_LOAD."""
    base = TARGET_LOAD * counters / MEAN_SERVICE / mean_shape  # tickets per minute at shape 1
    max_rate = base * 3.3
    times: list[float] = []
    t = 0.0
    while True:
        t += rng.expovariate(max_rate)
        if t >= OPEN_MINUTES:
            return times
        if rng.random() < base * rate_shape(t) / max_rate:
            times.append(t)


def simulate_day(rng: random.Random, counters: int, mean_shape: float) -> list[Ticket]:
    """FIFO service by identical counters; every ticket taken is served, even after 17:00."""
    mu = math.log(MEAN_SERVICE) - SERVICE_SIGMA**2 / 2
    free_at = [0.0] * counters
    tickets: list[Ticket] = []
    for taken in arrivals(rng, counters, mean_shape):
        started = max(taken, heapq.heappop(free_at))
        ended = started + rng.lognormvariate(mu, SERVICE_SIGMA)
        heapq.heappush(free_at, ended)
        tickets.append(Ticket(taken, started, ended))
    return tickets


Predictor = Callable[[int, float, int], float]


def predictions(tickets: list[Ticket], counters: int, predict: Predictor) -> list[float]:
    """Each ticket's predicted wait, from what was observable when it was taken."""
    finished = sorted(tickets, key=lambda k: k.ended)
    end_times = [k.ended for k in finished]
    durations = [k.ended - k.started for k in finished]
    starts = [k.started for k in tickets]  # nondecreasing under FIFO
    out: list[float] = []
    for i, ticket in enumerate(tickets):
        done = bisect.bisect_right(end_times, ticket.taken)
        avg = typical_service_minutes(durations[:done])
        # Tickets taken earlier and not yet called; starts are sorted, so one bisect suffices.
        ahead = i - bisect.bisect_right(starts, ticket.taken, 0, i)
        out.append(predict(ahead, avg, counters))
    return out


def kiosk_estimate(ahead: int, avg: float, counters: int) -> float:
    minutes = estimate_wait(ahead, avg, counters).minutes
    assert minutes is not None  # counters >= 1 throughout this bench
    return float(minutes)


def naive_estimate(ahead: int, avg: float, counters: int) -> float:
    """For scale: the textbook ahead × average ÷ counters, rounded up."""
    return float(math.ceil(ahead * avg / max(counters, 1)))


def absolute_errors(predicted: list[float], actual: list[float]) -> list[float]:
    return [abs(p - a) for p, a in zip(predicted, actual, strict=True)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=20, help="simulated days per counter count")
    parser.add_argument("--seed", type=int, default=20260105)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    mean_shape = _mean_shape()
    all_actual: list[float] = []
    all_errors: list[float] = []
    all_naive_errors: list[float] = []
    print(f"{'counters':>8} {'tickets':>8} {'median wait':>12} {'MAE':>8} {'naive MAE':>10}")
    for counters in range(1, 9):
        actual: list[float] = []
        errors: list[float] = []
        naive_errors: list[float] = []
        for _ in range(args.days):
            day = simulate_day(rng, counters, mean_shape)
            waits = [k.started - k.taken for k in day]
            actual += waits
            errors += absolute_errors(predictions(day, counters, kiosk_estimate), waits)
            naive_errors += absolute_errors(predictions(day, counters, naive_estimate), waits)
        print(
            f"{counters:>8} {len(actual):>8} {statistics.median(actual):>12.1f}"
            f" {statistics.fmean(errors):>8.2f} {statistics.fmean(naive_errors):>10.2f}"
        )
        all_actual += actual
        all_errors += errors
        all_naive_errors += naive_errors
    print()
    print(f"tickets simulated:           {len(all_actual)}")
    print(f"median actual wait:          {statistics.median(all_actual):.1f} min")
    print(f"mean actual wait:            {statistics.fmean(all_actual):.1f} min")
    print(f"MAE of estimate_wait:        {statistics.fmean(all_errors):.2f} min")
    print(f"MAE of ahead*avg/counters:   {statistics.fmean(all_naive_errors):.2f} min")


if __name__ == "__main__":
    main()
