"""audit_log: role, counter and the SM3 hash chain; on PostgreSQL the app may only add rows

Every audit row gets the role and counter of who acted, a sequence number, the hash of the row
before it and its own hash (``clerk_app.domain.audit_chain``), so an edited, deleted or inserted
row is found by ``clerk audit verify`` (issue 16). The rows already there are chained here in
id order (role and counter unknown: NULL).

On PostgreSQL the log becomes append-only for everyone but its owner (the role that runs the
migrations): UPDATE, DELETE and TRUNCATE on ``audit_log`` are revoked from PUBLIC, from every
role that holds a privilege on a hall table (the application's roles), and from the roles
named in ``$CLERK_APP_ROLES`` (comma-separated), which get SELECT and INSERT (and the id
sequence): ``clerk_app.services.audit_log.restrict_audit_log`` does it, and ``clerk audit
restrict`` again after new roles are added. ``audit_chain_head()`` takes the writers' lock and
reads the head in one round trip (``clerk_app.services.audit``).

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03 19:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    from clerk_app.services.audit import PG_HEAD_FUNCTION
    from clerk_app.services.audit_log import chain_existing_rows, restrict_audit_log

    with op.batch_alter_table("audit_log") as batch:
        batch.add_column(sa.Column("role", sa.String(length=16), nullable=True))
        batch.add_column(sa.Column("counter", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("seq", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("prev_hash", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("hash", sa.String(length=64), nullable=True))
    bind = op.get_bind()
    chain_existing_rows(bind)
    with op.batch_alter_table("audit_log") as batch:
        batch.alter_column("seq", existing_type=sa.Integer(), nullable=False)
        batch.alter_column("prev_hash", existing_type=sa.String(length=64), nullable=False)
        batch.alter_column("hash", existing_type=sa.String(length=64), nullable=False)
        batch.create_unique_constraint(batch.f("uq_audit_log_seq"), ["seq"])
    if bind.dialect.name == "postgresql":
        op.execute(PG_HEAD_FUNCTION)
        restrict_audit_log(bind)


def downgrade() -> None:
    # (The revoked privileges stay revoked: the owner grants them again if it wants.)
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS audit_chain_head()")
    with op.batch_alter_table("audit_log") as batch:
        batch.drop_constraint(batch.f("uq_audit_log_seq"), type_="unique")
        batch.drop_column("hash")
        batch.drop_column("prev_hash")
        batch.drop_column("seq")
        batch.drop_column("counter")
        batch.drop_column("role")
