"""Concurrent ticket claims per second on PostgreSQL: the desk's call_next beside a raw loop.

    .venv/bin/python bench/bench_pg_claims.py [--tickets 2000] [--counters 8]

Both run in the same throwaway cluster, one process per counter, all starting at once:
* desk: ``session.queue.call_next()`` (finish current, serve order, SKIP LOCKED claim, call
  event, audit log — the whole user action);
* raw: ``SELECT id … ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED`` + ``UPDATE`` + ``COMMIT`` on
  a bare table with psycopg — the floor any queue on this server pays.
Target (issue 3): desk >= 50% of raw.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import sys
import time
from datetime import timedelta
from pathlib import Path

from sqlalchemy import update

from clerk_app.clock import utcnow

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from clerk_app.api import open_hall
from clerk_app.persistence.models import Ticket
from tests.support.pg_cluster import PgCluster, find_pg_bin


def desk_worker(url: str, counter: int, barrier, out) -> None:  # type: ignore[no-untyped-def]
    hall = open_hall(url, migrate=False)
    queue = hall.login(f"clerk{counter:02d}", "demo", counter=counter).queue
    barrier.wait()
    n = 0
    while queue.call_next() is not None:
        n += 1
    out.put((n, time.perf_counter()))


def claim_worker(url: str, counter_no: int, barrier, out) -> None:  # type: ignore[no-untyped-def]
    """Only the claim machinery: the ordered SKIP LOCKED claim + status update, no audit."""
    from sqlalchemy import select

    from clerk_app.hall_time import local_date
    from clerk_app.persistence.database import Database
    from clerk_app.persistence.models import Counter, Ticket
    from clerk_app.services.queue_claim import claim_next

    db = Database(url)
    barrier.wait()
    n = 0
    while True:
        with db.write() as s:
            counter = s.scalars(select(Counter).where(Counter.number == counter_no)).one()
            now = utcnow()
            ticket = claim_next(
                s, counter.id, counter.number, local_date(now), now, timedelta(minutes=20)
            )
            if ticket is None:
                break
            s.execute(update(Ticket).where(Ticket.id == ticket.id).values(status="serving"))
        n += 1
    out.put((n, time.perf_counter()))


def raw_worker(dsn: str, barrier, out) -> None:  # type: ignore[no-untyped-def]
    import psycopg

    with psycopg.connect(dsn) as conn:
        barrier.wait()
        n = 0
        while True:
            with conn.transaction():
                row = conn.execute(
                    "SELECT id FROM raw_queue WHERE status = 'waiting' "
                    "ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED"
                ).fetchone()
                if row is None:
                    break
                conn.execute("UPDATE raw_queue SET status = 'taken' WHERE id = %s", row)
            n += 1
    out.put((n, time.perf_counter()))


def run(procs_args, target, count: int) -> float:  # type: ignore[no-untyped-def]
    ctx = mp.get_context("spawn")
    barrier, out = ctx.Barrier(len(procs_args) + 1), ctx.Queue()
    procs = [ctx.Process(target=target, args=(*a, barrier, out)) for a in procs_args]
    for p in procs:
        p.start()
    barrier.wait()
    start = time.perf_counter()
    results = [out.get(timeout=600) for _ in procs]
    for p in procs:
        p.join()
    total = sum(n for n, _ in results)
    assert total == count, (total, count)
    return total / (max(t for _, t in results) - start)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tickets", type=int, default=2000)
    parser.add_argument("--counters", type=int, default=8)
    args = parser.parse_args()
    bin_dir = find_pg_bin()
    if bin_dir is None:
        sys.exit("no PostgreSQL binaries found")
    cluster = PgCluster(bin_dir).start()
    try:
        cluster.admin_execute("CREATE DATABASE bench")
        url = cluster.url("bench")
        hall = open_hall(url)
        hall.seed_demo()
        kiosk = hall.kiosk().queue
        for i in range(args.tickets):
            kiosk.take_ticket("ABCDE"[i % 5])
        counters = list(range(1, args.counters + 1))
        desk = run([(url, c) for c in counters], desk_worker, args.tickets)
        with hall.db.write() as s:  # the same tickets again, for the claim-only run
            s.execute(update(Ticket).values(status="waiting"))
        claim = run([(url, c) for c in counters], claim_worker, args.tickets)
        dsn = f"host=127.0.0.1 port={cluster.port} user=clerk dbname=bench"
        import psycopg

        with psycopg.connect(dsn, autocommit=True) as conn:
            conn.execute("CREATE TABLE raw_queue (id serial PRIMARY KEY, status text NOT NULL)")
            conn.execute(
                "INSERT INTO raw_queue (status) SELECT 'waiting' FROM generate_series(1, %s)",
                (args.tickets,),
            )
        raw = run([(dsn,) for _ in counters], raw_worker, args.tickets)
        print(
            f"PostgreSQL, {args.counters} counter processes, {args.tickets} tickets: "
            f"desk call_next (whole action) {desk:.0f}/s = {desk / raw:.0%} of raw; "
            f"claim step alone {claim:.0f}/s = {claim / raw:.0%} of raw; "
            f"raw SKIP LOCKED loop {raw:.0f}/s"
        )
        hall.close()
    finally:
        cluster.stop()


if __name__ == "__main__":
    main()
