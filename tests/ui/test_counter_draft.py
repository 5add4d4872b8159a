"""An application typed but not decided survives the queue keys unless the clerk discards it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from counter_window import show_counter
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.qtbot import QtBot
from test_acceptance_panel import choose_item, enter_person

from clerk_app.api import Hall
from clerk_app.demo.credit_cases import PERSONS
from ui.acceptance.acceptance_panel import APPLICANT, MATERIALS
from ui.counter.counter_screen import CounterScreen
from ui.main_window import MainWindow

pytestmark = pytest.mark.qt

_windows: list[MainWindow] = []


@pytest.fixture(autouse=True)
def _keep_windows() -> Iterator[None]:
    yield
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog):
            widget.close()
    _windows.clear()


@pytest.fixture
def screen(qtbot: QtBot, clerk_qapp: QApplication, hall: Hall) -> CounterScreen:
    for _ in range(2):
        hall.kiosk().queue.take_ticket("A")
    window, counter = show_counter(qtbot, hall, 1)
    _windows.append(window)
    return counter


def at_focus(qtbot: QtBot, screen: CounterScreen, key: Qt.Key) -> None:
    """``key`` where the clerk's focus is, as the keyboard sends it."""
    qtbot.keyClick(QApplication.focusWidget() or screen, key)


def the_question(qtbot: QtBot, screen: CounterScreen) -> QMessageBox:
    qtbot.waitUntil(lambda: screen.discard_box is not None and screen.discard_box.isVisible())
    box = screen.discard_box
    assert box is not None
    return box


def draft_under_way(qtbot: QtBot, screen: CounterScreen) -> str:
    """F1, then an applicant and an item: the application in progress; the ticket's number."""
    at_focus(qtbot, screen, Qt.Key.Key_F1)
    assert screen.desk.current is not None
    panel = screen.acceptance
    enter_person(qtbot, panel, "李秀珍", PERSONS[0].resident_id)
    choose_item(qtbot, panel, "spjyxk", "食品经营许可")
    assert panel.stack.currentIndex() == MATERIALS
    return screen.desk.current.number


@pytest.mark.parametrize("key", [Qt.Key.Key_F1, Qt.Key.Key_F6])
def test_a_queue_key_asks_before_a_draft_is_lost_and_enter_returns_to_it(
    qtbot: QtBot, screen: CounterScreen, hall: Hall, key: Qt.Key
) -> None:
    number = draft_under_way(qtbot, screen)
    at_focus(qtbot, screen, key)

    box = the_question(qtbot, screen)
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)
    assert "Discard" in box.text()
    # Nothing happened yet: the ticket is in service, the draft is whole.
    session = screen._session
    assert session.queue.current() is not None and session.queue.current().number == number
    qtbot.keyClick(box, Qt.Key.Key_Return)  # the default: back to the application

    qtbot.waitUntil(lambda: screen.discard_box is None)
    panel = screen.acceptance
    assert screen.desk.current is not None and screen.desk.current.number == number
    assert session.queue.current() is not None and session.queue.current().number == number
    assert panel.applicant_page.name_edit.text() == "李秀珍"
    assert [i.name for i in panel.items_page.chosen()] == ["食品经营许可"]
    assert panel.stack.currentIndex() == MATERIALS
    assert session.cases.cases_for_ticket(screen.desk.current.id) == []


def test_the_clerk_may_discard_the_draft_and_then_the_key_acts(
    qtbot: QtBot, screen: CounterScreen
) -> None:
    number = draft_under_way(qtbot, screen)
    at_focus(qtbot, screen, Qt.Key.Key_F6)
    box = the_question(qtbot, screen)
    qtbot.keyClick(box, Qt.Key.Key_D)  # 放弃 (D)

    qtbot.waitUntil(lambda: screen.discard_box is None)
    panel = screen.acceptance
    assert screen.desk.current is None and screen._session.queue.current() is None
    assert number in screen.view.ticket_panel.message()  # "A001 finished."
    assert panel.applicant_page.name_edit.text() == ""
    assert panel.items_page.chosen() == []
    assert panel.stack.currentIndex() == APPLICANT


def test_no_question_without_a_draft(qtbot: QtBot, screen: CounterScreen) -> None:
    at_focus(qtbot, screen, Qt.Key.Key_F1)
    first = screen.desk.current
    assert first is not None
    at_focus(qtbot, screen, Qt.Key.Key_F1)  # nothing typed: straight to the next ticket
    assert screen.discard_box is None
    assert screen.desk.current is not None and screen.desk.current.id != first.id
