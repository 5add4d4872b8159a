"""The audit log's rows as a table: number, time, who (role, counter), action, target, change."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject

from clerk_app.services.audit_log import AuditEntry
from ui.common.labels import role_label
from ui.common.table_model import RowTableModel


class AuditTableModel(RowTableModel):
    SEQ, AT, ACTOR, ROLE, COUNTER, ACTION, TARGET, CHANGE = range(8)
    RIGHT_ALIGNED = frozenset({SEQ, COUNTER})

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)

    def headers(self) -> list[str]:
        return [
            self.tr("No."),
            self.tr("Time"),
            self.tr("Who"),
            self.tr("Role"),
            self.tr("Counter"),
            self.tr("Action"),
            self.tr("Target"),
            self.tr("Change"),
        ]

    def display(self, row: AuditEntry, column: int) -> str:
        if column == self.SEQ:
            return str(row.seq)
        if column == self.AT:
            return row.at.strftime("%Y-%m-%d %H:%M:%S")
        if column == self.ACTOR:
            return row.actor
        if column == self.ROLE:
            return role_label(row.role) if row.role else ""
        if column == self.COUNTER:
            return "" if row.counter is None else str(row.counter)
        if column == self.ACTION:
            return row.action
        if column == self.TARGET:
            return row.target
        return " → ".join(part for part in (row.before, row.after) if part)

    def sort_key(self, row: AuditEntry, column: int) -> Any:
        if column == self.SEQ:
            return row.seq
        if column == self.COUNTER:
            return -1 if row.counter is None else row.counter
        return self.display(row, column)
