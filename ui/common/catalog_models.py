"""Table adapters over the catalog: service items, counters and queue categories."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject

from ui.common.labels import kind_label, yes_no
from ui.common.table_model import RowTableModel


class ItemTableModel(RowTableModel):
    """Rows are ``ItemInfo``: the service items (政务服务事项) of the catalog."""

    CODE, NAME, DEPARTMENT, KIND, STATUTORY_DAYS, PROMISED_DAYS, TOLERANT, FEE = range(8)
    RIGHT_ALIGNED = frozenset({STATUTORY_DAYS, PROMISED_DAYS, FEE})
    CENTERED = frozenset({KIND, TOLERANT})

    def headers(self) -> list[str]:
        return [
            self.tr("Item code"),
            self.tr("Service item"),
            self.tr("Department"),
            self.tr("Kind"),
            self.tr("Statutory (working days)"),
            self.tr("Promised (working days)"),
            self.tr("Tolerant acceptance"),
            self.tr("Fee (yuan)"),
        ]

    def display(self, row: Any, column: int) -> str:
        if column == self.CODE:
            return str(row.item_code)
        if column == self.NAME:
            return str(row.name)
        if column == self.DEPARTMENT:
            return str(row.department_name)
        if column == self.KIND:
            return kind_label(row.kind)
        if column == self.STATUTORY_DAYS:
            return _days(row.statutory_days)
        if column == self.PROMISED_DAYS:
            return _days(row.promised_days)
        if column == self.TOLERANT:
            return yes_no(bool(row.tolerant_accept_allowed))
        if column == self.FEE:
            return str(row.fee_yuan)
        return ""

    def sort_key(self, row: Any, column: int) -> Any:
        if column == self.STATUTORY_DAYS:
            return row.statutory_days or 0
        if column == self.PROMISED_DAYS:
            return row.promised_days or 0
        return self.display(row, column)


class CounterTableModel(RowTableModel):
    """Rows are ``CounterInfo``; categories show as their prefixes and names."""

    NUMBER, NAME, CATEGORIES = range(3)
    CENTERED = frozenset({NUMBER})

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._category_names: dict[str, str] = {}

    def set_category_names(self, names: dict[str, str]) -> None:
        """Prefix → category name, so "A, B" can read "A 企业开办, B 不动产登记"."""
        self.beginResetModel()
        self._category_names = dict(names)
        self.endResetModel()

    def headers(self) -> list[str]:
        return [self.tr("No."), self.tr("Counter"), self.tr("Categories served")]

    def display(self, row: Any, column: int) -> str:
        if column == self.NUMBER:
            return str(row.number)
        if column == self.NAME:
            return str(row.name)
        if column == self.CATEGORIES:
            return "，".join(self._category_text(p) for p in row.category_prefixes)
        return ""

    def sort_key(self, row: Any, column: int) -> Any:
        return row.number if column == self.NUMBER else self.display(row, column)

    def _category_text(self, prefix: str) -> str:
        name = self._category_names.get(prefix)
        return f"{prefix} {name}" if name else prefix


def _days(days: int | None) -> str:
    return "—" if days is None else str(days)
