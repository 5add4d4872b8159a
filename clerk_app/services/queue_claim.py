"""Claiming a waiting ticket so that exactly one counter gets it, on SQLite and PostgreSQL.

``claim_next`` is the hot path of 叫号: the serve order of ``domain.queue_order`` written as
one ``ORDER BY``, so ordering and claiming are one statement, like a bare ``SKIP LOCKED``
queue loop; ``tests/test_queue_claim_sql.py`` checks on both databases that it always picks
what ``choose_next`` picks. ``claim_waiting`` claims one given ticket (指定叫号).

* PostgreSQL: ``… FOR UPDATE OF tickets SKIP LOCKED``. Rows another counter has locked are
  skipped; a row another counter already committed as called fails the ``status = 'waiting'``
  re-check PostgreSQL makes on the newest row version. The lock lasts until our commit.
* SQLite: the unit of work began with ``BEGIN IMMEDIATE``, so this transaction is the only
  writer; the same query without the locking clause is exact.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import BindParameter, Connection, Row, and_, bindparam, case, or_, select
from sqlalchemy.orm import Session, aliased

from clerk_app.hall_time import to_local
from clerk_app.identity import mask_identifier
from clerk_app.persistence.models import CounterCategory, QueueCategory, Ticket
from clerk_app.services.queue_views import TicketInfo

# What the caller needs of the claimed ticket, read in the claiming statement itself.
CLAIMED_COLUMNS = (
    Ticket.id,
    Ticket.number,
    Ticket.priority,
    Ticket.taken_at,
    Ticket.identity_value,
    Ticket.printed_count,
    QueueCategory.prefix,
    QueueCategory.name.label("category_name"),
)
HEAD_CANDIDATES = 32  # rows the claim sorts in full; more only when all of them are locked


def _claim_statements(head: int | None) -> dict[bool, Any]:
    """The claim for SQLite (False) and PostgreSQL (True); built once, run with parameters.

    The order is computed on ids in a subquery limited to the head (a top-N sort) and only
    the outer query locks: PostgreSQL sorts everything below a lock, and sorting whole rows
    of a long queue there costs milliseconds.
    """
    cc = aliased(CounterCategory)
    at = Ticket.queue_position_at
    counter_no: BindParameter[int] = bindparam("counter_no")
    group = case(
        (Ticket.transferred_to_counter == counter_no, 0),  # transferred to this counter
        (at <= bindparam("cutoff"), 1),  # waited the bound or longer
        (Ticket.priority != "normal", 2),  # priority (appointments only when in window)
        else_=3,  # walk-ins, by the counter's category position
    )
    ordered = (
        select(
            Ticket.id.label("id"),
            group.label("grp"),
            case((group == 3, cc.position), else_=0).label("rank"),
            at.label("at"),
        )
        .outerjoin(
            cc,
            and_(cc.category_id == Ticket.category_id, cc.counter_id == bindparam("counter_id")),
        )
        .where(
            Ticket.service_date == bindparam("today"),
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
        select(*CLAIMED_COLUMNS)
        .join(ordered, ordered.c.id == Ticket.id)
        .join(QueueCategory, QueueCategory.id == Ticket.category_id)
        .where(Ticket.status == "waiting")
        .order_by(ordered.c.grp, ordered.c.rank, ordered.c.at, ordered.c.id)
        .limit(1)
    )
    return {False: stmt, True: stmt.with_for_update(of=Ticket, skip_locked=True)}


_HEAD = _claim_statements(HEAD_CANDIDATES)
_WHOLE_QUEUE = _claim_statements(None)
_ONE = select(Ticket).where(Ticket.id == bindparam("ticket_id"), Ticket.status == "waiting")
# (claim_waiting returns the ORM ticket: calling a given ticket is rare and not time-critical)
_ONE_BY_DB = {False: _ONE, True: _ONE.with_for_update(skip_locked=True)}


def _is_postgres(session: Session | Connection) -> bool:
    bind = session if isinstance(session, Connection) else session.get_bind()
    return bind.dialect.name == "postgresql"


def claim_next(
    session: Session | Connection,
    counter_id: int,
    counter_no: int,
    today: date,
    now: datetime,
    max_wait: timedelta,
) -> Row[Any] | None:
    """Locks the ticket this counter serves next (``choose_next`` in SQL); its ``CLAIMED_COLUMNS``.

    Oldest place first within a group, then lowest id. If every head row is locked by other
    counters at that instant, the claim looks at the whole queue.
    """
    postgres = _is_postgres(session)
    params = {
        "counter_id": counter_id,
        "counter_no": counter_no,
        "today": today,
        "cutoff": now - max_wait,
    }
    for statements in (_HEAD, _WHOLE_QUEUE):
        row = session.execute(statements[postgres], params).first()
        if row is not None:
            return row
    return None


def claim_waiting(session: Session, ticket_id: int) -> Ticket | None:
    """Locks and returns this ticket if it is still waiting and no other counter holds it."""
    ticket: Ticket | None = session.scalars(
        _ONE_BY_DB[_is_postgres(session)], {"ticket_id": ticket_id}
    ).first()
    return ticket


def ticket_from_claim(row: Any, counter_no: int, now: datetime) -> TicketInfo:
    """The called ticket from its claimed row (``queue_claim.CLAIMED_COLUMNS``)."""
    return TicketInfo(
        id=row.id,
        number=row.number,
        category_prefix=row.prefix,
        category_name=row.category_name,
        priority=row.priority,
        status="serving",
        taken_at=to_local(row.taken_at),
        called_at=to_local(now),
        counter_number=counter_no,
        recall_count=0,
        masked_identity=mask_identifier(row.identity_value) if row.identity_value else "",
        reprint=row.printed_count > 1,
    )
