"""The report dialog on the supervisor's dashboard, driven by keys: a typed range saved to a
chosen file off the GUI thread, with its progress bar; bad input refused with a message and
nothing written."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt, QThread
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from clerk_app.api import Hall
from clerk_app.demo.hall_data import DEMO_PASSWORD
from ui.common.tasks import ThreadPoolRunner, set_runner
from ui.dashboard.dashboard_screen import DashboardScreen
from ui.dashboard.report_dialog import ReportDialog
from ui.main_window import MainWindow

pytestmark = pytest.mark.qt


@pytest.fixture
def screen(qtbot: QtBot, clerk_qapp: QApplication, hall: Hall) -> Iterator[DashboardScreen]:
    window = MainWindow(hall.login("supervisor", DEMO_PASSWORD), hall.name)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    screen = window.screen_widget
    assert isinstance(screen, DashboardScreen)
    yield screen


def save_to(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[str]:
    """The save dialog answers ``path``; the list records each time it was asked."""
    asked: list[str] = []

    def answer(*args: object, **kwargs: object) -> tuple[str, str]:
        asked.append(str(path))
        return str(path), "Excel (*.xlsx)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(answer))
    return asked


def open_dialog(qtbot: QtBot, screen: DashboardScreen) -> ReportDialog:
    screen.setFocus()
    qtbot.keyClick(screen, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = screen.report_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(dialog.from_edit.hasFocus)  # once the dialog's window is active
    return dialog


def type_range(qtbot: QtBot, dialog: ReportDialog, first: str, last: str) -> None:
    """Into the focused From field, Tab, the To field, Enter (the default button: save)."""
    assert dialog.from_edit.hasFocus()
    qtbot.keyClicks(dialog.from_edit, first)  # the prefilled text is selected: replaced
    qtbot.keyClick(dialog.from_edit, Qt.Key.Key_Tab)
    assert dialog.to_edit.hasFocus()
    dialog.to_edit.selectAll()
    qtbot.keyClicks(dialog.to_edit, last)
    qtbot.keyClick(dialog.to_edit, Qt.Key.Key_Return)


def test_a_typed_range_is_saved_as_a_workbook(
    qtbot: QtBot,
    screen: DashboardScreen,
    hall: Hall,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    hall.kiosk().queue.take_ticket("A")
    today = screen._session.hall_now().date()
    out = tmp_path / "month.xlsx"
    save_to(monkeypatch, out)
    dialog = open_dialog(qtbot, screen)

    type_range(qtbot, dialog, f"{today.replace(day=1):%Y%m%d}", today.isoformat())

    assert out.is_file()
    book = openpyxl.load_workbook(out, read_only=True)
    assert book.sheetnames
    book.close()
    assert dialog.saved is not None and dialog.saved.report.total.tickets >= 1
    assert dialog.progress_bar.value() == dialog.progress_bar.maximum() > 1
    assert str(out) in dialog.message_label.text()


def test_a_reversed_range_shows_the_core_message_and_writes_nothing(
    qtbot: QtBot, screen: DashboardScreen, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "reversed.xlsx"
    save_to(monkeypatch, out)
    dialog = open_dialog(qtbot, screen)

    type_range(qtbot, dialog, "2026-11-30", "2026-11-01")

    assert "The start date 2026-11-30 is after the end date 2026-11-01" in (
        dialog.message_label.text()
    )
    assert list(out.parent.iterdir()) == []  # not even a temporary file left
    assert dialog.saved is None and dialog.save_button.isEnabled()


def test_a_date_that_does_not_exist_is_refused_before_the_file_dialog(
    qtbot: QtBot, screen: DashboardScreen, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "never.xlsx"
    asked = save_to(monkeypatch, out)
    dialog = open_dialog(qtbot, screen)

    type_range(qtbot, dialog, "20260229", "2026-03-01")  # 2026 has no 29 February

    assert "2026-02 has no day 29" in dialog.message_label.text()
    assert dialog.from_edit.text() == "20260229"  # kept as typed, not moved to a near day
    assert asked == [] and not out.exists()


def test_the_report_runs_off_the_gui_thread_and_its_progress_comes_back_on_it(
    qtbot: QtBot, screen: DashboardScreen, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    previous = set_runner(ThreadPoolRunner())
    try:
        out = tmp_path / "threaded.pdf"
        save_to(monkeypatch, out)
        threads: list[int] = []  # where the bar is set
        set_bar = ReportDialog._on_progress

        def recording_set_bar(self: ReportDialog, done: int, total: int) -> None:
            threads.append(threading.get_ident())
            set_bar(self, done, total)

        monkeypatch.setattr(ReportDialog, "_on_progress", recording_set_bar)
        dialog = open_dialog(qtbot, screen)
        workers: list[QThread] = []
        save = dialog._reports.save

        def recording_save(*args: object, **kwargs: object) -> object:
            workers.append(QThread.currentThread())
            return save(*args, **kwargs)  # type: ignore[arg-type]

        recording = type("Reports", (), {"save": staticmethod(recording_save)})
        monkeypatch.setattr(dialog, "_reports", recording)
        today = screen._session.hall_now().date()
        type_range(qtbot, dialog, today.isoformat(), today.isoformat())
        qtbot.waitUntil(lambda: dialog.saved is not None, timeout=10000)
    finally:
        set_runner(previous)

    assert out.read_bytes().startswith(b"%PDF")
    assert workers and workers[0] is not dialog.thread()
    assert threads and set(threads) == {threading.get_ident()}
    assert dialog.progress_bar.value() == dialog.progress_bar.maximum()


def test_an_unknown_window_is_the_cores_message_and_nothing_is_written(
    qtbot: QtBot, screen: DashboardScreen, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out" / "window.xlsx"
    out.parent.mkdir()
    save_to(monkeypatch, out)
    dialog = open_dialog(qtbot, screen)
    today = screen._session.hall_now().date().isoformat()
    qtbot.keyClick(dialog.from_edit, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)
    assert dialog.counter_edit.hasFocus()
    qtbot.keyClicks(dialog.counter_edit, "99")

    fields = (dialog.from_edit, today), (dialog.to_edit, today)
    for edit, text in fields:
        edit.setFocus()
        edit.selectAll()
        qtbot.keyClicks(edit, text)
    qtbot.keyClick(dialog.to_edit, Qt.Key.Key_Return)

    assert dialog.message_label.text() == "There is no counter 99."
    assert list(out.parent.iterdir()) == [] and dialog.saved is None
