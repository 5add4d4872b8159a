"""Migrations build the schema from empty on SQLite and PostgreSQL, matching the models."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text

from clerk_app.api import open_hall
from clerk_app.persistence.database import Database
from clerk_app.persistence.migrate import (
    SCHEMA_HEAD,
    current_revision,
    head_revision,
    is_current,
    upgrade,
)
from clerk_app.persistence.models import load_all


def test_upgrade_from_empty_reaches_head_and_matches_models(db_url: str) -> None:
    db = Database(db_url)
    with db.read_engine.connect() as conn:
        assert inspect(conn).get_table_names() == []
    upgrade(db)
    with db.read_engine.connect() as conn:
        assert current_revision(conn) == head_revision()
        tables = set(inspect(conn).get_table_names())
        assert set(load_all().metadata.tables) <= tables
        diff = compare_metadata(MigrationContext.configure(conn), load_all().metadata)
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


def test_schema_head_names_the_newest_migration() -> None:
    assert head_revision() == SCHEMA_HEAD


def test_a_current_hall_opens_without_loading_alembic(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'hall.db'}"
    open_hall(url).close()  # creates the schema (Alembic runs here)
    probe = (
        "import sys\n"
        "from clerk_app.api import open_hall\n"
        f"open_hall({url!r}).close()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('alembic', 'pypinyin')))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


def test_an_older_schema_is_upgraded_on_open(db_url: str) -> None:
    db = Database(db_url)
    upgrade(db, "0006")
    assert not is_current(db)
    upgrade(db)
    assert is_current(db)
    with db.read_engine.connect() as conn:
        assert current_revision(conn) == SCHEMA_HEAD
    db.dispose()


def test_the_search_text_of_existing_items_is_filled_in_by_the_upgrade(db_url: str) -> None:
    db = Database(db_url)
    upgrade(db, "0006")
    with db.write_engine.begin() as conn:
        conn.execute(text("INSERT INTO departments (id, code, name) VALUES (1, 'JT', '交通局')"))
        conn.execute(
            text(
                "INSERT INTO queue_categories (id, prefix, name, sort_order)"
                " VALUES (1, 'A', 'a', 0)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO service_items (id, item_code, name, department_id, category_id, kind,"
                " statutory_days, promised_days, tolerant_accept_allowed, fee_cents, legal_basis,"
                " active) VALUES (1, 'X-7', '临时占用城市道路许可', 1, 1, 'instant', 0, 0, false,"
                " 0, '', true)"
            )
        )
    upgrade(db)
    with db.read_engine.connect() as conn:
        stored = conn.execute(text("SELECT search_text FROM service_items")).scalar_one()
    assert stored.split("\n")[:3] == ["x-7", "临时占用城市道路许可", "lszycsdlxk"]
    db.dispose()
