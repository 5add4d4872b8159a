"""case journey: 一件事 packages, department tasks, handovers, notification outbox, visits

Issue 17. ``packages`` (with their items in order and the materials they share),
``tasks`` (one per case and department: parallel approval), ``handovers`` (collected at the
window or delivered by post: one per case group, a tracking number once), ``notifications``
(the outbox to the applicant, unique by idempotency key) and ``case_visits`` (最多跑一次).
``cases`` learn their package, the package's due date, the receiving hall and the deciding
authority (通办) and a contact phone; ``users`` a reviewer's department.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-03 19:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0017'
down_revision = '0016'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('packages',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('promised_days', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_packages')),
    sa.UniqueConstraint('code', name=op.f('uq_packages_code'))
    )
    op.create_table('package_items',
    sa.Column('package_id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['item_id'], ['service_items.id'], name=op.f('fk_package_items_item_id_service_items')),
    sa.ForeignKeyConstraint(['package_id'], ['packages.id'], name=op.f('fk_package_items_package_id_packages')),
    sa.PrimaryKeyConstraint('package_id', 'item_id', name=op.f('pk_package_items'))
    )
    op.create_table('package_materials',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('package_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['package_id'], ['packages.id'], name=op.f('fk_package_materials_package_id_packages')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_package_materials'))
    )
    with op.batch_alter_table('package_materials', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_package_materials_package_id'), ['package_id'], unique=False)

    op.create_table('package_material_links',
    sa.Column('package_material_id', sa.Integer(), nullable=False),
    sa.Column('material_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['material_id'], ['materials.id'], name=op.f('fk_package_material_links_material_id_materials')),
    sa.ForeignKeyConstraint(['package_material_id'], ['package_materials.id'], name=op.f('fk_package_material_links_package_material_id_package_materials')),
    sa.PrimaryKeyConstraint('package_material_id', 'material_id', name=op.f('pk_package_material_links'))
    )

    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('department_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_users_department_id_departments'), 'departments', ['department_id'], ['id'])

    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.add_column(sa.Column('package_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('package_due', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('receiving_hall', sa.String(length=100), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('authority', sa.String(length=100), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('contact_phone', sa.String(length=20), nullable=False, server_default=''))
        batch_op.create_index(batch_op.f('ix_cases_package_id'), ['package_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_cases_package_id_packages'), 'packages', ['package_id'], ['id'])

    op.create_table('tasks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('department_id', sa.Integer(), nullable=False),
    sa.Column('state', sa.String(length=24), nullable=False),
    sa.Column('due_date', sa.Date(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=True),
    sa.Column('taken_by', sa.Integer(), nullable=True),
    sa.Column('taken_at', sa.DateTime(), nullable=True),
    sa.Column('decided_by', sa.Integer(), nullable=True),
    sa.Column('decided_at', sa.DateTime(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('legal_basis', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_tasks_case_id_cases')),
    sa.ForeignKeyConstraint(['decided_by'], ['users.id'], name=op.f('fk_tasks_decided_by_users')),
    sa.ForeignKeyConstraint(['department_id'], ['departments.id'], name=op.f('fk_tasks_department_id_departments')),
    sa.ForeignKeyConstraint(['taken_by'], ['users.id'], name=op.f('fk_tasks_taken_by_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tasks')),
    sa.UniqueConstraint('case_id', 'department_id', name=op.f('uq_tasks_case_id'))
    )
    with op.batch_alter_table('tasks', schema=None) as batch_op:
        batch_op.create_index('ix_tasks_department_state', ['department_id', 'state'], unique=False)

    op.create_table('handovers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('bundle_no', sa.String(length=40), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('method', sa.String(length=8), nullable=False),
    sa.Column('collector', sa.String(length=16), nullable=False),
    sa.Column('agent_name', sa.String(length=100), nullable=False),
    sa.Column('agent_id_masked', sa.String(length=32), nullable=False),
    sa.Column('agent_id_ref', sa.String(length=64), nullable=False),
    sa.Column('authorisation_letter', sa.Boolean(), nullable=False),
    sa.Column('tracking_no', sa.String(length=40), nullable=True),
    sa.Column('carrier', sa.String(length=40), nullable=False),
    sa.Column('ticket_id', sa.Integer(), nullable=True),
    sa.Column('counter_no', sa.Integer(), nullable=True),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('by_user', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_handovers_case_id_cases')),
    sa.ForeignKeyConstraint(['ticket_id'], ['tickets.id'], name=op.f('fk_handovers_ticket_id_tickets')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_handovers')),
    sa.UniqueConstraint('bundle_no', name=op.f('uq_handovers_bundle_no')),
    sa.UniqueConstraint('tracking_no', name=op.f('uq_handovers_tracking_no'))
    )
    op.create_table('notifications',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('idempotency_key', sa.String(length=120), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('case_no', sa.String(length=40), nullable=False),
    sa.Column('event', sa.String(length=32), nullable=False),
    sa.Column('recipient', sa.String(length=20), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('exported_at', sa.DateTime(), nullable=True),
    sa.Column('export_file', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_notifications_case_id_cases')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_notifications')),
    sa.UniqueConstraint('idempotency_key', name=op.f('uq_notifications_idempotency_key'))
    )
    with op.batch_alter_table('notifications', schema=None) as batch_op:
        batch_op.create_index('ix_notifications_pending', ['created_at', 'id'], unique=False, postgresql_where=sa.text('exported_at IS NULL'), sqlite_where=sa.text('exported_at IS NULL'))

    op.create_table('case_visits',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('ticket_id', sa.Integer(), nullable=True),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('reason', sa.String(length=16), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_case_visits_case_id_cases')),
    sa.ForeignKeyConstraint(['ticket_id'], ['tickets.id'], name=op.f('fk_case_visits_ticket_id_tickets')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_visits')),
    sa.UniqueConstraint('case_id', 'ticket_id', name=op.f('uq_case_visits_case_id'))
    )
    with op.batch_alter_table('case_visits', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_visits_case_id'), ['case_id'], unique=False)


def downgrade() -> None:
    op.drop_table('case_visits')
    op.drop_table('notifications')
    op.drop_table('handovers')
    op.drop_table('tasks')
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_cases_package_id_packages'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_cases_package_id'))
        batch_op.drop_column('contact_phone')
        batch_op.drop_column('authority')
        batch_op.drop_column('receiving_hall')
        batch_op.drop_column('package_due')
        batch_op.drop_column('package_id')
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_users_department_id_departments'), type_='foreignkey')
        batch_op.drop_column('department_id')
    op.drop_table('package_material_links')
    op.drop_table('package_materials')
    op.drop_table('package_items')
    op.drop_table('packages')
