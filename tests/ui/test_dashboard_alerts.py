"""The dashboard's live figures and alerts (issue 15): a call made by another process shows
within a second; an alert appears when its condition is made and Enter on it takes its action;
the alert table's model without a window."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from clerk_app.api import Hall
from clerk_app.clock import utcnow
from clerk_app.demo.hall_data import DEMO_PASSWORD
from clerk_app.services.cases.results import ItemRequest
from clerk_app.services.supervision.results import (
    Alert,
    AlertAction,
    AlertKind,
    AlertSeverity,
    AlertSubject,
)
from tests.support.acceptance import FOOD, person
from tests.support.evaluations import serve
from ui.common.table_model import ROW_ROLE, SORT_ROLE
from ui.common.tasks import ThreadPoolRunner, set_runner
from ui.dashboard.alert_model import AlertModel
from ui.dashboard.case_dialog import CaseDialog
from ui.dashboard.counter_state_model import CounterStateModel
from ui.dashboard.dashboard_screen import POLL_MS, DashboardScreen
from ui.dashboard.rectification_dialog import RectificationDialog
from ui.main_window import MainWindow

pytestmark = pytest.mark.qt

ROOT = Path(__file__).resolve().parents[2]


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


def alert_row(screen: DashboardScreen, kind: AlertKind, key: str | None = None) -> QModelIndex:
    """The row (in the sorted view) of the alert of ``kind`` about ``key``, or an invalid
    index."""
    proxy = screen.view.alerts_proxy
    for row in range(proxy.rowCount()):
        index = proxy.index(row, AlertModel.KIND)
        alert = index.data(ROW_ROLE)
        if alert.kind is kind and (key is None or alert.subject_key == key):
            return index
    return QModelIndex()


def press_enter_on(qtbot: QtBot, screen: DashboardScreen, index: QModelIndex) -> None:
    """The supervisor moves to the alert's row in the table and presses Enter."""
    view = screen.view.alerts_view
    view.setFocus()
    view.setCurrentIndex(index)
    qtbot.keyClick(view, Qt.Key.Key_Return)


def test_a_call_made_by_another_process_shows_within_a_second(
    qtbot: QtBot, window: MainWindow, hall: Hall
) -> None:
    """The poll runs on the thread pool as in the hall; the other process is a counter PC."""
    assert POLL_MS <= 1000
    screen = dashboard(window)
    previous = set_runner(ThreadPoolRunner())
    try:
        ticket = hall.kiosk().queue.take_ticket("A")
        qtbot.waitUntil(lambda: alert_row(screen, AlertKind.NO_COUNTER_OPEN, "A").isValid())
        model = screen.counter_model

        def shown() -> str:
            row = model.row_of(1)
            assert row is not None
            return str(model.index(row, CounterStateModel.TICKET).data())

        assert shown() == "—"
        script = textwrap.dedent(
            f"""
            from clerk_app.api import open_hall
            hall = open_hall({hall.db.url!r})
            print(hall.login("clerk01", "{DEMO_PASSWORD}", counter=1).queue.call_next().number)
            """
        )
        # Run while the dashboard keeps polling (the event loop turns inside waitUntil), so the
        # second below is counted from the call's commit, not from a poll that was overdue.
        process = subprocess.Popen(
            [sys.executable, "-c", script], cwd=ROOT, stdout=subprocess.PIPE, text=True
        )
        try:
            qtbot.waitUntil(lambda: process.poll() is not None, timeout=30_000)
        finally:
            process.kill()
        out, _ = process.communicate()
        assert process.returncode == 0 and out.strip() == ticket.number

        qtbot.waitUntil(lambda: shown() == ticket.number, timeout=1000)
        qtbot.waitUntil(
            lambda: not alert_row(screen, AlertKind.NO_COUNTER_OPEN, "A").isValid(), timeout=1000
        )
        tile = next(t for t in screen.tiles if t.prefix == "A")
        assert tile.waiting_label.text() == "0"
    finally:
        screen.poller.stop()
        qtbot.wait(50)
        set_runner(previous)


def strand_a_ticket(hall: Hall, counter: int) -> str:
    """A clerk calls a ticket, then the counter PC dies (signed off: offline at once)."""
    hall.kiosk().queue.take_ticket("A")
    queue = hall.login(f"clerk{counter:02d}", DEMO_PASSWORD, counter=counter).queue
    ticket = queue.call_next()
    assert ticket is not None
    queue.sign_off()
    return ticket.number


def test_enter_on_a_stranded_ticket_puts_it_back_in_the_queue(
    qtbot: QtBot, window: MainWindow, hall: Hall
) -> None:
    screen = dashboard(window)
    assert not alert_row(screen, AlertKind.STRANDED_TICKET).isValid()
    number = strand_a_ticket(hall, 4)
    screen.poller.poll_now()
    index = alert_row(screen, AlertKind.STRANDED_TICKET, "4")
    assert index.isValid()
    proxy = screen.view.alerts_proxy
    assert proxy.index(index.row(), AlertModel.SUBJECT).data() == f"Window 4: {number}"
    assert proxy.index(index.row(), AlertModel.SEVERITY).data() == "Red"

    press_enter_on(qtbot, screen, index)

    assert screen.view.message_label.text() == (
        f"Window 4: {number} is back in the queue at its place."
    )
    assert not alert_row(screen, AlertKind.STRANDED_TICKET, "4").isValid()
    waiting = hall.login("clerk05", DEMO_PASSWORD, counter=5).queue.waiting_for_counter()
    assert [t.number for t in waiting] == [number]


def test_enter_on_a_red_case_opens_it(qtbot: QtBot, window: MainWindow, hall: Hall) -> None:
    screen = dashboard(window)
    ten_days_ago = Hall(hall.db, lambda: utcnow() - timedelta(days=10))
    clerk = ten_days_ago.login("clerk02", DEMO_PASSWORD, counter=2)
    [case] = clerk.cases.accept(person(), [ItemRequest(FOOD)])  # 5 working days: overdue now
    assert not alert_row(screen, AlertKind.DEADLINE_RED, case.case_no).isValid()
    screen.poller.poll_now()
    index = alert_row(screen, AlertKind.DEADLINE_RED, case.case_no)
    assert index.isValid()
    detail = screen.view.alerts_proxy.index(index.row(), AlertModel.DETAIL).data()
    assert detail.endswith("working day(s) overdue")

    press_enter_on(qtbot, screen, index)

    dialog = screen.dialog
    assert isinstance(dialog, CaseDialog) and dialog.isVisible()
    assert dialog.fields["case_no"].text() == case.case_no
    assert dialog.fields["due"].text() == str(case.due_date)
    dialog.reject()


def test_the_demo_s_overdue_tolerant_case_is_on_the_dashboard(
    qtbot: QtBot, window: MainWindow
) -> None:
    screen = dashboard(window)
    index = alert_row(screen, AlertKind.SUPPLEMENT_OVERDUE)
    assert index.isValid()
    subject = screen.view.alerts_proxy.index(index.row(), AlertModel.SUBJECT).data()
    assert "诚达" in subject
    press_enter_on(qtbot, screen, index)
    assert isinstance(screen.dialog, CaseDialog)
    screen.dialog.reject()


def test_enter_on_a_bad_review_opens_its_rectification(
    qtbot: QtBot, window: MainWindow, hall: Hall
) -> None:
    screen = dashboard(window)
    ticket = serve(hall, 6)
    rated = hall.evaluator(6).evaluations.rate(ticket.id, 5, ["poor_attitude"], "差")
    screen.poller.poll_now()
    index = alert_row(screen, AlertKind.BAD_REVIEW, str(rated.rectification_id))
    assert index.isValid()

    press_enter_on(qtbot, screen, index)

    dialog = screen.dialog
    assert isinstance(dialog, RectificationDialog)
    assert dialog.start_button.isEnabled()
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert dialog.state_label.text() == "being rectified"
    assert not dialog.start_button.isEnabled()
    dialog.reject()


def test_the_tiles_and_counters_show_today_s_figures(
    qtbot: QtBot, window: MainWindow, hall: Hall
) -> None:
    screen = dashboard(window)
    serve(hall, 7)
    screen.poller.poll_now()
    tile = next(t for t in screen.tiles if t.prefix == "A")
    assert "served 1 · no-shows 0" in tile.figures_label.text()
    model = screen.counter_model
    row = model.row_of(7)
    assert row is not None
    assert model.index(row, CounterStateModel.FOR).data() == "idle 0 min"


def alert(kind: AlertKind, severity: AlertSeverity, key: str, **more: object) -> Alert:
    subject = AlertSubject.CASE if "deadline" in kind.value else AlertSubject.COUNTER
    return Alert(kind, severity, subject, key, "名称", AlertAction.OPEN_CASE, **more)  # type: ignore[arg-type]


def test_the_alert_model_without_a_window(clerk_qapp: QApplication) -> None:
    model = AlertModel()
    rows = [
        alert(AlertKind.DEADLINE_YELLOW, AlertSeverity.YELLOW, "X1", days_left=1),
        alert(AlertKind.DEADLINE_RED, AlertSeverity.RED, "X2", days_left=-3),
        alert(AlertKind.IDLE_COUNTER, AlertSeverity.YELLOW, "5", minutes=12),
    ]
    model.set_rows(rows)
    assert model.rowCount() == 3 and model.columnCount() == 5
    assert [model.index(r, AlertModel.SEVERITY).data() for r in range(3)] == [
        "Yellow",
        "Red",
        "Yellow",
    ]
    assert model.index(1, AlertModel.DETAIL).data() == "3 working day(s) overdue"
    assert model.index(0, AlertModel.DETAIL).data() == "1 working day(s) left"
    assert model.index(2, AlertModel.DETAIL).data() == "12 min"
    assert model.index(2, AlertModel.SUBJECT).data() == "Window 5"
    assert model.index(0, AlertModel.ACTION).data() == "Open the case"
    red_first = sorted(range(3), key=lambda r: model.index(r, AlertModel.SEVERITY).data(SORT_ROLE))
    assert red_first[0] == 1
    assert model.row_of(("deadline_red", "X2")) == 1 and model.row_of(("x", "y")) is None
