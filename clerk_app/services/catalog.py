"""Read the catalog: queue categories, service items with their materials, counters."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import selectinload

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
class ItemSearch:
    """One search's first items, and whether more matched than were returned."""

    items: tuple[ItemInfo, ...]
    more: bool


#: Items a counter's search box lists at once; a longer list is narrowed by typing more.
SEARCH_LIMIT = 50


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


# The columns of an ``ItemInfo`` without materials, for the search (no ORM objects).
_ITEM_ROWS = (
    select(
        ServiceItem.item_code,
        ServiceItem.name,
        Department.name.label("department_name"),
        ServiceItem.kind,
        ServiceItem.statutory_days,
        ServiceItem.promised_days,
        ServiceItem.tolerant_accept_allowed,
        ServiceItem.fee_cents,
        QueueCategory.prefix,
        ServiceItem.legal_basis,
    )
    .join(Department, ServiceItem.department_id == Department.id)
    .join(QueueCategory, ServiceItem.category_id == QueueCategory.id)
    .where(ServiceItem.active)
    .order_by(ServiceItem.item_code)
)


def _row_info(row: Any) -> ItemInfo:
    return ItemInfo(
        item_code=row.item_code,
        name=row.name,
        department_name=row.department_name,
        kind=row.kind,
        statutory_days=row.statutory_days,
        promised_days=row.promised_days,
        tolerant_accept_allowed=row.tolerant_accept_allowed,
        fee_yuan=fee_text(row.fee_cents),
        category_prefix=row.prefix,
        legal_basis=row.legal_basis,
    )


def _matching(query: str) -> Any:
    """Rows whose stored search text (code, name, initials) or department name contains the
    query; both sides lower-case, so LIKE means the same on SQLite and PostgreSQL."""
    q = query.strip().lower()
    if not q:
        return _ITEM_ROWS
    return _ITEM_ROWS.where(
        or_(
            ServiceItem.search_text.contains(q, autoescape=True),
            func.lower(Department.name).contains(q, autoescape=True),
        )
    )


class CatalogService(Service):
    """Catalog look-ups; any authenticated actor may read the catalog."""

    def list_categories(self) -> list[CategoryInfo]:
        self.actor.require(Permission.VIEW_CATALOG)
        with self.db.read() as s:
            rows = s.scalars(select(QueueCategory).order_by(QueueCategory.sort_order))
            return [CategoryInfo(c.prefix, c.name) for c in rows]

    def list_items(self, query: str = "") -> list[ItemInfo]:
        """Every active item whose code, name or department contains ``query`` (all when
        empty); see ``search_items`` for what matches."""
        self.actor.require(Permission.VIEW_CATALOG)
        return [_row_info(row) for row in self.db.fetch_all(_matching(query))]

    def search_items(self, query: str, limit: int = SEARCH_LIMIT) -> ItemSearch:
        """The first ``limit`` items matching ``query``, in item-code order: a keystroke of
        the counter's search box.

        The code, name or department contains the query (any case); a query of Latin letters
        also matches the pinyin initials of the name (``lszy`` finds 临时占用城市道路许可),
        stored with the item (``domain.pinyin.search_initials``). One query of plain columns,
        no ORM objects; ``%`` and ``_`` in the query are literal characters.
        """
        self.actor.require(Permission.VIEW_CATALOG)
        rows = self.db.fetch_all(_matching(query).limit(limit + 1))
        return ItemSearch(tuple(_row_info(r) for r in rows[:limit]), more=len(rows) > limit)

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
