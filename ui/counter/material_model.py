"""Table adapter over an item's required materials (申请材料), core ones marked."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from ui.common.table_model import Index, RowTableModel


class MaterialTableModel(RowTableModel):
    """Rows are ``MaterialInfo``; only non-core materials may be deferred (容缺)."""

    NAME, CORE, FORM, COPIES = range(4)
    CENTERED = frozenset({CORE, FORM})
    RIGHT_ALIGNED = frozenset({COPIES})

    def headers(self) -> list[str]:
        return [self.tr("Material"), self.tr("Type"), self.tr("Form"), self.tr("Copies")]

    def display(self, row: Any, column: int) -> str:
        if column == self.NAME:
            return str(row.name)
        if column == self.CORE:
            return self.tr("Core") if row.core else self.tr("Non-core")
        if column == self.FORM:
            return self.form_text(str(row.form))
        if column == self.COPIES:
            return str(row.copies)
        return ""

    def form_text(self, form: str) -> str:
        forms = {
            "original": self.tr("Original"),
            "copy": self.tr("Copy"),
            "original_and_copy": self.tr("Original and copy"),
        }
        return forms.get(form, form)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid():
            return self.row_at(index).requirement or None
        return super().data(index, role)
