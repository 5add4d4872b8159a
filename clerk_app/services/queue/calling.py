"""Calling a ticket to a counter: the steps every call shares, and the shape of call-next.

A call locks the counter, finishes the ticket it has in service, claims a ticket, serves it,
points the counter at it, and adds a call event (for the hall display) and the audit rows,
each marked with the action's request id. ``call_in`` does that in prebuilt Core statements
on the connection of the caller's unit of work (``Database.transact``; it never commits),
because ORM bookkeeping cost more than the SQL itself (``bench/bench_call_next.py``). Only
the claim differs: the next ticket in serve order (叫号, ``CallNext.claim_next``) or one given
ticket (指定叫号, ``call_ticket_in``).

Call-next is each database's own ``CallNext``, chosen once per database by its dialect
(``service.CALL_NEXT``): ``calling_sqlite.SqliteCallNext`` runs ``call_in``;
``calling_pg.PostgresCallNext`` runs one statement that writes the same rows.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any, NamedTuple, Protocol

from sqlalchemy import Connection, Table, bindparam, insert, select, update

from clerk_app.domain.roles import Actor
from clerk_app.domain.ticket_status import TicketStatus
from clerk_app.errors import NotFound, ValidationError
from clerk_app.hall_time import local_date, to_local
from clerk_app.persistence.database import Database
from clerk_app.persistence.models import (
    CallEvent,
    Counter,
    QueueCategory,
    Ticket,
)
from clerk_app.persistence.pii import pii_of
from clerk_app.services.audit import append as append_audit
from clerk_app.services.queue.board import masked_identity
from clerk_app.services.queue.results import TicketInfo

# What the caller needs of the claimed ticket, read in the claiming statement itself.
CLAIMED_COLUMNS = (
    Ticket.id,
    Ticket.number,
    Ticket.priority,
    Ticket.taken_at,
    Ticket.identity_enc,
    Ticket.printed_count,
    QueueCategory.prefix,
    QueueCategory.name.label("category_name"),
)


class Claimed(NamedTuple):
    """The claimed ticket: ``CLAIMED_COLUMNS``, by name."""

    id: int
    number: str
    priority: str
    taken_at: datetime
    identity_enc: bytes | None
    printed_count: int
    prefix: str
    category_name: str


class CallNext(Protocol):
    """Call-next (叫号) on one kind of database: its claim in serve order, and the action.

    Each implementation writes its database's statements once; ``tests/test_queue_claim_sql.py``
    checks that ``claim_next`` picks what ``domain.queue_order.choose_next`` picks.
    """

    def claim_next(
        self,
        conn: Connection,
        counter_id: int,
        counter_no: int,
        today: date,
        now: datetime,
        max_wait: timedelta,
    ) -> Claimed | None:
        """Locks and returns the ticket this counter serves next, inside ``conn``'s transaction."""
        ...

    def call_in(
        self, conn: Connection, actor: str | Actor, counter_no: int, now: datetime, request_id: str
    ) -> TicketInfo | None:
        """Finishes the counter's ticket in service, if any, and calls the next one, on
        ``conn`` (the caller commits)."""
        ...

    def call_next(
        self, db: Database, actor: str | Actor, counter_no: int, now: datetime, request_id: str
    ) -> TicketInfo | None:
        """``call_in`` as one unit of work of its own, done exactly once."""
        ...


def paused_counter() -> ValidationError:
    return ValidationError(
        "本窗口已暂停服务，请先恢复服务再叫号。",
        "This counter is paused; resume it before calling.",
    )


def no_such_counter(counter_no: int) -> NotFound:
    return NotFound(f"没有 {counter_no} 号窗口。", f"No counter {counter_no}.")


def ticket_from_claim(conn: Connection, row: Any, counter_no: int, now: datetime) -> TicketInfo:
    """The called ticket from its claimed row (``CLAIMED_COLUMNS``)."""
    return TicketInfo(
        id=row.id,
        number=row.number,
        category_prefix=row.prefix,
        category_name=row.category_name,
        priority=row.priority,
        status=TicketStatus.SERVING,
        taken_at=to_local(row.taken_at),
        called_at=to_local(now),
        counter_number=counter_no,
        recall_count=0,
        masked_identity=masked_identity(pii_of(conn), row.identity_enc),
        reprint=row.printed_count > 1,
    )


def _table(model: type) -> Table:
    table = model.__table__  # type: ignore[attr-defined]
    assert isinstance(table, Table)
    return table


_T, _C = _table(Ticket), _table(Counter)
# Statuses are bound as plain strings: the sqlite3 module binds an enum member through its
# adapter lookup, which cost about 2 µs a value on this hot path.
WAITING, SERVING, FINISHED = (
    TicketStatus.WAITING.value,
    TicketStatus.SERVING.value,
    TicketStatus.FINISHED.value,
)
_COUNTER = (
    select(_C.c.id, _C.c.number, _C.c.paused, _C.c.current_ticket_id)
    .where(_C.c.number == bindparam("counter_no"))
    .with_for_update()
)
_FINISH = (
    update(_T)
    .where(_T.c.id == bindparam("ticket_id"), _T.c.status == SERVING)
    .values(status=FINISHED, finished_at=bindparam("at"))
)
_SERVE = (
    update(_T)
    .where(_T.c.id == bindparam("ticket_id"))
    .values(
        status=SERVING,
        counter_id=bindparam("counter_id"),
        called_at=bindparam("at"),
        served_at=bindparam("at"),
        recall_count=0,
        transferred_to_counter=None,
    )
)
# A call is proof of life: the counter is online from it (the hall display shows and announces
# calls of online counters only), also when its heartbeats were lost for a while.
_SET_CURRENT = (
    update(_C)
    .where(_C.c.id == bindparam("counter_id"))
    .values(current_ticket_id=bindparam("tid"), last_heartbeat=bindparam("at"))
)
_ADD_CALL = insert(_table(CallEvent))
# 指定叫号: today's ticket of that number, if still waiting and no other counter holds it
# (PostgreSQL skips a locked row; SQLite has no FOR UPDATE and one writer at a time).
_GIVEN = (
    select(*CLAIMED_COLUMNS)
    .join(QueueCategory, QueueCategory.id == Ticket.category_id)
    .where(
        Ticket.service_date == bindparam("today"),
        Ticket.number == bindparam("number"),
        Ticket.status == WAITING,
    )
    .with_for_update(of=_T, skip_locked=True)
)

CounterRow = Any  # _COUNTER's Row: id, number, paused, current_ticket_id
Claim = Callable[[Connection, CounterRow], Claimed | None]


def call_in(
    conn: Connection,
    actor: str | Actor,
    counter_no: int,
    now: datetime,
    request_id: str,
    claim: Claim,
    *,
    action: str = "ticket_called",
    note: str = "",
) -> TicketInfo | None:
    """Finishes the counter's ticket in service, if any, and calls the one ``claim`` returns.

    ``claim(conn, counter)`` runs after the finish (the counter holds its own ticket before it
    claims another; see ``calling_pg``); it may raise, and then the unit of work writes
    nothing. With nothing claimed, the counter is left serving nothing.
    """
    counter = conn.execute(_COUNTER, {"counter_no": counter_no}).one_or_none()
    if counter is None:
        raise no_such_counter(counter_no)
    if counter.paused:
        raise paused_counter()
    audit: list[dict[str, Any]] = []
    if counter.current_ticket_id is not None:
        conn.execute(_FINISH, {"ticket_id": counter.current_ticket_id, "at": now})
        audit.append(
            _audit(now, actor, "ticket_finished", counter.current_ticket_id, counter, request_id)
        )
    row = claim(conn, counter)
    conn.execute(
        _SET_CURRENT,
        {"counter_id": counter.id, "tid": None if row is None else row.id, "at": now},
    )
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
        after = {"number": row.number, "counter": counter.number, "note": note}
        audit.append(_audit(now, actor, action, row.id, counter, request_id, after))
    append_audit(conn, audit)  # last: the chain's lock is held only until the commit
    return None if row is None else ticket_from_claim(conn, row, counter.number, now)


def call_ticket_in(
    conn: Connection,
    actor: str | Actor,
    counter_no: int,
    now: datetime,
    request_id: str,
    number: str,
    reason: str,
) -> TicketInfo:
    """Calls today's waiting ticket ``number`` out of order (指定叫号); the reason is recorded."""
    if not reason.strip():
        raise ValidationError(
            "指定叫号必须填写原因。", "Calling a ticket out of order needs a reason."
        )
    params = {"today": local_date(now), "number": number.strip().upper()}

    def given(conn: Connection, _counter: CounterRow) -> Claimed:
        row = conn.execute(_GIVEN, params).first()
        if row is None:
            raise ValidationError(
                f"号票 {number} 不在等候中（可能已被其他窗口叫走）。",
                f"Ticket {number} is not waiting (another counter may have it).",
            )
        return Claimed(*row)

    called = call_in(
        conn,
        actor,
        counter_no,
        now,
        request_id,
        given,
        action="ticket_called_specific",
        note=reason.strip(),
    )
    assert called is not None
    return called


def _audit(
    at: datetime,
    actor: str | Actor,
    action: str,
    ticket_id: int,
    counter: CounterRow,
    request_id: str,
    after: dict[str, Any] | None = None,
) -> dict[str, Any]:
    return {
        "at": at,
        "actor": actor,
        "counter": counter.number,
        "action": action,
        "target": f"ticket:{ticket_id}",
        "before": None,
        "after": after,
        "request_id": request_id,
    }
