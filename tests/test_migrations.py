"""Migrations build the schema from empty on SQLite and PostgreSQL, matching the models."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text

from clerk_app.api import open_hall
from clerk_app.persistence.database import Database
from clerk_app.persistence.migrate import current_revision, head_revision, upgrade
from clerk_app.persistence.models import Base


def test_upgrade_from_empty_reaches_head_and_matches_models(db_url: str) -> None:
    db = Database(db_url)
    with db.read_engine.connect() as conn:
        assert inspect(conn).get_table_names() == []
    upgrade(db)
    with db.read_engine.connect() as conn:
        assert current_revision(conn) == head_revision()
        tables = set(inspect(conn).get_table_names())
        assert set(Base.metadata.tables) <= tables
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        assert diff == [], diff
    db.dispose()


def test_opening_twice_is_a_no_op_upgrade(db_url: str) -> None:
    open_hall(db_url).close()
    hall = open_hall(db_url)
    with hall.db.read_engine.connect() as conn:
        assert current_revision(conn) == head_revision()
    hall.close()


def test_sqlite_runs_in_wal_with_foreign_keys(tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = Database(f"sqlite:///{tmp_path / 'x.db'}")
    with db.write_engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 30000
    db.dispose()


def test_upgrade_keeps_the_data_of_an_existing_hall(db_url: str) -> None:
    """A hall created at the first revision, with counters in use, upgrades to head intact."""
    db = Database(db_url)
    upgrade(db, "0001")
    with db.write() as s:
        s.execute(
            text(
                "INSERT INTO queue_categories (id, prefix, name, sort_order) "
                "VALUES (1, 'A', '企业开办', 0)"
            )
        )
        s.execute(
            text("INSERT INTO counters (id, number, name, active) VALUES (1, 1, '综合窗口1', true)")
        )
        s.execute(
            text(
                "INSERT INTO counter_categories (counter_id, category_id, position) "
                "VALUES (1, 1, 0)"
            )
        )
    upgrade(db)
    with db.read() as s:
        assert s.execute(text("SELECT number, name, paused FROM counters")).all() == [
            (1, "综合窗口1", False)
        ]
        assert s.execute(text("SELECT counter_id, category_id FROM counter_categories")).all() == [
            (1, 1)
        ]
    with db.write_engine.connect() as conn:
        assert current_revision(conn) == head_revision()
        if db.dialect == "sqlite":
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    db.dispose()
