"""queue: indexes that serve each group of the claim in serve order (no sort of the queue)

The claim (``services.queue_claim``) reads each group of the serve order from an index that
is already in that order, ``(queue_position_at, id)``: walk-ins per category from the widened
``ix_tickets_claim``; the waited-too-long group, priority tickets and tickets transferred to a
counter from partial indexes that hold only waiting tickets (a call adds nothing to them).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27 02:35:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

_PARTIAL = {
    "ix_tickets_waiting_order": (
        ["service_date", "queue_position_at", "id"],
        "status = 'waiting'",
    ),
    "ix_tickets_waiting_priority": (
        ["service_date", "queue_position_at", "id"],
        "status = 'waiting' AND priority <> 'normal'",
    ),
    "ix_tickets_waiting_transferred": (
        ["service_date", "transferred_to_counter", "queue_position_at", "id"],
        "status = 'waiting' AND transferred_to_counter IS NOT NULL",
    ),
}


def upgrade() -> None:
    op.drop_index("ix_tickets_claim", table_name="tickets")
    op.create_index(
        "ix_tickets_claim",
        "tickets",
        ["status", "service_date", "category_id", "queue_position_at", "id"],
    )
    for name, (columns, where) in _PARTIAL.items():
        op.create_index(
            name,
            "tickets",
            columns,
            postgresql_where=sa.text(where),
            sqlite_where=sa.text(where),
        )


def downgrade() -> None:
    for name in reversed(_PARTIAL):
        op.drop_index(name, table_name="tickets")
    op.drop_index("ix_tickets_claim", table_name="tickets")
    op.create_index("ix_tickets_claim", "tickets", ["status", "service_date", "category_id"])
