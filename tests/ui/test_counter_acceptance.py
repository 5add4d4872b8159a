"""From the called ticket to a decided case at the counter workstation, by keyboard alone."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from test_acceptance_panel import ALT, choose_item, enter_person, key, to_decision

from clerk_app.api import Hall
from clerk_app.demo.credit_cases import PERSONS
from clerk_app.demo.hall_data import DEMO_PASSWORD
from ui.acceptance.acceptance_panel import PREVIEW
from ui.counter.counter_screen import CounterScreen
from ui.main_window import MainWindow

pytestmark = pytest.mark.qt


def test_call_then_accept_then_finish_by_keys(
    qtbot: QtBot, clerk_qapp: QApplication, hall: Hall
) -> None:
    ticket = hall.kiosk().queue.take_ticket("A")
    session = hall.login("clerk03", DEMO_PASSWORD, counter=3)
    window = MainWindow(session, hall.name)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()  # the counter's keys are window shortcuts
    screen = window.screen_widget
    assert isinstance(screen, CounterScreen)
    panel = screen.acceptance

    qtbot.keyClick(screen, Qt.Key.Key_F1)  # 叫号: the ticket taken at the kiosk
    assert panel.ticket_id == ticket.id
    enter_person(qtbot, panel, "李秀珍", PERSONS[0].resident_id)
    choose_item(qtbot, panel, "spjyxk", "食品经营许可")
    to_decision(qtbot, panel)
    key(qtbot, panel, Qt.Key.Key_A, ALT)  # 受理
    assert panel.stack.currentIndex() == PREVIEW, panel.decision_page.error_label.text()

    [case] = session.cases.cases_for_ticket(ticket.id)
    assert (case.state, case.item_code) == ("accepted", "440500-SCJG-005")
    assert case.case_no in panel.preview.toPlainText()

    # 办结, typed where the clerk's focus is (inside the acceptance panel)
    qtbot.keyClick(QApplication.focusWidget() or screen, Qt.Key.Key_F6)
    assert screen.desk.current is None and panel.ticket_id is None
    assert session.queue.current() is None
