"""The form of a department: a new one (code and name) or a new name."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget

from clerk_app.services.admin.catalog_admin import CatalogAdminService, DepartmentAdminInfo
from ui.admin.form_dialog import FormDialog


class DepartmentDialog(FormDialog):
    def __init__(
        self,
        catalog: CatalogAdminService,
        department: DepartmentAdminInfo | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = self.tr("New department") if department is None else self.tr("Department")
        super().__init__(title, parent)
        self._catalog = catalog
        self._department = department
        self.code_edit = QLineEdit(department.code if department else "")
        self.code_edit.setReadOnly(department is not None)  # items and imports match the code
        self.name_edit = QLineEdit(department.name if department else "")
        self.add_field("code", self.tr("Code"), self.code_edit)
        self.add_field("name", self.tr("Name"), self.name_edit)
        self.initial_focus = self.name_edit if department else self.code_edit

    def save(self) -> DepartmentAdminInfo:
        if self._department is None:
            return self._catalog.add_department(self.code_edit.text(), self.name_edit.text())
        return self._catalog.rename_department(self._department.code, self.name_edit.text())
