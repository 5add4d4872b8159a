"""The pages of the admin window, in order: the one place a page is registered.

An entry is ``AdminPage(key, "module:Class")``. When the admin window opens, the class is
imported and built as ``Class(session)``: a ``QWidget`` with ``page_title()`` (its translated
title in the page list) and ``reload()`` (read afresh; called whenever the page is shown),
usually a ``ui.admin.list_page.ListPage``. To add a page, add one line to ``PAGES``:

    AdminPage("credit", "ui.admin.credit.page:CreditPage"),

Ctrl+1 … Ctrl+9 choose the first nine pages in this order; Ctrl+PgDown/PgUp step through all.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from clerk_app.api import StaffSession


@dataclass(frozen=True)
class AdminPage:
    key: str  # stable name, for tests and ``AdminScreen.show_page``
    widget: str  # "package.module:Class", built as Class(session)

    def build(self, session: StaffSession) -> QWidget:
        module, _, name = self.widget.partition(":")
        page: QWidget = getattr(importlib.import_module(module), name)(session)
        return page


PAGES: tuple[AdminPage, ...] = (
    AdminPage("users", "ui.admin.users.page:UsersPage"),
    AdminPage("categories", "ui.admin.counters.page:CategoriesPage"),
    AdminPage("counters", "ui.admin.counters.page:CountersPage"),
    AdminPage("departments", "ui.admin.catalog.page:DepartmentsPage"),
    AdminPage("items", "ui.admin.catalog.page:ItemsPage"),
    AdminPage("packages", "ui.admin.packages.page:PackagesPage"),
    AdminPage("credit", "ui.admin.credit.credit_page:CreditPage"),
    AdminPage("calendar", "ui.admin.calendar.calendar_page:CalendarPage"),
    AdminPage("appointments", "ui.admin.appointments.appointments_page:AppointmentsPage"),
    AdminPage("settings", "ui.admin.settings.settings_page:SettingsPage"),
    AdminPage("import", "ui.admin.imports.imports_page:ImportsPage"),
    AdminPage("audit", "ui.audit.audit_panel:AuditPanel"),
)
