"""The audit log screen: opened from the dashboard by its keys and from the admin's tabs,
filtered by typing, sorted by a header click, and "Verify chain" telling intact from broken."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from clerk_app.api import Hall
from clerk_app.demo.hall_data import DEMO_PASSWORD
from ui.admin.admin_screen import AdminScreen
from ui.audit.audit_dialog import AuditDialog
from ui.audit.audit_model import AuditTableModel
from ui.dashboard.dashboard_screen import DashboardScreen
from ui.main_window import MainWindow

pytestmark = pytest.mark.qt


@pytest.fixture
def window(qtbot: QtBot, clerk_qapp: QApplication, hall: Hall) -> Iterator[MainWindow]:
    kiosk = hall.kiosk().queue
    for _ in range(3):
        kiosk.take_ticket("A")
    queue = hall.login("clerk02", DEMO_PASSWORD, counter=2).queue
    queue.call_next()
    window = MainWindow(hall.login("supervisor", DEMO_PASSWORD), hall.name)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    yield window


def open_audit(qtbot: QtBot, window: MainWindow) -> AuditDialog:
    screen = window.screen_widget
    assert isinstance(screen, DashboardScreen)
    screen.setFocus()
    qtbot.keyClick(
        screen,
        Qt.Key.Key_L,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = screen.audit_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def shown(dialog: AuditDialog, column: int) -> list[str]:
    proxy = dialog.panel.proxy
    return [proxy.index(r, column).data() for r in range(proxy.rowCount())]


def test_the_dashboard_opens_the_log_and_filters_by_typing(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = open_audit(qtbot, window)
    panel = dialog.panel
    actions = shown(dialog, AuditTableModel.ACTION)
    assert {"ticket_taken", "ticket_called", "login"} <= set(actions)
    qtbot.waitUntil(panel.actor_edit.hasFocus)
    qtbot.keyClicks(panel.actor_edit, "clerk02")
    qtbot.keyClick(panel.actor_edit, Qt.Key.Key_Return)
    assert set(shown(dialog, AuditTableModel.ACTOR)) == {"clerk02"}
    panel.action_box.setFocus()
    qtbot.keyClicks(panel.action_box.lineEdit(), "called")
    qtbot.keyClick(panel.action_box.lineEdit(), Qt.Key.Key_Return)
    assert shown(dialog, AuditTableModel.ACTION) == ["ticket_called"]
    assert shown(dialog, AuditTableModel.COUNTER) == ["2"]
    assert shown(dialog, AuditTableModel.ROLE) == ["Clerk"]
    panel.actor_edit.clear()
    panel.action_box.setEditText("")
    panel.dates_check.setChecked(False)  # every day
    qtbot.mouseClick(panel.search_button, Qt.MouseButton.LeftButton)
    numbers = [int(n) for n in shown(dialog, AuditTableModel.SEQ)]
    assert numbers == sorted(numbers, reverse=True)  # newest first
    header = panel.view.horizontalHeader()
    x = header.sectionViewportPosition(AuditTableModel.SEQ) + 5
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    numbers = [int(n) for n in shown(dialog, AuditTableModel.SEQ)]
    assert numbers == sorted(numbers)  # a header click sorts the other way


def test_verify_chain_reports_intact_then_the_edited_row(
    qtbot: QtBot, window: MainWindow, hall: Hall
) -> None:
    dialog = open_audit(qtbot, window)
    panel = dialog.panel
    qtbot.mouseClick(panel.verify_button, Qt.MouseButton.LeftButton)
    assert panel.result_label.text().startswith("Chain intact:")
    with hall.db.write() as s:
        s.execute(text("UPDATE audit_log SET target = 'ticket:999' WHERE seq = 2"))
    qtbot.mouseClick(panel.verify_button, Qt.MouseButton.LeftButton)
    assert panel.result_label.text().startswith("Chain BROKEN: Row 2 (id")
    assert panel.result_label.objectName() == "ErrorText"


def test_the_admin_has_an_audit_page(qtbot: QtBot, clerk_qapp: QApplication, hall: Hall) -> None:
    from ui.audit.audit_panel import AuditPanel

    screen = AdminScreen(hall.login("admin", DEMO_PASSWORD), hall.name)
    qtbot.addWidget(screen)
    page = screen.show_page("audit")
    assert isinstance(page, AuditPanel)
    assert page.model.rowCount() > 0


def test_a_clerk_gets_no_audit_rows(qtbot: QtBot, clerk_qapp: QApplication, hall: Hall) -> None:
    from ui.audit.audit_panel import AuditPanel

    with pytest.raises(Exception, match="may not do this"):
        AuditPanel(hall.login("clerk01", DEMO_PASSWORD, counter=1))
