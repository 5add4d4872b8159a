"""Claiming one waiting ticket so that exactly one counter gets it, on SQLite and PostgreSQL.

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

from sqlalchemy import bindparam, func, select
from sqlalchemy.dialects.postgresql import ARRAY, INTEGER
from sqlalchemy.orm import Session

from clerk_app.persistence.models import Ticket

BATCH = 50  # candidates per query; a busy morning rarely gets past the first batch


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
