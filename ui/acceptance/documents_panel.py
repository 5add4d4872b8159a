"""Step 5 of acceptance: the paper. The documents that fit each decided case, to preview and print.

Keys: ↑/↓ choose a document (the decision's main one is chosen first), Enter previews it, a
一件事's paper too (the preview dialog prints with Ctrl+P); the host page binds Ctrl+P to
``print_button``, which prints at once on the counter's printer every document the decision
hands over that is not printed yet (``handover``), or, when all are, the chosen one again (a
补打). A 一件事's paper (``set_group``) is the group's, previewed and printed by its bundle
number (``PaperSource``). Every print goes through the core, which records it and
marks a second print of the same document 补打; the list shows how often each was printed.
``chosen`` tells the host which document the cursor is on (again after each refresh), so it
can show that document's words.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QPushButton, QVBoxLayout, QWidget

from clerk_app.documents.paper_data import PaperDocument
from clerk_app.errors import ClerkError
from clerk_app.services.documents.fit import kind_label
from ui.acceptance.documents_model import (
    DocumentListModel,
    DocumentRow,
    document_rows,
    handover,
    main_row,
)
from ui.common.tasks import run_task
from ui.common.widgets import read_only_table, show_message
from ui.printing.pdf_printing import PrintFailed
from ui.printing.preview_dialog import PrintPreviewDialog
from ui.printing.print_job import PrintOutcome, print_through_service
from ui.printing.printers import CounterPrinters

if TYPE_CHECKING:
    from clerk_app.documents.paper_data import DocumentKind
    from clerk_app.services.cases.results import CaseInfo
    from clerk_app.services.documents.results import PrintedDocument
    from clerk_app.services.documents.service import DocumentService
    from ui.acceptance.paper_source import PaperSource


class DocumentsPanel(QWidget):
    """``set_cases`` lists the documents of the cases shown; ``printed`` after each print."""

    printed = Signal(object)  # PrintOutcome
    chosen = Signal(object)  # DocumentRow | None: the cursor moved, or the list was read again

    def __init__(
        self,
        documents: DocumentService,
        printers: CounterPrinters,
        paper: PaperSource,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._documents = documents  # the lists: which documents fit, how often printed
        self.paper = paper
        # A 一件事 shown: (bundle number, what it is called, its paper's kinds in print order).
        self._group: tuple[str, str, list[DocumentKind]] | None = None
        self.printers = printers
        self._cases: list[CaseInfo] = []
        self._signed: frozenset[str] = frozenset()  # cases whose letter was signed beforehand
        self._queue: list[DocumentRow] = []  # still to print of one Ctrl+P
        self._printing = False
        self._refreshing = False
        self.preview_dialog: PrintPreviewDialog | None = None
        self.last_outcome: PrintOutcome | None = None
        self.model = DocumentListModel(self)
        self.view = read_only_table()
        self.view.setModel(self.model)
        self.view.setTabKeyNavigation(False)
        self.view.horizontalHeader().setSectionResizeMode(
            DocumentListModel.ITEM, QHeaderView.ResizeMode.Stretch
        )
        self.preview_button = QPushButton(self.tr("Preview (Enter)"))
        self.print_button = QPushButton(self.tr("Print (Ctrl+P)"))
        self.print_button.setObjectName("PrimaryButton")
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.setLayout(self._layout())
        self.view.activated.connect(lambda _index: self.preview_selected())
        self.preview_button.clicked.connect(self.preview_selected)
        self.print_button.clicked.connect(self.print_handover)
        self.view.selectionModel().currentRowChanged.connect(self._cursor_moved)

    def _layout(self) -> QVBoxLayout:
        title = QLabel(self.tr("Documents to hand over"))
        title.setObjectName("PanelTitle")
        buttons = QHBoxLayout()
        buttons.addWidget(self.status_label, 1)
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.print_button)
        layout = QVBoxLayout()
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        return layout

    # --- the list -------------------------------------------------------------------------
    def set_cases(self, cases: Sequence[CaseInfo], *, signed: Sequence[str] = ()) -> None:
        """List what fits ``cases`` (read from the core) and select the main document.
        ``signed``: cases whose commitment letter was printed and signed before the decision."""
        self._cases = list(cases)
        self._group = None
        self._signed = frozenset(signed)
        self.show_status("")
        self.refresh()
        if self.model.rowCount():
            self.view.selectRow(main_row(self.model.rows()))

    def set_group(self, bundle_no: str, name: str, kinds: Sequence[DocumentKind]) -> None:
        """List a 一件事's paper (one receipt for every item, …), the first one chosen."""
        self._cases = []
        self._group = (bundle_no, name, list(kinds))
        self._signed = frozenset()
        self.show_status("")
        self.refresh()
        if self.model.rowCount():
            self.view.selectRow(0)

    def refresh(self) -> None:
        """Read the kinds and the print history again, keeping the selected row."""
        self._refreshing = True  # one ``chosen`` at the end, not one per step
        try:
            self._read_rows()
        finally:
            self._refreshing = False
        self.chosen.emit(self.selected())

    def _read_rows(self) -> None:
        row = self.view.currentIndex().row()
        rows: list[DocumentRow] = []
        try:
            if self._group is not None:
                bundle_no, name, group_kinds = self._group
                labelled = [(k, kind_label(k)) for k in group_kinds]
                rows += document_rows(bundle_no, name, labelled, self._documents.history(bundle_no))
            for case in self._cases:
                kinds = [(k, kind_label(k)) for k in self._documents.kinds_for(case.case_no)]
                history = self._documents.history(case.case_no)
                rows += document_rows(case.case_no, case.item_name, kinds, history)
        except ClerkError as e:
            self.show_status(str(e), error=True)
        self.model.set_rows(rows)
        has_rows = bool(rows)
        self.preview_button.setEnabled(has_rows)
        self.print_button.setEnabled(has_rows)
        if has_rows:
            self.view.selectRow(min(max(row, 0), len(rows) - 1))

    def _cursor_moved(self) -> None:
        if not self._refreshing:
            self.chosen.emit(self.selected())

    def selected(self) -> DocumentRow | None:
        index = self.view.currentIndex()
        return self.model.row_at(index) if index.isValid() else None

    def select(self, case_no: str, kind: str) -> bool:
        """Put the cursor on ``kind`` of ``case_no``; False if the case has no such document."""
        for i, row in enumerate(self.model.rows()):
            if row.case_no == case_no and row.kind == kind:
                self.view.selectRow(i)
                return True
        return False

    def focus_list(self) -> None:
        self.view.setFocus()

    def show_status(self, text: str, *, error: bool = False) -> None:
        show_message(self.status_label, text, error=error)

    # --- preview and print ------------------------------------------------------------------
    def preview_selected(self) -> None:
        """Draw the selected document as it would print now (nothing recorded) and show it."""
        row = self.selected()
        if row is None:
            return
        paper = self.paper

        def draw() -> tuple[PaperDocument, bytes]:  # on a worker: one read, then the drawing
            drawn = paper.draw(row.kind, row.case_no)
            return drawn.document, drawn.pdf

        self.show_status(self.tr("Drawing %1…").replace("%1", row.label))
        run_task(draw, lambda drawn: self._open_preview(row, *drawn), self._failed, owner=self)

    def _open_preview(self, row: DocumentRow, paper: PaperDocument, pdf: bytes) -> None:
        self.show_status("")
        dialog = PrintPreviewDialog(
            pdf,
            paper.title,
            row.case_no,
            reprint=paper.reprint,
            print_document=self._fetch(row),
            printers=self.printers,
            parent=self,
        )
        dialog.printed.connect(self.on_printed)
        dialog.finished.connect(self._preview_closed)
        self.preview_dialog = dialog
        dialog.open()

    def _preview_closed(self) -> None:
        dialog, self.preview_dialog = self.preview_dialog, None
        if dialog is not None:
            dialog.deleteLater()
        self.focus_list()

    def print_handover(self) -> None:
        """Print every document the decision hands over that is not printed yet, one after
        another; when all are printed, the chosen one again (a 补打)."""
        if self._printing:
            return
        self._queue = handover(self.model.rows(), self._signed)
        if not self._queue:
            self.print_selected()
            return
        self._print_next()

    def _print_next(self) -> None:
        if self._queue:
            row = self._queue.pop(0)
            self.select(row.case_no, row.kind)
            self.print_selected()

    def print_selected(self) -> None:
        """Print the selected document now on the counter's printer (or as a PDF file)."""
        row = self.selected()
        if row is None or self._printing:
            return
        target = self.printers.target(None, f"{row.case_no}-{row.kind.value}")
        fetch = self._fetch(row)
        self._printing = True
        self.print_button.setEnabled(False)
        self.show_status(self.tr("Printing %1…").replace("%1", row.label))
        run_task(
            lambda: print_through_service(fetch, target),
            self._printed_here,
            self._print_failed,
            owner=self,
        )

    def _fetch(self, row: DocumentRow) -> Callable[[], PrintedDocument]:
        """The core's call that records and draws ``row``'s print (a group's: by its number)."""
        paper = self.paper
        return lambda: paper.print(row.kind, row.case_no)

    def _printed_here(self, outcome: PrintOutcome) -> None:
        self._printing = False
        self.print_button.setEnabled(True)
        self.on_printed(outcome)
        if outcome.error:
            self._queue.clear()  # the printer failed: the clerk sees why before anything else
        self._print_next()

    def on_printed(self, outcome: PrintOutcome) -> None:
        """A print was recorded (here or in the preview): say so and show it in the list."""
        self.last_outcome = outcome
        self.refresh()
        self.show_status(outcome.message(), error=bool(outcome.error))
        self.printed.emit(outcome)

    def _print_failed(self, error: BaseException) -> None:
        self._queue.clear()
        self._printing = False
        self.print_button.setEnabled(True)
        self._failed(error)

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, ClerkError | PrintFailed):
            raise error
        self.show_status(str(error), error=True)
