"""Readies a scratch hall database for a simulated day: the demo hall, the plan's counters and a
clerk for each, red-listed firms for 容缺.

Only ever run on a database the simulation made or was given empty (``require_empty``): it
rewrites counters and adds users, which no hall's real database may see. Counter
administration has no service of its own yet, so this writes those rows itself, in one
transaction per step, each with its audit row.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select

from clerk_app.api import Hall
from clerk_app.demo.credit_cases import make_uscc
from clerk_app.errors import ValidationError
from clerk_app.persistence.models import (
    Counter,
    CounterCategory,
    HallSetting,
    QueueCategory,
    Ticket,
    User,
)
from clerk_app.persistence.models_cases import Case
from clerk_app.services import audit
from clerk_app.services.passwords import hash_password
from clerk_app.simulation.demand import CatalogItem
from clerk_app.simulation.plan import StaffingPlan

SIM_ACTOR = "system:simulation"
RED_LISTED_FIRMS = 20
# The simulated counter PCs never crash, and a closed counter signs off, so no heartbeat is
# needed to tell open from closed: a day of them (100 counters, every 30 s) would be most of
# the simulation's writes and change nothing it measures.
OFFLINE_AFTER_SECONDS = 24 * 3600


@dataclass(frozen=True)
class SimClerk:
    username: str
    display_name: str
    user_id: int


def require_empty(hall: Hall) -> None:
    """Refuses a database that holds any ticket or case: it may be a hall's real one."""
    with hall.db.read() as s:
        tickets = s.scalar(select(func.count()).select_from(Ticket)) or 0
        cases = s.scalar(select(func.count()).select_from(Case)) or 0
    if tickets or cases:
        raise ValidationError(
            f"模拟只在新建的空数据库上运行，而 {hall.db.describe()} 已有 {tickets} 张号票、"
            f"{cases} 件办件；请另建一个空库，或不指定 --database-url。",
            f"The simulation runs only on a new, empty database; {hall.db.describe()} holds "
            f"{tickets} tickets and {cases} cases. Create an empty one, or omit --database-url.",
        )


def firm_uscc(n: int) -> str:
    return make_uscc("440511", f"M{n:07d}")


def prepare_hall(hall: Hall, day: date) -> list[CatalogItem]:
    """The demo hall, the simulation's settings and red-listed firms; returns the catalog."""
    hall.seed_demo()
    with hall.db.write() as s:
        row = s.get(HallSetting, "queue.offline_after_seconds")
        if row is None:
            s.add(HallSetting(key="queue.offline_after_seconds", value=OFFLINE_AFTER_SECONDS))
        else:
            row.value = OFFLINE_AFTER_SECONDS
        audit.record(s, at=hall.clock(), actor=SIM_ACTOR, action="simulation.settings")
    credit = hall.system().credit
    for n in range(1, RED_LISTED_FIRMS + 1):
        credit.add_entry(
            firm_uscc(n),
            "red_list",
            reason="纳税信用A级纳税人",
            source_department="国家税务总局汕头市税务局",
            enterprise_name=f"汕头市模拟{n:02d}有限公司",
            valid_from=day - timedelta(days=30),
        )
    catalog = hall.system().catalog
    items = []
    for info in catalog.list_items(""):
        full = catalog.get_item(info.item_code)
        items.append(
            CatalogItem(
                info.item_code,
                info.category_prefix,
                info.kind == "instant",
                info.tolerant_accept_allowed,
                max(1, len(full.materials)),
            )
        )
    return items


def staff_counters(hall: Hall, plan: StaffingPlan) -> dict[int, SimClerk]:
    """Makes the hall's counters those of ``plan`` (the others inactive), each with a clerk
    account of its own, all signed off; ``ValidationError`` for a category the hall lacks."""
    wanted = {n: shift.categories for shift in plan.shifts for n in shift.numbers}
    password_hash = hash_password("simulation")  # once: argon2id is slow by design
    with hall.db.write() as s:
        categories = {c.prefix: c for c in s.scalars(select(QueueCategory))}
        for prefixes in wanted.values():
            for p in prefixes:
                if p not in categories:
                    raise ValidationError(
                        f"排班方案“{plan.name}”中的业务类别 {p} 在本大厅不存在"
                        f"（现有：{'、'.join(sorted(categories))}）。",
                        f"Plan {plan.name!r} names category {p}, which this hall does not have "
                        f"(it has {', '.join(sorted(categories))}).",
                    )
        counters = {c.number: c for c in s.scalars(select(Counter))}
        for number, counter in counters.items():
            counter.active = number in wanted
        users = {u.username: u for u in s.scalars(select(User))}
        for number, prefixes in sorted(wanted.items()):
            if number not in counters:
                counters[number] = Counter(number=number, name=f"{number}号窗口", active=True)
                s.add(counters[number])
            counter = counters[number]
            counter.paused = False
            counter.clerk_id = None
            counter.last_heartbeat = None
            counter.categories = []  # the old rows go first: their keys may come back
            s.flush()
            counter.categories = [
                CounterCategory(category=categories[p], position=i) for i, p in enumerate(prefixes)
            ]
            username = f"sim{number:03d}"
            if username not in users:
                users[username] = User(
                    username=username,
                    display_name=f"模拟{number}号",
                    role="clerk",
                    password_hash=password_hash,
                    active=True,
                    failed_logins=0,
                    created_at=hall.clock(),
                )
                s.add(users[username])
        s.flush()
        audit.record(
            s,
            at=hall.clock(),
            actor=SIM_ACTOR,
            action="simulation.staffing",
            after={"plan": plan.name, "counters": sorted(wanted)},
        )
        clerks = {n: users[f"sim{n:03d}"] for n in wanted}
        return {n: SimClerk(u.username, u.display_name, u.id) for n, u in clerks.items()}
