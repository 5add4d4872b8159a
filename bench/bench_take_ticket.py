"""Take-ticket (取号) on SQLite with a year of history: p50/p99, and how long it holds the lock.

    .venv/bin/python bench/bench_take_ticket.py [--history 1000000] [--tickets 2000]

The kiosk takes ``--tickets`` tickets of categories A-E on a copy of ``bench_call_next``'s
history file (1M finished tickets), 8 counters online. Besides the whole call it times how
long each call holds the hall's write lock: from ``BEGIN IMMEDIATE`` done to the commit done
(SQLAlchemy's ``begin`` event on the write engine to the session's ``after_commit``). The
baseline is the same writes in raw sqlite3 on another copy of the file: the day's sequence
(upsert … RETURNING), the ticket row and the audit row, in one ``BEGIN IMMEDIATE`` transaction.
Target (issue 18): p99 <= 2 ms, with the wait estimate computed outside the write lock.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sqlite3
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_call_next import Clock, history_file, percentile
from bench_halls import copy_hall, open_bench_hall
from sqlalchemy import event
from sqlalchemy.orm import Session

from clerk_app.domain.audit_chain import GENESIS, canonical, link


def measure(history: int, tickets: int) -> dict[str, float]:
    cache = history_file(history)
    folder = Path(tempfile.mkdtemp())
    try:
        work = folder / "hall.db"
        copy_hall(cache, work)
        hall = open_bench_hall(work, clock=Clock())
        desks = [hall.login(f"clerk{n:02d}", "demo", counter=n).queue for n in range(1, 9)]
        kiosk = hall.kiosk().queue
        held: list[float] = []
        began: list[float] = []

        def on_begin(_conn: object) -> None:
            began.append(time.perf_counter())

        def on_commit(_session: Session) -> None:
            if began:
                held.append((time.perf_counter() - began.pop()) * 1000)

        rng = random.Random(3)
        latencies: list[float] = []
        shown = 0
        event.listen(hall.db.write_engine, "begin", on_begin)
        event.listen(Session, "after_commit", on_commit)
        try:
            for i in range(tickets):
                if i % 20 == 0:  # counters online, so the slip has minutes to show
                    for desk in desks:
                        desk.heartbeat()
                t0 = time.perf_counter()
                slip = kiosk.take_ticket(rng.choice("ABCDE"))
                latencies.append((time.perf_counter() - t0) * 1000)
                shown += slip.wait_minutes is not None
        finally:
            event.remove(Session, "after_commit", on_commit)
            event.remove(hall.db.write_engine, "begin", on_begin)
        hall.close()
        assert shown == tickets, "every slip shows its estimate"
        raw = folder / "raw.db"
        shutil.copy(cache, raw)
        raw_held = raw_take(raw, tickets)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return {
        "take_ticket_p50_ms": percentile(latencies, 0.50),
        "take_ticket_p99_ms": percentile(latencies, 0.99),
        "take_ticket_lock_p50_ms": percentile(held, 0.50),
        "take_ticket_lock_p99_ms": percentile(held, 0.99),
        "raw_take_p50_ms": percentile(raw_held, 0.50),
        "raw_take_p99_ms": percentile(raw_held, 0.99),
    }


def raw_take(path: Path, tickets: int) -> list[float]:
    """The same writes as a take-ticket in raw sqlite3: sequence, ticket, chained audit row."""
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=NORMAL")
    cats = dict(con.execute("SELECT prefix, id FROM queue_categories"))
    rng = random.Random(3)
    now = datetime(2026, 11, 26, 1, 0)
    latencies: list[float] = []
    for _ in range(tickets):
        prefix = rng.choice("ABCDE")
        now += timedelta(seconds=1)
        at = now.isoformat(" ")
        t0 = time.perf_counter()
        con.execute("BEGIN IMMEDIATE")
        (seq,) = con.execute(
            "INSERT INTO daily_sequences (scope, day, last_value) VALUES (?, ?, 1)"
            " ON CONFLICT (scope, day) DO UPDATE SET last_value = last_value + 1"
            " RETURNING last_value",
            (f"raw:{prefix}", "2026-11-26"),
        ).fetchone()
        cur = con.execute(
            "INSERT INTO tickets (service_date, category_id, seq, number, priority, status,"
            " taken_at, queue_position_at, recall_count, printed_count)"
            " VALUES (?,?,?,?,?,?,?,?,0,1)",
            ("2026-11-26", cats[prefix], seq, f"R{prefix}{seq:04d}", "normal", "waiting", at, at),
        )
        # The audit row chained as the service chains it (issue 16): the head, then SM3.
        head = con.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
        last, prev_hash = head if head is not None else (0, GENESIS)
        row = {
            "at": now,
            "actor": "kiosk",
            "role": "kiosk",
            "counter": None,
            "action": "ticket_taken",
            "target": f"ticket:{cur.lastrowid}",
            "before": None,
            "after": {"n": seq},
            "request_id": None,
        }
        digest = link(prev_hash, canonical(seq=last + 1, **row))
        con.execute(
            "INSERT INTO audit_log (at, actor, role, action, target, after, seq, prev_hash, hash)"
            " VALUES (?,?,?,?,?,?,?,?,?)",
            (
                at,
                "kiosk",
                "kiosk",
                "ticket_taken",
                row["target"],
                json.dumps(row["after"]),
                last + 1,
                prev_hash,
                digest,
            ),
        )
        con.execute("COMMIT")
        latencies.append((time.perf_counter() - t0) * 1000)
    con.close()
    return latencies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--history", type=int, default=1_000_000)
    parser.add_argument("--tickets", type=int, default=2000)
    args = parser.parse_args()
    r = measure(args.history, args.tickets)
    print(
        f"take_ticket on SQLite, {args.history:,} historical tickets, {args.tickets} tickets: "
        f"p50 {r['take_ticket_p50_ms']:.2f} ms, p99 {r['take_ticket_p99_ms']:.2f} ms; write lock "
        f"held p50 {r['take_ticket_lock_p50_ms']:.2f} ms, p99 {r['take_ticket_lock_p99_ms']:.2f} "
        f"ms; the same writes in raw sqlite3 p50 {r['raw_take_p50_ms']:.2f} ms, "
        f"p99 {r['raw_take_p99_ms']:.2f} ms (target: take_ticket p99 <= 2 ms)"
    )


if __name__ == "__main__":
    main()
