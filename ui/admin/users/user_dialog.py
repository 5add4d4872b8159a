"""The forms of the Users page: a new account, an account's name, role and (a reviewer's)
department, a new password."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from clerk_app.domain.password_policy import MIN_PASSWORD_LENGTH
from clerk_app.domain.roles import ACCOUNT_ROLES, Role
from clerk_app.errors import ValidationError
from clerk_app.services.admin.catalog_forms import DepartmentAdminInfo
from clerk_app.services.admin.users import AdminService, UserInfo
from ui.admin.form_dialog import FormDialog
from ui.common.labels import role_label


def role_box(current: str = "clerk") -> QComboBox:
    box = QComboBox()
    for role in ACCOUNT_ROLES:
        box.addItem(role_label(role), role.value)
    box.setCurrentIndex(max(0, box.findData(current)))
    return box


class DepartmentField:
    """A reviewer's department, added to ``dialog`` under the role; open only while the role
    chosen is reviewer (every other account belongs to no department)."""

    def __init__(
        self,
        dialog: FormDialog,
        roles: QComboBox,
        departments: Sequence[DepartmentAdminInfo],
        current: str = "",
    ) -> None:
        self._roles = roles
        self.box = QComboBox()
        self.box.addItem("—", "")
        for d in departments:
            self.box.addItem(f"{d.code} {d.name}", d.code)
        self.box.setCurrentIndex(max(0, self.box.findData(current)))
        label = QCoreApplication.translate("DepartmentField", "Department (reviewers)")
        dialog.add_field("department", label, self.box)
        roles.currentIndexChanged.connect(self._follow_role)
        self._follow_role()

    def _follow_role(self) -> None:
        reviewer = self._roles.currentData() == Role.REVIEWER.value
        self.box.setEnabled(reviewer)
        if not reviewer:
            self.box.setCurrentIndex(0)

    def code(self) -> str:
        return str(self.box.currentData() or "")


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
    def __init__(
        self,
        admin: AdminService,
        departments: Sequence[DepartmentAdminInfo] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("New staff account"), parent)
        self._admin = admin
        self.username_edit = QLineEdit()
        self.name_edit = QLineEdit()
        self.role_box = role_box()
        self.add_field("username", self.tr("User name"), self.username_edit)
        self.add_field("display_name", self.tr("Name"), self.name_edit)
        self.add_field("role", self.tr("Role"), self.role_box)
        self.department = DepartmentField(self, self.role_box, departments)
        self.passwords = PasswordFields(self)

    def save(self) -> UserInfo:
        password = self.passwords.typed()
        return self._admin.add_user(
            self.username_edit.text(),
            self.name_edit.text(),
            str(self.role_box.currentData()),
            password,
            self.department.code(),
        )


class EditUserDialog(FormDialog):
    def __init__(
        self,
        admin: AdminService,
        user: UserInfo,
        departments: Sequence[DepartmentAdminInfo] = (),
        parent: QWidget | None = None,
    ):
        super().__init__(self.tr("Staff account %1").replace("%1", user.username), parent)
        self._admin = admin
        self._username = user.username
        self.name_edit = QLineEdit(user.display_name)
        self.role_box = role_box(user.role)
        self.add_field("display_name", self.tr("Name"), self.name_edit)
        self.add_field("role", self.tr("Role"), self.role_box)
        self.department = DepartmentField(self, self.role_box, departments, user.department)

    def save(self) -> UserInfo:
        return self._admin.edit_user(
            self._username,
            self.name_edit.text(),
            str(self.role_box.currentData()),
            self.department.code(),
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
