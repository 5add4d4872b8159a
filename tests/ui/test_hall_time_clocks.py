"""The kiosk's and the hall display's clocks show hall time (UTC+8), not the PC's clock zone.

The PC here runs in UTC, as the machine that found the defect did: the screens showed 8 hours
off from the tickets and the counter, which use hall time.
"""

from __future__ import annotations

import time
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from clerk_app.api import Hall
from tests.support.acceptance import MovableClock, at
from ui.display.hall_display_window import HallDisplayWindow
from ui.kiosk.kiosk_window import KioskWindow

pytestmark = pytest.mark.qt

# Late evening in the hall is still the afternoon in UTC: a PC clock would show 15:xx.
HALL_EVENING = datetime(2026, 12, 31, 23, 45, 10)


@pytest.fixture
def utc_pc(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_the_display_shows_the_halls_time_and_date(
    qtbot: QtBot, clerk_qapp: QApplication, hall: Hall, utc_pc: None
) -> None:
    evening = at(hall, MovableClock(HALL_EVENING))
    window = HallDisplayWindow(evening.display(), evening.name, announcer=None)
    qtbot.addWidget(window)
    window._tick()
    assert window.view.clock_label.text() == "23:45:10"
    assert window.view.date_label.text().startswith("2026-12-31")


def test_the_kiosk_shows_the_halls_time(
    qtbot: QtBot, clerk_qapp: QApplication, hall: Hall, utc_pc: None, tmp_path: Path
) -> None:
    evening = at(hall, MovableClock(HALL_EVENING))
    window = KioskWindow(evening.kiosk(), evening.name)
    qtbot.addWidget(window)
    window._tick()
    assert window.view.clock_label.text() == "2026-12-31 23:45"
