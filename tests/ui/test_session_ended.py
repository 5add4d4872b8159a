"""A clerk whose account is disabled while signed in: the counter's next action is refused,
the window says why and the sign-in dialog comes back (issue 16)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from clerk_app.api import Hall
from clerk_app.demo.hall_data import DEMO_PASSWORD
from ui.counter.counter_screen import CounterScreen
from ui.launcher import StaffShell
from ui.login.login_dialog import LoginDialog

pytestmark = pytest.mark.qt

ENDED = "Your account was disabled or its password changed; please sign in again."


def test_the_counter_signs_out_with_the_message_and_asks_for_a_sign_in(
    qtbot: QtBot, clerk_qapp: QApplication, hall: Hall, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialogs: list[LoginDialog] = []

    def exec_(dialog: LoginDialog) -> QDialog.DialogCode:
        dialogs.append(dialog)
        if len(dialogs) == 1:  # the clerk signs in at counter 1
            dialog._session = hall.login("clerk01", DEMO_PASSWORD, counter=1)
            return QDialog.DialogCode.Accepted
        return QDialog.DialogCode.Rejected  # the dialog came back; nobody signs in now

    warnings: list[str] = []
    critical: list[str] = []
    monkeypatch.setattr(LoginDialog, "exec", exec_)
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: critical.append(text))
    quits: list[None] = []
    monkeypatch.setattr(clerk_qapp, "quit", lambda: quits.append(None))

    shell = StaffShell(hall, clerk_qapp)
    shell.sign_in()
    window: Any = shell._window
    assert window is not None
    screen = window.screen_widget
    assert isinstance(screen, CounterScreen)
    hall.kiosk().queue.take_ticket("A")

    hall.system().admin.set_active("clerk01", False)
    with qtbot.waitSignal(window.signed_out):
        qtbot.keyClick(screen, Qt.Key.Key_F1)  # call next

    assert warnings == [ENDED]  # said once, as a message, not a traceback
    assert critical == []
    assert not window.isVisible()
    qtbot.waitUntil(lambda: len(dialogs) == 2)  # the sign-in dialog is back
    assert quits == [None]  # (here nobody signed in again, so the desk quits)
    with hall.db.read() as s:
        from sqlalchemy import select

        from clerk_app.persistence.models import Ticket

        assert s.scalars(select(Ticket.status)).all() == ["waiting"]  # nothing was called
