"""Alembic environment: runs on the connection the desk hands over (see persistence.migrate)."""

from __future__ import annotations

from alembic import context

from clerk_app.persistence.models import load_all

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - the desk always passes its connection
    raise RuntimeError("run migrations through clerk_app.persistence.migrate.upgrade()")

context.configure(
    connection=connection,
    target_metadata=load_all().metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
