"""Call-next on PostgreSQL as one statement: lock the counter, finish, claim, call, audit.

The same rows as ``queue_call.call_next_in`` writes on SQLite: data-modifying CTEs finish the
counter's ticket, claim the next one with ``queue_claim.pg_next_ticket_id``, serve it, set the
counter's current ticket and add the call event and the audit rows. With BEGIN and
COMMIT that is three round trips, fewer than a bare ``SKIP LOCKED`` loop needs.

One snapshot for everything is only right if nobody changed the counter between the
statement's snapshot and our lock on it: two PCs logged in at the same counter, clicking at
once. The statement sees that (the locked row version is not the one in its snapshot), then
writes nothing and says so; it runs once more, now holding the lock, on a fresh snapshot.
"""

from __future__ import annotations

from datetime import datetime
from typing import NamedTuple

from sqlalchemy import Connection

from clerk_app.errors import NotFound, ValidationError
from clerk_app.hall_time import local_date
from clerk_app.services.queue_claim import pg_fetch_one, pg_next_ticket_id, ticket_from_claim
from clerk_app.services.queue_views import TicketInfo
from clerk_app.services.settings import DEFAULTS

# In psycopg's own parameter style: it runs on the DBAPI cursor (queue_claim.pg_fetch_one).
_CLAIMED_ID = pg_next_ticket_id(
    counter_id="ok.id", counter_no="ok.number", today="%(today)s", cutoff="ok.cutoff"
)
_CALL_NEXT = f"""
WITH c AS (
    SELECT id, number, paused, current_ticket_id, xmin AS version FROM counters
    WHERE number = %(counter_no)s FOR UPDATE
), seen AS (
    SELECT xmin AS version FROM counters WHERE number = %(counter_no)s
), ok AS (
    SELECT c.id, c.number, c.current_ticket_id,
           %(now)s - make_interval(mins => COALESCE(
               (SELECT trunc((value #>> '{{}}')::numeric)::int FROM hall_settings
                WHERE key = 'queue.max_normal_wait_minutes'),
               CAST(%(default_wait)s AS integer))) AS cutoff
    FROM c JOIN seen ON seen.version = c.version
    WHERE NOT c.paused
), fin AS (  -- (scalar subqueries keep every write a primary-key lookup)
    UPDATE tickets SET status = 'finished', finished_at = %(now)s
    WHERE id = (SELECT current_ticket_id FROM ok) AND status = 'serving'
    RETURNING id
), claimed AS (
    SELECT {_CLAIMED_ID} AS id FROM ok
), served AS (
    UPDATE tickets SET status = 'serving', counter_id = (SELECT id FROM ok),
           called_at = %(now)s, served_at = %(now)s, recall_count = 0,
           transferred_to_counter = NULL
    WHERE id = (SELECT id FROM claimed)
    RETURNING id, number, priority, taken_at, identity_value, printed_count, category_id
), now_serving AS (
    UPDATE counters SET current_ticket_id = (SELECT id FROM served)
    WHERE id = (SELECT id FROM ok)
), call_event AS (
    INSERT INTO call_events (at, ticket_id, ticket_number, counter_number, kind)
    SELECT %(now)s, served.id, served.number, ok.number, 'call' FROM served, ok
), audit AS (  -- one INSERT, so the finish is logged before the call as on SQLite
    INSERT INTO audit_log (at, actor, action, target, after)
    SELECT %(now)s, %(actor)s, step.action, 'ticket:' || step.ticket_id, step.after
    FROM (
        SELECT 1 AS n, 'ticket_finished' AS action, fin.id AS ticket_id, NULL::json AS after
        FROM fin
        UNION ALL
        SELECT 2, 'ticket_called', served.id,
               json_build_object('number', served.number, 'counter', ok.number, 'note', '')
        FROM served, ok
    ) AS step
    ORDER BY step.n
)
SELECT c.paused, ok.id IS NOT NULL AS fresh, served.id, served.number, served.priority,
       served.taken_at, served.identity_value, served.printed_count,
       queue_categories.prefix, queue_categories.name
FROM c LEFT JOIN ok ON true LEFT JOIN served ON true
LEFT JOIN queue_categories ON queue_categories.id = served.category_id
"""


class _Outcome(NamedTuple):
    paused: bool
    fresh: bool  # False: the counter changed after the snapshot; nothing was written
    id: int | None
    number: str
    priority: str
    taken_at: datetime
    identity_value: str | None
    printed_count: int
    prefix: str
    category_name: str


def call_next_pg(conn: Connection, actor: str, counter_no: int, now: datetime) -> TicketInfo | None:
    """Finishes the counter's ticket in service, if any, and claims and calls the next one."""
    params = {
        "counter_no": counter_no,
        "now": now,
        "today": local_date(now),
        "actor": actor,
        "default_wait": DEFAULTS["queue.max_normal_wait_minutes"],
    }
    for _ in range(2):  # the second run holds the counter's lock, so it sees it fresh
        row = pg_fetch_one(conn, _CALL_NEXT, params)
        if row is None:
            raise NotFound(f"没有 {counter_no} 号窗口。", f"No counter {counter_no}.")
        outcome = _Outcome(*row)
        if outcome.paused:
            raise ValidationError(
                "本窗口已暂停服务，请先恢复服务再叫号。",
                "This counter is paused; resume it before calling.",
            )
        if outcome.fresh:
            return None if outcome.id is None else ticket_from_claim(outcome, counter_no, now)
    raise RuntimeError("call-next saw a stale counter twice while holding its lock")
