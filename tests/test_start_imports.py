"""A counter on SQLite loads neither SQLAlchemy's PostgreSQL dialect nor the services it
does not show at start (issue 11: a light start), in a fresh interpreter."""

from __future__ import annotations

import os
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


#: What a counter window does not load until the clerk reaches it: steps 2–5 of acceptance
#: (built on first use), the case and document services and the paper's data, Qt's PDF and
#: print modules. (The shell signs in without the overdue sweep and runs it after the window.)
NOT_IN_THE_FIRST_WINDOW = (
    "ui.acceptance.items_page",
    "ui.acceptance.decision_page",
    "ui.acceptance.documents_panel",
    "ui.printing.printers",
    "PySide6.QtPdf",
    "PySide6.QtPrintSupport",
    "clerk_app.services.documents.service",
    "clerk_app.services.cases.service",
    "clerk_app.documents.paper_data",
)


def test_a_counter_window_loads_the_later_steps_and_the_paper_when_first_used(
    tmp_path: Path,
) -> None:
    url = f"sqlite:///{tmp_path / 'hall.db'}"
    hall = open_hall(url)
    hall.seed_demo()
    hall.close()
    probe = (
        "import sys\n"
        "from ui.app import create_application\n"
        "from ui.main_window import MainWindow\n"
        "from clerk_app.api import open_hall\n"
        "app = create_application(sys.argv[:1], 'zh_CN')\n"
        f"hall = open_hall({url!r})\n"
        "session = hall.login('clerk01', 'demo', counter=1, sweep_overdue=False)\n"
        "window = MainWindow(session, hall.name)\n"
        "window.show()\n"
        "app.processEvents()\n"
        f"print(' '.join(m for m in {NOT_IN_THE_FIRST_WINDOW!r} if m in sys.modules))\n"
        "panel = window.findChild(__import__('ui.acceptance.acceptance_panel', fromlist=['x'])"
        ".AcceptancePanel)\n"
        "panel.go_to(4)\n"  # PREVIEW: no case shown, so it stays; the documents are built
        "panel.documents\n"
        f"print(' '.join(m for m in {NOT_IN_THE_FIRST_WINDOW!r} if m in sys.modules))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, env=env
    )
    assert out.returncode == 0, out.stderr
    first, after = out.stdout.splitlines()[-2:]
    assert first.split() == []
    assert "ui.acceptance.documents_panel" in after.split()
    assert "clerk_app.services.documents.service" in after.split()


def _fresh(code: str) -> str:
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert out.returncode == 0, out.stderr
    return out.stdout.strip()


def test_each_later_module_of_tables_brings_the_tables_its_keys_name() -> None:
    """The tables a counter's start does not map (``models.load_all``) come in modules that,
    whichever is imported first, map every table their foreign keys name: a flush then never
    meets a table missing from the metadata (NoReferencedTableError, which a first attempt at
    mapping the journey's tables later met in CI)."""
    for first in ("models_cases", "models_journey", "models_evaluations", "models_calendar"):
        code = (
            "import sqlalchemy as sa\n"
            f"from clerk_app.persistence import {first}\n"
            "from clerk_app.persistence.models import Base\n"
            "sa.orm.configure_mappers()\n"
            "for table in Base.metadata.sorted_tables:\n"
            "    for key in table.foreign_keys:\n"
            "        key.column  # raises when the table it names is not mapped\n"
            "print(' '.join(sorted(Base.metadata.tables)))\n"
        )
        tables = set(_fresh(code).split())
        assert {"tickets", "counters", "users"} <= tables, first
        if first != "models_calendar":
            assert {"cases", "packages", "tasks", "submissions"} <= tables, first


def test_the_whole_schema_is_there_for_what_needs_it() -> None:
    code = (
        "from clerk_app.persistence.models import load_all\n"
        "print(len(load_all().metadata.tables))\n"
    )
    assert int(_fresh(code)) == 34


def test_tables_mapped_after_the_database_was_opened_get_its_partial_predicates(
    tmp_path: Path,
) -> None:
    url = f"sqlite:///{tmp_path / 'hall.db'}"
    open_hall(url).close()
    code = (
        "from clerk_app.api import open_hall\n"
        f"hall = open_hall({url!r})\n"
        "import sys\n"
        "assert 'clerk_app.persistence.models_evaluations' not in sys.modules\n"
        "from clerk_app.persistence.models_evaluations import Evaluation\n"
        "[index] = [i for i in Evaluation.__table__.indexes if 'where' in i.info]\n"
        "print(index.dialect_options['sqlite']['where'])\n"
    )
    assert _fresh(code) == "export_id IS NULL"
