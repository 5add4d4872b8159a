"""Print preview of one document: the core's PDF on screen, printed through the service.

The dialog shows exactly the bytes the core drew (``QPdfDocument`` over a ``QBuffer``, in a
multi-page ``QPdfView``). Printing asks the service again every time, so every paper that
leaves the counter is recorded and a second one comes back from the core marked 补打; the
dialog then shows that PDF and says 补打 in its title.

Keys: Ctrl+P prints on the chosen printer, Ctrl+Shift+P opens the system's print dialog,
Ctrl++ / Ctrl+- zoom, Ctrl+0 fits the width, Esc closes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clerk_app.errors import ClerkError
from ui.common.tasks import run_task
from ui.common.widgets import show_message
from ui.printing.pdf_printing import PrintFailed, load_pdf
from ui.printing.print_job import PrintOutcome, print_through_service
from ui.printing.printers import CounterPrinters, PrintTarget, available_printers

if TYPE_CHECKING:
    from clerk_app.services.documents.results import PrintedDocument

ZOOM_STEP = 1.25
ZOOM_RANGE = (0.25, 4.0)


class PrintPreviewDialog(QDialog):
    """``printed(PrintOutcome)`` after each print that the core recorded."""

    printed = Signal(object)

    def __init__(
        self,
        pdf: bytes,
        title: str,
        case_no: str,
        *,
        reprint: bool,
        print_document: Callable[[], PrintedDocument],
        printers: CounterPrinters,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._print_document = print_document
        self._printers = printers
        self._title, self._case_no = title, case_no
        # ``_reprint``: the paper shown (or printed next) is a 补打; ``_printed`` names the
        # record this dialog made last, if any.
        self._reprint = reprint
        self._printed: PrintedDocument | None = None
        self._busy = False
        self.last_outcome: PrintOutcome | None = None
        self.print_dialog: QPrintDialog | None = None
        self.document = QPdfDocument(self)
        self._buffer: QBuffer | None = None
        self.view = QPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.printer_combo = QComboBox()
        self.default_button = QPushButton(self.tr("Set as this counter's default"))
        self.print_button = QPushButton(self.tr("Print (Ctrl+P)"))
        self.print_button.setObjectName("PrimaryButton")
        self.print_dialog_button = QPushButton(self.tr("Print… (Ctrl+Shift+P)"))
        self.zoom_out_button = QPushButton(self.tr("Zoom out (Ctrl+-)"))
        self.zoom_in_button = QPushButton(self.tr("Zoom in (Ctrl++)"))
        self.fit_button = QPushButton(self.tr("Fit width (Ctrl+0)"))
        self.close_button = QPushButton(self.tr("Close (Esc)"))
        self.setLayout(self._layout())
        self._fill_printers()
        self._connect()
        self.resize(820, 900)
        self.show_pdf(pdf)
        self._show_title()
        self.view.setFocus()

    # --- layout ---------------------------------------------------------------------------
    def _layout(self) -> QVBoxLayout:
        zoom = QHBoxLayout()
        for button in (self.zoom_out_button, self.zoom_in_button, self.fit_button):
            zoom.addWidget(button)
        zoom.addStretch(1)
        printer = QHBoxLayout()
        printer.addWidget(QLabel(self.tr("Printer:")))
        printer.addWidget(self.printer_combo, 1)
        printer.addWidget(self.default_button)
        actions = QHBoxLayout()
        actions.addWidget(self.status_label, 1)
        actions.addWidget(self.print_button)
        actions.addWidget(self.print_dialog_button)
        actions.addWidget(self.close_button)
        layout = QVBoxLayout()
        layout.addWidget(self.heading)
        layout.addLayout(zoom)
        layout.addWidget(self.view, 1)
        layout.addLayout(printer)
        layout.addLayout(actions)
        return layout

    def _fill_printers(self) -> None:
        self.printer_combo.clear()
        for name in available_printers():
            self.printer_combo.addItem(name, name)
        self.printer_combo.addItem(self.tr("PDF file (no printer)"), "")
        index = self.printer_combo.findData(self._printers.default_name())
        self.printer_combo.setCurrentIndex(max(index, 0))

    def _connect(self) -> None:
        self.print_button.clicked.connect(lambda: self.print_now())
        self.print_dialog_button.clicked.connect(self.ask_printer)
        self.default_button.clicked.connect(self.set_default_printer)
        self.zoom_in_button.clicked.connect(lambda: self.zoom(ZOOM_STEP))
        self.zoom_out_button.clicked.connect(lambda: self.zoom(1 / ZOOM_STEP))
        self.fit_button.clicked.connect(self.fit_width)
        self.close_button.clicked.connect(self.reject)
        for key, button in (
            ("Ctrl+P", self.print_button),
            ("Ctrl+Shift+P", self.print_dialog_button),
            ("Ctrl++", self.zoom_in_button),
            ("Ctrl+=", self.zoom_in_button),
            ("Ctrl+-", self.zoom_out_button),
            ("Ctrl+0", self.fit_button),
        ):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.activated.connect(button.click)

    # --- showing ----------------------------------------------------------------------------
    def show_pdf(self, pdf: bytes) -> None:
        """Show ``pdf`` (the core's bytes, unchanged) in place of what is shown."""
        self.document.close()
        if self._buffer is not None:
            self._buffer.deleteLater()  # the previous PDF's bytes
        self._buffer = load_pdf(pdf, self.document)

    def _show_title(self) -> None:
        text = self.tr("%1 · case %2").replace("%1", self._title).replace("%2", self._case_no)
        if self._reprint:
            mark = self.tr("Reprint")  # 补打
            text = f"{text} — {mark}"
        self.setWindowTitle(text)
        pages = self.tr("%n page(s)", "", self.document.pageCount())
        if self._printed is not None:
            note = self.tr("Printed and recorded (record %1); printing again makes a reprint.")
            note = note.replace("%1", str(self._printed.record_id))
        elif self._reprint:
            note = self.tr("Printed before: printing again makes a reprint.")
        else:
            note = self.tr("Not printed yet.")
        self.heading.setText(f"<b>{text}</b><br>{pages} · {note}")

    def show_status(self, text: str, *, error: bool = False) -> None:
        show_message(self.status_label, text, error=error)

    def is_reprint(self) -> bool:
        return self._reprint

    # --- zoom -----------------------------------------------------------------------------
    def zoom(self, factor: float) -> None:
        low, high = ZOOM_RANGE
        current = self.view.zoomFactor()
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(min(max(current * factor, low), high))

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    # --- the printer ------------------------------------------------------------------------
    def chosen_printer(self) -> str:
        """The printer picked in the list; "" is a PDF file."""
        return str(self.printer_combo.currentData() or "")

    def set_default_printer(self) -> None:
        name = self.chosen_printer()
        self._printers.set_default(name)
        if name:
            self.show_status(self.tr("%1 is now this counter's printer.").replace("%1", name))
        else:
            self.show_status(self.tr("This counter now saves its documents as PDF files."))

    def ask_printer(self) -> None:
        """The system's print dialog (copies, duplex, tray); printing starts when accepted."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if self.chosen_printer():
            printer.setPrinterName(self.chosen_printer())
        dialog = QPrintDialog(printer, self)
        dialog.accepted.connect(lambda: self.print_now(PrintTarget(printer=printer)))
        dialog.finished.connect(dialog.deleteLater)
        self.print_dialog = dialog
        # QPrintDialog.open() takes a receiver in PySide6; show it window-modal instead.
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()

    # --- printing ---------------------------------------------------------------------------
    def print_now(self, target: PrintTarget | None = None) -> None:
        """Ask the core for the document (recorded: 首次打印 or 补打), then print its PDF."""
        if self._busy:
            return  # a second Ctrl+P while the first is on its way prints nothing more
        stem = f"{self._case_no}-{self._title}"
        chosen = target or self._printers.target(self.chosen_printer(), stem)
        fetch = self._print_document
        self._set_busy(True)
        self.show_status(self.tr("Printing…"))
        run_task(
            lambda: print_through_service(fetch, chosen),
            self.on_printed,
            self.on_print_failed,
            owner=self,
        )

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for button in (self.print_button, self.print_dialog_button):
            button.setEnabled(not busy)
        self.setCursor(Qt.CursorShape.BusyCursor if busy else Qt.CursorShape.ArrowCursor)

    def on_printed(self, outcome: PrintOutcome) -> None:
        self._set_busy(False)
        self.last_outcome = outcome
        printed = outcome.printed
        self._title, self._reprint, self._printed = printed.title, printed.reprint, printed
        self.show_pdf(printed.pdf)  # the paper as it went out, 补打 mark and all
        self._show_title()
        self.printed.emit(outcome)
        self.show_status(outcome.message(), error=bool(outcome.error))

    def on_print_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        if not isinstance(error, ClerkError | PrintFailed):
            raise error  # a bug: the shell's excepthook logs it and says so
        self.show_status(str(error), error=True)
