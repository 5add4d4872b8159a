"""A hall's worth of PCs on one PostgreSQL with its default settings (max_connections 100).

120 simulated PCs, each a thread with its own ``open_hall`` (counters polling their desk every
2 s and calling, kiosks printing tickets, hall displays and evaluators polling every 0.5 s),
against a throwaway cluster started with PostgreSQL's own settings. Prints the peak and mean
of the hall database's connections (``pg_stat_activity``, sampled every 50 ms), the errors and
the operations per second; then the same with the idle release off (every PC keeps its
connection, as before issue 18), the baseline.

Run: ``.venv/bin/python bench/bench_hall_pcs.py [--pcs 120] [--seconds 30]``
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_halls import own_keys

from clerk_app.persistence import database
from tests.support.hall_pcs import HallMix, prepare, run_hall
from tests.support.pg_cluster import PgCluster, find_pg_bin


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pcs", type=int, default=120)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--no-baseline", action="store_true", help="skip the run without release")
    args = parser.parse_args()
    bin_dir = find_pg_bin()
    if bin_dir is None:
        sys.exit("no PostgreSQL binaries (install postgresql)")
    with own_keys():  # the halls' ID keys are the bench's own, not this PC's
        run_mix(bin_dir, HallMix.of(args.pcs), args.seconds, baseline=not args.no_baseline)


def run_mix(bin_dir: Path, mix: HallMix, seconds: float, *, baseline: bool) -> None:
    cluster = PgCluster(bin_dir, server_defaults=True).start()
    try:
        print(
            f"{mix.pcs} PCs: {mix.counters} counters, {mix.kiosks} kiosks, {mix.displays} "
            f"displays, {mix.evaluators} evaluators; {seconds:.0f} s; server defaults "
            "(max_connections 100)"
        )
        runs = [("idle release", database.PG_IDLE_RELEASE_S)]
        if baseline:
            runs.append(("no idle release (baseline)", 1e9))
        for i, (label, release_s) in enumerate(runs):
            database.PG_IDLE_RELEASE_S = release_s
            name = f"hall{i}"
            cluster.admin_execute(f"CREATE DATABASE {name}")
            url = cluster.url(name)
            prepare(url, mix.counters)
            run = run_hall(url, url.replace("+psycopg", ""), name, mix, seconds)
            mean = statistics.fmean(run.samples) if run.samples else 0.0
            print(
                f"{label:>28}: peak {run.peak_connections} connections, mean {mean:.1f}; "
                f"{len(run.errors)} errors; {run.ops_per_s:.1f} ops/s"
            )
            for error in run.errors[:3]:
                print(f"{'':>30}{error[:160]}")
    finally:
        cluster.stop()


if __name__ == "__main__":
    main()
