"""The forms of the Users page: a new account, an account's name and role, a new password."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from clerk_app.domain.password_policy import MIN_PASSWORD_LENGTH
from clerk_app.domain.roles import STAFF_ROLES
from clerk_app.errors import ValidationError
from clerk_app.services.admin.users import AdminService, UserInfo
from ui.admin.form_dialog import FormDialog
from ui.common.labels import role_label


def role_box(current: str = "clerk") -> QComboBox:
    box = QComboBox()
    for role in STAFF_ROLES:
        box.addItem(role_label(role), role.value)
    box.setCurrentIndex(max(0, box.findData(current)))
    return box


def _password_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class PasswordFields:
    """A password typed twice, added to ``dialog``; the core checks the policy, this checks
    that the two agree."""

    def __init__(self, dialog: FormDialog) -> None:
        self.password_edit = _password_edit()
        self.password_edit.setPlaceholderText(
            QCoreApplication.translate(
                "PasswordFields", "At least %1 characters of two kinds (letters, digits, symbols)"
            ).replace("%1", str(MIN_PASSWORD_LENGTH))
        )
        self.repeat_edit = _password_edit()
        dialog.add_field(
            "password", QCoreApplication.translate("PasswordFields", "Password"), self.password_edit
        )
        label = QCoreApplication.translate("PasswordFields", "Repeat password")
        dialog.add_field("repeat", label, self.repeat_edit)

    def typed(self) -> str:
        if self.password_edit.text() != self.repeat_edit.text():
            raise ValidationError(
                "两次输入的密码不一致。", "The two passwords differ.", field="repeat"
            )
        return self.password_edit.text()


class AddUserDialog(FormDialog):
    def __init__(self, admin: AdminService, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("New staff account"), parent)
        self._admin = admin
        self.username_edit = QLineEdit()
        self.name_edit = QLineEdit()
        self.role_box = role_box()
        self.add_field("username", self.tr("User name"), self.username_edit)
        self.add_field("display_name", self.tr("Name"), self.name_edit)
        self.add_field("role", self.tr("Role"), self.role_box)
        self.passwords = PasswordFields(self)

    def save(self) -> UserInfo:
        password = self.passwords.typed()
        return self._admin.add_user(
            self.username_edit.text(),
            self.name_edit.text(),
            str(self.role_box.currentData()),
            password,
        )


class EditUserDialog(FormDialog):
    def __init__(self, admin: AdminService, user: UserInfo, parent: QWidget | None = None):
        super().__init__(self.tr("Staff account %1").replace("%1", user.username), parent)
        self._admin = admin
        self._username = user.username
        self.name_edit = QLineEdit(user.display_name)
        self.role_box = role_box(user.role)
        self.add_field("display_name", self.tr("Name"), self.name_edit)
        self.add_field("role", self.tr("Role"), self.role_box)

    def save(self) -> UserInfo:
        return self._admin.edit_user(
            self._username, self.name_edit.text(), str(self.role_box.currentData())
        )


class PasswordDialog(FormDialog):
    """Resets a password (the account is unlocked too); the user should change it later."""

    def __init__(self, admin: AdminService, user: UserInfo, parent: QWidget | None = None):
        super().__init__(self.tr("New password for %1").replace("%1", user.username), parent)
        self._admin = admin
        self._username = user.username
        self.passwords = PasswordFields(self)

    def save(self) -> None:
        self._admin.set_password(self._username, self.passwords.typed())
