"""The counter workstation driven by its function keys, as a clerk works a morning queue."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from counter_window import show_counter
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from clerk_app.api import Hall
from clerk_app.demo.hall_data import DEMO_PASSWORD
from ui.counter.counter_screen import CounterScreen
from ui.counter.queue_desk import HEARTBEAT_MS
from ui.main_window import MainWindow

pytestmark = pytest.mark.qt


#: The windows of the running test: a screen dies with its window, so keep them.
_windows: list[MainWindow] = []


@pytest.fixture(autouse=True)
def _keep_windows() -> Iterator[None]:
    yield
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog):
            widget.close()  # a dialog a failed test left open would swallow the next keys
    _windows.clear()


def open_counter(qtbot: QtBot, hall: Hall, counter: int = 1) -> CounterScreen:
    window, screen = show_counter(qtbot, hall, counter)
    _windows.append(window)
    return screen


def press(qtbot: QtBot, screen: CounterScreen, key: Qt.Key) -> None:
    qtbot.keyClick(screen, key)


def shown(screen: CounterScreen) -> str:
    return screen.view.ticket_panel.ticket_label.text()


def message(screen: CounterScreen) -> str:
    return screen.view.ticket_panel.message()


@pytest.fixture
def screen(qtbot: QtBot, clerk_qapp: QApplication, hall: Hall) -> CounterScreen:
    return open_counter(qtbot, hall)


def test_the_keys_are_written_on_the_buttons(screen: CounterScreen) -> None:
    panel = screen.view.ticket_panel
    texts = [b.text() for b in panel.buttons()]
    for key in ("F1", "F2", "F3", "F4", "F5", "F6", "F7"):
        assert any(text.startswith(key) for text in texts), key


def test_f1_calls_the_ticket_taken_at_the_kiosk(
    qtbot: QtBot, screen: CounterScreen, hall: Hall
) -> None:
    hall.kiosk().queue.take_ticket("A", "elderly")
    screen.reload()
    assert [t.number for t in screen.view.waiting_model.rows()] == ["A001"]

    press(qtbot, screen, Qt.Key.Key_F1)

    assert shown(screen) == "A001"
    assert "Elderly" in screen.view.ticket_panel.ticket_status.text()
    assert message(screen) == "Called A001."
    assert screen.view.waiting_model.rowCount() == 0
    current = hall.login("clerk01", DEMO_PASSWORD, counter=1).queue.current()
    assert current is not None and current.number == "A001"


def test_f1_with_an_empty_queue_says_so(qtbot: QtBot, screen: CounterScreen) -> None:
    press(qtbot, screen, Qt.Key.Key_F1)

    assert shown(screen) == "—"
    assert "No one is waiting" in message(screen)


def test_f2_recalls_and_counts(qtbot: QtBot, screen: CounterScreen, hall: Hall) -> None:
    hall.kiosk().queue.take_ticket("A")
    press(qtbot, screen, Qt.Key.Key_F1)

    press(qtbot, screen, Qt.Key.Key_F2)
    assert "recalled 1 times" in screen.view.ticket_panel.ticket_facts.text()
    press(qtbot, screen, Qt.Key.Key_F2)

    assert "recalled 2 times" in screen.view.ticket_panel.ticket_facts.text()
    assert message(screen) == "Called A001 again (recall 2)."


def test_f3_is_refused_before_two_recalls_then_marks_the_no_show(
    qtbot: QtBot, screen: CounterScreen, hall: Hall
) -> None:
    hall.kiosk().queue.take_ticket("A")
    press(qtbot, screen, Qt.Key.Key_F1)

    press(qtbot, screen, Qt.Key.Key_F3)
    assert "Recall 2 times before a no-show" in message(screen)
    assert shown(screen) == "A001"

    press(qtbot, screen, Qt.Key.Key_F2)
    press(qtbot, screen, Qt.Key.Key_F2)
    press(qtbot, screen, Qt.Key.Key_F3)

    assert shown(screen) == "—"
    assert message(screen) == "A001 did not come: no-show."
    assert not screen.view.ticket_panel.recall_button.isEnabled()


def test_f4_transfers_the_ticket_by_keyboard(
    qtbot: QtBot, screen: CounterScreen, hall: Hall
) -> None:
    hall.kiosk().queue.take_ticket("A")
    press(qtbot, screen, Qt.Key.Key_F1)

    press(qtbot, screen, Qt.Key.Key_F4)
    dialog = screen.desk.transfer_dialog
    assert dialog is not None and dialog.isVisible()
    press(qtbot, screen, Qt.Key.Key_F1)  # the dialog is open: the queue keys wait
    assert shown(screen) == "A001"
    qtbot.keyClick(dialog.category_combo, Qt.Key.Key_Down)  # A → B
    qtbot.keyClick(dialog.category_combo, Qt.Key.Key_Return)

    assert shown(screen) == "—"
    assert message(screen) == "A001 transferred to queue B."
    at_b = hall.login("clerk11", DEMO_PASSWORD, counter=11).queue.waiting_for_counter()
    assert [(t.number, t.category_prefix) for t in at_b] == [("A001", "B")]


def test_f4_can_send_the_ticket_to_another_window(
    qtbot: QtBot, screen: CounterScreen, hall: Hall
) -> None:
    hall.kiosk().queue.take_ticket("A")
    press(qtbot, screen, Qt.Key.Key_F1)
    press(qtbot, screen, Qt.Key.Key_F4)
    dialog = screen.desk.transfer_dialog
    assert dialog is not None

    dialog.activateWindow()  # what a window manager does with a new dialog
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)

    qtbot.keyClick(dialog, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(dialog.counter_radio.isChecked)  # a mnemonic "clicks" after 100 ms
    assert dialog.counter_combo.currentData() == 2  # its own window is not offered
    qtbot.keyClick(dialog.counter_combo, Qt.Key.Key_Return)

    assert message(screen) == "A001 transferred to window 2."
    at_2 = hall.login("clerk02", DEMO_PASSWORD, counter=2).queue.waiting_for_counter()
    assert [t.number for t in at_2] == ["A001"]


def test_f5_pauses_then_f1_is_refused_until_f5_resumes(
    qtbot: QtBot, screen: CounterScreen, hall: Hall
) -> None:
    hall.kiosk().queue.take_ticket("A")

    press(qtbot, screen, Qt.Key.Key_F5)
    assert screen.view.counter_badge.text() == "Paused"
    assert screen.view.ticket_panel.pause_button.text() == "F5  Resume"

    press(qtbot, screen, Qt.Key.Key_F1)
    assert "paused" in message(screen)
    assert shown(screen) == "—"

    press(qtbot, screen, Qt.Key.Key_F5)
    press(qtbot, screen, Qt.Key.Key_F1)
    assert screen.view.counter_badge.text() == "Open"
    assert shown(screen) == "A001"


def test_f6_finishes_the_ticket(qtbot: QtBot, screen: CounterScreen, hall: Hall) -> None:
    hall.kiosk().queue.take_ticket("A")
    press(qtbot, screen, Qt.Key.Key_F1)

    press(qtbot, screen, Qt.Key.Key_F6)

    assert shown(screen) == "—"
    assert message(screen) == "A001 finished."
    assert hall.login("clerk01", DEMO_PASSWORD, counter=1).queue.current() is None


def test_f7_calls_a_given_number_with_a_reason(
    qtbot: QtBot, screen: CounterScreen, hall: Hall
) -> None:
    for _ in range(3):
        hall.kiosk().queue.take_ticket("A")

    press(qtbot, screen, Qt.Key.Key_F7)
    dialog = screen.desk.call_ticket_dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.number_edit, "a003")
    dialog.reason_combo.setCurrentIndex(1)
    qtbot.keyClick(dialog.number_edit, Qt.Key.Key_Return)

    assert shown(screen) == "A003"
    assert [t.number for t in screen.view.waiting_model.rows()] == ["A001", "A002"]


def test_a_ticket_left_in_service_shows_at_sign_in_and_can_go_back_to_the_queue(
    qtbot: QtBot, clerk_qapp: QApplication, hall: Hall
) -> None:
    hall.kiosk().queue.take_ticket("A")
    hall.login("clerk01", DEMO_PASSWORD, counter=1).queue.call_next()  # then the PC crashed

    screen = open_counter(qtbot, hall)

    assert shown(screen) == "A001"
    assert "still in service" in message(screen)
    qtbot.mouseClick(screen.view.ticket_panel.release_button, Qt.MouseButton.LeftButton)
    assert shown(screen) == "—"
    assert [t.number for t in screen.view.waiting_model.rows()] == ["A001"]


def test_the_counter_sends_a_heartbeat_and_goes_offline_when_closed(
    qtbot: QtBot, screen: CounterScreen, hall: Hall
) -> None:
    assert screen.desk._heartbeat.isActive()
    assert screen.desk._heartbeat.interval() == HEARTBEAT_MS

    screen.window().close()

    counters = hall.display().queue.status().counters
    assert not next(c for c in counters if c.number == 1).online


def test_reload_moved_to_ctrl_r_so_f5_is_the_counter_s_pause(screen: CounterScreen) -> None:
    window = screen.window()
    shortcuts = {a.text(): a.shortcut().toString() for a in window.findChildren(QAction)}
    assert shortcuts["&Reload"] == "Ctrl+R"
    assert "F5" not in shortcuts.values()
