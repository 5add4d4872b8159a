"""Claiming one waiting ticket so that exactly one counter gets it, on SQLite and PostgreSQL.

``claim_next`` is the hot path of 叫号: the serve order of ``domain.queue_order`` written as one
``ORDER BY`` so that ordering and claiming are a single statement, exactly like a bare
``SKIP LOCKED`` queue loop. ``tests/test_queue_claim_sql.py`` checks on both databases that its
choice is always ``choose_next``'s. ``claim_first`` claims the first available of a list.

The serve order is decided in Python by ``domain.queue_order`` from a snapshot; the claim then
takes the first ticket of that order that is still waiting and not being claimed by another
counter:

* PostgreSQL: ``SELECT … WHERE id = ANY(:ids) AND status = 'waiting' ORDER BY
  array_position(:ids, id) LIMIT 1 FOR UPDATE SKIP LOCKED``. Rows another counter has locked
  are skipped; a row another counter already committed as called fails the status re-check
  that PostgreSQL makes on the newest row version. The row lock lasts until our commit.
* SQLite: the unit of work began with ``BEGIN IMMEDIATE``, so this transaction is the only
  writer; the same query without the locking clause is exact.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta

from sqlalchemy import and_, bindparam, case, func, or_, select
from sqlalchemy.dialects.postgresql import ARRAY, INTEGER
from sqlalchemy.orm import Session, aliased

from clerk_app.persistence.models import CounterCategory, Ticket

BATCH = 50  # candidates per query in claim_first


HEAD_CANDIDATES = 32  # rows the claim sorts in full; more only when all of them are locked


def claim_next(
    session: Session,
    counter_id: int,
    counter_no: int,
    today: date,
    now: datetime,
    max_wait: timedelta,
) -> Ticket | None:
    """Locks and returns the ticket this counter serves next (``choose_next`` in SQL).

    Groups: 0 transferred to this counter; 1 waited ``max_wait`` or longer; 2 priority
    (appointments are stored as priority only when checked in within their window);
    3 walk-ins by the counter's category position. Oldest place first, then lowest id.

    The order is computed on ids in a subquery limited to the head (a top-N sort), and only
    the outer query locks: PostgreSQL cannot sort-then-lock lazily, and sorting whole rows
    of a long queue under the lock costs milliseconds. If every head row is locked by other
    counters at that instant, the claim looks at the whole queue.
    """
    ticket = _claim(session, counter_id, counter_no, today, now, max_wait, HEAD_CANDIDATES)
    if ticket is None:
        ticket = _claim(session, counter_id, counter_no, today, now, max_wait, None)
    return ticket


def _claim(
    session: Session,
    counter_id: int,
    counter_no: int,
    today: date,
    now: datetime,
    max_wait: timedelta,
    head: int | None,
) -> Ticket | None:
    cc = aliased(CounterCategory)
    at = Ticket.queue_position_at
    group = case(
        (Ticket.transferred_to_counter == counter_no, 0),
        (at <= now - max_wait, 1),
        (Ticket.priority != "normal", 2),
        else_=3,
    )
    ordered = (
        select(
            Ticket.id.label("id"),
            group.label("grp"),
            case((group == 3, cc.position), else_=0).label("rank"),
            at.label("at"),
        )
        .outerjoin(cc, and_(cc.category_id == Ticket.category_id, cc.counter_id == counter_id))
        .where(
            Ticket.service_date == today,
            Ticket.status == "waiting",
            or_(
                Ticket.transferred_to_counter == counter_no,
                and_(Ticket.transferred_to_counter.is_(None), cc.counter_id.is_not(None)),
            ),
        )
        .order_by("grp", "rank", "at", "id")
        .limit(head)
        .subquery()
    )
    stmt = (
        select(Ticket)
        .join(ordered, ordered.c.id == Ticket.id)
        .where(Ticket.status == "waiting")
        .order_by(ordered.c.grp, ordered.c.rank, ordered.c.at, ordered.c.id)
        .limit(1)
    )
    if session.get_bind().dialect.name == "postgresql":
        stmt = stmt.with_for_update(of=Ticket, skip_locked=True)
    return session.scalars(stmt).first()


def claim_first(session: Session, ordered_ids: Sequence[int]) -> Ticket | None:
    """Locks and returns the first still-waiting ticket of ``ordered_ids``, or None."""
    postgres = session.get_bind().dialect.name == "postgresql"
    for start in range(0, len(ordered_ids), BATCH):
        batch = list(ordered_ids[start : start + BATCH])
        if postgres:
            ids = bindparam("ids", batch, type_=ARRAY(INTEGER))
            stmt = (
                select(Ticket)
                .where(Ticket.id == func.any(ids), Ticket.status == "waiting")
                .order_by(func.array_position(ids, Ticket.id))
                .limit(1)
                .with_for_update(skip_locked=True)
            )
            ticket = session.scalars(stmt).first()
        else:
            still_waiting = set(
                session.scalars(
                    select(Ticket.id).where(Ticket.id.in_(batch), Ticket.status == "waiting")
                )
            )
            first = next((i for i in batch if i in still_waiting), None)
            ticket = session.get(Ticket, first) if first is not None else None
        if ticket is not None:
            return ticket
    return None
