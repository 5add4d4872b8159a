"""The admin pages of issue 14, driven by keys as an admin would: credit list, calendar, hall
settings, appointments and the import dialog. A refusal shows under its field, the dialog
stays open and the database is unchanged; Enter saves, Esc cancels, Ctrl+F filters."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from clerk_app.api import Hall, StaffSession
from clerk_app.domain.holiday_notice import Holiday
from clerk_app.services import settings
from tests.imports.samples import credit_rows, snapshot, write_csv
from tests.support.acceptance import MovableClock, at, firm_uscc
from tests.support.calendar import MAKEUP_2027, NOTICE_2027
from tests.ui.test_acceptance_panel import type_text
from ui.admin.appointments.appointments_page import AppointmentsPage, BookingDialog
from ui.admin.calendar.calendar_page import CalendarPage, NoticeDialog
from ui.admin.credit.credit_page import CreditEntryDialog, CreditPage
from ui.admin.forms import ReasonDialog
from ui.admin.imports.import_dialog import ImportDialog
from ui.admin.settings.settings_page import SettingsPage

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def desk(hall: Hall) -> Hall:
    clock = MovableClock()
    clock.set_local(datetime(2026, 6, 1, 10, 0))
    return at(hall, clock)


@pytest.fixture
def admin(desk: Hall, clerk_qapp: QApplication) -> StaffSession:
    return desk.login("admin", "demo")


def shown(qtbot: QtBot, widget: QWidget) -> QWidget:
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    with qtbot.waitActive(widget):
        widget.show()
        widget.activateWindow()
    return widget


def back_to(qtbot: QtBot, page: QWidget, focus: QWidget) -> None:
    """The dialog closed: the page's window is active again (offscreen Qt does not do it)."""
    if QApplication.activeWindow() is not page:
        with qtbot.waitActive(page):
            page.activateWindow()
    focus.setFocus()


def press(
    qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    target = QApplication.focusWidget() or QApplication.activeWindow()
    assert target is not None
    qtbot.keyClick(target, key, modifier)


def test_credit_page_adds_filters_and_ends_entries_by_keys(
    qtbot: QtBot, desk: Hall, admin: StaffSession
) -> None:
    page = shown(qtbot, CreditPage(admin))
    assert isinstance(page, CreditPage)
    before_rows = page.model.rowCount()
    page.table.view.setFocus()
    press(qtbot, Qt.Key.Key_Insert)
    dialog = page.dialog
    assert isinstance(dialog, CreditEntryDialog)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    before = snapshot(desk)
    type_text(qtbot, dialog.uscc_edit, "91440300100016861X")  # a bad check character
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.error_of("uscc")
    assert snapshot(desk) == before
    dialog.uscc_edit.clear()
    type_text(qtbot, dialog.uscc_edit, firm_uscc(9))
    type_text(qtbot, dialog.name_edit, "汕头市测试公司")
    dialog.list_combo.setCurrentIndex(1)  # black list
    type_text(qtbot, dialog.reason_edit, "失信被执行人")
    press(qtbot, Qt.Key.Key_Return)  # no source department yet
    assert dialog.error_of("source_department") and not dialog.error_of("uscc")
    assert snapshot(desk) == before
    type_text(qtbot, dialog.source_edit, "汕头市中级人民法院")
    dialog.to_check.setChecked(True)
    dialog.to_edit.setDate(QDate(2025, 1, 1))  # before it starts
    press(qtbot, Qt.Key.Key_Return)
    assert "before it starts" in dialog.error_of("valid_to")
    dialog.to_edit.setDate(QDate(2026, 12, 31))
    dialog.reason_edit.setFocus()
    press(qtbot, Qt.Key.Key_Return)
    assert page.dialog is None and page.model.rowCount() == before_rows + 1

    back_to(qtbot, page, page.table.view)
    press(qtbot, Qt.Key.Key_F, CTRL)
    assert page.table.filter_edit.hasFocus()
    type_text(qtbot, page.table.filter_edit, firm_uscc(9))
    [row] = page.table.visible_rows()
    assert row.uscc == firm_uscc(9) and row.in_force
    back_to(qtbot, page, page.table.view)
    page.table.view.selectRow(0)
    press(qtbot, Qt.Key.Key_Delete)
    ending = page.dialog
    assert isinstance(ending, ReasonDialog)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is ending)
    press(qtbot, Qt.Key.Key_Return)  # no reason
    assert ending.isVisible() and ending.error_of("reason")
    type_text(qtbot, ending.reason_edit, "法院撤销")
    press(qtbot, Qt.Key.Key_Return)
    [row] = page.table.visible_rows()
    assert not row.in_force and row.expire_reason == "法院撤销"
    assert not desk.login("clerk01", "demo").credit.status(firm_uscc(9)).on_black_list


def test_escape_cancels_a_dialog_and_changes_nothing(
    qtbot: QtBot, desk: Hall, admin: StaffSession
) -> None:
    page = shown(qtbot, CreditPage(admin))
    assert isinstance(page, CreditPage)
    page.add()
    dialog = page.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    before = snapshot(desk)
    press(qtbot, Qt.Key.Key_Escape)
    assert page.dialog is None and snapshot(desk) == before


def test_calendar_page_refuses_a_reversed_range_then_enters_the_notice(
    qtbot: QtBot, desk: Hall, admin: StaffSession
) -> None:
    page = shown(qtbot, CalendarPage(admin))
    assert isinstance(page, CalendarPage)
    assert page.year_spin.value() == 2027 and page.info is not None and not page.info.covered
    page.table.view.setFocus()
    press(qtbot, Qt.Key.Key_N, CTRL)
    dialog = page.dialog
    assert isinstance(dialog, NoticeDialog)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    for r in NOTICE_2027:
        dialog.set_range(r.holiday, r.first, r.last)
    dialog.set_range(Holiday.NATIONAL_DAY, date(2027, 10, 7), date(2027, 10, 1))
    type_text(qtbot, dialog.workdays_edit, ", ".join(d.isoformat() for d in MAKEUP_2027))
    before = snapshot(desk)
    dialog.workdays_edit.setFocus()
    press(qtbot, Qt.Key.Key_Return)
    assert "ends before it starts" in dialog.error_of(Holiday.NATIONAL_DAY.value)
    assert snapshot(desk) == before
    dialog.set_range(Holiday.NATIONAL_DAY, date(2027, 10, 1), date(2027, 10, 7))
    dialog.rows[Holiday.SPRING_FESTIVAL][0].setChecked(False)
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.error_of(Holiday.SPRING_FESTIVAL.value)
    assert snapshot(desk) == before
    dialog.rows[Holiday.SPRING_FESTIVAL][0].setChecked(True)
    dialog.workdays_edit.setFocus()
    press(qtbot, Qt.Key.Key_Return)
    assert page.dialog is None and page.info is not None and page.info.covered
    page.table.focus_filter()
    type_text(qtbot, page.table.filter_edit, "2027-10-0")
    assert {r.day for r in page.table.visible_rows()} >= {date(2027, 10, 1), date(2027, 10, 7)}


def test_settings_page_shows_a_refusal_under_its_field_and_saves_nothing(
    qtbot: QtBot, desk: Hall, admin: StaffSession
) -> None:
    page = shown(qtbot, SettingsPage(admin))
    assert isinstance(page, SettingsPage)
    long_wait = page.edits[settings.LONG_WAIT_MINUTES]
    long_wait.setFocus()
    long_wait.selectAll()
    type_text(qtbot, long_wait, "0")
    page.edits["hall_name"].setText("测试区政务服务中心")
    before = snapshot(desk)
    press(qtbot, Qt.Key.Key_S, CTRL)
    error = page.errors[settings.LONG_WAIT_MINUTES]
    assert not error.isHidden() and "from 1 to 240" in error.text()
    assert snapshot(desk) == before and desk.name != "测试区政务服务中心"
    long_wait.selectAll()
    type_text(qtbot, long_wait, "45")
    press(qtbot, Qt.Key.Key_Return)
    assert error.isHidden() and desk.name == "测试区政务服务中心"
    assert {i.key: i.value for i in admin.settings.list_settings()}[
        settings.LONG_WAIT_MINUTES
    ] == 45


def test_appointments_page_books_and_cancels(qtbot: QtBot, desk: Hall, admin: StaffSession) -> None:
    page = shown(qtbot, AppointmentsPage(admin))
    assert isinstance(page, AppointmentsPage)
    page.day_edit.setDate(QDate(2026, 6, 2))
    page.table.view.setFocus()
    press(qtbot, Qt.Key.Key_Insert)
    dialog = page.dialog
    assert isinstance(dialog, BookingDialog)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    before = snapshot(desk)
    dialog.phone_edit.setFocus()
    type_text(qtbot, dialog.phone_edit, "13800138000")
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.error_of("applicant_name") and snapshot(desk) == before
    type_text(qtbot, dialog.name_edit, "张三")
    press(qtbot, Qt.Key.Key_Return)
    assert page.dialog is None
    [row] = page.table.visible_rows()
    assert (row.applicant_name, row.phone, row.status) == ("张三", "13800138000", "booked")
    back_to(qtbot, page, page.table.view)
    page.table.view.selectRow(0)
    press(qtbot, Qt.Key.Key_Delete)
    cancel = page.dialog
    assert isinstance(cancel, ReasonDialog)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is cancel)
    type_text(qtbot, cancel.reason_edit, "来电取消")
    press(qtbot, Qt.Key.Key_Return)
    [row] = page.table.visible_rows()
    assert row.status == "cancelled"


def _bad_credit_file(tmp_path: Path) -> Path:
    rows = credit_rows()
    rows[2][0] = "91440300100016861X"  # an invalid check character on row 3
    return write_csv(tmp_path / "bad.csv", rows)


def test_import_dialog_reports_rows_saves_the_report_and_changes_nothing(
    qtbot: QtBot, desk: Hall, admin: StaffSession, tmp_path: Path
) -> None:
    dialog = ImportDialog(admin, "credit_list")
    qtbot.addWidget(dialog)
    before = snapshot(desk)
    dialog.path_edit.setText(str(_bad_credit_file(tmp_path)))
    dialog.start()
    assert dialog.report is not None and not dialog.report.ok
    assert "row 3" in dialog.report_view.toPlainText()
    assert snapshot(desk) == before
    dialog.write_report(tmp_path / "report.csv")
    with (tmp_path / "report.csv").open(encoding="utf-8-sig") as f:
        table = list(csv.reader(f))
    assert table[1][0] == "3"
    dialog.write_report(tmp_path / "report.txt")
    assert "row 3" in (tmp_path / "report.txt").read_text(encoding="utf-8")

    good = write_csv(tmp_path / "good.csv", credit_rows())
    dialog.path_edit.setText(str(good))
    dialog.dry_run_check.setChecked(True)
    dialog.start()
    assert dialog.report is not None and dialog.report.added == 3 and not dialog.report.applied
    assert snapshot(desk) == before
    dialog.dry_run_check.setChecked(False)
    dialog.start()
    assert dialog.report is not None and dialog.report.applied
    assert len(admin.credit.list_entries()) == 3 + len(before["credit_list_entries"])
    assert dialog.progress_bar.value() == dialog.progress_bar.maximum()


@pytest.fixture
def threaded() -> Iterator[None]:
    from ui.common.tasks import ThreadPoolRunner, set_runner

    previous = set_runner(ThreadPoolRunner())
    yield
    set_runner(previous)


def test_import_runs_off_the_gui_thread_and_reports_progress(
    qtbot: QtBot, desk: Hall, admin: StaffSession, tmp_path: Path, threaded: None
) -> None:
    dialog = ImportDialog(admin, "credit_list")
    qtbot.addWidget(dialog)
    stages: list[str] = []
    dialog._signals.stage.connect(stages.append)
    dialog.path_edit.setText(str(write_csv(tmp_path / "good.csv", credit_rows())))
    dialog.start()
    assert dialog.running and not dialog.start_button.isEnabled()
    qtbot.waitUntil(lambda: not dialog.running, timeout=30000)
    assert dialog.report is not None and dialog.report.applied
    assert stages[:2] == ["reading", "checking"] and "writing" in stages
