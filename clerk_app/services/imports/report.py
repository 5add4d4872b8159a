"""What an import found: each problem by row and column in both languages, and the counts."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from clerk_app.errors import ValidationError
from clerk_app.i18n import pick


@dataclass(frozen=True)
class Problem:
    """One problem of the file: ``row`` as the spreadsheet numbers it (the header is row 1;
    0 for the file as a whole), ``column`` the header as the file has it ("" for a whole row)."""

    row: int
    column: str
    zh: str
    en: str

    def __str__(self) -> str:
        return pick(f"{self.where_zh()}：{self.zh}", f"{self.where_en()}: {self.en}")

    def where_zh(self) -> str:
        where = f"第{self.row}行" if self.row else "文件"
        return where + (f"“{self.column}”列" if self.column else "")

    def where_en(self) -> str:
        where = f"row {self.row}" if self.row else "file"
        return where + (f", column {self.column!r}" if self.column else "")


@dataclass
class ImportReport:
    """The outcome of validating (and perhaps applying) one file."""

    kind: str  # catalog | credit_list | appointments
    path: str
    rows: int = 0  # data rows read (blank rows not counted)
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    problems: list[Problem] = field(default_factory=list)
    dry_run: bool = False
    applied: bool = False  # written to the database (not a dry run, no problems, a change)

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        if self.problems:
            return pick(
                f"{self.path}：发现 {len(self.problems)} 个问题，未导入任何内容，数据库未改变。",
                f"{self.path}: {len(self.problems)} problem(s) found; nothing was imported and "
                "the database is unchanged.",
            )
        prefix = pick("（试运行，未写入）", "(dry run, nothing written) ") if self.dry_run else ""
        return prefix + pick(
            f"{self.path}：{self.rows} 行，新增 {self.added}，更新 {self.updated}，"
            f"未变 {self.unchanged}。",
            f"{self.path}: {self.rows} rows, {self.added} added, {self.updated} updated, "
            f"{self.unchanged} unchanged.",
        )

    def lines(self) -> list[str]:
        """The summary, then one line per problem."""
        return [self.summary(), *(str(p) for p in self.problems)]

    def save_csv(self, path: Path) -> None:
        """Writes the problems as a CSV table (UTF-8 with BOM, so Excel shows the Chinese)."""
        with path.open("w", encoding="utf-8-sig", newline="") as f:
            out = csv.writer(f)
            out.writerow(["行 row", "列 column", "问题", "problem"])
            for p in self.problems:
                out.writerow([p.row, p.column, p.zh, p.en])


class ImportRefused(ValidationError):
    """The file was refused; ``report`` holds every problem found. Nothing was changed."""

    def __init__(self, report: ImportReport) -> None:
        self.report = report
        first = report.problems[0] if report.problems else None
        more_zh = f"（共 {len(report.problems)} 个问题）" if len(report.problems) > 1 else ""
        more_en = f" ({len(report.problems)} problems in all)" if len(report.problems) > 1 else ""
        zh = report.summary()
        en = report.summary()
        if first is not None:
            zh = f"导入被拒绝，数据库未改变。{first.where_zh()}：{first.zh}{more_zh}"
            en = (
                "Import refused; the database is unchanged. "
                f"{first.where_en()}: {first.en}{more_en}"
            )
        super().__init__(zh, en)


class RowProblem(Exception):
    """Raised while reading one cell: the value breaks the column's rule (zh, en)."""

    def __init__(self, zh: str, en: str, column: str = "") -> None:
        super().__init__(zh)
        self.zh = zh
        self.en = en
        self.column = column
