"""The three tabs of the administrator's screen; each reloads its rows from the core."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QVBoxLayout, QWidget

from ui.admin.user_model import UserTableModel
from ui.common.catalog_models import CounterTableModel, ItemTableModel
from ui.common.search import SearchBox
from ui.common.sorted_table import attach_sorted
from ui.common.widgets import read_only_table

if TYPE_CHECKING:
    from collections.abc import Callable

    from clerk_app.api import StaffSession


def more_pages() -> list[tuple[str, Callable[[StaffSession, QWidget | None], QWidget]]]:
    """The self-contained admin pages of issue 14 (to move into ui/admin/pages.py)."""
    from PySide6.QtCore import QCoreApplication

    from ui.admin.appointments import appointments_page
    from ui.admin.calendar import calendar_page
    from ui.admin.credit import credit_page
    from ui.admin.imports import imports_page
    from ui.admin.settings import settings_page

    translate = QCoreApplication.translate
    return [
        (translate("AdminPages", "Credit list"), credit_page.make_page),
        (translate("AdminPages", "Calendar"), calendar_page.make_page),
        (translate("AdminPages", "Appointments"), appointments_page.make_page),
        (translate("AdminPages", "Hall settings"), settings_page.make_page),
        (translate("AdminPages", "Imports"), imports_page.make_page),
    ]


class UsersTab(QWidget):
    """Staff accounts: who may sign in, in which role, and whether the account is locked."""

    def __init__(self, session: StaffSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.model = UserTableModel(self)
        self.view = read_only_table()
        attach_sorted(self.view, self.model)
        header = self.view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(UserTableModel.DISPLAY_NAME, QHeaderView.ResizeMode.Stretch)
        self.count_label = QLabel()
        self.count_label.setObjectName("Placeholder")
        layout = QVBoxLayout(self)
        layout.addWidget(self.count_label)
        layout.addWidget(self.view)

    def reload(self) -> None:
        self.model.set_rows(self._session.admin.list_users())
        self.count_label.setText(self.tr("%n staff account(s)", "", self.model.rowCount()))


class CatalogTab(QWidget):
    """The service item catalog (事项目录), searchable by name, code or department."""

    def __init__(self, session: StaffSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.model = ItemTableModel(self)
        self.view = read_only_table()
        attach_sorted(self.view, self.model)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(ItemTableModel.NAME, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.search_box = SearchBox(self.tr("Search by item name, code or department"))
        self.search_box.search_requested.connect(self.search)
        self.count_label = QLabel()
        self.count_label.setObjectName("Placeholder")
        top = QHBoxLayout()
        top.addWidget(self.search_box, 1)
        top.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view)

    def reload(self) -> None:
        self.search(self.search_box.text().strip())

    def search(self, query: str) -> None:
        self.model.set_rows(self._session.catalog.list_items(query))
        self.count_label.setText(self.tr("%n item(s)", "", self.model.rowCount()))


class CountersTab(QWidget):
    """The hall's counters and the queue categories each one serves."""

    def __init__(self, session: StaffSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.model = CounterTableModel(self)
        self.view = read_only_table()
        attach_sorted(self.view, self.model)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)

    def reload(self) -> None:
        catalog = self._session.catalog
        self.model.set_category_names({c.prefix: c.name for c in catalog.list_categories()})
        self.model.set_rows(catalog.list_counters())
