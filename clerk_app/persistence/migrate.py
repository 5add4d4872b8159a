"""Creates or upgrades a hall's schema with Alembic; safe when many PCs start at once."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, text

from clerk_app.persistence.database import Database, translate_db_errors

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"
# Any constant works; it only has to be the same on every PC of the hall.
_PG_MIGRATION_LOCK = 0x6C65726B


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("file_template", "%%(year)d%%(month).2d%%(day).2d_%%(rev)s_%%(slug)s")
    return cfg


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def upgrade(db: Database, revision: str = "head") -> None:
    """Brings the schema to ``revision``; concurrent callers wait for each other.

    SQLite: the write engine begins with BEGIN IMMEDIATE, so a second PC's upgrade waits on the
    busy timeout and then finds the schema current. PostgreSQL: a session advisory lock.
    """
    cfg = alembic_config()
    with translate_db_errors(db), db.write_engine.connect() as connection:
        if not db.is_postgres:
            # Batch migrations rebuild tables (copy, drop, rename); with foreign keys on, the
            # drop of a referenced table fails. Alembic's advice: switch them off for the
            # migration (outside any transaction) and check the whole file afterwards.
            _sqlite_pragma(connection, "PRAGMA foreign_keys=OFF")
        else:
            connection.execute(text("SELECT pg_advisory_lock(:k)"), {"k": _PG_MIGRATION_LOCK})
            connection.commit()
        try:
            cfg.attributes["connection"] = connection
            command.upgrade(cfg, revision)
            connection.commit()
            if not db.is_postgres:
                problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                connection.commit()
                if problems:
                    raise RuntimeError(f"foreign key violations after migration: {problems[:5]}")
        finally:
            if not db.is_postgres:
                _sqlite_pragma(connection, "PRAGMA foreign_keys=ON")
            else:
                connection.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": _PG_MIGRATION_LOCK})
                connection.commit()


def _sqlite_pragma(connection: Connection, pragma: str) -> None:
    """Runs a PRAGMA on the raw connection, outside SQLAlchemy's transaction."""
    if connection.in_transaction():
        connection.commit()
    raw = connection.connection.driver_connection
    assert raw is not None
    raw.execute(pragma)
