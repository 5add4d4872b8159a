"""The sign-in dialog, driven by keys as a clerk would, against a real demo hall."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from clerk_app.api import Hall
from clerk_app.demo.hall_data import DEMO_PASSWORD
from ui import launcher
from ui.login import login_dialog
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
    # How many tries are left before the lockout (issue 12, defect 9).
    assert dialog.error_label.text() == (
        "Wrong user name or password; 4 more tries before the account is locked."
    )
    assert dialog.password_edit.text() == ""  # ready for another try
    qtbot.keyClicks(dialog.password_edit, "still-wrong")
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    assert dialog.error_label.text() == (
        "Wrong user name or password; 3 more tries before the account is locked."
    )


def test_right_password_signs_the_clerk_in_at_the_chosen_counter(
    qtbot: QtBot, clerk_qapp: QApplication, hall: Hall
) -> None:
    dialog = _dialog(qtbot, hall)
    # Nothing chosen at first: Down reaches "no counter", then counter 1.
    qtbot.keyClick(dialog.counter_combo, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.counter_combo, Qt.Key.Key_Down)
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
    assert dialog.counter_combo.currentIndex() == -1  # not "no counter": nothing chosen yet
    dialog.select_counter(9)
    assert dialog.counter_combo.currentData() == 9


def test_a_clerk_cannot_sign_in_without_a_counter(
    qtbot: QtBot, clerk_qapp: QApplication, hall: Hall
) -> None:
    dialog = _dialog(qtbot, hall)
    assert dialog.counter_combo.currentIndex() == -1
    assert dialog.counter_combo.placeholderText() == "Choose your counter"
    _type_credentials(qtbot, dialog, "clerk01", DEMO_PASSWORD)
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)

    assert dialog.session is None and dialog.isVisible()
    assert dialog.error_label.text() == "Choose the counter you sit at to sign in."
    assert dialog.focusWidget() is dialog.counter_combo
    assert dialog.password_edit.text() == DEMO_PASSWORD  # it was right: kept


def test_the_clerk_s_last_counter_is_offered_and_enter_signs_in_there(
    qtbot: QtBot, clerk_qapp: QApplication, hall: Hall
) -> None:
    hall.login("clerk01", DEMO_PASSWORD, counter=4).queue.sign_off()  # yesterday, at 4
    dialog = _dialog(qtbot, hall)
    _type_credentials(qtbot, dialog, "clerk01", DEMO_PASSWORD)
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    assert "last time: counter 4" in dialog.error_label.text()
    assert dialog.counter_combo.currentData() == 4

    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        qtbot.keyClick(dialog.counter_combo, Qt.Key.Key_Return)
    assert dialog.session is not None and dialog.session.actor.counter_no == 4


def test_a_supervisor_signs_in_without_a_counter(
    qtbot: QtBot, clerk_qapp: QApplication, hall: Hall
) -> None:
    dialog = _dialog(qtbot, hall)
    _type_credentials(qtbot, dialog, "supervisor", DEMO_PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    assert dialog.session is not None and dialog.session.actor.counter_no is None


def test_the_pc_s_configured_counter_is_chosen_at_start(
    qtbot: QtBot, clerk_qapp: QApplication, hall: Hall, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``--counter 3`` / clerk-desk.conf reach the dialog through the staff shell."""
    seen: list[object] = []

    def exec_(dialog: LoginDialog) -> int:
        seen.append(dialog.counter_combo.currentData())
        dialog.deleteLater()
        return int(QDialog.DialogCode.Rejected)

    monkeypatch.setattr(login_dialog.LoginDialog, "exec", exec_)
    shell = launcher.StaffShell(hall, clerk_qapp, counter=3)
    monkeypatch.setattr(shell, "_app", type("NoQuit", (), {"quit": lambda self: None})())
    shell.sign_in()
    assert seen == [3]


def test_a_counter_another_clerk_holds_names_that_clerk_and_asks(
    qtbot: QtBot, clerk_qapp: QApplication, hall: Hall
) -> None:
    hall.login("clerk01", DEMO_PASSWORD, counter=1)  # 林晓芸 is at counter 1, online
    dialog = _dialog(qtbot, hall)
    dialog.select_counter(1)
    _type_credentials(qtbot, dialog, "clerk02", DEMO_PASSWORD)
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)

    box = dialog.take_over_box
    assert box is not None
    qtbot.waitUntil(box.isVisible)
    assert "林晓芸" in box.text() and "Counter 1" in box.text()
    qtbot.keyClick(box, Qt.Key.Key_Return)  # the default is No
    qtbot.waitUntil(lambda: dialog.take_over_box is None)
    assert dialog.session is None and dialog.isVisible()

    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    box = dialog.take_over_box
    assert box is not None
    qtbot.waitUntil(box.isVisible)
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        qtbot.keyClick(box, Qt.Key.Key_Y)  # Yes, sign in here
    assert dialog.session is not None
    assert (dialog.session.actor.username, dialog.session.actor.counter_no) == ("clerk02", 1)


def test_the_staff_window_is_prepared_while_the_password_is_checked(
    qtbot: QtBot, clerk_qapp: QApplication, hall: Hall
) -> None:
    import threading

    calls: list[tuple[int | None, bool]] = []

    def prepare(counter: int | None) -> None:
        # On the GUI thread, while the sign-in runs on a worker.
        calls.append((counter, threading.current_thread() is threading.main_thread()))

    dialog = LoginDialog(hall, public_counters(hall), prepare=prepare)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.select_counter(2)
    _type_credentials(qtbot, dialog, "clerk01", "wrong")
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    assert dialog.session is None and "4 more tries" in dialog.error_label.text()

    qtbot.keyClicks(dialog.password_edit, DEMO_PASSWORD)
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.session is not None and dialog.session.actor.counter_no == 2
    assert calls == [(2, True), (2, True)]


def test_the_launcher_prepares_the_counter_screen_only_for_a_counter() -> None:
    import subprocess
    import sys

    probe = (
        "import sys; from ui.launcher import prepare_staff_window as p; p(None); "
        "a = 'ui.counter.counter_screen' in sys.modules; p(3); "
        "print(a, 'ui.counter.counter_screen' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert out.stdout.split() == ["False", "True"], out.stderr


def test_a_counter_starts_and_signs_in_without_loading_cryptography(hall: Hall) -> None:
    """SM3 (the audit row of the sign-in) comes from OpenSSL; SM4 (``cryptography``, ~80 ms
    to import) only once an ID number is sealed or opened (issue 11's cold start)."""
    import os
    import subprocess
    import sys

    probe = (
        "import sys; sys.path.insert(0, 'bench'); import start_probe; "
        f"start_probe.counter({hall.db.url!r}); "
        "print('cryptography' in sys.modules, 'ui.counter.counter_screen' in sys.modules)"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env)
    assert out.stdout.split()[-2:] == ["False", "True"], out.stdout + out.stderr


#: What a signed-in counter window, shown and idle, has not loaded (issue 11's cold start): the
#: screens and dialogs a clerk opens later (loaded by the action that opens them; their keys
#: are registered at start), the journey's services, the paper and the libraries
#: of other screens and other databases.
NOT_AT_A_COUNTER_START = (
    "cryptography",
    "reportlab",
    "openpyxl",
    "pypinyin",
    "pyqtgraph",
    "alembic",
    "chinese_calendar",
    "sqlalchemy.dialects.postgresql",
    "PySide6.QtPdf",
    "PySide6.QtPrintSupport",
    "clerk_app.services.journey",
    # the tables a counter does not read to show its window (``models.load_all``)
    "clerk_app.persistence.models_cases",
    "clerk_app.persistence.models_journey",
    "clerk_app.persistence.models_evaluations",
    "clerk_app.persistence.models_calendar",
    "clerk_app.services.credit",
    "clerk_app.services.calendar",
    "clerk_app.services.cases.service",
    "clerk_app.services.documents.service",
    "ui.review",
    "ui.handover",
    "ui.printing",
    "ui.acceptance.items_page",
    "ui.acceptance.package_choice",
    "ui.counter.verify_dialog",
    "ui.counter.transfer_dialog",
    "ui.counter.call_ticket_dialog",
)


def test_a_counter_window_up_and_idle_has_loaded_nothing_the_clerk_has_not_opened(
    hall: Hall,
) -> None:
    """The sign-in and the window as ``bench/start_probe.py`` times them, in a fresh
    interpreter; the overdue sweep, which runs on a worker once the window is up (and loads
    the case service), is left out so the check does not race it."""
    import os
    import subprocess
    import sys

    probe = (
        "import sys; sys.path.insert(0, 'bench'); import start_probe, ui.launcher; "
        "ui.launcher.sweep_after_sign_in = lambda session, window: None; "
        f"start_probe.counter({hall.db.url!r}); "
        "print('loaded:', *(m for m in sys.modules if m.split('.')[0] in ('ui', 'clerk_app') "
        f"or m in {NOT_AT_A_COUNTER_START!r}))"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env)
    assert out.returncode == 0, out.stderr
    loaded = out.stdout.split("loaded:")[-1].split()
    assert "ui.counter.counter_screen" in loaded  # the probe did reach the counter window
    packages = set(NOT_AT_A_COUNTER_START)
    early = [m for m in loaded if m in packages or any(m.startswith(p + ".") for p in packages)]
    assert early == [], early


def test_a_counter_sign_in_sweeps_overdue_cases_once_the_window_is_up(
    qtbot: QtBot, clerk_qapp: QApplication, hall: Hall, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The sweep a counter login runs (``Hall.login``) waits until the window is shown, and
    runs then, off the GUI thread: the clerk never waits for it at sign-in."""
    from clerk_app.api import StaffSession

    swept: list[int | None] = []
    monkeypatch.setattr(
        StaffSession, "end_overdue_cases", lambda self: swept.append(self.actor.counter_no)
    )

    def exec_(dialog: LoginDialog) -> int:
        dialog.username_edit.setText("clerk02")
        dialog.password_edit.setText(DEMO_PASSWORD)
        dialog.select_counter(2)
        dialog.accept()
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(login_dialog.LoginDialog, "exec", exec_)
    shell = launcher.StaffShell(hall, clerk_qapp)
    monkeypatch.setattr(shell, "_app", type("NoQuit", (), {"quit": lambda self: None})())
    shell.sign_in()
    window = shell._window
    assert window is not None and window.isVisible()
    assert swept == []  # not before the window
    qtbot.waitUntil(lambda: swept == [2], timeout=5000)
    window.close()
    window.deleteLater()
