"""The Queue categories page and the Counters page: add (Ctrl+N) and edit (Enter or F2)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from ui.admin.counters.counter_dialog import CategoryDialog, CounterDialog
from ui.admin.counters.models import CategoryModel, CounterModel
from ui.admin.list_page import ListPage

if TYPE_CHECKING:
    from clerk_app.api import StaffSession


class CategoriesPage(ListPage):
    """The queues (业务类别) tickets wait in; a ticket's number starts with its prefix."""

    def __init__(self, session: StaffSession, parent: QWidget | None = None) -> None:
        super().__init__(CategoryModel(), parent)
        self.model.setParent(self)
        self._counters = session.counter_admin
        self.add_action(self.tr("New category"), "Ctrl+N", self.add_category)
        self.add_action(self.tr("Rename"), "F2", self.edit_current)
        self.finish_actions()

    def page_title(self) -> str:
        return self.tr("Queue categories")

    def reload(self) -> None:
        self.model.set_rows(self._counters.list_categories())

    def add_category(self) -> None:
        dialog = CategoryDialog(self._counters, None, self)
        self.open_dialog(dialog, lambda c: self._after(c.prefix))

    def edit_current(self) -> None:
        row = self.current_row()
        if row is not None:
            dialog = CategoryDialog(self._counters, row, self)
            self.open_dialog(dialog, lambda c: self._after(c.prefix))

    def _after(self, prefix: str) -> None:
        self.reload()
        self.select_where(lambda row: row.prefix == prefix)
        self.view.setFocus()


class CountersPage(ListPage):
    """The counters (窗口): number, name, integrated or departmental, categories in order."""

    def __init__(self, session: StaffSession, parent: QWidget | None = None) -> None:
        super().__init__(CounterModel(), parent)
        self.model.setParent(self)
        self._counters = session.counter_admin
        self._catalog = session.catalog_admin
        self.add_action(self.tr("New counter"), "Ctrl+N", self.add_counter)
        self.add_action(self.tr("Edit"), "F2", self.edit_current)
        self.finish_actions()

    def page_title(self) -> str:
        return self.tr("Counters")

    def reload(self) -> None:
        self.model.set_rows(self._counters.list_counters())

    def _dialog(self, counter: object = None) -> CounterDialog:
        return CounterDialog(
            self._counters,
            self._counters.list_categories(),
            self._catalog.list_departments(),
            counter,  # type: ignore[arg-type]
            self,
        )

    def add_counter(self) -> None:
        self.open_dialog(self._dialog(), lambda c: self._after(c.number))

    def edit_current(self) -> None:
        row = self.current_row()
        if row is not None:
            self.open_dialog(self._dialog(row), lambda c: self._after(c.number))

    def _after(self, number: int) -> None:
        self.reload()
        self.select_where(lambda row: row.number == number)
        self.view.setFocus()
