"""Imports and exports of the catalog, the credit list and appointments (admins only).

Each import is one user action: the file is read and every row validated first, then
compared with the database and applied in ONE write transaction with its audit record, or
refused whole (``ImportRefused`` with the report) with the database unchanged. A file that
changes nothing writes nothing, not even an audit record: importing it again is a no-op.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import text
from sqlalchemy.orm import Session

from clerk_app.domain.roles import Permission
from clerk_app.services import audit
from clerk_app.services.base import Service
from clerk_app.services.imports import appointments, catalog, catalog_sync, credit_list
from clerk_app.services.imports.report import ImportRefused, ImportReport
from clerk_app.services.imports.table import Column, SourceRow, read_table
from clerk_app.services.imports.writing import check_target, write_rows

#: ``progress(rows_done, rows_total)``: called while the rows are checked, then once at the end.
Progress = Callable[[int, int], None]
#: ``stage(name)``: the import moved on to ``name`` (one of ``STAGES``), for a progress bar
#: that has no row count to show while the database is compared and written.
Stage = Callable[[str], None]
STAGES = ("reading", "checking", "comparing", "writing", "analyzing")
_PROGRESS_EVERY = 100
#: After a PostgreSQL import that added or changed this many rows, its tables are analyzed:
#: the planner's statistics of an empty (or much smaller) table made searches slow.
ANALYZE_AFTER_ROWS = 200
_TABLES = {
    "catalog": ("departments", "queue_categories", "service_items", "materials"),
    "credit_list": ("credit_list_entries",),
    "appointments": ("appointments",),
}


class _Changes(Protocol):
    added: list[str]
    updated: dict[str, dict[str, Any]]
    unchanged: int


def _counted(rows: list[SourceRow], progress: Progress | None) -> Iterator[SourceRow]:
    total = len(rows)
    for done, row in enumerate(rows, start=1):
        yield row
        if progress is not None and done % _PROGRESS_EVERY == 0:
            progress(done, total)


class ImportService(Service):
    """``import_*`` read a file and return its ``ImportReport``; ``export_*`` write one."""

    def import_catalog(
        self,
        path: Path,
        *,
        dry_run: bool = False,
        progress: Progress | None = None,
        stage: Stage | None = None,
    ) -> ImportReport:
        """Departments, items and materials (``services.imports.catalog`` has the layout)."""
        self.actor.require(Permission.MANAGE_CATALOG)
        return self._import(
            "catalog",
            path,
            catalog.LAYOUT,
            catalog.parse,
            lambda s, parsed, report, apply: catalog_sync.sync(s, parsed, report, apply=apply),
            dry_run,
            progress,
            stage,
        )

    def import_credit_list(
        self,
        path: Path,
        *,
        dry_run: bool = False,
        progress: Progress | None = None,
        stage: Stage | None = None,
    ) -> ImportReport:
        """Red- and black-list entries in the credit platform's layout."""
        self.actor.require(Permission.MANAGE_CREDIT_LIST)
        now = self.clock()
        return self._import(
            "credit_list",
            path,
            credit_list.LAYOUT,
            credit_list.parse,
            lambda s, parsed, report, apply: credit_list.sync(
                s, parsed, report, apply=apply, actor=self.actor.username, now=now
            ),
            dry_run,
            progress,
            stage,
        )

    def import_appointments(
        self,
        path: Path,
        *,
        dry_run: bool = False,
        progress: Progress | None = None,
        stage: Stage | None = None,
    ) -> ImportReport:
        """Bookings from the online booking system's file."""
        self.actor.require(Permission.MANAGE_APPOINTMENTS)
        now = self.clock()
        return self._import(
            "appointments",
            path,
            appointments.LAYOUT,
            lambda rows, headers, report: appointments.parse(rows, headers, report, now),
            lambda s, parsed, report, apply: appointments.sync(s, parsed, report, apply=apply),
            dry_run,
            progress,
            stage,
        )

    def export_catalog(self, path: Path) -> int:
        """Writes the whole catalog in the import's layout; returns the rows written."""
        self.actor.require(Permission.MANAGE_CATALOG)
        check_target(path)
        with self.db.read() as s:
            rows = catalog_sync.export_rows(s)
        write_rows(path, rows, "事项目录")
        return len(rows) - 1

    def export_credit_list(self, path: Path) -> int:
        """Writes the red and black lists in the credit platform's layout."""
        self.actor.require(Permission.MANAGE_CREDIT_LIST)
        check_target(path)
        with self.db.read() as s:
            rows = credit_list.export_rows(s)
        write_rows(path, rows, "信用名单")
        return len(rows) - 1

    def _import(
        self,
        kind: str,
        path: Path,
        layout: tuple[Column, ...],
        parse: Callable[[Iterable[SourceRow], dict[str, str], ImportReport], Any],
        sync: Callable[[Session, Any, ImportReport, bool], _Changes],
        dry_run: bool,
        progress: Progress | None,
        stage: Stage | None,
    ) -> ImportReport:
        def moved(name: str) -> None:
            if stage is not None:
                stage(name)

        report = ImportReport(kind, str(path), dry_run=dry_run)
        moved("reading")
        table = read_table(path, layout, kind)  # refuses a file it cannot read
        report.rows = len(table.rows)
        moved("checking")
        parsed = parse(_counted(table.rows, progress), table.headers, report)
        if report.problems:
            raise ImportRefused(report)
        moved("comparing")
        # A dry run compares in a read transaction; a real one compares and applies in one
        # write transaction, so nobody changes the catalog between the check and the write.
        with self.db.read() if dry_run else self.db.write() as s:
            changes = sync(s, parsed, report, False)
            if report.problems:
                raise ImportRefused(report)  # rolls back: nothing was written anyway
            report.added = len(changes.added)
            report.updated = len(changes.updated)
            report.unchanged = changes.unchanged
            if not dry_run and (changes.added or changes.updated):
                moved("writing")
                sync(s, parsed, report, True)
                audit.record(
                    s,
                    at=self.clock(),
                    actor=self.actor.username,
                    action=f"{kind}_imported",
                    target=path.name[:128],
                    after={
                        "file": path.name,
                        "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
                        "rows": report.rows,
                        "added": changes.added,
                        "updated": changes.updated,
                        "unchanged": changes.unchanged,
                    },
                )
                report.applied = True
        if report.applied and report.added + report.updated >= ANALYZE_AFTER_ROWS:
            moved("analyzing")
            self._analyze(_TABLES[kind])
        if progress is not None:
            progress(report.rows, report.rows)
        return report

    def _analyze(self, tables: tuple[str, ...]) -> None:
        """Refresh the planner's statistics of ``tables`` after a large import (PostgreSQL;
        SQLite plans its few queries well without). One statement, after the commit."""
        if not self.db.is_postgres:
            return
        statement = text(f"ANALYZE {', '.join(tables)}")  # names from _TABLES, never input
        self.db.autocommit(lambda conn: conn.execute(statement))
