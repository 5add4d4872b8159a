"""One print of one document: the core records it and returns its PDF, then it goes to paper.

Thread: ``print_through_service`` runs on a worker (``ui.common.tasks``): the service call is
its own unit of work, the printer and the PDF it renders live inside the call.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from ui.printing.pdf_printing import PrintFailed
from ui.printing.printers import PrintTarget, send

if TYPE_CHECKING:
    from clerk_app.services.documents.results import PrintedDocument


@dataclass(frozen=True)
class PrintOutcome:
    """What one print did: recorded by the core (``printed``), and on paper unless ``error``."""

    printed: PrintedDocument
    pages: int
    target: PrintTarget
    error: str = ""

    def message(self) -> str:
        """One line for the clerk: where it went, or why it did not."""
        name = self.printed.title
        if self.printed.reprint:
            name = QCoreApplication.translate("Printing", "%1 (reprint)").replace("%1", name)
        if self.error:
            return (
                QCoreApplication.translate("Printing", "%1 was recorded but not printed: %2")
                .replace("%1", name)
                .replace("%2", self.error)
            )
        if self.target.is_file:
            return (
                QCoreApplication.translate("Printing", "No printer: %1 saved as %2")
                .replace("%1", name)
                .replace("%2", self.target.describe())
            )
        return (
            QCoreApplication.translate("Printing", "%1: %2 page(s) sent to %3.")
            .replace("%1", name)
            .replace("%2", str(self.pages))
            .replace("%3", self.target.describe())
        )


def print_through_service(
    fetch: Callable[[], PrintedDocument], target: PrintTarget
) -> PrintOutcome:
    """Record the print (``fetch`` calls the service), then send its PDF to ``target``.

    A printer failure after the record is not an exception: the paper is recorded as issued,
    so the outcome says so, and printing it again makes a 补打.
    """
    printed = fetch()
    try:
        return PrintOutcome(printed, send(printed.pdf, target), target)
    except PrintFailed as e:
        return PrintOutcome(printed, 0, target, str(e))
