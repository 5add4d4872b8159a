"""Table adapters of the hall display: calls (number → counter) and the waiting per category.

Rows are the core's ``CallInfo`` and ``CategoryLoad``. A new call flashes: ``set_flash`` marks
rows by key and gives a level from 0 to 1 that the background blends towards the flash colour.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor

from ui.common.labels import counter_label
from ui.common.table_model import Index, RowTableModel

BACKGROUND = QColor("#0a1220")
FLASH = QColor("#ffd34d")
TEXT = QColor("#f2f5fa")
FLASH_TEXT = QColor("#0a1220")


def blend(base: QColor, top: QColor, level: float) -> QColor:
    """``base`` moved ``level`` (0–1) of the way to ``top``."""
    level = min(1.0, max(0.0, level))
    return QColor(
        round(base.red() + (top.red() - base.red()) * level),
        round(base.green() + (top.green() - base.green()) * level),
        round(base.blue() + (top.blue() - base.blue()) * level),
    )


class CallTableModel(RowTableModel):
    """The latest call per counter still in service, newest first; flashes by counter."""

    TICKET, COUNTER = range(2)
    CENTERED = frozenset({TICKET, COUNTER})

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._flash_keys: frozenset[Hashable] = frozenset()
        self._level = 0.0

    def headers(self) -> list[str]:
        return [self.tr("Number"), self.tr("Counter")]

    def display(self, row: Any, column: int) -> str:
        if column == self.TICKET:
            return str(row.ticket_number)
        if column == self.COUNTER:
            return counter_label(row.counter_number)
        return ""

    def flash_key(self, row: Any) -> Hashable:
        """What a new call matches: a counter here (a recall flashes that counter's row)."""
        key: Hashable = row.counter_number
        return key

    # --- flashing ---------------------------------------------------------------------------
    def set_flash(self, keys: Iterable[Hashable], level: float) -> None:
        self._flash_keys = frozenset(keys)
        self._level = level
        if self.rowCount() and self.columnCount():
            last = self.index(self.rowCount() - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def flashing_rows(self) -> list[int]:
        """Rows lit right now (level above zero)."""
        if self._level <= 0:
            return []
        return [i for i, row in enumerate(self._rows) if self.flash_key(row) in self._flash_keys]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            if not index.isValid() or index.row() not in self.flashing_rows():
                return None
            if role == Qt.ItemDataRole.BackgroundRole:
                return blend(BACKGROUND, FLASH, self._level)
            return FLASH_TEXT if self._level > 0.5 else TEXT
        return super().data(index, role)


class RecentCallModel(CallTableModel):
    """The last calls and recalls, newest first; a new one flashes by its call id."""

    def flash_key(self, row: Any) -> Hashable:
        key: Hashable = row.id
        return key


class WaitingModel(RowTableModel):
    """Rows are the core's ``CategoryLoad``: people waiting per queue and the estimated wait."""

    PREFIX, NAME, WAITING, WAIT = range(4)
    CENTERED = frozenset({PREFIX, WAITING, WAIT})

    def headers(self) -> list[str]:
        return [self.tr("Queue"), self.tr("Category"), self.tr("Waiting"), self.tr("About (min)")]

    def display(self, row: Any, column: int) -> str:
        if column == self.PREFIX:
            return str(row.prefix)
        if column == self.NAME:
            return str(row.name)
        if column == self.WAITING:
            return str(row.waiting)
        if column == self.WAIT:
            if row.wait_minutes is None:  # no counter open serves it: no minutes promised
                return self.tr("No counter open")
            return str(row.wait_minutes) if row.waiting else "—"
        return ""
