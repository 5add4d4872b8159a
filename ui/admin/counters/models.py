"""Table adapters of the Counters pages: ``CategoryAdminInfo`` and ``CounterAdminInfo`` rows."""

from __future__ import annotations

from typing import Any

from ui.common.table_model import RowTableModel


class CategoryModel(RowTableModel):
    PREFIX, NAME, COUNTERS = range(3)
    CENTERED = frozenset({PREFIX})
    RIGHT_ALIGNED = frozenset({COUNTERS})

    def headers(self) -> list[str]:
        return [self.tr("Prefix"), self.tr("Category"), self.tr("Counters serving")]

    def display(self, row: Any, column: int) -> str:
        return str((row.prefix, row.name, row.counters)[column])

    def sort_key(self, row: Any, column: int) -> Any:
        return row.counters if column == self.COUNTERS else self.display(row, column)


class CounterModel(RowTableModel):
    NUMBER, NAME, KIND, CATEGORIES = range(4)
    CENTERED = frozenset({NUMBER})

    def headers(self) -> list[str]:
        return [
            self.tr("No."),
            self.tr("Counter"),
            self.tr("Integrated / department"),
            self.tr("Categories in serving order"),
        ]

    def display(self, row: Any, column: int) -> str:
        if column == self.NUMBER:
            return str(row.number)
        if column == self.NAME:
            return str(row.name)
        if column == self.KIND:
            return self.tr("Integrated") if row.integrated else str(row.department_name)
        return " ".join(row.category_prefixes)

    def sort_key(self, row: Any, column: int) -> Any:
        return row.number if column == self.NUMBER else self.display(row, column)
