"""queue: an index that covers the PostgreSQL claim (filled by the queue throughput work)

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27 02:35:00
"""

from __future__ import annotations

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
