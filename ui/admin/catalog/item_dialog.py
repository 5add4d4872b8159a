"""The form of a service item with its materials; Save sends both in one transaction.

Materials are edited in the list below the item's fields: Ctrl+M adds one, F2 or a double-click
edits the selected one, Delete removes it, Alt+Up/Alt+Down move it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from clerk_app.domain.catalog import MAX_ITEM_DAYS, ItemKind
from clerk_app.services.admin.catalog_admin import (
    CatalogAdminService,
    DepartmentAdminInfo,
    ItemAdminInfo,
    ItemDraft,
    MaterialDraft,
)
from clerk_app.services.admin.counters import CategoryAdminInfo
from ui.admin.catalog.material_dialog import MaterialDialog, form_label
from ui.admin.form_dialog import FormDialog
from ui.common.labels import kind_label


class ItemDialog(FormDialog):
    def __init__(
        self,
        catalog: CatalogAdminService,
        departments: list[DepartmentAdminInfo],
        categories: list[CategoryAdminInfo],
        item: ItemAdminInfo | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("New service item") if item is None else self.tr("Service item"), parent
        )
        self.setMinimumWidth(640)
        self._catalog = catalog
        self._item = item
        draft = item.draft() if item else None
        self.code_edit = QLineEdit(draft.item_code if draft else "")
        self.code_edit.setReadOnly(item is not None)  # cases and papers name the code
        self.name_edit = QLineEdit(draft.name if draft else "")
        self.department_box = QComboBox()
        for d in departments:
            self.department_box.addItem(f"{d.code} {d.name}", d.code)
        self.category_box = QComboBox()
        for c in categories:
            self.category_box.addItem(f"{c.prefix} {c.name}", c.prefix)
        self.kind_box = QComboBox()
        for kind in (ItemKind.PROMISED, ItemKind.INSTANT):
            self.kind_box.addItem(kind_label(kind), kind.value)
        self.statutory_spin = _days()
        self.promised_spin = _days()
        self.authority_edit = QLineEdit(draft.authority if draft else "")
        self.authority_edit.setPlaceholderText(
            self.tr("The city or a district, e.g. 汕头市 or 金平区")
        )
        self.tolerant_check = QCheckBox(self.tr("Allows tolerant acceptance"))
        self.basis_edit = QPlainTextEdit(draft.legal_basis if draft else "")
        self.basis_edit.setTabChangesFocus(True)
        self.basis_edit.setMaximumHeight(60)
        if draft is not None:
            self.department_box.setCurrentIndex(
                max(0, self.department_box.findData(draft.department_code))
            )
            self.category_box.setCurrentIndex(
                max(0, self.category_box.findData(draft.category_prefix))
            )
            self.kind_box.setCurrentIndex(max(0, self.kind_box.findData(draft.kind)))
            self.statutory_spin.setValue(draft.statutory_days)
            self.promised_spin.setValue(draft.promised_days)
            self.tolerant_check.setChecked(draft.tolerant_accept_allowed)
        self.materials: list[MaterialDraft] = list(draft.materials if draft else ())
        self.material_dialog: MaterialDialog | None = None  # the one last opened
        self.material_list = QListWidget()
        self.material_list.setMinimumHeight(120)
        self.material_list.itemDoubleClicked.connect(lambda _item: self.edit_material())
        self.add_field("item_code", self.tr("Item code"), self.code_edit)
        self.add_field("name", self.tr("Name"), self.name_edit)
        self.add_field("department", self.tr("Department"), self.department_box)
        self.add_field("category", self.tr("Queue category"), self.category_box)
        self.add_field("kind", self.tr("Kind"), self.kind_box)
        self.add_field(
            "statutory_days", self.tr("Statutory limit (working days)"), self.statutory_spin
        )
        self.add_field(
            "promised_days", self.tr("Promised limit (working days)"), self.promised_spin
        )
        self.add_field("authority", self.tr("Authority"), self.authority_edit)
        self.add_field(
            "tolerant_accept_allowed", self.tr("Tolerant acceptance"), self.tolerant_check
        )
        self.add_field("legal_basis", self.tr("Legal basis"), self.basis_edit)
        self.add_field("materials", self.tr("Materials"), self._materials_box())
        self._show_materials()
        self.initial_focus = self.name_edit if item else self.code_edit

    def _materials_box(self) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.material_list, 1)
        buttons = QVBoxLayout()
        for text, keys, slot in (
            (self.tr("Add"), "Ctrl+M", self.add_material),
            (self.tr("Edit"), "F2", self.edit_material),
            (self.tr("Remove"), "Delete", self.remove_material),
            (self.tr("Up"), "Alt+Up", lambda: self.move_material(-1)),
            (self.tr("Down"), "Alt+Down", lambda: self.move_material(1)),
        ):
            button = QPushButton(
                f"{text} ({QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)})"
            )
            button.setAutoDefault(False)
            button.clicked.connect(lambda _checked=False, s=slot: s())
            buttons.addWidget(button)
            parent = self if keys == "Ctrl+M" else self.material_list
            shortcut = QShortcut(QKeySequence(keys), parent, slot)
            if parent is self.material_list:
                shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        buttons.addStretch(1)
        row.addLayout(buttons)
        return box

    def _show_materials(self, select: int | None = None) -> None:
        self.material_list.clear()
        for m in self.materials:
            core = self.tr("core") if m.core else self.tr("non-core")
            self.material_list.addItem(f"{m.name} · {core} · {form_label(m.form)} ×{m.copies}")
        if select is not None and 0 <= select < len(self.materials):
            self.material_list.setCurrentRow(select)

    def _open(self, dialog: MaterialDialog, saved: Callable[[MaterialDraft], None]) -> None:
        self.material_dialog = dialog
        dialog.accepted.connect(lambda: saved(dialog.result_value))
        dialog.finished.connect(lambda _code: self.material_list.setFocus())
        dialog.open()

    def add_material(self) -> None:
        self._open(MaterialDialog(None, self), self._added)

    def _added(self, material: MaterialDraft) -> None:
        self.materials.append(material)
        self._show_materials(len(self.materials) - 1)

    def edit_material(self) -> None:
        row = self.material_list.currentRow()
        if 0 <= row < len(self.materials):
            self._open(MaterialDialog(self.materials[row], self), lambda m: self._replace(row, m))

    def _replace(self, row: int, material: MaterialDraft) -> None:
        self.materials[row] = material
        self._show_materials(row)

    def remove_material(self) -> None:
        row = self.material_list.currentRow()
        if 0 <= row < len(self.materials):
            del self.materials[row]
            self._show_materials(min(row, len(self.materials) - 1))

    def move_material(self, step: int) -> None:
        row = self.material_list.currentRow()
        to = row + step
        if 0 <= row < len(self.materials) and 0 <= to < len(self.materials):
            self.materials[row], self.materials[to] = self.materials[to], self.materials[row]
            self._show_materials(to)

    def draft(self) -> ItemDraft:
        return ItemDraft(
            item_code=self.code_edit.text(),
            name=self.name_edit.text(),
            department_code=str(self.department_box.currentData() or ""),
            category_prefix=str(self.category_box.currentData() or ""),
            kind=str(self.kind_box.currentData()),
            statutory_days=self.statutory_spin.value(),
            promised_days=self.promised_spin.value(),
            legal_basis=self.basis_edit.toPlainText(),
            tolerant_accept_allowed=self.tolerant_check.isChecked(),
            authority=self.authority_edit.text(),
            materials=tuple(self.materials),
        )

    def save(self) -> ItemAdminInfo:
        if self._item is None:
            return self._catalog.add_item(self.draft())
        return self._catalog.edit_item(self._item.item_code, self.draft())


def _days() -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(0, MAX_ITEM_DAYS)
    return spin
