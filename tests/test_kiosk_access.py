"""The kiosk sees only what it printed (issue 16): reprint by the token it got, appointment
codes that cannot be guessed and a pause after wrong ones, no clerk names in what it reads."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from clerk_app.api import Hall, NotFound, open_hall
from clerk_app.domain.appointment_code import CheckInLimiter, is_appointment_code
from clerk_app.persistence.models import Appointment, QueueCategory, Ticket
from clerk_app.services.queue.service import CheckInPaused


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 26, 1, 30)  # 09:30 in the hall

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def khall(hall_url: str, clock: Clock) -> Iterator[Hall]:
    h = open_hall(hall_url, clock=clock)
    yield h
    h.close()


def _printed(hall: Hall, ticket_id: int) -> int:
    with hall.db.read() as s:
        return s.get_one(Ticket, ticket_id).printed_count


def test_reprint_only_by_the_token_of_the_issuing_kiosk(khall: Hall, clock: Clock) -> None:
    kiosk = khall.kiosk().queue
    mine, other = kiosk.take_ticket("A"), khall.kiosk().queue.take_ticket("B")
    assert mine.reprint_token and mine.reprint_token != other.reprint_token
    again = kiosk.reprint(mine.reprint_token)
    assert again.reprint and again.number == mine.number
    # By id, by another ticket's id with this token's secret, by a made-up token: refused, and
    # the other ticket is not marked as reprinted.
    forged = f"{other.id}.{mine.reprint_token.partition('.')[2]}"
    for token in (str(other.id), forged, "", "x.y", f"{2**70}.abc"):
        with pytest.raises(NotFound, match="只能补打本机刚取的号票"):
            kiosk.reprint(token)
    assert _printed(khall, other.id) == 1
    # Nobody else gets the token: a counter's view of the ticket has none.
    called = khall.login("clerk01", "demo", counter=1).queue.call_next()
    assert called is not None and called.reprint_token == ""
    clock.now += timedelta(days=1)  # yesterday's ticket is not printed again
    with pytest.raises(NotFound):
        kiosk.reprint(mine.reprint_token)


def _book(hall: Hall, clock: Clock, code: str) -> None:
    with hall.db.write() as s:
        cat = s.scalars(select(QueueCategory).where(QueueCategory.prefix == "C")).one()
        start = clock.now + timedelta(minutes=10)
        s.add(
            Appointment(
                code=code,
                category_id=cat.id,
                applicant_name="陈先生",
                slot_start=start,
                slot_end=start + timedelta(minutes=30),
            )
        )


def test_five_wrong_codes_pause_check_in_for_a_minute(khall: Hall, clock: Clock) -> None:
    _book(khall, clock, "K7M2Q9XR")
    kiosk = khall.kiosk().queue
    for guess in ("K7M2Q9XA", "K7M2Q9XB", "SHORT", "K7M2Q9XC", "K7M2Q9XD"):
        with pytest.raises(NotFound):
            kiosk.check_in(guess)
    with pytest.raises(CheckInPaused) as paused:
        kiosk.check_in("K7M2Q9XR")  # even the right code waits: nothing is looked up
    assert "60 秒后再试" in paused.value.zh and paused.value.seconds == 60
    clock.now += timedelta(seconds=30)
    with pytest.raises(CheckInPaused, match="30 秒"):
        kiosk.check_in("K7M2Q9XR")
    khall.kiosk().queue.take_ticket("A")  # taking tickets goes on meanwhile
    clock.now += timedelta(seconds=30)
    assert kiosk.check_in("k7m2q9xr").priority == "appointment"


def test_short_codes_are_never_looked_up(khall: Hall, clock: Clock) -> None:
    _book(khall, clock, "Y1")  # written past the import's rule: still not accepted
    with pytest.raises(NotFound):
        khall.kiosk().queue.check_in("Y1")


def test_appointment_code_rule() -> None:
    assert is_appointment_code("K7M2Q9XR") and is_appointment_code("A" * 16)
    for bad in ("W0001", "A" * 17, "K7M2-Q9XR", "k7m2q9xr", "Ｋ7M2Q9XR"):
        assert not is_appointment_code(bad)


def test_limiter_counts_only_wrong_codes_close_together() -> None:
    t0 = datetime(2026, 11, 26, 2, 0)
    limiter = CheckInLimiter()
    for i in range(5):  # five wrong codes spread over more than a minute: no pause
        limiter.failed(t0 + timedelta(seconds=20 * i))
    assert limiter.wait_seconds(t0 + timedelta(seconds=81)) == 0
    limiter.succeeded()
    for i in range(5):
        limiter.failed(t0 + timedelta(seconds=i))
    assert limiter.wait_seconds(t0 + timedelta(seconds=4)) == 60
    assert limiter.wait_seconds(t0 + timedelta(seconds=64)) == 0
    limiter.failed(t0 + timedelta(seconds=65))  # a fresh start after the pause
    assert limiter.wait_seconds(t0 + timedelta(seconds=65)) == 0


def test_status_names_no_clerk_to_a_kiosk_or_display(khall: Hall) -> None:
    khall.login("clerk01", "demo", counter=1)
    staff = khall.login("supervisor", "demo").queue.status()
    [name] = [c.clerk for c in staff.counters if c.number == 1]
    assert name
    for session in (khall.kiosk(), khall.display()):
        status = session.queue.status()
        assert all(c.clerk is None for c in status.counters)
        assert name not in repr(status) and name not in repr(session.queue.board())
