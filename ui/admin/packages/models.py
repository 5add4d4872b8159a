"""The table of the 一件事 page: one row per package (``PackageInfo``), inactive ones too."""

from __future__ import annotations

from typing import Any

from ui.common.table_model import RowTableModel


class PackageModel(RowTableModel):
    CODE, NAME, PROMISED, ITEMS, SHARED, STATUS = range(6)
    RIGHT_ALIGNED = frozenset({PROMISED, SHARED})
    CENTERED = frozenset({STATUS})

    def headers(self) -> list[str]:
        return [
            self.tr("Code"),
            self.tr("Package"),
            self.tr("Promised (working days)"),
            self.tr("Items"),
            self.tr("Shared materials"),
            self.tr("Status"),
        ]

    def display(self, row: Any, column: int) -> str:
        values = {
            self.CODE: row.code,
            self.NAME: row.name,
            self.PROMISED: row.promised_days,
            self.ITEMS: "、".join(i.item_name for i in row.items),
            self.SHARED: len(row.shared),
            self.STATUS: self.tr("Active") if row.active else self.tr("Inactive"),
        }
        return str(values.get(column, ""))

    def sort_key(self, row: Any, column: int) -> Any:
        numbers = {self.PROMISED: row.promised_days, self.SHARED: len(row.shared)}
        return numbers.get(column, self.display(row, column))
