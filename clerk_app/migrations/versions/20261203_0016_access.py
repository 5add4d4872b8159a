"""Access (issue 16): users.session_version, so open sessions end with the access they had

Disabling an account or changing its password bumps the version; every action of a session
signed in under an older version is refused (``services.auth.session_check``).
tickets.reprint_token_hash: a kiosk reprints only a ticket it issued, by the token it got.

Revision ID: 0016
Revises: 0010
Create Date: 2026-12-03 19:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0016'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.add_column(
            sa.Column("session_version", sa.Integer(), nullable=False, server_default="0")
        )
    with op.batch_alter_table("tickets") as batch:
        batch.add_column(sa.Column("reprint_token_hash", sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("tickets") as batch:
        batch.drop_column("reprint_token_hash")
    with op.batch_alter_table("users") as batch:
        batch.drop_column("session_version")
