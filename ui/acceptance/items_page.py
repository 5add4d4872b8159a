"""Step 2 of acceptance: find the service items and choose one, several as one bundle, or a
一件事 package (its items accepted in one go, its shared materials checked once)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QHeaderView, QLabel, QVBoxLayout, QWidget

from clerk_app.services.catalog import SEARCH_LIMIT
from ui.common.catalog_models import ItemTableModel
from ui.common.labels import kind_label, yes_no
from ui.common.search import SearchBox
from ui.common.widgets import read_only_table

if TYPE_CHECKING:
    from clerk_app.services.catalog import CatalogService, ItemInfo
    from clerk_app.services.journey.results import PackageInfo
    from clerk_app.services.journey.service import JourneyService
    from ui.acceptance.package_choice import PackageChoice

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class ItemsPage(QWidget):
    """Enter in the search box jumps to the results; Enter on a result adds it; Del removes."""

    chosen_changed = Signal()
    single_added = Signal()  # Enter on a search with one match added it: on to the materials
    package_chosen = Signal()  # a 一件事 was chosen: on to its materials

    def __init__(
        self,
        catalog: CatalogService,
        parent: QWidget | None = None,
        *,
        journey: JourneyService | None = None,
    ) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self._chosen: list[ItemInfo] = []
        self._package: PackageInfo | None = None
        # The 一件事 list, when the page is given the journey (the counter's acceptance is).
        self.packages: PackageChoice | None = None
        if journey is not None:
            from ui.acceptance.package_choice import PackageChoice

            self.packages = PackageChoice(journey)
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
        if self.packages is not None:
            layout.addWidget(self.packages)
            self.packages.chosen.connect(self.choose_package)
            self.search_box.search_requested.connect(self.packages.filter)
            shortcut = QShortcut(QKeySequence("Alt+K"), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.packages.show_all)
        layout.addWidget(self.results_view, 3)
        layout.addWidget(self.more_label)
        layout.addWidget(self.details)
        layout.addWidget(self.chosen_title)
        layout.addWidget(self.chosen_view, 2)
        layout.addWidget(hint)
        if self.packages is not None:
            package_hint = QLabel(
                self.tr("Alt+K, or a package's name and Enter: a package, accepted in one go")
            )
            package_hint.setObjectName("Placeholder")
            layout.addWidget(package_hint)

        self.search_box.search_requested.connect(self.search)
        self.search_box.returnPressed.connect(self.on_search_entered)
        self.results_view.selectionModel().currentRowChanged.connect(self.on_result_selected)
        self._show_chosen()

    # --- what the page holds ---------------------------------------------------------------
    def chosen(self) -> list[ItemInfo]:
        """The chosen items with their materials, in the order chosen."""
        return list(self._chosen)

    def package(self) -> PackageInfo | None:
        """The 一件事 chosen (its items are ``chosen()``), or None for loose items."""
        return self._package

    def clear(self) -> None:
        self._chosen.clear()
        self._package = None
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
        follow; several are listed to choose from with ↑/↓ and Enter. No item but one
        package named (its name typed): that package is chosen."""
        named = self.packages.matching(self.search_box.text()) if self.packages else []
        if self.results_model.rowCount() == 0 and len(named) == 1:
            self.search_box.clear()
            self.choose_package(named[0])
            return
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
        self._package = None  # an item added by hand: loose items from now on
        self._chosen.append(self._catalog.get_item(code))
        self._show_chosen()

    def choose_package(self, package: PackageInfo) -> None:
        """The package's items replace what was chosen; on to its materials."""
        self._chosen = [self._catalog.get_item(i.item_code) for i in package.items]
        self._package = package
        if self.packages is not None:
            self.packages.hide()
        self._show_chosen()
        self.package_chosen.emit()

    def remove_current(self) -> None:
        index = self.chosen_view.currentIndex()
        if index.isValid() and self._package is not None:
            self.clear()  # a package goes whole: Del takes all its items off
            return
        if index.isValid():
            del self._chosen[index.row()]
            self._show_chosen()

    def _show_chosen(self) -> None:
        self.chosen_model.set_rows(self._chosen)
        if self._package is not None:
            title = (
                self.tr("Package %1: %2 items, accepted in one go, due within %3 working day(s)")
                .replace("%1", self._package.name)
                .replace("%2", str(len(self._chosen)))
                .replace("%3", str(self._package.promised_days))
            )
            self.chosen_title.setText(title)
            self.chosen_changed.emit()
            return
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
