"""The export to the province: every evaluation in exactly one batch file, also when a run is
killed between claiming and writing or between writing and marking (SQLite and PostgreSQL)."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from clerk_app.api import Hall, open_hall
from clerk_app.errors import ValidationError
from clerk_app.i18n import set_language
from clerk_app.persistence.models_evaluations import EvaluationExport
from tests.support.acceptance import FOOD, ROAD
from tests.support.evaluations import serve

SINCE = "2026-01-01"

# Runs `clerk` with one step of the export replaced by SIGKILL of its own process.
KILLED_RUN = """
import os, signal, sys
from clerk_app.services.evaluations import export
def die(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGKILL)
setattr(export, sys.argv[1], die)
from clerk_app.cli import main
sys.exit(main(sys.argv[2:]))
"""


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    set_language("en")
    yield
    set_language("zh_CN")


def rate(hall: Hall, *levels: int) -> list[int]:
    """Serves and rates one ticket per level at counter 3; returns the evaluation ids."""
    ids = []
    for level in levels:
        ticket = serve(hall, 3, promised=(FOOD,) if level == 1 else ())
        reasons = ["long_wait"] if level >= 4 else []
        ids.append(hall.evaluator(3).evaluations.rate(ticket.id, level, reasons, "好").id)
    return ids


def clerk_cli(url: str, *args: str, kill_at: str | None = None) -> subprocess.CompletedProcess[str]:
    cli = ["--db", url, "--lang", "en", *args]
    command = [sys.executable, "-m", "clerk_app", *cli]
    if kill_at is not None:
        command = [sys.executable, "-c", KILLED_RUN, kill_at, *cli]
    return subprocess.run(command, capture_output=True, text=True)


def export(url: str, out: Path, kill_at: str | None = None) -> subprocess.CompletedProcess[str]:
    return clerk_cli(
        url, "evaluations", "export", "--since", SINCE, "--out", str(out), kill_at=kill_at
    )


def lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def batches(hall: Hall) -> list[tuple[str, int, bool]]:
    with hall.db.read() as s:
        return [
            (b.batch_no, b.record_count, b.exported_at is not None)
            for b in s.scalars(select(EvaluationExport).order_by(EvaluationExport.id))
        ]


def test_each_evaluation_is_exported_once_as_json_lines(
    hall: Hall, hall_url: str, tmp_path: Path
) -> None:
    first_ids = rate(hall, 1, 4)
    result = export(hall_url, tmp_path / "a.jsonl")
    assert result.returncode == 0, result.stderr
    assert "Exported batch 440500-EV-000001: 2 evaluations" in result.stdout
    records = lines(tmp_path / "a.jsonl")
    assert [r["record_id"] for r in records] == [f"440500-{i}" for i in first_ids]
    good, bad = records
    assert list(good) == [
        "record_id", "batch_no", "hall_code", "hall_name", "window_no", "clerk_account",
        "clerk_name", "ticket_no", "service_date", "items", "channel", "channel_name", "level",
        "level_name", "reasons", "reason_names", "comment", "defaulted", "served_at",
        "finished_at", "rated_at",
    ]  # fmt: skip
    assert (good["hall_code"], good["hall_name"]) == ("440500", "汕头市政务服务中心")
    assert (good["window_no"], good["clerk_account"], good["channel"]) == (
        3,
        "clerk03",
        "window_evaluator",
    )
    [item] = good["items"]  # type: ignore[misc]
    assert item["item_code"] == FOOD and item["item_kind"] == "promised"
    assert item["item_kind_name"] == "承诺件" and str(item["case_no"]).startswith("440500")
    assert (good["level"], good["level_name"], good["comment"]) == (1, "非常满意", "好")
    assert (bad["level"], bad["reasons"], bad["reason_names"]) == (4, ["long_wait"], ["等候时间长"])
    assert bad["items"] == [] and bad["defaulted"] is False
    assert str(good["rated_at"]).endswith("+08:00")
    assert (tmp_path / "a.jsonl").read_bytes().decode("utf-8")  # UTF-8, no BOM
    assert not (tmp_path / "a.jsonl").read_bytes().startswith(b"\xef\xbb\xbf")

    again = export(hall_url, tmp_path / "b.jsonl")
    assert again.returncode == 0 and "No evaluations to report" in again.stdout
    assert not (tmp_path / "b.jsonl").exists()

    later = rate(hall, 2)
    assert export(hall_url, tmp_path / "c.jsonl").returncode == 0
    assert [r["record_id"] for r in lines(tmp_path / "c.jsonl")] == [f"440500-{later[0]}"]
    assert batches(hall) == [("440500-EV-000001", 2, True), ("440500-EV-000002", 1, True)]


@pytest.mark.parametrize("kill_at", ["mark_exported", "write_atomically"])
def test_a_killed_export_is_finished_by_the_next_run_without_loss_or_duplicate(
    hall: Hall, hall_url: str, tmp_path: Path, kill_at: str
) -> None:
    """Killed after writing the file (before marking it) or after claiming (before writing)."""
    claimed = rate(hall, 1, 2, 5)
    killed = export(hall_url, tmp_path / "killed.jsonl", kill_at=kill_at)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert batches(hall) == [("440500-EV-000001", 3, False)]  # claimed, not marked
    written = tmp_path / "killed.jsonl"
    assert written.exists() == (kill_at == "mark_exported")
    assert not list(tmp_path.glob(".*.tmp"))  # never half a file
    newer = rate(hall, 3)  # rated after the killed run claimed its batch

    rerun = export(hall_url, tmp_path / "rerun.jsonl")
    assert rerun.returncode == 0, rerun.stderr
    assert "interrupted" in rerun.stdout and "440500-EV-000001: 3 evaluations" in rerun.stdout
    if written.exists():  # the same batch, byte for byte
        assert (tmp_path / "rerun.jsonl").read_bytes() == written.read_bytes()
    assert batches(hall) == [("440500-EV-000001", 3, True)]

    rest = export(hall_url, tmp_path / "rest.jsonl")
    assert rest.returncode == 0 and "440500-EV-000002: 1 evaluations" in rest.stdout
    assert export(hall_url, tmp_path / "none.jsonl").stdout.startswith("No evaluations")

    reported = [
        r["record_id"] for name in ("rerun", "rest") for r in lines(tmp_path / f"{name}.jsonl")
    ]
    assert reported == [f"440500-{i}" for i in claimed + newer]  # each exactly once
    assert {r["batch_no"] for r in lines(tmp_path / "rerun.jsonl")} == {"440500-EV-000001"}


def test_an_export_refuses_a_missing_folder_before_claiming(hall: Hall, tmp_path: Path) -> None:
    rate(hall, 1)
    chief = hall.login("supervisor", "demo").evaluations
    with pytest.raises(ValidationError, match="does not exist; nothing was exported"):
        chief.export(date(2026, 1, 1), tmp_path / "missing" / "x.jsonl")
    assert batches(hall) == []


def test_a_failed_write_keeps_the_batch_for_the_next_run(
    hall: Hall, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from clerk_app.services.evaluations import export as outbox

    rate(hall, 2)
    chief = hall.login("supervisor", "demo").evaluations

    def disk_full(path: Path, data: bytes) -> None:
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(outbox, "write_atomically", disk_full)
        with pytest.raises(ValidationError, match=r"No space left on device.*will be written"):
            chief.export(date(2026, 1, 1), tmp_path / "x.jsonl")
    assert batches(hall) == [("440500-EV-000001", 1, False)]
    done = chief.export(date(2026, 1, 1), tmp_path / "x.jsonl")
    assert done is not None and done.recovered and done.record_count == 1
    assert batches(hall) == [("440500-EV-000001", 1, True)]


def test_since_leaves_older_ratings_for_a_later_export(hall_url: str, tmp_path: Path) -> None:
    hall = open_hall(hall_url)
    try:
        rate(hall, 1)
        chief = hall.login("supervisor", "demo").evaluations
        assert chief.export(date(2099, 1, 1), tmp_path / "x.jsonl") is None
        done = chief.export(date(2000, 1, 1), tmp_path / "x.jsonl")
        assert done is not None and done.record_count == 1 and not done.recovered
    finally:
        hall.close()


def test_the_sweep_command_is_idempotent(hall_url: str) -> None:
    first = clerk_cli(hall_url, "evaluations", "sweep")
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip() == (
        "0 unrated services counted as basically satisfied; 0 rectifications overdue."
    )


def test_an_instant_item_is_reported_as_instant(hall: Hall, hall_url: str, tmp_path: Path) -> None:
    ticket = serve(hall, 3, instant=(ROAD,))
    hall.evaluator(3).evaluations.rate(ticket.id, 1)
    assert export(hall_url, tmp_path / "x.jsonl").returncode == 0
    [record] = lines(tmp_path / "x.jsonl")
    [item] = record["items"]  # type: ignore[misc]
    assert (item["item_code"], item["item_kind"], item["item_kind_name"]) == (
        ROAD,
        "instant",
        "即办件",
    )
