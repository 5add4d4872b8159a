"""The form of one material of an item: name, core or not, form, copies, notes.

It only checks what it holds into a ``MaterialDraft``; the item's Save sends the whole item
with its materials to the core in one transaction, which checks them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from clerk_app.errors import ValidationError
from clerk_app.services.admin.catalog_admin import COPIES_MAX, FORMS, MaterialDraft
from ui.admin.form_dialog import FormDialog


def form_label(form: str) -> str:
    labels = {
        "original": QCoreApplication.translate("MaterialDialog", "Original"),
        "copy": QCoreApplication.translate("MaterialDialog", "Copy"),
        "original_and_copy": QCoreApplication.translate("MaterialDialog", "Original and copy"),
    }
    return labels.get(form, form)


class MaterialDialog(FormDialog):
    def __init__(self, material: MaterialDraft | None = None, parent: QWidget | None = None):
        super().__init__(self.tr("Material") if material else self.tr("New material"), parent)
        m = material or MaterialDraft("")
        self._id = m.id
        self.name_edit = QLineEdit(m.name)
        self.core_check = QCheckBox(self.tr("Core material (cannot be deferred)"))
        self.core_check.setChecked(m.core)
        self.form_box = QComboBox()
        for form in FORMS:
            self.form_box.addItem(form_label(form), form)
        self.form_box.setCurrentIndex(max(0, self.form_box.findData(m.form)))
        self.copies_spin = QSpinBox()
        self.copies_spin.setRange(1, COPIES_MAX)
        self.copies_spin.setValue(m.copies)
        self.notes_edit = QPlainTextEdit(m.notes)
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setMaximumHeight(70)
        self.add_field("name", self.tr("Name"), self.name_edit)
        self.add_field("core", self.tr("Core"), self.core_check)
        self.add_field("form", self.tr("Form"), self.form_box)
        self.add_field("copies", self.tr("Copies"), self.copies_spin)
        self.add_field("notes", self.tr("Notes (Ctrl+Enter saves)"), self.notes_edit)
        self.initial_focus = self.name_edit

    def save(self) -> MaterialDraft:
        if not self.name_edit.text().strip():
            raise ValidationError("请填写材料名称。", "Enter the material's name.", field="name")
        return MaterialDraft(
            name=self.name_edit.text().strip(),
            core=self.core_check.isChecked(),
            copies=self.copies_spin.value(),
            notes=self.notes_edit.toPlainText(),
            form=str(self.form_box.currentData()),
            id=self._id,
        )
