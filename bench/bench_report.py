"""A month's report of a large hall: read, counted, and written as xlsx and PDF.

    .venv/bin/python bench/bench_report.py [--cases 200000] [--tickets 1000000] [--runs 3]

The hall: ``bench_case_list.py``'s year of 200,000 cases (copied), plus a year of tickets up to
the same "now" (1,000,000: ~2,700 a day, 90 % served, 5 % no-shows, the rest expired), each
with the audit row of its call (the report reads who served it from there), and a rating for
half the served tickets. Cached under /tmp like the cases, so repeated runs measure, not load.
Printed: ``reports.build`` of the last 30 days (one read transaction, every breakdown), median
of ``--runs``, then ``reports.save`` to .xlsx and to .pdf once each, with the file sizes.
"""

from __future__ import annotations

import argparse
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

from bench_case_list import FIRST_DAY, NOW, hall_file
from bench_halls import copy_hall, keys_of, move_hall, open_bench_hall
from sqlalchemy import insert, select

from clerk_app.domain.roles import Role
from clerk_app.hall_time import to_utc
from clerk_app.persistence.models import AuditLog, Counter, QueueCategory, Ticket, User
from clerk_app.persistence.models_evaluations import Evaluation

BATCH = 20_000


def report_hall(cases: int, tickets: int) -> Path:
    path = Path(tempfile.gettempdir()) / f"clerk_bench_report_{cases}_{tickets}.sqlite"
    if not path.exists() or not keys_of(path).exists():
        started = time.perf_counter()
        building = path.with_suffix(".building")
        copy_hall(hall_file(cases), building)
        add_tickets(building, tickets)
        move_hall(building, path)
        print(f"built {tickets:,} tickets in {time.perf_counter() - started:.1f} s: {path}")
    return path


def add_tickets(path: Path, count: int) -> None:
    hall = open_bench_hall(path, clock=lambda: to_utc(NOW))
    with hall.db.read() as s:
        categories = list(s.scalars(select(QueueCategory.id)))
        counters = list(s.execute(select(Counter.id, Counter.number)))
        clerks = list(s.execute(select(User.id, User.username).where(User.role == "clerk")))
    rng = random.Random(15)
    days = (NOW.date() - FIRST_DAY).days + 1
    per_day = count // days + 1
    tickets, audit, ratings = [], [], []
    ticket_id = 0
    with hall.db.write_engine.begin() as con:
        for d in range(days):
            day = FIRST_DAY + timedelta(days=d)
            opening = to_utc(datetime.combine(day, datetime.min.time()) + timedelta(hours=8.5))
            for seq in range(1, per_day + 1):
                if ticket_id == count:
                    break
                ticket_id += 1
                cat = rng.choice(categories)
                counter_id, number = rng.choice(counters)
                clerk_id, username = clerks[number % len(clerks)]
                taken = opening + timedelta(seconds=seq * 28_800 // per_day)
                served = taken + timedelta(minutes=rng.expovariate(1 / 15))
                finished = served + timedelta(minutes=rng.expovariate(1 / 8))
                fate = rng.random()
                status = "finished" if fate < 0.9 else "no_show" if fate < 0.95 else "expired"
                called = status != "expired"
                tickets.append(
                    {
                        "id": ticket_id,
                        "service_date": day,
                        "category_id": cat,
                        "seq": seq,
                        "number": f"{seq:05d}"[-5:],
                        "status": status,
                        "counter_id": counter_id if called else None,
                        "taken_at": taken,
                        "queue_position_at": taken,
                        "called_at": served if called else None,
                        "served_at": served if called else None,
                        "finished_at": finished if status == "finished" else None,
                    }
                )
                if called:
                    audit.append(
                        {
                            "at": served,
                            "actor": username,
                            "action": "ticket_called",
                            "target": f"ticket:{ticket_id}",
                        }
                    )
                if status == "finished" and rng.random() < 0.5:
                    ratings.append(
                        {
                            "ticket_id": ticket_id,
                            "ticket_number": f"{seq:05d}"[-5:],
                            "service_date": day,
                            "counter_number": number,
                            "clerk_id": clerk_id,
                            "clerk_username": username,
                            "level": rng.choice([1, 1, 1, 2, 2, 3, 4, 5]),
                            "reasons": [],
                            "channel": "window_evaluator",
                            "finished_at": finished,
                            "rated_at": finished + timedelta(seconds=20),
                            "rated_by": f"evaluator:{number}",
                        }
                    )
                if len(tickets) >= BATCH:
                    flush(con, tickets, audit, ratings)
        flush(con, tickets, audit, ratings)
    hall.close()


def flush(con, tickets, audit, ratings) -> None:  # type: ignore[no-untyped-def]
    for model, rows in ((Ticket, tickets), (AuditLog, audit), (Evaluation, ratings)):
        if rows:
            con.execute(insert(model), rows)
            rows.clear()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=200_000)
    parser.add_argument("--tickets", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    path = report_hall(args.cases, args.tickets)
    hall = open_bench_hall(path, clock=lambda: to_utc(NOW))
    reports = hall.system(Role.SUPERVISOR).reports
    last = NOW.date()
    first = last - timedelta(days=29)
    times = []
    for _ in range(args.runs):
        started = time.perf_counter()
        report = reports.build(first, last)
        times.append(time.perf_counter() - started)
    t = report.total
    print(
        f"report {first}..{last} of {args.tickets:,} tickets and {args.cases:,} cases: "
        f"median {statistics.median(times) * 1e3:.0f} ms (runs: "
        + ", ".join(f"{x * 1e3:.0f}" for x in times)
        + ")"
    )
    print(
        f"  counted {t.tickets:,} tickets, {t.cases:,} cases, {t.evaluations:,} ratings; "
        + ", ".join(f"{b.dimension.value} {len(b.rows)} rows" for b in report.breakdowns)
    )
    out = Path(tempfile.mkdtemp())
    for suffix in (".xlsx", ".pdf"):
        started = time.perf_counter()
        saved = reports.save(first, last, out / f"report{suffix}")
        elapsed = time.perf_counter() - started
        size = Path(saved.path).stat().st_size
        print(f"  save {suffix}: {elapsed * 1e3:.0f} ms in all, {size / 1024:.0f} KiB")
    shutil.rmtree(out)
    hall.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
