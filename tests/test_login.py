"""Login, wrong passwords, lockout after 5 failures for 15 minutes, disabled accounts."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from clerk_app.api import open_hall
from clerk_app.domain.roles import Role
from clerk_app.errors import AuthError
from clerk_app.persistence.models import AuditLog


class FakeClock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 26, 1, 0, 0)

    def __call__(self) -> datetime:
        return self.now


def test_clerk_logs_in_at_a_counter(hall) -> None:  # type: ignore[no-untyped-def]
    session = hall.login("clerk01", "demo", counter=1)
    assert session.actor.role is Role.CLERK
    assert session.actor.counter_no == 1
    assert session.actor.display_name == "林晓芸"


@pytest.mark.parametrize("user,password", [("clerk01", "wrong"), ("nobody", "demo"), ("", "")])
def test_wrong_credentials_give_one_sentence(hall, user: str, password: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(AuthError) as info:
        hall.login(user, password, counter=1)
    assert str(info.value) == "用户名或密码错误。"


def test_unknown_counter_is_refused(hall) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(AuthError, match="没有 99 号窗口"):
        hall.login("clerk01", "demo", counter=99)


def test_five_failures_lock_for_fifteen_minutes(hall_url: str) -> None:
    clock = FakeClock()
    hall = open_hall(hall_url, clock=clock)
    for _ in range(5):
        with pytest.raises(AuthError, match="用户名或密码错误"):
            hall.login("clerk02", "bad", counter=2)
    with pytest.raises(AuthError, match="锁定"):
        hall.login("clerk02", "demo", counter=2)  # right password, still locked
    clock.now += timedelta(minutes=14, seconds=59)
    with pytest.raises(AuthError, match="锁定"):
        hall.login("clerk02", "demo", counter=2)
    clock.now += timedelta(seconds=2)
    assert hall.login("clerk02", "demo", counter=2).actor.username == "clerk02"
    # Other accounts were never affected.
    with hall.db.read() as s:
        actions = list(
            s.scalars(
                select(AuditLog.action).where(AuditLog.actor == "clerk02").order_by(AuditLog.id)
            )
        )
    assert actions == ["login_failed"] * 4 + ["account_locked", "login_failed", "login"]
    hall.close()


def test_a_success_resets_the_failure_count(hall_url: str) -> None:
    hall = open_hall(hall_url, clock=FakeClock())
    for _ in range(4):
        with pytest.raises(AuthError):
            hall.login("clerk03", "bad")
    hall.login("clerk03", "demo")
    for _ in range(4):
        with pytest.raises(AuthError, match="用户名或密码错误"):
            hall.login("clerk03", "bad")
    assert hall.login("clerk03", "demo").actor.username == "clerk03"
    hall.close()


def test_disabled_account_is_refused(hall) -> None:  # type: ignore[no-untyped-def]
    hall.system().admin.set_active("clerk04", False)
    with pytest.raises(AuthError, match="停用"):
        hall.login("clerk04", "demo", counter=4)


def test_english_messages(hall) -> None:  # type: ignore[no-untyped-def]
    from clerk_app import i18n

    i18n.set_language("en")
    try:
        with pytest.raises(AuthError) as info:
            hall.login("clerk01", "nope")
        assert str(info.value) == "Wrong user name or password."
    finally:
        i18n.set_language("zh_CN")


def test_a_failing_overdue_sweep_never_blocks_a_login(hall, monkeypatch, caplog) -> None:  # type: ignore[no-untyped-def]
    from clerk_app.domain.workdays import CalendarNotCovered
    from clerk_app.services.cases.service import CaseService

    def no_calendar(self):  # type: ignore[no-untyped-def]
        raise CalendarNotCovered(2027)

    monkeypatch.setattr(CaseService, "mark_overdue", no_calendar)
    assert hall.login("clerk05", "demo", counter=5).actor.counter_no == 5
    assert "overdue sweep at login skipped" in caplog.text
