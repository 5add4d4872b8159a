"""Call-next on PostgreSQL in four round trips: data-modifying CTEs fold the writes together.

The same rows as ``queue_call.call_next_in`` (which SQLite runs): lock the counter and finish
its ticket (+ audit) in one statement, claim with ``queue_claim.claim_next``, then serve the
ticket, set the counter's current ticket, add the call event and the audit row in one more.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta

from sqlalchemy import Connection, text

from clerk_app.errors import ValidationError
from clerk_app.hall_time import local_date
from clerk_app.services.queue_claim import claim_next, ticket_from_claim
from clerk_app.services.queue_views import TicketInfo
from clerk_app.services.settings import DEFAULTS

_LOCK_AND_FINISH = text(
    """
WITH c AS (
    SELECT id, number, paused, current_ticket_id FROM counters
    WHERE number = :counter_no FOR UPDATE
), fin AS (
    UPDATE tickets SET status = 'finished', finished_at = :at
    FROM c WHERE tickets.id = c.current_ticket_id AND tickets.status = 'serving'
    RETURNING tickets.id
), fin_audit AS (
    INSERT INTO audit_log (at, actor, action, target)
    SELECT :at, :actor, 'ticket_finished', 'ticket:' || fin.id FROM fin
)
SELECT c.id, c.number, c.paused,
       (SELECT value FROM hall_settings WHERE key = 'queue.max_normal_wait_minutes') AS max_wait
FROM c
"""
)
_SERVE = text(
    """
WITH served AS (
    UPDATE tickets SET status = 'serving', counter_id = :counter_id, called_at = :at,
           served_at = :at, recall_count = 0, transferred_to_counter = NULL
    WHERE id = :ticket_id
), now_serving AS (
    UPDATE counters SET current_ticket_id = :ticket_id WHERE id = :counter_id
), call_event AS (
    INSERT INTO call_events (at, ticket_id, ticket_number, counter_number, kind)
    VALUES (:at, :ticket_id, :number, :counter_no, 'call')
)
INSERT INTO audit_log (at, actor, action, target, after)
VALUES (:at, :actor, 'ticket_called', 'ticket:' || :ticket_id, CAST(:after AS JSON))
"""
)
_NOTHING_TO_SERVE = text("UPDATE counters SET current_ticket_id = NULL WHERE id = :counter_id")


def call_next_pg(conn: Connection, actor: str, counter_no: int, now: datetime) -> TicketInfo | None:
    """Finishes the counter's ticket in service, if any, and claims and calls the next one."""
    counter = conn.execute(
        _LOCK_AND_FINISH, {"counter_no": counter_no, "at": now, "actor": actor}
    ).one()
    if counter.paused:
        raise ValidationError(
            "本窗口已暂停服务，请先恢复服务再叫号。",
            "This counter is paused; resume it before calling.",
        )
    minutes = counter.max_wait
    if minutes is None:
        minutes = DEFAULTS["queue.max_normal_wait_minutes"]
    max_wait = timedelta(minutes=int(minutes))
    row = claim_next(conn, counter.id, counter.number, local_date(now), now, max_wait)
    if row is None:
        conn.execute(_NOTHING_TO_SERVE, {"counter_id": counter.id})
        return None
    after = {"number": row.number, "counter": counter.number, "note": ""}
    conn.execute(
        _SERVE,
        {
            "counter_id": counter.id,
            "counter_no": counter.number,
            "ticket_id": row.id,
            "number": row.number,
            "at": now,
            "actor": actor,
            "after": json.dumps(after, ensure_ascii=False),
        },
    )
    return ticket_from_claim(row, counter.number, now)
