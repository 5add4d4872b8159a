"""acceptance: applicant and decision fields on cases, credit list details, working-day overrides

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26 16:17:28.992666
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('calendar_years',
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('complete', sa.Boolean(), nullable=False),
    sa.Column('declared_by', sa.String(length=64), nullable=False),
    sa.Column('declared_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('year', name=op.f('pk_calendar_years'))
    )
    op.create_table('workday_overrides',
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('is_workday', sa.Boolean(), nullable=False),
    sa.Column('note', sa.String(length=200), nullable=False),
    sa.PrimaryKeyConstraint('day', name=op.f('pk_workday_overrides'))
    )
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.add_column(sa.Column('bundle_no', sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column('legal_representative', sa.String(length=100), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('agent_name', sa.String(length=100), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('agent_id_value', sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column('commitment_signed', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('decision_reason', sa.Text(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('decision_basis', sa.Text(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('competent_body', sa.String(length=200), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('permit_no', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('updated_at', sa.DateTime(), nullable=True))
        batch_op.create_index(batch_op.f('ix_cases_applicant_id_value'), ['applicant_id_value'], unique=False)
        batch_op.create_index(batch_op.f('ix_cases_bundle_no'), ['bundle_no'], unique=False)
        batch_op.create_index(batch_op.f('ix_cases_state'), ['state'], unique=False)
        batch_op.create_index(batch_op.f('ix_cases_ticket_id'), ['ticket_id'], unique=False)
        batch_op.create_unique_constraint(batch_op.f('uq_cases_permit_no'), ['permit_no'])

    with op.batch_alter_table('credit_list_entries', schema=None) as batch_op:
        batch_op.add_column(sa.Column('enterprise_name', sa.String(length=200), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('case_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('created_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('created_by', sa.String(length=64), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('repaired_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('repair_note', sa.Text(), nullable=False, server_default=''))
        batch_op.create_foreign_key(batch_op.f('fk_credit_list_entries_case_id_cases'), 'cases', ['case_id'], ['id'])

    with op.batch_alter_table('submissions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('initial_status', sa.String(length=16), nullable=False, server_default=''))


def downgrade() -> None:
    with op.batch_alter_table('submissions', schema=None) as batch_op:
        batch_op.drop_column('initial_status')

    with op.batch_alter_table('credit_list_entries', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_credit_list_entries_case_id_cases'), type_='foreignkey')
        batch_op.drop_column('repair_note')
        batch_op.drop_column('repaired_at')
        batch_op.drop_column('created_by')
        batch_op.drop_column('created_at')
        batch_op.drop_column('case_id')
        batch_op.drop_column('enterprise_name')

    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_cases_permit_no'), type_='unique')
        batch_op.drop_index(batch_op.f('ix_cases_ticket_id'))
        batch_op.drop_index(batch_op.f('ix_cases_state'))
        batch_op.drop_index(batch_op.f('ix_cases_bundle_no'))
        batch_op.drop_index(batch_op.f('ix_cases_applicant_id_value'))
        batch_op.drop_column('updated_at')
        batch_op.drop_column('permit_no')
        batch_op.drop_column('competent_body')
        batch_op.drop_column('decision_basis')
        batch_op.drop_column('decision_reason')
        batch_op.drop_column('commitment_signed')
        batch_op.drop_column('agent_id_value')
        batch_op.drop_column('agent_name')
        batch_op.drop_column('legal_representative')
        batch_op.drop_column('bundle_no')

    op.drop_table('workday_overrides')
    op.drop_table('calendar_years')
