"""A thin read-only Qt table model over a list of rows returned by the core.

Subclasses name their columns with integer constants and say how a row shows in each column;
the data itself stays in frozen dataclasses from the services. ``set_rows`` swaps the whole
list inside ``beginResetModel``/``endResetModel`` so views never see a half-updated model.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex

#: ``index.data(ROW_ROLE)`` gives the whole row object behind a cell.
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
#: ``index.data(SORT_ROLE)`` gives a value that sorts naturally (numbers as numbers).
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_CENTER = Qt.AlignmentFlag.AlignCenter


class RowTableModel(QAbstractTableModel):
    """Base of the table adapters: one row object per table row, fixed columns."""

    #: Columns whose text is right-aligned (numbers, amounts).
    RIGHT_ALIGNED: frozenset[int] = frozenset()
    #: Columns whose text is centred (short codes, yes/no).
    CENTERED: frozenset[int] = frozenset()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    # --- what subclasses provide -------------------------------------------------------------
    def headers(self) -> list[str]:
        """Translated column titles, one per column constant, in column order."""
        raise NotImplementedError

    def display(self, row: Any, column: int) -> str:
        """The text of ``row`` in ``column``."""
        raise NotImplementedError

    def sort_key(self, row: Any, column: int) -> Any:
        """A value that sorts ``column`` naturally; the displayed text by default."""
        return self.display(row, column)

    # --- the data -------------------------------------------------------------------------
    def set_rows(self, rows: Iterable[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> Sequence[Any]:
        return tuple(self._rows)

    def row_at(self, index: Index) -> Any:
        return self._rows[index.row()]

    # --- QAbstractTableModel --------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers())

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self._alignment(column)
        if role == ROW_ROLE:
            return row
        if role == SORT_ROLE:
            return self.sort_key(row, column)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole:
                headers = self.headers()
                return headers[section] if 0 <= section < len(headers) else None
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return self._alignment(section)
        return super().headerData(section, orientation, role)

    def _alignment(self, column: int) -> Qt.AlignmentFlag:
        if column in self.RIGHT_ALIGNED:
            return _RIGHT
        if column in self.CENTERED:
            return _CENTER
        return _LEFT
