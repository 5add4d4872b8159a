"""The services refuse what the acting role may not do, whatever the UI shows."""

from __future__ import annotations

import pytest

from clerk_app.domain.roles import ROLE_PERMISSIONS, Actor, Permission, Role
from clerk_app.errors import PermissionDenied


def test_role_table_is_least_privilege() -> None:
    assert ROLE_PERMISSIONS[Role.DISPLAY] == {Permission.VIEW_CATALOG, Permission.VIEW_QUEUE}
    assert Permission.TAKE_TICKET in ROLE_PERMISSIONS[Role.KIOSK]
    assert Permission.SERVE_QUEUE not in ROLE_PERMISSIONS[Role.KIOSK]
    assert Permission.MANAGE_USERS not in ROLE_PERMISSIONS[Role.SUPERVISOR]
    assert Permission.ACCEPT_CASES not in ROLE_PERMISSIONS[Role.ADMIN]
    for role in Role:
        if role is not Role.ADMIN:
            assert Permission.MANAGE_USERS not in ROLE_PERMISSIONS[role]


def test_require_raises_a_clear_refusal() -> None:
    actor = Actor(Role.KIOSK, "kiosk", "取号机")
    with pytest.raises(PermissionDenied, match="“取号机”无权执行此操作"):
        actor.require(Permission.MANAGE_USERS)


def test_kiosk_and_display_may_not_manage_users(hall) -> None:  # type: ignore[no-untyped-def]
    for session in (hall.kiosk(), hall.display()):
        with pytest.raises(PermissionDenied):
            session.admin.list_users()
        with pytest.raises(PermissionDenied):
            session.admin.add_user("evil", "Evil", "admin", "password123")
        assert session.catalog.list_categories()  # reading the catalog is allowed


def test_clerk_and_supervisor_may_not_manage_users(hall) -> None:  # type: ignore[no-untyped-def]
    for name, counter in (("clerk01", 1), ("supervisor", None)):
        session = hall.login(name, "demo", counter=counter)
        with pytest.raises(PermissionDenied):
            session.admin.set_password("admin", "takeover123")
    # The refused call changed nothing: admin still logs in with the old password.
    assert hall.login("admin", "demo").actor.role is Role.ADMIN


def test_admin_manages_users(hall) -> None:  # type: ignore[no-untyped-def]
    admin = hall.login("admin", "demo")
    admin.admin.add_user("clerk13", "新同事", "clerk", "s3cret-pass")
    assert hall.login("clerk13", "s3cret-pass", counter=3).actor.display_name == "新同事"
    names = [u.username for u in admin.admin.list_users()]
    assert "clerk13" in names and "admin" in names
