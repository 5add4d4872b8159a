"""What differs between the hall's two databases, with each dialect's module loaded only on
the PCs that use it: SQLAlchemy's PostgreSQL dialect is about a tenth of SQLAlchemy's import,
which a counter on SQLite has no use for (``tests/test_start_imports.py``)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Table, text
from sqlalchemy.orm import DeclarativeBase, Session


def upsert(session: Session, table: Any) -> Any:
    """``INSERT`` into ``table`` (a ``Table`` or a mapped class) with the database's
    ``on_conflict_do_update``/``on_conflict_do_nothing``."""
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects import postgresql

        return postgresql.insert(table)
    from sqlalchemy.dialects import sqlite

    return sqlite.insert(table)


def use_partial_predicates(base: type[DeclarativeBase], dialect_name: str) -> None:
    """Hands each partial index's predicate (``info["where"]``, see
    ``models.partial_index``) to the dialect in use, as ``postgresql_where`` or
    ``sqlite_where``. Idempotent; the migrations create the same predicates. The dialect is
    remembered for tables mapped later (``refresh_partial_predicates``)."""
    base.metadata.info.setdefault("partial_dialects", set()).add(dialect_name)
    for table in base.metadata.tables.values():
        assert isinstance(table, Table)
        for index in table.indexes:
            where = index.info.get("where")
            if where is not None:
                index.dialect_options[dialect_name]["where"] = text(where)


def refresh_partial_predicates(base: type[DeclarativeBase]) -> None:
    """The predicates of every dialect in use so far, for tables mapped since (a module of
    models imported on first use, after a database was opened)."""
    for dialect_name in sorted(base.metadata.info.get("partial_dialects", ())):
        use_partial_predicates(base, dialect_name)
