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

    NUMBER, NAME, CATEGORIES, CLERK, STATE, TICKET, FOR = range(7)
    CENTERED = frozenset({NUMBER, STATE, TICKET})

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._category_names: dict[str, str] = {}
        self._figures: dict[int, Any] = {}  # counter number -> supervision's CounterFigures

    def set_figures(self, figures: Any) -> None:
        """The minutes in service or idle of each counter (``Dashboard.counters``); shown from
        the next ``set_rows``."""
        self._figures = {f.number: f for f in figures}

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
            self.tr("For"),
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
        if column == self.FOR:
            return self.for_text(self._figures.get(row.number))
        return ""

    def for_text(self, figures: Any) -> str:
        """How long the ticket has been in service, or the open counter idle."""
        if figures is None:
            return ""
        if figures.in_service_minutes is not None:
            return self.tr("serving %1 min").replace("%1", str(figures.in_service_minutes))
        if figures.idle_minutes is not None:
            return self.tr("idle %1 min").replace("%1", str(figures.idle_minutes))
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
