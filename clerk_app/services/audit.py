"""Writes the audit log inside the caller's unit of work, each row linked into the hash chain.

``record`` queues a row on the ORM session; just before that session commits (after its last
flush, so every row lock the action needs is already held) the queued rows are appended to
the chain: ``append`` takes the chain's writer lock, reads the head and inserts the rows with
their numbers and SM3 hashes (``clerk_app.domain.audit_chain``). Core hot paths
(``services.queue.calling``) call ``append`` themselves, as their last statement.

Writers are serialised so the chain never forks: on SQLite the write transaction itself
(``BEGIN IMMEDIATE``) already is; on PostgreSQL ``pg_advisory_xact_lock`` on one key, taken
with the head read (``audit_chain_head()``, one round trip) and held until the transaction
ends. The lock is taken last, so the serialised part
of an action is one read, one insert and the commit, and no action waits for a row lock while
holding it (no deadlock with the row locks the actions take).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, event, insert, select, text
from sqlalchemy.orm import Session

from clerk_app.domain.audit_chain import GENESIS, canonical, link
from clerk_app.domain.roles import Actor
from clerk_app.persistence.models import AuditLog, User

#: PostgreSQL advisory lock key of the chain's writers (any constant; the same on every PC).
CHAIN_LOCK = 0x61756474
_PENDING = "clerk_app.audit_pending"
_HEAD = select(AuditLog.seq, AuditLog.hash).order_by(AuditLog.seq.desc()).limit(1)
_PG_LOCKED_HEAD = text("SELECT seq, hash FROM audit_chain_head()")
#: PostgreSQL: takes the chain's lock, then reads the head (created by migration 0011). With
#: the owner's rights: a kiosk's role may add audit rows but not read them (issue 16), and the
#: head's number and hash tell nothing of what the rows say.
PG_HEAD_FUNCTION = f"""
CREATE OR REPLACE FUNCTION audit_chain_head() RETURNS TABLE (seq integer, hash varchar)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM pg_advisory_xact_lock({CHAIN_LOCK});
    RETURN QUERY SELECT a.seq, a.hash FROM audit_log AS a ORDER BY a.seq DESC LIMIT 1;
END $$
"""
# Actors that are no user row: the devices and the command line.
_DEVICE_ROLES = {"kiosk": "kiosk", "display": "display", "evaluator": "evaluator"}


def record(
    session: Session,
    *,
    at: datetime,
    actor: str | Actor,
    action: str,
    target: str = "",
    before: Any = None,
    after: Any = None,
    role: str | None = None,
    counter: int | None = None,
    request_id: str | None = None,
) -> None:
    """Queues one audit row; it is chained and written when ``session`` commits.

    ``actor`` is a username or the acting ``Actor`` (whose role and counter are then taken).
    Without them, ``role`` is read from the user's row when the rows are written (devices and
    ``system:…`` by their name) and ``counter`` stays empty.
    """
    if isinstance(actor, Actor):
        role = role or actor.role.value
        counter = counter if counter is not None else actor.counter_no
        actor = actor.username
    row = {
        "at": at,
        "actor": actor,
        "role": role,
        "counter": counter,
        "action": action,
        "target": target or "",
        "before": before,
        "after": after,
        "request_id": request_id,
    }
    session.info.setdefault(_PENDING, []).append(row)


@event.listens_for(Session, "before_commit")
def _append_pending(session: Session) -> None:
    if session.in_nested_transaction():  # a savepoint's release: the action goes on
        return
    pending = session.info.pop(_PENDING, None)
    if pending:
        session.flush()  # the action's own rows (and their locks) first
        append(session, pending)


@event.listens_for(Session, "after_soft_rollback")
def _drop_pending(session: Session, previous: Any) -> None:
    # Only the whole action's rollback drops its rows; a savepoint's (a caught conflict) does
    # not undo what was recorded around it.
    if previous.parent is None:
        session.info.pop(_PENDING, None)


def append(conn: Connection | Session, rows: Sequence[dict[str, Any]]) -> None:
    """Appends ``rows`` (``at, actor, action, target, before, after`` and optionally ``role,
    counter, request_id``) to the chain, inside the caller's transaction; the caller commits.
    ``actor`` may be the acting ``Actor`` (its role is then taken: no lookup)."""
    if not rows:
        return
    roles = _roles_of(conn, rows)  # before the lock: it is held as briefly as can be
    bind = conn if isinstance(conn, Connection) else conn.get_bind()
    if bind.dialect.name == "postgresql":
        # Lock and read in one round trip: the function's query takes its snapshot after
        # the lock is granted (a VOLATILE function's statements each take a new one), so it
        # sees the head the previous writer committed.
        head = conn.execute(_PG_LOCKED_HEAD).first()
    else:
        head = conn.execute(_HEAD).first()
    seq, prev_hash = (head.seq, head.hash) if head is not None else (0, GENESIS)
    chained = []
    for row in rows:
        seq += 1
        name, role = _name_and_role(row)
        values = {
            "at": row["at"],
            "actor": name,
            "role": role or roles.get(name),
            "counter": row.get("counter"),
            "action": row["action"],
            "target": row.get("target") or "",
            "before": row.get("before"),
            "after": row.get("after"),
            "request_id": row.get("request_id"),
        }
        digest = link(prev_hash, canonical(seq=seq, **values))
        chained.append({**values, "seq": seq, "prev_hash": prev_hash, "hash": digest})
        prev_hash = digest
    conn.execute(insert(AuditLog), chained)


def _name_and_role(row: dict[str, Any]) -> tuple[str, str | None]:
    actor = row["actor"]
    if isinstance(actor, Actor):
        return actor.username, row.get("role") or actor.role.value
    return actor, row.get("role")


def _roles_of(conn: Connection | Session, rows: Sequence[dict[str, Any]]) -> dict[str, str]:
    """The role of each actor named without one: devices and the CLI by name, users by row."""
    unknown = {name for name, role in map(_name_and_role, rows) if not role}
    if not unknown:
        return {}
    roles: dict[str, str] = {}
    for name in list(unknown):
        kind = name.split(":", 1)[0]
        if kind in _DEVICE_ROLES:
            roles[name] = _DEVICE_ROLES[kind]
        elif kind == "system":
            roles[name] = "system"
    users = unknown - roles.keys()
    if users:
        found = conn.execute(select(User.username, User.role).where(User.username.in_(users)))
        roles.update({name: str(role) for name, role in found})
    return roles
