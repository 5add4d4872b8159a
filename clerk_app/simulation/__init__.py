"""A simulated hall day through the real services, to compare staffing plans (``clerk
simulate``) and to measure the wait estimate (the bench).

    from clerk_app.simulation import run_day
    report = run_day(tickets=300, counters=6, seed=1)   # a temporary SQLite hall
    report.wait_estimate_mae_min, report.naive_mae_min, report.elapsed_s

Qt-free; never touches a hall's real database: it runs on a new temporary SQLite file, or on a
database it is given that holds no ticket or case yet.
"""

from __future__ import annotations

import random
import tempfile
import time as perf
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from pathlib import Path

from clerk_app.api import open_hall
from clerk_app.demo import hall_data
from clerk_app.demo.catalog_data import CATEGORIES
from clerk_app.errors import ValidationError
from clerk_app.hall_time import to_utc
from clerk_app.simulation.day import NAIVE_MINUTES, SimClock, SimulatedDay
from clerk_app.simulation.demand import Demand, draw_visits
from clerk_app.simulation.hall_setup import prepare_hall, require_empty, staff_counters
from clerk_app.simulation.plan import (
    MAX_COUNTER_NUMBER,
    CounterShift,
    PlanError,
    StaffingPlan,
    load_plan,
    plan_from_dict,
    save_plan,
)
from clerk_app.simulation.report import DayReport, as_dict, side_by_side

# A busy hall (DOMAIN.md: 600–10,000 visits a day, 50–100 counters).
BUSY_TICKETS, BUSY_COUNTERS = 10_000, 100
# What ``clerk simulate`` runs without options: a size that finishes within a minute on a
# 2-core PC (see the README's simulation section for the measured rate).
DEFAULT_TICKETS, DEFAULT_COUNTERS = 1_200, 12
DEFAULT_SEED = 20261124
# A Tuesday the bundled holiday calendar covers; further plans run on the next weekdays (the
# due dates of the day's cases stay within 2026, so no calendar year has to be entered).
FIRST_DAY = date(2026, 11, 24)
MAX_PLANS = 6

__all__ = [
    "BUSY_COUNTERS",
    "BUSY_TICKETS",
    "DEFAULT_COUNTERS",
    "DEFAULT_SEED",
    "DEFAULT_TICKETS",
    "NAIVE_MINUTES",
    "CounterShift",
    "DayReport",
    "Demand",
    "PlanError",
    "StaffingPlan",
    "as_dict",
    "default_plan",
    "load_plan",
    "plan_from_dict",
    "run_day",
    "run_days",
    "save_plan",
    "side_by_side",
]


def default_plan(counters: int = DEFAULT_COUNTERS, demand: Demand | None = None) -> StaffingPlan:
    """The demo hall's staffing grown (or cut) to ``counters``: its pattern of 8 integrated
    counters and 4 departmental ones repeated, every counter open all day."""
    if not 1 <= counters <= MAX_COUNTER_NUMBER:
        raise PlanError(
            f"窗口数应在 1 至 {MAX_COUNTER_NUMBER} 之间。",
            f"The counters must number 1 to {MAX_COUNTER_NUMBER}.",
        )
    demand = demand or Demand()
    every = tuple(prefix for prefix, _ in CATEGORIES)
    pattern = [hall_data.COUNTERS[n][1] or every for n in sorted(hall_data.COUNTERS)]
    groups: dict[tuple[str, ...], list[int]] = {}
    for n in range(1, counters + 1):
        groups.setdefault(tuple(pattern[(n - 1) % len(pattern)]), []).append(n)
    shifts = tuple(
        CounterShift(tuple(numbers), categories, demand.opens)
        for categories, numbers in sorted(groups.items(), key=lambda g: g[1][0])
    )
    return StaffingPlan(f"default-{counters}", shifts)


def run_day(
    database_url: str | None = None,
    plan: StaffingPlan | None = None,
    *,
    tickets: int = DEFAULT_TICKETS,
    counters: int = DEFAULT_COUNTERS,
    seed: int = DEFAULT_SEED,
    demand: Demand | None = None,
) -> DayReport:
    """One simulated day (``plan``, else ``default_plan(counters)``); see ``run_days``."""
    demand = demand or Demand(tickets=tickets)
    [report] = run_days(
        [plan or default_plan(counters, demand)],
        database_url=database_url,
        demand=demand,
        seed=seed,
    )
    return report


def run_days(
    plans: Sequence[StaffingPlan],
    *,
    database_url: str | None = None,
    demand: Demand | None = None,
    seed: int = DEFAULT_SEED,
) -> list[DayReport]:
    """Each plan's day with the same applicants (same seed), one after another on one database:
    a new temporary SQLite file, or ``database_url`` if it holds no ticket or case (refused
    otherwise, with nothing written). Plan ``k`` runs on the ``k``-th weekday from
    ``FIRST_DAY``. Raises ``ValidationError`` (bilingual) for a plan the hall cannot staff,
    before any day runs."""
    demand = demand or Demand()
    if not plans or len(plans) > MAX_PLANS:
        raise ValidationError(
            f"一次比较 1 至 {MAX_PLANS} 个排班方案。", f"Compare 1 to {MAX_PLANS} plans at once."
        )
    if demand.tickets < 1 or demand.open_seconds <= 0:
        raise ValidationError("号票数应至少为 1。", "At least one ticket is needed.")
    _check_categories(plans)  # before any database is opened: a bad plan changes nothing
    with _scratch(database_url) as (url, keys):
        clock = SimClock(to_utc(datetime.combine(FIRST_DAY, time(7, 0))))
        hall = open_hall(url, clock=clock, pii_keys=keys)
        try:
            require_empty(hall)
            started = perf.perf_counter()
            items = prepare_hall(hall, FIRST_DAY)
            seeded_s = perf.perf_counter() - started
            catalog = hall.system().catalog
            infos = {i.code: catalog.get_item(i.code) for i in items}
            reports = []
            day = FIRST_DAY
            for plan in plans:
                clock.now = to_utc(datetime.combine(day, time(7, 0)))
                started = perf.perf_counter()
                clerks = staff_counters(hall, plan)
                visits = draw_visits(random.Random(seed), demand, items)
                sim = SimulatedDay(
                    hall, clock, plan, clerks, visits, day, demand.opens, demand.closes, infos
                )
                setup_s = perf.perf_counter() - started + seeded_s
                reports.append(replace(sim.run(), setup_s=setup_s))
                seeded_s = 0.0
                day = _next_weekday(day)
            return reports
        finally:
            hall.close()


def _check_categories(plans: Sequence[StaffingPlan]) -> None:
    known = {prefix for prefix, _ in CATEGORIES}
    for plan in plans:
        for shift in plan.shifts:
            for p in shift.categories:
                if p not in known:
                    where = plan.source or plan.name
                    raise PlanError(
                        f"排班方案 {where}：业务类别 {p} 在演示大厅不存在"
                        f"（现有：{'、'.join(sorted(known))}）。",
                        f"Staffing plan {where}: category {p} is not one of the demo hall's "
                        f"({', '.join(sorted(known))}).",
                    )


def _next_weekday(day: date) -> date:
    day += timedelta(days=1)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


@contextmanager
def _scratch(database_url: str | None) -> Iterator[tuple[str, Path | None]]:
    """The simulated hall's database URL and its ID key file: the URL given (with the PC's
    configured keys, as any hall there), else a new temporary SQLite file with keys of its own
    beside it. A scratch hall never takes or creates the PC's key file: one created there would
    later be refused by the PC's real hall as not its own."""
    if database_url is not None:
        yield database_url, None
        return
    with tempfile.TemporaryDirectory(prefix="clerk-sim-") as folder:
        yield f"sqlite:///{Path(folder) / 'simulated-hall.db'}", Path(folder) / "simulated.keys"
