"""Call-next on SQLite: the serve order as one ordered query, inside one writing transaction.

The unit of work began with ``BEGIN IMMEDIATE`` (``Database.transact``), so this transaction
is the only writer of the hall: one ordered query without a locking clause claims exactly,
and ``calling.call_in`` writes the call with prebuilt Core statements.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import cache
from typing import Any

from sqlalchemy import BindParameter, Connection, Table, and_, bindparam, case, or_, select
from sqlalchemy.orm import aliased

from clerk_app.domain.queue_order import PriorityClass
from clerk_app.domain.roles import Actor
from clerk_app.hall_time import local_date
from clerk_app.persistence.database import Database
from clerk_app.persistence.models import CounterCategory, HallSetting, QueueCategory, Ticket
from clerk_app.services.queue.calling import (
    CLAIMED_COLUMNS,
    WAITING,
    Claimed,
    CounterRow,
    call_in,
)
from clerk_app.services.queue.results import TicketInfo
from clerk_app.services.settings import DEFAULTS


@cache
def _claim_statement() -> Any:
    """The serve order of ``domain.queue_order`` as one ``ORDER BY``, head first. Built at
    the first call-next, not at import: at import it configured every ORM mapper before the
    counter's start needed them (issue 11)."""
    cc = aliased(CounterCategory)
    at = Ticket.queue_position_at
    counter_no: BindParameter[int] = bindparam("counter_no")
    group = case(
        (Ticket.transferred_to_counter == counter_no, 0),  # transferred to this counter
        (at <= bindparam("cutoff"), 1),  # waited the bound or longer
        (Ticket.priority != PriorityClass.NORMAL.value, 2),  # priority (appointments: in window)
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
            Ticket.status == WAITING,  # a plain string: see calling.WAITING
            or_(
                Ticket.transferred_to_counter == counter_no,
                and_(Ticket.transferred_to_counter.is_(None), cc.counter_id.is_not(None)),
            ),
        )
        .order_by(group, case((group == 3, cc.position), else_=0), at, Ticket.id)
        .limit(1)
    )


_SETTINGS = HallSetting.__table__
assert isinstance(_SETTINGS, Table)
_MAX_WAIT = select(_SETTINGS.c.value).where(_SETTINGS.c.key == "queue.max_normal_wait_minutes")


class SqliteCallNext:
    """``calling.CallNext`` for SQLite."""

    def claim_next(
        self,
        conn: Connection,
        counter_id: int,
        counter_no: int,
        today: date,
        now: datetime,
        max_wait: timedelta,
    ) -> Claimed | None:
        """The head of the counter's serve order: oldest place first within a group, then id."""
        params = {
            "counter_id": counter_id,
            "counter_no": counter_no,
            "today": today,
            "cutoff": now - max_wait,
        }
        row = conn.execute(_claim_statement(), params).first()
        return None if row is None else Claimed(*row)

    def call_in(
        self, conn: Connection, actor: str | Actor, counter_no: int, now: datetime, request_id: str
    ) -> TicketInfo | None:
        """Finishes the counter's ticket in service, if any, and claims and calls the next one.

        ``request_id`` marks the action's audit rows.
        """

        def next_in_order(conn: Connection, counter: CounterRow) -> Claimed | None:
            minutes = conn.execute(_MAX_WAIT).scalar()
            if minutes is None:
                minutes = DEFAULTS["queue.max_normal_wait_minutes"]
            max_wait = timedelta(minutes=int(minutes))
            return self.claim_next(conn, counter.id, counter.number, local_date(now), now, max_wait)

        return call_in(conn, actor, counter_no, now, request_id, next_in_order)

    def call_next(
        self, db: Database, actor: str | Actor, counter_no: int, now: datetime, request_id: str
    ) -> TicketInfo | None:
        """One Core unit of work: the hot path of every counter skips the ORM session."""
        return db.transact(lambda conn: self.call_in(conn, actor, counter_no, now, request_id))
