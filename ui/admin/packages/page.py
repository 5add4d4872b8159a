"""The 一件事 (one-thing packages) page: the hall's packages, set up without the demo seed.

Add (Ctrl+N), edit (Enter or F2), take out of use or back (Ctrl+D). An inactive package stays
listed here and leaves the counter's package choice; cases accepted on it keep naming it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from ui.admin.list_page import ListPage
from ui.admin.packages.models import PackageModel
from ui.admin.packages.package_dialog import PackageDialog

if TYPE_CHECKING:
    from clerk_app.api import StaffSession
    from clerk_app.services.journey.results import PackageInfo


class PackagesPage(ListPage):
    def __init__(self, session: StaffSession, parent: QWidget | None = None) -> None:
        super().__init__(PackageModel(), parent)
        self.model.setParent(self)
        self._journey = session.journey
        self._catalog = session.catalog_admin
        self.add_action(self.tr("New package"), "Ctrl+N", self.add_package)
        self.add_action(self.tr("Edit"), "F2", self.edit_current)
        self.add_action(self.tr("Take out of use / restore"), "Ctrl+D", self.toggle_active)
        self.finish_actions()

    def page_title(self) -> str:
        return self.tr("One-thing packages")

    def reload(self) -> None:
        self.model.set_rows(self._journey.list_packages())

    def _dialog(self, package: PackageInfo | None = None) -> PackageDialog:
        return PackageDialog(self._journey, self._catalog, package, self)

    def add_package(self) -> None:
        self.open_dialog(self._dialog(), lambda p: self._after(p.code))

    def edit_current(self) -> None:
        row = self.current_row()
        if row is not None:
            dialog = self._dialog(self._journey.get_package(row.code))
            self.open_dialog(dialog, lambda p: self._after(p.code))

    def toggle_active(self) -> None:
        """Takes the selected package out of use, or back (the same key undoes it)."""
        row = self.current_row()
        if row is None:
            return
        self._journey.set_package_active(row.code, not row.active)
        self._after(row.code)

    def _after(self, code: str) -> None:
        self.reload()
        self.select_where(lambda row: row.code == code)
        self.view.setFocus()
