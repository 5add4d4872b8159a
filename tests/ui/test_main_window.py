"""After sign-in the main window shows the screen of the role, filled from the core."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from clerk_app.api import Hall
from clerk_app.demo.hall_data import DEMO_PASSWORD, USERS
from clerk_app.demo.journey_data import REVIEWERS
from ui.admin.admin_screen import AdminScreen
from ui.counter.counter_screen import CounterScreen
from ui.dashboard.dashboard_screen import DashboardScreen
from ui.main_window import MainWindow

pytestmark = pytest.mark.qt


def _window(qtbot: QtBot, hall: Hall, user: str, counter: int | None = None) -> MainWindow:
    """A signed-in window; keep the reference, the screen dies with its window."""
    window = MainWindow(hall.login(user, DEMO_PASSWORD, counter=counter), hall.name)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    return window


@pytest.mark.parametrize(
    ("user", "counter", "screen"),
    [
        ("clerk01", 1, CounterScreen),
        ("supervisor", None, DashboardScreen),
        ("admin", None, AdminScreen),
    ],
)
def test_each_role_gets_its_screen(
    qtbot: QtBot,
    clerk_qapp: QApplication,
    hall: Hall,
    user: str,
    counter: int | None,
    screen: type,
) -> None:
    window = _window(qtbot, hall, user, counter)

    assert isinstance(window.screen_widget, screen)
    assert hall.name in window.windowTitle()


def test_admin_sees_every_staff_account(qtbot: QtBot, clerk_qapp: QApplication, hall: Hall) -> None:
    window = _window(qtbot, hall, "admin")
    screen = window.screen_widget
    assert isinstance(screen, AdminScreen)

    users = screen.pages["users"].model  # type: ignore[attr-defined]
    # the staff and the demo's department reviewers (issue 17)
    staff = {u for u, _name, _role in USERS} | {u for u, _name, _dept in REVIEWERS}
    assert users.rowCount() == len(staff)
    assert {u.username for u in users.rows()} == staff
    counters = screen.show_page("counters").model  # type: ignore[attr-defined]
    assert counters.rowCount() == len(hall.display().catalog.list_counters())


def test_admin_catalog_filter_narrows_the_items(
    qtbot: QtBot, clerk_qapp: QApplication, hall: Hall
) -> None:
    window = _window(qtbot, hall, "admin")
    screen = window.screen_widget
    assert isinstance(screen, AdminScreen)
    catalog = screen.show_page("items")
    everything = catalog.model.rowCount()  # type: ignore[attr-defined]

    # Typed keys must be ASCII for QTest; Chinese arrives through the input method (below).
    qtbot.keyClicks(catalog.filter_edit, "-CG-")  # type: ignore[attr-defined]
    codes = [item.item_code for item in catalog.shown_rows()]  # type: ignore[attr-defined]
    assert 0 < len(codes) < everything
    assert all("-CG-" in code for code in codes)

    catalog.filter_edit.setText("道路")  # type: ignore[attr-defined]  # an input method commits
    shown = catalog.shown_rows()  # type: ignore[attr-defined]
    assert shown and all("道路" in item.name for item in shown)


def test_counter_screen_embeds_acceptance_for_the_ticket_in_service(
    qtbot: QtBot, clerk_qapp: QApplication, hall: Hall
) -> None:
    ticket = hall.kiosk().queue.take_ticket("C")
    window = _window(qtbot, hall, "clerk01", counter=9)
    with qtbot.waitActive(window):
        window.activateWindow()  # the counter's keys are window shortcuts
    screen = window.screen_widget
    assert isinstance(screen, CounterScreen)
    view = screen.view

    assert view.header.title_label.text().startswith("Counter 9")
    assert view.ticket_panel.call_next_button.isEnabled()
    assert screen.acceptance.parent() is not None and screen.acceptance.isVisible()
    assert screen.acceptance.ticket_id is None

    qtbot.keyClick(screen, Qt.Key.Key_F1)  # call next
    assert screen.desk.current is not None and screen.desk.current.number == ticket.number
    assert screen.acceptance.ticket_id == ticket.id
    assert ticket.number in screen.acceptance.ticket_label.text()


def test_dashboard_has_a_tile_per_category(
    qtbot: QtBot, clerk_qapp: QApplication, hall: Hall
) -> None:
    window = _window(qtbot, hall, "supervisor")
    screen = window.screen_widget
    assert isinstance(screen, DashboardScreen)

    prefixes = [c.prefix for c in hall.display().catalog.list_categories()]
    assert [t.prefix for t in screen.tiles] == prefixes


def test_signing_out_closes_the_window_and_says_so(
    qtbot: QtBot, clerk_qapp: QApplication, hall: Hall
) -> None:
    window = _window(qtbot, hall, "supervisor")
    closed: list[None] = []
    window.closed.connect(lambda: closed.append(None))

    with qtbot.waitSignal(window.signed_out):
        window.sign_out()

    assert not window.isVisible()
    assert closed == []  # signing out is not quitting
