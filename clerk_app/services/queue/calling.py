"""The call-next transaction in SQLAlchemy Core: the hot path of every counter.

Same rows and the same audit trail as the ORM actions in ``queue.py``, written as prebuilt
Core statements because ORM bookkeeping cost more than the SQL itself (see
``bench/bench_call_next.py``); PostgreSQL runs it as one statement (``queue_call_pg``). Runs
on the connection of the caller's unit of work (``Database.transact``); never commits.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Table, bindparam, insert, select, update

from clerk_app.errors import ValidationError
from clerk_app.hall_time import local_date
from clerk_app.persistence.models import AuditLog, CallEvent, Counter, HallSetting, Ticket
from clerk_app.services.queue.calling_pg import call_next_pg
from clerk_app.services.queue.claim import claim_next, ticket_from_claim
from clerk_app.services.queue.results import TicketInfo
from clerk_app.services.settings import DEFAULTS


def _table(model: type) -> Table:
    table = model.__table__  # type: ignore[attr-defined]
    assert isinstance(table, Table)
    return table


_T, _C = _table(Ticket), _table(Counter)
_COUNTER = (
    select(_C.c.id, _C.c.number, _C.c.paused, _C.c.current_ticket_id)
    .where(_C.c.number == bindparam("counter_no"))
    .with_for_update()
)
_MAX_WAIT = select(_table(HallSetting).c.value).where(
    _table(HallSetting).c.key == "queue.max_normal_wait_minutes"
)
_FINISH = (
    update(_T)
    .where(_T.c.id == bindparam("ticket_id"), _T.c.status == "serving")
    .values(status="finished", finished_at=bindparam("at"))
)
_SERVE = (
    update(_T)
    .where(_T.c.id == bindparam("ticket_id"))
    .values(
        status="serving",
        counter_id=bindparam("counter_id"),
        called_at=bindparam("at"),
        served_at=bindparam("at"),
        recall_count=0,
        transferred_to_counter=None,
    )
)
_SET_CURRENT = (
    update(_C).where(_C.c.id == bindparam("counter_id")).values(current_ticket_id=bindparam("tid"))
)
_ADD_CALL = insert(_table(CallEvent))
_ADD_AUDIT = insert(_table(AuditLog))


def call_next_in(
    conn: Connection, actor: str, counter_no: int, now: datetime, request_id: str
) -> TicketInfo | None:
    """Finishes the counter's ticket in service, if any, and claims and calls the next one.

    ``request_id`` marks the action's audit rows (``queue_call_pg.call_outcome``).
    """
    if conn.dialect.name == "postgresql":
        return call_next_pg(conn, actor, counter_no, now, request_id)
    counter = conn.execute(_COUNTER, {"counter_no": counter_no}).one()
    if counter.paused:
        raise ValidationError(
            "本窗口已暂停服务，请先恢复服务再叫号。",
            "This counter is paused; resume it before calling.",
        )
    audit: list[dict[str, Any]] = []
    if counter.current_ticket_id is not None:
        conn.execute(_FINISH, {"ticket_id": counter.current_ticket_id, "at": now})
        audit.append(_audit(now, actor, "ticket_finished", counter.current_ticket_id, request_id))
    minutes = conn.execute(_MAX_WAIT).scalar()
    max_wait = timedelta(
        minutes=int(DEFAULTS["queue.max_normal_wait_minutes"] if minutes is None else minutes)
    )
    row = claim_next(conn, counter.id, counter.number, local_date(now), now, max_wait)
    tid = None if row is None else row.id
    conn.execute(_SET_CURRENT, {"counter_id": counter.id, "tid": tid})
    if row is not None:
        conn.execute(_SERVE, {"ticket_id": row.id, "counter_id": counter.id, "at": now})
        conn.execute(
            _ADD_CALL,
            {
                "at": now,
                "ticket_id": row.id,
                "ticket_number": row.number,
                "counter_number": counter.number,
                "kind": "call",
            },
        )
        audit.append(
            _audit(
                now,
                actor,
                "ticket_called",
                row.id,
                request_id,
                {"number": row.number, "counter": counter.number, "note": ""},
            )
        )
    if audit:
        conn.execute(_ADD_AUDIT, audit)
    return None if row is None else ticket_from_claim(row, counter.number, now)


def _audit(
    at: datetime,
    actor: str,
    action: str,
    ticket_id: int,
    request_id: str,
    after: dict[str, Any] | None = None,
) -> dict[str, Any]:
    return {
        "at": at,
        "actor": actor,
        "action": action,
        "target": f"ticket:{ticket_id}",
        "before": None,
        "after": after,
        "request_id": request_id,
    }
