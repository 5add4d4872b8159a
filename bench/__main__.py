"""One command, one table: every figure of issue 18 beside its baseline measured in the same run.

    .venv/bin/python -m bench            # the full run: 1M historical tickets (minutes)
    .venv/bin/python -m bench --quick    # smaller data and fewer runs: under two minutes
    .venv/bin/python -m bench --only call_next,receipt

Prints the table and writes the same figures to ``bench/results.json`` (``--out``). A figure
that cannot be measured here (no PostgreSQL binaries, no simulation yet) is ``null`` in the
file with its reason, and says so in the table; the other figures still run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
import traceback
import unicodedata
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.figures import FIGURES, KEYS, SIZES, Size

RESULTS = Path(__file__).resolve().parent / "results.json"
SIMULATION_SOURCE = "clerk_app.simulation's day"
BUSY_TICKETS = 10_000  # issue 18's busy day, the size the simulated day's target is for


def _naive_label(source: object) -> str:
    """The naive estimate each source compares with (the simulation's is its report's)."""
    if source == SIMULATION_SOURCE:
        return "naive ahead × 8 min ÷ open counters"
    return "naive ahead × usual ÷ counters"


def _day_label(tickets: float | None, counters: float | None) -> str:
    if tickets is None or counters is None:
        return "simulated hall day through the services"
    return f"simulated day through the services, {tickets:,.0f} tickets, {counters:.0f} counters"


def fmt(value: Any, unit: str = "", digits: int = 2) -> str:
    if value is None:
        return "—"
    return f"{value:,.{digits}f}{unit}"


def verdict(ok: bool | None) -> str:
    return "—" if ok is None else ("met" if ok else "NOT MET")


def below(value: Any, limit: float) -> bool | None:
    return None if value is None else bool(value <= limit)


# One row per figure: (figure, measured, baseline, target, met) from the results.
Row = tuple[str, str, str, str, bool | None]


def rows(r: dict[str, Any], size: Size) -> list[tuple[str, Row]]:
    """The table's rows, each with the figure (FIGURES key) it comes from."""
    g = r.get
    hist = f"{size.history:,}"
    out: list[tuple[str, Row]] = [
        (
            "call_next",
            (
                f"call-next, SQLite, {hist} historical tickets",
                f"p50 {fmt(g('call_next_p50_ms'))} / p99 {fmt(g('call_next_p99_ms'))} ms",
                f"raw sqlite3 claim p50 {fmt(g('raw_claim_p50_ms'))} / "
                f"p99 {fmt(g('raw_claim_p99_ms'))} ms",
                "p99 ≤ 2 ms",
                below(g("call_next_p99_ms"), 2.0),
            ),
        ),
        (
            "pg_claims",
            (
                f"call-next claims/s, PostgreSQL, {size.pg_processes} processes",
                f"{fmt(g('pg_claims_per_s'), '/s', 0)} = {fmt(_pct(g('pg_claims_ratio')), '%', 0)}"
                f" of raw (rounds {fmt(_pct(g('pg_claims_ratio_min')), '%', 0)}–"
                f"{fmt(_pct(g('pg_claims_ratio_max')), '%', 0)}); "
                f"{fmt(_pct(g('pg_claims_ratio_chained')), '%', 0)} of raw + chain",
                f"raw SKIP LOCKED loop {fmt(g('pg_raw_claims_per_s'), '/s', 0)}; with two "
                f"chained audit rows {fmt(g('pg_raw_chained_claims_per_s'), '/s', 0)}",
                "≥ 60 % of raw",
                None if g("pg_claims_ratio") is None else g("pg_claims_ratio") >= 0.60,
            ),
        ),
        (
            "take_ticket",
            (
                f"take-ticket, SQLite, {hist} historical tickets",
                f"p50 {fmt(g('take_ticket_p50_ms'))} / p99 {fmt(g('take_ticket_p99_ms'))} ms;"
                f" write lock p50 {fmt(g('take_ticket_lock_p50_ms'))} /"
                f" p99 {fmt(g('take_ticket_lock_p99_ms'))} ms",
                f"same writes in raw sqlite3 p50 {fmt(g('raw_take_p50_ms'))} / "
                f"p99 {fmt(g('raw_take_p99_ms'))} ms",
                "p99 ≤ 2 ms",
                below(g("take_ticket_p99_ms"), 2.0),
            ),
        ),
        (
            "receipt",
            (
                "A4 receipt of a new case (受理通知书)",
                f"{fmt(g('receipt_ms'))} ms = {fmt(g('receipt_ratio'))}×"
                f" (reprint {fmt(g('receipt_reprint_ms'))} ms)",
                f"bare reportlab page, same text and font {fmt(g('receipt_bare_ms'))} ms",
                "≤ 2×",
                below(g("receipt_ratio"), 2.0),
            ),
        ),
        (
            "dashboard",
            (
                f"dashboard refresh, {size.dashboard_tickets:,} tickets,"
                f" {size.dashboard_cases:,} cases",
                f"median {fmt(g('dashboard_refresh_ms'), ' ms', 1)}",
                f"(no baseline; overdue cases decided: {fmt(g('dashboard_refresh_kept_ms'))} ms)",
                "≤ 50 ms",
                below(g("dashboard_refresh_ms"), 50.0),
            ),
        ),
        (
            "cold_start",
            (
                "cold start of a signed-in counter",
                f"{fmt(g('cold_start_ms'), ' ms', 0)} = {fmt(g('cold_start_ratio'), '×', 1)}",
                f"bare PySide6 window {fmt(g('bare_start_ms'), ' ms', 0)}",
                "≤ 1,000 ms and ≤ 5×",
                None
                if g("cold_start_ms") is None
                else g("cold_start_ms") <= 1000 and g("cold_start_ratio") <= 5,
            ),
        ),
        (
            "cold_start",
            (
                "counter's peak RSS",
                fmt(g("rss_mb"), " MB", 0),
                f"bare PySide6 window {fmt(g('bare_rss_mb'), ' MB', 0)}",
                "≤ 150 MB",
                below(g("rss_mb"), 150.0),
            ),
        ),
        (
            "wait_estimate",
            (
                f"wait estimate MAE ({r.get('wait_estimate_source', 'simulated day')})",
                fmt(g("wait_estimate_mae_min"), " min"),
                f"{_naive_label(r.get('wait_estimate_source'))} "
                f"{fmt(g('wait_estimate_naive_mae_min'), ' min')}",
                "below the naive",
                None
                if g("wait_estimate_mae_min") is None
                else g("wait_estimate_mae_min") < g("wait_estimate_naive_mae_min"),
            ),
        ),
        (
            "simulated_day",
            (
                _day_label(g("simulated_day_tickets"), g("simulated_day_counters")),
                fmt(g("simulated_day_s"), " s", 1),
                "—",
                "busy day ≤ 60 s",
                # The target is the busy day's (10,000 tickets): a smaller day meets nothing.
                below(g("simulated_day_s"), 60.0)
                if (g("simulated_day_tickets") or 0) >= BUSY_TICKETS
                else None,
            ),
        ),
    ]
    return out


def _pct(x: Any) -> Any:
    return None if x is None else 100 * x


def table(r: dict[str, Any], size: Size, ran: list[str]) -> str:
    """The figures as one aligned text table, with a title line saying quick or full."""
    body = [row for name, row in rows(r, size) if name in ran]
    header = ("figure", "measured", "baseline (same run)", "target", "met")
    cells = [header] + [(f, m, b, t, verdict(ok)) for f, m, b, t, ok in body]
    widths = [max(_width(c[i]) for c in cells) for i in range(len(header))]
    lines = [
        " | ".join(c + " " * (w - _width(c)) for c, w in zip(cell, widths, strict=True)).rstrip()
        for cell in cells
    ]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    kind = (
        "QUICK run: smaller data, fewer runs; indicative only, not the figures of record"
        if size.quick
        else "full run"
    )
    title = (
        f"python -m bench — {kind}; {os.cpu_count()} cores, load average "
        f"{os.getloadavg()[0]:.1f} at the end; {r['elapsed_s']:.0f} s"
    )
    reasons = [f"  {k}: {v}" for k, v in r.get("reasons", {}).items()]
    return "\n".join([title, "", *lines, *(["", "not measured:", *reasons] if reasons else [])])


def _width(text: str) -> int:
    """Display width: CJK characters take two columns."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller data, fewer runs (< 2 min)")
    parser.add_argument("--size", choices=sorted(SIZES), help=argparse.SUPPRESS)  # smoke: tests
    parser.add_argument("--only", help="comma-separated figures: " + ",".join(FIGURES))
    parser.add_argument("--out", type=Path, default=RESULTS, help="where results.json goes")
    args = parser.parse_args(argv)
    size = SIZES[args.size or ("quick" if args.quick else "full")]
    wanted = list(FIGURES) if not args.only else [n.strip() for n in args.only.split(",")]
    unknown = [n for n in wanted if n not in FIGURES]
    if unknown:
        parser.error(f"unknown figure(s) {', '.join(unknown)}; choose from {', '.join(FIGURES)}")
    # Always in the table's order, whatever --only says: the simulated day's wait-estimate
    # errors (both read off its tickets) then replace the stand-in day's, never the reverse.
    names = [n for n in FIGURES if n in wanted]
    started = time.perf_counter()
    results: dict[str, Any] = dict.fromkeys(KEYS)
    results["quick"] = size.quick
    reasons: dict[str, str] = {}
    for name in names:
        figure: Callable[[Size], dict[str, Any]] = FIGURES[name]
        t0 = time.perf_counter()
        print(f"measuring {name} …", file=sys.stderr, flush=True)
        try:
            measured = figure(size)
        except Exception as e:  # one broken figure must not cost the others
            traceback.print_exc()
            reasons[name] = f"failed: {type(e).__name__}: {e}"
            continue
        reason = measured.pop("reason", None)
        if reason:
            reasons[name] = reason
        results.update(measured)
        if name == "simulated_day" and "wait_estimate_mae_min" in measured:
            results["wait_estimate_source"] = SIMULATION_SOURCE
        print(f"  {name}: {time.perf_counter() - t0:.1f} s", file=sys.stderr, flush=True)
        # What is measured so far, in case a long run is stopped before the end.
        partial = {**results, "reasons": reasons, "complete": False}
        args.out.write_text(json.dumps(partial, indent=2, ensure_ascii=False) + "\n", "utf-8")
    results.setdefault("wait_estimate_source", "bench_wait_accuracy's ordinary day")
    results["elapsed_s"] = time.perf_counter() - started
    results["reasons"] = {
        **reasons,
        **{
            k: "not run (--only)" for k in KEYS if results[k] is None and _figure_of(k) not in names
        },
    }
    results["figures"] = names
    results["complete"] = True
    results["size"] = {k: v for k, v in vars(size).items()}
    results["machine"] = {
        "cores": os.cpu_count(),
        "load_average_end": os.getloadavg()[0],
        "python": platform.python_version(),
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    args.out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", "utf-8")
    print(table(results, size, names))
    print(f"\nwritten to {args.out}")
    return 0


def _figure_of(key: str) -> str:
    return {
        "call_next_p99_ms": "call_next",
        "pg_claims_ratio": "pg_claims",
        "take_ticket_p99_ms": "take_ticket",
        "receipt_ratio": "receipt",
        "dashboard_refresh_ms": "dashboard",
        "cold_start_ms": "cold_start",
        "cold_start_ratio": "cold_start",
        "rss_mb": "cold_start",
        "simulated_day_s": "simulated_day",
        "wait_estimate_mae_min": "wait_estimate",
        "wait_estimate_naive_mae_min": "wait_estimate",
    }[key]


if __name__ == "__main__":
    raise SystemExit(main())
