"""Step 2 of acceptance: find the service items and choose one, or several as one 一件事."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHeaderView, QLabel, QVBoxLayout, QWidget

from clerk_app.services.catalog import SEARCH_LIMIT
from ui.common.catalog_models import ItemTableModel
from ui.common.labels import kind_label, yes_no
from ui.common.search import SearchBox
from ui.common.widgets import read_only_table

if TYPE_CHECKING:
    from clerk_app.services.catalog import CatalogService, ItemInfo

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class ItemsPage(QWidget):
    """Enter in the search box jumps to the results; Enter on a result adds it; Del removes."""

    chosen_changed = Signal()
    single_added = Signal()  # Enter on a search with one match added it: on to the materials

    def __init__(self, catalog: CatalogService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self._chosen: list[ItemInfo] = []
        self.search_box = SearchBox(
            self.tr("Find the item: name, code, department or pinyin initials (e.g. lszy)")
        )
        self.results_model = ItemTableModel(self)
        self.results_view = read_only_table()
        self.results_view.setModel(self.results_model)
        self.more_label = QLabel(
            self.tr(
                "Only the first %1 matches are listed: type more to narrow the search."
            ).replace("%1", str(SEARCH_LIMIT))
        )
        self.more_label.setObjectName("Placeholder")
        self.more_label.hide()
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.chosen_title = QLabel()
        self.chosen_model = ItemTableModel(self)
        self.chosen_view = read_only_table()
        self.chosen_view.setModel(self.chosen_model)
        for view in (self.results_view, self.chosen_view):
            header = view.horizontalHeader()
            header.setStretchLastSection(False)
            header.setSectionResizeMode(ItemTableModel.NAME, QHeaderView.ResizeMode.Stretch)
            view.hideColumn(ItemTableModel.FEE)
            view.installEventFilter(self)
        hint = QLabel(
            self.tr(
                "Enter: one match is added, several are listed · Enter on a result: add it · "
                "Del: remove a chosen item · Alt+→: next step (materials)"
            )
        )
        hint.setObjectName("Placeholder")
        hint.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addWidget(self.search_box)
        layout.addWidget(self.results_view, 3)
        layout.addWidget(self.more_label)
        layout.addWidget(self.details)
        layout.addWidget(self.chosen_title)
        layout.addWidget(self.chosen_view, 2)
        layout.addWidget(hint)

        self.search_box.search_requested.connect(self.search)
        self.search_box.returnPressed.connect(self.on_search_entered)
        self.results_view.selectionModel().currentRowChanged.connect(self.on_result_selected)
        self._show_chosen()

    # --- what the page holds ---------------------------------------------------------------
    def chosen(self) -> list[ItemInfo]:
        """The chosen items with their materials, in the order chosen."""
        return list(self._chosen)

    def clear(self) -> None:
        self._chosen.clear()
        self.search_box.clear()
        self.results_model.set_rows([])
        self._show_chosen()

    # --- behaviour ------------------------------------------------------------------------
    def search(self, query: str) -> None:
        found = self._catalog.search_items(query) if query else None
        self.results_model.set_rows(list(found.items) if found else [])
        self.more_label.setVisible(bool(found and found.more))

    def on_search_entered(self) -> None:
        """Enter in the search box (searched at once): one match is added and the materials
        follow; several are listed to choose from with ↑/↓ and Enter."""
        if self.results_model.rowCount() == 1:
            self.focus_results()
            self.add_current()
            self.search_box.clear()
            self.single_added.emit()
            return
        self.focus_results()

    def focus_results(self) -> None:
        if self.results_model.rowCount() == 0:
            return
        self.results_view.setFocus()
        self.results_view.selectionModel().setCurrentIndex(
            self.results_model.index(0, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )

    def on_result_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            self.details.clear()
            return
        item = self.results_model.row_at(current)
        self.details.setText(
            self.tr(
                "%1 · statutory %2 / promised %3 working days · fee %4 yuan · "
                "tolerant acceptance: %5 · %6"
            )
            .replace("%1", kind_label(item.kind))
            .replace("%2", str(item.statutory_days))
            .replace("%3", str(item.promised_days))
            .replace("%4", item.fee_yuan)
            .replace("%5", yes_no(item.tolerant_accept_allowed))
            .replace("%6", item.legal_basis)
        )

    def add_current(self) -> None:
        index = self.results_view.currentIndex()
        if not index.isValid():
            return
        code = self.results_model.row_at(index).item_code
        if code in {i.item_code for i in self._chosen}:
            return
        self._chosen.append(self._catalog.get_item(code))
        self._show_chosen()

    def remove_current(self) -> None:
        index = self.chosen_view.currentIndex()
        if index.isValid():
            del self._chosen[index.row()]
            self._show_chosen()

    def _show_chosen(self) -> None:
        self.chosen_model.set_rows(self._chosen)
        if len(self._chosen) > 1:
            title = self.tr("Chosen: %1 items, accepted together as one bundle")
        else:
            title = self.tr("Chosen: %1 item")
        self.chosen_title.setText(title.replace("%1", str(len(self._chosen))))
        self.chosen_changed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if watched is self.results_view and event.key() in _ENTER:
                self.add_current()
                return True
            if watched is self.chosen_view and event.key() in (
                Qt.Key.Key_Delete,
                Qt.Key.Key_Backspace,
            ):
                self.remove_current()
                return True
        return super().eventFilter(watched, event)
