"""Prints the core's PDFs (A4 documents, 80 mm tickets) on a ``QPrinter``: QtPdf renders each
page, QPainter draws it.

Each page goes on the paper full-page and at its own size (A4, or the 80 mm ticket): the
printer's page layout is set to the PDF page's size with no margins and the image fills the
whole paper, so nothing is scaled to fit a printable area. Pages are rendered as
images at the printer's resolution, at most ``MAX_RENDER_DPI``: an A4 page at 1200 dpi would
be a 550 MB image, and text, the barcode and the QR code are sharp at 300 dpi.

Thread: ``print_pdf`` may run on a worker (``ui.common.tasks``); the document, printer and
painter it uses live and die inside the one call.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QMarginsF,
    QRectF,
    QSize,
    QSizeF,
    Qt,
)
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

MAX_RENDER_DPI = 300
POINTS_PER_INCH = 72.0


class PrintFailed(Exception):
    """The PDF could not be read or the printer refused the job; ``str()`` is for the clerk.

    ``printer`` names the printer that refused (possibly ""), None when the PDF was unreadable,
    so a caller with words of its own for the public (the kiosk) can tell the two apart.
    """

    def __init__(self, message: str, *, printer: str | None = None) -> None:
        super().__init__(message)
        self.printer = printer


def load_pdf(pdf: bytes, document: QPdfDocument) -> QBuffer:
    """Load ``pdf`` into ``document`` from memory; keep the returned buffer while it is shown.

    A ``QBuffer`` holds all the bytes, so QtPdf reads it at once (``status()`` is Ready or
    Error on return). The buffer is a child of the document and goes with it.
    """
    buffer = QBuffer(document)
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready or document.pageCount() < 1:
        raise PrintFailed(
            QCoreApplication.translate(
                "Printing", "The document's PDF cannot be read (%1)."
            ).replace("%1", document.error().name)
        )
    return buffer


def page_pixels(points: QSizeF, dpi: int) -> QSize:
    """The size in pixels of a page of ``points`` (1/72 inch) rendered at ``dpi``."""
    return QSize(
        round(points.width() / POINTS_PER_INCH * dpi),
        round(points.height() / POINTS_PER_INCH * dpi),
    )


def render_page(document: QPdfDocument, page: int, dpi: int) -> QImage:
    """Page ``page`` as an opaque image on white paper (QtPdf leaves the background clear)."""
    image = document.render(page, page_pixels(document.pagePointSize(page), dpi))
    paper = QImage(image.size(), QImage.Format.Format_RGB32)
    paper.fill(Qt.GlobalColor.white)
    painter = QPainter(paper)
    painter.drawImage(0, 0, image)
    painter.end()
    return paper


def _layout(points: QSizeF) -> QPageLayout:
    """A margin-free layout of the page's own size, in the orientation the page has."""
    landscape = points.width() > points.height()
    # FuzzyMatch names 595 × 842 pt "A4", so the driver takes the A4 tray, not a custom size.
    size = QPageSize(
        points.transposed() if landscape else points,
        QPageSize.Unit.Point,
        "",
        QPageSize.SizeMatchPolicy.FuzzyMatch,
    )
    orientation = QPageLayout.Orientation.Portrait
    if landscape:
        orientation = QPageLayout.Orientation.Landscape
    return QPageLayout(size, orientation, QMarginsF(0, 0, 0, 0))


def print_pdf(pdf: bytes, printer: QPrinter) -> int:
    """Print every page of ``pdf`` on ``printer``; returns the number of pages printed."""
    document = QPdfDocument()
    load_pdf(pdf, document)
    try:
        return _paint_pages(document, printer)
    finally:
        document.close()


def _paint_pages(document: QPdfDocument, printer: QPrinter) -> int:
    printer.setFullPage(True)
    printer.setPageLayout(_layout(document.pagePointSize(0)))
    painter = QPainter()
    if not painter.begin(printer):
        name = printer.printerName() or printer.outputFileName()
        raise PrintFailed(
            QCoreApplication.translate(
                "Printing", "The printer %1 does not take the job; check it and print again."
            ).replace("%1", name),
            printer=name,
        )
    try:
        dpi = min(printer.resolution(), MAX_RENDER_DPI)
        for page in range(document.pageCount()):
            if page > 0:
                printer.setPageLayout(_layout(document.pagePointSize(page)))
                printer.newPage()
            # The viewport is the whole sheet (full page): the page image covers it exactly.
            painter.drawImage(QRectF(painter.viewport()), render_page(document, page, dpi))
    finally:
        painter.end()
    return document.pageCount()
