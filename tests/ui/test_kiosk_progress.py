"""市民之窗 at the kiosk (issue 17): an applicant scans their receipt's QR code and reads the
case's progress; a garbage scan is refused in words; Back, or leaving it untouched, returns to
the ticket screen. The scanner is the keyboard wedge it is (``test_counter_scans.scan``: keys a
few milliseconds apart, then Enter, into whatever has the focus)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot
from test_counter_scans import keys, scan

from clerk_app.api import Hall
from clerk_app.demo.credit_cases import make_resident_id
from clerk_app.services.cases.results import ApplicantInput, ItemRequest
from tests.support.acceptance import FOOD, firm, firm_uscc, non_core_missing, red_list
from ui.kiosk.kiosk_window import KioskWindow

pytestmark = pytest.mark.qt

PERSON = ApplicantInput("吴家明", "resident_id", make_resident_id("440511", date(1980, 5, 6), 71))


class NoPrinter:
    def print_ticket(self, slip: object) -> None:
        pass


def show_kiosk(qtbot: QtBot, hall: Hall, size: tuple[int, int]) -> KioskWindow:
    window = KioskWindow(hall.kiosk(), hall.name, printer=NoPrinter())
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.view.options.id_edit)
    return window


@pytest.fixture
def kiosk(qtbot: QtBot, clerk_qapp: QApplication, hall: Hall) -> KioskWindow:
    return show_kiosk(qtbot, hall, (1366, 768))


def receipt_qr(hall: Hall, applicant: ApplicantInput = PERSON) -> tuple[str, str]:
    """A case accepted at counter 1 and its printed receipt's QR payload."""
    s = hall.login("clerk01", "demo", counter=1)
    [case] = s.cases.accept(applicant, [ItemRequest(FOOD)])
    return case.case_no, s.documents.print_document("receipt", case.case_no).document.qr_payload


def shown(kiosk: KioskWindow) -> str:
    page = kiosk.view.progress_page
    return "\n".join(w.text() for w in page.findChildren(QLabel) if w.isVisible())


def test_a_scanned_receipt_shows_state_due_date_and_the_masked_name(
    qtbot: QtBot, kiosk: KioskWindow, hall: Hall
) -> None:
    case_no, payload = receipt_qr(hall)
    case = hall.login("clerk01", "demo", counter=1).cases.get(case_no)

    scan(payload)  # on the ticket screen, the ID entry has the focus

    page = kiosk.view.progress_page
    assert kiosk.view.stack.currentWidget() is page
    text = shown(kiosk)
    assert "accepted" in text and case.due_date is not None
    assert case.due_date.isoformat() in text and "吴**" in text and case_no in text
    assert "counter 1" in text and "Nothing is owed" in text
    assert PERSON.id_value not in text and "吴家明" not in text
    assert kiosk.view.options.id_edit.text() == ""  # the scan did not land in the ID entry

    qtbot.mouseClick(page.back_button, Qt.MouseButton.LeftButton)
    assert kiosk.view.stack.currentWidget() is kiosk.view.choose_page
    assert "吴**" not in shown(kiosk)  # nothing of the applicant stays behind
    assert QApplication.focusWidget() is kiosk.view.options.id_edit


def test_a_tolerant_case_says_what_is_still_owed_and_by_when(
    qtbot: QtBot, kiosk: KioskWindow, hall: Hall
) -> None:
    s = hall.login("clerk01", "demo", counter=1)
    red_list(hall, firm_uscc(1))
    [case] = s.cases.tolerant_accept(firm(), [non_core_missing(s, FOOD)], commitment_signed=True)
    payload = s.documents.print_document("receipt", case.case_no).document.qr_payload

    scan(payload)

    text = shown(kiosk)
    assert "pending supplement" in text and "Still to hand in" in text
    assert case.missing[0].name in text and str(case.supplement_due) in text
    assert firm_uscc(1) not in text and firm().name not in text


def test_the_touch_button_then_a_garbage_scan_shows_the_refusal(
    qtbot: QtBot, kiosk: KioskWindow, hall: Hall
) -> None:
    _, payload = receipt_qr(hall)
    qtbot.mouseClick(kiosk.view.progress_button, Qt.MouseButton.LeftButton)
    page = kiosk.view.progress_page
    assert kiosk.view.stack.currentWidget() is page
    assert QApplication.focusWidget() is page.scan_edit

    scan("HELLO-WORLD-123")  # no code of this hall: it reaches the entry, and is refused

    assert page.error_label.isVisible() and "malformed" in page.error_label.text()
    assert not page.applicant_label.isVisible()

    body, signature = payload.rsplit(":", 1)
    scan(f"{body}:{'A' * len(signature)}")  # a document's shape with a forged signature
    assert "signature does not match" in page.error_label.text()

    keys(payload, 120)  # typed by hand into the entry, then Enter: read just the same
    assert not page.error_label.isVisible() and "吴**" in shown(kiosk)


def test_left_untouched_the_progress_page_returns_to_the_ticket_screen(
    qtbot: QtBot, kiosk: KioskWindow, hall: Hall
) -> None:
    _, payload = receipt_qr(hall)
    kiosk.progress_idle.setInterval(20)  # the idle timeout, shortened for the test
    scan(payload)
    assert kiosk.view.stack.currentWidget() is kiosk.view.progress_page
    qtbot.waitUntil(lambda: kiosk.view.stack.currentWidget() is kiosk.view.choose_page)
    assert "吴**" not in shown(kiosk)


@pytest.fixture
def chinese(clerk_qapp: QApplication) -> Iterator[None]:
    from clerk_app.i18n import set_language
    from ui.app import create_application

    create_application(lang="zh_CN")
    set_language("zh_CN")
    yield
    create_application(lang="en")
    set_language("en")


def test_in_chinese(chinese: None, qtbot: QtBot, hall: Hall) -> None:
    _, payload = receipt_qr(hall)
    kiosk = show_kiosk(qtbot, hall, (1280, 720))
    assert kiosk.view.progress_button.text() == "查询办件进度"
    qtbot.mouseClick(kiosk.view.progress_button, Qt.MouseButton.LeftButton)
    keys(payload, 4)
    text = shown(kiosk)
    assert "已受理" in text and "吴**" in text and "号窗口" in text
    keys("NOT-A-CODE", 120)  # typed by hand, then Enter
    assert "二维码内容格式不对" in kiosk.view.progress_page.error_label.text()
