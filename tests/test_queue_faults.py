"""A lost database connection: the action is done exactly once or refused visibly, never half-done.

Call-next on PostgreSQL is one transaction on the thread's own connection
(``Database.autocommit``: BEGIN, the call statement, its chained audit rows, COMMIT). These
tests break the real connection at each moment that matters — before the statement, while it
waits, after it committed but before its answer arrived — and check that the ticket is called
exactly once, or not at all with a clear message.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

import psycopg
import pytest
from sqlalchemy import event, exc, select

from clerk_app.api import open_hall
from clerk_app.clock import utcnow
from clerk_app.errors import Conflict, DatabaseUnavailable
from clerk_app.persistence import database
from clerk_app.persistence.models import AuditLog, CallEvent, Ticket
from clerk_app.services import audit
from clerk_app.services.queue import calling_pg


@pytest.fixture(autouse=True)
def _keep_idle_connections(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests kill the server's sessions under connections the pool still holds; the
    idle release (``PG_IDLE_RELEASE_S``) would otherwise close them first on a slow run."""
    monkeypatch.setattr(database, "PG_IDLE_RELEASE_S", 3600.0)


def _admin(pg_cluster) -> psycopg.Connection[Any]:  # type: ignore[no-untyped-def]
    return psycopg.connect(
        host="127.0.0.1", port=pg_cluster.port, user="clerk", dbname="postgres", autocommit=True
    )


def _kill_backends(pg_cluster, dbname: str) -> None:  # type: ignore[no-untyped-def]
    """Ends every session on the database and waits until each one is gone."""
    with _admin(pg_cluster) as conn:
        conn.execute(
            "SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity "
            "WHERE datname = %s AND pid <> pg_backend_pid()",
            (dbname,),
        )


def _wait_until_blocked(pg_cluster, dbname: str) -> list[Any]:  # type: ignore[no-untyped-def]
    """The backends of the database that wait on a lock, once there is one (or after 5 s)."""
    with _admin(pg_cluster) as admin:
        for _ in range(500):
            blocked = admin.execute(
                "SELECT pid FROM pg_stat_activity WHERE datname = %s AND wait_event_type = 'Lock'",
                (dbname,),
            ).fetchall()
            if blocked:
                return blocked
            time.sleep(0.01)
    return []


def _calls(hall) -> tuple[list[str], list[str], dict[str, str]]:  # type: ignore[no-untyped-def]
    """Call events, "ticket_called" audit rows (by number) and ticket statuses."""
    with hall.db.read() as s:
        events = s.scalars(select(CallEvent.ticket_number).order_by(CallEvent.id)).all()
        audit = [
            after["number"]
            for after in s.scalars(
                select(AuditLog.after)
                .where(AuditLog.action == "ticket_called")
                .order_by(AuditLog.id)
            )
        ]
        statuses = {n: st for n, st in s.execute(select(Ticket.number, Ticket.status))}
    return list(events), audit, statuses


# ``_calls`` after A001 and then A002 were called, each exactly once.
TWO_CALLED = (["A001", "A002"], ["A001", "A002"], {"A001": "finished", "A002": "serving"})


@pytest.fixture
def hall_with_two(pg_hall_url: str):  # type: ignore[no-untyped-def]
    hall = open_hall(pg_hall_url)
    kiosk = hall.kiosk().queue
    kiosk.take_ticket("A"), kiosk.take_ticket("A")
    yield hall, hall.login("clerk01", "demo", counter=1).queue, pg_hall_url.rsplit("/", 1)[1]
    hall.close()


@pytest.mark.pg
def test_a_call_whose_answer_is_lost_is_not_done_twice(
    hall_with_two, pg_cluster, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """The call commits, then the connection dies before its answer is read: the desk
    finds the call by its request id and returns it; it does not call another ticket."""
    hall, queue, dbname = hall_with_two
    real, fetch = calling_pg.commit, calling_pg.pg_fetch_one

    def answer_lost(conn) -> None:  # type: ignore[no-untyped-def]
        real(conn)
        _kill_backends(pg_cluster, dbname)
        fetch(conn, "SELECT 1", {})  # the real error of a dead connection

    monkeypatch.setattr(calling_pg, "commit", answer_lost)
    called = queue.call_next()
    monkeypatch.undo()
    assert called is not None and called.number == "A001" and called.status == "serving"
    assert _calls(hall) == (["A001"], ["A001"], {"A001": "serving", "A002": "waiting"})
    assert queue.current().number == "A001"  # type: ignore[union-attr]


@pytest.mark.pg
def test_an_answer_lost_after_a_finish_only_is_not_done_twice(
    hall_with_two, pg_cluster, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """The last call of the day: it only finished the ticket in service. Found, not rerun."""
    hall, queue, dbname = hall_with_two
    assert queue.call_next().number == "A001"  # type: ignore[union-attr]
    assert queue.call_next().number == "A002"  # type: ignore[union-attr]
    real, fetch = calling_pg.commit, calling_pg.pg_fetch_one

    def answer_lost(conn) -> None:  # type: ignore[no-untyped-def]
        real(conn)
        _kill_backends(pg_cluster, dbname)
        fetch(conn, "SELECT 1", {})

    monkeypatch.setattr(calling_pg, "commit", answer_lost)
    assert queue.call_next() is None
    monkeypatch.undo()
    assert _calls(hall) == (
        ["A001", "A002"],
        ["A001", "A002"],
        {"A001": "finished", "A002": "finished"},
    )


@pytest.mark.pg
def test_a_call_cut_off_before_it_committed_runs_once_more(hall_with_two, pg_cluster) -> None:  # type: ignore[no-untyped-def]
    """The statement waits on the counter's lock (held by another PC) and its session is
    ended meanwhile: nothing committed, so the desk runs it once more, and calls A001 once."""
    hall, queue, dbname = hall_with_two
    other_pc = hall.db.write_engine.connect()
    other_pc.exec_driver_sql("SELECT id FROM counters WHERE number = 1 FOR UPDATE")
    result: list[Any] = []
    clerk = threading.Thread(target=lambda: result.append(queue.call_next()))
    clerk.start()
    blocked = _wait_until_blocked(pg_cluster, dbname)  # the clerk's statement, on the lock
    assert len(blocked) == 1
    with _admin(pg_cluster) as admin:
        admin.execute("SELECT pg_terminate_backend(%s, 5000)", blocked[0])
    time.sleep(0.2)  # the rerun now waits on the same lock
    other_pc.rollback()
    other_pc.close()
    clerk.join(timeout=30)
    assert [t.number for t in result] == ["A001"]
    assert _calls(hall) == (["A001"], ["A001"], {"A001": "serving", "A002": "waiting"})


@pytest.mark.pg
def test_a_connection_that_breaks_twice_is_reported_and_changes_nothing(
    hall_with_two, pg_cluster, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    hall, queue, dbname = hall_with_two
    real = calling_pg.pg_fetch_one
    runs = []

    def cut_first(conn, sql, params):  # type: ignore[no-untyped-def]
        if sql is calling_pg._CALL_NEXT:
            runs.append(1)
            _kill_backends(pg_cluster, dbname)  # gone before the statement arrives
        return real(conn, sql, params)

    monkeypatch.setattr(calling_pg, "pg_fetch_one", cut_first)
    with pytest.raises(DatabaseUnavailable) as info:
        queue.call_next()
    monkeypatch.undo()
    assert len(runs) == 2
    assert str(info.value) == "与数据库的连接两次在叫号时中断，本次叫号未执行。请检查网络后重试。"
    assert _calls(hall) == ([], [], {"A001": "waiting", "A002": "waiting"})
    assert queue.current() is None
    assert queue.call_next().number == "A001"  # type: ignore[union-attr]
    assert _calls(hall)[0] == ["A001"]


def _count_calls(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the call-next statements sent from now on."""
    real = calling_pg.pg_fetch_one
    runs: list[int] = []

    def counting(conn, sql, params):  # type: ignore[no-untyped-def]
        if sql is calling_pg._CALL_NEXT:
            runs.append(1)
        return real(conn, sql, params)

    monkeypatch.setattr(calling_pg, "pg_fetch_one", counting)
    return runs


@pytest.mark.pg
def test_a_connection_closed_while_idle_is_replaced_transparently(
    hall_with_two, pg_cluster, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """A server restart overnight: the counter's connection is dead; the first click works,
    and the socket check replaces the connection before the statement is sent."""
    hall, queue, dbname = hall_with_two
    assert queue.call_next().number == "A001"  # type: ignore[union-attr]
    _kill_backends(pg_cluster, dbname)
    monkeypatch.setattr(database, "OWN_CONNECTION_TRUSTED_S", 0.0)  # idle long enough
    runs = _count_calls(monkeypatch)
    assert queue.call_next().number == "A002"  # type: ignore[union-attr]
    assert runs == [1]
    assert _calls(hall)[0] == ["A001", "A002"]


@pytest.mark.pg
def test_a_connection_that_died_within_the_trusted_window_is_resolved_by_the_request_id(
    hall_with_two, pg_cluster, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """Used a moment ago, the connection is not checked (``OWN_CONNECTION_TRUSTED_S``); if it
    died meanwhile, the clerk's session check (issue 16: is the account still allowed?) fails
    on it first, before the call was sent, so the call runs once, on a fresh connection: the
    ticket is still called exactly once."""
    hall, queue, dbname = hall_with_two
    assert queue.call_next().number == "A001"  # type: ignore[union-attr]
    _kill_backends(pg_cluster, dbname)
    monkeypatch.setattr(database, "OWN_CONNECTION_TRUSTED_S", 3600.0)
    runs = _count_calls(monkeypatch)
    assert queue.call_next().number == "A002"  # type: ignore[union-attr]
    assert runs == [1]
    assert _calls(hall) == TWO_CALLED


@pytest.mark.pg
def test_a_connection_that_dies_after_the_check_is_retried_once(
    hall_with_two, pg_cluster, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """The connection dies between the socket check and the statement: the statement fails,
    its request id is not found, so it runs once more and calls the ticket exactly once."""
    hall, queue, dbname = hall_with_two
    assert queue.current() is None
    queue.call_next()
    _kill_backends(pg_cluster, dbname)
    monkeypatch.setattr(database, "_still_open", lambda _dbapi_connection: True)
    assert queue.call_next().number == "A002"  # type: ignore[union-attr]
    assert _calls(hall) == TWO_CALLED


@pytest.mark.pg
def test_stale_pooled_connections_are_replaced_transparently(pg_hall_url: str, pg_cluster) -> None:  # type: ignore[no-untyped-def]
    """The kiosk's units of work come from the pool: dead pooled connections are replaced."""
    hall = open_hall(pg_hall_url)
    kiosk = hall.kiosk().queue
    kiosk.take_ticket("B")
    _kill_backends(pg_cluster, pg_hall_url.rsplit("/", 1)[1])
    assert kiosk.take_ticket("B").number == "B002"
    hall.close()


@pytest.mark.pg
def test_transact_never_retries_a_lost_commit(pg_hall_url: str, pg_cluster) -> None:  # type: ignore[no-untyped-def]
    """Database.transact: a connection lost at COMMIT is reported, not retried (the commit
    may have happened); here it had not, and nothing is half-done."""
    hall = open_hall(pg_hall_url)
    dbname = pg_hall_url.rsplit("/", 1)[1]
    row = {"at": utcnow(), "actor": "t", "action": "probe", "target": "", "request_id": "r1"}
    runs = []

    def work(conn) -> None:  # type: ignore[no-untyped-def]
        runs.append(1)
        audit.append(conn, [row])

    def cut(*_args) -> None:  # type: ignore[no-untyped-def]
        _kill_backends(pg_cluster, dbname)  # the server goes away just before COMMIT

    event.listen(hall.db.write_engine, "commit", cut)
    with pytest.raises(DatabaseUnavailable) as info:
        hall.db.transact(work)
    event.remove(hall.db.write_engine, "commit", cut)
    assert str(info.value).startswith("无法连接数据库")
    assert runs == [1]
    with hall.db.read() as s:
        assert s.scalars(select(AuditLog).where(AuditLog.action == "probe")).all() == []
    hall.close()


@pytest.mark.pg
def test_a_call_chosen_as_deadlock_victim_runs_again(
    hall_with_two, pg_cluster, caplog: pytest.LogCaptureFixture
) -> None:  # type: ignore[no-untyped-def]
    """Another PC holds the ticket in service, and then waits for the counter the call has
    locked while the call waits to finish that ticket: a lock cycle. The server rolls the
    call back whole (its wait began first, so its deadlock check finds the cycle); the desk
    runs it again, and once the other PC is done the next ticket is called exactly once."""
    hall, queue, dbname = hall_with_two
    assert queue.call_next().number == "A001"  # type: ignore[union-attr]
    other_pc = hall.db.write_engine.connect()
    other_pc.exec_driver_sql("SELECT id FROM tickets WHERE number = 'A001' FOR UPDATE")
    result: list[Any] = []
    clerk = threading.Thread(target=lambda: result.append(queue.call_next()))
    with caplog.at_level(logging.WARNING, logger=database.__name__):
        clerk.start()
        assert len(_wait_until_blocked(pg_cluster, dbname)) == 1  # the call, on A001
        # Blocks until the server has rolled the call back (deadlock_timeout, 1 s).
        other_pc.exec_driver_sql("SELECT id FROM counters WHERE number = 1 FOR UPDATE")
        other_pc.rollback()
        other_pc.close()
        clerk.join(timeout=30)
    assert [t.number for t in result] == ["A002"]
    assert "rolled back by the server (40P01), attempt 1 of 3" in caplog.text
    assert _calls(hall) == TWO_CALLED


@pytest.mark.pg
def test_autocommit_reruns_a_rolled_back_statement_then_reports_a_conflict(
    pg_hall_url: str,
) -> None:
    """Deadlock victims and serialization failures run again (3 times in all), then a clear
    Conflict; any other error is raised at once."""
    hall = open_hall(pg_hall_url)
    runs: list[str] = []

    def failing(sqlstate: str):  # type: ignore[no-untyped-def]
        def work(conn) -> None:  # type: ignore[no-untyped-def]
            runs.append(sqlstate)
            conn.exec_driver_sql(
                f"DO $$ BEGIN RAISE EXCEPTION 'probe' USING ERRCODE = '{sqlstate}'; END $$"
            )

        return work

    for sqlstate in ("40P01", "40001"):
        runs.clear()
        with pytest.raises(Conflict) as info:
            hall.db.autocommit(failing(sqlstate))
        assert runs == [sqlstate] * 3
        assert str(info.value) == "数据库繁忙（多个窗口同时操作相互等待），本次操作未执行，请重试。"
    runs.clear()
    with pytest.raises(exc.IntegrityError):
        hall.db.autocommit(failing("23505"))
    assert runs == ["23505"]
    flaky = iter(["40P01"])

    def once_then_fine(conn) -> int:  # type: ignore[no-untyped-def]
        sqlstate = next(flaky, None)
        if sqlstate is not None:
            failing(sqlstate)(conn)
        return 7

    assert hall.db.autocommit(once_then_fine) == 7
    hall.close()
