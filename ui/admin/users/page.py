"""The Users page: add (Ctrl+N), edit name, role and a reviewer's department (F2), reset the
password (Ctrl+P), disable or enable (Ctrl+D), unlock (Ctrl+U); every change goes through
``AdminService``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from ui.admin.list_page import ListPage
from ui.admin.users.user_dialog import AddUserDialog, EditUserDialog, PasswordDialog
from ui.admin.users.user_model import UserTableModel

if TYPE_CHECKING:
    from clerk_app.api import StaffSession


class UsersPage(ListPage):
    def __init__(self, session: StaffSession, parent: QWidget | None = None) -> None:
        super().__init__(UserTableModel(), parent)
        self.model.setParent(self)
        self._admin = session.admin
        self._catalog = session.catalog_admin  # the departments a reviewer can belong to
        self.add_action(self.tr("New account"), "Ctrl+N", self.add_user)
        self.add_action(self.tr("Edit"), "F2", self.edit_current)
        self.add_action(self.tr("Reset password"), "Ctrl+P", self.reset_password)
        self.add_action(self.tr("Disable / enable"), "Ctrl+D", self.toggle_active)
        self.add_action(self.tr("Unlock"), "Ctrl+U", self.unlock)
        self.finish_actions()

    def page_title(self) -> str:
        return self.tr("Users")

    def reload(self) -> None:
        self.model.set_rows(self._admin.list_users())

    def _after(self, username: str) -> None:
        self.reload()
        self.select_where(lambda row: row.username == username)
        self.view.setFocus()

    def add_user(self) -> None:
        departments = self._catalog.list_departments()
        dialog = AddUserDialog(self._admin, departments, self)
        self.open_dialog(dialog, lambda u: self._after(u.username))

    def edit_current(self) -> None:
        user = self.current_row()
        if user is not None:
            departments = self._catalog.list_departments()
            dialog = EditUserDialog(self._admin, user, departments, self)
            self.open_dialog(dialog, lambda u: self._after(u.username))

    def reset_password(self) -> None:
        user = self.current_row()
        if user is not None:
            dialog = PasswordDialog(self._admin, user, self)
            self.open_dialog(dialog, lambda _none: self._after(user.username))

    def toggle_active(self) -> None:
        """Disables the selected account, or enables it again (no question: the same key
        undoes it)."""
        user = self.current_row()
        if user is not None:
            self._admin.set_active(user.username, not user.active)
            self._after(user.username)

    def unlock(self) -> None:
        user = self.current_row()
        if user is not None:
            self._admin.unlock(user.username)
            self._after(user.username)
