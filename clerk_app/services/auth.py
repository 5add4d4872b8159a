"""Login with lockout: 5 failed attempts lock an account for 15 minutes (audit-logged).

A wrong password says how many tries are left before the lockout. An unknown user name gets
the same answers, counted from its recent failures in the audit log, so the sign-in never tells
whether an account exists. For the counter's sign-in (``counter_check``) a clerk without a
counter is refused with the counter they last signed in at (``CounterNeeded``), and a counter
another clerk is signed in at now is refused naming that clerk (``CounterHeld``) until the
sign-in is repeated with ``take_over``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from sqlalchemy import Connection, func, select
from sqlalchemy.orm import Session

from clerk_app.clock import Clock
from clerk_app.domain.roles import Actor, Role
from clerk_app.errors import AuthError, SessionEnded
from clerk_app.persistence.database import Database
from clerk_app.persistence.models import AuditLog, Counter, User
from clerk_app.services import audit
from clerk_app.services.passwords import hash_password, needs_rehash, verify_password
from clerk_app.services.settings import get_setting

MAX_FAILED_LOGINS = 5
LOCKOUT = timedelta(minutes=15)


_LOCKED_ZH = "该账户因多次密码错误已锁定 15 分钟，请稍后再试或联系管理员解锁。"
_LOCKED_EN = (
    "This account is locked for 15 minutes after repeated wrong passwords; "
    "try again later or ask an administrator to unlock it."
)


def _wrong_credentials(tries_left: int | None = None) -> AuthError:
    """Wrong name or password; with the tries left before the lockout (0: locked now)."""
    if tries_left is None:
        return AuthError("用户名或密码错误。", "Wrong user name or password.")
    if tries_left <= 0:
        return AuthError(
            f"用户名或密码错误。{_LOCKED_ZH}", f"Wrong user name or password. {_LOCKED_EN}"
        )
    return AuthError(
        f"用户名或密码错误，还可尝试{tries_left}次。",
        f"Wrong user name or password; {tries_left} more tries before the account is locked.",
    )


def _locked() -> AuthError:
    return AuthError(_LOCKED_ZH, _LOCKED_EN)


class CounterNeeded(AuthError):
    """A clerk signed in without a counter (F1 would fail); nothing was recorded.

    ``last_counter`` is the counter the clerk last signed in at, if any, to offer first.
    """

    def __init__(self, last_counter: int | None) -> None:
        self.last_counter = last_counter
        if last_counter is None:
            super().__init__(
                "窗口人员须选择所在窗口后登录。", "Choose the counter you sit at to sign in."
            )
        else:
            super().__init__(
                f"窗口人员须选择所在窗口后登录（上次在 {last_counter} 号窗口）。",
                f"Choose the counter you sit at to sign in (last time: counter {last_counter}).",
            )


class CounterHeld(AuthError):
    """Another clerk is signed in at the counter now (its PC is online); nothing was recorded.

    ``holder`` is that clerk's display name; sign in again with ``take_over`` to sit there.
    """

    def __init__(self, counter: int, holder: str) -> None:
        self.counter = counter
        self.holder = holder
        super().__init__(
            f"{counter} 号窗口已由 {holder} 登录使用。",
            f"Counter {counter} is in use: {holder} is signed in there.",
        )


def authenticate(
    db: Database,
    clock: Clock,
    username: str,
    password: str,
    counter: int | None,
    *,
    counter_check: bool = False,
    take_over: bool = False,
) -> Actor:
    """Checks the password and the counter; returns the actor or raises ``AuthError``.

    With ``counter_check`` (the counter's sign-in dialog) a clerk is refused without a counter
    (``CounterNeeded``) and, unless ``take_over``, at a counter another clerk holds
    (``CounterHeld``): both after the password was found right, both recording nothing.

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
        actor = _record_attempt(
            db,
            clock(),
            username,
            seen,
            valid,
            fresh_hash,
            counter,
            counter_check=counter_check,
            take_over=take_over,
        )
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
    *,
    counter_check: bool,
    take_over: bool,
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
        elif user is None and _recent_failures(session, username, now) >= MAX_FAILED_LOGINS:
            failure = _locked()  # as an existing account would be: nothing tells them apart
        elif user is None or not valid:
            if user is None:
                failure = _wrong_credentials(
                    MAX_FAILED_LOGINS - 1 - _recent_failures(session, username, now)
                )
            else:
                user.failed_logins += 1
                failure = _wrong_credentials(MAX_FAILED_LOGINS - user.failed_logins)
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
            if counter_check and user.role == Role.CLERK:
                _check_counter(session, user, counter, now, take_over)
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
                session_version=user.session_version,
                department_id=user.department_id,
            )
    if failure is not None:
        raise failure
    return actor


def _recent_failures(s: Session, username: str, now: datetime) -> int:
    """Failed sign-ins under ``username`` within the lockout period (for unknown names)."""
    return int(
        s.scalar(
            select(func.count())
            .select_from(AuditLog)
            .where(
                AuditLog.action == "login_failed",
                AuditLog.target == f"user:{username}",
                AuditLog.at > now - LOCKOUT,
            )
        )
        or 0
    )


def _check_counter(
    s: Session, user: User, counter: int | None, now: datetime, take_over: bool
) -> None:
    """A clerk signs in at a counter, and at one nobody else holds unless ``take_over``."""
    if counter is None:
        raise CounterNeeded(last_counter(s, user.username))
    if take_over:
        return
    row = s.scalars(select(Counter).where(Counter.number == counter)).one()
    if row.clerk_id is None or row.clerk_id == user.id or row.last_heartbeat is None:
        return
    online = timedelta(seconds=int(get_setting(s, "queue.offline_after_seconds")))
    if row.last_heartbeat < now - online:
        return  # its PC went silent: the counter is free
    holder = s.get(User, row.clerk_id)
    if holder is not None:
        raise CounterHeld(counter, holder.display_name)


def last_counter(s: Session, username: str) -> int | None:
    """The counter ``username`` last signed in at, from the audit log; None if never."""
    target = s.scalar(
        select(AuditLog.target)
        .where(
            AuditLog.actor == username,
            AuditLog.action == "login",
            AuditLog.target.startswith("counter:"),
        )
        .order_by(AuditLog.at.desc(), AuditLog.id.desc())
        .limit(1)
    )
    if target is None:
        return None
    number = target.removeprefix("counter:")
    return int(number) if number.isdigit() else None


def session_check(actor: Actor) -> Callable[[Connection], None]:
    """The check each unit of work of ``actor``'s session makes first, inside it: one read of
    the account's row by its key. ``SessionEnded`` once the account is disabled or its
    session version moved on (password changed, disabled and enabled again) since sign-in."""
    user_id, version = actor.user_id, actor.session_version
    query = select(User.active, User.session_version).where(User.id == user_id)

    def check(conn: Connection) -> None:
        row = conn.execute(query).first()
        if row is None or not row.active or row.session_version != version:
            raise SessionEnded()

    return check
