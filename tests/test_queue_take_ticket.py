"""Take-ticket's cost rules (issue 18): earlier days expire once a day, the estimate is read
after the write transaction, and the slip still shows it."""

from __future__ import annotations

import shutil
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import event, select

from clerk_app.api import Hall, open_hall
from clerk_app.domain.ticket_status import TicketStatus
from clerk_app.errors import ValidationError
from clerk_app.persistence.models import QueueCategory, Ticket


class FakeClock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 26, 1, 30)  # 09:30 in the hall (UTC+8)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def qhall(hall_url: str, clock: FakeClock):  # type: ignore[no-untyped-def]
    h = open_hall(hall_url, clock=clock)
    yield h
    h.close()


def _straggler(hall: Hall, day: date, number: str) -> None:
    """A waiting ticket of ``day`` written behind the service's back (as another PC whose
    clock was a day late would have)."""
    with hall.db.write() as s:
        cat = s.scalars(select(QueueCategory).where(QueueCategory.prefix == "A")).one()
        at = datetime(day.year, day.month, day.day, 1, 0)
        s.add(
            Ticket(
                service_date=day,
                category_id=cat.id,
                seq=900,
                number=number,
                priority="normal",
                status=TicketStatus.WAITING,
                taken_at=at,
                queue_position_at=at,
                recall_count=0,
                printed_count=1,
            )
        )


def _status(hall: Hall, number: str, day: date) -> str:
    with hall.db.read() as s:
        return s.scalars(
            select(Ticket.status).where(Ticket.number == number, Ticket.service_date == day)
        ).one()


def test_earlier_days_are_expired_by_the_first_ticket_of_a_day_only(
    qhall: Hall, clock: FakeClock
) -> None:
    kiosk = qhall.kiosk().queue
    day1 = date(2026, 11, 26)
    kiosk.take_ticket("A")  # A001 of day 1, left waiting
    clock.now += timedelta(days=1)
    with pytest.raises(ValidationError):
        kiosk.take_ticket("Z")  # a failed take is rolled back, and not remembered as done
    kiosk.take_ticket("B")  # the first ticket of day 2 expires day 1's
    assert _status(qhall, "A001", day1) == TicketStatus.EXPIRED
    _straggler(qhall, day1, "A900")
    kiosk.take_ticket("B")  # the same day again: no second expiry
    assert _status(qhall, "A900", day1) == TicketStatus.WAITING
    clock.now += timedelta(days=1)
    kiosk.take_ticket("B")  # a new day: expired
    assert _status(qhall, "A900", day1) == TicketStatus.EXPIRED


def test_the_wait_estimate_is_read_after_the_write_transaction(
    _seeded_sqlite: Path, tmp_path: Path, clock: FakeClock
) -> None:
    # SQLite only: there the write lock belongs to its own engine, so what it runs is visible.
    shutil.copy(_seeded_sqlite, tmp_path / "hall.db")
    hall = open_hall(f"sqlite:///{tmp_path / 'hall.db'}", clock=clock)
    try:
        hall.login("clerk09", "demo", counter=9).queue.heartbeat()  # serves C
        kiosk = hall.kiosk().queue
        kiosk.take_ticket("C")
        written: list[str] = []

        def on_execute(_c, _cur, statement: str, *_a) -> None:  # type: ignore[no-untyped-def]
            written.append(statement)

        event.listen(hall.db.write_engine, "before_cursor_execute", on_execute)
        slip = kiosk.take_ticket("C")
        event.remove(hall.db.write_engine, "before_cursor_execute", on_execute)
        # (1 ahead + 1) × the usual 8 minutes ÷ 1 counter: the slip still shows the estimate.
        assert (slip.number, slip.ahead, slip.wait_minutes) == ("C002", 1, 16)
        # Under the lock: the category, the day's sequence, the ticket, the audit row; none of
        # the estimate's reads (open counters, settings, counts, service times).
        estimate_reads = ("counter_categories", "hall_settings", "count(", "finished_at DESC")
        # (one setting is a rule of issuing itself: which categories are real-name, issue 14)
        rule = 'hall_settings."key" = ?'
        written = [s for s in written if rule not in s]
        assert written and not any(r in s for s in written for r in estimate_reads), [
            s for s in written if any(r in s for r in estimate_reads)
        ]
        # (the only UPDATE of tickets is the new ticket's reprint token, issue 16)
        expiry = [s for s in written if s.startswith("UPDATE tickets SET status")]
        assert expiry == [], "day's expiry ran again"
    finally:
        hall.close()
