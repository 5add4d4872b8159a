"""Login with lockout: 5 failed attempts lock an account for 15 minutes (audit-logged)."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select

from clerk_app.clock import Clock
from clerk_app.domain.roles import Actor, Role
from clerk_app.errors import AuthError
from clerk_app.persistence.database import Database
from clerk_app.persistence.models import Counter, User
from clerk_app.services import audit
from clerk_app.services.passwords import hash_password, needs_rehash, verify_password

MAX_FAILED_LOGINS = 5
LOCKOUT = timedelta(minutes=15)


def _wrong_credentials() -> AuthError:
    return AuthError("用户名或密码错误。", "Wrong user name or password.")


def _locked() -> AuthError:
    return AuthError(
        "该账户因多次密码错误已锁定 15 分钟，请稍后再试或联系管理员解锁。",
        "This account is locked for 15 minutes after repeated wrong passwords; "
        "try again later or ask an administrator to unlock it.",
    )


def authenticate(
    db: Database, clock: Clock, username: str, password: str, counter: int | None
) -> Actor:
    """Checks the password and the counter; returns the actor or raises ``AuthError``.

    The argon2 check (tens of milliseconds) runs outside any transaction: on SQLite a write
    transaction holds the hall's single write lock, and every counter's call-next would wait
    behind a sign-in. What the check saw is compared again in the short write that records
    the outcome; if the password changed in between, the attempt is made again from the
    start. A failed attempt is committed before the error is raised, so the lockout counts
    even though the caller sees an exception.
    """
    for _attempt in range(3):
        with db.read() as session:
            user = session.scalars(select(User).where(User.username == username)).one_or_none()
            seen = None if user is None else user.password_hash
            if user is not None and user.locked_until is not None and user.locked_until > clock():
                raise _locked()
        valid = verify_password(seen, password)  # same cost whether or not the user exists
        fresh_hash = hash_password(password) if valid and seen and needs_rehash(seen) else None
        actor = _record_attempt(db, clock(), username, seen, valid, fresh_hash, counter)
        if actor is not None:
            return actor
    raise _wrong_credentials()


def _record_attempt(
    db: Database,
    now: datetime,
    username: str,
    seen: str | None,
    valid: bool,
    fresh_hash: str | None,
    counter: int | None,
) -> Actor | None:
    """One short write: the outcome of a checked password. None: the hash changed meanwhile."""
    failure: AuthError | None = None
    actor: Actor | None = None
    with db.write() as session:
        user = session.scalars(select(User).where(User.username == username)).one_or_none()
        if (None if user is None else user.password_hash) != seen:
            return None
        if user is not None and user.locked_until is not None and user.locked_until > now:
            failure = _locked()
        elif user is None or not valid:
            failure = _wrong_credentials()
            if user is not None:
                user.failed_logins += 1
                if user.failed_logins >= MAX_FAILED_LOGINS:
                    user.locked_until = now + LOCKOUT
                    user.failed_logins = 0
                    audit.record(
                        session,
                        at=now,
                        actor=username,
                        action="account_locked",
                        target=f"user:{username}",
                        after={"locked_until": str(user.locked_until)},
                    )
            audit.record(
                session,
                at=now,
                actor=username or "?",
                action="login_failed",
                target=f"user:{username}",
            )
        elif not user.active:
            failure = AuthError(
                "该账户已停用，请联系管理员。", "This account is disabled; ask an administrator."
            )
        else:
            if (
                counter is not None
                and session.scalars(
                    select(Counter.id).where(Counter.number == counter, Counter.active)
                ).first()
                is None
            ):
                raise AuthError(
                    f"没有 {counter} 号窗口，请选择正确的窗口号。",
                    f"There is no counter {counter}; choose a valid counter number.",
                )
            user.failed_logins = 0
            user.locked_until = None
            if fresh_hash is not None:
                user.password_hash = fresh_hash
            audit.record(
                session,
                at=now,
                actor=username,
                action="login",
                target=f"counter:{counter}" if counter is not None else "",
            )
            actor = Actor(
                role=Role(user.role),
                username=user.username,
                display_name=user.display_name,
                user_id=user.id,
                counter_no=counter,
            )
    if failure is not None:
        raise failure
    return actor
