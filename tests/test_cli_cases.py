"""`clerk cases list`: the hall's cases for scripts (JSON) and people (masked identifiers)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from clerk_app.api import open_hall
from clerk_app.demo.credit_cases import HONGDA, PERSONS
from clerk_app.domain.case_states import CaseState
from clerk_app.domain.workdays import add_workdays
from clerk_app.services.calendar import load_overrides


def clerk(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "clerk_app", "--db", url, *args],
        capture_output=True,
        text=True,
    )


def test_cases_list_json(hall_url: str) -> None:
    result = clerk(hall_url, "cases", "list", "--json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert {r["state"] for r in rows} == {s.value for s in CaseState}
    assert all({"case_no", "item_code", "state", "due_date"} <= set(r) for r in rows)
    hall = open_hall(hall_url)
    stored = {c.case_no: c for c in hall.system().cases.list_cases()}
    hall.close()
    assert {r["case_no"] for r in rows} == set(stored)
    for r in rows:
        due = stored[r["case_no"]].due_date
        assert r["due_date"] == (due.isoformat() if due else None)
    assert HONGDA.uscc not in result.stdout and PERSONS[0].resident_id not in result.stdout


def test_cases_list_text_and_state_filter(hall_url: str) -> None:
    result = clerk(hall_url, "--lang", "en", "cases", "list", "--state", "pending_supplement")
    assert result.returncode == 0, result.stderr
    [line] = result.stdout.splitlines()
    _case_no, item, applicant, state, due = line.split("\t")
    assert item.startswith("440500-") and state == "pending supplement"
    assert applicant.startswith(HONGDA.name) and "**********" in applicant
    assert len(due) == 10
    bad = clerk(hall_url, "cases", "list", "--state", "lost")
    assert bad.returncode == 2


def test_cases_sweep_is_idempotent(hall_url: str) -> None:
    first = clerk(hall_url, "cases", "sweep")
    assert first.returncode == 0, first.stderr
    assert "逾期未补正已终止" in first.stdout
    again = clerk(hall_url, "cases", "sweep")
    assert again.returncode == 0 and again.stdout.strip() == "逾期未补正已终止 0 件。"


def test_admin_enters_next_years_holiday_notice(hall_url: str) -> None:
    """chinese-calendar ends in 2026: the admin enters 2027, then 2027 due dates count."""
    assert "未覆盖" in clerk(hall_url, "calendar", "show", "2027").stdout
    bad = clerk(hall_url, "calendar", "enter", "2027", "--holidays", "2027-02-30")
    assert bad.returncode == 2 and "格式不对" in bad.stderr
    backwards = clerk(hall_url, "calendar", "enter", "2027", "--holidays", "2027-10-07..2027-10-01")
    assert backwards.returncode == 2 and "起止颠倒" in backwards.stderr
    empty = clerk(hall_url, "calendar", "enter", "2027", "--holidays", "")
    assert empty.returncode == 2 and "没有任何放假日" in empty.stderr
    assert "未覆盖" in clerk(hall_url, "calendar", "show", "2027").stdout
    entered = clerk(
        hall_url,
        "calendar",
        "enter",
        "2027",
        "--holidays",
        "2027-01-01..2027-01-03,2027-02-06..2027-02-12,2027-10-01..2027-10-07",
        "--workdays",
        "2027-02-14",
    )
    assert entered.returncode == 0, entered.stderr
    assert "2027 年：可计算工作日" in entered.stdout and "2027-02-14\t调休上班" in entered.stdout
    hall = open_hall(hall_url)
    with hall.db.read() as s:
        overrides = load_overrides(s)
    hall.close()
    # Friday 5 Feb + 1 working day: the festival week is off, Sunday 14 Feb is worked (调休).
    assert add_workdays(date(2027, 2, 5), 1, overrides) == date(2027, 2, 14)


def test_a_reader_that_goes_away_ends_the_listing_quietly(tmp_path: Path) -> None:
    """`clerk cases list | head` printed a BrokenPipeError traceback."""
    env = {**os.environ, "CLERK_DATA_DIR": str(tmp_path)}
    clerk = [sys.executable, "-m", "clerk_app", "--demo"]
    subprocess.run([*clerk, "seed-demo"], env=env, check=True, capture_output=True)
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the first line
    try:
        done = subprocess.run(
            [*clerk, "cases", "list"], stdout=write_end, stderr=subprocess.PIPE, env=env
        )
    finally:
        os.close(write_end)
    assert done.stderr == b""
    assert done.returncode == 141


def test_demo_opens_the_demo_halls_file_and_db_another(tmp_path: Path) -> None:
    env = {**os.environ, "CLERK_DATA_DIR": str(tmp_path), "CLERK_CONFIG": str(tmp_path / "x")}
    env.pop("CLERK_DB_URL", None)
    clerk = [sys.executable, "-m", "clerk_app"]
    subprocess.run([*clerk, "--demo", "seed-demo"], env=env, check=True, capture_output=True)
    demo = subprocess.run([*clerk, "--demo", "user", "list"], env=env, capture_output=True)
    local = subprocess.run([*clerk, "user", "list"], env=env, capture_output=True)
    assert b"clerk01" in demo.stdout and b"clerk01" not in local.stdout
    both = subprocess.run([*clerk, "--demo", "--db", "sqlite://", "user", "list"], env=env)
    assert both.returncode == 2  # argparse: one source at a time
