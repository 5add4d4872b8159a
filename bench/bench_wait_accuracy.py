"""The wait estimate's error on an ordinary and an adversarial hall day, old rule against new.

One category served first-come-first-served by four counters, 09:00–17:00, tickets from a
Poisson process with a morning peak and a lunch dip (as ``bench_wait_estimate.py``), lognormal
service times with a mean of 8 minutes (the hall's usual time). Every ticket is served, so its
true wait (called minus taken) is known. At the moment a ticket is taken each estimator sees only
what the hall knows: the tickets waiting ahead, the services finished so far today (as recorded,
start to finish) and the counters open now.

* ordinary day: the four counters are open all day.
* adversarial day: the day's first service and four more at random take 20 seconds (an applicant
  in the wrong queue); at 10:00 counter 2 leaves its ticket open for three hours (the clerk went
  away; the counter still counts as open); counters 3 and 4 close for lunch 11:45–13:30, all
  counters are closed 12:15–12:45, and counter 4 closes for the day at 15:30.

The old rule is the estimator before issue 12, defect 6 (a 10 % trimmed mean of the last 30
services from the first one on, ``(ahead + 1) * t / max(open, 1)``), copied here; the new one is
``clerk_app.domain.wait_estimate``. The mean absolute error (MAE) is taken over the tickets taken
while a counter was open, where both give minutes; for tickets taken with no counter open the new
rule shows 暂无窗口办理 and the old one's promise is reported on its own.

Run: ``.venv/bin/python bench/bench_wait_accuracy.py [--days N] [--seed S]``
"""

from __future__ import annotations

import argparse
import math
import random
import statistics
from dataclasses import dataclass, field

from clerk_app.domain.wait_estimate import estimate_wait, typical_service_minutes

OPEN_MINUTES = 480.0  # 09:00–17:00, in minutes since opening
SERVICE_SIGMA = 0.6
SHORT_SERVICE = 20 / 60
STUCK_FOR = 180.0  # a ticket left open three hours
Interval = tuple[float, float]
ALL_DAY: list[Interval] = [(0.0, math.inf)]


@dataclass(frozen=True)
class Category:
    """A queue: its counters, its usual (mean) service time and how loaded it is."""

    name: str
    counters: int
    usual: float  # minutes; the mean of its service times and the new rule's fallback
    load: float  # arrivals over the day / the counters' capacity over the day


BUSY = Category("busy", counters=4, usual=8.0, load=0.85)  # about 200 tickets a day
QUIET = Category("quiet", counters=2, usual=15.0, load=0.4)  # about 25 tickets a day


@dataclass(frozen=True)
class Scenario:
    """How a category's day goes: its counters' open intervals, and the mishaps."""

    category: Category
    open_intervals: tuple[list[Interval], ...]
    short_services: int = 0  # 20-second services at random, besides the first one
    first_service_short: bool = False
    stuck_at: float | None = None  # counter 2's first ticket from then on is left open


def all_day(category: Category) -> Scenario:
    return Scenario(category, tuple(ALL_DAY for _ in range(category.counters)))


ORDINARY = ("ordinary", (all_day(BUSY), all_day(QUIET)))
ADVERSARIAL = (
    "adversarial",
    (
        Scenario(
            BUSY,
            (
                [(0.0, 195.0), (225.0, math.inf)],  # closed 12:15–12:45
                [(0.0, 195.0), (225.0, math.inf)],
                [(0.0, 165.0), (270.0, math.inf)],  # lunch 11:45–13:30
                [(0.0, 165.0), (270.0, 390.0)],  # and gone at 15:30
            ),
            short_services=4,
            first_service_short=True,
            stuck_at=60.0,  # 10:00
        ),
        Scenario(
            QUIET,
            (
                [(0.0, 195.0), (225.0, math.inf)],  # closed 12:15–12:45
                [(0.0, 165.0), (270.0, 390.0)],  # lunch 11:45–13:30, gone at 15:30
            ),
            short_services=2,
            first_service_short=True,
            stuck_at=0.0,  # from the start of the day
        ),
    ),
)


@dataclass
class Ticket:
    taken: float
    started: float = 0.0
    ended: float = 0.0


@dataclass
class Outcome:
    """Per ticket: the true wait, and each estimator's minutes (None: no estimate)."""

    true: list[float] = field(default_factory=list)
    old: list[float] = field(default_factory=list)
    new: list[float | None] = field(default_factory=list)
    no_counter: list[bool] = field(default_factory=list)
    few_services: list[bool] = field(default_factory=list)  # fewer than 5 finished so far
    naive: list[float] = field(default_factory=list)  # ahead × usual ÷ the category's counters

    def extend(self, other: Outcome) -> None:
        self.true += other.true
        self.old += other.old
        self.new += other.new
        self.no_counter += other.no_counter
        self.few_services += other.few_services
        self.naive += other.naive


def rate_shape(t: float) -> float:
    peak = 2.2 * math.exp(-(((t - 45.0) / 40.0) ** 2))
    lunch = -0.5 * math.exp(-(((t - 210.0) / 35.0) ** 2))
    return 1.0 + peak + lunch


MEAN_SHAPE = statistics.fmean(rate_shape(OPEN_MINUTES * (i + 0.5) / 4800) for i in range(4800))


def arrivals(rng: random.Random, category: Category) -> list[float]:
    base = category.load * category.counters / category.usual / MEAN_SHAPE
    max_rate, t, times = base * 3.3, 0.0, []
    while True:
        t += rng.expovariate(max_rate)
        if t >= OPEN_MINUTES:
            return times
        if rng.random() < base * rate_shape(t) / max_rate:
            times.append(t)


def is_open(intervals: list[Interval], t: float) -> bool:
    return any(start <= t < end for start, end in intervals)


def next_open(intervals: list[Interval], t: float) -> float:
    """The first moment at or after ``t`` when the counter is open (inf: never again)."""
    return min((max(t, start) for start, end in intervals if end > t), default=math.inf)


def simulate(rng: random.Random, scenario: Scenario) -> list[Ticket]:
    """FIFO: each ticket in turn goes to the counter that can start it first (a counter may
    start a service just before it closes, and finishes it)."""
    category = scenario.category
    mu = math.log(category.usual) - SERVICE_SIGMA**2 / 2
    tickets = [Ticket(t) for t in arrivals(rng, category)]
    short = set(rng.sample(range(1, len(tickets)), min(scenario.short_services, len(tickets) - 1)))
    if scenario.first_service_short:
        short.add(0)
    free_at = [0.0] * category.counters
    stuck_at = scenario.stuck_at
    for i, ticket in enumerate(tickets):
        starts = [
            next_open(intervals, max(ticket.taken, free))
            for intervals, free in zip(scenario.open_intervals, free_at, strict=True)
        ]
        k = min(range(category.counters), key=lambda c: (starts[c], c))
        duration = SHORT_SERVICE if i in short else rng.lognormvariate(mu, SERVICE_SIGMA)
        if stuck_at is not None and k == 1 and starts[k] >= stuck_at:
            duration, stuck_at = STUCK_FOR, None
        ticket.started = starts[k]
        ticket.ended = free_at[k] = starts[k] + duration
    return tickets


def old_estimate(ahead: int, durations: list[float], open_counters: int) -> float:
    """The rule before issue 12, defect 6, as it was in ``domain/wait_estimate.py`` (the hall's
    default 8 minutes until the first service ends, whatever the category)."""
    recent = sorted(d for d in durations[-30:] if d > 0)
    if recent:
        trim = max(1, int(len(recent) * 0.1)) if len(recent) >= 3 else 0
        avg = statistics.fmean(recent[trim : len(recent) - trim])
    else:
        avg = 8.0
    if ahead == 0:
        return 0.0
    return float(math.ceil((ahead + 1) * avg / max(open_counters, 1) - 1e-9))


def new_estimate(
    ahead: int, durations: list[float], open_counters: int, usual: float
) -> float | None:
    t = typical_service_minutes(durations, usual)
    minutes = estimate_wait(ahead, t, open_counters).minutes
    return None if minutes is None else float(minutes)


def naive_estimate(ahead: int, category: Category) -> float:
    """For scale: the textbook tickets ahead × the usual time ÷ the category's counters, with
    no service times observed and every counter taken as open."""
    return float(math.ceil(ahead * category.usual / category.counters))


def observe(tickets: list[Ticket], scenario: Scenario) -> Outcome:
    """Each ticket's estimates from what the hall knew when it was taken."""
    out = Outcome()
    finished = sorted(tickets, key=lambda k: k.ended)
    for i, ticket in enumerate(tickets):
        now = ticket.taken
        durations = [k.ended - k.started for k in finished if k.ended <= now]
        ahead = sum(1 for k in tickets[:i] if k.started > now)
        open_counters = sum(is_open(intervals, now) for intervals in scenario.open_intervals)
        out.true.append(ticket.started - now)
        out.old.append(old_estimate(ahead, durations, open_counters))
        out.new.append(new_estimate(ahead, durations, open_counters, scenario.category.usual))
        out.no_counter.append(open_counters == 0)
        out.few_services.append(len(durations) < 5)
        out.naive.append(naive_estimate(ahead, scenario.category))
    return out


def report(label: str, out: Outcome) -> None:
    served = [i for i, none in enumerate(out.no_counter) if not none]
    closed = [i for i, none in enumerate(out.no_counter) if none]
    old_err = {i: abs(out.old[i] - out.true[i]) for i in served}
    new_err = {i: abs((out.new[i] or 0.0) - out.true[i]) for i in served}
    early = [i for i in served if out.few_services[i]]
    print(
        f"{label:<20} {len(served):>8} {statistics.fmean(out.true[i] for i in served):>10.1f}"
        f" {statistics.fmean(old_err.values()):>8.2f} {statistics.fmean(new_err.values()):>8.2f}"
        f" {max(old_err.values()):>8.0f} {max(new_err.values()):>8.0f}"
        f" {len(early):>6} {statistics.fmean(old_err[i] for i in early):>6.2f}"
        f" {statistics.fmean(new_err[i] for i in early):>6.2f}"
    )
    if closed:
        old_closed_err = statistics.fmean(abs(out.old[i] - out.true[i]) for i in closed)
        shown = sum(out.new[i] is not None for i in closed)
        print(
            f"{'':<20} + {len(closed)} taken with no counter open (true wait mean"
            f" {statistics.fmean(out.true[i] for i in closed):.1f} min): old promised mean"
            f" {statistics.fmean(out.old[i] for i in closed):.1f} min, MAE {old_closed_err:.2f};"
            f" new: 暂无窗口办理 on {len(closed) - shown}, minutes on {shown}"
        )


def measure(days: int, seed: int) -> dict[str, float]:
    """MAE in minutes of the estimator and of the naive estimate, per kind of day, over the
    tickets taken while a counter of their category was open."""
    result: dict[str, float] = {}
    for name, scenarios in (ORDINARY, ADVERSARIAL):
        rng = random.Random(seed)  # both kinds of day start from the same draws
        day = Outcome()
        for scenario in scenarios:
            for _ in range(days):
                day.extend(observe(simulate(rng, scenario), scenario))
        served = [i for i, none in enumerate(day.no_counter) if not none]
        new = statistics.fmean(abs((day.new[i] or 0.0) - day.true[i]) for i in served)
        naive = statistics.fmean(abs(day.naive[i] - day.true[i]) for i in served)
        prefix = "wait_estimate" if name == "ordinary" else f"wait_estimate_{name}"
        result[f"{prefix}_mae_min"] = new
        result[f"{prefix}_naive_mae_min"] = naive
        result[f"{prefix}_tickets"] = len(served)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=50, help="simulated days of each kind")
    parser.add_argument("--seed", type=int, default=20261203)
    args = parser.parse_args()
    print(f"{args.days} simulated days of each kind; minutes; tickets taken with a counter open")
    print(
        f"{'day / category':<20} {'tickets':>8} {'mean wait':>10} {'MAE old':>8}"
        f" {'MAE new':>8} {'max old':>8} {'max new':>8}   < 5 services done: tickets, MAE old, new"
    )
    for name, scenarios in (ORDINARY, ADVERSARIAL):
        rng = random.Random(args.seed)  # both kinds of day start from the same draws
        day = Outcome()
        for scenario in scenarios:
            out = Outcome()
            for _ in range(args.days):
                out.extend(observe(simulate(rng, scenario), scenario))
            report(f"{name} / {scenario.category.name}", out)
            day.extend(out)
        report(f"{name} / both", day)


if __name__ == "__main__":
    main()
