"""The 出件 dialog's paper: a group's document drawn by the core and sent to the counter's
printer (or saved as a PDF where none is set up), one print at a time, off the GUI thread."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel

from clerk_app.documents.paper_data import DocumentKind
from clerk_app.errors import ClerkError
from ui.common.tasks import run_task
from ui.common.widgets import show_message

if TYPE_CHECKING:
    from clerk_app.api import StaffSession
    from ui.printing.print_job import PrintOutcome
    from ui.printing.printers import CounterPrinters


class HandoverPaper(QObject):
    """``print_group(kind, bundle_no)``; ``printed`` with the outcome; the status in ``label``."""

    printed = Signal(object)  # PrintOutcome

    def __init__(
        self,
        session: StaffSession,
        label: QLabel,
        printers: CounterPrinters | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._label = label
        self._printers = printers
        self.busy = False

    def print_group(self, kind: DocumentKind, bundle_no: str) -> None:
        """Draw and record the group's ``kind`` (the core's ``journey.print_paper``: a 补打
        when printed again), then print it; ignored while a print is under way."""
        if not bundle_no or self.busy:
            return
        from ui.printing.print_job import print_through_service  # Qt's PDF modules: on use

        target = self._counter_printers().target(None, f"{bundle_no}-{kind.value}")
        journey = self._session.journey
        self.busy = True
        self._label.setText(self.tr("Printing…"))
        run_task(
            lambda: print_through_service(lambda: journey.print_paper(kind, bundle_no), target),
            self._printed,
            self._failed,
            owner=self,
        )

    def _counter_printers(self) -> CounterPrinters:
        if self._printers is None:
            from ui.printing.printers import CounterPrinters

            self._printers = CounterPrinters(self._session.actor.counter_no)
        return self._printers

    def _printed(self, outcome: PrintOutcome) -> None:
        self.busy = False
        show_message(self._label, outcome.message(), error=bool(outcome.error))
        self.printed.emit(outcome)

    def _failed(self, error: BaseException) -> None:
        from ui.printing.pdf_printing import PrintFailed

        self.busy = False
        if not isinstance(error, ClerkError | PrintFailed):
            raise error
        show_message(self._label, str(error), error=True)
