"""The kiosk and the hall display: full-screen public windows built from the catalog."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from clerk_app.api import Hall
from clerk_app.services.queue.results import CallInfo
from ui.display.announcer import Announcer
from ui.display.hall_display_window import HallDisplayWindow
from ui.kiosk.kiosk_window import KioskWindow

pytestmark = pytest.mark.qt


def test_kiosk_has_a_button_per_category_and_touching_one_names_it(
    qtbot: QtBot, clerk_qapp: QApplication, hall: Hall
) -> None:
    kiosk = KioskWindow(hall.kiosk(), hall.name)
    qtbot.addWidget(kiosk)
    kiosk.resize(1920, 1080)
    kiosk.show()

    prefixes = [c.prefix for c in hall.kiosk().catalog.list_categories()]
    assert [b.property("prefix") for b in kiosk.buttons] == prefixes

    with qtbot.waitSignal(kiosk.category_chosen) as chosen:
        qtbot.mouseClick(kiosk.buttons[2], Qt.MouseButton.LeftButton)
    assert chosen.args == [prefixes[2]]


def test_hall_display_shows_the_latest_calls_newest_first(
    qtbot: QtBot, clerk_qapp: QApplication, hall: Hall
) -> None:
    display = HallDisplayWindow(hall.display(), hall.name, announcer=Announcer("none"))
    qtbot.addWidget(display)
    display.resize(1920, 1080)
    display.show()
    assert display.call_model.rowCount() == 0
    assert display.empty_label.isVisible()
    assert display.call_model.headers() == ["Number", "Counter"]

    at = datetime(2026, 3, 2, 9, 0)
    calls = [CallInfo(n, at, f"A{n:03d}", n % 12 + 1, "call") for n in range(20, 0, -1)]
    display.show_calls(calls)

    # The first page; the other calls take turns (every counter serving is shown).
    assert display.call_model.rowCount() == display.rows_per_page() < 20
    assert display.call_model.rows()[0].ticket_number == "A020"
    assert len(display.serving()) == 20
    assert not display.empty_label.isVisible()
