"""Finding the rows an action works on, or ``NotFound``/``ValidationError`` naming what is not."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from clerk_app.domain.numbers import INT64_MAX, whole_number
from clerk_app.domain.scans import Scan, ScanKind, read_scan
from clerk_app.errors import NotFound, ValidationError
from clerk_app.persistence.models import Counter, ServiceItem, Ticket
from clerk_app.persistence.models_cases import Case, Submission
from clerk_app.services.cases.numbers import normalize_case_no

# What a case view needs, loaded with the case in a few queries instead of one per case.
_WITH_SUBMISSIONS = (
    selectinload(Case.item).selectinload(ServiceItem.department),
    selectinload(Case.counter),
    selectinload(Case.submissions).selectinload(Submission.material),
)


def case_by_no(s: Session, case_no: str) -> Case:
    """The case numbered ``case_no`` (as typed or scanned), with its submissions."""
    [case] = cases_by_no(s, [case_no])
    return case


def cases_by_no(s: Session, case_nos: Sequence[str]) -> list[Case]:
    """The cases in ``case_nos`` order, in one query; ``NotFound`` names the first unknown."""
    numbers = [normalize_case_no(n) for n in case_nos]
    rows = s.scalars(select(Case).options(*_WITH_SUBMISSIONS).where(Case.case_no.in_(numbers)))
    by_no = {c.case_no: c for c in rows}
    for number in numbers:
        if number not in by_no:
            raise no_such_case(number)
    return [by_no[n] for n in numbers]


def no_such_case(case_no: str) -> NotFound:
    return NotFound(f"没有办件编号为 {case_no} 的办件。", f"No case numbered {case_no}.")


def load_items(s: Session, codes: Sequence[str]) -> list[ServiceItem]:
    """The active items in ``codes`` order, materials loaded; ``NotFound`` for an unknown code."""
    if not codes:
        raise ValidationError("请至少选择一个事项。", "Choose at least one service item.")
    if len(set(codes)) != len(codes):
        raise ValidationError("同一事项不能重复申请。", "An item is listed twice.")
    rows = s.scalars(
        select(ServiceItem)
        .options(selectinload(ServiceItem.materials), selectinload(ServiceItem.department))
        .where(ServiceItem.item_code.in_(codes), ServiceItem.active)
    )
    by_code = {i.item_code: i for i in rows}
    for code in codes:
        if code not in by_code:
            raise NotFound(
                f"事项目录中没有编码为 {code} 的在用事项，未保存任何内容。",
                f"No active item with code {code} in the catalog; nothing was saved.",
            )
    return [by_code[c] for c in codes]


def check_ticket(s: Session, ticket_id: int | None) -> None:
    if ticket_id is not None:
        whole_number(ticket_id, "号票编号", "ticket id", low=1)
    if ticket_id is not None and s.get(Ticket, ticket_id) is None:
        raise NotFound(f"没有编号为 {ticket_id} 的号票。", f"No ticket with id {ticket_id}.")


def scanned(s: Session, text: str, hall_code: str) -> Scan | None:
    """What a scan names (``domain.scans``), a ticket's number filled in from its id; None for
    a text that is none of the hall's codes. ``NotFound`` for a ticket the hall never issued."""
    scan = read_scan(text, hall_code)
    if scan is None or scan.kind is not ScanKind.TICKET:
        return scan
    known = scan.ticket_id is not None and 0 < scan.ticket_id <= INT64_MAX
    ticket = s.get(Ticket, scan.ticket_id) if known else None  # a forged barcode: none of ours
    if ticket is None or (scan.ticket_number and scan.ticket_number != ticket.number):
        shown = scan.ticket_number or scan.text
        raise NotFound(f"本中心没有号票 {shown}。", f"This hall issued no ticket {shown}.")
    return replace(scan, ticket_number=ticket.number)


def counter_id(s: Session, counter_no: int | None) -> int | None:
    """The row id of the counter numbered ``counter_no`` (None for no counter)."""
    if counter_no is None:
        return None
    whole_number(counter_no, "窗口号", "counter number", low=1)
    return s.scalar(select(Counter.id).where(Counter.number == counter_no))
