"""``supervision.charts()``: the hourly counts, the waits and the satisfaction by counter agree
with tickets and ratings the test makes at set times (a controlled clock)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from clerk_app.api import Hall
from clerk_app.errors import PermissionDenied
from clerk_app.services.supervision.charts import SATISFACTION_DAYS, WAIT_BOUNDS
from clerk_app.services.supervision.results import Charts
from tests.support.acceptance import MovableClock, at, clerk


@pytest.fixture
def clock() -> MovableClock:
    return MovableClock()  # Thursday 26 November 2026, 10:00 in the hall


@pytest.fixture
def desk(hall: Hall, clock: MovableClock) -> Hall:
    return at(hall, clock)


def charts(hall: Hall) -> Charts:
    return hall.login("supervisor", "demo").supervision.charts()


def on(clock: MovableClock, hh: int, mm: int, day: int = 26) -> None:
    clock.set_local(datetime(2026, 11, day, hh, mm))


def test_only_the_supervisor_reads_the_charts(desk: Hall) -> None:
    for session in (clerk(desk, 1), desk.kiosk(), desk.display(), desk.system()):
        with pytest.raises(PermissionDenied):
            session.supervision.charts()


def test_hours_waits_and_satisfaction_count_the_tickets_made(
    desk: Hall, clock: MovableClock
) -> None:
    kiosk = desk.kiosk().queue
    on(clock, 15, 0, day=25)  # yesterday: counted by no chart of today
    kiosk.take_ticket("A")
    counter = clerk(desk, 3).queue
    assert counter.call_next() is not None
    counter.finish()

    on(clock, 8, 30)
    first = kiosk.take_ticket("A")
    on(clock, 8, 50)
    second = kiosk.take_ticket("A")
    on(clock, 9, 5)
    counter = clerk(desk, 3).queue
    called = counter.call_next()
    assert called is not None and called.id == first.id  # waited 35 minutes
    on(clock, 9, 20)
    counter.finish()
    desk.evaluator(3).evaluations.rate(first.id, 1)  # 非常满意: 10 points
    on(clock, 9, 30)
    called = counter.call_next()
    assert called is not None and called.id == second.id  # waited 40 minutes
    on(clock, 10, 7)
    third = kiosk.take_ticket("A")
    on(clock, 10, 10)
    counter.finish()
    desk.evaluator(3).evaluations.rate(second.id, 3)  # 基本满意: 6 points
    called = counter.call_next()
    assert called is not None and called.id == third.id  # waited 3 minutes, still in service
    on(clock, 10, 15)

    result = charts(desk)

    assert result.day == date(2026, 11, 26) and result.at == datetime(2026, 11, 26, 10, 15)
    assert [h.hour for h in result.hours] == list(range(24))
    arrivals = {h.hour: h.arrivals for h in result.hours if h.arrivals}
    services = {h.hour: h.services for h in result.hours if h.services}
    assert arrivals == {8: 2, 10: 1}
    assert services == {9: 1, 10: 1}
    waits = {b.low: b.tickets for b in result.waits}
    assert [b.low for b in result.waits] == list(WAIT_BOUNDS)
    assert result.waits[-1].high is None and result.waits[0].high == WAIT_BOUNDS[1]
    assert waits[0] == 1 and waits[30] == 2 and sum(waits.values()) == 3
    assert SATISFACTION_DAYS == 30 and result.satisfaction_since == date(2026, 10, 28)
    by_counter = {c.counter_no: c for c in result.satisfaction}
    assert by_counter[3].ratings == 2 and by_counter[3].satisfaction == pytest.approx(0.8)
    assert by_counter[1].ratings == 0 and by_counter[1].satisfaction is None
    assert [c.counter_no for c in result.satisfaction] == sorted(by_counter)
