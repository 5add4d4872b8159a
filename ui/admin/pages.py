"""The pages of the admin window, in order: the one place a page is registered.

Each entry is ``AdminPage(key, title, "module:Class")``; the class is imported when the admin
window opens and built as ``Class(session)`` (a ``QWidget`` with a ``reload()`` method, e.g. a
``ui.admin.list_page.ListPage``). To add a page, add one line to ``PAGES``:

    AdminPage("credit", lambda: _t("Credit list"), "ui.admin.credit.page:CreditPage"),

Titles go through ``_t`` so lupdate finds them (context ``AdminPages``).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from clerk_app.api import StaffSession


def _t(text: str) -> str:
    return QCoreApplication.translate("AdminPages", text)


@dataclass(frozen=True)
class AdminPage:
    key: str  # stable name, for tests and ``AdminScreen.show_page``
    title: Callable[[], str]  # the translated title, asked when the window is built
    widget: str  # "package.module:Class", built as Class(session)

    def build(self, session: StaffSession) -> QWidget:
        module, _, name = self.widget.partition(":")
        page: QWidget = getattr(importlib.import_module(module), name)(session)
        return page


PAGES: tuple[AdminPage, ...] = (
    AdminPage("users", lambda: _t("Users"), "ui.admin.users.page:UsersPage"),
    AdminPage(
        "categories", lambda: _t("Queue categories"), "ui.admin.counters.page:CategoriesPage"
    ),
    AdminPage("counters", lambda: _t("Counters"), "ui.admin.counters.page:CountersPage"),
    AdminPage("departments", lambda: _t("Departments"), "ui.admin.catalog.page:DepartmentsPage"),
    AdminPage("items", lambda: _t("Service items"), "ui.admin.catalog.page:ItemsPage"),
    # Admin part 2 (issue 14) registers here, one line each:
    # AdminPage("credit", lambda: _t("Credit list"), "ui.admin.credit.page:CreditPage"),
    # AdminPage("calendar", lambda: _t("Calendar"), "ui.admin.calendar.page:CalendarPage"),
    # AdminPage("settings", lambda: _t("Hall settings"), "ui.admin.settings.page:SettingsPage"),
    # AdminPage("appointments", lambda: _t("Appointments"), "ui.admin.appointments.page:Page"),
    # AdminPage("import", lambda: _t("Import and export"), "ui.admin.imports.page:ImportPage"),
)
