"""`clerk import` and `clerk export`: exit 0 when imported, 2 when refused with the report on
stderr and the database unchanged; --dry-run writes nothing; the fixture files in each
encoding import; an export imports again as a no-op."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from clerk_app.api import open_hall
from clerk_app.cli import main
from tests.imports.samples import FIRM_A, read_csv, snapshot

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def url(_seeded_sqlite: Path, tmp_path: Path) -> str:
    path = tmp_path / "hall.db"
    shutil.copy(_seeded_sqlite, path)
    return f"sqlite:///{path}"


def _snapshot(url: str) -> dict[str, list[str]]:
    hall = open_hall(url)
    try:
        return snapshot(hall)
    finally:
        hall.close()


@pytest.mark.parametrize("name", ["credit_gb18030.csv", "credit_utf8_bom.csv", "credit_utf8.csv"])
def test_each_encoding_imports_then_is_a_no_op(url: str, name: str, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["--db", url, "import", "credit-list", str(FIXTURES / name)]) == 0
    assert "新增 3" in capsys.readouterr().out
    before = _snapshot(url)
    assert main(["--db", url, "import", "credit-list", str(FIXTURES / name)]) == 0
    assert "新增 0，更新 0，未变 3" in capsys.readouterr().out
    assert _snapshot(url) == before
    hall = open_hall(url)
    assert hall.system().credit.status(FIRM_A).on_black_list
    hall.close()


def test_appointments_fixture_imports(url: str, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["--db", url, "import", "appointments", str(FIXTURES / "appointments.xlsx")]) == 0
    assert "新增 3" in capsys.readouterr().out


@pytest.mark.parametrize("name", ["credit_bad_rows.csv", "garbage.csv"])
def test_refused_file_exits_2_with_the_report_and_nothing_changed(  # type: ignore[no-untyped-def]
    url: str, name: str, tmp_path: Path, capsys
) -> None:
    before = _snapshot(url)
    report = tmp_path / "report.csv"
    args = ["--db", url, "--lang", "en", "import", "credit-list", str(FIXTURES / name)]
    assert main([*args, "--report", str(report)]) == 2
    err = capsys.readouterr().err
    assert "nothing was imported and the database is unchanged" in err
    assert _snapshot(url) == before
    saved = read_csv(report)
    assert saved[0] == ["行 row", "列 column", "问题", "problem"] and len(saved) > 1
    if name == "credit_bad_rows.csv":  # every bad row is named, with its column
        assert [(r[0], r[1]) for r in saved[1:]] == [("3", "统一社会信用代码"), ("4", "有效期止")]
        assert "row 3, column '统一社会信用代码'" in err


def test_dry_run_prints_the_report_and_writes_nothing(url: str, capsys) -> None:  # type: ignore[no-untyped-def]
    before = _snapshot(url)
    path = str(FIXTURES / "credit_gb18030.csv")
    assert main(["--db", url, "import", "credit-list", path, "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "试运行" in out and "新增 3" in out
    assert _snapshot(url) == before


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_export_imports_again_as_a_no_op(url: str, tmp_path: Path, suffix: str, capsys) -> None:  # type: ignore[no-untyped-def]
    for what in ("catalog", "credit-list"):
        out = tmp_path / f"{what}{suffix}"
        assert main(["--db", url, "export", what, str(out)]) == 0
        before = _snapshot(url)
        assert main(["--db", url, "import", what, str(out)]) == 0
        assert "新增 0，更新 0" in capsys.readouterr().out
        assert _snapshot(url) == before


def test_the_command_exits_2_in_a_real_process(url: str) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "clerk_app",
            "--db",
            url,
            "import",
            "catalog",
            str(FIXTURES / "garbage.csv"),
        ],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2 and "数据库未改变" in done.stderr and "Traceback" not in done.stderr
