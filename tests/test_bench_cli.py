"""``python -m bench`` (issue 18): one table and results.json with every figure's key, typed.

Runs the real command at its smallest size on a few figures; it checks the shape of what is
printed and written, never the timings.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from clerk_app.demo.credit_cases import make_resident_id

ROOT = Path(__file__).resolve().parent.parent
RESIDENT_ID = make_resident_id("440507", date(1990, 1, 2), 11)
KEYS = {
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
}


def test_bench_prints_one_table_and_writes_every_key(tmp_path: Path) -> None:
    out = tmp_path / "results.json"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "bench",
            "--size",
            "smoke",
            "--only",
            "call_next,take_ticket,receipt,wait_estimate,simulated_day",
            "--out",
            str(out),
        ],
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    results = json.loads(out.read_text("utf-8"))
    assert results.keys() >= KEYS
    assert results["quick"] is True and results["complete"] is True
    for key in KEYS:
        assert results[key] is None or isinstance(results[key], float), (key, results[key])
    for key in ("call_next_p99_ms", "take_ticket_p99_ms", "receipt_ratio"):
        assert results[key] > 0
    assert results["wait_estimate_naive_mae_min"] >= 0
    # What was not run, or could not be, is null with its reason.
    for key in ("pg_claims_ratio", "dashboard_refresh_ms", "cold_start_ms", "rss_mb"):
        assert results[key] is None and results["reasons"][key] == "not run (--only)"
    if results["simulated_day_s"] is None:
        assert "clerk_app.simulation" in results["reasons"]["simulated_day"]

    table = done.stdout
    assert "QUICK run" in table  # a quick run says so
    header = next(line for line in table.splitlines() if line.startswith("figure"))
    assert [c.strip() for c in header.split("|")] == [
        "figure",
        "measured",
        "baseline (same run)",
        "target",
        "met",
    ]
    for figure, baseline in (
        ("call-next, SQLite", "raw sqlite3 claim"),
        ("take-ticket, SQLite", "same writes in raw sqlite3"),
        ("A4 receipt", "bare reportlab page"),
        ("wait estimate MAE", "naive"),
    ):
        row = next(line for line in table.splitlines() if line.startswith(figure))
        cells = [c.strip() for c in row.split("|")]
        assert baseline in cells[2] and cells[4] in {"met", "NOT MET"}, row
    assert "PostgreSQL" not in table  # figures not asked for get no row
    assert str(out) in table


def test_a_cached_bench_hall_opens_with_its_own_keys_whatever_the_pc_has(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The bench's halls cached under /tmp outlive the run that made them; they were opened with
    whatever key file the environment named (a test session's temporary one), so a later run
    was refused (PiiKeyError: 第 0 号密钥不符) and CI went red. Each bench hall now keeps its keys
    beside it and never touches the PC's."""
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from bench_halls import copy_hall, keys_of, open_bench_hall
    finally:
        sys.path.remove(str(ROOT / "bench"))
    pc_keys = tmp_path / "pc.keys"
    monkeypatch.setenv("CLERK_PII_KEYS", str(pc_keys))
    cached = tmp_path / "cached.db"
    hall = open_bench_hall(cached)
    hall.seed_demo()
    hall.kiosk().queue.take_ticket("A", identity=RESIDENT_ID)  # an ID sealed with its keys
    hall.close()
    assert keys_of(cached).is_file() and not pc_keys.exists()

    monkeypatch.setenv("CLERK_PII_KEYS", str(tmp_path / "another-session.keys"))
    copy = copy_hall(cached, tmp_path / "run.db")
    again = open_bench_hall(copy)
    try:
        assert again.kiosk().queue.take_ticket("A", identity=RESIDENT_ID).number
    finally:
        again.close()
    assert not (tmp_path / "another-session.keys").exists() and not pc_keys.exists()


def test_a_simulated_day_on_a_scratch_hall_leaves_the_pcs_key_file_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from clerk_app.simulation import run_day

    pc_keys = tmp_path / "pc.keys"
    monkeypatch.setenv("CLERK_PII_KEYS", str(pc_keys))
    report = run_day(tickets=20, counters=2, seed=5)
    assert report.tickets == 20
    assert not pc_keys.exists()  # a stray key file here would be refused by the PC's real hall
