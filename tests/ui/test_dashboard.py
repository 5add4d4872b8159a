"""The supervisor's dashboard: live numbers, a stranded counter's ticket released by a click,
and closing the day after a confirmation."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from clerk_app.api import Hall
from clerk_app.demo.hall_data import DEMO_PASSWORD
from clerk_app.services.queue.results import CategoryLoad
from ui.dashboard.category_tile import CategoryTile
from ui.dashboard.counter_state_model import CounterStateModel
from ui.dashboard.dashboard_screen import DashboardScreen
from ui.main_window import MainWindow

pytestmark = pytest.mark.qt


@pytest.fixture
def window(qtbot: QtBot, clerk_qapp: QApplication, hall: Hall) -> Iterator[MainWindow]:
    window = MainWindow(hall.login("supervisor", DEMO_PASSWORD), hall.name)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    yield window


def dashboard(window: MainWindow) -> DashboardScreen:
    screen = window.screen_widget
    assert isinstance(screen, DashboardScreen)
    return screen


def strand_a_ticket(hall: Hall, counter: int) -> str:
    """A clerk calls a ticket, then the counter PC dies (signed off: offline at once)."""
    hall.kiosk().queue.take_ticket("A")
    queue = hall.login(f"clerk{counter:02d}", DEMO_PASSWORD, counter=counter).queue
    ticket = queue.call_next()
    assert ticket is not None
    queue.sign_off()
    return ticket.number


def click_row(qtbot: QtBot, screen: DashboardScreen, counter: int) -> None:
    view = screen.view.counters_view
    row = screen.counter_model.row_of(counter)
    assert row is not None
    rect = view.visualRect(view.model().index(row, CounterStateModel.NAME))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_the_tiles_and_the_badge_count_the_waiting(
    qtbot: QtBot, window: MainWindow, hall: Hall
) -> None:
    screen = dashboard(window)
    for prefix in "AAC":
        hall.kiosk().queue.take_ticket(prefix)

    qtbot.waitUntil(lambda: screen.view.total_badge.text() == "Waiting in hall: 3", timeout=3000)
    tiles = {tile.prefix: tile.waiting_label.text() for tile in screen.tiles}
    assert tiles["A"] == "2" and tiles["C"] == "1" and tiles["B"] == "0"


def test_a_stranded_ticket_is_put_back_in_the_queue_by_a_click(
    qtbot: QtBot, window: MainWindow, hall: Hall
) -> None:
    number = strand_a_ticket(hall, 3)
    screen = dashboard(window)
    screen.poller.poll_now()
    model = screen.counter_model
    row = model.row_of(3)
    assert row is not None
    state = model.index(row, CounterStateModel.STATE)
    assert state.data() == "Offline · ticket stranded"
    assert model.index(row, CounterStateModel.TICKET).data() == number
    assert not screen.view.release_button.isEnabled()

    click_row(qtbot, screen, 3)
    assert screen.view.release_button.isEnabled()
    qtbot.mouseClick(screen.view.release_button, Qt.MouseButton.LeftButton)

    assert (
        screen.view.message_label.text() == f"Window 3: {number} is back in the queue at its place."
    )
    row = model.row_of(3)
    assert row is not None
    assert model.index(row, CounterStateModel.TICKET).data() == "—"
    waiting = hall.login("clerk05", DEMO_PASSWORD, counter=5).queue.waiting_for_counter()
    assert [t.number for t in waiting] == [number]
    assert not screen.view.release_button.isEnabled()


def test_a_stranded_ticket_can_be_finished_instead(
    qtbot: QtBot, window: MainWindow, hall: Hall
) -> None:
    number = strand_a_ticket(hall, 8)
    screen = dashboard(window)
    screen.poller.poll_now()

    click_row(qtbot, screen, 8)
    qtbot.mouseClick(screen.view.finish_button, Qt.MouseButton.LeftButton)

    assert screen.view.message_label.text() == f"Window 8: {number} finished."
    assert hall.kiosk().queue.status().categories[0].waiting == 0


def test_an_online_counter_s_ticket_cannot_be_taken_from_its_clerk(
    qtbot: QtBot, window: MainWindow, hall: Hall
) -> None:
    hall.kiosk().queue.take_ticket("A")
    hall.login("clerk02", DEMO_PASSWORD, counter=2).queue.call_next()
    screen = dashboard(window)
    screen.poller.poll_now()

    click_row(qtbot, screen, 2)

    assert not screen.view.release_button.isEnabled()
    assert not screen.view.finish_button.isEnabled()


def test_closing_the_day_asks_first_then_expires_the_waiting(
    qtbot: QtBot, window: MainWindow, hall: Hall, monkeypatch: pytest.MonkeyPatch
) -> None:
    for prefix in "AB":
        hall.kiosk().queue.take_ticket(prefix)
    screen = dashboard(window)
    questions: list[str] = []
    answer = False

    def confirm(text: str) -> bool:
        questions.append(text)
        return answer

    monkeypatch.setattr(screen, "confirm", confirm)

    qtbot.mouseClick(screen.view.close_day_button, Qt.MouseButton.LeftButton)
    assert len(questions) == 1
    assert sum(c.waiting for c in hall.kiosk().queue.status().categories) == 2

    answer = True
    qtbot.mouseClick(screen.view.close_day_button, Qt.MouseButton.LeftButton)
    assert "2 waiting ticket(s) expired" in screen.view.message_label.text()
    assert sum(c.waiting for c in hall.kiosk().queue.status().categories) == 0
    assert screen.view.total_badge.text() == "Waiting in hall: 0"


def test_a_category_no_open_counter_serves_shows_no_minutes(
    qtbot: QtBot, clerk_qapp: QApplication
) -> None:
    """Issue 12, defect 6: the tile promised minutes when no counter served the category."""
    tile = CategoryTile("C", "不动产登记")
    qtbot.addWidget(tile)
    tile.show_load(CategoryLoad("C", "不动产登记", 3, 0, None))
    assert tile.caption_label.text() == "waiting\nno window open"
    tile.show_load(CategoryLoad("C", "不动产登记", 3, 1, 32))
    assert tile.caption_label.text() == "waiting · about 32 min\n1 window(s) open"
