"""The kiosk takes tickets as an applicant would: touches, a scanned ID, a printed ticket."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from clerk_app.api import Hall
from clerk_app.demo.hall_data import DEMO_PASSWORD
from clerk_app.documents.escpos_ticket import PrinterUnavailable
from clerk_app.documents.ticket_slip import TicketSlip
from ui.kiosk.kiosk_window import KioskWindow
from ui.kiosk.ticket_printer import (
    ENV_PRINTER,
    EscposTicketPrinter,
    PdfTicketPrinter,
    printer_from_environment,
)

pytestmark = pytest.mark.qt

VALID_ID = "11010519491231002X"  # GB 11643-1999's sample number
BAD_CHECK_ID = "110105194912310021"  # the same with a wrong check character


def pdf_text(pdf: bytes) -> str:
    document = pdfium.PdfDocument(pdf)
    try:
        return "".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


@dataclass
class Printed:
    """Where the kiosk's QPrinter writes: a PDF file instead of the system printer."""

    path: Path
    printer: PdfTicketPrinter = field(init=False)

    def __post_init__(self) -> None:
        def to_file() -> QPrinter:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(self.path))
            return printer

        self.printer = PdfTicketPrinter(to_file)


@pytest.fixture
def printed(tmp_path: Path) -> Printed:
    return Printed(tmp_path / "printed.pdf")


@pytest.fixture
def kiosk(qtbot: QtBot, clerk_qapp: QApplication, hall: Hall, printed: Printed) -> KioskWindow:
    window = KioskWindow(hall.kiosk(), hall.name, printer=printed.printer)
    qtbot.addWidget(window)
    window.resize(1920, 1080)
    window.show()
    return window


def waiting(hall: Hall, prefix: str) -> int:
    loads = hall.kiosk().queue.status().categories
    return next(load.waiting for load in loads if load.prefix == prefix)


def test_touching_a_category_shows_the_ticket_and_prints_it(
    qtbot: QtBot, kiosk: KioskWindow, printed: Printed
) -> None:
    button = kiosk.view.button_for("A")
    assert button is not None
    assert button.load_label.text() == "No counter open now"  # no clerk has signed in

    with qtbot.waitSignal(kiosk.ticket_taken) as taken:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    assert taken.args[0].number == "A001"
    page = kiosk.view.ticket_page
    assert kiosk.view.stack.currentWidget() is page
    assert page.number_label.text() == "A001"
    assert page.facts_label.text().startswith("0 ahead of you")
    assert "take your ticket" in page.print_label.text()
    # The slip's PDF went to the printer, which wrote it out as an 80 mm page.
    assert printed.printer.last_pdf is not None
    assert "A001" in pdf_text(printed.printer.last_pdf)
    assert printed.path.read_bytes().startswith(b"%PDF")
    out = pdfium.PdfDocument(str(printed.path))
    width_mm = out[0].get_size()[0] / 72 * 25.4
    out.close()
    assert width_mm == pytest.approx(80, abs=0.5)
    # The poll after the ticket shows the new count on the button.
    assert button.load_label.text().startswith("1 waiting")


def test_with_no_counter_open_the_kiosk_and_the_ticket_promise_no_minutes(
    qtbot: QtBot, kiosk: KioskWindow, hall: Hall, printed: Printed
) -> None:
    """Issue 12, defect 6: with no counter open the estimate still promised minutes."""
    button = kiosk.view.button_for("C")
    assert button is not None
    page = kiosk.view.ticket_page
    with qtbot.waitSignal(kiosk.ticket_taken):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert page.facts_label.text() == "0 ahead of you · no counter open now"
    assert printed.printer.last_pdf is not None
    slip = pdf_text(printed.printer.last_pdf)
    assert "暂无窗口办理" in slip and "分钟" not in slip
    assert button.load_label.text() == "1 waiting · no counter open now"

    # Counter 9 (不动产登记) opens: minutes again, the hall's usual 8 per service.
    hall.login("clerk09", DEMO_PASSWORD, counter=9)
    qtbot.waitUntil(lambda: button.load_label.text() == "1 waiting · about 16 min", timeout=3000)
    kiosk.show_choices()
    with qtbot.waitSignal(kiosk.ticket_taken):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert page.facts_label.text() == "1 ahead of you · about 16 min"
    assert printed.printer.last_pdf is not None
    assert "预计等候约 16 分钟" in pdf_text(printed.printer.last_pdf)


def test_the_waiting_count_follows_tickets_taken_elsewhere(
    qtbot: QtBot, kiosk: KioskWindow, hall: Hall
) -> None:
    hall.kiosk().queue.take_ticket("C")
    hall.kiosk().queue.take_ticket("C")
    button = kiosk.view.button_for("C")
    assert button is not None

    qtbot.waitUntil(lambda: button.load_label.text().startswith("2 waiting"), timeout=3000)


def test_done_returns_to_the_categories_with_the_id_entry_ready(
    qtbot: QtBot, kiosk: KioskWindow
) -> None:
    qtbot.mouseClick(kiosk.buttons[0], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(kiosk.view.ticket_page.done_button, Qt.MouseButton.LeftButton)

    assert kiosk.view.stack.currentWidget() is kiosk.view.choose_page


def test_a_scanned_id_and_a_priority_make_a_real_name_priority_ticket(
    qtbot: QtBot, kiosk: KioskWindow, printed: Printed
) -> None:
    options = kiosk.view.options
    # A barcode scanner is a keyboard: it types the number and presses Enter.
    qtbot.keyClicks(options.id_edit, VALID_ID)
    qtbot.keyClick(options.id_edit, Qt.Key.Key_Return)
    assert options.id_edit.text() == ""
    assert "1101**********002X" in options.real_name_status.text()
    qtbot.mouseClick(options.priority_buttons["elderly"], Qt.MouseButton.LeftButton)

    with qtbot.waitSignal(kiosk.ticket_taken) as taken:
        qtbot.mouseClick(kiosk.view.button_for("B"), Qt.MouseButton.LeftButton)  # type: ignore[arg-type]

    ticket = taken.args[0]
    assert ticket.priority == "elderly"
    assert ticket.masked_identity == "1101**********002X"
    assert "Elderly" in kiosk.view.ticket_page.category_label.text()
    assert "1101**********002X" in pdf_text(printed.printer.last_pdf or b"")
    # The next person starts anonymous and without priority.
    assert options.chosen_priority() == "normal"
    assert "anonymous" in options.real_name_status.text()


def test_an_invalid_scanned_id_is_refused_at_once_and_nothing_is_taken(
    qtbot: QtBot, kiosk: KioskWindow, hall: Hall
) -> None:
    options = kiosk.view.options
    qtbot.keyClicks(options.id_edit, BAD_CHECK_ID)
    qtbot.keyClick(options.id_edit, Qt.Key.Key_Return)

    assert kiosk.view.error_label.isVisible()
    assert "check character" in kiosk.view.error_label.text()
    assert "anonymous" in options.real_name_status.text()
    assert waiting(hall, "A") == 0


def test_an_invalid_typed_id_refuses_the_ticket_big_and_clear(
    qtbot: QtBot, kiosk: KioskWindow, hall: Hall, printed: Printed
) -> None:
    kiosk.view.options.id_edit.setText("12345")  # typed, Enter not pressed

    qtbot.mouseClick(kiosk.view.button_for("A"), Qt.MouseButton.LeftButton)  # type: ignore[arg-type]

    assert kiosk.view.error_label.isVisible()
    assert "18 characters" in kiosk.view.error_label.text()
    assert kiosk.view.stack.currentWidget() is kiosk.view.choose_page
    assert waiting(hall, "A") == 0
    assert printed.printer.last_pdf is None


def test_the_daily_limit_per_id_is_shown_and_takes_nothing(
    qtbot: QtBot, kiosk: KioskWindow, hall: Hall
) -> None:
    for _ in range(3):
        hall.kiosk().queue.take_ticket("D", identity=VALID_ID)
    qtbot.keyClicks(kiosk.view.options.id_edit, VALID_ID)
    qtbot.keyClick(kiosk.view.options.id_edit, Qt.Key.Key_Return)

    qtbot.mouseClick(kiosk.view.button_for("D"), Qt.MouseButton.LeftButton)  # type: ignore[arg-type]

    assert "limit" in kiosk.view.error_label.text()
    assert waiting(hall, "D") == 3


def test_an_unknown_appointment_code_is_refused(qtbot: QtBot, kiosk: KioskWindow) -> None:
    qtbot.mouseClick(kiosk.view.options.check_in_button, Qt.MouseButton.LeftButton)
    assert "appointment code" in kiosk.view.error_label.text()

    qtbot.keyClicks(kiosk.view.options.code_edit, "YY20260101")
    qtbot.keyClick(kiosk.view.options.code_edit, Qt.Key.Key_Return)

    assert "No such appointment code" in kiosk.view.error_label.text()


class FlakyPrinter:
    """Fails the first time (paper out), then prints."""

    def __init__(self) -> None:
        self.slips: list[TicketSlip] = []

    def print_ticket(self, slip: TicketSlip) -> None:
        self.slips.append(slip)
        if len(self.slips) == 1:
            raise PrinterUnavailable("缺纸", "The printer is out of paper.")


@pytest.fixture
def flaky_kiosk(qtbot: QtBot, clerk_qapp: QApplication, hall: Hall) -> Iterator[KioskWindow]:
    window = KioskWindow(hall.kiosk(), hall.name, printer=FlakyPrinter())
    qtbot.addWidget(window)
    window.show()
    yield window


def test_a_failed_print_keeps_the_ticket_on_screen_and_offers_a_reprint(
    qtbot: QtBot, flaky_kiosk: KioskWindow
) -> None:
    qtbot.mouseClick(flaky_kiosk.buttons[0], Qt.MouseButton.LeftButton)
    page = flaky_kiosk.view.ticket_page
    printer = flaky_kiosk._printer
    assert isinstance(printer, FlakyPrinter)

    assert "out of paper" in page.print_label.text()
    assert page.number_label.text() == "A001"
    assert page.reprint_button.isVisible()

    qtbot.mouseClick(page.reprint_button, Qt.MouseButton.LeftButton)

    assert [slip.reprint for slip in printer.slips] == [False, True]
    assert not page.reprint_button.isVisible()


def test_a_thermal_printer_named_in_the_environment_gets_esc_pos(
    qtbot: QtBot,
    clerk_qapp: QApplication,
    hall: Hall,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    device = tmp_path / "lp0"
    monkeypatch.setenv(ENV_PRINTER, f"file:{device}")
    assert isinstance(printer_from_environment(), EscposTicketPrinter)
    window = KioskWindow(hall.kiosk(), hall.name)  # the printer comes from the environment
    qtbot.addWidget(window)

    qtbot.mouseClick(window.buttons[0], Qt.MouseButton.LeftButton)

    sent = device.read_bytes()
    assert b"A001" in sent
    assert hall.name.encode("gb18030") in sent  # Chinese as GB18030, as kiosk printers read it
    assert "take your ticket" in window.view.ticket_page.print_label.text()
