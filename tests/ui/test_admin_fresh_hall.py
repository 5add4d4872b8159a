"""Done when (issue 14): a fresh hall — not the demo — is set up from the admin window alone,
then serves its first applicant.

The first administrator is made as a real hall makes it: `clerk user add chief --role admin`
(the password typed, here through --password-stdin). Everything else the hall needs is typed
into the admin window: a clerk's account, a queue category, a counter, a department, an item
with its materials. Then the clerk signs in at that counter, the kiosk issues a ticket, the
clerk calls it (F1) and accepts a case on it, and the due date counts the working days of the
calendar year the admin entered.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from admin_window import CTRL, Keyboard
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from test_acceptance_panel import ALT, choose_item, enter_person, key, to_decision, type_text

from clerk_app.api import Hall, open_hall
from clerk_app.demo.credit_cases import make_resident_id, make_uscc
from tests.support.acceptance import MovableClock
from tests.support.calendar import MAKEUP_2027, NOTICE_2027
from ui.acceptance.acceptance_panel import PREVIEW
from ui.admin.admin_screen import AdminScreen
from ui.admin.calendar.calendar_page import CalendarPage, NoticeDialog
from ui.admin.catalog.item_dialog import ItemDialog
from ui.admin.credit.credit_page import CreditEntryDialog, CreditPage
from ui.admin.list_page import ListPage
from ui.counter.counter_screen import CounterScreen
from ui.main_window import MainWindow

pytestmark = pytest.mark.qt
KEY = Qt.Key
# Monday 28 December 2026 in the hall: a promised item's days run into 2027, a year
# chinese-calendar does not know; the admin enters its holiday notice.
MONDAY = datetime(2026, 12, 28, 10, 0)


FIRST_ADMIN = ("--role", "admin", "--name", "主任", "--password-stdin")


@pytest.fixture
def hall(tmp_path: Path) -> Iterator[Hall]:
    url = f"sqlite:///{tmp_path / 'new-hall.db'}"
    first_admin = subprocess.run(
        [sys.executable, "-m", "clerk_app", "--db", url, "user", "add", "chief", *FIRST_ADMIN],
        input="Hall-admin-2026\n",
        capture_output=True,
        text=True,
    )
    assert first_admin.returncode == 0, first_admin.stderr
    h = open_hall(url, clock=MovableClock(MONDAY))
    yield h
    h.close()


def show(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.addWidget(window)
    window.resize(1366, 768)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()


def add_on_page(keys: Keyboard, screen: AdminScreen, page_key: str, number: int) -> ListPage:
    """Ctrl+<number> to the page, Ctrl+N for its form; returns the page (its form open)."""
    keys.press(getattr(KEY, f"Key_{number}"), CTRL)
    page = screen.current_page()
    assert isinstance(page, ListPage) and page is screen.pages[page_key]
    keys.press(KEY.Key_N, CTRL)
    keys.wait_for(page.dialog)
    return page


def save(keys: Keyboard, page: ListPage) -> None:
    dialog = page.dialog
    assert dialog is not None
    keys.press(KEY.Key_Return)
    assert not dialog.isVisible(), [dialog.error_text(f) for f in ("", *dialog.errors)]


def test_a_fresh_hall_set_up_from_the_screens_serves_its_first_applicant(
    qtbot: QtBot, clerk_qapp: QApplication, hall: Hall
) -> None:
    assert hall.kiosk().catalog.list_categories() == []  # nothing but the first admin
    admin_window = MainWindow(hall.login("chief", "Hall-admin-2026"), hall.name)
    show(qtbot, admin_window)
    screen = admin_window.screen_widget
    assert isinstance(screen, AdminScreen)
    keys = Keyboard(qtbot, screen)

    # Users (Ctrl+1): the clerk's account; the role box starts at Clerk.
    page = add_on_page(keys, screen, "users", 1)
    keys.fill(page.dialog, {"username": "clerk01", "display_name": "林晓芸"})  # type: ignore[arg-type]
    keys.fill(page.dialog, {"password": "Counter-one-1", "repeat": "Counter-one-1"})  # type: ignore[arg-type]
    save(keys, page)

    # Queue categories (Ctrl+2) and counters (Ctrl+3).
    page = add_on_page(keys, screen, "categories", 2)
    keys.fill(page.dialog, {"prefix": "A", "name": "综合业务"})  # type: ignore[arg-type]
    save(keys, page)
    page = add_on_page(keys, screen, "counters", 3)
    keys.fill(page.dialog, {"number": "1", "name": "综合窗口1", "categories": "A"})  # type: ignore[arg-type]
    save(keys, page)

    # Departments (Ctrl+4) and a service item with its materials (Ctrl+5).
    page = add_on_page(keys, screen, "departments", 4)
    keys.fill(page.dialog, {"code": "CG", "name": "汕头市城市管理和综合执法局"})  # type: ignore[arg-type]
    save(keys, page)
    page = add_on_page(keys, screen, "items", 5)
    item = page.dialog
    assert isinstance(item, ItemDialog)
    keys.fill(item, {"item_code": "440500-CG-101", "name": "临时占用城市道路许可"})
    keys.fill(item, {"statutory_days": "20", "promised_days": "5", "authority": "汕头市"})
    keys.fill(item, {"legal_basis": "《城市道路管理条例》第三十一条"})
    for name, core in (("临时占用城市道路申请表", True), ("营业执照复印件", False)):
        keys.press(KEY.Key_M, CTRL)
        material = keys.wait_for(item.material_dialog)
        keys.type(name)
        if not core:
            material.fields["core"].setFocus()
            keys.press(KEY.Key_Space)  # untick 核心材料
        keys.press(KEY.Key_Return)
        assert not material.isVisible()
    item.fields["tolerant_accept_allowed"].setFocus()
    keys.press(KEY.Key_Space)
    save(keys, page)

    # Credit list (Ins): a red-listed firm, typed into its dialog.
    credit = screen.show_page("credit")
    assert isinstance(credit, CreditPage)
    credit.table.view.setFocus()
    keys.press(KEY.Key_Insert)
    entry = credit.dialog
    assert isinstance(entry, CreditEntryDialog)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is entry)
    type_text(qtbot, entry.uscc_edit, make_uscc("440511", "T0000001"))
    type_text(qtbot, entry.name_edit, "汕头市测试贸易有限公司")
    entry.list_combo.setCurrentIndex(0)  # red list
    type_text(qtbot, entry.reason_edit, "守信激励对象")
    type_text(qtbot, entry.source_edit, "汕头市发展和改革局")
    keys.press(KEY.Key_Return)
    assert credit.dialog is None and credit.model.rowCount() == 1

    # Calendar (Ctrl+N): the State Council's notice for 2027, holiday by holiday.
    calendar = screen.show_page("calendar")
    assert isinstance(calendar, CalendarPage)
    calendar.year_spin.setValue(2027)
    calendar.table.view.setFocus()
    keys.press(KEY.Key_N, CTRL)
    notice = calendar.dialog
    assert isinstance(notice, NoticeDialog)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is notice)
    for holiday in NOTICE_2027:
        notice.set_range(holiday.holiday, holiday.first, holiday.last)
    type_text(qtbot, notice.workdays_edit, ", ".join(d.isoformat() for d in MAKEUP_2027))
    notice.workdays_edit.setFocus()
    keys.press(KEY.Key_Return)
    assert calendar.dialog is None and calendar.info is not None and calendar.info.covered
    admin = hall.login("chief", "Hall-admin-2026")
    assert admin.credit.status(make_uscc("440511", "T0000001")).on_red_list

    stored = admin.catalog_admin.item("440500-CG-101")
    assert [(m.name, m.core) for m in stored.materials] == [
        ("临时占用城市道路申请表", True),
        ("营业执照复印件", False),
    ]
    assert (stored.promised_days, stored.tolerant_accept_allowed, stored.authority) == (
        5,
        True,
        "汕头市",
    )
    admin_window.close()

    # The clerk signs in at counter 1; the kiosk issues a ticket; F1 calls it.
    clerk = hall.login("clerk01", "Counter-one-1", counter=1)
    ticket = hall.kiosk().queue.take_ticket("A")
    assert ticket.number == "A001"
    counter_window = MainWindow(clerk, hall.name)
    show(qtbot, counter_window)
    counter = counter_window.screen_widget
    assert isinstance(counter, CounterScreen)
    panel = counter.acceptance
    qtbot.keyClick(counter, KEY.Key_F1)
    assert panel.ticket_id == ticket.id

    # … and accepts a case on it, by keys, with the item the admin typed in.
    enter_person(qtbot, panel, "李秀珍", make_resident_id("440511", date(1980, 5, 6), 11))
    choose_item(qtbot, panel, "lszy", "临时占用城市道路许可")
    to_decision(qtbot, panel)
    key(qtbot, panel, KEY.Key_A, ALT)  # 受理
    assert panel.stack.currentIndex() == PREVIEW, panel.decision_page.error_label.text()
    [case] = clerk.cases.cases_for_ticket(ticket.id)
    assert (case.state, case.item_code, case.applicant_name) == (
        "accepted",
        "440500-CG-101",
        "李秀珍",
    )
    # 5 working days after Monday 28 December: 29, 30, 31 December, then 1–3 January are
    # the entered New Year holiday, so 4 and 5 January 2027.
    assert case.due_date == date(2027, 1, 5)
