"""Imports and exports in one place: the catalog, the credit list, the day's appointments."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from ui.admin.imports.import_dialog import ImportDialog

if TYPE_CHECKING:
    from clerk_app.api import StaffSession


class ImportsPage(QWidget):
    def page_title(self) -> str:
        """Its title in the admin window's page list (``ui.admin.pages``)."""
        return QCoreApplication.translate("AdminPages", "Imports")

    def __init__(self, session: StaffSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        hint = QLabel(
            self.tr(
                "Every row is checked first; a file with any problem changes nothing. "
                "Importing the same file again changes nothing."
            )
        )
        hint.setWordWrap(True)
        self.catalog_button = QPushButton(self.tr("Import the catalog…"))
        self.credit_button = QPushButton(self.tr("Import the credit list…"))
        self.appointments_button = QPushButton(self.tr("Import the day's appointments…"))
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        for button, kind in (
            (self.catalog_button, "catalog"),
            (self.credit_button, "credit_list"),
            (self.appointments_button, "appointments"),
        ):
            button.clicked.connect(lambda _c=False, k=kind: self.open_import(k))
            layout.addWidget(button)
        layout.addStretch(1)
        self.dialog: ImportDialog | None = None

    def open_import(self, kind: str) -> ImportDialog:
        self.dialog = ImportDialog(self._session, kind, self)
        self.dialog.open()
        return self.dialog


def make_page(session: StaffSession, parent: QWidget | None = None) -> QWidget:
    return ImportsPage(session, parent)
