"""The administrator's screen: tabs for users, the service item catalog, the counters and the
audit log."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from ui.admin.admin_tabs import CatalogTab, CountersTab, UsersTab
from ui.audit.audit_panel import AuditPanel
from ui.common.labels import role_label
from ui.common.widgets import ScreenHeader

if TYPE_CHECKING:
    from clerk_app.api import StaffSession


class AdminScreen(QWidget):
    def __init__(self, session: StaffSession, hall_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        actor = session.actor
        header = ScreenHeader(self.tr("Administration"), hall_name)
        header.add_badge(f"{actor.display_name} · {role_label(actor.role)}")

        self.users_tab = UsersTab(session)
        self.catalog_tab = CatalogTab(session)
        self.counters_tab = CountersTab(session)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.users_tab, self.tr("Users"))
        self.tabs.addTab(self.catalog_tab, self.tr("Service items"))
        self.tabs.addTab(self.counters_tab, self.tr("Counters"))
        self.audit_tab = AuditPanel(session)
        self.tabs.addTab(self.audit_tab, self.tr("Audit log"))

        body = QVBoxLayout()
        body.setContentsMargins(16, 14, 16, 16)
        body.addWidget(self.tabs)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(header)
        layout.addLayout(body, 1)
        self.reload()

    def reload(self) -> None:
        """Read every tab afresh from the core (one short query each)."""
        self.users_tab.reload()
        self.catalog_tab.reload()
        self.counters_tab.reload()
        self.audit_tab.reload()
