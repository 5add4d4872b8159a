"""``clerk backup`` and ``clerk restore``: a consistent copy, restored whole, its chain checked."""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from clerk_app.api import Hall, open_hall
from clerk_app.cli import main
from clerk_app.i18n import set_language
from clerk_app.persistence.models import AuditLog, Ticket


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    set_language("en")
    yield
    set_language("zh_CN")


@pytest.fixture
def sqlite_url(_seeded_sqlite: Path, tmp_path: Path) -> str:
    path = tmp_path / "hall.db"
    shutil.copy(_seeded_sqlite, path)
    return f"sqlite:///{path}"


@pytest.fixture
def hall(sqlite_url: str) -> Iterator[Hall]:
    h = open_hall(sqlite_url)
    yield h
    h.close()


def clerk(url: str, *args: str) -> int:
    return main(["--db", url, "--lang", "en", *args])


def tickets_and_their_rows(url: str) -> tuple[int, int]:
    hall = open_hall(url)
    try:
        with hall.db.read() as s:
            tickets = s.scalar(select(func.count()).select_from(Ticket)) or 0
            taken = (
                s.scalar(
                    select(func.count())
                    .select_from(AuditLog)
                    .where(AuditLog.action == "ticket_taken")
                )
                or 0
            )
        return tickets, taken
    finally:
        hall.close()


def test_sqlite_backups_taken_while_counters_write_restore_whole(
    hall: Hall, sqlite_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stop = threading.Event()
    taken: list[int] = []

    def kiosk() -> None:  # a kiosk and a counter writing all the while
        queue = hall.kiosk().queue
        counter = hall.login("clerk01", "demo", counter=1).queue
        while not stop.is_set():
            queue.take_ticket("A")
            counter.call_next()
            taken.append(1)

    writer = threading.Thread(target=kiosk)
    writer.start()
    copies = []
    try:
        while len(copies) < 4:
            if len(taken) > 5 * len(copies):  # let the counters get ahead between copies
                copies.append(tmp_path / f"copy{len(copies)}.db")
                assert clerk(sqlite_url, "backup", str(copies[-1])) == 0
    finally:
        stop.set()
        writer.join(timeout=60)
    assert "Backed up to" in capsys.readouterr().out
    seen = []
    for n, copy in enumerate(copies):
        assert not Path(f"{copy}-wal").exists()  # one standalone file
        target = f"sqlite:///{tmp_path / f'restored{n}.db'}"
        assert clerk(target, "restore", str(copy)) == 0
        out = capsys.readouterr().out
        assert "Restored from" in out and "Audit chain intact" in out
        tickets, rows = tickets_and_their_rows(target)
        assert tickets == rows  # one moment: every ticket with its audit row, none without
        seen.append(tickets)
    assert seen == sorted(seen) and seen[0] < seen[-1]  # the counters wrote between the copies


def test_restore_refuses_a_database_that_is_not_empty(
    hall: Hall, sqlite_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "copy.db"
    assert clerk(sqlite_url, "backup", str(copy)) == 0
    hall.kiosk().queue.take_ticket("A")  # after the copy
    assert clerk(sqlite_url, "restore", str(copy)) == 2
    assert "is not empty; add --force" in capsys.readouterr().err
    assert clerk(sqlite_url, "restore", str(copy), "--force") == 0
    assert "Audit chain intact" in capsys.readouterr().out
    assert tickets_and_their_rows(sqlite_url) == (0, 0)  # back to the copy's moment
    assert clerk(sqlite_url, "restore", str(tmp_path / "missing.db")) == 2


@pytest.mark.pg
def test_postgresql_backup_restore_verify(
    pg_hall_url: str, pg_cluster, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    hall = open_hall(pg_hall_url)
    kiosk = hall.kiosk().queue
    for _ in range(5):
        kiosk.take_ticket("B")
    hall.login("clerk01", "demo", counter=1).queue.call_next()
    head = hall.system().audit.head()
    hall.close()
    dump = tmp_path / "hall.dump"
    assert clerk(pg_hall_url, "backup", str(dump)) == 0
    assert dump.read_bytes()[:5] == b"PGDMP"  # pg_dump's custom format
    name = f"restored_{os.getpid()}"
    pg_cluster.admin_execute(f"CREATE DATABASE {name}")
    target = pg_cluster.url(name)
    capsys.readouterr()
    assert clerk(target, "restore", str(dump)) == 0
    out = capsys.readouterr().out
    assert "Audit chain intact" in out and f"head {head.head.seq} {head.head.hash}" in out  # type: ignore[union-attr]
    assert tickets_and_their_rows(target) == (5, 5)
    assert clerk(target, "restore", str(dump)) == 2
    assert "is not empty; add --force" in capsys.readouterr().err
    assert clerk(target, "restore", str(dump), "--force") == 0
    assert "Audit chain intact" in capsys.readouterr().out
    assert tickets_and_their_rows(target) == (5, 5)
