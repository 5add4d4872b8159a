"""The supervisor dashboard's refresh: ``SupervisionService.dashboard()`` on a big hall.

    .venv/bin/python bench/bench_dashboard.py [--tickets 1000000] [--cases 200000] [--runs 20]

The hall is ``bench_case_list.py``'s (200,000 cases over a year up to Thursday 26 November
2026, the newest two weeks still running) plus ``--tickets`` queue tickets spread evenly over
that year's working days, built once into a cached SQLite file under /tmp (so repeated runs
measure, not load). Today at 10:00 it has the day's share of tickets: the first ones served
or not shown, 8 in service at counters 1–8 (online), the last 40 waiting. Each refresh is the
whole method as the dashboard's poll runs it: one read transaction for the tiles' and
counters' figures and every alert. Target (issue 15): <= 50 ms.

Measured twice: on ``bench_case_list``'s cases as they are (none of the last two weeks'
cases is ever decided, so about 4,000 of them are yellow or red: the work grows with the
alerts; the 200 most urgent are listed, the rest counted), and after deciding the overdue
ones but one in 50 (a hall that keeps its deadlines: its cases due tomorrow stay yellow).
The machine's load is printed too: the figures are from a shared 2-core machine.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_case_list import FIRST_DAY, NOW, hall_file, ms, per_call
from bench_halls import copy_hall, keys_of, move_hall, open_bench_hall
from sqlalchemy import insert, select, update

from clerk_app.domain.roles import Actor, Role
from clerk_app.domain.workdays import is_workday
from clerk_app.hall_time import to_utc
from clerk_app.persistence.models import Counter, QueueCategory, Ticket
from clerk_app.persistence.models_cases import Case
from clerk_app.services.supervision.service import SupervisionService

SERVING_COUNTERS = 8
RUNNING = ("accepted", "in_review", "supplemented", "pending_supplement")
WAITING_TODAY = 40


def dashboard_file(tickets: int, cases: int) -> Path:
    path = Path(tempfile.gettempdir()) / f"clerk_bench_dashboard_{tickets}_{cases}.sqlite"
    if not path.exists() or not keys_of(path).exists():
        building = path.with_suffix(".building")
        copy_hall(hall_file(cases), building)
        started = time.perf_counter()
        add_tickets(building, tickets)
        move_hall(building, path)
        print(f"added {tickets:,} tickets in {time.perf_counter() - started:.1f} s: {path}")
    return path


def add_tickets(path: Path, tickets: int) -> None:
    hall = open_bench_hall(path, clock=lambda: to_utc(NOW))
    with hall.db.read() as s:
        cats = [(c.id, c.prefix) for c in s.scalars(select(QueueCategory))]
        counters = list(s.scalars(select(Counter.id).order_by(Counter.number)))
    days = [
        FIRST_DAY + timedelta(days=i)
        for i in range((NOW.date() - FIRST_DAY).days + 1)
        if is_workday(FIRST_DAY + timedelta(days=i))
    ]
    per_day = tickets // len(days)
    rng = random.Random(15)
    rows: list[dict[str, object]] = []
    serving: list[int] = []
    next_id = 1
    with hall.db.write_engine.begin() as con:
        for day in days:
            today = day == NOW.date()
            opening = datetime.combine(day, datetime.min.time()) + timedelta(hours=8, minutes=30)
            # Today: the share taken by 10:00; other days: the whole day's share.
            count = per_day * 90 // 480 if today else per_day
            span = (NOW - opening).total_seconds() if today else 8 * 3600
            seqs = dict.fromkeys((p for _, p in cats), 0)
            for n in range(count):
                cat_id, prefix = cats[n % len(cats)]
                seqs[prefix] += 1
                taken = to_utc(opening + timedelta(seconds=span * n / count))
                left = count - n
                status, called, finished, counter = "finished", None, None, None
                if today and left <= WAITING_TODAY:
                    status = "waiting"
                elif today and left <= WAITING_TODAY + SERVING_COUNTERS:
                    status, called = "serving", taken + timedelta(minutes=12)
                    counter = counters[len(serving)]
                    serving.append(next_id)
                else:
                    called = taken + timedelta(minutes=rng.randint(1, 30))
                    finished = called + timedelta(minutes=rng.randint(2, 20))
                    counter = counters[n % len(counters)]
                    if rng.random() < 0.04:
                        status = "no_show"
                rows.append(
                    {
                        "id": next_id,
                        "service_date": day,
                        "category_id": cat_id,
                        "seq": seqs[prefix],
                        "number": f"{prefix}{seqs[prefix]:04d}",
                        "priority": "normal",
                        "status": status,
                        "counter_id": counter,
                        "taken_at": taken,
                        "queue_position_at": taken,
                        "called_at": called,
                        "served_at": called,
                        "finished_at": finished,
                        "recall_count": 0,
                        "printed_count": 1,
                    }
                )
                next_id += 1
                if len(rows) == 20_000:
                    con.execute(insert(Ticket), rows)
                    rows.clear()
        if rows:
            con.execute(insert(Ticket), rows)
        for counter_id, ticket_id in zip(counters, serving, strict=False):
            con.execute(
                update(Counter)
                .where(Counter.id == counter_id)
                .values(current_ticket_id=ticket_id, last_heartbeat=to_utc(NOW))
            )
    hall.close()


def measure(tickets: int, cases: int, runs: int, verbose: bool = True) -> dict[str, float]:
    """Median ms of ``dashboard()`` on the hall as built, then with the overdue cases decided."""
    path = dashboard_file(tickets, cases)
    folder = Path(tempfile.mkdtemp())
    copy = folder / "hall.sqlite"
    copy_hall(path, copy)  # WAL and statistics of this run stay out of the cached file
    try:
        hall = open_bench_hall(copy, clock=lambda: to_utc(NOW) + timedelta(seconds=30))
        service = SupervisionService(
            hall.db, Actor(Role.SUPERVISOR, "supervisor", "值班长"), hall.clock
        )
        board = service.dashboard()
        with hall.db.read() as s:
            today = s.query(Ticket).filter(Ticket.service_date == NOW.date()).count()
        kinds: dict[str, int] = {}
        for alert in board.alerts:
            kinds[alert.kind.value] = kinds.get(alert.kind.value, 0) + 1
        if verbose:
            print(
                f"hall: {tickets:,} tickets ({today:,} today), {cases:,} cases; "
                f"{len(board.alerts)} alerts listed (+{board.more_case_alerts} cases counted): "
                + ", ".join(f"{k}={n}" for k, n in sorted(kinds.items()))
            )
        as_built = per_call(service.dashboard, runs)
        if verbose:
            print(f"dashboard() on SQLite: {ms(as_built)}  (target 50 ms)")
        with hall.db.write_engine.begin() as con:
            overdue = (Case.due_date < NOW.date()) | (Case.supplement_due < NOW.date())
            running = Case.state.in_(RUNNING)
            con.execute(
                update(Case).where(running, overdue, Case.id % 50 != 0).values(state="approved")
            )
        board = service.dashboard()
        kept = per_call(service.dashboard, runs)
        if verbose:
            print(
                f"the overdue ones decided but 1 in 50: {len(board.alerts)} alerts listed "
                f"(+{board.more_case_alerts} counted)"
            )
            print(f"dashboard() on SQLite: {ms(kept)}  (target 50 ms)")
        hall.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return {
        "dashboard_refresh_ms": statistics.median(as_built) * 1000,
        "dashboard_refresh_kept_ms": statistics.median(kept) * 1000,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tickets", type=int, default=1_000_000)
    parser.add_argument("--cases", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    measure(args.tickets, args.cases, args.runs)
    print(f"load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
