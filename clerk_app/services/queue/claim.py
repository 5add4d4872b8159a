"""Claiming a waiting ticket so that exactly one counter gets it, on SQLite and PostgreSQL.

``claim_next`` is the hot path of 叫号: the serve order of ``domain.queue_order`` in SQL, so
ordering and claiming are one statement, like a bare ``SKIP LOCKED`` queue loop;
``tests/test_queue_claim_sql.py`` checks on both databases that it always picks what
``choose_next`` picks. ``claim_waiting`` claims one given ticket (指定叫号).

* PostgreSQL: each group of the serve order is its own index-ordered
  ``… ORDER BY queue_position_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`` (walk-ins: one per
  category, in the counter's order), chained with ``COALESCE``, which evaluates its arguments
  only until one is not null. So the server reads a few index entries instead of sorting the
  day's queue, locks exactly the row it returns, and returns the first row in serve order that
  no other counter holds: a locked row is skipped, never a reason to return nothing. A row
  another counter already committed as called fails the ``status = 'waiting'`` re-check
  PostgreSQL makes on the newest row version. The lock lasts until our commit.
* SQLite: the unit of work began with ``BEGIN IMMEDIATE``, so this transaction is the only
  writer; one ordered query without a locking clause is exact.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any, NamedTuple

from sqlalchemy import BindParameter, Connection, and_, bindparam, case, exc, or_, select
from sqlalchemy.orm import Session, aliased

from clerk_app.domain.identity import mask_identifier
from clerk_app.hall_time import to_local
from clerk_app.persistence.models import CounterCategory, QueueCategory, Ticket
from clerk_app.services.queue.results import TicketInfo

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


def pg_next_ticket_id(
    *, counter_id: str, counter_no: str, today: str, cutoff: str, categories: str | None = None
) -> str:
    """SQL for the id of the ticket the counter serves next, locked; NULL when there is none.

    The arguments are SQL expressions (bind parameters or columns of an enclosing query);
    ``categories``, if given, is an array of the counter's category ids already read.
    Each group is served by its own index (``models.Ticket``), in order: transferred to this
    counter; waited ``cutoff`` or longer, oldest across the counter's categories; priority,
    oldest across them; walk-ins, category by category in the counter's order (``OFFSET 0``
    keeps that order below the lateral join, so a category is only read when every earlier
    one has nothing left to claim). An earlier group already took every unlocked row that is
    also in a later one, so the later groups need not exclude them.
    """
    waiting = f"status = 'waiting' AND service_date = {today}"
    if categories is None:
        categories = (
            f"ARRAY(SELECT category_id FROM counter_categories WHERE counter_id = {counter_id})"
        )
    served_here = f"category_id = ANY({categories})"
    head = "ORDER BY queue_position_at, id LIMIT 1 FOR UPDATE SKIP LOCKED"
    return f"""COALESCE(
    (SELECT id FROM tickets
     WHERE {waiting} AND transferred_to_counter = {counter_no} {head}),
    (SELECT id FROM tickets
     WHERE {waiting} AND transferred_to_counter IS NULL AND queue_position_at <= {cutoff}
       AND {served_here} {head}),
    (SELECT id FROM tickets
     WHERE {waiting} AND transferred_to_counter IS NULL AND priority <> 'normal'
       AND {served_here} {head}),
    (SELECT walk_in.id
     FROM (SELECT category_id, position FROM counter_categories
           WHERE counter_id = {counter_id} ORDER BY position, category_id OFFSET 0) AS cc
     CROSS JOIN LATERAL (
         SELECT id FROM tickets
         WHERE {waiting} AND category_id = cc.category_id AND transferred_to_counter IS NULL
         {head}) AS walk_in
     ORDER BY cc.position, cc.category_id LIMIT 1))"""


class Claimed(NamedTuple):
    """The claimed ticket: ``CLAIMED_COLUMNS``, by name."""

    id: int
    number: str
    priority: str
    taken_at: datetime
    identity_value: str | None
    printed_count: int
    prefix: str
    category_name: str


# In psycopg's parameter style: it runs through pg_fetch_one.
_PG_CLAIM = (
    "SELECT tickets.id, tickets.number, tickets.priority, tickets.taken_at,"
    " tickets.identity_value, tickets.printed_count, queue_categories.prefix,"
    " queue_categories.name"
    " FROM tickets JOIN queue_categories ON queue_categories.id = tickets.category_id"
    " WHERE tickets.id = "
    + pg_next_ticket_id(
        counter_id="%(counter_id)s",
        counter_no="%(counter_no)s",
        today="%(today)s",
        cutoff="%(cutoff)s",
    )
)


_HOT_CURSOR = "clerk_app.hot_cursor"  # pg_fetch_one's cursor, in the pool entry's info


def pg_fetch_one(conn: Connection, sql: str, params: dict[str, Any]) -> tuple[Any, ...] | None:
    """Runs fixed SQL on the connection's own DBAPI cursor, inside its transaction.

    For the hot path only: ``Connection.execute()`` costs about as much Python per call as
    the claim costs the server (the result metadata is rebuilt from the cursor description
    every time). The statement is prepared on the server once per connection, and the cursor
    is made once per connection too (kept in the pool entry's ``info``, which lives and dies
    with the DBAPI connection): with eight counters on two cores, making a new one each call
    cost the client about 55 µs per call, a quarter of its CPU. Errors are wrapped, and a dead
    connection invalidated, as ``execute()`` does, so units of work (``Database.transact``)
    handle them alike.
    """
    fairy = conn.connection
    driver = fairy.driver_connection
    cursor = fairy.info.get(_HOT_CURSOR)
    if cursor is None or cursor.closed or cursor.connection is not driver:
        cursor = fairy.info[_HOT_CURSOR] = driver.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(sql, params, prepare=True)
        row: tuple[Any, ...] | None = cursor.fetchone()
        return row
    except conn.dialect.loaded_dbapi.Error as e:
        lost = conn.dialect.is_disconnect(e, fairy.dbapi_connection, cursor)
        if lost:
            conn.invalidate(e)
        raise exc.DBAPIError.instance(
            sql,
            params,
            e,
            conn.dialect.loaded_dbapi.Error,
            connection_invalidated=lost,
            dialect=conn.dialect,
        ) from e


def _sqlite_claim() -> Any:
    """The serve order as one ``ORDER BY`` (exact: SQLite has one writer at a time)."""
    cc = aliased(CounterCategory)
    at = Ticket.queue_position_at
    counter_no: BindParameter[int] = bindparam("counter_no")
    group = case(
        (Ticket.transferred_to_counter == counter_no, 0),  # transferred to this counter
        (at <= bindparam("cutoff"), 1),  # waited the bound or longer
        (Ticket.priority != "normal", 2),  # priority (appointments only when in window)
        else_=3,  # walk-ins, by the counter's category position
    )
    return (
        select(*CLAIMED_COLUMNS)
        .join(QueueCategory, QueueCategory.id == Ticket.category_id)
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
        .order_by(group, case((group == 3, cc.position), else_=0), at, Ticket.id)
        .limit(1)
    )


_SQLITE_CLAIM = _sqlite_claim()
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
) -> Claimed | None:
    """Locks the ticket this counter serves next (``choose_next`` in SQL).

    Oldest place first within a group, then lowest id; on PostgreSQL the first such ticket
    that no other counter holds at that instant.
    """
    params = {
        "counter_id": counter_id,
        "counter_no": counter_no,
        "today": today,
        "cutoff": now - max_wait,
    }
    if _is_postgres(session):
        conn = session if isinstance(session, Connection) else session.connection()
        row = pg_fetch_one(conn, _PG_CLAIM, params)
    else:
        row = session.execute(_SQLITE_CLAIM, params).first()
    return None if row is None else Claimed(*row)


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
