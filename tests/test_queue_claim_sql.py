"""The SQL claim picks exactly the ticket the pure rule ``choose_next`` picks, on both databases."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from sqlalchemy import delete, select

from clerk_app.domain.queue_order import OrderPolicy, PriorityClass, WaitingTicket, choose_next
from clerk_app.persistence.models import Counter, CounterCategory, QueueCategory, Ticket
from clerk_app.services.queue.service import call_next_for

DAY = date(2026, 11, 26)
NOW = datetime(2026, 11, 26, 2, 0)
BOUND = timedelta(minutes=20)
PRIORITIES = ["normal"] * 6 + ["elderly", "disabled", "appointment", "green_channel"]


def _scenario(rng: random.Random, cats: dict[str, int]) -> list[Ticket]:
    tickets = []
    for seq in range(1, rng.randint(0, 25) + 1):
        prefix = rng.choice("ABCDE")
        at = NOW - timedelta(minutes=rng.choice([rng.randint(0, 45), 20, 19]), seconds=0)
        tickets.append(
            Ticket(
                service_date=DAY,
                category_id=cats[prefix],
                seq=seq,
                number=f"{prefix}{seq:03d}",
                priority=rng.choice(PRIORITIES),
                status=rng.choice(["waiting"] * 5 + ["serving", "finished"]),
                transferred_to_counter=rng.choice([None] * 6 + [1, 5, 9, 11]),
                taken_at=at - timedelta(minutes=rng.randint(0, 5)),
                queue_position_at=at,
                recall_count=0,
                printed_count=1,
            )
        )
    return tickets


def _expected(tickets: list[Ticket], counter_no: int, prefixes: list[str], by_id: dict[int, str]):  # type: ignore[no-untyped-def]
    waiting = [
        WaitingTicket(
            ticket_id=t.id,
            category_prefix=by_id[t.category_id],
            priority=PriorityClass(t.priority),
            taken_at=t.taken_at,
            appointment_checked_in_in_window=t.priority == "appointment",
            transferred_to_counter=t.transferred_to_counter,
            queue_position_at=t.queue_position_at,
        )
        for t in tickets
        if t.status == "waiting"
    ]
    head = choose_next(waiting, counter_no, prefixes, NOW, OrderPolicy(BOUND))
    return None if head is None else head.ticket_id


def test_sql_claim_matches_the_pure_rule(hall) -> None:  # type: ignore[no-untyped-def]
    rng = random.Random(20261126)
    with hall.db.read() as s:
        cats = {c.prefix: c.id for c in s.scalars(select(QueueCategory))}
        counters = {
            c.number: (c.id, [cc.category.prefix for cc in c.categories])
            for c in s.scalars(select(Counter).where(Counter.number.in_([1, 9, 11, 12])))
        }
        assert s.scalar(select(CounterCategory.counter_id).limit(1)) is not None
    by_id = {v: k for k, v in cats.items()}
    claim_next = call_next_for(hall.db).claim_next  # the database's own claim
    checked = 0
    for _ in range(60):
        with hall.db.write() as s:
            s.execute(delete(Ticket))
            tickets = _scenario(rng, cats)
            s.add_all(tickets)
        for number, (counter_id, prefixes) in counters.items():
            expected = _expected(tickets, number, prefixes, by_id)
            with hall.db.write() as s:
                got = claim_next(s.connection(), counter_id, number, DAY, NOW, BOUND)
                assert (got.id if got else None) == expected, (number, prefixes)
                s.rollback()
            checked += expected is not None
    assert checked > 100  # the scenarios really exercised the rule
