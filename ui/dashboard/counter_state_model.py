"""Table adapter over the counters' states from ``queue.status()``; stranded ones in red.

A counter is *stranded* when it is offline (no heartbeat) with a ticket still in service: the
applicant waits at a dead window until a supervisor releases or finishes that ticket.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ui.common.table_model import Index, RowTableModel
from ui.common.theme import ACCENT, MUTED

STRANDED_BACKGROUND = QColor("#fde8e8")


def is_stranded(counter: Any) -> bool:
    return not counter.online and counter.current_ticket is not None


class CounterStateModel(RowTableModel):
    """Rows are ``CounterState``; ``set_category_names`` makes "A" read "A 企业开办"."""

    NUMBER, NAME, CATEGORIES, CLERK, STATE, TICKET = range(6)
    CENTERED = frozenset({NUMBER, STATE, TICKET})

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._category_names: dict[str, str] = {}

    def set_category_names(self, names: dict[str, str]) -> None:
        self._category_names = dict(names)

    def headers(self) -> list[str]:
        return [
            self.tr("No."),
            self.tr("Counter"),
            self.tr("Categories served"),
            self.tr("Clerk"),
            self.tr("State"),
            self.tr("In service"),
        ]

    def display(self, row: Any, column: int) -> str:
        if column == self.NUMBER:
            return str(row.number)
        if column == self.NAME:
            return str(row.name)
        if column == self.CATEGORIES:
            return "，".join(row.categories)
        if column == self.CLERK:
            return row.clerk or "—"
        if column == self.STATE:
            return self.state_text(row)
        if column == self.TICKET:
            return row.current_ticket or "—"
        return ""

    def state_text(self, row: Any) -> str:
        if is_stranded(row):
            return self.tr("Offline · ticket stranded")
        if not row.online:
            return self.tr("Offline")
        return self.tr("Paused") if row.paused else self.tr("Open")

    def sort_key(self, row: Any, column: int) -> Any:
        return row.number if column == self.NUMBER else self.display(row, column)

    def row_of(self, counter_no: int) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.number == counter_no), None)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row_at(index)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.CATEGORIES:
            return "\n".join(f"{p} {self._category_names.get(p, '')}" for p in row.categories)
        if is_stranded(row):
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(STRANDED_BACKGROUND)
            if role == Qt.ItemDataRole.ForegroundRole and index.column() == self.STATE:
                return QBrush(QColor(ACCENT))
            if role == Qt.ItemDataRole.FontRole and index.column() == self.STATE:
                font = QFont()
                font.setBold(True)
                return font
        elif role == Qt.ItemDataRole.ForegroundRole and not row.online:
            return QBrush(QColor(MUTED))
        return super().data(index, role)
