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
# Looked up once: Qt asks headerData and data thousands of times while a window is built, and
# each attribute lookup on a Qt enum costs a dictionary walk in PySide6.
_HORIZONTAL = Qt.Orientation.Horizontal
_DISPLAY = Qt.ItemDataRole.DisplayRole
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole


class RowTableModel(QAbstractTableModel):
    """Base of the table adapters: one row object per table row, fixed columns."""

    #: Columns whose text is right-aligned (numbers, amounts).
    RIGHT_ALIGNED: frozenset[int] = frozenset()
    #: Columns whose text is centred (short codes, yes/no).
    CENTERED: frozenset[int] = frozenset()
    # Class-level answers for a model whose Python half is already gone: while Qt tears a
    # window down, a header view may still ask its model, after the wrapper's attributes were
    # cleared. It then reads as an empty model instead of raising in Qt's event loop.
    _rows: Sequence[Any] = ()
    _headers: list[str] | None = None  # translated once; the language is set at start

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows = []
        self._headers = None

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
        return 0 if parent.isValid() else len(self._titles())

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == _DISPLAY:
            return self.display(row, column)
        if role == _ALIGNMENT:
            return self._alignment(column)
        if role == ROW_ROLE:
            return row
        if role == SORT_ROLE:
            return self.sort_key(row, column)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if orientation == _HORIZONTAL:
            if role == _DISPLAY:
                headers = self._titles()
                return headers[section] if 0 <= section < len(headers) else None
            if role == _ALIGNMENT:
                return self._alignment(section)
            return None  # fonts, colours, size hints: the view's defaults
        return super().headerData(section, orientation, role)

    def _titles(self) -> list[str]:
        if self._headers is None:
            self._headers = self.headers()
        return self._headers

    def _alignment(self, column: int) -> Qt.AlignmentFlag:
        if column in self.RIGHT_ALIGNED:
            return _RIGHT
        if column in self.CENTERED:
            return _CENTER
        return _LEFT
