"""Reading the audit log: the supervisor's list, the chain's check, its exported head, grants.

``AuditService`` (``StaffSession.audit``) lists and filters rows for the audit screen and
checks the whole chain (``clerk_app.domain.audit_chain.check``) in one read transaction, so
what it reports is one moment of the log. ``head`` is what ``clerk audit head`` exports (the
last row of a hall day, or of the log): kept outside the database, it lets ``verify`` notice a
tail cut off the log, which leaves a valid shorter chain.

Two helpers serve the migration that added the chain (``0011``): ``chain_existing_rows`` and,
on PostgreSQL, ``restrict_audit_log``, which makes the log append-only for the application.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection, select, text
from sqlalchemy.orm import Session

from clerk_app.domain.audit_chain import (
    GENESIS,
    ChainReport,
    ChainRow,
    Head,
    canonical,
    check,
    link,
)
from clerk_app.domain.roles import Permission
from clerk_app.errors import ValidationError
from clerk_app.hall_time import to_local, to_utc
from clerk_app.persistence.models import AuditLog
from clerk_app.services.base import Service

#: Roles (comma-separated) the migration lets add and read audit rows, and nothing more.
ENV_APP_ROLES = "CLERK_APP_ROLES"
HEAD_KIND = "clerk-audit-head"
ENTRY_LIMIT = 5000
_COLUMNS = (
    AuditLog.id,
    AuditLog.seq,
    AuditLog.at,
    AuditLog.actor,
    AuditLog.role,
    AuditLog.counter,
    AuditLog.action,
    AuditLog.target,
    AuditLog.before,
    AuditLog.after,
    AuditLog.request_id,
    AuditLog.prev_hash,
    AuditLog.hash,
)


@dataclass(frozen=True)
class AuditEntry:
    """One row as the audit screen shows it (``at`` in hall-local time)."""

    seq: int
    at: datetime
    actor: str
    role: str
    counter: int | None
    action: str
    target: str
    before: str
    after: str


@dataclass(frozen=True)
class ExportedHead:
    """The head of a day (``day``) or of the whole log (``day`` None)."""

    day: date | None
    head: Head | None

    def to_json(self) -> str:
        return json.dumps(
            {
                "kind": HEAD_KIND,
                "day": self.day.isoformat() if self.day else None,
                "seq": self.head.seq if self.head else 0,
                "hash": self.head.hash if self.head else GENESIS,
            },
            ensure_ascii=False,
        )


def read_head_file(path: Path) -> Head:
    """The head a ``clerk audit head`` file holds; ``ValidationError`` for anything else."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("kind") != HEAD_KIND:
            raise ValueError(data.get("kind"))
        return Head(int(data["seq"]), str(data["hash"]))
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as e:
        raise ValidationError(
            f"{path} 不是审计链头文件（clerk audit head 导出的）：{e}",
            f"{path} is not an audit head file (as `clerk audit head` writes): {e}",
        ) from e


def _text(value: Any) -> str:
    return "" if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


def chain_rows(s: Session | Connection) -> Iterator[ChainRow]:
    """Every row in chain order, streamed."""
    result = s.execute(
        select(*_COLUMNS).order_by(AuditLog.seq, AuditLog.id),
        execution_options={"yield_per": 2000},
    )
    for row in result:
        yield ChainRow(*row)


class AuditService(Service):
    """The audit log for supervisors and administrators: list, check, export the head."""

    def entries(
        self,
        *,
        actor: str = "",
        action: str = "",
        day_from: date | None = None,
        day_to: date | None = None,
        limit: int = ENTRY_LIMIT,
    ) -> list[AuditEntry]:
        """The newest rows matching every filter given (``actor`` and ``action`` as typed
        parts of the name; days inclusive, hall-local)."""
        self.actor.require(Permission.VIEW_AUDIT_LOG)
        query = select(*_COLUMNS).order_by(AuditLog.seq.desc()).limit(max(1, min(limit, 50000)))
        if actor.strip():
            query = query.where(AuditLog.actor.contains(actor.strip(), autoescape=True))
        if action.strip():
            query = query.where(AuditLog.action.contains(action.strip(), autoescape=True))
        if day_from is not None:
            query = query.where(AuditLog.at >= _day_start(day_from))
        if day_to is not None:
            query = query.where(AuditLog.at < _day_start(day_to + timedelta(days=1)))
        with self.db.read() as s:
            rows = [ChainRow(*r) for r in s.execute(query)]
        return [
            AuditEntry(
                seq=r.seq or 0,
                at=to_local(r.at),
                actor=r.actor,
                role=r.role or "",
                counter=r.counter,
                action=r.action,
                target=r.target,
                before=_text(r.before),
                after=_text(r.after),
            )
            for r in rows
        ]

    def actions(self) -> list[str]:
        """Every action name in the log, for the screen's filter."""
        self.actor.require(Permission.VIEW_AUDIT_LOG)
        with self.db.read() as s:
            return list(s.scalars(select(AuditLog.action).distinct().order_by(AuditLog.action)))

    def verify(self, expected_head: Head | None = None) -> ChainReport:
        """Checks the whole chain (and that it still reaches ``expected_head``)."""
        self.actor.require(Permission.VIEW_AUDIT_LOG)
        with self.db.read() as s:
            return check(chain_rows(s), expected_head)

    def head(self, day: date | None = None) -> ExportedHead:
        """The last row of hall day ``day`` (rows written before its end), or of the log."""
        self.actor.require(Permission.VIEW_AUDIT_LOG)
        query = select(AuditLog.seq, AuditLog.hash).order_by(AuditLog.seq.desc()).limit(1)
        if day is not None:
            query = query.where(AuditLog.at < _day_start(day + timedelta(days=1)))
        with self.db.read() as s:
            row = s.execute(query).first()
        return ExportedHead(day, None if row is None else Head(row.seq, row.hash))


def _day_start(day: date) -> datetime:
    return to_utc(datetime.combine(day, datetime.min.time()))


# --- for the migration that added the chain (0011) -------------------------------------------

_LEGACY = sa.table(
    "audit_log",
    sa.column("id", sa.Integer),
    sa.column("at", sa.DateTime),
    sa.column("actor", sa.String),
    sa.column("action", sa.String),
    sa.column("target", sa.String),
    sa.column("before", sa.JSON),
    sa.column("after", sa.JSON),
    sa.column("request_id", sa.String),
    sa.column("seq", sa.Integer),
    sa.column("prev_hash", sa.String),
    sa.column("hash", sa.String),
)


def chain_existing_rows(conn: Connection) -> int:
    """Numbers and hashes the rows written before the chain, in id order; returns how many."""
    t = _LEGACY.c
    rows = conn.execute(
        select(t.id, t.at, t.actor, t.action, t.target, t.before, t.after, t.request_id).order_by(
            t.id
        )
    ).all()
    prev_hash, updates = GENESIS, []
    for seq, row in enumerate(rows, start=1):
        content = canonical(
            seq=seq,
            at=row.at,
            actor=row.actor,
            role=None,
            counter=None,
            action=row.action,
            target=row.target or "",
            before=row.before,
            after=row.after,
            request_id=row.request_id,
        )
        digest = link(prev_hash, content)
        updates.append({"rid": row.id, "s": seq, "p": prev_hash, "h": digest})
        prev_hash = digest
    if updates:
        conn.execute(
            _LEGACY.update()
            .where(t.id == sa.bindparam("rid"))
            .values(seq=sa.bindparam("s"), prev_hash=sa.bindparam("p"), hash=sa.bindparam("h")),
            updates,
        )
    return len(updates)


def app_roles(conn: Connection) -> set[str]:
    """The application's roles: those named in ``$CLERK_APP_ROLES``, and every role other than
    a table's owner that holds a privilege on a table of this schema (granted by the DBA)."""
    named = [r.strip() for r in os.environ.get(ENV_APP_ROLES, "").split(",") if r.strip()]
    existing = conn.execute(
        text("SELECT rolname FROM pg_roles WHERE rolname = ANY(:names)"), {"names": named}
    ).scalars()
    granted = conn.execute(
        text(
            "SELECT DISTINCT pg_get_userbyid(acl.grantee) FROM pg_class AS c,"
            " LATERAL aclexplode(c.relacl) AS acl"
            " WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r'"
            " AND acl.grantee <> 0 AND acl.grantee <> c.relowner"
        )
    ).scalars()
    return set(existing) | set(granted)


def restrict_audit_log(conn: Connection) -> set[str]:
    """PostgreSQL: no role but the owner may change or remove audit rows; the application's
    roles may read and add them. Returns the roles restricted (idempotent)."""
    quote = conn.dialect.identifier_preparer.quote
    roles = app_roles(conn)
    conn.execute(text("REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC"))
    sequence = conn.scalar(text("SELECT pg_get_serial_sequence('audit_log', 'id')"))
    for role in sorted(roles):
        name = quote(role)
        conn.execute(text(f"REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM {name}"))
        conn.execute(text(f"GRANT SELECT, INSERT ON audit_log TO {name}"))
        if sequence:
            conn.execute(text(f"GRANT USAGE ON SEQUENCE {sequence} TO {name}"))
    return roles
