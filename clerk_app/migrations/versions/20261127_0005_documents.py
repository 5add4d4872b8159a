"""documents: print records, permit details of instant cases, the hall's document secret

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27 10:00:00
"""

from __future__ import annotations

import secrets

import sqlalchemy as sa
from alembic import op


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

_SECRET_KEY = 'document.secret'  # the HMAC key of the QR payloads; never printed or logged


def upgrade() -> None:
    op.create_table('printed_documents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('case_no', sa.String(length=40), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('title', sa.String(length=100), nullable=False),
    sa.Column('issued_on', sa.Date(), nullable=False),
    sa.Column('printed_at', sa.DateTime(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('printed_by', sa.String(length=64), nullable=False),
    sa.Column('counter_no', sa.Integer(), nullable=True),
    sa.Column('reprint', sa.Boolean(), nullable=False),
    sa.Column('reprint_of', sa.Integer(), nullable=True),
    sa.Column('content', sa.JSON(), nullable=False),
    sa.Column('content_sha256', sa.String(length=64), nullable=False),
    sa.Column('pdf_sha256', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_printed_documents_case_id_cases')),
    sa.ForeignKeyConstraint(['reprint_of'], ['printed_documents.id'], name=op.f('fk_printed_documents_reprint_of_printed_documents')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_printed_documents_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_printed_documents'))
    )
    with op.batch_alter_table('printed_documents', schema=None) as batch_op:
        batch_op.create_index('ix_printed_documents_case_kind', ['case_id', 'kind'], unique=False)

    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.add_column(sa.Column('permit_details', sa.JSON(), nullable=True))

    # Every hall gets its own key now; the service also creates one lazily if it is missing.
    settings = sa.table('hall_settings', sa.column('key', sa.String), sa.column('value', sa.JSON))
    bind = op.get_bind()
    present = bind.execute(
        sa.select(settings.c.key).where(settings.c.key == _SECRET_KEY)
    ).first()
    if present is None:
        op.bulk_insert(settings, [{'key': _SECRET_KEY, 'value': secrets.token_hex(32)}])


def downgrade() -> None:
    settings = sa.table('hall_settings', sa.column('key', sa.String))
    op.execute(settings.delete().where(settings.c.key == _SECRET_KEY))
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.drop_column('permit_details')

    with op.batch_alter_table('printed_documents', schema=None) as batch_op:
        batch_op.drop_index('ix_printed_documents_case_kind')

    op.drop_table('printed_documents')
