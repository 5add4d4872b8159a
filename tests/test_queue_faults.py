"""A lost database connection: the action is refused visibly and never half-done or doubled."""

from __future__ import annotations

import psycopg
import pytest
from sqlalchemy import event, select

from clerk_app.api import open_hall
from clerk_app.errors import DatabaseUnavailable
from clerk_app.persistence import database
from clerk_app.persistence.models import CallEvent, Ticket


def _kill_backends(pg_cluster, dbname: str) -> None:  # type: ignore[no-untyped-def]
    """Ends every session on the database and waits until each one is gone."""
    with psycopg.connect(
        host="127.0.0.1", port=pg_cluster.port, user="clerk", dbname="postgres", autocommit=True
    ) as conn:
        conn.execute(
            "SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity "
            "WHERE datname = %s AND pid <> pg_backend_pid()",
            (dbname,),
        )


@pytest.mark.pg
def test_connection_lost_before_commit_changes_nothing(pg_hall_url: str, pg_cluster) -> None:  # type: ignore[no-untyped-def]
    hall = open_hall(pg_hall_url)
    hall.kiosk().queue.take_ticket("A")
    queue = hall.login("clerk01", "demo", counter=1).queue
    dbname = pg_hall_url.rsplit("/", 1)[1]

    def cut(*_args) -> None:  # type: ignore[no-untyped-def]
        _kill_backends(pg_cluster, dbname)  # the server goes away just before COMMIT

    event.listen(hall.db.write_engine, "commit", cut)
    with pytest.raises(DatabaseUnavailable) as info:
        queue.call_next()  # never retried: the COMMIT may have happened
    assert str(info.value).startswith("无法连接数据库")
    event.remove(hall.db.write_engine, "commit", cut)

    with hall.db.read() as s:  # nothing half-done
        assert s.scalars(select(Ticket.status)).all() == ["waiting"]
        assert s.scalars(select(CallEvent)).all() == []
    assert queue.current() is None
    # The next action works on a fresh connection and calls the ticket exactly once.
    called = queue.call_next()
    assert called is not None and called.number == "A001"
    with hall.db.read() as s:
        assert len(s.scalars(select(CallEvent)).all()) == 1
    hall.close()


@pytest.mark.pg
def test_stale_connections_are_replaced_transparently(pg_hall_url: str, pg_cluster) -> None:  # type: ignore[no-untyped-def]
    """A server restart overnight: pooled connections are dead; the first click still works."""
    hall = open_hall(pg_hall_url)
    kiosk = hall.kiosk().queue
    kiosk.take_ticket("B")
    _kill_backends(pg_cluster, pg_hall_url.rsplit("/", 1)[1])
    assert kiosk.take_ticket("B").number == "B002"
    hall.close()


@pytest.mark.pg
def test_call_next_on_a_dead_pooled_connection_is_retried_once(
    pg_hall_url: str,
    pg_cluster,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The connection dies after the pool handed it out: BEGIN fails, nothing was committed,
    so the call runs once more on a fresh connection and calls the ticket exactly once."""
    hall = open_hall(pg_hall_url)
    hall.kiosk().queue.take_ticket("A")
    queue = hall.login("clerk01", "demo", counter=1).queue
    assert queue.current() is None  # a pooled connection now exists
    _kill_backends(pg_cluster, pg_hall_url.rsplit("/", 1)[1])
    # As if the server went away between the pool's check and the first statement.
    monkeypatch.setattr(database, "_still_open", lambda _dbapi_connection: True)
    called = queue.call_next()
    assert called is not None and called.number == "A001"
    with hall.db.read() as s:
        assert s.scalars(select(CallEvent.ticket_number)).all() == ["A001"]
        assert s.scalars(select(Ticket.status)).all() == ["serving"]
    hall.close()
