"""Counters (窗口) and the queue categories (业务类别) they serve: add and edit (admins).

A counter has a number shown to the public (1–999), a name, the categories it serves in
serving order (at least one), and is integrated (综合窗口: no department) or departmental
(专窗: one department). A category is a ticket prefix (one letter A–Z) and a name. Each
method is one transaction with its audit row.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from clerk_app.domain.roles import Permission
from clerk_app.errors import NotFound, ValidationError
from clerk_app.persistence.models import Counter, CounterCategory, Department, QueueCategory
from clerk_app.services import audit
from clerk_app.services.admin import fields
from clerk_app.services.base import Service

COUNTER_NUMBER_MAX = 999
COUNTER_NAME_MAX = 50  # counters.name String(50)
CATEGORY_NAME_MAX = 50  # queue_categories.name String(50)


@dataclass(frozen=True)
class CategoryAdminInfo:
    prefix: str
    name: str
    counters: int  # how many counters serve it


@dataclass(frozen=True)
class CounterAdminInfo:
    number: int
    name: str
    category_prefixes: tuple[str, ...]  # in serving order
    department_code: str | None  # None: an integrated counter (综合窗口)
    department_name: str
    active: bool

    @property
    def integrated(self) -> bool:
        return self.department_code is None


@dataclass(frozen=True)
class CounterDraft:
    """What the counter form holds."""

    number: int
    name: str
    category_prefixes: tuple[str, ...]
    department_code: str | None = None  # None: integrated


def _prefix(prefix: str) -> str:
    p = prefix.strip().upper()
    if len(p) != 1 or not "A" <= p <= "Z":
        raise ValidationError(
            f"业务类别“{prefix.strip()}”应为一个字母 A–Z（号票的字头）。",
            f"A category is one letter A–Z (the ticket prefix), not {prefix.strip()!r}.",
            field="prefix",
        )
    return p


def _category_name(name: str) -> str:
    return fields.text(
        name, "name", "类别名称", "Category name", max_len=CATEGORY_NAME_MAX, required=True
    )


class CounterAdminService(Service):
    # ------------------------------------------------------------------ categories

    def list_categories(self) -> list[CategoryAdminInfo]:
        self.actor.require(Permission.MANAGE_CATALOG)
        with self.db.read() as s:
            served = dict(
                s.execute(
                    select(CounterCategory.category_id, func.count()).group_by(
                        CounterCategory.category_id
                    )
                ).all()
            )
            return [
                CategoryAdminInfo(c.prefix, c.name, served.get(c.id, 0))
                for c in s.scalars(select(QueueCategory).order_by(QueueCategory.sort_order))
            ]

    def add_category(self, prefix: str, name: str) -> CategoryAdminInfo:
        self.actor.require(Permission.MANAGE_CATALOG)
        prefix, name = _prefix(prefix), _category_name(name)
        with self.db.write() as s:
            if s.scalar(select(QueueCategory.id).where(QueueCategory.prefix == prefix)):
                raise ValidationError(
                    f"业务类别 {prefix} 已存在。", f"Category {prefix} exists.", field="prefix"
                )
            order = (s.scalar(select(func.max(QueueCategory.sort_order))) or 0) + 1
            s.add(QueueCategory(prefix=prefix, name=name, sort_order=order))
            self._audit(s, "category_added", f"category:{prefix}", None, {"name": name})
        return CategoryAdminInfo(prefix, name, 0)

    def rename_category(self, prefix: str, name: str) -> CategoryAdminInfo:
        self.actor.require(Permission.MANAGE_CATALOG)
        name = _category_name(name)
        with self.db.write() as s:
            category = _category(s, prefix)
            before = category.name
            category.name = name
            self._audit(
                s,
                "category_renamed",
                f"category:{category.prefix}",
                {"name": before},
                {"name": name},
            )
            served = s.scalar(
                select(func.count()).where(CounterCategory.category_id == category.id)
            )
            return CategoryAdminInfo(category.prefix, name, served or 0)

    # ------------------------------------------------------------------ counters

    def list_counters(self) -> list[CounterAdminInfo]:
        """Every counter, in number order (also those taken out of service)."""
        self.actor.require(Permission.MANAGE_CATALOG)
        with self.db.read() as s:
            return [_counter_info(s, c) for c in _counters(s)]

    def add_counter(self, draft: CounterDraft) -> CounterAdminInfo:
        self.actor.require(Permission.MANAGE_CATALOG)
        number, name = _number(draft.number), _counter_name(draft)
        with self.db.write() as s:
            if s.scalar(select(Counter.id).where(Counter.number == number)):
                raise _taken(number)
            counter = Counter(number=number, name=name, active=True, paused=False)
            counter.department_id = _department_id(s, draft.department_code)
            counter.categories = _serving(s, draft.category_prefixes)
            s.add(counter)
            s.flush()
            info = _counter_info(s, counter)
            self._audit(s, "counter_added", f"counter:{number}", None, _audit_view(info))
            return info

    def edit_counter(self, number: int, draft: CounterDraft) -> CounterAdminInfo:
        """Changes counter ``number`` to ``draft`` (its number too, when no clerk is signed in
        there: a signed-in counter PC keeps its number until the clerk signs off)."""
        self.actor.require(Permission.MANAGE_CATALOG)
        new_number, name = _number(draft.number), _counter_name(draft)
        with self.db.write() as s:
            counter = _counter(s, number)
            before = _counter_info(s, counter)
            if new_number != number:
                if counter.clerk_id is not None:
                    raise ValidationError(
                        f"{number} 号窗口有人员登录，请其签退后再改窗口号。",
                        f"A clerk is signed in at counter {number}; change its number after "
                        "they sign off.",
                        field="number",
                    )
                if s.scalar(select(Counter.id).where(Counter.number == new_number)):
                    raise _taken(new_number)
            department_id = _department_id(s, draft.department_code)
            serving = _serving(s, draft.category_prefixes, counter)
            counter.number, counter.name = new_number, name
            counter.department_id = department_id
            counter.categories = serving
            s.flush()
            info = _counter_info(s, counter)
            self._audit(
                s, "counter_edited", f"counter:{number}", _audit_view(before), _audit_view(info)
            )
            return info

    def _audit(self, s: Session, action: str, target: str, before: object, after: object) -> None:
        audit.record(
            s,
            at=self.clock(),
            actor=self.actor.username,
            action=action,
            target=target,
            before=before,
            after=after,
        )


def _number(number: int) -> int:
    return fields.whole_number(
        number, "number", "窗口号", "The counter number", low=1, high=COUNTER_NUMBER_MAX
    )


def _counter_name(draft: CounterDraft) -> str:
    name = fields.text(draft.name, "name", "窗口名称", "Counter name", max_len=COUNTER_NAME_MAX)
    return name or f"{draft.number}号窗口"


def _taken(number: int) -> ValidationError:
    return ValidationError(f"{number} 号窗口已存在。", f"Counter {number} exists.", field="number")


def _category(s: Session, prefix: str) -> QueueCategory:
    category = s.scalars(
        select(QueueCategory).where(QueueCategory.prefix == prefix.strip().upper())
    ).one_or_none()
    if category is None:
        raise NotFound(f"没有业务类别 {prefix}。", f"No category {prefix}.")
    return category


def _counters(s: Session) -> list[Counter]:
    return list(
        s.scalars(
            select(Counter)
            .options(selectinload(Counter.categories).selectinload(CounterCategory.category))
            .order_by(Counter.number)
        )
    )


def _counter(s: Session, number: int) -> Counter:
    counter = s.scalars(select(Counter).where(Counter.number == number)).one_or_none()
    if counter is None:
        raise NotFound(f"没有 {number} 号窗口。", f"No counter {number}.")
    return counter


def _department_id(s: Session, code: str | None) -> int | None:
    if code is None or not code.strip():
        return None
    found = s.scalar(select(Department.id).where(Department.code == code.strip()))
    if found is None:
        raise ValidationError(
            f"没有部门编码 {code}。", f"No department with code {code}.", field="department"
        )
    return found


def _serving(
    s: Session, prefixes: Sequence[str], counter: Counter | None = None
) -> list[CounterCategory]:
    """The counter's categories in ``prefixes`` order; at least one, none twice."""
    wanted = [p.strip().upper() for p in prefixes if p.strip()]
    if not wanted:
        raise ValidationError(
            "请至少选择一个该窗口办理的业务类别。",
            "Choose at least one category the counter serves.",
            field="categories",
        )
    if len(set(wanted)) != len(wanted):
        raise ValidationError(
            "同一业务类别只能选择一次。", "Each category may be chosen once.", field="categories"
        )
    known = {c.prefix: c for c in s.scalars(select(QueueCategory))}
    missing = [p for p in wanted if p not in known]
    if missing:
        raise ValidationError(
            f"没有业务类别 {'、'.join(missing)}。",
            f"No category {', '.join(missing)}.",
            field="categories",
        )
    current = {cc.category_id: cc for cc in counter.categories} if counter else {}
    serving = []
    for position, prefix in enumerate(wanted):
        link = current.get(known[prefix].id) or CounterCategory(category=known[prefix])
        link.position = position
        serving.append(link)
    return serving


def _counter_info(s: Session, c: Counter) -> CounterAdminInfo:
    department = s.get(Department, c.department_id) if c.department_id is not None else None
    return CounterAdminInfo(
        number=c.number,
        name=c.name,
        category_prefixes=tuple(cc.category.prefix for cc in c.categories),
        department_code=department.code if department else None,
        department_name=department.name if department else "",
        active=bool(c.active),
    )


def _audit_view(info: CounterAdminInfo) -> dict[str, object]:
    return {
        "number": info.number,
        "name": info.name,
        "categories": list(info.category_prefixes),
        "department": info.department_code,
    }
