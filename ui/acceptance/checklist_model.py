"""Table adapter of the materials checklist: each required material received, missing or wrong."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from clerk_app.domain.case_states import CHECK_STATUSES, SubmissionStatus
from clerk_app.services.cases.results import ItemRequest, MaterialCheck
from ui.common.table_model import Index, RowTableModel

STATUSES = CHECK_STATUSES  # received, missing, wrong: what the clerk marks
_RECEIVED = SubmissionStatus.RECEIVED
_MISSING_BG = QColor("#fdecea")
_WRONG_BG = QColor("#fff4e0")


@dataclass(frozen=True)
class ChecklistRow:
    """One material of one chosen item and the clerk's verdict on it."""

    item_code: str
    item_name: str
    material_id: int
    name: str
    core: bool
    form: str
    requirement: str
    status: SubmissionStatus = _RECEIVED
    note: str = ""


class ChecklistModel(RowTableModel):
    """Rows are ``ChecklistRow``; ``set_status`` and ``set_note`` change one row in place."""

    ITEM, MATERIAL, CORE, STATUS, NOTE = range(5)
    CENTERED = frozenset({CORE, STATUS})

    def headers(self) -> list[str]:
        return [
            self.tr("Item"),
            self.tr("Material"),
            self.tr("Type"),
            self.tr("Status"),
            self.tr("Note"),
        ]

    def status_text(self, status: str) -> str:
        texts = {
            SubmissionStatus.RECEIVED: self.tr("Received"),
            SubmissionStatus.MISSING: self.tr("Missing"),
            SubmissionStatus.WRONG: self.tr("Wrong"),
        }
        return texts.get(SubmissionStatus(status), status)

    def display(self, row: Any, column: int) -> str:
        if column == self.ITEM:
            return str(row.item_name)
        if column == self.MATERIAL:
            return str(row.name)
        if column == self.CORE:
            return self.tr("Core") if row.core else self.tr("Non-core")
        if column == self.STATUS:
            return self.status_text(row.status)
        if column == self.NOTE:
            return str(row.note)
        return ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row_at(index)
        if role == Qt.ItemDataRole.BackgroundRole and row.status != _RECEIVED:
            return QBrush(_MISSING_BG if row.status == SubmissionStatus.MISSING else _WRONG_BG)
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.requirement or None
        return super().data(index, role)

    def set_status(self, row_index: int, status: SubmissionStatus) -> None:
        self._replace(row_index, status=SubmissionStatus(status))

    def cycle_status(self, row_index: int) -> None:
        current = self._rows[row_index].status
        self.set_status(row_index, STATUSES[(STATUSES.index(current) + 1) % len(STATUSES)])

    def set_note(self, row_index: int, note: str) -> None:
        self._replace(row_index, note=note)

    def _replace(self, row_index: int, **changes: object) -> None:
        if not 0 <= row_index < len(self._rows):
            return
        rows = list(self._rows)
        rows[row_index] = replace(rows[row_index], **changes)
        self._rows = rows
        self.dataChanged.emit(self.index(row_index, 0), self.index(row_index, self.NOTE))

    # --- what the decision needs -------------------------------------------------------------
    def requests(self, item_codes: list[str]) -> list[ItemRequest]:
        """One ``ItemRequest`` per chosen item, listing the materials not received."""
        return [
            ItemRequest(
                code,
                tuple(
                    MaterialCheck(r.material_id, r.status, r.note)
                    for r in self._rows
                    if r.item_code == code and r.status != _RECEIVED
                ),
            )
            for code in item_codes
        ]

    def lacking(self) -> list[ChecklistRow]:
        return [r for r in self._rows if r.status != _RECEIVED]
