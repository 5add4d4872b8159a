"""catalog: each item's search text (code, name, pinyin initials of the name), stored

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

from clerk_app.domain.pinyin import search_text

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("service_items") as batch_op:
        batch_op.add_column(
            sa.Column("search_text", sa.Text(), nullable=False, server_default="")
        )
    items = sa.table(
        "service_items", sa.column("id", sa.Integer), sa.column("item_code", sa.String), sa.column("name", sa.String),
        sa.column("search_text", sa.Text),
    )
    bind = op.get_bind()
    rows = bind.execute(sa.select(items.c.id, items.c.item_code, items.c.name)).all()
    for row_id, code, name in rows:
        bind.execute(
            items.update().where(items.c.id == row_id).values(search_text=search_text(code, name))
        )


def downgrade() -> None:
    with op.batch_alter_table("service_items") as batch_op:
        batch_op.drop_column("search_text")
