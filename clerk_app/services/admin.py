"""User administration: list, add, change password, disable, unlock (admins only, audited)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk_app.domain.roles import STAFF_ROLES, Permission, Role
from clerk_app.domain.typed_text import typed_text
from clerk_app.errors import Conflict, NotFound, ValidationError
from clerk_app.persistence.models import User
from clerk_app.services import audit
from clerk_app.services.base import Service
from clerk_app.services.passwords import hash_password

MIN_PASSWORD_LENGTH = 8


@dataclass(frozen=True)
class UserInfo:
    username: str
    display_name: str
    role: str
    active: bool
    locked: bool


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError(
            f"密码至少需要 {MIN_PASSWORD_LENGTH} 个字符。",
            f"A password needs at least {MIN_PASSWORD_LENGTH} characters.",
        )


class AdminService(Service):
    def list_users(self) -> list[UserInfo]:
        self.actor.require(Permission.MANAGE_USERS)
        now = self.clock()
        with self.db.read() as s:
            return [
                UserInfo(
                    u.username,
                    u.display_name,
                    u.role,
                    u.active,
                    u.locked_until is not None and u.locked_until > now,
                )
                for u in s.scalars(select(User).order_by(User.username))
            ]

    def add_user(self, username: str, display_name: str, role: str, password: str) -> UserInfo:
        self.actor.require(Permission.MANAGE_USERS)
        username = username.strip()
        display_name = typed_text(display_name, "姓名", "Display name", max_len=64)
        if not username or len(username) > 64 or not username.isprintable():
            raise ValidationError(
                "用户名不能为空且不超过 64 个字符。",
                "A user name must be 1 to 64 printable characters.",
            )
        if role not in {r.value for r in STAFF_ROLES}:
            raise ValidationError(
                f"角色“{role}”无效，可选：admin、supervisor、clerk。",
                f"Invalid role {role!r}; choose admin, supervisor or clerk.",
            )
        _check_password(password)
        now = self.clock()
        with self.db.write() as s:
            if s.scalars(select(User.id).where(User.username == username)).first() is not None:
                raise Conflict(f"用户名 {username} 已存在。", f"User name {username} is taken.")
            s.add(
                User(
                    username=username,
                    display_name=display_name or username,
                    role=role,
                    password_hash=hash_password(password),
                    active=True,
                    failed_logins=0,
                    created_at=now,
                )
            )
            audit.record(
                s,
                at=now,
                actor=self.actor.username,
                action="user_added",
                target=f"user:{username}",
                after={"role": role},
            )
        return UserInfo(username, display_name or username, Role(role).value, True, False)

    def set_password(self, username: str, password: str) -> None:
        self.actor.require(Permission.MANAGE_USERS)
        _check_password(password)
        with self.db.write() as s:
            user = self._user(s, username)
            user.password_hash = hash_password(password)
            user.session_version += 1  # the sessions signed in with the old password end
            user.failed_logins = 0
            user.locked_until = None
            audit.record(
                s,
                at=self.clock(),
                actor=self.actor.username,
                action="password_changed",
                target=f"user:{username}",
            )

    def set_active(self, username: str, active: bool) -> None:
        self.actor.require(Permission.MANAGE_USERS)
        with self.db.write() as s:
            user = self._user(s, username)
            before = user.active
            user.active = active
            if active != before:  # disabling ends every open session, for good
                user.session_version += 1
            audit.record(
                s,
                at=self.clock(),
                actor=self.actor.username,
                action="user_enabled" if active else "user_disabled",
                target=f"user:{username}",
                before={"active": before},
                after={"active": active},
            )

    def unlock(self, username: str) -> None:
        self.actor.require(Permission.MANAGE_USERS)
        with self.db.write() as s:
            user = self._user(s, username)
            user.failed_logins = 0
            user.locked_until = None
            audit.record(
                s,
                at=self.clock(),
                actor=self.actor.username,
                action="user_unlocked",
                target=f"user:{username}",
            )

    @staticmethod
    def _user(s: Session, username: str) -> User:
        user = s.scalars(select(User).where(User.username == username)).one_or_none()
        if user is None:
            raise NotFound(f"没有用户 {username}。", f"No user {username}.")
        return user
