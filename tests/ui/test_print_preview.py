"""The print preview over the core's PDF, printing to a QPrinter, and each counter's printer."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QImage
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from clerk_app.api import Hall, StaffSession
from clerk_app.demo.hall_data import DEMO_PASSWORD
from clerk_app.documents.paper import render_paper
from clerk_app.documents.paper_data import DocumentKind
from ui.printing import preview_dialog, printers
from ui.printing.pdf_printing import print_pdf, render_page
from ui.printing.preview_dialog import PrintPreviewDialog
from ui.printing.printers import CounterPrinters

pytestmark = pytest.mark.qt

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture(autouse=True)
def local_settings(tmp_path: Path) -> Iterator[Path]:
    """This workstation's printing settings in a file of the test; PDFs go to ``prints/``."""
    folder = tmp_path / "settings"
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    CounterPrinters(None).set_pdf_dir(tmp_path / "prints")
    yield tmp_path / "prints"
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "")


def is_blank(image: QImage) -> bool:
    """True when every sampled pixel is white (or clear): nothing was drawn."""
    step = max(1, min(image.width(), image.height()) // 200)
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            color = image.pixelColor(x, y)
            if color.alpha() and (color.red(), color.green(), color.blue()) != (255, 255, 255):
                return False
    return True


def pdf_pages(path: Path) -> list[tuple[float, float, bool]]:
    """Each page of a PDF file read back: (width, height in points, has ink)."""
    document = pdfium.PdfDocument(str(path))
    try:
        pages = []
        for page in document:
            bitmap = page.render(scale=0.25).to_pil().convert("L")
            low, _high = bitmap.getextrema()
            width, height = page.get_size()
            pages.append((width, height, low < 128))
        return pages
    finally:
        document.close()


def pdf_text(pdf: bytes) -> str:
    document = pdfium.PdfDocument(pdf)
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


@pytest.fixture
def clerk(hall: Hall) -> StaffSession:
    return hall.login("clerk03", DEMO_PASSWORD, counter=3)


@pytest.fixture
def tolerant_case(clerk: StaffSession) -> str:
    """A demo 容缺 case: its commitment letter has two copies (two pages)."""
    return clerk.cases.list_cases(state="pending_supplement")[0].case_no


def open_preview(
    qtbot: QtBot, session: StaffSession, kind: DocumentKind, case_no: str
) -> PrintPreviewDialog:
    paper = session.documents.preview(kind, case_no)
    dialog = PrintPreviewDialog(
        render_paper(paper),
        paper.title,
        case_no,
        reprint=paper.reprint,
        print_document=lambda: session.documents.print_document(kind, case_no),
        printers=CounterPrinters(session.actor.counter_no),
    )
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    return dialog


def test_the_preview_shows_every_page_of_the_cores_pdf(
    qtbot: QtBot, clerk_qapp: QApplication, clerk: StaffSession, tolerant_case: str
) -> None:
    dialog = open_preview(qtbot, clerk, DocumentKind.COMMITMENT, tolerant_case)
    pdf = render_paper(clerk.documents.preview(DocumentKind.COMMITMENT, tolerant_case))
    assert dialog.document.pageCount() == len(pdfium.PdfDocument(pdf)) >= 2
    assert dialog.view.document() is dialog.document
    assert dialog.view.pageMode() == QPdfView.PageMode.MultiPage
    for page in range(dialog.document.pageCount()):
        assert not is_blank(render_page(dialog.document, page, 40)), page
    assert "容缺受理承诺书" in dialog.windowTitle() and tolerant_case in dialog.windowTitle()
    assert "Reprint" not in dialog.windowTitle()
    assert "Not printed yet" in dialog.heading.text()
    assert clerk.documents.history(tolerant_case) == []  # a preview records nothing

    qtbot.keyClick(dialog, Qt.Key.Key_Plus, CTRL)
    assert dialog.view.zoomMode() == QPdfView.ZoomMode.Custom
    assert dialog.view.zoomFactor() > 1
    qtbot.keyClick(dialog, Qt.Key.Key_Minus, CTRL)
    qtbot.keyClick(dialog, Qt.Key.Key_Minus, CTRL)
    assert dialog.view.zoomFactor() < 1
    qtbot.keyClick(dialog, Qt.Key.Key_0, CTRL)
    assert dialog.view.zoomMode() == QPdfView.ZoomMode.FitToWidth


def test_print_then_print_again_is_a_reprint(
    qtbot: QtBot,
    clerk_qapp: QApplication,
    clerk: StaffSession,
    tolerant_case: str,
    local_settings: Path,
) -> None:
    dialog = open_preview(qtbot, clerk, DocumentKind.RECEIPT, tolerant_case)
    assert dialog.chosen_printer() == ""  # offscreen there is no printer: a PDF file
    with qtbot.waitSignal(dialog.printed) as signal:
        qtbot.keyClick(dialog, Qt.Key.Key_P, CTRL)
    first = signal.args[0]
    assert not first.printed.reprint and not first.error
    assert first.target.is_file and Path(first.target.pdf_path).parent == local_settings
    pages = pdf_pages(Path(first.target.pdf_path))
    assert len(pages) == dialog.document.pageCount() == first.pages
    for width, height, inked in pages:
        assert (round(width), round(height)) == (595, 842) and inked  # A4, full page
    assert "No printer" in dialog.status_label.text()
    assert "Reprint" not in dialog.windowTitle()
    assert "Printed and recorded" in dialog.heading.text()

    with qtbot.waitSignal(dialog.printed) as signal:
        qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    second = signal.args[0]
    assert second.printed.reprint and second.printed.original_id == first.printed.record_id
    assert dialog.windowTitle().endswith("Reprint")
    assert "补打" in pdf_text(second.printed.pdf)
    assert second.target.pdf_path != first.target.pdf_path  # the first file is kept
    history = clerk.documents.history(tolerant_case)
    assert [(r.kind, r.reprint) for r in history] == [
        (DocumentKind.RECEIPT, False),
        (DocumentKind.RECEIPT, True),
    ]


def test_print_pdf_on_a_pdf_format_printer(
    clerk_qapp: QApplication, clerk: StaffSession, tolerant_case: str, tmp_path: Path
) -> None:
    pdf = render_paper(clerk.documents.preview(DocumentKind.COMMITMENT, tolerant_case))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "out.pdf"))
    assert print_pdf(pdf, printer) == len(pdfium.PdfDocument(pdf))
    pages = pdf_pages(tmp_path / "out.pdf")
    assert len(pages) == len(pdfium.PdfDocument(pdf))
    assert all(inked and (round(w), round(h)) == (595, 842) for w, h, inked in pages)


def test_a_printer_failure_after_the_record_is_said_in_red(
    qtbot: QtBot, clerk_qapp: QApplication, clerk: StaffSession, tolerant_case: str, tmp_path: Path
) -> None:
    (tmp_path / "not-a-folder").write_text("")
    CounterPrinters(None).set_pdf_dir(tmp_path / "not-a-folder" / "prints")
    dialog = open_preview(qtbot, clerk, DocumentKind.RECEIPT, tolerant_case)
    with qtbot.waitSignal(dialog.printed) as signal:
        qtbot.keyClick(dialog, Qt.Key.Key_P, CTRL)
    assert signal.args[0].error
    assert "recorded but not printed" in dialog.status_label.text()
    assert dialog.status_label.objectName() == "ErrorText"
    # Recorded all the same: the next print is a reprint, and the dialog says so.
    assert len(clerk.documents.history(tolerant_case)) == 1


def test_each_counter_keeps_its_own_default_printer(
    qtbot: QtBot,
    clerk_qapp: QApplication,
    clerk: StaffSession,
    tolerant_case: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    installed = ["Office A4", "Front desk"]
    for module in (printers, preview_dialog):
        monkeypatch.setattr(module, "available_printers", lambda: list(installed))
    assert CounterPrinters(3).default_name() == "Office A4"  # none chosen: the first one
    dialog = open_preview(qtbot, clerk, DocumentKind.RECEIPT, tolerant_case)
    combo = dialog.printer_combo
    assert [combo.itemData(i) for i in range(combo.count())] == [*installed, ""]
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert dialog.chosen_printer() == "Front desk"
    qtbot.mouseClick(dialog.default_button, Qt.MouseButton.LeftButton)
    assert "Front desk" in dialog.status_label.text()

    assert CounterPrinters(3).default_name() == "Front desk"
    assert CounterPrinters(4).default_name() == "Office A4"  # another counter: its own
    assert CounterPrinters(3).target(None, "x").printer_name == "Front desk"
    installed.remove("Front desk")  # unplugged: fall back to what is there
    assert CounterPrinters(3).default_name() == "Office A4"


def test_the_system_print_dialog_prints_where_it_was_told(
    qtbot: QtBot, clerk_qapp: QApplication, clerk: StaffSession, tolerant_case: str, tmp_path: Path
) -> None:
    dialog = open_preview(qtbot, clerk, DocumentKind.RECEIPT, tolerant_case)
    qtbot.keyClick(dialog, Qt.Key.Key_P, CTRL | Qt.KeyboardModifier.ShiftModifier)
    chooser = dialog.print_dialog
    assert chooser is not None and chooser.isVisible()
    # No printer offscreen: Qt's dialog offers "print to file"; type the file's name there.
    file_edit = chooser.findChild(QLineEdit, "filename")
    assert file_edit is not None
    file_edit.setText(str(tmp_path / "chosen.pdf"))
    with qtbot.waitSignal(dialog.printed) as signal:
        chooser.accept()
    assert signal.args[0].target.printer is chooser.printer()
    assert len(pdf_pages(tmp_path / "chosen.pdf")) == dialog.document.pageCount()
