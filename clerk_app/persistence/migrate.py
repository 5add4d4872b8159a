"""Creates or upgrades a hall's schema with Alembic; safe when many PCs start at once.

A PC whose hall is already current reads one row (``alembic_version``) and never imports
Alembic (about 0.2 s of every start); ``SCHEMA_HEAD`` names the newest migration, and a test
keeps it equal to Alembic's own head.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

from clerk_app.persistence.database import Database, translate_db_errors

if TYPE_CHECKING:
    from alembic.config import Config

    from clerk_app.persistence.pii import PiiKeys

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"
#: The revision of the newest file in ``migrations/versions`` (``tests/test_migrations.py``).
SCHEMA_HEAD = "0018"
# Any constant works; it only has to be the same on every PC of the hall.
_PG_MIGRATION_LOCK = 0x6C65726B


def alembic_config() -> Config:
    from alembic.config import Config  # Alembic loads only to migrate

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("file_template", "%%(year)d%%(month).2d%%(day).2d_%%(rev)s_%%(slug)s")
    return cfg


def head_revision() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(connection: Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(connection).get_current_revision()


def is_current(db: Database) -> bool:
    """Whether the schema is at ``SCHEMA_HEAD``, read without Alembic (no table: not current)."""
    with translate_db_errors(db), db.read_engine.connect() as connection:
        try:
            versions = connection.execute(text("SELECT version_num FROM alembic_version"))
            return [v for (v,) in versions] == [SCHEMA_HEAD]
        except DBAPIError:  # no table yet: a new database
            return False


def upgrade(db: Database, revision: str = "head", *, pii_keys: PiiKeys | None = None) -> None:
    """Brings the schema to ``revision``; concurrent callers wait for each other.

    ``pii_keys``: the keys that seal the ID numbers a migration encrypts (0012); without them
    it reads the configured key file (``clerk_app.config.pii_keys_path``).

    SQLite: the write engine begins with BEGIN IMMEDIATE, so a second PC's upgrade waits on the
    busy timeout and then finds the schema current. PostgreSQL: a session advisory lock.
    A schema already at the head is left alone without loading Alembic.
    """
    if revision == "head" and is_current(db):
        return
    from alembic import command

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
            cfg.attributes["pii_keys"] = pii_keys
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
