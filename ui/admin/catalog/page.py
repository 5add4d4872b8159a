"""The Departments page and the Service items page of the catalog (事项目录).

Items: add (Ctrl+N), edit with materials (Enter or F2), retire or restore (Ctrl+D). A retired
item stays listed here (status 停用) and on its cases, and leaves search and acceptance.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from ui.admin.catalog.department_dialog import DepartmentDialog
from ui.admin.catalog.item_dialog import ItemDialog
from ui.admin.catalog.models import AdminItemModel, DepartmentModel
from ui.admin.list_page import ListPage

if TYPE_CHECKING:
    from clerk_app.api import StaffSession


class DepartmentsPage(ListPage):
    def __init__(self, session: StaffSession, parent: QWidget | None = None) -> None:
        super().__init__(DepartmentModel(), parent)
        self.model.setParent(self)
        self._catalog = session.catalog_admin
        self.add_action(self.tr("New department"), "Ctrl+N", self.add_department)
        self.add_action(self.tr("Rename"), "F2", self.edit_current)
        self.finish_actions()

    def page_title(self) -> str:
        return self.tr("Departments")

    def reload(self) -> None:
        self.model.set_rows(self._catalog.list_departments())

    def add_department(self) -> None:
        dialog = DepartmentDialog(self._catalog, None, self)
        self.open_dialog(dialog, lambda d: self._after(d.code))

    def edit_current(self) -> None:
        row = self.current_row()
        if row is not None:
            dialog = DepartmentDialog(self._catalog, row, self)
            self.open_dialog(dialog, lambda d: self._after(d.code))

    def _after(self, code: str) -> None:
        self.reload()
        self.select_where(lambda row: row.code == code)
        self.view.setFocus()


class ItemsPage(ListPage):
    def __init__(self, session: StaffSession, parent: QWidget | None = None) -> None:
        super().__init__(AdminItemModel(), parent)
        self.model.setParent(self)
        self._catalog = session.catalog_admin
        self._counters = session.counter_admin
        self.add_action(self.tr("New item"), "Ctrl+N", self.add_item)
        self.add_action(self.tr("Edit"), "F2", self.edit_current)
        self.add_action(self.tr("Retire / restore"), "Ctrl+D", self.toggle_retired)
        self.finish_actions()

    def page_title(self) -> str:
        return self.tr("Service items")

    def reload(self) -> None:
        self.model.set_rows(self._catalog.list_items())

    def _dialog(self, item: object = None) -> ItemDialog:
        return ItemDialog(
            self._catalog,
            self._catalog.list_departments(),
            self._counters.list_categories(),
            item,  # type: ignore[arg-type]
            self,
        )

    def add_item(self) -> None:
        self.open_dialog(self._dialog(), lambda i: self._after(i.item_code))

    def edit_current(self) -> None:
        row = self.current_row()
        if row is not None:
            dialog = self._dialog(self._catalog.item(row.item_code))
            self.open_dialog(dialog, lambda i: self._after(i.item_code))

    def toggle_retired(self) -> None:
        """Retires the selected item, or restores a retired one (the same key undoes it)."""
        row = self.current_row()
        if row is None:
            return
        if row.active:
            self._catalog.retire_item(row.item_code)
        else:
            self._catalog.restore_item(row.item_code)
        self._after(row.item_code)

    def _after(self, code: str) -> None:
        self.reload()
        self.select_where(lambda row: row.item_code == code)
        self.view.setFocus()
