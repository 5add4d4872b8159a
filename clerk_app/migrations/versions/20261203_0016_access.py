"""Access (issue 16): users.session_version, so open sessions end with the access they had

Disabling an account or changing its password bumps the version; every action of a session
signed in under an older version is refused (``services.auth.session_check``).
tickets.reprint_token_hash: a kiosk reprints only a ticket it issued, by the token it got.
signing_keys: the documents' QR keys by id, out of hall_settings (which a kiosk reads); the
hall's key so far becomes K1, so every paper printed before keeps verifying.
PostgreSQL: clerk_tickets_held(id hash, day), the daily per-ID ticket count for a kiosk whose
database role may not read tickets' ID numbers (``clerk db grants``).

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-03 19:00:00
"""

from __future__ import annotations

from datetime import datetime, timezone

import sqlalchemy as sa
from alembic import op

revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None

_SECRET_KEY = 'document.secret'
_settings = sa.table('hall_settings', sa.column('key', sa.String), sa.column('value', sa.JSON))


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.add_column(
            sa.Column("session_version", sa.Integer(), nullable=False, server_default="0")
        )
    with op.batch_alter_table("tickets") as batch:
        batch.add_column(sa.Column("reprint_token_hash", sa.String(length=64), nullable=True))
    keys = op.create_table(
        "signing_keys",
        sa.Column("key_id", sa.String(length=8), nullable=False),
        sa.Column("secret", sa.String(length=128), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("key_id", name=op.f("pk_signing_keys")),
    )
    bind = op.get_bind()
    old = bind.execute(sa.select(_settings.c.value).where(_settings.c.key == _SECRET_KEY)).first()
    if old is not None and old[0]:
        now = datetime.now(timezone.utc).replace(tzinfo=None)
        op.bulk_insert(keys, [{"key_id": "K1", "secret": str(old[0]), "created_at": now}])
        op.execute(_settings.delete().where(_settings.c.key == _SECRET_KEY))


    if bind.dialect.name == "postgresql":
        op.execute(_HELD)
        op.execute("REVOKE ALL ON FUNCTION clerk_tickets_held(text, date) FROM PUBLIC")


_HELD = """
CREATE OR REPLACE FUNCTION clerk_tickets_held(p_identity_hash text, p_day date) RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT count(*) FROM tickets WHERE identity_hash = p_identity_hash AND service_date = p_day
$$
"""


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS clerk_tickets_held(text, date)")
    bind = op.get_bind()
    first = bind.execute(sa.text("SELECT secret FROM signing_keys WHERE key_id = 'K1'")).first()
    if first is not None:
        op.bulk_insert(_settings, [{"key": _SECRET_KEY, "value": first[0]}])
    op.drop_table("signing_keys")
    with op.batch_alter_table("tickets") as batch:
        batch.drop_column("reprint_token_hash")
    with op.batch_alter_table("users") as batch:
        batch.drop_column("session_version")
