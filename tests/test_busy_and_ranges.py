"""A busy database is a message, not a traceback; integers out of range are refused alike on
both databases (issue 16)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from clerk_app import cli
from clerk_app.api import Hall, ItemRequest, ValidationError, open_hall
from clerk_app.errors import DatabaseBusy
from clerk_app.persistence import database
from clerk_app.services.cases.results import CaseRef
from tests.support.acceptance import FOOD, MovableClock, at, clerk, firm

TOO_BIG = 2**63


def _hold_the_write_lock(hall_url: str) -> Callable[[], None]:
    """Another PC takes the lock that taking a ticket needs and keeps it; returns its release."""
    if hall_url.startswith("sqlite"):
        path = make_url(hall_url).database
        assert path is not None
        lite = sqlite3.connect(Path(path), isolation_level=None)
        lite.execute("BEGIN IMMEDIATE")  # SQLite's single write lock

        def release_lite() -> None:
            lite.execute("ROLLBACK")
            lite.close()

        return release_lite
    import psycopg

    plain = make_url(hall_url).set(drivername="postgresql")
    pg = psycopg.connect(plain.render_as_string(hide_password=False))
    pg.execute("LOCK TABLE tickets IN ACCESS EXCLUSIVE MODE")  # held until rolled back

    def release_pg() -> None:
        pg.rollback()
        pg.close()

    return release_pg


def test_a_lock_held_past_the_busy_timeout_says_busy(
    hall_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(database, "BUSY_TIMEOUT_S", 0.2)  # SQLite busy timeout, PG lock_timeout
    hall = open_hall(hall_url)
    release = _hold_the_write_lock(hall_url)
    try:
        with pytest.raises(DatabaseBusy) as busy:
            hall.kiosk().queue.take_ticket("A")
        assert "数据库正忙" in busy.value.zh and "busy" in busy.value.en
        assert cli.main(["--db", hall_url, "ticket", "take", "A"]) == 2
        err = capsys.readouterr().err
        assert "数据库正忙" in err and "Traceback" not in err
    finally:
        release()
        hall.close()
    assert open_hall(hall_url).kiosk().queue.take_ticket("A").number  # and then it works


def _sites(desk: Hall) -> list[tuple[str, Callable[[int], object]]]:
    s = clerk(desk)
    sup = desk.login("supervisor", "demo")
    [case] = s.cases.accept(firm(), [ItemRequest(FOOD)], ticket_id=None)
    return [
        ("login(counter)", lambda n: desk.login("clerk02", "demo", counter=n)),
        ("evaluator(counter)", lambda n: desk.evaluator(n)),
        ("accept(ticket_id)", lambda n: s.cases.accept(firm(2), [ItemRequest(FOOD)], ticket_id=n)),
        ("cases_for_ticket", lambda n: s.cases.cases_for_ticket(n)),
        ("review(version)", lambda n: s.cases.review(case.case_no, n)),
        ("collect_bundle(version)", lambda n: s.cases.collect_bundle([CaseRef(case.case_no, n)])),
        ("transfer(to_counter)", lambda n: s.queue.transfer(to_counter=n)),
        ("resolve_counter", lambda n: sup.queue.resolve_counter(n, finish=False)),
        ("board(since_call_id)", lambda n: desk.display().queue.board(n)),
        ("credit.repair", lambda n: desk.system().credit.repair(n, "依据")),
        ("evaluator_view", lambda n: desk.evaluator(1).evaluations.evaluator_view(n)),
    ]


def test_integers_out_of_range_are_refused_alike(hall: Hall) -> None:
    desk = at(hall, MovableClock())
    for name, call in _sites(desk):
        for bad in (TOO_BIG, -1):
            with pytest.raises(ValidationError) as refused:
                call(bad)
            assert "whole number" in refused.value.en, (name, bad, refused.value)
