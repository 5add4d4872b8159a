"""The form of a 一件事: code, name, promised limit, its items in order and its shared materials.

Items are ticked in the catalog list: type in the filter above it to narrow by code, name or
the name's pinyin initials (``qysl`` for 企业设立登记, as at the counter), Down or Enter to reach
the list, Space ticks or unticks. An admin knows the items by name, not by their long codes, and
a ticked list cannot name an item that is not in the catalog. The ticked items are listed below
in the order the package shows them (Alt+Up/Alt+Down move the selected one). A shared material
(Ctrl+M adds, F2 edits, Delete removes) is a name with the items' own materials it stands for,
ticked in its own small form. Save sends the whole package to the core, which checks every rule
(the promised limit within each item's statutory limit among them) and changes nothing when it
refuses.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from clerk_app.domain.packages import MAX_PACKAGE_DAYS
from clerk_app.domain.typed_text import typed_text
from clerk_app.errors import ClerkError, ValidationError, on_field
from clerk_app.services.admin.catalog_admin import CatalogAdminService
from clerk_app.services.journey.packages import CODE_MAX_LEN, NAME_MAX_LEN
from clerk_app.services.journey.results import PackageInfo, PackageInput
from clerk_app.services.journey.service import JourneyService
from ui.admin.form_dialog import FormDialog

_ROLE = Qt.ItemDataRole.UserRole
_SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1  # the item's stored search text
SHARED_NAME_MAX_LEN = 200  # the core's limit on a shared material's name

Pair = tuple[str, str]  # (item code, the item's material name)


class Shared:
    """One shared material as the form holds it: its name and the pairs it stands for."""

    def __init__(self, name: str, pairs: list[Pair]) -> None:
        self.name, self.pairs = name, pairs


def _button(text: str, keys: str, slot: Callable[[], object]) -> QPushButton:
    button = QPushButton(
        f"{text} ({QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)})"
    )
    button.setAutoDefault(False)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its keys are on it: Tab walks the fields
    button.clicked.connect(lambda _checked=False: slot())
    return button


class PackageDialog(FormDialog):
    def __init__(
        self,
        journey: JourneyService,
        catalog: CatalogAdminService,
        package: PackageInfo | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("New one-thing package") if package is None else self.tr("One-thing package"),
            parent,
        )
        self.setMinimumWidth(760)
        self._journey, self._catalog, self._package = journey, catalog, package
        self._names: dict[str, str] = {}  # item code -> its name
        self._materials: dict[str, list[tuple[int | None, str]]] = {}  # code -> (id, name)
        self.item_codes: list[str] = [i.item_code for i in package.items] if package else []
        self.shared: list[Shared] = []
        self.shared_dialog: SharedDialog | None = None  # the one last opened

        self.code_edit = QLineEdit(package.code if package else "")
        self.code_edit.setReadOnly(package is not None)  # cases and bundles name the code
        self.name_edit = QLineEdit(package.name if package else "")
        self.promised_spin = QSpinBox()
        self.promised_spin.setRange(1, MAX_PACKAGE_DAYS)
        self.promised_spin.setValue(package.promised_days if package else 1)
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Filter the catalog by code, name or initials"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.filter_catalog)
        self.filter_edit.installEventFilter(self)
        self.catalog_list = QListWidget()
        self.catalog_list.setMinimumHeight(140)
        self.chosen_list = QListWidget()
        self.chosen_list.setMaximumHeight(100)
        self.shared_list = QListWidget()
        self.shared_list.setMaximumHeight(100)
        self.shared_list.itemDoubleClicked.connect(lambda _item: self.edit_shared())

        for pi in package.items if package else ():
            self._names[pi.item_code] = pi.item_name
        try:
            self._fill_catalog()
            if package is not None:
                self._load_shared(package)
        except ClerkError as e:
            self.show_error("", str(e))
        self.catalog_list.itemChanged.connect(self._ticked)

        self.add_field("code", self.tr("Package code"), self.code_edit)
        self.add_field("name", self.tr("Name"), self.name_edit)
        self.add_field(
            "promised_days", self.tr("Promised limit (working days)"), self.promised_spin
        )
        self.add_field("items", self.tr("Items (Space ticks)"), self._items_box())
        self.add_field("order", self.tr("Order of the items"), self._order_box())
        self.add_field("shared", self.tr("Shared materials"), self._shared_box())
        self._show_chosen()
        self._show_shared()
        self.initial_focus = self.name_edit if package else self.code_edit

    # --- building --------------------------------------------------------------------------
    def _fill_catalog(self) -> None:
        """Every item in service, and any retired one the package already holds."""
        for item in self._catalog.list_items():
            if not item.active and item.item_code not in self.item_codes:
                continue
            self._names[item.item_code] = item.name
            row = QListWidgetItem(f"{item.item_code}  {item.name}")
            row.setData(_ROLE, item.item_code)
            row.setData(_SEARCH_ROLE, item.search_text or row.text().casefold())
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            ticked = item.item_code in self.item_codes
            row.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
            self.catalog_list.addItem(row)

    def _load_shared(self, package: PackageInfo) -> None:
        by_id: dict[int, Pair] = {}
        for code in self.item_codes:
            for material_id, name in self.materials_of(code):
                if material_id is not None:
                    by_id[material_id] = (code, name)
        for m in package.shared:
            self.shared.append(Shared(m.name, [by_id[i] for i in m.material_ids if i in by_id]))

    def _items_box(self) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.filter_edit)
        column.addWidget(self.catalog_list)
        box.setFocusProxy(self.filter_edit)
        return box

    def _order_box(self) -> QWidget:
        return self._list_box(
            self.chosen_list,
            (
                (self.tr("Up"), "Alt+Up", lambda: self.move_item(-1)),
                (self.tr("Down"), "Alt+Down", lambda: self.move_item(1)),
            ),
        )

    def _shared_box(self) -> QWidget:
        return self._list_box(
            self.shared_list,
            (
                (self.tr("Add"), "Ctrl+M", self.add_shared),
                (self.tr("Edit"), "F2", self.edit_shared),
                (self.tr("Remove"), "Delete", self.remove_shared),
            ),
        )

    def _list_box(
        self, view: QListWidget, actions: tuple[tuple[str, str, Callable[[], object]], ...]
    ) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(view, 1)
        buttons = QVBoxLayout()
        for text, keys, slot in actions:
            buttons.addWidget(_button(text, keys, slot))
            parent = self if keys == "Ctrl+M" else view  # Ctrl+M from anywhere in the form
            shortcut = QShortcut(QKeySequence(keys), parent, slot)
            if parent is view:
                shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        buttons.addStretch(1)
        row.addLayout(buttons)
        box.setFocusProxy(view)
        return box

    # --- the catalog list and the chosen items ---------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Down or Enter in the filter goes to the first item shown (Enter does not save)."""
        if (
            watched is self.filter_edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self._focus_catalog()
            return True
        return super().eventFilter(watched, event)

    def _focus_catalog(self) -> None:
        self.catalog_list.setFocus()
        current = self.catalog_list.currentItem()
        if current is None or current.isHidden():
            for r in range(self.catalog_list.count()):
                if not self.catalog_list.item(r).isHidden():
                    self.catalog_list.setCurrentRow(r)
                    return

    def filter_catalog(self, text: str) -> None:
        """Shows the items whose code, name or initials hold ``text`` (the stored search text,
        matched as the counter's item search matches it)."""
        wanted = text.strip().casefold()
        for r in range(self.catalog_list.count()):
            row = self.catalog_list.item(r)
            row.setHidden(bool(wanted) and wanted not in str(row.data(_SEARCH_ROLE)))

    def _ticked(self, row: QListWidgetItem) -> None:
        code = str(row.data(_ROLE))
        if row.checkState() == Qt.CheckState.Checked:
            if code not in self.item_codes:
                self.item_codes.append(code)
        elif code in self.item_codes:
            self.item_codes.remove(code)
            for shared in self.shared:  # its materials can no longer be shared
                shared.pairs = [p for p in shared.pairs if p[0] != code]
            self._show_shared()
        self._show_chosen()

    def _show_chosen(self, select: int | None = None) -> None:
        self.chosen_list.clear()
        for n, code in enumerate(self.item_codes, 1):
            self.chosen_list.addItem(f"{n}. {code}  {self._names.get(code, '')}")
        if select is not None and 0 <= select < len(self.item_codes):
            self.chosen_list.setCurrentRow(select)

    def move_item(self, step: int) -> None:
        row = self.chosen_list.currentRow()
        to = row + step
        if 0 <= row < len(self.item_codes) and 0 <= to < len(self.item_codes):
            codes = self.item_codes
            codes[row], codes[to] = codes[to], codes[row]
            self._show_chosen(to)

    def materials_of(self, code: str) -> list[tuple[int | None, str]]:
        """The item's own materials (id, name), read once from the catalog."""
        if code not in self._materials:
            item = self._catalog.item(code)
            self._materials[code] = [(m.id, m.name) for m in item.materials]
        return self._materials[code]

    def item_name(self, code: str) -> str:
        return self._names.get(code, code)

    # --- shared materials ------------------------------------------------------------------
    def _show_shared(self, select: int | None = None) -> None:
        self.shared_list.clear()
        for shared in self.shared:
            parts = "、".join(f"{self.item_name(c)}·{m}" for c, m in shared.pairs)
            self.shared_list.addItem(f"{shared.name} ← {parts}")
        if select is not None and 0 <= select < len(self.shared):
            self.shared_list.setCurrentRow(select)

    def _open(self, dialog: SharedDialog, saved: Callable[[Shared], None]) -> None:
        self.shared_dialog = dialog
        dialog.accepted.connect(lambda: saved(dialog.result_value))
        dialog.finished.connect(lambda _code: self.shared_list.setFocus())
        dialog.open()

    def _choices(self) -> list[tuple[Pair, str]]:
        """Every material of the ticked items, in their order: ((code, name), its label)."""
        out = []
        for code in self.item_codes:
            for _id, name in self.materials_of(code):
                out.append(((code, name), f"{self.item_name(code)} · {name}"))
        return out

    def add_shared(self) -> None:
        try:
            choices = self._choices()
        except ClerkError as e:
            self.show_error("shared", str(e))
            return
        self._open(SharedDialog(choices, None, self), self._added)

    def _added(self, shared: Shared) -> None:
        self.shared.append(shared)
        self._show_shared(len(self.shared) - 1)

    def edit_shared(self) -> None:
        row = self.shared_list.currentRow()
        if not 0 <= row < len(self.shared):
            return
        try:
            choices = self._choices()
        except ClerkError as e:
            self.show_error("shared", str(e))
            return
        self._open(SharedDialog(choices, self.shared[row], self), lambda s: self._replace(row, s))

    def _replace(self, row: int, shared: Shared) -> None:
        self.shared[row] = shared
        self._show_shared(row)

    def remove_shared(self) -> None:
        row = self.shared_list.currentRow()
        if 0 <= row < len(self.shared):
            del self.shared[row]
            self._show_shared(min(row, len(self.shared) - 1))

    # --- saving ----------------------------------------------------------------------------
    def package_input(self) -> PackageInput:
        """What the form holds, its typed text checked at entry under its own field."""
        with on_field("code"):
            code = typed_text(
                self.code_edit.text(), "一件事编码", "The package code", max_len=CODE_MAX_LEN
            )
        with on_field("name"):
            name = typed_text(
                self.name_edit.text(), "一件事名称", "The package name", max_len=NAME_MAX_LEN
            )
        return PackageInput(
            code=code,
            name=name,
            promised_days=self.promised_spin.value(),
            item_codes=tuple(self.item_codes),
            shared=tuple((s.name, tuple(s.pairs)) for s in self.shared),
        )

    def save(self) -> PackageInfo:
        return self._journey.save_package(self.package_input(), new=self._package is None)


class SharedDialog(FormDialog):
    """One shared material: its name and the ticked materials of the package's items."""

    def __init__(
        self,
        choices: list[tuple[Pair, str]],
        shared: Shared | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("New shared material") if shared is None else self.tr("Shared material"),
            parent,
        )
        self.setMinimumWidth(620)
        self.name_edit = QLineEdit(shared.name if shared else "")
        self.material_list = QListWidget()
        self.material_list.setMinimumHeight(220)
        kept = set(shared.pairs) if shared else set()
        for pair, label in choices:
            row = QListWidgetItem(label)
            row.setData(_ROLE, pair)
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(Qt.CheckState.Checked if pair in kept else Qt.CheckState.Unchecked)
            self.material_list.addItem(row)
        if choices:
            self.material_list.setCurrentRow(0)
        self.add_field("name", self.tr("Name"), self.name_edit)
        self.add_field(
            "materials", self.tr("Stands for (Space ticks; two items or more)"), self.material_list
        )
        self.initial_focus = self.name_edit

    def save(self) -> Shared:
        with on_field("name"):
            name = typed_text(
                self.name_edit.text(),
                "共享材料名称",
                "The shared material's name",
                max_len=SHARED_NAME_MAX_LEN,
                required=True,
            )
        pairs: list[Pair] = []
        for r in range(self.material_list.count()):
            row = self.material_list.item(r)
            if row.checkState() == Qt.CheckState.Checked:
                code, material = row.data(_ROLE)
                pairs.append((str(code), str(material)))
        if not pairs:
            raise ValidationError(
                "请勾选这项共享材料所代表的各事项材料。",
                "Tick the items' materials this shared material stands for.",
                field="materials",
            )
        return Shared(name, pairs)
