"""`clerk cases list`: the hall's cases for scripts (JSON) and people (masked identifiers)."""

from __future__ import annotations

import json
import subprocess
import sys

from clerk_app.api import open_hall
from clerk_app.demo.credit_cases import HONGDA, PERSONS
from clerk_app.domain.case_states import CaseState


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
