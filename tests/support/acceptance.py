"""Helpers of the acceptance tests: a clock the test moves, applicants, checklists."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import func, select

from clerk_app.api import Hall, StaffSession
from clerk_app.demo.credit_cases import make_resident_id, make_uscc
from clerk_app.hall_time import to_utc
from clerk_app.persistence.models import AuditLog, DailySequence
from clerk_app.persistence.models_cases import Case, CreditListEntry
from clerk_app.services.cases.results import ApplicantInput, ItemRequest, MaterialCheck

# Thursday 26 November 2026, 10:00 in the hall.
START = datetime(2026, 11, 26, 10, 0)
FOOD = "440500-SCJG-005"  # 食品经营许可: promised 5 working days, allows 容缺
SETUP = "440500-SCJG-001"  # 企业设立登记: promised 2 working days, allows 容缺
ROAD = "440500-CG-001"  # 临时占用城市道路许可: instant
SEWAGE = "440500-STHJ-002"  # 排污许可证核发: promised, no 容缺


class MovableClock:
    """Naive UTC "now" that a test sets in the hall's local time."""

    def __init__(self, local: datetime = START) -> None:
        self.now = to_utc(local)

    def __call__(self) -> datetime:
        return self.now

    def set_local(self, local: datetime) -> None:
        self.now = to_utc(local)


def at(hall: Hall, clock: MovableClock) -> Hall:
    """The same hall database, seen through ``clock`` (the fixture's hall closes it)."""
    return Hall(hall.db, clock)


def clerk(hall: Hall, n: int = 1) -> StaffSession:
    return hall.login(f"clerk{n:02d}", "demo", counter=n)


def firm_uscc(n: int) -> str:
    return make_uscc("440511", f"T{n:07d}")


def person(name: str = "张三", serial: int = 11) -> ApplicantInput:
    return ApplicantInput(name, "resident_id", make_resident_id("440511", date(1980, 5, 6), serial))


def firm(n: int = 1, name: str = "汕头市测试贸易有限公司") -> ApplicantInput:
    return ApplicantInput(
        name,
        "uscc",
        firm_uscc(n),
        legal_representative="王五",
        agent_name="赵六",
        agent_id=make_resident_id("440507", date(1991, 7, 8), 33),
    )


def request(session: StaffSession, item_code: str, **statuses: str) -> ItemRequest:
    """A checklist by material name fragment, e.g. ``request(s, FOOD, 营业执照="missing")``."""
    item = session.catalog.get_item(item_code)
    checks = []
    for fragment, status in statuses.items():
        matches = [m for m in item.materials if fragment in m.name]
        assert len(matches) == 1, (fragment, [m.name for m in item.materials])
        checks.append(MaterialCheck(matches[0].id, status, note=f"{fragment} {status}"))  # type: ignore[arg-type]
    return ItemRequest(item_code, tuple(checks))


def non_core_missing(session: StaffSession, item_code: str) -> ItemRequest:
    item = session.catalog.get_item(item_code)
    first = next(m for m in item.materials if not m.core)
    return ItemRequest(item_code, (MaterialCheck(first.id, "missing"),))


def core_missing(session: StaffSession, item_code: str) -> ItemRequest:
    item = session.catalog.get_item(item_code)
    first = next(m for m in item.materials if m.core)
    return ItemRequest(item_code, (MaterialCheck(first.id, "missing"),))


def footprint(hall: Hall) -> tuple[int, int, int, int]:
    """Rows that any saved decision would add: cases, credit entries, audit, sequence total."""
    with hall.db.read() as s:
        return (
            s.scalar(select(func.count()).select_from(Case)) or 0,
            s.scalar(select(func.count()).select_from(CreditListEntry)) or 0,
            s.scalar(select(func.count()).select_from(AuditLog)) or 0,
            s.scalar(select(func.coalesce(func.sum(DailySequence.last_value), 0))) or 0,
        )


def red_list(hall: Hall, uscc: str) -> None:
    hall.system().credit.add_entry(
        uscc,
        "red_list",
        reason="纳税信用A级纳税人",
        source_department="国家税务总局汕头市税务局",
        valid_from=date(2026, 1, 1),
    )
