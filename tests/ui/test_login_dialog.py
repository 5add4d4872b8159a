"""The sign-in dialog, driven by keys as a clerk would, against a real demo hall."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from clerk_app.api import Hall
from clerk_app.demo.hall_data import DEMO_PASSWORD
from ui.login.login_dialog import LoginDialog, public_counters

pytestmark = pytest.mark.qt


def _dialog(qtbot: QtBot, hall: Hall) -> LoginDialog:
    dialog = LoginDialog(hall, public_counters(hall))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _type_credentials(qtbot: QtBot, dialog: LoginDialog, user: str, password: str) -> None:
    qtbot.keyClicks(dialog.username_edit, user)
    qtbot.keyClick(dialog.username_edit, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.password_edit, password)


def test_wrong_password_shows_the_reason_and_keeps_the_dialog_open(
    qtbot: QtBot, clerk_qapp: QApplication, hall: Hall
) -> None:
    dialog = _dialog(qtbot, hall)
    _type_credentials(qtbot, dialog, "clerk01", "not-the-password")
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)

    assert dialog.isVisible()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.session is None
    assert dialog.error_label.isVisible()
    assert dialog.error_label.text() == "Wrong user name or password."
    assert dialog.password_edit.text() == ""  # ready for another try


def test_right_password_signs_the_clerk_in_at_the_chosen_counter(
    qtbot: QtBot, clerk_qapp: QApplication, hall: Hall
) -> None:
    dialog = _dialog(qtbot, hall)
    qtbot.keyClick(dialog.counter_combo, Qt.Key.Key_Down)  # from "no counter" to counter 1
    _type_credentials(qtbot, dialog, "clerk01", DEMO_PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.session is not None
    assert dialog.session.actor.username == "clerk01"
    assert dialog.session.actor.counter_no == 1


def test_an_empty_user_name_is_asked_for_without_calling_the_core(
    qtbot: QtBot, clerk_qapp: QApplication, hall: Hall
) -> None:
    dialog = _dialog(qtbot, hall)
    qtbot.keyClick(dialog.username_edit, Qt.Key.Key_Return)

    assert dialog.isVisible()
    assert dialog.error_label.text() == "Please enter your user name."


def test_the_counter_list_comes_from_the_hall(
    qtbot: QtBot, clerk_qapp: QApplication, hall: Hall
) -> None:
    dialog = _dialog(qtbot, hall)
    numbers = [dialog.counter_combo.itemData(i) for i in range(dialog.counter_combo.count())]

    assert numbers[0] is None
    assert numbers[1:] == [c.number for c in public_counters(hall)]
    dialog.select_counter(9)
    assert dialog.counter_combo.currentData() == 9
