"""Read the catalog: queue categories, service items with their materials, counters."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import or_, select
from sqlalchemy.orm import selectinload

from clerk_app.domain.pinyin import matches_initials
from clerk_app.domain.roles import Permission
from clerk_app.errors import NotFound
from clerk_app.persistence.models import (
    Counter,
    CounterCategory,
    Department,
    QueueCategory,
    ServiceItem,
)
from clerk_app.services.base import Service


@dataclass(frozen=True)
class CategoryInfo:
    prefix: str
    name: str


@dataclass(frozen=True)
class MaterialInfo:
    name: str
    core: bool
    form: str
    copies: int
    requirement: str
    id: int = 0  # the material's row id, for a case's checklist (``MaterialCheck``)


@dataclass(frozen=True)
class ItemInfo:
    item_code: str
    name: str
    department_name: str
    kind: str  # "instant" | "promised"
    statutory_days: int  # working days
    promised_days: int  # working days
    tolerant_accept_allowed: bool
    fee_yuan: str
    category_prefix: str
    legal_basis: str
    materials: tuple[MaterialInfo, ...] = ()


@dataclass(frozen=True)
class CounterInfo:
    number: int
    name: str
    category_prefixes: tuple[str, ...]  # in serving order


def fee_text(cents: int) -> str:
    return str((Decimal(cents) / 100).quantize(Decimal("0.01"))) if cents else "0"


def _item_info(item: ServiceItem, with_materials: bool) -> ItemInfo:
    materials = (
        tuple(
            MaterialInfo(m.name, m.core, m.form, m.copies, m.requirement, m.id)
            for m in item.materials
        )
        if with_materials
        else ()
    )
    return ItemInfo(
        item_code=item.item_code,
        name=item.name,
        department_name=item.department.name,
        kind=item.kind,
        statutory_days=item.statutory_days,
        promised_days=item.promised_days,
        tolerant_accept_allowed=item.tolerant_accept_allowed,
        fee_yuan=fee_text(item.fee_cents),
        category_prefix=item.category.prefix,
        legal_basis=item.legal_basis,
        materials=materials,
    )


def _matches_latin(item: ServiceItem, q: str) -> bool:
    texts = (item.item_code, item.name, item.department.name)
    return any(q in text.lower() for text in texts) or matches_initials(item.name, q)


class CatalogService(Service):
    """Catalog look-ups; any authenticated actor may read the catalog."""

    def list_categories(self) -> list[CategoryInfo]:
        self.actor.require(Permission.VIEW_CATALOG)
        with self.db.read() as s:
            rows = s.scalars(select(QueueCategory).order_by(QueueCategory.sort_order))
            return [CategoryInfo(c.prefix, c.name) for c in rows]

    def list_items(self, query: str = "") -> list[ItemInfo]:
        """Items whose code, name or department contains ``query`` (all when empty).

        A query of Latin letters also matches the pinyin initials of the name (``lszy`` finds
        临时占用城市道路许可). Initials are computed in Python over the active items, not
        stored: a catalog of ~1,000 items filters in milliseconds and needs no column to keep
        in step with renamed items.
        """
        self.actor.require(Permission.VIEW_CATALOG)
        stmt = (
            select(ServiceItem)
            .join(ServiceItem.department)
            .options(selectinload(ServiceItem.department), selectinload(ServiceItem.category))
            .where(ServiceItem.active)
            .order_by(ServiceItem.item_code)
        )
        q = query.strip()
        if q.isascii() and q.isalpha():
            with self.db.read() as s:
                return [
                    _item_info(i, with_materials=False)
                    for i in s.scalars(stmt)
                    if _matches_latin(i, q.lower())
                ]
        if q:
            like = f"%{q}%"
            stmt = stmt.where(
                or_(
                    ServiceItem.item_code.ilike(like),
                    ServiceItem.name.ilike(like),
                    Department.name.ilike(like),
                )
            )
        with self.db.read() as s:
            return [_item_info(i, with_materials=False) for i in s.scalars(stmt)]

    def get_item(self, item_code: str) -> ItemInfo:
        self.actor.require(Permission.VIEW_CATALOG)
        with self.db.read() as s:
            item = s.scalars(
                select(ServiceItem)
                .options(selectinload(ServiceItem.materials))
                .where(ServiceItem.item_code == item_code)
            ).one_or_none()
            if item is None:
                raise NotFound(
                    f"事项目录中没有编码为 {item_code} 的事项。",
                    f"No item with code {item_code} in the catalog.",
                )
            return _item_info(item, with_materials=True)

    def list_counters(self) -> list[CounterInfo]:
        self.actor.require(Permission.VIEW_CATALOG)
        with self.db.read() as s:
            counters = s.scalars(
                select(Counter)
                .options(selectinload(Counter.categories).selectinload(CounterCategory.category))
                .where(Counter.active)
                .order_by(Counter.number)
            )
            return [
                CounterInfo(c.number, c.name, tuple(cc.category.prefix for cc in c.categories))
                for c in counters
            ]
