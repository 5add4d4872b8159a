"""A counter on SQLite loads neither SQLAlchemy's PostgreSQL dialect nor the services it
does not show at start (issue 11: a light start), in a fresh interpreter."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from clerk_app.api import open_hall

ROOT = Path(__file__).resolve().parent.parent

NOT_AT_START = (
    "sqlalchemy.dialects.postgresql",
    "alembic",
    "reportlab",
    "pypinyin",
    "clerk_app.services.admin",
    "clerk_app.services.evaluations",
    "clerk_app.services.seed",
    "clerk_app.demo",
    "clerk_app.services.imports",
    "openpyxl",
    "pyqtgraph",
)


def test_a_signed_in_sqlite_counter_loads_nothing_it_does_not_use(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'hall.db'}"
    hall = open_hall(url)
    hall.seed_demo()
    hall.close()
    probe = (
        "import sys\n"
        "from clerk_app.api import open_hall\n"
        f"session = open_hall({url!r}).login('clerk01', 'demo', counter=1)\n"
        "session.queue.desk()\n"
        f"print(' '.join(m for m in {NOT_AT_START!r} if m in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.split() == []


def test_partial_indexes_get_the_predicate_of_the_database_in_use(db_url: str) -> None:
    from clerk_app.persistence.models import Ticket

    hall = open_hall(db_url)
    dialect = hall.db.dialect
    predicates = {
        index.name: str(index.dialect_options[dialect]["where"])
        for index in Ticket.__table__.indexes  # type: ignore[attr-defined]
        if "where" in index.info
    }
    assert predicates["ix_tickets_waiting_order"] == "status = 'waiting'"
    assert len(predicates) >= 5
    hall.close()
