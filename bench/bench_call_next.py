"""Call-next latency on SQLite with a year of history (1M tickets): prints p50/p99 in ms.

    .venv/bin/python bench/bench_call_next.py [--history 1000000] [--waiting 300] [--calls 2000]

Target (issue 18): p99 <= 2 ms, beside a raw sqlite3 claim on the same file. The history
is bulk-inserted once into a cached file under /tmp so repeated runs measure, not load.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_halls import copy_hall, keys_of, move_hall, open_bench_hall


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 26, 1, 0)

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


def build_history(path: Path, history: int) -> None:
    hall = open_bench_hall(path)
    hall.seed_demo()
    hall.close()
    import sqlite3

    con = sqlite3.connect(path)
    cats = [r[0] for r in con.execute("SELECT id FROM queue_categories ORDER BY id")]
    prefixes = dict(con.execute("SELECT id, prefix FROM queue_categories"))
    rng = random.Random(7)
    start_day = date(2025, 11, 26)
    rows = []
    per_day_seq: dict[tuple[date, int], int] = {}
    for i in range(history):
        day = start_day + timedelta(days=i * 365 // history)
        cat = rng.choice(cats)
        seq = per_day_seq[(day, cat)] = per_day_seq.get((day, cat), 0) + 1
        taken = datetime.combine(day, datetime.min.time()) + timedelta(hours=1, seconds=seq * 20)
        rows.append(
            (
                day.isoformat(),
                cat,
                seq,
                f"{prefixes[cat]}{seq:03d}",
                "normal",
                "finished",
                taken.isoformat(" "),
                taken.isoformat(" "),
                taken.isoformat(" "),
                taken.isoformat(" "),
                (taken + timedelta(minutes=8)).isoformat(" "),
                0,
                1,
            )
        )
        if len(rows) == 50_000:
            _insert(con, rows)
            rows.clear()
    _insert(con, rows)
    con.commit()
    con.close()


def _insert(con, rows) -> None:  # type: ignore[no-untyped-def]
    con.executemany(
        "INSERT INTO tickets (service_date, category_id, seq, number, priority, status, taken_at,"
        " queue_position_at, called_at, served_at, finished_at, recall_count, printed_count)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        rows,
    )


def history_file(history: int) -> Path:
    """The seeded demo hall plus ``history`` finished tickets, built once into /tmp."""
    cache = Path(tempfile.gettempdir()) / f"clerk-bench-history-{history}.db"
    if not cache.exists() or not keys_of(cache).exists():
        t0 = time.perf_counter()
        build_history(cache.with_suffix(".tmp"), history)
        move_hall(cache.with_suffix(".tmp"), cache)
        print(f"built {history:,} historical tickets in {time.perf_counter() - t0:.1f} s")
    return cache


def percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def measure(history: int, waiting: int, calls: int) -> dict[str, float]:
    """call_next latency on a copy of the history file, and a raw sqlite3 claim on another."""
    cache = history_file(history)
    folder = Path(tempfile.mkdtemp())
    try:
        work = folder / "hall.db"
        copy_hall(cache, work)
        clock = Clock()
        hall = open_bench_hall(work, clock=clock)
        kiosk = hall.kiosk().queue
        rng = random.Random(1)
        counters = [hall.login(f"clerk{n:02d}", "demo", counter=n).queue for n in range(1, 9)]
        latencies: list[float] = []
        taken = 0
        for _ in range(waiting):
            priority = rng.choice(["normal"] * 9 + ["elderly"])
            kiosk.take_ticket(rng.choice("ABCDE"), priority=priority)
            taken += 1
        for i in range(calls):
            if taken < waiting + calls:  # keep the queue at its size
                kiosk.take_ticket(rng.choice("ABCDE"))
                taken += 1
            queue = counters[i % len(counters)]
            t0 = time.perf_counter()
            ticket = queue.call_next()
            latencies.append((time.perf_counter() - t0) * 1000)
            assert ticket is not None
        hall.close()
        raw = folder / "raw.db"
        shutil.copy(cache, raw)
        raw_latencies = raw_claims(raw, waiting + calls, calls)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return {
        "call_next_p50_ms": percentile(latencies, 0.50),
        "call_next_p90_ms": percentile(latencies, 0.90),
        "call_next_p99_ms": percentile(latencies, 0.99),
        "call_next_max_ms": max(latencies),
        "call_next_mean_ms": statistics.fmean(latencies),
        "raw_claim_p50_ms": percentile(raw_latencies, 0.50),
        "raw_claim_p99_ms": percentile(raw_latencies, 0.99),
    }


def raw_claims(path: Path, tickets: int, calls: int) -> list[float]:
    """The floor of a claim on the same schema and indexes: raw sqlite3, ``BEGIN IMMEDIATE``,
    the head of today's waiting tickets by (queue_position_at, id), one ``UPDATE``, commit."""
    import sqlite3

    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=NORMAL")
    today = "2026-11-26"
    cats = [r[0] for r in con.execute("SELECT id FROM queue_categories ORDER BY id")]
    start = datetime(2026, 11, 26, 1, 0)
    con.execute("BEGIN")
    con.executemany(
        "INSERT INTO tickets (service_date, category_id, seq, number, priority, status, taken_at,"
        " queue_position_at, recall_count, printed_count) VALUES (?,?,?,?,?,?,?,?,0,1)",
        [
            (
                today,
                cats[i % len(cats)],
                i + 1,
                f"R{i + 1:05d}",
                "normal",
                "waiting",
                (start + timedelta(seconds=i)).isoformat(" "),
                (start + timedelta(seconds=i)).isoformat(" "),
            )
            for i in range(tickets)
        ],
    )
    con.execute("COMMIT")
    latencies: list[float] = []
    for i in range(calls):
        t0 = time.perf_counter()
        con.execute("BEGIN IMMEDIATE")
        (ticket_id,) = con.execute(
            "SELECT id FROM tickets WHERE service_date = ? AND status = 'waiting'"
            " ORDER BY queue_position_at, id LIMIT 1",
            (today,),
        ).fetchone()
        con.execute(
            "UPDATE tickets SET status = 'serving', counter_id = ?, called_at = ? WHERE id = ?",
            (i % 8 + 1, start.isoformat(" "), ticket_id),
        )
        con.execute("COMMIT")
        latencies.append((time.perf_counter() - t0) * 1000)
    con.close()
    return latencies


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--history", type=int, default=1_000_000)
    parser.add_argument("--waiting", type=int, default=300)
    parser.add_argument("--calls", type=int, default=2000)
    args = parser.parse_args()
    r = measure(args.history, args.waiting, args.calls)
    print(
        f"call_next on SQLite, {args.history:,} historical tickets, ~{args.waiting} waiting, "
        f"{args.calls} calls by 8 counters: p50 {r['call_next_p50_ms']:.2f} ms, "
        f"p90 {r['call_next_p90_ms']:.2f} ms, p99 {r['call_next_p99_ms']:.2f} ms, "
        f"max {r['call_next_max_ms']:.2f} ms, mean {r['call_next_mean_ms']:.2f} ms; "
        f"raw sqlite3 claim p50 {r['raw_claim_p50_ms']:.2f} ms, p99 {r['raw_claim_p99_ms']:.2f} ms"
    )


if __name__ == "__main__":
    main()
