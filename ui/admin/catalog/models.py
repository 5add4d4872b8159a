"""Table adapters of the Catalog pages: departments and items (the admin's view, retired too)."""

from __future__ import annotations

from typing import Any

from ui.common.labels import kind_label, yes_no
from ui.common.table_model import RowTableModel


class DepartmentModel(RowTableModel):
    CODE, NAME, ITEMS = range(3)
    RIGHT_ALIGNED = frozenset({ITEMS})

    def headers(self) -> list[str]:
        return [self.tr("Code"), self.tr("Department"), self.tr("Items in service")]

    def display(self, row: Any, column: int) -> str:
        return str((row.code, row.name, row.items)[column])

    def sort_key(self, row: Any, column: int) -> Any:
        return row.items if column == self.ITEMS else self.display(row, column)


class AdminItemModel(RowTableModel):
    """Rows are ``ItemAdminInfo``."""

    (
        CODE,
        NAME,
        DEPARTMENT,
        CATEGORY,
        KIND,
        STATUTORY,
        PROMISED,
        TOLERANT,
        AUTHORITY,
        MATERIALS,
        STATUS,
    ) = range(11)
    RIGHT_ALIGNED = frozenset({STATUTORY, PROMISED, MATERIALS})
    CENTERED = frozenset({CATEGORY, KIND, TOLERANT, STATUS})

    def headers(self) -> list[str]:
        return [
            self.tr("Item code"),
            self.tr("Service item"),
            self.tr("Department"),
            self.tr("Category"),
            self.tr("Kind"),
            self.tr("Statutory (working days)"),
            self.tr("Promised (working days)"),
            self.tr("Tolerant acceptance"),
            self.tr("Authority"),
            self.tr("Materials"),
            self.tr("Status"),
        ]

    def display(self, row: Any, column: int) -> str:
        values = {
            self.CODE: row.item_code,
            self.NAME: row.name,
            self.DEPARTMENT: row.department_name,
            self.CATEGORY: row.category_prefix,
            self.KIND: kind_label(row.kind),
            self.STATUTORY: row.statutory_days,
            self.PROMISED: row.promised_days,
            self.TOLERANT: yes_no(row.tolerant_accept_allowed),
            self.AUTHORITY: row.authority,
            self.MATERIALS: row.material_count,
            self.STATUS: self.tr("In service") if row.active else self.tr("Retired"),
        }
        return str(values.get(column, ""))

    def sort_key(self, row: Any, column: int) -> Any:
        numbers = {
            self.STATUTORY: row.statutory_days,
            self.PROMISED: row.promised_days,
            self.MATERIALS: row.material_count,
        }
        return numbers.get(column, self.display(row, column))
