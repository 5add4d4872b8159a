"""Where a counter's documents go: its default printer, kept in the local settings, or a PDF file.

Each counter has a printer of its own (the A4 printer on the clerk's desk). The choice lives in
the workstation's ``QSettings`` under ``counter/<number>/printer`` because it names a printer
queue of this machine, not anything of the hall. Without any printer (a fresh machine, a test
running offscreen) the document is written as a PDF file instead, and the clerk is told where.

Thread: ``PrintTarget.make_printer`` and ``send`` may run on a worker; ``CounterPrinters``
reads and writes settings on the GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from clerk_app.documents.pdf_file import write_pdf_file
from ui.printing.pdf_printing import MAX_RENDER_DPI, PrintFailed, load_pdf, print_pdf

ORGANIZATION = "clerk-desk"
SETTINGS_NAME = "printing"
PDF_DIR_KEY = "pdf_dir"


def local_settings() -> QSettings:
    """This workstation's printing settings (an INI file in the user's config folder)."""
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, SETTINGS_NAME
    )


def available_printers() -> list[str]:
    """The printer queues of this machine; empty offscreen and on a machine with none."""
    return list(QPrinterInfo.availablePrinterNames())


@dataclass(frozen=True)
class PrintTarget:
    """A printer queue by name, a printer set up in the print dialog, or a PDF file."""

    printer_name: str = ""
    pdf_path: str = ""  # used when ``printer_name`` is empty and no ``printer`` is given
    printer: QPrinter | None = None  # from ``QPrintDialog``: its copies, duplex, tray …

    @property
    def is_file(self) -> bool:
        return self.printer is None and not self.printer_name

    def make_printer(self) -> QPrinter:
        """The printer of a printer target (a file target is written, not printed)."""
        if self.printer is not None:
            return self.printer
        info = QPrinterInfo.printerInfo(self.printer_name)
        printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
        # Ask the driver for what we render at, so the page image maps 1:1 onto its dots.
        printer.setResolution(MAX_RENDER_DPI)
        return printer

    def describe(self) -> str:
        if self.printer is not None:
            return self.printer.printerName() or self.printer.outputFileName()
        return self.printer_name or self.pdf_path


def send(pdf: bytes, target: PrintTarget) -> int:
    """Print ``pdf`` on ``target``; the number of pages. Raises ``PrintFailed``.

    A file target gets the core's PDF itself (text, fonts and vector codes as drawn), not a
    rendering of it."""
    if not target.is_file:
        return print_pdf(pdf, target.make_printer())
    document = QPdfDocument()
    load_pdf(pdf, document)  # checks it, and counts the pages
    pages = document.pageCount()
    document.close()
    path = Path(target.pdf_path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_pdf_file(path, pdf)
    except OSError as e:
        raise PrintFailed(
            QCoreApplication.translate("Printing", "Cannot write to the folder %1 (%2).")
            .replace("%1", str(path.parent))
            .replace("%2", e.strerror or type(e).__name__)
        ) from e
    return pages


class CounterPrinters:
    """The printer of one counter (``counter_no`` None: a workstation without a counter)."""

    def __init__(self, counter_no: int | None, settings: QSettings | None = None) -> None:
        self.counter_no = counter_no
        self._settings = settings if settings is not None else local_settings()

    def _key(self) -> str:
        return f"counter/{self.counter_no if self.counter_no is not None else 'none'}/printer"

    def default_name(self) -> str:
        """The counter's printer if still installed, else the system's default, else ""."""
        names = available_printers()
        stored = str(self._settings.value(self._key(), "") or "")
        if stored in names:
            return stored
        system = QPrinterInfo.defaultPrinterName()
        return system if system in names else (names[0] if names else "")

    def set_default(self, name: str) -> None:
        self._settings.setValue(self._key(), name)
        self._settings.sync()

    def pdf_dir(self) -> Path:
        """Where documents go as PDF files when there is no printer."""
        stored = str(self._settings.value(PDF_DIR_KEY, "") or "")
        if stored:
            return Path(stored)
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        return Path(documents or Path.home()) / "clerk-prints"

    def set_pdf_dir(self, path: Path) -> None:
        self._settings.setValue(PDF_DIR_KEY, str(path))
        self._settings.sync()

    def target(self, name: str | None, file_stem: str) -> PrintTarget:
        """``name`` ("" = a PDF file, None = the counter's default) as a target."""
        chosen = self.default_name() if name is None else name
        if chosen:
            return PrintTarget(printer_name=chosen)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        path = self.pdf_dir() / f"{file_stem}-{stamp}.pdf"
        n = 1
        while path.exists():  # a second print within the same second keeps the first file
            n += 1
            path = self.pdf_dir() / f"{file_stem}-{stamp}-{n}.pdf"
        return PrintTarget(pdf_path=str(path))
