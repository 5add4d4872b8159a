"""The counter workstation as a clerk opens it: signed in at a counter, window shown and active."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from clerk_app.api import Hall
from clerk_app.demo.hall_data import DEMO_PASSWORD
from ui.counter.counter_screen import CounterScreen
from ui.main_window import MainWindow


def show_counter(qtbot: QtBot, hall: Hall, counter: int) -> tuple[MainWindow, CounterScreen]:
    """Counter ``counter``'s staff window, shown and active, so its window shortcuts (F1 …)
    work, and its counter screen. Keep the window: the screen dies with it."""
    session = hall.login(f"clerk{counter:02d}", DEMO_PASSWORD, counter=counter)
    window = MainWindow(session, hall.name)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    screen = window.screen_widget
    assert isinstance(screen, CounterScreen)
    return window, screen
