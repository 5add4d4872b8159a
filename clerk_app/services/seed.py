"""Seeds the demo hall idempotently: rows are matched by natural key and only added if absent."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk_app.clock import Clock
from clerk_app.demo import catalog_data, credit_cases, hall_data, journey_data, large_catalog
from clerk_app.demo.catalog_data import DemoItem
from clerk_app.persistence.database import Database
from clerk_app.persistence.models import (
    Counter,
    CounterCategory,
    Department,
    HallSetting,
    Material,
    QueueCategory,
    ServiceItem,
    User,
)
from clerk_app.services import audit
from clerk_app.services.passwords import hash_password


def seed_demo(db: Database, clock: Clock) -> None:
    """Adds what the demo hall lacks; running it twice changes nothing the second time."""
    with db.write() as s:
        _settings(s)
        departments = _departments(s)
        categories = _categories(s)
        _items(s, departments, categories)
        _counters(s, categories)
        _users(s, clock)
        s.flush()
        credit_cases.seed_credit_and_cases(s, clock())
        _journey(s, clock)
        audit.record(s, at=clock(), actor="system", action="seed_demo")


def _settings(s: Session) -> None:
    for key, value in (
        ("hall_name", hall_data.HALL_NAME),
        ("hall_code", hall_data.HALL_CODE),
        *hall_data.DOCUMENT_SETTINGS,
    ):
        if s.get(HallSetting, key) is None:
            s.add(HallSetting(key=key, value=value))


def _departments(s: Session) -> dict[str, Department]:
    existing = {d.code: d for d in s.scalars(select(Department))}
    for code, name in catalog_data.DEPARTMENTS:
        if code not in existing:
            existing[code] = Department(code=code, name=name)
            s.add(existing[code])
    return existing


def _categories(s: Session) -> dict[str, QueueCategory]:
    existing = {c.prefix: c for c in s.scalars(select(QueueCategory))}
    for order, (prefix, name) in enumerate(catalog_data.CATEGORIES):
        if prefix not in existing:
            existing[prefix] = QueueCategory(prefix=prefix, name=name, sort_order=order)
            s.add(existing[prefix])
    s.flush()
    return existing


def seed_large_catalog(db: Database) -> int:
    """Adds the made-up hall-sized catalog (``demo.large_catalog``) to a demo hall; returns
    the number of items added (0 the second time). For benchmarks and scale tests."""
    with db.write() as s:
        categories = _categories(s)
        existing = {d.code: d for d in s.scalars(select(Department))}
        for d in large_catalog.departments():
            if d.code not in existing:
                existing[d.code] = Department(code=d.code, name=d.name)
                s.add(existing[d.code])
        present = set(s.scalars(select(ServiceItem.item_code)))
        added = [
            _item(item, existing[code], categories[item.category_prefix])
            for code, item in large_catalog.items()
            if item.item_code not in present
        ]
        s.add_all(added)
        return len(added)


def _items(
    s: Session, departments: dict[str, Department], categories: dict[str, QueueCategory]
) -> None:
    present = set(s.scalars(select(ServiceItem.item_code)))
    for item in (*catalog_data.ITEMS, *journey_data.ITEMS):
        if item.item_code not in present:
            row = _item(item, departments[item.department_code], categories[item.category_prefix])
            row.authority = journey_data.AUTHORITIES.get(item.item_code, "")
            s.add(row)
    s.flush()


def _journey(s: Session, clock: Clock) -> None:
    """一件事 packages, a reviewer per department involved and cases at every stage."""
    from clerk_app.services.journey import demo  # the journey's services, only when seeding

    now = clock()
    demo.seed_packages(s, now)
    demo.seed_reviewers(s, now, hash_password(hall_data.DEMO_PASSWORD))
    demo.seed_cases(s, now)


def _item(item: DemoItem, department: Department, category: QueueCategory) -> ServiceItem:
    return ServiceItem(
        item_code=item.item_code,
        name=item.name,
        department=department,
        category=category,
        kind=item.kind,
        statutory_days=item.statutory_days,
        promised_days=item.promised_days,
        tolerant_accept_allowed=item.tolerant_accept_allowed,
        fee_cents=int(Decimal(item.fee_yuan) * 100),
        legal_basis=item.legal_basis,
        active=True,
        materials=[
            Material(
                name=m.name,
                core=m.core,
                form=m.form,
                copies=m.copies,
                requirement=m.requirement,
                sort_order=i,
            )
            for i, m in enumerate(item.materials)
        ],
    )


def _counters(s: Session, categories: dict[str, QueueCategory]) -> None:
    present = set(s.scalars(select(Counter.number)))
    every = [prefix for prefix, _ in catalog_data.CATEGORIES]
    for number, (name, prefixes) in hall_data.COUNTERS.items():
        if number in present:
            continue
        s.add(
            Counter(
                number=number,
                name=name,
                active=True,
                categories=[
                    CounterCategory(category=categories[p], position=i)
                    for i, p in enumerate(prefixes or every)
                ],
            )
        )


def _users(s: Session, clock: Clock) -> None:
    present = set(s.scalars(select(User.username)))
    for username, display_name, role in hall_data.USERS:
        if username in present:
            continue
        s.add(
            User(
                username=username,
                display_name=display_name,
                role=role,
                password_hash=hash_password(hall_data.DEMO_PASSWORD),
                active=True,
                failed_logins=0,
                created_at=clock(),
            )
        )
