"""The queue screens' table adapters and the flash curve, tested with no window."""

from __future__ import annotations

import itertools
from datetime import datetime

import pytest
from PySide6.QtCore import Qt

from clerk_app.services.queue.results import CallInfo, CounterState, TicketInfo
from ui.counter.waiting_model import WaitingTicketModel, minutes_between
from ui.dashboard.counter_state_model import CounterStateModel, is_stranded
from ui.display.call_model import BACKGROUND, FLASH, CallTableModel, RecentCallModel, blend
from ui.display.flash import flash_level

DISPLAY = Qt.ItemDataRole.DisplayRole
BACKGROUND_ROLE = Qt.ItemDataRole.BackgroundRole
NOW = datetime(2026, 3, 2, 10, 0)


def ticket(number: str, taken: datetime, priority: str = "normal", ahead: int = 0) -> TicketInfo:
    return TicketInfo(
        id=int(number[1:]),
        number=number,
        category_prefix=number[0],
        category_name="企业开办",
        priority=priority,
        status="waiting",
        taken_at=taken,
        called_at=None,
        counter_number=None,
        recall_count=0,
        masked_identity="",
        ahead=ahead,
    )


def counter(number: int, *, online: bool, ticket: str | None, paused: bool = False) -> CounterState:
    return CounterState(number, f"综合窗口{number}", ("A", "B"), paused, online, None, ticket, None)


def test_the_waiting_model_shows_place_priority_and_minutes_waited() -> None:
    model = WaitingTicketModel()
    model.set_queue(
        [
            ticket("A003", datetime(2026, 3, 2, 9, 48), "elderly", ahead=0),
            ticket("A001", datetime(2026, 3, 2, 9, 30), ahead=1),
        ],
        NOW,
    )

    def text(row: int, column: int) -> str:
        return str(model.index(row, column).data(DISPLAY))

    assert [text(r, WaitingTicketModel.POSITION) for r in range(2)] == ["1", "2"]
    assert text(0, WaitingTicketModel.PRIORITY) == "Elderly"
    assert text(1, WaitingTicketModel.PRIORITY) == ""
    assert [text(r, WaitingTicketModel.WAITED) for r in range(2)] == ["12", "30"]
    assert minutes_between(NOW, datetime(2026, 3, 2, 9, 0)) == 0  # never negative


def test_a_stranded_counter_reads_red_and_says_why() -> None:
    model = CounterStateModel()
    model.set_rows(
        [
            counter(1, online=True, ticket="A001"),
            counter(2, online=False, ticket="A002"),
            counter(3, online=False, ticket=None),
            counter(4, online=True, ticket=None, paused=True),
        ]
    )
    states = [model.index(r, CounterStateModel.STATE).data(DISPLAY) for r in range(4)]

    assert states == ["Open", "Offline · ticket stranded", "Offline", "Paused"]
    assert [is_stranded(r) for r in model.rows()] == [False, True, False, False]
    assert model.index(1, CounterStateModel.NAME).data(BACKGROUND_ROLE) is not None
    assert model.index(0, CounterStateModel.NAME).data(BACKGROUND_ROLE) is None
    assert model.row_of(3) == 2 and model.row_of(99) is None


def test_the_flash_lights_the_rows_of_the_new_calls_only() -> None:
    at = datetime(2026, 3, 2, 9, 0)
    rows = [CallInfo(7, at, "A002", 2, "call"), CallInfo(5, at, "B001", 9, "call")]
    current, recent = CallTableModel(), RecentCallModel()
    current.set_rows(rows)
    recent.set_rows(rows)

    current.set_flash({9}, 1.0)  # by counter
    recent.set_flash({7}, 1.0)  # by call

    assert current.flashing_rows() == [1]
    assert recent.flashing_rows() == [0]
    assert current.index(1, 0).data(BACKGROUND_ROLE) == FLASH
    current.set_flash({9}, 0.0)
    assert current.flashing_rows() == []
    assert current.index(1, 0).data(BACKGROUND_ROLE) is None


def test_the_flash_starts_full_blinks_and_ends_dark() -> None:
    assert flash_level(0.0) == pytest.approx(1.0)
    assert flash_level(1.0) == pytest.approx(0.0)
    levels = [flash_level(i / 100) for i in range(101)]
    assert min(levels) == pytest.approx(0.0, abs=0.01)
    assert sum(1 for a, b in itertools.pairwise(levels) if a < 0.5 <= b) == 3
    halfway = (BACKGROUND.red() + FLASH.red()) / 2
    assert blend(BACKGROUND, FLASH, 0.5).red() == pytest.approx(halfway, abs=0.5)
