"""service_items.authority: the item's acting body (实施主体), the city or a district

The catalog names who decides an item (issue 14); imports and exports carry it as 实施主体.
Empty for the items already in a hall: nobody has said yet.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03 16:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("service_items") as batch:
        batch.add_column(
            sa.Column("authority", sa.String(length=100), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("service_items") as batch:
        batch.drop_column("authority")
