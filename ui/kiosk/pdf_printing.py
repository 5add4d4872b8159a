"""Prints a PDF on a ``QPrinter``: QtPdf renders each page, QPainter draws it on the paper.

The page size of the printer is set to the PDF page's own size (an 80 mm ticket roll), with
no margins. Pages are rendered as images at ``RENDER_DPI`` at most: a thermal or office
printer gains nothing above 300 dpi, and a 1200 dpi image of a ticket would take 80 MB.

Thread: may run on a worker thread (QPainter on a QPrinter is allowed there); the document,
printer and painter live and die inside one call.
"""

from __future__ import annotations

from PySide6.QtCore import QMarginsF, QRectF, QSize, QSizeF, QTemporaryFile
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from clerk_app.documents.escpos_ticket import PrinterUnavailable

RENDER_DPI = 300
_POINTS_PER_INCH = 72.0


def _not_loaded(reason: str) -> PrinterUnavailable:
    return PrinterUnavailable(
        f"号票无法打印：PDF 无法读取（{reason}）。",
        f"The ticket cannot be printed: its PDF cannot be read ({reason}).",
    )


def _printer_refused(name: str) -> PrinterUnavailable:
    if not name:
        return PrinterUnavailable(
            "本机没有可用的打印机，请联系工作人员。",
            "This machine has no printer to use; please ask the staff.",
        )
    return PrinterUnavailable(
        f"无法使用打印机“{name}”，请检查打印机后补打。",
        f"Cannot use the printer {name!r}; check it, then reprint.",
    )


def print_pdf(pdf: bytes, printer: QPrinter) -> int:
    """Print every page of ``pdf`` on ``printer``; returns the number of pages printed.

    Raises ``PrinterUnavailable`` when the PDF cannot be read or the printer refuses the job.
    """
    # QPdfDocument reads a file synchronously; a QIODevice would load in the background.
    with_file = QTemporaryFile()
    if not with_file.open():
        raise _not_loaded("temporary file")
    with_file.write(pdf)
    with_file.flush()
    document = QPdfDocument()
    error = document.load(with_file.fileName())
    if error != QPdfDocument.Error.None_ or document.pageCount() < 1:
        raise _not_loaded(str(error.name))
    try:
        return _paint_pages(document, printer)
    finally:
        document.close()
        with_file.close()


def _page_layout(points: QSizeF) -> QPageLayout:
    size = QPageSize(points, QPageSize.Unit.Point, "ticket")
    return QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))


def _paint_pages(document: QPdfDocument, printer: QPrinter) -> int:
    printer.setFullPage(True)
    printer.setPageLayout(_page_layout(document.pagePointSize(0)))
    painter = QPainter()
    if not painter.begin(printer):
        raise _printer_refused(printer.printerName() or printer.outputFileName())
    try:
        dpi = min(printer.resolution(), RENDER_DPI)
        for page in range(document.pageCount()):
            points = document.pagePointSize(page)
            if page > 0:
                printer.setPageLayout(_page_layout(points))
                printer.newPage()
            pixels = QSize(
                round(points.width() / _POINTS_PER_INCH * dpi),
                round(points.height() / _POINTS_PER_INCH * dpi),
            )
            image = document.render(page, pixels)
            painter.drawImage(QRectF(painter.viewport()), image)
    finally:
        painter.end()
    return document.pageCount()
