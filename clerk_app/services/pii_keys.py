"""The keys that seal ID numbers: rotating the sealing key, and sealing old values again.

``rotate`` adds a sealing key to the hall's key file and records its check value: new values
are sealed with it, old ones keep opening with theirs. ``reseal`` rewrites every value sealed
with an older key, ``batch`` rows per transaction (a long pass never holds the hall's write
lock for long, and can be stopped and run again: it only touches what is still old). The
lookup key is not rotated: every stored lookup hash depends on it (README, Personal data).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, bindparam, select, update

from clerk_app.clock import Clock
from clerk_app.domain.roles import Actor, Permission
from clerk_app.persistence.database import Database
from clerk_app.persistence.models import Appointment, Ticket
from clerk_app.persistence.models_cases import Case
from clerk_app.persistence.pii import (
    APPOINTMENT_IDENTITY,
    CASE_AGENT_ID,
    CASE_APPLICANT_ID,
    TICKET_IDENTITY,
    Pii,
    add_seal_key,
    register,
)
from clerk_app.services import audit

#: Every sealed column: (its table, the column, the name its values are bound to).
SEALED: tuple[tuple[Any, str, str], ...] = (
    (Ticket, "identity_enc", TICKET_IDENTITY),
    (Appointment, "identity_enc", APPOINTMENT_IDENTITY),
    (Case, "applicant_id_enc", CASE_APPLICANT_ID),
    (Case, "agent_id_enc", CASE_AGENT_ID),
)


@dataclass(frozen=True)
class KeyState:
    """Which sealing key new values use, and how many stored values each key sealed."""

    current_id: int
    values_by_key: dict[int, int]


class PiiKeyService:
    """Administrators only; every change is audit-logged."""

    def __init__(self, db: Database, actor: Actor, clock: Clock) -> None:
        self.db = db
        self.actor = actor
        self.clock = clock

    def rotate(self) -> int:
        """Adds a sealing key (written to the key file, then recorded); returns its id."""
        self.actor.require(Permission.MANAGE_SETTINGS)
        keys = add_seal_key(self.db.pii.keys)
        self.db.use_pii(Pii(keys))
        now = self.clock()
        with self.db.write() as s:
            register(s.connection(), keys, now)
            audit.record(
                s,
                at=now,
                actor=self.actor.username,
                action="pii_key_rotated",
                target=f"pii_key:{keys.current_id}",
            )
        return keys.current_id

    def reseal(self, batch: int = 500) -> int:
        """Seals every value of an older key with the newest; returns how many were rewritten."""
        self.actor.require(Permission.MANAGE_SETTINGS)
        if not 1 <= batch <= 100_000:
            raise ValueError("batch")
        pii = self.db.pii
        current = pii.keys.current_id
        done = 0
        for model, column, name in SEALED:
            table: Table = model.__table__
            col = table.c[column]
            last = 0
            while True:
                with self.db.write() as s:
                    rows = s.execute(
                        select(table.c.id, col)
                        .where(col.is_not(None), table.c.id > last)
                        .order_by(table.c.id)
                        .limit(batch)
                    ).all()
                    if not rows:
                        break
                    last = rows[-1][0]
                    old = [
                        {"rid": rid, "sealed": pii.seal(pii.open(v, name), name)}
                        for rid, v in rows
                        if pii.key_id(v) != current
                    ]
                    if old:
                        s.connection().execute(
                            update(table)
                            .where(table.c.id == bindparam("rid"))
                            .values({column: bindparam("sealed")}),
                            old,
                        )
                    done += len(old)
        with self.db.write() as s:
            audit.record(
                s,
                at=self.clock(),
                actor=self.actor.username,
                action="pii_resealed",
                target=f"pii_key:{current}",
                after={"values": done},
            )
        return done

    def state(self) -> KeyState:
        """The newest key and how many values each key sealed (read in full: an admin's check)."""
        self.actor.require(Permission.MANAGE_SETTINGS)
        pii = self.db.pii
        counts: dict[int, int] = {}
        with self.db.read() as s:
            for model, column, _name in SEALED:
                col = model.__table__.c[column]
                for (v,) in s.execute(select(col).where(col.is_not(None))):
                    kid = pii.key_id(v)
                    counts[kid] = counts.get(kid, 0) + 1
        return KeyState(pii.keys.current_id, counts)
