"""A large import on PostgreSQL ends by analyzing its tables (issue 14: search after a bulk
catalog import was slow because the planner still saw the tables as empty); the import's
stages are reported for the progress bar."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from clerk_app.api import Hall, open_hall
from clerk_app.demo.credit_cases import make_uscc
from clerk_app.services.imports.service import ANALYZE_AFTER_ROWS
from tests.imports.samples import CREDIT_HEADER, write_csv


def _credit_file(tmp_path: Path, n: int) -> Path:
    rows = [
        [
            make_uscc("440507", f"MB{i:06d}"),
            f"测试企业{i}",
            "红名单",
            "A级纳税人",
            "税务局",
            "2026-01-01",
            "",
        ]
        for i in range(n)
    ]
    return write_csv(tmp_path / "credit.csv", [list(CREDIT_HEADER), *rows])


def _planner_rows(hall: Hall) -> float:
    with hall.db.read() as s:
        return float(
            s.scalar(text("SELECT reltuples FROM pg_class WHERE relname = 'credit_list_entries'"))
        )


def _rows(hall: Hall) -> int:
    with hall.db.read() as s:
        return int(s.scalar(text("SELECT count(*) FROM credit_list_entries")))


@pytest.fixture
def pg_hall(pg_hall_url: str) -> Iterator[Hall]:
    hall = open_hall(pg_hall_url)
    yield hall
    hall.close()


@pytest.mark.pg
def test_a_large_import_leaves_the_planner_current(pg_hall: Hall, tmp_path: Path) -> None:
    hall = pg_hall
    stages: list[str] = []
    report = hall.system().imports.import_credit_list(
        _credit_file(tmp_path, ANALYZE_AFTER_ROWS), stage=stages.append
    )
    assert report.added == ANALYZE_AFTER_ROWS
    assert _planner_rows(hall) == _rows(hall)
    assert stages == ["reading", "checking", "comparing", "writing", "analyzing"]


def test_a_small_import_or_a_dry_run_is_not_analyzed(hall: Hall, tmp_path: Path) -> None:
    stages: list[str] = []
    imports = hall.system().imports
    path = _credit_file(tmp_path, 3)
    imports.import_credit_list(path, dry_run=True, stage=stages.append)
    assert stages == ["reading", "checking", "comparing"]
    stages.clear()
    imports.import_credit_list(path, stage=stages.append)
    assert stages == ["reading", "checking", "comparing", "writing"]
