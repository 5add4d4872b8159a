"""A code scanned anywhere on the counter opens what it names; the focused field keeps its text.

The scanner is simulated as the keyboard wedge it is: key events with their own timestamps,
a few milliseconds apart, ending in Enter, sent to whatever widget has the focus. A person is
the same keys a tenth of a second apart.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest
from counter_window import show_counter
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot
from test_acceptance_panel import type_text

from clerk_app.api import Hall
from clerk_app.demo.credit_cases import PERSONS
from clerk_app.services.documents.results import DocumentKind
from ui.acceptance.acceptance_panel import APPLICANT, PREVIEW
from ui.counter.counter_screen import CounterScreen
from ui.counter.scan_filter import GAP_MS
from ui.main_window import MainWindow

pytestmark = pytest.mark.qt

SCANNER_MS = 4  # between two keys of a hand scanner
PERSON_MS = 120  # between two keys of a quick typist

_windows: list[MainWindow] = []
_clock = itertools.count(10_000_000, 1)  # event timestamps, milliseconds, never going back


@pytest.fixture(autouse=True)
def _keep_windows() -> Iterator[None]:
    yield
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog):
            widget.close()
    _windows.clear()


@pytest.fixture
def screen(qtbot: QtBot, clerk_qapp: QApplication, hall: Hall) -> CounterScreen:
    hall.kiosk().queue.take_ticket("A")
    window, counter = show_counter(qtbot, hall, 1)
    _windows.append(window)
    return counter


def keys(text: str, gap_ms: int) -> None:
    """``text`` then Enter, typed into the focused widget ``gap_ms`` apart (event timestamps)."""
    now = next(_clock)
    for char in [*text, "\r"]:
        now += gap_ms
        key = Qt.Key.Key_Return if char == "\r" else Qt.Key(ord(char.upper()))
        shift = Qt.KeyboardModifier.ShiftModifier if char.isupper() or char in "|:" else None
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            focus = QApplication.focusWidget()
            assert focus is not None
            modifiers = shift or Qt.KeyboardModifier.NoModifier
            event = QKeyEvent(kind, key, modifiers, char)
            event.setTimestamp(now)
            QApplication.sendEvent(focus, event)
    for _ in range(now - next(_clock) + GAP_MS + 1):  # the clock moves on past this burst
        next(_clock)


def scan(text: str) -> None:
    keys(text, SCANNER_MS)


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def a_case(screen: CounterScreen, state: str) -> str:
    return screen._session.cases.list_cases(state=state)[0].case_no


def test_a_receipt_scanned_into_the_applicant_s_name_opens_its_case(
    qtbot: QtBot, screen: CounterScreen
) -> None:
    case_no = a_case(screen, "accepted")
    page = screen.acceptance.applicant_page
    qtbot.keyClick(screen, Qt.Key.Key_F1)
    page.name_edit.setFocus()
    type_text(qtbot, page.name_edit, "李秀珍")
    assert focused() is page.name_edit

    scan(case_no)

    assert screen.scan_filter.scans == 1
    assert screen.acceptance.stack.currentIndex() == PREVIEW
    assert case_no in screen.acceptance.preview.toPlainText()
    assert page.name_edit.text() == "李秀珍"  # unchanged: the scan never stayed in it


def test_a_receipt_scanned_into_the_id_field_leaves_the_id_as_it_was(
    qtbot: QtBot, screen: CounterScreen
) -> None:
    case_no = a_case(screen, "pending_supplement")
    page = screen.acceptance.applicant_page
    qtbot.keyClick(screen, Qt.Key.Key_F1)
    page.id_edit.setFocus()
    keys(PERSONS[0].resident_id[:6], PERSON_MS)  # the clerk had begun typing an ID
    page.id_edit.setFocus()  # (its Enter moved on: back to it)
    typed = page.id_edit.text()
    assert typed == PERSONS[0].resident_id[:6]

    scan(case_no)

    assert page.id_edit.text() == typed
    assert page.id_status.text() == "6/18"  # not "should have 18 characters, has 25"
    assert screen.acceptance.stack.currentIndex() == PREVIEW
    assert case_no in screen.acceptance.preview.toPlainText()


def test_a_person_typing_the_same_digits_is_not_a_scan(qtbot: QtBot, screen: CounterScreen) -> None:
    case_no = a_case(screen, "accepted")
    page = screen.acceptance.applicant_page
    qtbot.keyClick(screen, Qt.Key.Key_F1)
    page.id_edit.setFocus()

    keys(case_no, PERSON_MS)

    assert screen.scan_filter.scans == 0
    assert page.id_edit.text() == case_no  # what the person typed stays
    assert "18" in page.id_status.text()  # and the field says what is wrong with it
    # Enter moved on to the next empty field the applicant needs, as for any typed ID.
    assert focused() is page.name_edit
    assert screen.acceptance.stack.currentIndex() == APPLICANT


def test_an_id_card_scanned_into_the_scan_box_still_fills_the_applicant(
    qtbot: QtBot, screen: CounterScreen
) -> None:
    page = screen.acceptance.applicant_page
    qtbot.keyClick(screen, Qt.Key.Key_F1)
    assert focused() is page.scan_edit

    scan(PERSONS[0].resident_id)  # fast, ends in Enter, but no code of the hall's

    assert screen.scan_filter.scans == 0
    assert page.id_edit.text() == PERSONS[0].resident_id
    # A person the hall knows: the name comes from their earlier cases, so the cursor goes on
    # past the filled fields to the item search.
    assert page.name_edit.text() == PERSONS[0].name
    assert focused() is screen.acceptance.items_page.search_box


def test_a_document_s_qr_code_scanned_anywhere_opens_its_case_once_verified(
    qtbot: QtBot, screen: CounterScreen
) -> None:
    case_no = a_case(screen, "pending_supplement")
    payload = screen._session.documents.print_document(DocumentKind.RECEIPT, case_no)
    payload_text = payload.document.qr_payload
    qtbot.keyClick(screen, Qt.Key.Key_F1)
    screen.acceptance.applicant_page.name_edit.setFocus()

    scan(payload_text)

    assert screen.acceptance.stack.currentIndex() == PREVIEW
    assert case_no in screen.acceptance.preview.toPlainText()
    assert "Genuine" in screen.view.ticket_panel.message()
    assert screen.acceptance.applicant_page.name_edit.text() == ""

    forged = payload_text[:-4] + ("AAAA" if not payload_text.endswith("AAAA") else "BBBB")
    scan(forged)
    assert "signature does not match" in screen.view.ticket_panel.message()


def test_a_ticket_slip_scanned_offers_that_ticket_to_call_by_number(
    qtbot: QtBot, screen: CounterScreen, hall: Hall
) -> None:
    waiting = hall.kiosk().queue.take_ticket("A")
    screen.acceptance.case_edit.setFocus()

    scan(f"T{waiting.id:08d}")

    dialog = screen.desk.call_ticket_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.number() == waiting.number
    assert screen.acceptance.case_edit.text() == ""


def test_f9_puts_the_cursor_in_open_case_and_scan_fields_take_no_input_method(
    qtbot: QtBot, screen: CounterScreen
) -> None:
    edit = screen.acceptance.case_edit
    assert edit.placeholderText().startswith("F9") and edit.toolTip() == "F9"
    qtbot.keyClick(screen, Qt.Key.Key_F1)
    assert not edit.hasFocus()
    qtbot.keyClick(focused() or screen, Qt.Key.Key_F9)
    assert edit.hasFocus()
    page = screen.acceptance.applicant_page
    for field in (edit, page.scan_edit, page.id_edit, page.agent_id_edit):
        assert not field.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)
        assert field.inputMethodHints() & Qt.InputMethodHint.ImhLatinOnly
    assert page.name_edit.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)  # 中文姓名


def test_the_filter_follows_the_focus_and_leaves_it_while_the_window_is_hidden(
    qtbot: QtBot, screen: CounterScreen
) -> None:
    """The filter sits on the focused widget, not on the application (every event of the PC
    would pass through Python; issue 11's cold start): a scan into a field the clerk moved to
    after the window came up is still recognised, and a hidden window watches no field."""
    case_no = a_case(screen, "accepted")
    page = screen.acceptance.applicant_page
    qtbot.keyClick(screen, Qt.Key.Key_F1)
    page.name_edit.setFocus()
    page.id_edit.setFocus()  # the focus moves on; the filter with it
    assert focused() is page.id_edit

    scan(case_no)

    assert screen.scan_filter.scans == 1
    assert screen.acceptance.stack.currentIndex() == PREVIEW
    window = screen.window()
    window.hide()
    assert screen.scan_filter._watched is None
    window.show()
    qtbot.waitUntil(lambda: screen.scan_filter._watched is QApplication.focusWidget())
