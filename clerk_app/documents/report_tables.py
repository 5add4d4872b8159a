"""A report as plain tables, for its spreadsheet and its PDF: titles, columns, rows of values.

The report service composes it (``services.reports.tables``); ``report_xlsx`` and
``report_pdf`` draw it. Values stay numbers here; each writer formats them by column kind.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

Cell = str | int | float | None


class ColumnKind(StrEnum):
    TEXT = "text"
    COUNT = "count"
    MINUTES = "minutes"  # one decimal
    SHARE = "share"  # 0–1, shown as a percentage


@dataclass(frozen=True)
class Column:
    header: str
    kind: ColumnKind = ColumnKind.COUNT


@dataclass(frozen=True)
class ColumnGroup:
    """Columns shown together: the PDF draws one table per group (each repeats column 0)."""

    title: str
    columns: tuple[int, ...]


@dataclass(frozen=True)
class ReportTable:
    name: str  # the sheet's name (at most 31 characters)
    title: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]
    groups: tuple[ColumnGroup, ...] = ()
    note: str = ""
    # A list of figures, one per row (the summary): each row's kind for its value, column 1.
    row_kinds: tuple[ColumnKind, ...] = ()

    def kind(self, row: int, column: int) -> ColumnKind:
        if column == 1 and self.row_kinds:
            return self.row_kinds[row]
        return self.columns[column].kind


@dataclass(frozen=True)
class ReportDocument:
    title: str  # the hall's name and the report's
    subtitle: str  # the range, filters, when it was read
    tables: tuple[ReportTable, ...]


def format_cell(value: Cell, kind: ColumnKind) -> str:
    """How a value is written where text is needed (the PDF): "—" for no value."""
    if value is None:
        return "—"
    if kind is ColumnKind.SHARE and isinstance(value, int | float):
        return f"{value * 100:.1f}%"
    if kind is ColumnKind.MINUTES and isinstance(value, int | float):
        return f"{value:.1f}"
    return str(value)
