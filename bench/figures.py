"""The figures of ``python -m bench``: each measured beside its baseline, in the same run.

A figure is a function of the run's size (``Size``) that returns a dict of numbers; the keys
named in ``KEYS`` are the ones ``results.json`` must hold. Each calls the measuring function of
its own script in ``bench/`` (which stays runnable alone), so the numbers are the scripts'.

``simulated_day()`` is the pluggable one: it runs ``clerk_app.simulation``'s busy day when that
package exists and records ``None`` with the reason when it does not.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))  # the scripts import each other by their bare names


@dataclass(frozen=True)
class Size:
    """How much data and how many repetitions a run uses."""

    quick: bool
    history: int  # historical tickets for call-next and take-ticket
    waiting: int
    calls: int
    taken: int  # tickets taken in the take-ticket figure
    pg_tickets: int
    pg_processes: int
    pg_rounds: int
    receipt_iterations: int
    receipt_warmup: int
    dashboard_tickets: int
    dashboard_cases: int
    dashboard_runs: int
    start_runs: int
    wait_days: int
    sim_tickets: int  # the simulated day's tickets and counters (full: the busy day)
    sim_counters: int


FULL = Size(
    quick=False,
    history=1_000_000,
    waiting=300,
    calls=2000,
    taken=2000,
    pg_tickets=6000,
    pg_processes=16,
    pg_rounds=3,
    receipt_iterations=200,
    receipt_warmup=10,
    dashboard_tickets=1_000_000,
    dashboard_cases=200_000,
    dashboard_runs=20,
    start_runs=7,
    wait_days=50,
    sim_tickets=10_000,
    sim_counters=100,
)
QUICK = Size(
    quick=True,
    history=20_000,
    waiting=100,
    calls=300,
    taken=300,
    pg_tickets=300,
    pg_processes=4,
    pg_rounds=1,
    receipt_iterations=20,
    receipt_warmup=3,
    dashboard_tickets=20_000,
    dashboard_cases=5_000,
    dashboard_runs=5,
    start_runs=1,
    wait_days=5,
    sim_tickets=1_200,
    sim_counters=12,
)
# The smallest run that still goes through every path: for the harness's own test.
SMOKE = Size(
    quick=True,
    history=500,
    waiting=10,
    calls=20,
    taken=20,
    pg_tickets=40,
    pg_processes=2,
    pg_rounds=1,
    receipt_iterations=2,
    receipt_warmup=1,
    dashboard_tickets=2_000,
    dashboard_cases=300,
    dashboard_runs=2,
    start_runs=1,
    wait_days=1,
    sim_tickets=200,
    sim_counters=4,
)
SIZES = {"full": FULL, "quick": QUICK, "smoke": SMOKE}

# The keys results.json always holds (a number, or None with its reason).
KEYS = (
    "call_next_p99_ms",
    "pg_claims_ratio",
    "take_ticket_p99_ms",
    "receipt_ratio",
    "dashboard_refresh_ms",
    "cold_start_ms",
    "cold_start_ratio",
    "rss_mb",
    "simulated_day_s",
    "wait_estimate_mae_min",
    "wait_estimate_naive_mae_min",
)


def call_next(size: Size) -> dict[str, Any]:
    import bench_call_next

    return bench_call_next.measure(size.history, size.waiting, size.calls)


def take_ticket(size: Size) -> dict[str, Any]:
    import bench_take_ticket

    return bench_take_ticket.measure(size.history, size.taken)


def pg_claims(size: Size) -> dict[str, Any]:
    from bench import bench_pg_claims  # by its package name: the worker processes import it

    return bench_pg_claims.measure(
        size.pg_tickets, size.pg_processes, size.pg_rounds, verbose=False
    )


def receipt(size: Size) -> dict[str, Any]:
    import bench_receipt

    return bench_receipt.measure(size.receipt_iterations, size.receipt_warmup)


def dashboard(size: Size) -> dict[str, Any]:
    import bench_dashboard

    return bench_dashboard.measure(
        size.dashboard_tickets, size.dashboard_cases, size.dashboard_runs, verbose=False
    )


def cold_start(size: Size) -> dict[str, Any]:
    import bench_start

    return bench_start.measure(size.start_runs)


def wait_estimate(size: Size) -> dict[str, Any]:
    import bench_wait_accuracy

    return bench_wait_accuracy.measure(size.wait_days, seed=20261203)


def simulated_day(size: Size | None = None) -> dict[str, Any]:
    """Seconds for ``clerk_app.simulation.run_day`` to run a hall day through the real
    services on a scratch SQLite hall (full size: the busy day of issue 18, 10,000 tickets at
    100 counters, target ≤ 60 s), and the wait estimator's error on that day beside the naive
    estimate's, both read off the same tickets (they replace ``wait_estimate``'s stand-in)."""
    from clerk_app.simulation import run_day

    size = size or FULL
    started = time.perf_counter()
    report = run_day(tickets=size.sim_tickets, counters=size.sim_counters)
    seconds = time.perf_counter() - started
    result: dict[str, Any] = {
        "simulated_day_s": seconds,
        "simulated_day_tickets": float(size.sim_tickets),
        "simulated_day_counters": float(size.sim_counters),
    }
    naive = report.naive_counters_mae_min  # ahead × 8 min ÷ counters: a fair naive estimate
    if report.wait_estimate_mae_min is not None and naive is not None:
        result["wait_estimate_mae_min"] = float(report.wait_estimate_mae_min)
        result["wait_estimate_naive_mae_min"] = float(naive)
    return result


# name -> the figure's function, in the table's order
FIGURES: dict[str, Callable[[Size], dict[str, Any]]] = {
    "call_next": call_next,
    "pg_claims": pg_claims,
    "take_ticket": take_ticket,
    "receipt": receipt,
    "dashboard": dashboard,
    "cold_start": cold_start,
    "wait_estimate": wait_estimate,
    "simulated_day": simulated_day,
}
