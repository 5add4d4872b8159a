"""Translated words for the core's codes (roles, item kinds, yes/no) shown in many screens."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from clerk_app.domain.catalog import ItemKind
from clerk_app.domain.roles import Role
from clerk_app.domain.roles import role_label as core_role_label


def role_label(role: str) -> str:
    """The role's name as the core names it (管理员, 值班长, 窗口人员…): one term, one name."""
    try:
        return core_role_label(Role(str(role)))
    except ValueError:
        return str(role)


def kind_label(kind: str) -> str:
    """即办件 / 承诺件."""
    labels: dict[str, str] = {
        ItemKind.INSTANT: QCoreApplication.translate("Labels", "Instant"),
        ItemKind.PROMISED: QCoreApplication.translate("Labels", "Promised"),
    }
    return labels.get(str(kind), str(kind))


def yes_no(value: bool) -> str:
    if value:
        return QCoreApplication.translate("Labels", "Yes")
    return QCoreApplication.translate("Labels", "No")


def counter_label(number: int) -> str:
    """How the public reads a counter number: "5号窗口" / "Counter 5"."""
    return QCoreApplication.translate("Labels", "Counter %1").replace("%1", str(number))
