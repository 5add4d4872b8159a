"""appointments booked at the hall (phone, channel, cancellation) and credit entries expired

Issue 14: an appointment booked at a counter or by phone records the applicant's phone, the
channel and who booked it; a cancelled one is kept (``cancelled_at``) so the kiosk refuses it.
A credit entry the admin ends (失效) keeps its platform dates and records the first day it no
longer counts (``expired_on``) with the reason, so re-importing the platform's file cannot
revive it.

Revision ID: 0015
Revises: 0013
Create Date: 2026-12-03 19:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0015'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("appointments") as batch:
        batch.add_column(sa.Column("phone", sa.String(length=20), nullable=False, server_default=""))
        batch.add_column(
            sa.Column("channel", sa.String(length=16), nullable=False, server_default="online")
        )
        batch.add_column(
            sa.Column("booked_by", sa.String(length=64), nullable=False, server_default="")
        )
        batch.add_column(sa.Column("cancelled_at", sa.DateTime(), nullable=True))
        batch.add_column(
            sa.Column("cancel_reason", sa.String(length=200), nullable=False, server_default="")
        )
    with op.batch_alter_table("credit_list_entries") as batch:
        batch.add_column(sa.Column("expired_on", sa.Date(), nullable=True))
        batch.add_column(sa.Column("expire_reason", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("credit_list_entries") as batch:
        batch.drop_column("expire_reason")
        batch.drop_column("expired_on")
    with op.batch_alter_table("appointments") as batch:
        for name in ("cancel_reason", "cancelled_at", "booked_by", "channel", "phone"):
            batch.drop_column(name)
