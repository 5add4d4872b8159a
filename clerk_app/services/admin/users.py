"""Staff accounts: list, add, edit (name, role, a reviewer's department), reset the password,
disable or enable, unlock.

Admins only, each action audited in its own transaction. Passwords keep the minimum policy of
``domain.password_policy``; the hall can never lose its last active administrator (disabled or
moved to another role), and nobody disables their own account. A reviewer's account names the
department whose task inbox it works; no other account has one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from clerk_app.domain.password_policy import MIN_PASSWORD_LENGTH, password_problem
from clerk_app.domain.roles import ACCOUNT_ROLES, Permission, Role
from clerk_app.errors import NotFound, ValidationError
from clerk_app.persistence.models import Department, User
from clerk_app.services import audit
from clerk_app.services.admin import fields
from clerk_app.services.base import Service
from clerk_app.services.passwords import hash_password

__all__ = ["MIN_PASSWORD_LENGTH", "AdminService", "UserInfo"]

USERNAME_MAX = 64  # users.username String(64)
DISPLAY_NAME_MAX = 64  # users.display_name String(64)


@dataclass(frozen=True)
class UserInfo:
    username: str
    display_name: str
    role: str
    active: bool
    locked: bool
    department: str = ""  # a reviewer's department code; "" for every other role


def _username(username: str) -> str:
    name = fields.text(username, "username", "用户名", "User name", max_len=USERNAME_MAX)
    if not name or any(c.isspace() for c in name):
        raise ValidationError(
            f"用户名不能为空、不能含空格，且不超过 {USERNAME_MAX} 个字符。",
            f"A user name must be 1 to {USERNAME_MAX} characters without spaces.",
            field="username",
        )
    return name


def _display_name(display_name: str, fallback: str) -> str:
    name = fields.text(
        display_name, "display_name", "姓名", "Display name", max_len=DISPLAY_NAME_MAX
    )
    return name or fallback


def _role(role: str) -> str:
    if role not in {r.value for r in ACCOUNT_ROLES}:
        raise ValidationError(
            f"角色“{role}”无效，可选：admin、supervisor、clerk、reviewer。",
            f"Invalid role {role!r}; choose admin, supervisor, clerk or reviewer.",
            field="role",
        )
    return role


def _department_id(s: Session, role: str, code: str) -> int | None:
    """A reviewer must name an existing department; any other role must name none."""
    code = (code or "").strip()
    if role != Role.REVIEWER:
        if code:
            raise ValidationError(
                "只有审批人员账户归属部门，其他角色不选部门。",
                "Only a reviewer's account belongs to a department; leave it empty for "
                "other roles.",
                field="department",
            )
        return None
    if not code:
        raise ValidationError(
            "审批人员账户须选择所属部门。",
            "A reviewer's account needs its department.",
            field="department",
        )
    found = s.scalar(select(Department.id).where(Department.code == code))
    if found is None:
        raise ValidationError(f"没有部门 {code}。", f"No department {code}.", field="department")
    return int(found)


def check_password(password: str, username: str) -> None:
    """Raises ``ValidationError`` (field ``password``) when the policy refuses ``password``."""
    problem = password_problem(password, username)
    if problem is not None:
        raise ValidationError(*problem, field="password")


class AdminService(Service):
    def list_users(self) -> list[UserInfo]:
        self.actor.require(Permission.MANAGE_USERS)
        now = self.clock()
        with self.db.read() as s:
            codes: dict[int, str] = {
                d: c for d, c in s.execute(select(Department.id, Department.code))
            }
            return [
                _info(u, now, codes.get(u.department_id, "") if u.department_id else "")
                for u in s.scalars(select(User).order_by(User.username))
            ]

    def add_user(
        self, username: str, display_name: str, role: str, password: str, department: str = ""
    ) -> UserInfo:
        """A new account; a reviewer's names its ``department`` (code)."""
        self.actor.require(Permission.MANAGE_USERS)
        username = _username(username)
        display_name = _display_name(display_name, username)
        role = _role(role)
        check_password(password, username)
        now = self.clock()
        with self.db.write() as s:
            if s.scalars(select(User.id).where(User.username == username)).first() is not None:
                raise ValidationError(
                    f"用户名 {username} 已存在。",
                    f"User name {username} is taken.",
                    field="username",
                )
            department_id = _department_id(s, role, department)
            user = User(
                username=username,
                display_name=display_name,
                role=role,
                password_hash=hash_password(password),
                active=True,
                failed_logins=0,
                created_at=now,
                department_id=department_id,
            )
            s.add(user)
            audit.record(
                s,
                at=now,
                actor=self.actor.username,
                action="user_added",
                target=f"user:{username}",
                after={"role": role, "display_name": display_name, "department": department},
            )
            s.flush()
            return _info(user, now, _department_code(s, user))

    def edit_user(
        self, username: str, display_name: str, role: str, department: str = ""
    ) -> UserInfo:
        """Changes the display name, the role and a reviewer's department; refused if it would
        leave no active admin."""
        self.actor.require(Permission.MANAGE_USERS)
        role = _role(role)
        now = self.clock()
        with self.db.write() as s:
            user = self._user(s, username)
            name = _display_name(display_name, user.username)
            department_id = _department_id(s, role, department)
            if user.role == Role.ADMIN and role != Role.ADMIN and user.active:
                self._keep_an_admin(s, user, "role")
            before = {
                "display_name": user.display_name,
                "role": user.role,
                "department": _department_code(s, user),
            }
            if role != user.role or department_id != user.department_id:
                # a session signed in under the old role (or another department's inbox) ends
                user.session_version += 1
            user.display_name, user.role, user.department_id = name, role, department_id
            after = {"display_name": name, "role": role, "department": department.strip()}
            audit.record(
                s,
                at=now,
                actor=self.actor.username,
                action="user_edited",
                target=f"user:{username}",
                before=before,
                after=after,
            )
            return _info(user, now, after["department"])

    def set_password(self, username: str, password: str) -> None:
        """Resets ``username``'s password (and unlocks the account)."""
        self.actor.require(Permission.MANAGE_USERS)
        with self.db.write() as s:
            user = self._user(s, username)
            check_password(password, user.username)
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
        """Disables (``active=False``) or enables an account; a disabled one cannot sign in."""
        self.actor.require(Permission.MANAGE_USERS)
        with self.db.write() as s:
            user = self._user(s, username)
            if not active and user.username == self.actor.username:
                raise ValidationError(
                    "不能停用自己正在使用的账户。", "You cannot disable your own account."
                )
            if not active and user.active and user.role == Role.ADMIN:
                self._keep_an_admin(s, user, "")
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
    def _keep_an_admin(s: Session, user: User, field: str) -> None:
        others = s.scalar(
            select(func.count())
            .select_from(User)
            .where(User.role == Role.ADMIN.value, User.active, User.id != user.id)
        )
        if not others:
            raise ValidationError(
                f"{user.username} 是最后一个在用的管理员账户，不能停用或改为其他角色；"
                "请先添加另一个管理员。",
                f"{user.username} is the last active administrator; add another "
                "administrator before disabling it or changing its role.",
                field=field,
            )

    @staticmethod
    def _user(s: Session, username: str) -> User:
        user = s.scalars(select(User).where(User.username == username)).one_or_none()
        if user is None:
            raise NotFound(f"没有用户 {username}。", f"No user {username}.")
        return user


def _department_code(s: Session, u: User) -> str:
    if u.department_id is None:
        return ""
    return s.scalar(select(Department.code).where(Department.id == u.department_id)) or ""


def _info(u: User, now: datetime, department: str = "") -> UserInfo:
    locked = u.locked_until is not None and u.locked_until > now
    return UserInfo(u.username, u.display_name, u.role, bool(u.active), locked, department)
