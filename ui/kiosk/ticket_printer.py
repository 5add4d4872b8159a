"""Where the kiosk's tickets go: an ESC/POS thermal printer, or the system's default printer.

``CLERK_TICKET_PRINTER`` (an ``escpos_ticket.open_printer`` spec such as ``network:10.0.0.9``,
``usb:0416:5011`` or ``file:/dev/usb/lp0``) selects the thermal printer; without it the ticket's
PDF goes to the default printer of the system through QtPdf. Tests inject a printer of their
own (a ``QPrinter`` writing a PDF file).

Thread: ``print_ticket`` runs on a worker (``ui.common.tasks``); it raises ``ClerkError``s.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Protocol

from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from clerk_app.documents.escpos_ticket import (
    PrinterUnavailable,
    open_printer,
    print_ticket_escpos,
)
from clerk_app.documents.ticket_slip import TicketSlip, ticket_pdf
from ui.printing.pdf_printing import PrintFailed, print_pdf

ENV_PRINTER = "CLERK_TICKET_PRINTER"


class TicketPrinter(Protocol):
    def print_ticket(self, slip: TicketSlip) -> None: ...


class EscposTicketPrinter:
    """A thermal printer, opened for each ticket so a printer switched off and on recovers."""

    def __init__(self, spec: str) -> None:
        self.spec = spec

    def print_ticket(self, slip: TicketSlip) -> None:
        printer = open_printer(self.spec)
        try:
            print_ticket_escpos(printer, slip)
        finally:
            printer.close()


def system_default_printer() -> QPrinter:
    """A ``QPrinter`` on the system's default printer (its queue, its driver)."""
    return QPrinter(QPrinterInfo.defaultPrinter(), QPrinter.PrinterMode.HighResolution)


class PdfTicketPrinter:
    """The ticket as a PDF, printed on the ``QPrinter`` that ``make_printer`` returns."""

    def __init__(self, make_printer: Callable[[], QPrinter] = system_default_printer) -> None:
        self._make_printer = make_printer
        #: The PDF of the last ticket sent, kept for a look when a printout is disputed.
        self.last_pdf: bytes | None = None

    def print_ticket(self, slip: TicketSlip) -> None:
        pdf = ticket_pdf(slip)
        self.last_pdf = pdf
        try:
            print_pdf(pdf, self._make_printer())
        except PrintFailed as e:
            raise _ticket_not_printed(e) from e


def _ticket_not_printed(error: PrintFailed) -> PrinterUnavailable:
    """The kiosk's own words for the public: no printer, a refusing printer, a bad PDF."""
    if error.printer is None:
        return PrinterUnavailable(
            f"号票无法打印：PDF 无法读取（{error}）。",
            f"The ticket cannot be printed: its PDF cannot be read ({error}).",
        )
    if not error.printer:
        return PrinterUnavailable(
            "本机没有可用的打印机，请联系工作人员。",
            "This machine has no printer to use; please ask the staff.",
        )
    return PrinterUnavailable(
        f"无法使用打印机“{error.printer}”，请检查打印机后补打。",
        f"Cannot use the printer {error.printer!r}; check it, then reprint.",
    )


def printer_from_environment() -> TicketPrinter:
    """The thermal printer named by ``CLERK_TICKET_PRINTER``, else the system printer."""
    spec = os.environ.get(ENV_PRINTER, "").strip()
    return EscposTicketPrinter(spec) if spec else PdfTicketPrinter()
