"""Table adapter over the staff accounts (``UserInfo``) an administrator maintains."""

from __future__ import annotations

from typing import Any

from ui.common.labels import role_label
from ui.common.table_model import RowTableModel


class UserTableModel(RowTableModel):
    USERNAME, DISPLAY_NAME, ROLE, STATUS = range(4)
    CENTERED = frozenset({STATUS})

    def headers(self) -> list[str]:
        return [self.tr("User name"), self.tr("Name"), self.tr("Role"), self.tr("Status")]

    def display(self, row: Any, column: int) -> str:
        if column == self.USERNAME:
            return str(row.username)
        if column == self.DISPLAY_NAME:
            return str(row.display_name)
        if column == self.ROLE:
            if row.department:  # a reviewer: whose inbox
                return f"{role_label(row.role)} · {row.department}"
            return role_label(row.role)
        if column == self.STATUS:
            return self.status_text(row)
        return ""

    def status_text(self, row: Any) -> str:
        if not row.active:
            return self.tr("Disabled")
        if row.locked:
            return self.tr("Locked")
        return self.tr("Active")
