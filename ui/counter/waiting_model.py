"""Table adapter over the counter's queue: the waiting tickets in the order they will be called."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject

from clerk_app.domain.queue_order import PriorityClass, priority_label
from ui.common.table_model import RowTableModel


def minutes_between(start: datetime, end: datetime) -> int:
    """Whole minutes from ``start`` to ``end`` (both hall-local), never negative."""
    return max(0, int((end - start).total_seconds() // 60))


class WaitingTicketModel(RowTableModel):
    """Rows are ``TicketInfo`` from ``queue.waiting_for_counter()``; ``now`` is hall-local."""

    POSITION, NUMBER, CATEGORY, PRIORITY, WAITED = range(5)
    CENTERED = frozenset({POSITION, NUMBER})
    RIGHT_ALIGNED = frozenset({WAITED})

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._now: datetime | None = None

    def set_queue(self, rows: Iterable[Any], now: datetime) -> None:
        self._now = now
        self.set_rows(rows)

    def headers(self) -> list[str]:
        return [
            self.tr("#"),
            self.tr("Number"),
            self.tr("Category"),
            self.tr("Priority"),
            self.tr("Waited (min)"),
        ]

    def display(self, row: Any, column: int) -> str:
        if column == self.POSITION:
            return str(row.ahead + 1)
        if column == self.NUMBER:
            return str(row.number)
        if column == self.CATEGORY:
            return str(row.category_name)
        if column == self.PRIORITY:
            return "" if row.priority == "normal" else priority_label(PriorityClass(row.priority))
        if column == self.WAITED:
            return "" if self._now is None else str(minutes_between(row.taken_at, self._now))
        return ""

    def sort_key(self, row: Any, column: int) -> Any:
        if column in (self.POSITION, self.WAITED):
            return row.ahead if column == self.POSITION else row.taken_at
        return self.display(row, column)
