"""queue: ticket indexes a call writes less to; audit rows carry the request id of their action

* ``ix_tickets_waiting_category``: without it PostgreSQL read a category's head from
  ``ix_tickets_waiting_order`` (all waiting tickets of the day in place order) and filtered by
  category, so a claim stepped over every waiting ticket of the other categories first and
  got slower as a category ran dry. It also serves the board's waiting counts, so the wide
  ``ix_tickets_claim``, which every status change wrote to, goes; the board's recent service
  times get ``ix_tickets_finished`` (finished tickets only).
* ``ix_tickets_identity`` holds real-name tickets only: a call no longer writes an entry for
  each anonymous ticket it touches.
* ``audit_log.request_id``: call-next on PostgreSQL is one autocommit statement; if the
  connection breaks while it runs, its audit rows, found by time and request id, tell whether
  it committed.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-27 12:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_tickets_claim", table_name="tickets")
    op.drop_index("ix_tickets_identity", table_name="tickets")
    op.create_index(
        "ix_tickets_identity",
        "tickets",
        ["identity_value", "service_date"],
        postgresql_where=sa.text("identity_value IS NOT NULL"),
        sqlite_where=sa.text("identity_value IS NOT NULL"),
    )
    op.create_index(
        "ix_tickets_finished",
        "tickets",
        ["service_date", "category_id", "finished_at"],
        postgresql_where=sa.text("status = 'finished'"),
        sqlite_where=sa.text("status = 'finished'"),
    )
    op.create_index(
        "ix_tickets_waiting_category",
        "tickets",
        ["service_date", "category_id", "queue_position_at", "id"],
        postgresql_where=sa.text("status = 'waiting'"),
        sqlite_where=sa.text("status = 'waiting'"),
    )
    with op.batch_alter_table("audit_log") as batch_op:
        batch_op.add_column(sa.Column("request_id", sa.String(length=32), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("audit_log") as batch_op:
        batch_op.drop_column("request_id")
    op.drop_index("ix_tickets_waiting_category", table_name="tickets")
    op.drop_index("ix_tickets_finished", table_name="tickets")
    op.drop_index("ix_tickets_identity", table_name="tickets")
    op.create_index("ix_tickets_identity", "tickets", ["identity_value", "service_date"])
    op.create_index(
        "ix_tickets_claim",
        "tickets",
        ["status", "service_date", "category_id", "queue_position_at", "id"],
    )
