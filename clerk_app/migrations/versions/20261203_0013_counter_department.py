"""counters.department_id: a departmental counter (专窗) belongs to one department

NULL is an integrated counter (综合窗口, 一窗受理), as every counter was before (issue 14).

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-03 19:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("counters") as batch:
        batch.add_column(sa.Column("department_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            "fk_counters_department_id_departments", "departments", ["department_id"], ["id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("counters") as batch:
        batch.drop_constraint("fk_counters_department_id_departments", type_="foreignkey")
        batch.drop_column("department_id")
