"""The words of the document chosen in step 5, as the core says them, for the clerk to read out.

The words live once, in the core (``services/documents/builders.py`` and
``services/journey/paper.py`` compose them, ``paper/bodies.py`` lays them out): this view shows
the lines the paper would say if it were printed now (``PaperSource.words``: a case's or a
一件事's, a 补打 with its mark), and writes none of its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QTextBrowser, QWidget

from clerk_app.errors import ClerkError
from ui.common.tasks import run_task

if TYPE_CHECKING:
    from ui.acceptance.documents_model import DocumentRow
    from ui.acceptance.paper_source import PaperSource


class PaperWords(QTextBrowser):
    """``show_row`` reads the lines of a document off the GUI thread and shows them."""

    def __init__(self, paper: PaperSource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._paper = paper
        self._wanted: DocumentRow | None = None

    def show_row(self, row: DocumentRow | None) -> None:
        """Show what ``row``'s document says now; ``None`` clears the view."""
        self._wanted = row
        if row is None:
            self.clear()
            return
        paper = self._paper
        run_task(
            lambda: paper.words(row.kind, row.case_no),
            lambda lines: self._show(row, "\n".join(lines)),
            lambda error: self._failed(row, error),
            owner=self,
        )

    def _show(self, row: DocumentRow, text: str) -> None:
        if row is self._wanted:  # an answer for a row since left is dropped
            self.setPlainText(text)

    def _failed(self, row: DocumentRow, error: BaseException) -> None:
        if not isinstance(error, ClerkError):
            raise error
        self._show(row, str(error))
