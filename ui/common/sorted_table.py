"""Connects a row model to a table view through a proxy that sorts by ``SORT_ROLE``."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QTableView

from ui.common.table_model import SORT_ROLE, RowTableModel


def attach_sorted(view: QTableView, model: RowTableModel) -> QSortFilterProxyModel:
    """Show ``model`` in ``view``, sortable by clicking a header; returns the proxy."""
    proxy = QSortFilterProxyModel(view)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    return proxy
