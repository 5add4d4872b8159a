"""evaluation: 好差评 ratings with what the province needs, rectifications, the export outbox

The ``evaluations`` table of 0001 was a placeholder no code ever wrote; it is replaced by one
rating per served ticket (``uq_evaluations_ticket_id``) with the clerk, counter and a copy of
the service's cases (``evaluation_cases``). ``rectifications`` and their callback log follow
bad reviews; ``evaluation_exports`` are the batches reported to the province.

Services that ended before this upgrade were never offered a rating: the hall setting
``evaluation.first_ticket_id`` (one past the highest ticket id) keeps the 7-day default from
rating them all 基本满意 at the first sweep.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03 13:39:25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    stub_rows = bind.execute(sa.text("SELECT count(*) FROM evaluations")).scalar()
    if stub_rows:
        raise RuntimeError(
            f"the placeholder table evaluations holds {stub_rows} rows no version of the desk "
            "wrote; move them aside before upgrading"
        )
    op.drop_table('evaluations')
    highest_ticket = bind.execute(sa.text("SELECT max(id) FROM tickets")).scalar()
    if highest_ticket is not None:
        settings = sa.table("hall_settings", sa.column("key", sa.String), sa.column("value", sa.JSON))
        op.bulk_insert(settings, [{"key": "evaluation.first_ticket_id", "value": highest_ticket + 1}])

    op.create_table('evaluation_exports',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('batch_no', sa.String(length=40), nullable=False),
    sa.Column('since', sa.Date(), nullable=False),
    sa.Column('claimed_at', sa.DateTime(), nullable=False),
    sa.Column('claimed_by', sa.String(length=64), nullable=False),
    sa.Column('record_count', sa.Integer(), nullable=False),
    sa.Column('exported_at', sa.DateTime(), nullable=True),
    sa.Column('exported_by', sa.String(length=64), nullable=False),
    sa.Column('out_path', sa.Text(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_evaluation_exports')),
    sa.UniqueConstraint('batch_no', name=op.f('uq_evaluation_exports_batch_no'))
    )
    op.create_table('evaluations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('ticket_id', sa.Integer(), nullable=False),
    sa.Column('ticket_number', sa.String(length=8), nullable=False),
    sa.Column('service_date', sa.Date(), nullable=False),
    sa.Column('counter_number', sa.Integer(), nullable=False),
    sa.Column('clerk_id', sa.Integer(), nullable=True),
    sa.Column('clerk_username', sa.String(length=64), nullable=False),
    sa.Column('clerk_name', sa.String(length=64), nullable=False),
    sa.Column('level', sa.Integer(), nullable=False),
    sa.Column('reasons', sa.JSON(), nullable=False),
    sa.Column('comment', sa.Text(), nullable=False),
    sa.Column('channel', sa.String(length=32), nullable=False),
    sa.Column('defaulted', sa.Boolean(), nullable=False),
    sa.Column('served_at', sa.DateTime(), nullable=True),
    sa.Column('finished_at', sa.DateTime(), nullable=False),
    sa.Column('rated_at', sa.DateTime(), nullable=False),
    sa.Column('rated_by', sa.String(length=64), nullable=False),
    sa.Column('export_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['clerk_id'], ['users.id'], name=op.f('fk_evaluations_clerk_id_users')),
    sa.ForeignKeyConstraint(['export_id'], ['evaluation_exports.id'], name=op.f('fk_evaluations_export_id_evaluation_exports')),
    sa.ForeignKeyConstraint(['ticket_id'], ['tickets.id'], name=op.f('fk_evaluations_ticket_id_tickets')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_evaluations')),
    sa.UniqueConstraint('ticket_id', name=op.f('uq_evaluations_ticket_id'))
    )
    with op.batch_alter_table('evaluations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_evaluations_clerk_id'), ['clerk_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_evaluations_counter_number'), ['counter_number'], unique=False)
        batch_op.create_index(batch_op.f('ix_evaluations_export_id'), ['export_id'], unique=False)
        batch_op.create_index('ix_evaluations_unexported', ['rated_at'], unique=False, postgresql_where=sa.text('export_id IS NULL'), sqlite_where=sa.text('export_id IS NULL'))

    op.create_table('evaluation_cases',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('evaluation_id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('case_no', sa.String(length=40), nullable=False),
    sa.Column('item_code', sa.String(length=64), nullable=False),
    sa.Column('item_name', sa.String(length=200), nullable=False),
    sa.Column('item_kind', sa.String(length=16), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_evaluation_cases_case_id_cases')),
    sa.ForeignKeyConstraint(['evaluation_id'], ['evaluations.id'], name=op.f('fk_evaluation_cases_evaluation_id_evaluations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_evaluation_cases'))
    )
    with op.batch_alter_table('evaluation_cases', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_evaluation_cases_evaluation_id'), ['evaluation_id'], unique=False)

    op.create_table('rectifications',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('evaluation_id', sa.Integer(), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('opened_at', sa.DateTime(), nullable=False),
    sa.Column('deadline', sa.Date(), nullable=True),
    sa.Column('started_at', sa.DateTime(), nullable=True),
    sa.Column('started_by', sa.String(length=64), nullable=False),
    sa.Column('closed_at', sa.DateTime(), nullable=True),
    sa.Column('closed_by', sa.String(length=64), nullable=False),
    sa.Column('resolution', sa.Text(), nullable=False),
    sa.Column('contested_at', sa.DateTime(), nullable=True),
    sa.Column('contested_by', sa.String(length=64), nullable=False),
    sa.Column('contest_reason', sa.Text(), nullable=False),
    sa.Column('contest_decided_at', sa.DateTime(), nullable=True),
    sa.Column('contest_decided_by', sa.String(length=64), nullable=False),
    sa.Column('contest_decision', sa.String(length=16), nullable=False),
    sa.Column('contest_note', sa.Text(), nullable=False),
    sa.Column('follow_up_level', sa.Integer(), nullable=True),
    sa.Column('follow_up_at', sa.DateTime(), nullable=True),
    sa.Column('follow_up_by', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['evaluation_id'], ['evaluations.id'], name=op.f('fk_rectifications_evaluation_id_evaluations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rectifications')),
    sa.UniqueConstraint('evaluation_id', name=op.f('uq_rectifications_evaluation_id'))
    )
    with op.batch_alter_table('rectifications', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rectifications_state'), ['state'], unique=False)

    op.create_table('rectification_callbacks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('rectification_id', sa.Integer(), nullable=False),
    sa.Column('called_at', sa.DateTime(), nullable=False),
    sa.Column('caller', sa.String(length=64), nullable=False),
    sa.Column('caller_name', sa.String(length=64), nullable=False),
    sa.Column('reached', sa.Boolean(), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('recorded_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['rectification_id'], ['rectifications.id'], name=op.f('fk_rectification_callbacks_rectification_id_rectifications')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rectification_callbacks'))
    )
    with op.batch_alter_table('rectification_callbacks', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rectification_callbacks_rectification_id'), ['rectification_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('rectification_callbacks', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_rectification_callbacks_rectification_id'))

    op.drop_table('rectification_callbacks')
    with op.batch_alter_table('rectifications', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_rectifications_state'))

    op.drop_table('rectifications')
    with op.batch_alter_table('evaluation_cases', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_evaluation_cases_evaluation_id'))

    op.drop_table('evaluation_cases')
    with op.batch_alter_table('evaluations', schema=None) as batch_op:
        batch_op.drop_index('ix_evaluations_unexported', postgresql_where=sa.text('export_id IS NULL'), sqlite_where=sa.text('export_id IS NULL'))
        batch_op.drop_index(batch_op.f('ix_evaluations_export_id'))
        batch_op.drop_index(batch_op.f('ix_evaluations_counter_number'))
        batch_op.drop_index(batch_op.f('ix_evaluations_clerk_id'))

    op.drop_table('evaluations')
    op.drop_table('evaluation_exports')
    op.execute("DELETE FROM hall_settings WHERE key = 'evaluation.first_ticket_id'")
    op.create_table('evaluations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=True),
    sa.Column('ticket_id', sa.Integer(), nullable=True),
    sa.Column('counter_number', sa.Integer(), nullable=True),
    sa.Column('item_code', sa.String(length=64), nullable=True),
    sa.Column('level', sa.Integer(), nullable=False),
    sa.Column('comment', sa.Text(), nullable=False),
    sa.Column('rated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_evaluations_case_id_cases')),
    sa.ForeignKeyConstraint(['ticket_id'], ['tickets.id'], name=op.f('fk_evaluations_ticket_id_tickets')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_evaluations'))
    )
