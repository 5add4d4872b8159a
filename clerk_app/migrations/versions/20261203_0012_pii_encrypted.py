"""ID numbers encrypted at rest: sealed (SM4-GCM) with an HMAC-SM3 lookup hash beside each

Tickets' and appointments' real-name IDs and cases' applicant and agent IDs move from clear
columns to ``*_enc`` (sealed, ``persistence/pii.py``) and ``*_hash`` (the lookup hash), and the
clear columns are dropped. ``pii_keys`` records a check value of each key, so a PC with another
hall's key file is refused. The values already stored are sealed with the hall's key file
(``clerk_app.config.pii_keys_path``, or the one ``persistence.migrate.upgrade`` is given); a
database with ID numbers in it and no key file is refused with one clear sentence, before
anything changes. Downgrading opens the values again with the same keys.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03 19:10:00
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None

BATCH = 1000
# (table, clear column, sealed column, hash column, the sealed value's column name in pii)
COLUMNS = (
    ("tickets", "identity_value", "identity_enc", "identity_hash", "tickets.identity"),
    ("appointments", "identity_value", "identity_enc", "identity_hash", "appointments.identity"),
    ("cases", "applicant_id_value", "applicant_id_enc", "applicant_id_hash", "cases.applicant_id"),
    ("cases", "agent_id_value", "agent_id_enc", "agent_id_hash", "cases.agent_id"),
)


def _pii() -> Any:
    """The hall's ``Pii``: the keys ``upgrade`` was given, else the configured key file."""
    from clerk_app.config import pii_keys_path
    from clerk_app.persistence.pii import Pii, load_keys

    keys = op.get_context().config.attributes.get("pii_keys") if op.get_context().config else None
    return Pii(keys if keys is not None else load_keys(pii_keys_path()))


def _has_clear_values(conn: sa.Connection) -> bool:
    for table, clear, *_ in COLUMNS:
        found = conn.execute(
            sa.text(f"SELECT 1 FROM {table} WHERE {clear} IS NOT NULL LIMIT 1")
        ).first()
        if found is not None:
            return True
    return False


def _rewrite(
    conn: sa.Connection, table: str, source: str, targets: tuple[str, ...],
    convert: Callable[[Any], dict[str, Any]],
) -> None:
    """Sets ``targets`` from ``source`` on every row where it is set, ``BATCH`` rows at a time."""
    last = 0
    sets = ", ".join(f"{t} = :{t}" for t in targets)
    update = sa.text(f"UPDATE {table} SET {sets} WHERE id = :id")
    while True:
        rows = conn.execute(
            sa.text(
                f"SELECT id, {source} FROM {table} WHERE {source} IS NOT NULL AND id > :last "
                f"ORDER BY id LIMIT {BATCH}"
            ),
            {"last": last},
        ).all()
        if not rows:
            return
        conn.execute(update, [{"id": rid, **convert(value)} for rid, value in rows])
        last = rows[-1][0]


def upgrade() -> None:
    from clerk_app.persistence.pii import register

    conn = op.get_bind()
    pii = _pii() if _has_clear_values(conn) else None  # refused here, before any change
    sqlite = conn.dialect.name == "sqlite"
    if sqlite:  # the pages and cells the clear values leave are zeroed, not left in the file
        conn.exec_driver_sql("PRAGMA secure_delete=ON")
    op.create_table(
        "pii_keys",
        sa.Column("key_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("purpose", sa.String(length=8), nullable=False),
        sa.Column("check_value", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("key_id", name=op.f("pk_pii_keys")),
    )
    for table, _clear, enc, digest, _name in COLUMNS:
        op.add_column(table, sa.Column(enc, sa.LargeBinary(), nullable=True))
        op.add_column(table, sa.Column(digest, sa.String(length=64), nullable=True))
    if pii is not None:
        register(conn, pii.keys, datetime.now(UTC).replace(tzinfo=None))
        for table, clear, enc, digest, name in COLUMNS:
            _rewrite(
                conn,
                table,
                clear,
                (enc, digest),
                lambda v, n=name, e=enc, d=digest: {e: pii.seal(v, n), d: pii.lookup(v)},
            )
    op.drop_index("ix_tickets_identity", table_name="tickets")
    op.create_index(
        "ix_tickets_identity",
        "tickets",
        ["identity_hash", "service_date"],
        postgresql_where=sa.text("identity_hash IS NOT NULL"),
        sqlite_where=sa.text("identity_hash IS NOT NULL"),
    )
    # Native DROP COLUMN (SQLite 3.35+): the tickets table keeps its partial indexes as they are.
    op.execute("ALTER TABLE tickets DROP COLUMN identity_value")
    op.execute("ALTER TABLE appointments DROP COLUMN identity_value")
    with op.batch_alter_table("cases") as batch:
        batch.drop_index("ix_cases_applicant_id_value")
        batch.drop_column("applicant_id_value")
        batch.drop_column("agent_id_value")
        batch.alter_column("applicant_id_enc", existing_type=sa.LargeBinary(), nullable=False)
        batch.alter_column(
            "applicant_id_hash", existing_type=sa.String(length=64), nullable=False
        )
        batch.create_index("ix_cases_applicant_id_hash", ["applicant_id_hash"], unique=False)
    if sqlite:
        conn.exec_driver_sql("PRAGMA secure_delete=OFF")


def downgrade() -> None:
    conn = op.get_bind()
    has_values = conn.execute(sa.text("SELECT 1 FROM cases LIMIT 1")).first() is not None
    has_values = has_values or conn.execute(
        sa.text("SELECT 1 FROM tickets WHERE identity_enc IS NOT NULL LIMIT 1")
    ).first() is not None
    pii = _pii() if has_values else None
    op.add_column("tickets", sa.Column("identity_value", sa.String(length=32), nullable=True))
    op.add_column("appointments", sa.Column("identity_value", sa.String(length=32), nullable=True))
    op.add_column("cases", sa.Column("applicant_id_value", sa.String(length=32), nullable=True))
    op.add_column("cases", sa.Column("agent_id_value", sa.String(length=32), nullable=True))
    if pii is not None:
        for table, clear, enc, _digest, name in COLUMNS:
            _rewrite(conn, table, enc, (clear,), lambda v, n=name, c=clear: {c: pii.open(v, n)})
    op.drop_index("ix_tickets_identity", table_name="tickets")
    op.create_index(
        "ix_tickets_identity",
        "tickets",
        ["identity_value", "service_date"],
        postgresql_where=sa.text("identity_value IS NOT NULL"),
        sqlite_where=sa.text("identity_value IS NOT NULL"),
    )
    for table in ("tickets", "appointments"):
        op.execute(f"ALTER TABLE {table} DROP COLUMN identity_hash")
        op.execute(f"ALTER TABLE {table} DROP COLUMN identity_enc")
    with op.batch_alter_table("cases") as batch:
        batch.drop_index("ix_cases_applicant_id_hash")
        for column in ("applicant_id_enc", "applicant_id_hash", "agent_id_enc", "agent_id_hash"):
            batch.drop_column(column)
        batch.alter_column("applicant_id_value", existing_type=sa.String(length=32), nullable=False)
        batch.create_index("ix_cases_applicant_id_value", ["applicant_id_value"], unique=False)
    op.drop_table("pii_keys")
