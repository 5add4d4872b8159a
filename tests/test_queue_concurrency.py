"""Every ticket is called by exactly one counter: several processes, and forced interleavings."""

from __future__ import annotations

import multiprocessing as mp
import time
from collections import Counter as Tally
from datetime import timedelta

import pytest
from sqlalchemy import func, select, text, update
from sqlalchemy.orm import Session

from clerk_app.api import open_hall
from clerk_app.clock import utcnow
from clerk_app.errors import ValidationError
from clerk_app.hall_time import local_date
from clerk_app.persistence.database import Database
from clerk_app.persistence.models import CallEvent, Counter, Ticket
from clerk_app.services.queue.service import CALL_NEXT, call_next_for

COUNTERS = 6
TICKETS = 240


def _counter_worker(url: str, counter: int, barrier, results) -> None:  # type: ignore[no-untyped-def]
    hall = open_hall(url, migrate=False)
    queue = hall.login(f"clerk{counter:02d}", "demo", counter=counter).queue
    barrier.wait()  # everyone starts calling at the same instant, as when the doors open
    called: list[int] = []
    while (ticket := queue.call_next()) is not None:
        called.append(ticket.id)
        # A clerk serves between calls. Back to back, one SQLite writer can win every time
        # while the others sleep in the busy handler's backoff, and nothing is shared.
        time.sleep(0.002)
    results.put((counter, called))
    hall.close()


def test_processes_never_call_a_ticket_twice(hall_url: str) -> None:
    hall = open_hall(hall_url)
    kiosk = hall.kiosk().queue
    for i in range(TICKETS):
        kiosk.take_ticket("ABCDE"[i % 5], priority="elderly" if i % 7 == 0 else "normal")
    ctx = mp.get_context("spawn")
    barrier, results = ctx.Barrier(COUNTERS), ctx.Queue()
    procs = [
        ctx.Process(target=_counter_worker, args=(hall_url, n, barrier, results))
        for n in range(1, COUNTERS + 1)
    ]
    for p in procs:
        p.start()
    per_counter = dict(results.get(timeout=240) for _ in procs)
    for p in procs:
        p.join(timeout=300)
        assert p.exitcode == 0
    called = [tid for ids in per_counter.values() for tid in ids]
    duplicates = [tid for tid, n in Tally(called).items() if n > 1]
    assert duplicates == []
    with hall.db.read() as s:
        all_ids = set(s.scalars(select(Ticket.id)))
        statuses = Tally(s.scalars(select(Ticket.status)))
        calls = s.scalar(select(func.count()).select_from(CallEvent))
    assert set(called) == all_ids  # none lost
    assert calls == TICKETS
    # The last call_next of each counter finished its ticket and found the queue empty.
    assert statuses == {"finished": TICKETS}
    assert sum(1 for ids in per_counter.values() if ids) >= 2  # work really was shared
    hall.close()


def s_count(s: Session) -> int:
    return len(s.scalars(select(Ticket.id).where(Ticket.status == "waiting")).all())


def _claim(s: Session) -> Ticket | None:
    """Counter 1's claim, exactly as call_next makes it."""
    now = utcnow()
    counter_id = s.scalar(select(Counter.id).where(Counter.number == 1))
    assert counter_id is not None
    claim_next = CALL_NEXT[s.get_bind().dialect.name].claim_next
    return claim_next(s.connection(), counter_id, 1, local_date(now), now, timedelta(minutes=20))


def _two_waiting(url: str) -> tuple[Database, list[int]]:
    hall = open_hall(url)
    kiosk = hall.kiosk().queue
    ids = [kiosk.take_ticket("A").id, kiosk.take_ticket("A").id]
    return hall.db, ids


# Steps of two counters A and B, forced in each order (PostgreSQL isolation-tester style):
# "Ac" = A claims, "A+" = A commits, "A-" = A rolls back (its PC crashed).
SCHEDULES = {
    "A claims, B claims, A commits, B commits": (["Ac", "Bc", "A+", "B+"], (0, 1)),
    "A claims, B claims, B commits, A commits": (["Ac", "Bc", "B+", "A+"], (0, 1)),
    "A claims and commits, then B claims": (["Ac", "A+", "Bc", "B+"], (0, 1)),
    "B claims first, then A": (["Bc", "Ac", "A+", "B+"], (1, 0)),
    "A crashes after claiming, B claims after": (["Ac", "A-", "Bc", "B+"], (None, 0)),
}


@pytest.mark.pg
@pytest.mark.parametrize("schedule", list(SCHEDULES))
def test_pg_interleavings_of_two_claims(pg_hall_url: str, schedule: str) -> None:
    db, ids = _two_waiting(pg_hall_url)
    steps, expected = SCHEDULES[schedule]
    sessions = {"A": Session(db.write_engine), "B": Session(db.write_engine)}
    got: dict[str, int | None] = {"A": None, "B": None}
    for step in steps:
        who, what = step[0], step[1]
        s = sessions[who]
        if what == "c":
            ticket = _claim(s)
            assert ticket is not None
            s.execute(update(Ticket).where(Ticket.id == ticket.id).values(status="serving"))
            got[who] = ticket.id
        elif what == "+":
            s.commit()
        else:
            s.rollback()
            got[who] = None
    for s in sessions.values():
        s.close()
    index = {tid: i for i, tid in enumerate(ids)}
    assert tuple(None if got[k] is None else index[got[k]] for k in "AB") == expected
    with db.read() as s:
        serving = set(s.scalars(select(Ticket.id).where(Ticket.status == "serving")))
    assert serving == {t for t in got.values() if t is not None}  # nothing lost, none twice
    db.dispose()


@pytest.mark.pg
def test_pg_stale_snapshot_rechecks_status(pg_hall_url: str) -> None:
    """B's transaction began before A's call committed: B must not get A's ticket."""
    db, ids = _two_waiting(pg_hall_url)
    with db.write() as b:
        assert s_count(b) == 2  # step 1: B sees both tickets waiting
        with db.write() as a:  # step 2: A claims the head and commits
            t = _claim(a)
            assert t is not None
            a.execute(update(Ticket).where(Ticket.id == t.id).values(status="serving"))
        got = _claim(b)  # step 3: B claims
        assert got is not None and got.id == ids[1]
    with db.read() as s:
        assert s.scalars(select(Ticket.status).order_by(Ticket.id)).all() == ["serving", "waiting"]
    db.dispose()


def _lockable_waiting(db: Database) -> list[str]:
    """The waiting tickets another transaction could lock right now (none it has to wait for)."""
    with db.write() as s:
        return list(
            s.scalars(
                select(Ticket.number)
                .where(Ticket.status == "waiting")
                .order_by(Ticket.id)
                .with_for_update(skip_locked=True)
            )
        )


@pytest.mark.pg
@pytest.mark.parametrize(
    ("taken", "claimed"),
    [
        # Counter 1 serves A, B, C, D, E in that order: A is empty, so the walk-in group reads
        # B and must lock nothing of C, D or E.
        ([(p, "normal") for _ in range(30) for p in "BCDE"], "B001"),
        # The priority group answers; the walk-in heads of A and B stay free.
        ([("A", "normal"), ("B", "normal"), ("D", "elderly")], "D001"),
    ],
)
def test_pg_claim_locks_only_the_ticket_it_returns(
    pg_hall_url: str, taken: list[tuple[str, str]], claimed: str
) -> None:
    hall = open_hall(pg_hall_url)
    kiosk = hall.kiosk().queue
    numbers = [kiosk.take_ticket(prefix, priority=priority).number for prefix, priority in taken]
    with hall.db.write() as s:  # statistics as a busy hall has them: plans a real claim gets
        s.execute(text("ANALYZE"))
    with hall.db.write() as s:
        ticket = _claim(s)
        assert ticket is not None and ticket.number == claimed
        assert _lockable_waiting(hall.db) == [n for n in numbers if n != claimed]
    hall.close()


@pytest.mark.pg
def test_pg_two_pcs_at_one_counter_never_strand_a_ticket(pg_hall_url: str) -> None:
    """Two PCs at counter 1 click "next" at once. The second waits for the first's lock on
    the counter, then must finish the ticket the first called (its snapshot predates it)."""
    import threading

    hall = open_hall(pg_hall_url)
    call_next_in = call_next_for(hall.db).call_in
    kiosk = hall.kiosk().queue
    a1, a2 = kiosk.take_ticket("A"), kiosk.take_ticket("A")
    engine = hall.db.write_engine
    first = engine.connect()
    first.begin()
    assert call_next_in(first, "clerk01", 1, utcnow(), "first-pc").number == a1.number  # type: ignore[union-attr]
    second_called = []

    def second_pc() -> None:
        with engine.begin() as conn:
            second_called.append(call_next_in(conn, "clerk01", 1, utcnow(), "second-pc"))

    worker = threading.Thread(target=second_pc)
    worker.start()
    with engine.connect() as watch:  # wait until the second PC is blocked on the counter lock
        for _ in range(500):
            waiting = watch.scalar(
                text("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'")
            )
            if waiting:
                break
            watch.rollback()
            time.sleep(0.01)
        assert waiting == 1
    first.commit()
    first.close()
    worker.join(timeout=30)
    assert [t.number for t in second_called] == [a2.number]  # type: ignore[union-attr]
    with hall.db.read() as s:
        statuses = {n: st for n, st in s.execute(select(Ticket.number, Ticket.status))}
        current = s.scalar(select(Counter.current_ticket_id).where(Counter.number == 1))
        calls = s.scalars(select(CallEvent.ticket_number).order_by(CallEvent.id)).all()
    assert statuses == {a1.number: "finished", a2.number: "serving"}
    assert current == a2.id
    assert calls == [a1.number, a2.number]
    hall.close()


def test_sqlite_second_writer_waits_for_the_first(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """BEGIN IMMEDIATE: B cannot even start its claim while A's transaction is open."""
    import sqlite3

    url = f"sqlite:///{tmp_path / 'h.db'}"
    hall = open_hall(url)
    hall.seed_demo()
    db, ids = _two_waiting(url)
    with db.write() as a:
        t = _claim(a)
        assert t is not None and t.id == ids[0]
        a.execute(update(Ticket).where(Ticket.id == t.id).values(status="serving"))
        a.flush()
        other = sqlite3.connect(tmp_path / "h.db", timeout=0.2, isolation_level=None)
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
        other.close()
    with db.write() as b:  # after A's commit B sees A's call and takes the next ticket
        got = _claim(b)
        assert got is not None and got.id == ids[1]
    db.dispose()
    hall.close()


@pytest.mark.pg
def test_pg_a_specific_call_skips_a_ticket_another_counter_holds(pg_hall_url: str) -> None:
    """Another counter's claim holds A001 (not yet committed): calling A001 by number is
    refused at once, as "not waiting", instead of waiting for that counter's commit."""
    import threading

    hall = open_hall(pg_hall_url)
    hall.kiosk().queue.take_ticket("A")
    other = hall.db.write_engine.connect()
    other.exec_driver_sql("SELECT id FROM tickets WHERE number = 'A001' FOR UPDATE")
    q = hall.login("clerk02", "demo", counter=2).queue
    refused: list[Exception] = []

    def call_a001() -> None:
        try:
            q.call_ticket("A001", "先办")
        except ValidationError as e:
            refused.append(e)

    worker = threading.Thread(target=call_a001)
    worker.start()
    worker.join(timeout=10)
    blocked = worker.is_alive()
    other.rollback()
    other.close()
    worker.join(timeout=30)
    assert not blocked
    assert len(refused) == 1 and "不在等候中" in str(refused[0])
    assert q.call_ticket("A001", "先办").number == "A001"  # free again: called
    hall.close()
