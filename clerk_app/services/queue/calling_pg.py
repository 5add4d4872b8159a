"""Call-next on PostgreSQL as one statement (lock the counter, finish, claim, call), then audit.

The same rows as ``calling.call_in`` writes on SQLite: data-modifying CTEs finish the
counter's ticket, claim the next one (``pg_next_ticket_id``), serve it, set the counter's
current ticket and add the call event; the audit rows follow, appended to the hash chain
(``services.audit.append``, which needs their hashes computed here and the chain's lock held
until they commit). So the call is one transaction on the thread's own connection
(``Database.autocommit`` running BEGIN, the statement, the audit insert, COMMIT): the claimed
ticket's lock is held until that COMMIT, a few round trips, and the chain's lock only for
the audit insert and the COMMIT (issue 16 chose a tamper-evident log over the single
round trip this call had before).

One snapshot for everything is only right if nobody changed the counter between the
statement's snapshot and our lock on it: two PCs logged in at the same counter, clicking at
once. The statement sees that (the locked row version is not the one in its snapshot), then
writes nothing and says so; it runs again on a fresh snapshot (inside a transaction it then
holds the lock; in autocommit another click would have to land in that instant again).

The counter's ticket is finished before the claim (``claimed`` joins ``fin``). The claim runs
on the statement's snapshot, so it may find a ticket that another counter called meanwhile;
``FOR UPDATE`` then locks that ticket's newest version (now in service there) before seeing it
is no longer waiting. Were the finish last, two counters could each hold the other's ticket in
service that way while waiting to finish their own: a deadlock. Finished first, each counter
holds its own ticket before it claims. The server may still pick a call as a deadlock victim in
rarer interleavings; the transaction is then rolled back whole and ``Database.autocommit`` runs
it again.

Every audit row of the action carries its request id. If the connection breaks while the
transaction runs, ``call_outcome`` reads those rows to tell a call that committed (its ticket
is returned, nothing is done twice) from one that did not (it may safely run again).

The claim: each group of the serve order (``domain.queue_order``) is its own index-ordered
``… ORDER BY queue_position_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`` (walk-ins: one per
category, in the counter's order), chained with ``COALESCE``, which evaluates its arguments
only until one is not null. So the server reads a few index entries instead of sorting the
day's queue, locks exactly the row it returns, and returns the first row in serve order that
no other counter holds: a locked row is skipped, never a reason to return nothing. A row
another counter already committed as called fails the re-check of its waiting status
PostgreSQL makes on the newest row version. Ticket statuses are written into the SQL as
literals (the ``TicketStatus`` values, ``calling.WAITING`` …), never bound: the statements are
prepared, and a generic plan can use the partial indexes (``models.Ticket``) only for a
predicate it can see.
"""

from __future__ import annotations

import contextlib
from datetime import date, datetime, timedelta
from typing import Any, NamedTuple

from sqlalchemy import Connection, exc

from clerk_app.domain.queue_order import PriorityClass
from clerk_app.domain.roles import Actor
from clerk_app.errors import (
    Conflict,
    DatabaseUnavailable,
    OutcomeUnknown,
)
from clerk_app.hall_time import local_date
from clerk_app.persistence.database import Database
from clerk_app.services.audit import append as append_audit
from clerk_app.services.queue.calling import (
    FINISHED,
    SERVING,
    WAITING,
    Claimed,
    no_such_counter,
    paused_counter,
    ticket_from_claim,
)
from clerk_app.services.queue.results import TicketInfo
from clerk_app.services.settings import DEFAULTS


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
    waiting = f"status = '{WAITING}' AND service_date = {today}"
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
     WHERE {waiting} AND transferred_to_counter IS NULL AND priority <> '{PriorityClass.NORMAL}'
       AND {served_here} {head}),
    (SELECT walk_in.id
     FROM (SELECT category_id, position FROM counter_categories
           WHERE counter_id = {counter_id} ORDER BY position, category_id OFFSET 0) AS cc
     CROSS JOIN LATERAL (
         SELECT id FROM tickets
         WHERE {waiting} AND category_id = cc.category_id AND transferred_to_counter IS NULL
         {head}) AS walk_in
     ORDER BY cc.position, cc.category_id LIMIT 1))"""


# The claim alone, in a transaction of the caller's (the call-next statement below has it
# built in). In psycopg's parameter style: it runs through pg_fetch_one.
_CLAIM = (
    "SELECT tickets.id, tickets.number, tickets.priority, tickets.taken_at,"
    " tickets.identity_enc, tickets.printed_count, queue_categories.prefix,"
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
_CLAIMED_ID = pg_next_ticket_id(
    counter_id="go.id",
    counter_no="go.number",
    today="%(today)s",
    cutoff="go.cutoff",
    categories="go.categories",
)
# ``counter``: the counter, locked. ``fresh`` compares the version we locked (a concurrent
# update makes FOR UPDATE return the newest) with the one in the statement's snapshot.
# ``go``: the counter if the action may proceed; every write below depends on it.
_CALL_NEXT = f"""
WITH counter AS (
    SELECT id, number, paused, current_ticket_id,
           xmin = (SELECT xmin FROM counters WHERE number = %(counter_no)s) AS fresh,
           ARRAY(SELECT category_id FROM counter_categories
                 WHERE counter_id = counters.id) AS categories,
           %(now)s - make_interval(mins => COALESCE(
               (SELECT trunc((value #>> '{{}}')::numeric)::int FROM hall_settings
                WHERE key = 'queue.max_normal_wait_minutes'),
               CAST(%(default_wait)s AS integer))) AS cutoff
    FROM counters WHERE number = %(counter_no)s FOR UPDATE
), go AS (
    SELECT * FROM counter WHERE fresh AND NOT paused
), fin AS (  -- (scalar subqueries keep every write a primary-key lookup)
    UPDATE tickets SET status = '{FINISHED}', finished_at = %(now)s
    WHERE id = (SELECT current_ticket_id FROM go) AND status = '{SERVING}'
    RETURNING id
), claimed AS (  -- after fin, which it joins: see the module docstring
    SELECT {_CLAIMED_ID} AS id FROM go LEFT JOIN fin ON true
), served AS (
    UPDATE tickets SET status = '{SERVING}', counter_id = (SELECT id FROM go),
           called_at = %(now)s, served_at = %(now)s, recall_count = 0,
           transferred_to_counter = NULL
    WHERE id = (SELECT id FROM claimed)
    RETURNING id, number, priority, taken_at, identity_enc, printed_count, category_id
), now_serving AS (
    UPDATE counters SET current_ticket_id = (SELECT id FROM served), last_heartbeat = %(now)s
    WHERE id = (SELECT id FROM go)  -- a call is proof of life, as in calling.call_in
), call_event AS (
    INSERT INTO call_events (at, ticket_id, ticket_number, counter_number, kind)
    SELECT %(now)s, served.id, served.number, go.number, 'call' FROM served, go
)
SELECT counter.paused, counter.fresh, (SELECT id FROM fin), served.id, served.number,
       served.priority, served.taken_at, served.identity_enc, served.printed_count,
       queue_categories.prefix, queue_categories.name
FROM counter LEFT JOIN served ON true
LEFT JOIN queue_categories ON queue_categories.id = served.category_id
"""


class _Outcome(NamedTuple):
    paused: bool
    fresh: bool  # False: the counter changed after the snapshot; nothing was written
    finished_id: int | None  # the ticket the counter had in service, now finished
    id: int | None
    number: str
    priority: str
    taken_at: datetime
    identity_enc: bytes | None
    printed_count: int
    prefix: str
    category_name: str


_STALE_RUNS = 5  # in autocommit, each would need another click at the same counter in between

# The ticket a committed call-next called: its "ticket_called" audit row, found by time and
# request id (ix_audit_log_at), joined to the ticket as the call left it.
_OUTCOME = """
SELECT a.action, t.id, t.number, t.priority, t.taken_at, t.identity_enc, t.printed_count,
       queue_categories.prefix, queue_categories.name
FROM audit_log AS a
LEFT JOIN tickets AS t
       ON a.action = 'ticket_called' AND t.id = substr(a.target, 8)::integer
LEFT JOIN queue_categories ON queue_categories.id = t.category_id
WHERE a.at = %(now)s AND a.request_id = %(request_id)s
ORDER BY a.id DESC LIMIT 1
"""


class PostgresCallNext:
    """``calling.CallNext`` for PostgreSQL."""

    def claim_next(
        self,
        conn: Connection,
        counter_id: int,
        counter_no: int,
        today: date,
        now: datetime,
        max_wait: timedelta,
    ) -> Claimed | None:
        """The first ticket in the counter's serve order that no other counter holds, locked
        until the caller's transaction ends. (Call-next runs the same SQL inside its own
        statement; this is the claim alone, which the tests compare with the pure rule.)"""
        params = {
            "counter_id": counter_id,
            "counter_no": counter_no,
            "today": today,
            "cutoff": now - max_wait,
        }
        row = pg_fetch_one(conn, _CLAIM, params)
        return None if row is None else Claimed(*row)

    def call_in(
        self, conn: Connection, actor: str | Actor, counter_no: int, now: datetime, request_id: str
    ) -> TicketInfo | None:
        """The call-next statement, run again on a fresh snapshot while it finds the counter
        changed since its snapshot (see the module docstring)."""
        params = {
            "counter_no": counter_no,
            "now": now,
            "today": local_date(now),
            "default_wait": DEFAULTS["queue.max_normal_wait_minutes"],
            "request_id": request_id,
        }
        for _ in range(_STALE_RUNS):
            row = pg_fetch_one(conn, _CALL_NEXT, params)
            if row is None:
                raise no_such_counter(counter_no)
            outcome = _Outcome(*row)
            if outcome.paused:
                raise paused_counter()
            if outcome.fresh:
                append_audit(conn, _audit_rows(outcome, actor, counter_no, now, request_id))
                return (
                    None
                    if outcome.id is None
                    else ticket_from_claim(conn, outcome, counter_no, now)
                )
        raise Conflict(
            f"{counter_no} 号窗口正被另一台电脑同时操作，本次叫号未执行，请重试。",
            f"Another PC is operating counter {counter_no} at this moment; nothing was called, "
            "try again.",
        )

    def call_next(
        self, db: Database, actor: str | Actor, counter_no: int, now: datetime, request_id: str
    ) -> TicketInfo | None:
        """``call_in`` as one transaction, done exactly once or not at all.

        If the connection breaks while it runs, it committed whole or not at all,
        and its audit rows say which: done, its result is returned; not done, it runs once
        more. A second break is reported, with nothing done.
        """

        def in_transaction(conn: Connection) -> TicketInfo | None:
            # The chain's lock (services.audit) must be held until the rows it guards commit:
            # the call and its audit rows are one transaction, begun and ended here.
            conn.exec_driver_sql("BEGIN")
            try:
                called = self.call_in(conn, actor, counter_no, now, request_id)
                commit(conn)
            except BaseException:
                _roll_back(conn)
                raise
            return called

        for _ in range(2):
            try:
                return db.autocommit(in_transaction)
            except OutcomeUnknown:
                pass
            done = db.autocommit(lambda conn: call_outcome(conn, counter_no, now, request_id))
            if not isinstance(done, NotApplied):
                return done
        raise DatabaseUnavailable(
            "与数据库的连接两次在叫号时中断，本次叫号未执行。请检查网络后重试。",
            "The database connection broke twice during the call; nothing was called. "
            "Check the network, then try again.",
        )


def commit(conn: Connection) -> None:
    """Commits the call's transaction (its own function: the fault tests break it here)."""
    conn.exec_driver_sql("COMMIT")


def _roll_back(conn: Connection) -> None:
    """Ends a failed call's transaction so the connection can run the next one (a broken
    connection has nothing to end; ``Database.autocommit`` replaces it)."""
    if conn.invalidated or conn.closed:
        return
    with contextlib.suppress(exc.DBAPIError):
        conn.exec_driver_sql("ROLLBACK")


def _audit_rows(
    outcome: _Outcome, actor: str | Actor, counter_no: int, now: datetime, request_id: str
) -> list[dict[str, Any]]:
    """The call's audit rows, as ``calling.call_in`` writes them: the finish, then the call."""
    rows: list[dict[str, Any]] = []
    base = {"at": now, "actor": actor, "counter": counter_no, "request_id": request_id}
    if outcome.finished_id is not None:
        rows.append(
            {**base, "action": "ticket_finished", "target": f"ticket:{outcome.finished_id}"}
        )
    if outcome.id is not None:
        after = {"number": outcome.number, "counter": counter_no, "note": ""}
        rows.append(
            {**base, "action": "ticket_called", "target": f"ticket:{outcome.id}", "after": after}
        )
    return rows


class NotApplied:
    """``call_outcome``: the statement did not commit (or wrote nothing); run it again."""


NOT_APPLIED = NotApplied()


def call_outcome(
    conn: Connection, counter_no: int, now: datetime, request_id: str
) -> TicketInfo | NotApplied | None:
    """What a call-next with this request id did, if it committed.

    The ticket it called, or None if it only finished the ticket in service. A call that
    wrote nothing (paused, stale, or no ticket in service and none waiting) reads as not
    applied: running it again is what the clerk asked for.
    """
    row = pg_fetch_one(conn, _OUTCOME, {"now": now, "request_id": request_id})
    if row is None:
        return NOT_APPLIED
    action, *claimed = row
    if action != "ticket_called":
        return None
    return ticket_from_claim(conn, Claimed(*claimed), counter_no, now)


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
