"""Call-next latency on SQLite with a year of history (1M tickets): prints p50/p99 in ms.

    .venv/bin/python bench/bench_call_next.py [--history 1000000] [--waiting 300] [--calls 2000]

Target (issue 3): p99 <= 5 ms. The history is bulk-inserted once into a cached file under
/tmp so repeated runs measure, not load.
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

from clerk_app.api import open_hall


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 26, 1, 0)

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


def build_history(path: Path, history: int) -> None:
    hall = open_hall(f"sqlite:///{path}")
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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--history", type=int, default=1_000_000)
    parser.add_argument("--waiting", type=int, default=300)
    parser.add_argument("--calls", type=int, default=2000)
    args = parser.parse_args()
    cache = Path(tempfile.gettempdir()) / f"clerk-bench-history-{args.history}.db"
    if not cache.exists():
        t0 = time.perf_counter()
        build_history(cache.with_suffix(".tmp"), args.history)
        cache.with_suffix(".tmp").rename(cache)
        print(f"built {args.history:,} historical tickets in {time.perf_counter() - t0:.1f} s")
    work = Path(tempfile.mkdtemp()) / "hall.db"
    shutil.copy(cache, work)
    clock = Clock()
    hall = open_hall(f"sqlite:///{work}", clock=clock)
    kiosk = hall.kiosk().queue
    rng = random.Random(1)
    counters = [hall.login(f"clerk{n:02d}", "demo", counter=n).queue for n in range(1, 9)]
    latencies: list[float] = []
    taken = 0
    for _ in range(args.waiting):
        kiosk.take_ticket(rng.choice("ABCDE"), priority=rng.choice(["normal"] * 9 + ["elderly"]))
        taken += 1
    for i in range(args.calls):
        if taken < args.waiting + args.calls:  # keep the queue at its size
            kiosk.take_ticket(rng.choice("ABCDE"))
            taken += 1
        queue = counters[i % len(counters)]
        t0 = time.perf_counter()
        ticket = queue.call_next()
        latencies.append((time.perf_counter() - t0) * 1000)
        assert ticket is not None
    latencies.sort()
    p = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))]  # noqa: E731
    print(
        f"call_next on SQLite, {args.history:,} historical tickets, ~{args.waiting} waiting, "
        f"{args.calls} calls by 8 counters: p50 {p(0.50):.2f} ms, p90 {p(0.90):.2f} ms, "
        f"p99 {p(0.99):.2f} ms, max {latencies[-1]:.2f} ms, "
        f"mean {statistics.fmean(latencies):.2f} ms"
    )
    hall.close()
    shutil.rmtree(work.parent, ignore_errors=True)


if __name__ == "__main__":
    main()
