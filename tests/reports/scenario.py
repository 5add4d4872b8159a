"""TEST HELPER (not a test module): two days of a hall made through the services, as clerks,
the kiosk and the evaluators would, far from the demo's own dates; and the report's figures
counted again straight from the rows, independently of the report's code."""

from __future__ import annotations

import math
from collections import Counter as Tally
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk_app.api import Hall
from clerk_app.domain.evaluation import Reason
from clerk_app.persistence.models import Counter, ServiceItem, Ticket
from clerk_app.persistence.models_cases import Case
from clerk_app.persistence.models_evaluations import Evaluation
from clerk_app.services.cases.results import ItemRequest
from tests.support.acceptance import (
    FOOD,
    ROAD,
    SETUP,
    SEWAGE,
    MovableClock,
    at,
    clerk,
    core_missing,
    firm,
    firm_uscc,
    non_core_missing,
    person,
    red_list,
)

DAY1 = date(2026, 6, 11)  # a Thursday
DAY2 = date(2026, 6, 12)
REPORT_DAY = datetime(2026, 6, 24, 9, 0)  # a Wednesday: 7 natural days and deadlines passed


@dataclass(frozen=True)
class Built:
    desk: Hall
    clock: MovableClock


def build(hall: Hall) -> Built:
    """Day 1: seven walk-ins at counters 1–3 (accept, 一次性告知, no-show, instant, two 容缺,
    reject) and one left waiting; day 2: the 容缺 firm supplements, the accepted case is
    approved, one more acceptance. Then, on ``REPORT_DAY``, the overdue and 7-day sweeps."""
    clock = MovableClock(datetime.combine(DAY1, datetime.min.time()).replace(hour=9))
    desk = at(hall, clock)
    red_list(desk, firm_uscc(1))
    red_list(desk, firm_uscc(2))
    kiosk = desk.kiosk().queue

    def later(minutes: float) -> None:
        clock.now += timedelta(minutes=minutes)

    def walk_in(counter: int, wait: float) -> int:
        taken = kiosk.take_ticket("A")
        later(wait)
        session = clerk(desk, counter)
        called = session.queue.call_next()
        assert called is not None and called.id == taken.id
        return called.id

    def finish(counter: int, served: float, level: int | None = None) -> None:
        later(served)
        clerk(desk, counter).queue.finish()
        if level is not None:
            ticket = _last_finished(desk, counter)
            reasons = [Reason.SLOW_SERVICE] if level >= 4 else []
            desk.evaluator(counter).evaluations.rate(ticket, level, reasons)

    c1, c2, c3 = clerk(desk, 1), clerk(desk, 2), clerk(desk, 3)
    t1 = walk_in(1, 4)
    c1.cases.accept(person(serial=11), [ItemRequest(FOOD)], ticket_id=t1)
    finish(1, 12, level=1)
    t2 = walk_in(2, 7)
    c2.cases.one_time_notice(firm(1), [core_missing(c2, FOOD)], ticket_id=t2)
    finish(2, 5, level=4)
    walk_in(1, 3)
    for _ in range(2):  # the hall's rule: recalled twice before a no-show
        later(1)
        c1.queue.recall()
    c1.queue.no_show()
    t4 = walk_in(3, 10)
    c3.cases.issue_instant(person(serial=31), [ItemRequest(ROAD)], ticket_id=t4)
    finish(3, 8)
    t5 = walk_in(2, 2)
    c2.cases.tolerant_accept(
        firm(1), [non_core_missing(c2, FOOD)], commitment_signed=True, ticket_id=t5
    )
    finish(2, 20)
    t6 = walk_in(3, 15)
    c3.cases.tolerant_accept(
        firm(2), [non_core_missing(c3, SETUP)], commitment_signed=True, ticket_id=t6
    )
    finish(3, 9)
    t7 = walk_in(1, 6)
    c1.cases.reject(
        person(serial=12),
        [ItemRequest(SEWAGE)],
        reason="不属于本机关职权范围",
        legal_basis="《中华人民共和国行政许可法》第三十二条",
        ticket_id=t7,
    )
    finish(1, 3)
    kiosk.take_ticket("A")  # left waiting: expired at the next day's first ticket

    clock.set_local(datetime.combine(DAY2, datetime.min.time()).replace(hour=9, minute=30))
    c1 = clerk(desk, 1)
    food = _case(desk, "tolerant", FOOD)
    c1.cases.record_supplement(food.case_no, food.version)
    accepted = _case(desk, "accepted", FOOD)
    reviewed = c1.cases.review(accepted.case_no, accepted.version)
    c1.cases.approve(reviewed.case_no, reviewed.version)
    t9 = walk_in(3, 11)
    clerk(desk, 3).cases.accept(person(serial=13), [ItemRequest(SETUP)], ticket_id=t9)
    finish(3, 14)

    clock.set_local(REPORT_DAY)
    desk.system().cases.mark_overdue()
    desk.login("supervisor", "demo").evaluations.apply_defaults()
    return Built(desk, clock)


def _last_finished(hall: Hall, counter_no: int) -> int:
    with hall.db.read() as s:
        cid = s.scalar(select(Counter.id).where(Counter.number == counter_no))
        tid = s.scalar(
            select(Ticket.id)
            .where(Ticket.counter_id == cid, Ticket.status == "finished")
            .order_by(Ticket.finished_at.desc(), Ticket.id.desc())
            .limit(1)
        )
        assert tid is not None
        return int(tid)


@dataclass(frozen=True)
class _Ref:
    case_no: str
    version: int


def _case(hall: Hall, kind: str, item_code: str) -> _Ref:
    with hall.db.read() as s:
        stmt = (
            select(Case.case_no, Case.version)
            .join(ServiceItem, ServiceItem.id == Case.item_id)
            .where(ServiceItem.item_code == item_code, Case.accepted_on == DAY1)
        )
        if kind == "tolerant":
            stmt = stmt.where(Case.supplement_due.is_not(None))
        else:
            stmt = stmt.where(Case.state == "accepted")
        no, version = s.execute(stmt).one()
        return _Ref(no, version)


# --- the same figures, counted from the rows -----------------------------------------------


def nearest_rank(values: list[float], p: int) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[math.ceil(p * len(ordered) / 100) - 1]


@dataclass(frozen=True)
class Counted:
    tickets: int
    served: int
    no_shows: int
    wait_p50: float | None
    wait_p90: float | None
    service_mean: float | None
    decisions: dict[str, int]
    evaluations: int
    levels: tuple[int, ...]
    defaulted: int


def count_rows(hall: Hall, first: date, last: date, counter_id: int | None = None) -> Counted:
    """Tickets, cases and ratings of the range (of one counter if given), from the tables."""
    with hall.db.read() as s:
        return _count(s, first, last, counter_id)


def _count(s: Session, first: date, last: date, counter_id: int | None) -> Counted:
    tickets = s.scalars(select(Ticket).where(Ticket.service_date.between(first, last))).all()
    cases = s.execute(
        select(Case, ServiceItem.kind)
        .join(ServiceItem, ServiceItem.id == Case.item_id)
        .where(Case.accepted_on.between(first, last))
    ).all()
    ratings = s.scalars(
        select(Evaluation).where(Evaluation.service_date.between(first, last))
    ).all()
    number = s.scalar(select(Counter.number).where(Counter.id == counter_id))
    if counter_id is not None:
        tickets = [t for t in tickets if t.counter_id == counter_id]
        cases = [(c, k) for c, k in cases if c.counter_id == counter_id]
        ratings = [e for e in ratings if e.counter_number == number]
    done = [t for t in tickets if t.status == "finished"]
    waits = [(t.served_at - t.queue_position_at).total_seconds() / 60 for t in done]
    services = [(t.finished_at - t.served_at).total_seconds() / 60 for t in done]
    decisions: Tally[str] = Tally()
    for case, kind in cases:
        if case.state == "not_accepted":
            decisions["notices"] += 1
        elif case.state == "rejected":
            decisions["rejected"] += 1
        elif case.commitment_signed:
            decisions["tolerant"] += 1
        elif kind == "instant":
            decisions["instant"] += 1
        else:
            decisions["accepted"] += 1
    return Counted(
        tickets=len(tickets),
        served=len(done),
        no_shows=sum(t.status == "no_show" for t in tickets),
        wait_p50=nearest_rank(waits, 50),
        wait_p90=nearest_rank(waits, 90),
        service_mean=sum(services) / len(services) if services else None,
        decisions=dict(decisions),
        evaluations=len(ratings),
        levels=tuple(sum(e.level == n for e in ratings) for n in range(1, 6)),
        defaulted=sum(e.defaulted for e in ratings),
    )
