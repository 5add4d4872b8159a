"""The audit log as a dialog over the supervisor's dashboard (``AUDIT_KEYS``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from ui.audit.audit_panel import AuditPanel

if TYPE_CHECKING:
    from clerk_app.api import StaffSession

# Not Ctrl+L: the main window's sign-out.
AUDIT_KEYS = "Ctrl+Shift+L"


class AuditDialog(QDialog):
    def __init__(self, session: StaffSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Audit log"))
        self.resize(1100, 640)
        self.panel = AuditPanel(session, self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel, 1)
        layout.addWidget(buttons)
