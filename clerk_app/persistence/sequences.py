"""Atomic per-day counters (ticket numbers, case serials) shared by every PC of a hall.

``next_value`` is one ``INSERT … ON CONFLICT DO UPDATE … RETURNING`` statement: PostgreSQL
row-locks the counter until the caller's transaction ends, SQLite's writer lock (BEGIN
IMMEDIATE) does the same, so two counters never get the same value and a rolled-back
transaction gives its value back.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Table
from sqlalchemy.orm import Session

from clerk_app.persistence.dialects import upsert
from clerk_app.persistence.models import DailySequence


def next_value(session: Session, scope: str, day: date) -> int:
    table = DailySequence.__table__
    assert isinstance(table, Table)
    stmt = (
        upsert(session, table)
        .values(scope=scope, day=day, last_value=1)
        .on_conflict_do_update(
            index_elements=[table.c.scope, table.c.day],
            set_={"last_value": table.c.last_value + 1},
        )
        .returning(table.c.last_value)
    )
    return int(session.execute(stmt).scalar_one())
