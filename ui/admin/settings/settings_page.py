"""The hall's settings as one form: each value checked by the core on save (Ctrl+S), a refusal
shown under its field with nothing saved."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from clerk_app.errors import ClerkError, ValidationError
from clerk_app.services.hall_settings import SettingInfo
from ui.common.widgets import show_message

if TYPE_CHECKING:
    from clerk_app.api import StaffSession


def _text(value: Any) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return str(value)


class SettingsPage(QWidget):
    def page_title(self) -> str:
        """Its title in the admin window's page list (``ui.admin.pages``)."""
        return QCoreApplication.translate("AdminPages", "Hall settings")

    def __init__(self, session: StaffSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.edits: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        self._shown: dict[str, str] = {}
        groups = {
            "hall": self.tr("Hall"),
            "document": self.tr("Document header"),
            "queue": self.tr("Queue"),
            "case": self.tr("Cases (容缺)"),
            "evaluation": self.tr("Evaluation"),
        }
        body = QWidget()
        column = QVBoxLayout(body)
        forms: dict[str, QFormLayout] = {}
        for key, title in groups.items():
            box = QGroupBox(title)
            forms[key] = QFormLayout(box)
            column.addWidget(box)
        column.addStretch(1)
        for info in session.settings.list_settings():
            edit = QLineEdit()
            error = QLabel()
            error.setWordWrap(True)
            error.hide()
            cell = QWidget()
            stack = QVBoxLayout(cell)
            stack.setContentsMargins(0, 0, 0, 0)
            stack.addWidget(edit)
            stack.addWidget(error)
            label = info.label
            if info.kind == "int" and info.minimum is not None:
                label += f" ({info.minimum}–{info.maximum})"
            forms[info.group].addRow(label, cell)
            self.edits[info.key] = edit
            self.errors[info.key] = error
            edit.returnPressed.connect(self.save)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.status_label = QLabel()
        self.save_button = QPushButton(self.tr("Save (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.save)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status_label, 1)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addLayout(bottom)
        self.reload()

    def reload(self) -> None:
        self._fill(self._session.settings.list_settings())

    def _fill(self, infos: list[SettingInfo]) -> None:
        for info in infos:
            self._shown[info.key] = _text(info.value)
            self.edits[info.key].setText(self._shown[info.key])

    def save(self) -> None:
        """Saves the fields changed since the page was read, all or none."""
        for label in self.errors.values():
            label.hide()
        changed = {k: e.text() for k, e in self.edits.items() if e.text() != self._shown[k]}
        if not changed:
            show_message(self.status_label, self.tr("Nothing changed."))
            return
        try:
            infos = self._session.settings.save(changed)
        except ClerkError as error:
            key = error.field if isinstance(error, ValidationError) else None
            target = self.errors.get(key or "", self.status_label)
            show_message(target, str(error), error=True)
            target.show()
            show_message(self.status_label, self.tr("Nothing was saved."), error=True)
            return
        self._fill(infos)
        show_message(self.status_label, self.tr("Saved."))


def make_page(session: StaffSession, parent: QWidget | None = None) -> QWidget:
    return SettingsPage(session, parent)
