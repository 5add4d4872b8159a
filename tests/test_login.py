"""Login, wrong passwords, lockout after 5 failures for 15 minutes, disabled accounts."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from clerk_app.api import open_hall
from clerk_app.domain.roles import Role
from clerk_app.errors import AuthError
from clerk_app.persistence.models import AuditLog, User
from clerk_app.services import auth
from clerk_app.services.passwords import needs_rehash


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
    # The sentence says how many tries are left before the lockout (issue 12, defect 9), the
    # same for an unknown name as for an account, so it never tells whether one exists.
    with pytest.raises(AuthError) as info:
        hall.login(user, password, counter=1)
    assert str(info.value) == "用户名或密码错误，还可尝试4次。"


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
        assert str(info.value) == (
            "Wrong user name or password; 4 more tries before the account is locked."
        )
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


def test_a_hash_made_with_old_parameters_is_replaced_at_sign_in(hall) -> None:  # type: ignore[no-untyped-def]
    from argon2 import PasswordHasher

    with hall.db.write() as s:
        user = s.scalars(select(User).where(User.username == "clerk01")).one()
        user.password_hash = PasswordHasher().hash("demo")  # argon2-cffi's 64 MiB default
    hall.login("clerk01", "demo", counter=1)
    with hall.db.read() as s:
        stored = s.scalars(select(User.password_hash).where(User.username == "clerk01")).one()
    assert "m=19456,t=2,p=1" in stored and not needs_rehash(stored)
    hall.login("clerk01", "demo", counter=1)  # the new hash verifies


def test_the_password_check_holds_no_write_lock(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """While one PC checks a password, another PC's call-next completes (SQLite's one lock)."""
    url = f"sqlite:///{tmp_path / 'hall.db'}"
    signing_in, other = open_hall(url), open_hall(url)
    signing_in.seed_demo()
    other.kiosk().queue.take_ticket("A")
    clerk = other.login("clerk02", "demo", counter=2)
    checking, called = threading.Event(), threading.Event()
    real_verify = auth.verify_password

    def slow_verify(password_hash: str | None, password: str) -> bool:
        checking.set()
        assert called.wait(20), "call-next waited for the sign-in's password check"
        return real_verify(password_hash, password)

    monkeypatch.setattr(auth, "verify_password", slow_verify)
    result: list[object] = []
    worker = threading.Thread(target=lambda: result.append(signing_in.login("clerk01", "demo", 1)))
    worker.start()
    assert checking.wait(20)
    ticket = clerk.queue.call_next()  # would block on the write lock if the check held it
    called.set()
    worker.join(30)
    assert ticket is not None and ticket.number == "A001"
    assert result and result[0].actor.username == "clerk01"  # type: ignore[attr-defined]
    signing_in.close()
    other.close()


@pytest.mark.parametrize("user", ["clerk02", "nobody"])
def test_a_wrong_password_says_how_many_tries_are_left(hall_url: str, user: str) -> None:
    """The count comes from the lockout policy; an unknown name counts and locks alike."""
    hall = open_hall(hall_url, clock=FakeClock())
    said = []
    for _ in range(auth.MAX_FAILED_LOGINS):
        with pytest.raises(AuthError) as info:
            hall.login(user, "bad", counter=2)
        said.append(str(info.value))
    assert said[:4] == [f"用户名或密码错误，还可尝试{n}次。" for n in (4, 3, 2, 1)]
    assert said[4].startswith("用户名或密码错误。") and "已锁定 15 分钟" in said[4]
    with pytest.raises(AuthError, match="锁定"):
        hall.login(user, "demo", counter=2)
    hall.close()


def test_the_counter_sign_in_refuses_a_clerk_without_a_counter_naming_the_last_one(
    hall,  # type: ignore[no-untyped-def]
) -> None:
    with pytest.raises(auth.CounterNeeded) as first:
        hall.login("clerk03", "demo", counter_check=True)
    assert first.value.last_counter is None
    hall.login("clerk03", "demo", counter=7)
    with pytest.raises(auth.CounterNeeded) as again:
        hall.login("clerk03", "demo", counter_check=True)
    assert again.value.last_counter == 7
    assert "上次在 7 号窗口" in str(again.value)
    # A supervisor needs no counter; without the check (CLI, scripts) nothing changes.
    assert hall.login("supervisor", "demo", counter_check=True).actor.counter_no is None
    assert hall.login("clerk03", "demo").actor.counter_no is None


def test_a_counter_another_clerk_holds_is_named_and_taken_only_when_asked(
    hall_url: str,
) -> None:
    clock = FakeClock()
    hall = open_hall(hall_url, clock=clock)
    hall.login("clerk01", "demo", counter=1)  # online at counter 1 (its heartbeat)
    with pytest.raises(auth.CounterHeld) as held:
        hall.login("clerk02", "demo", counter=1, counter_check=True)
    assert held.value.holder == "林晓芸" and "林晓芸" in str(held.value)
    # The same clerk again (a restarted PC) or another counter: no question.
    assert hall.login("clerk01", "demo", counter=1, counter_check=True).actor.counter_no == 1
    assert hall.login("clerk02", "demo", counter=2, counter_check=True).actor.counter_no == 2
    taken = hall.login("clerk02", "demo", counter=1, counter_check=True, take_over=True)
    assert taken.actor.counter_no == 1
    hall.close()


def test_a_counter_whose_pc_went_silent_is_free(hall_url: str) -> None:
    clock = FakeClock()
    hall = open_hall(hall_url, clock=clock)
    hall.login("clerk01", "demo", counter=1)
    clock.now += timedelta(seconds=91)  # queue.offline_after_seconds is 90
    assert hall.login("clerk02", "demo", counter=1, counter_check=True).actor.counter_no == 1
    hall.close()
