"""The supervisor's report (报表) from the dashboard: a date range typed as text, an optional
counter or clerk, a file chosen in a save dialog (.xlsx or .pdf), written off the GUI thread
with a progress bar.

The dates are typed, not picked: ``20261201`` or ``2026-12-01``; a date that does not parse is
refused with a message saying why (``parse_day``), never moved to a near one. The range's own
rules (not reversed, not beyond today), an unknown counter or clerk are the core's
``ValidationError``, shown in the dialog; nothing is written then.

``ReportService.save`` runs through ``ui.common.tasks.run_task``; its ``progress(done, total)``
is called on the worker thread, so it only emits ``progressed``: the signal is queued to the GUI
thread, where the bar is set.
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clerk_app.errors import ClerkError, ValidationError
from clerk_app.services.cases.permits import parse_day
from ui.common.errors import unexpected_error_text
from ui.common.tasks import run_task
from ui.common.widgets import show_message

if TYPE_CHECKING:
    from clerk_app.services.reports.results import ReportSaved
    from clerk_app.services.reports.service import ReportService

log = logging.getLogger(__name__)

XLSX_FILTER = "Excel (*.xlsx)"
PDF_FILTER = "PDF (*.pdf)"


class ReportDialog(QDialog):
    """``reports`` is the signed-in supervisor's ``ReportService``; ``today`` the hall's date."""

    progressed = Signal(int, int)  # (done, total), emitted on the worker thread

    def __init__(self, reports: ReportService, today: date, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Report"))
        self._reports = reports
        self.saved: ReportSaved | None = None
        self.running = False
        self.from_edit = QLineEdit(today.replace(day=1).isoformat())
        self.to_edit = QLineEdit(today.isoformat())
        self.counter_edit = QLineEdit()
        self.clerk_edit = QLineEdit()
        for edit in (self.from_edit, self.to_edit):
            edit.setPlaceholderText("20261201")
            edit.setMaxLength(20)
        self.counter_edit.setPlaceholderText(self.tr("all windows"))
        self.counter_edit.setMaxLength(4)
        self.clerk_edit.setPlaceholderText(self.tr("all clerks (user name)"))
        self.clerk_edit.setMaxLength(64)
        form = QFormLayout()
        form.addRow(self.tr("&From (yyyy-mm-dd)"), self.from_edit)
        form.addRow(self.tr("&To, inclusive"), self.to_edit)
        form.addRow(self.tr("&Window"), self.counter_edit)
        form.addRow(self.tr("C&lerk"), self.clerk_edit)
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 1)
        self.progress_bar.setValue(0)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setObjectName("InfoText")
        self.save_button = QPushButton(self.tr("&Save report…"))
        self.save_button.setDefault(True)
        self.save_button.setAutoDefault(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.clicked.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.message_label)
        layout.addWidget(buttons)
        self.progressed.connect(self._on_progress)  # queued when emitted on a worker
        self.setMinimumWidth(440)

    # --- input ------------------------------------------------------------------------------
    def _read_input(self) -> tuple[date, date, int | None, str | None]:
        """The typed fields, or ``ValidationError`` saying which one is wrong."""
        first = parse_day(self.from_edit.text(), self.tr("from"))
        last = parse_day(self.to_edit.text(), self.tr("to"))
        counter_text = self.counter_edit.text().strip()
        counter: int | None = None
        if counter_text:
            if not counter_text.isdecimal():
                raise ValidationError(
                    f"窗口号“{counter_text}”应为数字。",
                    f"The window {counter_text!r} must be a number.",
                )
            counter = int(counter_text)
        clerk = self.clerk_edit.text().strip() or None
        return first, last, counter, clerk

    def choose_file(self, first: date, last: date) -> Path | None:
        """The save dialog; ``None`` when cancelled. A name without a suffix gets the chosen
        filter's."""
        name = f"report-{first:%Y%m%d}-{last:%Y%m%d}.xlsx"
        path, chosen = QFileDialog.getSaveFileName(
            self, self.tr("Save report"), name, f"{XLSX_FILTER};;{PDF_FILTER}"
        )
        if not path:
            return None
        out = Path(path)
        if out.suffix.lower() not in (".xlsx", ".pdf"):
            out = out.with_name(out.name + (".pdf" if chosen == PDF_FILTER else ".xlsx"))
        return out

    # --- the run ----------------------------------------------------------------------------
    def save(self) -> None:
        if self.running:
            return
        try:
            first, last, counter, clerk = self._read_input()
        except ClerkError as error:
            self.show_message(str(error), error=True)
            return
        out = self.choose_file(first, last)
        if out is None:
            return
        self.running = True
        self.save_button.setEnabled(False)
        self.progress_bar.setRange(0, 0)  # busy until the first step is counted
        self.show_message(self.tr("Writing %1…").replace("%1", out.name))
        reports, emit = self._reports, self.progressed.emit

        def work() -> ReportSaved:
            return reports.save(first, last, out, counter=counter, clerk=clerk, progress=emit)

        run_task(work, self._on_saved, self._on_failed, owner=self)

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(min(done, total))

    def _finish(self) -> None:
        self.running = False
        self.save_button.setEnabled(True)

    def _on_saved(self, saved: ReportSaved) -> None:
        self._finish()
        self.saved = saved
        self.progress_bar.setValue(self.progress_bar.maximum())
        total = saved.report.total
        text = self.tr("Saved %1: %2 ticket(s), %3 served, %4 case(s).")
        for key, value in (
            ("%1", saved.path),
            ("%2", str(total.tickets)),
            ("%3", str(total.served)),
            ("%4", str(total.cases)),
        ):
            text = text.replace(key, value)
        self.show_message(text)

    def _on_failed(self, error: BaseException) -> None:
        self._finish()
        self.progress_bar.setRange(0, 1)
        self.progress_bar.setValue(0)
        if isinstance(error, ClerkError):
            self.show_message(str(error), error=True)
        else:
            log.error("report failed", exc_info=error)
            self.show_message(unexpected_error_text(), error=True)

    def show_message(self, text: str, *, error: bool = False) -> None:
        show_message(self.message_label, text, error=error)
