"""queue tickets appointments calls sequences

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26 16:11:25.940198
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('daily_sequences',
    sa.Column('scope', sa.String(length=32), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('last_value', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('scope', 'day', name=op.f('pk_daily_sequences'))
    )
    op.create_table('appointments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=16), nullable=False),
    sa.Column('category_id', sa.Integer(), nullable=False),
    sa.Column('applicant_name', sa.String(length=100), nullable=False),
    sa.Column('identity_value', sa.String(length=32), nullable=True),
    sa.Column('slot_start', sa.DateTime(), nullable=False),
    sa.Column('slot_end', sa.DateTime(), nullable=False),
    sa.Column('checked_in_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['category_id'], ['queue_categories.id'], name=op.f('fk_appointments_category_id_queue_categories')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_appointments')),
    sa.UniqueConstraint('code', name=op.f('uq_appointments_code'))
    )
    op.create_table('call_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('ticket_id', sa.Integer(), nullable=False),
    sa.Column('ticket_number', sa.String(length=8), nullable=False),
    sa.Column('counter_number', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.ForeignKeyConstraint(['ticket_id'], ['tickets.id'], name=op.f('fk_call_events_ticket_id_tickets')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_call_events'))
    )
    with op.batch_alter_table('counters', schema=None) as batch_op:
        batch_op.add_column(sa.Column('paused', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('clerk_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('last_heartbeat', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('current_ticket_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_counters_current_ticket_id_tickets'), 'tickets', ['current_ticket_id'], ['id'], use_alter=True)
        batch_op.create_foreign_key(batch_op.f('fk_counters_clerk_id_users'), 'users', ['clerk_id'], ['id'])

    with op.batch_alter_table('tickets', schema=None) as batch_op:
        batch_op.add_column(sa.Column('appointment_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('transferred_to_counter', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('queue_position_at', sa.DateTime(), nullable=False))
        batch_op.add_column(sa.Column('printed_count', sa.Integer(), nullable=False, server_default='0'))
        batch_op.create_index('ix_tickets_claim', ['status', 'service_date', 'category_id'], unique=False)
        batch_op.create_index('ix_tickets_identity', ['identity_value', 'service_date'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_tickets_appointment_id_appointments'), 'appointments', ['appointment_id'], ['id'])


def downgrade() -> None:
    with op.batch_alter_table('tickets', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_tickets_appointment_id_appointments'), type_='foreignkey')
        batch_op.drop_index('ix_tickets_identity')
        batch_op.drop_index('ix_tickets_claim')
        batch_op.drop_column('printed_count')
        batch_op.drop_column('queue_position_at')
        batch_op.drop_column('transferred_to_counter')
        batch_op.drop_column('appointment_id')

    with op.batch_alter_table('counters', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_counters_clerk_id_users'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_counters_current_ticket_id_tickets'), type_='foreignkey')
        batch_op.drop_column('current_ticket_id')
        batch_op.drop_column('last_heartbeat')
        batch_op.drop_column('clerk_id')
        batch_op.drop_column('paused')

    op.drop_table('call_events')
    op.drop_table('appointments')
    op.drop_table('daily_sequences')
