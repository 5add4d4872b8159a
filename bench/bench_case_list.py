"""Listing cases with their deadline warnings, and the cost of working-day arithmetic.

    .venv/bin/python bench/bench_case_list.py [--cases 200000] [--list 500] [--runs 20]

1. A hall of 200,000 cases (bulk-inserted once with Core inserts into a cached SQLite file
   under /tmp, so repeated runs measure, not load): ``cases.list_cases(limit=500)``, the
   newest 500 with their 红黄牌 warnings, end to end (one read unit of work: the query, the
   policy, the override table, the views). Printed beside it: the same 500 warnings counted
   day by day as before the year tables (``chinese_calendar.is_workday`` per day). Measured
   twice: as the schema stands, and on a copy without the index on ``cases (created_at, id)``
   that migration 0009 added for "newest first" (the baseline).
   Target (issue 11): the listing <= 50 ms.
2. ``add_workdays`` and ``workdays_between`` for 1 day and for 365 days, in µs per call,
   with the year tables warm (as in a running hall) and the day-by-day rule beside them.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import chinese_calendar
from bench_halls import copy_hall, keys_of, move_hall, open_bench_hall
from sqlalchemy import insert, select

from clerk_app.api import Hall
from clerk_app.domain.case_states import CaseState
from clerk_app.domain.deadlines import due_date, running_deadline
from clerk_app.domain.workdays import WorkdayOverrides, add_workdays, workdays_between
from clerk_app.hall_time import to_utc
from clerk_app.persistence.models import ServiceItem
from clerk_app.persistence.models_cases import Case
from clerk_app.persistence.pii import CASE_APPLICANT_ID

NEWEST_INDEX = "ix_cases_created_at_id"  # "newest first" read from an index (migration 0009)
NOW = datetime(2026, 11, 26, 10, 0)  # hall-local "now" of the listing
FIRST_DAY = date(2025, 11, 27)  # a year of cases up to NOW
# Most cases of a year are concluded; the newest still run against a deadline.
_OLD_STATES = [CaseState.COLLECTED] * 8 + [CaseState.APPROVED, CaseState.DENIED]
_RUNNING = [
    CaseState.ACCEPTED,
    CaseState.IN_REVIEW,
    CaseState.PENDING_SUPPLEMENT,
    CaseState.SUPPLEMENTED,
    CaseState.CERTIFICATE_ISSUED,
]


def hall_file(cases: int) -> Path:
    path = Path(tempfile.gettempdir()) / f"clerk_bench_cases_{cases}.sqlite"
    if not path.exists() or not keys_of(path).exists():
        started = time.perf_counter()
        build(path.with_suffix(".building"), cases)
        move_hall(path.with_suffix(".building"), path)
        print(f"built {cases:,} cases in {time.perf_counter() - started:.1f} s: {path}")
    return path


def build(path: Path, cases: int) -> None:
    path.unlink(missing_ok=True)
    keys_of(path).unlink(missing_ok=True)
    hall = open_bench_hall(path, clock=lambda: to_utc(NOW))
    hall.seed_demo()
    with hall.db.read() as s:
        items = [(i.id, i.promised_days) for i in s.scalars(select(ServiceItem))]
    rng = random.Random(11)
    span = (NOW.date() - FIRST_DAY).days
    rows = []
    firm = "91440511T00000011X"
    sealed, digest = hall.db.pii.seal(firm, CASE_APPLICANT_ID), hall.db.pii.lookup(firm)
    with hall.db.write_engine.begin() as con:
        for n in range(cases):
            day = FIRST_DAY + timedelta(days=n * span // cases)
            item_id, promised = rng.choice(items)
            recent = (NOW.date() - day).days < 14
            state = rng.choice(_RUNNING if recent else _OLD_STATES)
            supplement = due_date(day, min(5, promised)) if state == "pending_supplement" else None
            created = to_utc(datetime.combine(day, datetime.min.time()) + timedelta(hours=9))
            rows.append(
                {
                    "case_no": f"B{day:%Y%m%d}{n:08d}",
                    "item_id": item_id,
                    "applicant_name": "汕头市测试贸易有限公司",
                    "applicant_id_kind": "uscc",
                    "applicant_id_enc": sealed,  # one firm: the list reads, never compares
                    "applicant_id_hash": digest,
                    "state": state.value,
                    "accepted_on": day,
                    "due_date": due_date(day, promised),
                    "supplement_due": supplement,
                    "created_at": created + timedelta(seconds=n % 28_800),
                    "updated_at": created,
                    "version": 1,
                }
            )
            if len(rows) == 20_000:
                con.execute(insert(Case), rows)
                rows.clear()
        if rows:
            con.execute(insert(Case), rows)
    hall.close()


def per_call(f: Callable[[], object], runs: int) -> list[float]:
    """Seconds per call of ``f``, ``runs`` times (after one warm-up call)."""
    f()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        f()
        times.append(time.perf_counter() - started)
    return times


def ms(times: list[float]) -> str:
    times = sorted(times)
    p90 = times[min(len(times) - 1, int(len(times) * 0.9))]
    return f"median {statistics.median(times) * 1e3:7.1f} ms   p90 {p90 * 1e3:7.1f} ms"


def day_by_day_between(start: date, end: date) -> int:
    """Working days after ``start`` through ``end``, one ``chinese_calendar`` call a day."""
    sign, (a, b) = (1, (start, end)) if start <= end else (-1, (end, start))
    days = (b - a).days
    return sign * sum(
        chinese_calendar.is_workday(a + timedelta(days=i)) for i in range(1, days + 1)
    )


def day_by_day_add(start: date, n: int) -> date:
    day = start
    while n:
        day += timedelta(days=1)
        n -= chinese_calendar.is_workday(day)
    return day


def bench_listing(hall: Hall, limit: int, runs: int) -> None:
    cases = hall.system().cases
    listed = cases.list_cases(limit=limit)
    warned = {w: sum(1 for c in listed if c.warning == w) for w in {c.warning for c in listed}}
    print(f"list_cases(limit={limit}): {ms(per_call(lambda: cases.list_cases(limit=limit), runs))}")
    print("  warnings:", ", ".join(f"{w.name}={n}" for w, n in sorted(warned.items())))
    today = NOW.date()
    deadlines = [
        d
        for c in listed
        if (d := running_deadline(CaseState(c.state), c.due_date, c.supplement_due)) is not None
    ]
    fast = per_call(lambda: [workdays_between(today, d) for d in deadlines], runs)
    slow = per_call(lambda: [day_by_day_between(today, d) for d in deadlines], max(3, runs // 4))
    print(
        f"  {len(deadlines)} running deadlines counted: year tables "
        f"{statistics.median(fast) * 1e3:.2f} ms, day by day {statistics.median(slow) * 1e3:.1f} ms"
    )


def bench_workdays(calls: int) -> None:
    start = date(2025, 3, 3)
    overrides = WorkdayOverrides()
    cases: list[tuple[str, Callable[[], object]]] = [
        ("add_workdays(d, 1)", lambda: add_workdays(start, 1, overrides)),
        ("add_workdays(d, 365)", lambda: add_workdays(start, 365, overrides)),
        ("workdays_between(d, d + 1 day)", lambda: workdays_between(start, start + timedelta(1))),
        (
            "workdays_between(d, d + 365 days)",
            lambda: workdays_between(start, start + timedelta(365), overrides),
        ),
    ]
    slow: dict[str, Callable[[], object]] = {
        "add_workdays(d, 1)": lambda: day_by_day_add(start, 1),
        "add_workdays(d, 365)": lambda: day_by_day_add(start, 365),
        "workdays_between(d, d + 1 day)": lambda: day_by_day_between(start, start + timedelta(1)),
        "workdays_between(d, d + 365 days)": lambda: day_by_day_between(
            start, start + timedelta(365)
        ),
    }
    print(f"working days, µs per call (median of {calls}): year tables | day by day")
    for name, f in cases:
        fast = statistics.median(per_call(f, calls)) * 1e6
        before = statistics.median(per_call(slow[name], max(5, calls // 100))) * 1e6
        print(f"  {name:36s} {fast:9.2f} | {before:11.1f}")
    fresh = per_call(
        lambda: workdays_between(start, start + timedelta(365), WorkdayOverrides()), calls
    )
    print(
        f"  {'… with a fresh overrides value':36s} {statistics.median(fresh) * 1e6:9.2f}"
        "   (the first use in a unit of work: cache key + shared table)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=200_000)
    parser.add_argument("--list", type=int, default=500)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--calls", type=int, default=2_000)
    args = parser.parse_args()
    path = hall_file(args.cases)
    print(f"hall of {args.cases:,} cases, SQLite, now {NOW:%Y-%m-%d %H:%M}")
    hall = open_bench_hall(path, clock=lambda: to_utc(NOW))
    try:
        print(f"as the schema stands ({NEWEST_INDEX}: the newest cases read from the index):")
        bench_listing(hall, args.list, args.runs)
    finally:
        hall.close()
    with tempfile.TemporaryDirectory() as tmp:
        unindexed = Path(tmp) / "unindexed.sqlite"
        copy_hall(path, unindexed)
        with sqlite3.connect(unindexed) as con:
            con.execute(f"DROP INDEX {NEWEST_INDEX}")
        hall = open_bench_hall(unindexed, clock=lambda: to_utc(NOW), migrate=False)
        try:
            print(f"without {NEWEST_INDEX} (before migration 0009: SQLite sorts every case):")
            bench_listing(hall, args.list, args.runs)
        finally:
            hall.close()
    bench_workdays(args.calls)
    return 0


if __name__ == "__main__":
    sys.exit(main())
