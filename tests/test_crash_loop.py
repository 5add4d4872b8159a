"""Kill -9 at random moments of a mixed workload: nothing acknowledged is lost, the chain holds.

``tests/support/crash_workload.py`` takes tickets, calls, accepts cases and prints receipts
through the services, writing each action to a side file (fsynced) only after its commit
returned. This test SIGKILLs it again and again at random moments (after it has done a few
actions, so kills land in every step: a commit, a print, the audit append) and after each
kill finds every acknowledged action in the database and the audit chain intact.
(``tests/test_evaluations_export.py`` kills the 好差评 export at each of its steps.)
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import select

from clerk_app.api import open_hall
from clerk_app.persistence.models import AuditLog, Ticket
from clerk_app.persistence.models_cases import Case, PrintedDocument

ROOT = Path(__file__).resolve().parent.parent
KILLS = {"sqlite": 15, "postgresql": 6}


def acknowledged(path: Path) -> list[dict[str, object]]:
    if not path.exists():
        return []
    lines = path.read_text().split("\n")
    return [json.loads(line) for line in lines[:-1]]  # a line cut by the kill has no newline


def wait_for_more(path: Path, than: int, process: subprocess.Popen[bytes]) -> None:
    """Until the workload has acknowledged more than ``than`` actions (or died)."""
    deadline = time.monotonic() + 60
    while len(acknowledged(path)) <= than and process.poll() is None:
        assert time.monotonic() < deadline, "the workload made no progress"
        time.sleep(0.02)


def missing(url: str, acks: list[dict[str, object]]) -> list[dict[str, object]]:
    hall = open_hall(url)
    try:
        with hall.db.read() as s:
            tickets = set(s.scalars(select(Ticket.id)))
            called = {
                int(t.split(":")[1])
                for t in s.scalars(
                    select(AuditLog.target).where(AuditLog.action == "ticket_called")
                )
            }
            cases = set(s.scalars(select(Case.case_no)))
            printed = set(s.scalars(select(PrintedDocument.case_no)))
        found = {"ticket": tickets, "call": called, "case": cases, "print": printed}
        return [a for a in acks if a["key"] not in found[str(a["kind"])]]
    finally:
        hall.close()


def test_kill_9_never_loses_an_acknowledged_action(hall_url: str, tmp_path: Path) -> None:
    rng = random.Random(16)
    kind = "sqlite" if hall_url.startswith("sqlite") else "postgresql"
    acks_file = tmp_path / "acks.jsonl"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    kills = 0
    for _ in range(KILLS[kind]):
        before = len(acknowledged(acks_file))
        process = subprocess.Popen(
            [sys.executable, "-m", "tests.support.crash_workload", hall_url, str(acks_file)],
            cwd=ROOT,
            env=env,
            stderr=subprocess.PIPE,
        )
        wait_for_more(acks_file, before + rng.randint(0, 3), process)
        time.sleep(rng.uniform(0, 0.2))  # somewhere inside the next action
        process.send_signal(signal.SIGKILL)
        _, stderr = process.communicate(timeout=30)
        assert process.returncode == -signal.SIGKILL, stderr.decode()
        kills += 1
        acks = acknowledged(acks_file)
        assert missing(hall_url, acks) == []
        hall = open_hall(hall_url)
        report = hall.system().audit.verify()
        hall.close()
        assert report.ok, report.bad
    acks = acknowledged(acks_file)
    kinds = {str(a["kind"]) for a in acks}
    assert kills == KILLS[kind] and kinds == {"ticket", "call", "case", "print"}
