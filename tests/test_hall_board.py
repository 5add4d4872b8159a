"""The hall display's board on both databases: every counter serving now, never an offline one.

The hall of issue 12, defect 4: 6 counters serving, 5 offline (one of them, counter 4, signed
off still holding the ticket it called), 1 paused. The board lists the 6, sends nobody to
counter 4 and counts the 6 counters open now.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest

from clerk_app.api import Hall, open_hall
from tests.support.busy_hall import SERVING, at, stage_busy_hall


class FakeClock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 26, 1, 30)  # 09:30 in the hall (UTC+8)

    def __call__(self) -> datetime:
        return self.now

    def tick(self, **kw: float) -> None:
        self.now += timedelta(**kw)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def qhall(hall_url: str, clock: FakeClock) -> Iterator[Hall]:
    h = open_hall(hall_url, clock=clock)
    yield h
    h.close()


def pairs(calls: object) -> set[tuple[str, int]]:
    return {(c.ticket_number, c.counter_number) for c in calls}  # type: ignore[attr-defined]


def test_the_board_lists_every_counter_serving_and_no_offline_one(qhall: Hall) -> None:
    stage_busy_hall(qhall)

    board = qhall.display().queue.board()

    assert pairs(board.current) == SERVING
    assert 4 not in {c.counter_number for c in (*board.recent, *board.new_calls)}
    assert board.open_counters == 6  # 12 counters, 5 of them offline and 1 paused


def test_the_board_counts_no_counter_open_when_every_clerk_has_left(
    qhall: Hall, clock: FakeClock
) -> None:
    stage_busy_hall(qhall)
    clock.tick(seconds=91)  # no heartbeat for longer than queue.offline_after_seconds

    board = qhall.display().queue.board()

    assert board.open_counters == 0
    assert board.current == () and board.recent == ()


def test_a_ticket_called_again_elsewhere_shows_only_where_it_is_now(qhall: Hall) -> None:
    qhall.kiosk().queue.take_ticket("A")
    one = at(qhall, 1).queue
    one.call_next()  # A001 at counter 1
    one.transfer(to_counter=2)
    at(qhall, 2).queue.call_next()  # A001 again, now at counter 2

    board = qhall.display().queue.board()

    assert pairs(board.current) == {("A001", 2)}


def test_a_call_is_proof_of_life_so_it_is_always_shown_and_announced(
    qhall: Hall, clock: FakeClock
) -> None:
    kiosk = qhall.kiosk().queue
    for _ in range(3):
        kiosk.take_ticket("A")
    display = qhall.display().queue
    start = display.board()
    seven = at(qhall, 7).queue
    clock.tick(seconds=120)  # its heartbeats were lost meanwhile (a network blip)
    seven.call_next()
    four = at(qhall, 4).queue
    four.sign_off()
    four.call_next()  # a session still open after signing off calls: someone is there

    board = display.board(start.last_call_id)

    assert pairs(board.new_calls) == {("A001", 7), ("A002", 4)}
    assert pairs(board.current) == {("A001", 7), ("A002", 4)}
    assert board.open_counters == 2
    counters = {c.number: c for c in display.status().counters}
    assert counters[7].online and counters[4].online


def test_a_recall_is_proof_of_life_too(qhall: Hall, clock: FakeClock) -> None:
    qhall.kiosk().queue.take_ticket("A")
    seven = at(qhall, 7).queue
    seven.call_next()
    clock.tick(seconds=120)
    start = qhall.display().queue.board()
    assert start.current == ()

    seven.recall()

    board = qhall.display().queue.board(start.last_call_id)
    assert pairs(board.new_calls) == {("A001", 7)} and pairs(board.current) == {("A001", 7)}
