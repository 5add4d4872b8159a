"""The audit log's hash chain: every row linked, every tampering named, on both databases.

Tampering is done as someone with the database's owner credentials would: plain SQL on
``audit_log``. ``clerk audit verify`` must name the first bad row of an edited, deleted or
inserted row, and with an exported head (``clerk audit head``) a cut tail too.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select, text

from clerk_app.api import Hall, open_hall
from clerk_app.cli import main
from clerk_app.domain.audit_chain import GENESIS, ChainRow, Head, canonical, check, link
from clerk_app.errors import PermissionDenied
from clerk_app.i18n import set_language
from clerk_app.persistence.database import Database
from clerk_app.persistence.migrate import upgrade
from clerk_app.persistence.models import AuditLog
from clerk_app.services import audit
from clerk_app.services.audit_log import restrict_audit_log


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    set_language("en")
    yield
    set_language("zh_CN")


def busy(hall: Hall, tickets: int = 6) -> None:
    """Audited actions of every kind of writer: kiosk (ORM), counter calls (Core / one PG
    transaction), a login."""
    kiosk = hall.kiosk().queue
    for _ in range(tickets):
        kiosk.take_ticket("A")
    counter = hall.login("clerk01", "demo", counter=1).queue
    for _ in range(3):
        counter.call_next()


def clerk(url: str, *args: str) -> int:
    return main(["--db", url, "--lang", "en", *args])


def seqs(hall: Hall) -> list[int]:
    with hall.db.read() as s:
        return list(s.scalars(select(AuditLog.seq).order_by(AuditLog.seq)))


def sql(hall: Hall, statement: str, **params: object) -> None:
    with hall.db.write() as s:
        s.execute(text(statement), params)


# --- the pure chain ------------------------------------------------------------------------


def _row(seq: int, prev: str, action: str = "a", **changes: object) -> ChainRow:
    content = {
        "seq": seq,
        "at": datetime(2026, 12, 3, 1, 2, 3, 456),
        "actor": "clerk01",
        "role": "clerk",
        "counter": 3,
        "action": action,
        "target": "ticket:1",
        "before": None,
        "after": {"数": 1, "b": [1.5, "x"]},
        "request_id": None,
    }
    digest = link(prev, canonical(**content))  # type: ignore[arg-type]
    content.update(changes)
    return ChainRow(id=seq, prev_hash=prev, hash=digest, **content)  # type: ignore[arg-type]


def _chain(n: int) -> list[ChainRow]:
    rows, prev = [], GENESIS
    for seq in range(1, n + 1):
        rows.append(_row(seq, prev, action=f"a{seq}"))
        prev = rows[-1].hash  # type: ignore[assignment]
    return rows


def test_canonical_content_is_sorted_compact_utc_json() -> None:
    content = canonical(
        seq=1,
        at=datetime(2026, 12, 3, 1, 2, 3),
        actor="张三",
        role=None,
        counter=None,
        action="x",
        target="",
        before=None,
        after={"b": 1, "a": (2,)},
        request_id=None,
    )
    assert content.decode() == (
        '{"action":"x","actor":"张三","after":{"a":[2],"b":1},"at":"2026-12-03T01:02:03.000000Z",'
        '"before":null,"counter":null,"request_id":null,"role":null,"seq":1,"target":""}'
    )


def test_the_link_is_sm3_of_the_previous_hash_and_the_content() -> None:
    # GB/T 32905 example 1: SM3("abc")
    assert link("", b"abc") == "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0"
    assert link(GENESIS, b"x") != link("1" * 64, b"x")


def test_an_intact_chain_checks_and_each_break_is_named() -> None:
    rows = _chain(5)
    assert check(rows).ok and check(rows).head == Head(5, rows[-1].hash)  # type: ignore[arg-type]
    edited = [*rows[:2], _row(3, rows[1].hash, action="a3", actor="mallory"), *rows[3:]]  # type: ignore[arg-type]
    assert check(edited).bad.seq == 3  # type: ignore[union-attr]
    assert "content was changed" in check(edited).bad.reason_en  # type: ignore[union-attr]
    deleted = [*rows[:2], *rows[3:]]
    assert check(deleted).bad.seq == 4  # type: ignore[union-attr]
    assert "row 3 was deleted" in check(deleted).bad.reason_en  # type: ignore[union-attr]
    cut = rows[:3]
    assert check(cut).ok
    assert "tail was cut" in check(cut, Head(5, rows[-1].hash)).bad.reason_en  # type: ignore[arg-type, union-attr]


# --- on both databases ---------------------------------------------------------------------


def test_every_action_is_chained_with_role_and_counter(hall: Hall) -> None:
    busy(hall)
    report = hall.system().audit.verify()
    assert report.ok and report.rows == len(seqs(hall))
    assert seqs(hall) == list(range(1, report.rows + 1))
    with hall.db.read() as s:
        called = s.execute(
            select(AuditLog.actor, AuditLog.role, AuditLog.counter).where(
                AuditLog.action == "ticket_called"
            )
        ).all()
        taken = s.execute(
            select(AuditLog.role).where(AuditLog.action == "ticket_taken").limit(1)
        ).scalar()
    assert set(called) == {("clerk01", "clerk", 1)}
    assert taken == "kiosk"


def test_an_edited_row_is_named(
    hall: Hall, hall_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    busy(hall)
    assert clerk(hall_url, "audit", "verify") == 0
    assert "Audit chain intact" in capsys.readouterr().out
    sql(hall, "UPDATE audit_log SET actor = 'clerk02' WHERE seq = 4")
    assert clerk(hall_url, "audit", "verify") == 1
    assert "Row 4 (id" in (out := capsys.readouterr().out) and "content was changed" in out


def test_a_deleted_middle_row_is_named(
    hall: Hall, hall_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    busy(hall)
    sql(hall, "DELETE FROM audit_log WHERE seq = 5")
    assert clerk(hall_url, "audit", "verify") == 1
    assert "Row 6 (id" in (out := capsys.readouterr().out) and "row 5 was deleted" in out


def test_a_row_inserted_mid_chain_is_named(
    hall: Hall, hall_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """The forger renumbers the rows after seq 3 and slips a row in as seq 4 with a correct
    hash over row 3's: the row after it no longer links."""
    busy(hall)
    last = seqs(hall)[-1]
    for seq in range(last, 3, -1):  # one by one from the end: seq stays unique
        sql(hall, "UPDATE audit_log SET seq = :n WHERE seq = :o", n=seq + 1, o=seq)
    with hall.db.read() as s:
        prev = s.scalar(select(AuditLog.hash).where(AuditLog.seq == 3))
    at = datetime(2026, 12, 3, 8, 0)
    forged = {"at": at, "actor": "clerk01", "action": "identity_viewed", "target": "case:X"}
    values = {"role": "clerk", "counter": 1, "before": None, "after": None, "request_id": None}
    digest = link(prev, canonical(seq=4, **forged, **values))  # type: ignore[arg-type]
    with hall.db.write() as s:
        s.execute(
            AuditLog.__table__.insert(),
            {**forged, **values, "seq": 4, "prev_hash": prev, "hash": digest},
        )
    assert clerk(hall_url, "audit", "verify") == 1
    out = capsys.readouterr().out
    assert "Row 5 (id" in out and "does not link to the row before it" in out


def test_a_cut_tail_is_found_against_the_exported_head(
    hall: Hall, hall_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    busy(hall)
    head_file = tmp_path / "head.json"
    day = hall.system().hall_now().date().isoformat()
    assert clerk(hall_url, "audit", "head", "--day", day, "--out", str(head_file)) == 0
    exported = json.loads(head_file.read_text())
    assert exported["seq"] == seqs(hall)[-1] and exported["day"] == day
    assert clerk(hall_url, "audit", "verify", "--head", str(head_file)) == 0
    capsys.readouterr()
    sql(hall, "DELETE FROM audit_log WHERE seq > :keep", keep=exported["seq"] - 2)
    assert clerk(hall_url, "audit", "verify") == 0  # on its own, a shorter chain is valid
    assert clerk(hall_url, "audit", "verify", "--head", str(head_file)) == 1
    out = capsys.readouterr().out
    assert f"but the exported head is row {exported['seq']}: its tail was cut" in out


def test_a_head_printed_to_stdout_is_the_newest_row(
    hall: Hall, hall_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    busy(hall)
    assert clerk(hall_url, "audit", "head") == 0
    printed = json.loads(capsys.readouterr().out)
    with hall.db.read() as s:
        newest = s.execute(
            select(AuditLog.seq, AuditLog.hash).order_by(AuditLog.seq.desc())
        ).first()
    assert (printed["seq"], printed["hash"]) == tuple(newest)  # type: ignore[arg-type]


def test_only_supervisors_and_admins_read_the_log(hall: Hall) -> None:
    busy(hall, tickets=1)
    entries = hall.login("supervisor", "demo").audit.entries(actor="clerk01", action="called")
    assert entries and {e.action for e in entries} == {"ticket_called"}
    assert entries == sorted(entries, key=lambda e: -e.seq)
    with pytest.raises(PermissionDenied):
        hall.login("clerk02", "demo").audit.entries()
    with pytest.raises(PermissionDenied):
        hall.kiosk().audit.verify()


def test_a_rolled_back_action_leaves_no_row_and_no_gap(hall: Hall) -> None:
    before = seqs(hall)
    with pytest.raises(RuntimeError), hall.db.write() as s:
        audit.record(s, at=datetime(2026, 12, 3), actor="x", action="never")
        raise RuntimeError
    hall.kiosk().queue.take_ticket("A")
    assert seqs(hall) == [*before, before[-1] + 1]
    assert hall.system().audit.verify().ok


def test_a_savepoint_rolled_back_keeps_the_rows_recorded_around_it(hall: Hall) -> None:
    before = seqs(hall)
    with hall.db.write() as s:
        audit.record(s, at=datetime(2026, 12, 3), actor="admin", action="kept_before")
        try:
            with s.begin_nested():
                raise KeyError("a caught conflict")
        except KeyError:
            pass
        with s.begin_nested():  # a savepoint released: nothing written yet
            pass
        audit.record(s, at=datetime(2026, 12, 3), actor="admin", action="kept_after")
    with hall.db.read() as s:
        added = s.execute(
            select(AuditLog.action, AuditLog.role).where(AuditLog.seq > before[-1])
        ).all()
    assert [tuple(r) for r in added] == [("kept_before", "admin"), ("kept_after", "admin")]
    assert hall.system().audit.verify().ok


def test_the_migration_chains_the_rows_already_there(db_url: str) -> None:
    db = Database(db_url)
    upgrade(db, "0010")
    with db.write_engine.begin() as conn:
        for i in range(3):
            conn.execute(
                text(
                    "INSERT INTO audit_log (at, actor, action, target, after) "
                    "VALUES (:at, 'old', :action, '', :after)"
                ),
                {"at": datetime(2026, 11, 30, 9, i), "action": f"old{i}", "after": '{"k": 1}'},
            )
    upgrade(db)
    db.dispose()
    hall = open_hall(db_url)
    report = hall.system().audit.verify()
    assert report.ok and report.rows == 3
    with hall.db.read() as s:
        rows = s.execute(select(AuditLog.action, AuditLog.seq).order_by(AuditLog.id)).all()
    assert [tuple(r) for r in rows] == [("old0", 1), ("old1", 2), ("old2", 3)]
    hall.close()


# --- PostgreSQL: concurrent writers and the application's grants -----------------------------


@pytest.mark.pg
def test_concurrent_writers_never_fork_the_chain(pg_hall_url: str) -> None:
    """8 threads, 50 audited actions each: tickets at kiosks (ORM) and calls at counters
    (the call-next transaction): seq contiguous, every hash links."""
    hall = open_hall(pg_hall_url)
    first = seqs(hall)[-1]
    clerks = [hall.login(f"clerk0{n}", "demo", counter=n).queue for n in (1, 2, 3, 4)]
    errors: list[BaseException] = []

    def kiosk() -> None:
        try:
            queue = hall.kiosk().queue
            for _ in range(50):
                queue.take_ticket("A")
        except BaseException as e:
            errors.append(e)

    def counter(queue) -> None:  # type: ignore[no-untyped-def]
        try:
            for _ in range(50):
                queue.call_next()
        except BaseException as e:
            errors.append(e)

    threads = [threading.Thread(target=kiosk) for _ in range(4)]
    threads += [threading.Thread(target=counter, args=(q,)) for q in clerks]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert errors == []
    numbers = seqs(hall)
    assert numbers == list(range(1, len(numbers) + 1))
    assert len(numbers) - first >= 4 * 50  # every ticket, and a row per call that did something
    assert hall.system().audit.verify().ok
    hall.close()


@pytest.mark.pg
def test_the_application_role_may_only_add_and_read_audit_rows(pg_cluster) -> None:  # type: ignore[no-untyped-def]
    import os

    import psycopg

    dbname = f"grants_{os.getpid()}"
    pg_cluster.admin_execute(f"CREATE DATABASE {dbname}")
    owner_url = pg_cluster.url(dbname)
    role = f"app_{dbname}"
    pg_cluster.admin_execute(f"CREATE ROLE {role} LOGIN")
    db = Database(owner_url)
    upgrade(db, "0010")
    with db.write_engine.begin() as conn:  # what a DBA does for the hall's PCs
        conn.execute(text(f"GRANT ALL ON ALL TABLES IN SCHEMA public TO {role}"))
        conn.execute(text(f"GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO {role}"))
    upgrade(db)  # 0011 restricts the log
    with db.write_engine.begin() as conn:  # the tables of later migrations, as a DBA would
        conn.execute(text(f"GRANT ALL ON ALL TABLES IN SCHEMA public TO {role}"))
        conn.execute(text(f"GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO {role}"))
        restrict_audit_log(conn)  # `clerk audit restrict`: the log stays append-only
    db.dispose()
    owner = open_hall(owner_url)
    owner.seed_demo()
    owner.close()
    app = open_hall(owner_url.replace("//clerk@", f"//{role}@"))
    busy(app)  # the app adds rows
    assert app.system().audit.verify().ok
    app.close()
    with psycopg.connect(
        host="127.0.0.1", port=pg_cluster.port, user=role, dbname=dbname, autocommit=True
    ) as conn:
        for statement in (
            "UPDATE audit_log SET actor = 'x' WHERE seq = 1",
            "DELETE FROM audit_log WHERE seq = 1",
            "TRUNCATE audit_log",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)  # type: ignore[arg-type]
        assert conn.execute("SELECT count(*) FROM audit_log").fetchone()[0] > 0  # type: ignore[index]
