"""catalog: the pinyin initials of each item's name, stored for the search

A counter's catalog search filtered every item in Python, computing initials with pypinyin on
each keystroke (150–450 ms at 1,016 items, and ~0.3 s of start-up to load its dictionary).
The initials are now computed when a name is written and searched with LIKE.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03 12:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from clerk_app.domain.pinyin import search_initials

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("service_items") as batch_op:
        batch_op.add_column(
            sa.Column("name_initials", sa.Text(), nullable=False, server_default="")
        )
    items = sa.table(
        "service_items", sa.column("id", sa.Integer), sa.column("name", sa.String),
        sa.column("name_initials", sa.Text),
    )
    bind = op.get_bind()
    rows = bind.execute(sa.select(items.c.id, items.c.name)).all()
    for row_id, name in rows:
        bind.execute(
            items.update().where(items.c.id == row_id).values(name_initials=search_initials(name))
        )


def downgrade() -> None:
    with op.batch_alter_table("service_items") as batch_op:
        batch_op.drop_column("name_initials")
