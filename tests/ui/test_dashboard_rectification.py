"""A bad review's rectification taken through every step from the dashboard (issue 15,
Rectification): the supervisor types and presses keys; the steps open are those the domain allows,
the core's refusal shows in the dialog with nothing changed, a contest needs a second supervisor."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from clerk_app.api import Hall
from clerk_app.demo.hall_data import DEMO_PASSWORD
from clerk_app.domain.evaluation import RectificationAction, RectificationState
from clerk_app.errors import PermissionDenied
from clerk_app.services.supervision.results import AlertKind
from tests.support.evaluations import serve
from tests.ui.test_dashboard_alerts import alert_row, dashboard, press_enter_on
from ui.dashboard.rectification_dialog import RectificationDialog
from ui.main_window import MainWindow

pytestmark = pytest.mark.qt

_A = RectificationAction


@pytest.fixture
def window(qtbot: QtBot, clerk_qapp: QApplication, hall: Hall) -> Iterator[MainWindow]:
    window = MainWindow(hall.login("supervisor", DEMO_PASSWORD), hall.name)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    yield window


def open_bad_review(qtbot: QtBot, window: MainWindow, hall: Hall) -> RectificationDialog:
    """A 非常不满意 at window 6; the supervisor presses Enter on its alert."""
    screen = dashboard(window)
    ticket = serve(hall, 6)
    rated = hall.evaluator(6).evaluations.rate(ticket.id, 5, ["poor_attitude"], "差")
    screen.poller.poll_now()
    press_enter_on(
        qtbot, screen, alert_row(screen, AlertKind.BAD_REVIEW, str(rated.rectification_id))
    )
    dialog = screen.dialog
    assert isinstance(dialog, RectificationDialog)
    activate(qtbot, dialog)
    return dialog


def activate(qtbot: QtBot, dialog: QWidget) -> None:
    dialog.activateWindow()  # what a window manager does with a new dialog
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)


def alt(qtbot: QtBot, widget: QWidget, key: Qt.Key) -> None:
    qtbot.keyClick(widget, key, Qt.KeyboardModifier.AltModifier)


def press(qtbot: QtBot, dialog: RectificationDialog, key: Qt.Key) -> None:
    """Alt+mnemonic of a button; the button "clicks" 100 ms later, so wait for the core's
    answer (a new state or a message)."""
    before = (dialog.info, dialog.message_label.text())
    alt(qtbot, dialog, key)
    qtbot.waitUntil(lambda: (dialog.info, dialog.message_label.text()) != before)


def type_into(
    qtbot: QtBot, dialog: RectificationDialog, field: QWidget, key: Qt.Key, text: str
) -> None:
    """Alt+mnemonic to the field, then the text (keyClicks sends each character)."""
    alt(qtbot, dialog, key)
    assert field.hasFocus()
    qtbot.keyClicks(field, text)


def open_steps(dialog: RectificationDialog) -> set[RectificationAction]:
    return {a for a, button in dialog.step_buttons.items() if button.isEnabled()}


def test_start_call_and_resolve_with_keys(qtbot: QtBot, window: MainWindow, hall: Hall) -> None:
    dialog = open_bad_review(qtbot, window, hall)
    assert open_steps(dialog) == {_A.START, _A.MARK_UNABLE, _A.CONTEST}
    assert not dialog.follow_up_button.isEnabled()

    press(qtbot, dialog, Qt.Key.Key_S)
    assert dialog.state_label.text() == "being rectified"
    assert open_steps(dialog) == {_A.RESOLVE, _A.MARK_UNABLE, _A.CONTEST}

    type_into(qtbot, dialog, dialog.call_edit, Qt.Key.Key_M, "apologised, will call back")
    qtbot.keyClick(dialog.call_edit, Qt.Key.Key_Return)
    assert dialog.callbacks_list.count() == 1
    assert "apologised, will call back" in dialog.callbacks_list.item(0).text()
    assert dialog.call_edit.text() == ""
    assert dialog.state_label.text() == "being rectified"  # Enter logged the call, no step

    type_into(qtbot, dialog, dialog.note_edit, Qt.Key.Key_N, "clerk retrained")
    press(qtbot, dialog, Qt.Key.Key_R)
    assert dialog.state_label.text() == "rectified"
    assert open_steps(dialog) == set()
    assert dialog.follow_up_button.isEnabled()

    stored = hall.login("supervisor", DEMO_PASSWORD).evaluations.rectification(dialog.info.id)
    assert stored.state is RectificationState.RECTIFIED
    assert stored.resolution == "clerk retrained"
    assert [(c.caller, c.summary) for c in stored.callbacks] == [
        ("supervisor", "apologised, will call back")
    ]
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_cannot_rectify_without_a_reason_shows_the_core_s_message(
    qtbot: QtBot, window: MainWindow, hall: Hall
) -> None:
    dialog = open_bad_review(qtbot, window, hall)
    press(qtbot, dialog, Qt.Key.Key_Y)
    assert dialog.message_label.text() == "Please write the reason."
    assert dialog.state_label.text() == "to rectify"
    stored = hall.login("supervisor", DEMO_PASSWORD).evaluations.rectification(dialog.info.id)
    assert stored.state is RectificationState.PENDING and stored.resolution == ""

    type_into(qtbot, dialog, dialog.note_edit, Qt.Key.Key_N, "applicant moved abroad")
    press(qtbot, dialog, Qt.Key.Key_Y)
    assert dialog.message_label.text() == ""
    assert dialog.state_label.text() == "cannot be rectified"


def test_a_contest_is_decided_by_a_second_supervisor(
    qtbot: QtBot, window: MainWindow, hall: Hall
) -> None:
    hall.system().admin.add_user("supervisor2", "陈值班", "supervisor", "second-pass-1")
    first = open_bad_review(qtbot, window, hall)
    type_into(qtbot, first, first.note_edit, Qt.Key.Key_N, "rated the wrong window")
    press(qtbot, first, Qt.Key.Key_O)
    assert first.state_label.text() == "contested as invalid"
    # The one who contested it is not offered the decision (the core would refuse it too).
    assert open_steps(first) == set()
    with pytest.raises(PermissionDenied, match="second supervisor"):
        hall.login("supervisor", DEMO_PASSWORD).evaluations.approve_contest(first.info.id)
    rid = first.info.id
    qtbot.keyClick(first, Qt.Key.Key_Escape)

    evaluations = hall.login("supervisor2", "second-pass-1").evaluations
    second = RectificationDialog(evaluations.rectification(rid), evaluations)
    qtbot.addWidget(second)
    second.show()
    activate(qtbot, second)
    type_into(qtbot, second, second.note_edit, Qt.Key.Key_N, "checked the recording")
    press(qtbot, second, Qt.Key.Key_A)
    assert second.state_label.text() == "invalid review"
    stored = evaluations.rectification(rid)
    assert stored.state is RectificationState.INVALID
    assert (stored.contested_by, stored.contest_decided_by) == ("supervisor", "supervisor2")
