"""The words of the document chosen in step 5, as the core says them, for the clerk to read out.

The words live once, in the core (``services/documents/builders.py`` composes them,
``paper/bodies.py`` lays them out): this view shows ``DocumentService.preview_text``, the lines
the paper would say if it were printed now (a 补打 with its mark), and writes none of its own.
A 一件事's paper is drawn by the core only when printed: the view says so, and after a print
shows the lines the printed paper says.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QTextBrowser, QWidget

from clerk_app.errors import ClerkError
from ui.common.tasks import run_task

if TYPE_CHECKING:
    from clerk_app.services.documents.service import DocumentService
    from ui.acceptance.documents_model import DocumentRow
    from ui.printing.print_job import PrintOutcome


class PaperWords(QTextBrowser):
    """``show_row`` reads the lines of a document off the GUI thread and shows them."""

    def __init__(self, documents: DocumentService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._documents = documents
        self._wanted: DocumentRow | None = None

    def show_row(self, row: DocumentRow | None) -> None:
        """Show what ``row``'s document says now; ``None`` clears the view."""
        self._wanted = row
        if row is None:
            self.clear()
            return
        from ui.acceptance.package_acceptance import GROUP_KINDS

        if row.kind in GROUP_KINDS:
            self.setPlainText(
                self.tr("%1 of %2: the core draws it when it prints (Ctrl+P).")
                .replace("%1", row.label)
                .replace("%2", row.case_no)
            )
            return
        documents = self._documents
        run_task(
            lambda: documents.preview_text(row.kind, row.case_no),
            lambda lines: self._show(row, "\n".join(lines)),
            lambda error: self._failed(row, error),
            owner=self,
        )

    def show_printed(self, outcome: PrintOutcome) -> None:
        """After a 一件事's paper is printed: the lines the printed paper says."""
        from clerk_app.documents.paper.bodies import paper_text
        from ui.acceptance.package_acceptance import GROUP_KINDS

        printed = outcome.printed
        wanted = self._wanted
        if wanted is not None and wanted.kind in GROUP_KINDS and printed.kind == wanted.kind:
            self.setPlainText("\n".join(paper_text(printed.document)))

    def _show(self, row: DocumentRow, text: str) -> None:
        if row is self._wanted:  # an answer for a row since left is dropped
            self.setPlainText(text)

    def _failed(self, row: DocumentRow, error: BaseException) -> None:
        if not isinstance(error, ClerkError):
            raise error
        self._show(row, str(error))
