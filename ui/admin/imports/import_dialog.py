"""One import (catalog, credit list or appointments): choose the file, dry run or import, a
progress bar while it runs off the GUI thread, then the row report, savable as .csv or .txt.
The import is all or nothing: a refused file changes nothing."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clerk_app.errors import ClerkError
from clerk_app.services.imports.report import ImportRefused, ImportReport
from ui.common.tasks import run_task
from ui.common.widgets import show_message

if TYPE_CHECKING:
    from clerk_app.api import StaffSession


class _Progress(QObject):
    """Emitted from the worker thread; Qt queues each signal to the dialog on the GUI thread."""

    rows = Signal(int, int)
    stage = Signal(str)


class ImportDialog(QDialog):
    def __init__(self, session: StaffSession, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.kind = kind
        titles = {
            "catalog": self.tr("Import the catalog"),
            "credit_list": self.tr("Import the credit list"),
            "appointments": self.tr("Import the day's appointments"),
        }
        self.setWindowTitle(titles[kind])
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(self.tr("An .xlsx or .csv file"))
        self.browse_button = QPushButton(self.tr("Choose…"))
        self.browse_button.clicked.connect(self.browse)
        self.dry_run_check = QCheckBox(self.tr("Dry run: check only, write nothing"))
        self.start_button = QPushButton(self.tr("Start"))
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.start)
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 1)
        self.progress_bar.setValue(0)
        self.stage_label = QLabel()
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.report_view = QPlainTextEdit()
        self.report_view.setReadOnly(True)
        self.save_button = QPushButton(self.tr("Save the report…"))
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.save_report)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.reject)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.browse_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(file_row)
        layout.addWidget(self.dry_run_check)
        layout.addWidget(self.stage_label)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.report_view, 1)
        layout.addLayout(buttons)
        self.resize(640, 420)
        self.report: ImportReport | None = None
        self.running = False
        self._signals = _Progress(self)
        self._signals.rows.connect(self.on_rows_checked)
        self._signals.stage.connect(self.on_stage_reached)

    def browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.windowTitle(), "", self.tr("Spreadsheets (*.xlsx *.csv)")
        )
        if path:
            self.path_edit.setText(path)

    def start(self) -> None:
        if self.running:
            return
        text = self.path_edit.text().strip()
        if not text:
            show_message(self.summary_label, self.tr("Choose a file first."), error=True)
            return
        path, dry_run = Path(text), self.dry_run_check.isChecked()
        imports = self._session.imports
        method = {
            "catalog": imports.import_catalog,
            "credit_list": imports.import_credit_list,
            "appointments": imports.import_appointments,
        }[self.kind]
        signals = self._signals
        self.running = True
        self.start_button.setEnabled(False)
        self.save_button.setEnabled(False)
        self.report_view.clear()
        self.summary_label.clear()
        self.progress_bar.setRange(0, 0)  # busy until the first row count

        def work() -> ImportReport:  # on a worker thread: no widget here, only signals
            return method(
                path,
                dry_run=dry_run,
                progress=lambda done, total: signals.rows.emit(done, total),
                stage=lambda name: signals.stage.emit(name),
            )

        run_task(work, self.on_done, self.on_failed, owner=self)

    def on_rows_checked(self, done: int, total: int) -> None:
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(done)

    def on_stage_reached(self, stage: str) -> None:
        texts = {
            "reading": self.tr("Reading the file…"),
            "checking": self.tr("Checking every row…"),
            "comparing": self.tr("Comparing with the database…"),
            "writing": self.tr("Writing…"),
            "analyzing": self.tr("Updating the database's statistics…"),
        }
        self.stage_label.setText(texts.get(stage, stage))
        if stage in ("comparing", "writing", "analyzing"):
            self.progress_bar.setRange(0, 0)  # no row count: a busy bar

    def on_done(self, report: ImportReport) -> None:
        self._finish(report, error=False)

    def on_failed(self, error: BaseException) -> None:
        if isinstance(error, ImportRefused):
            self._finish(error.report, error=True)
            return
        self._finish(None, error=True)
        text = str(error) if isinstance(error, ClerkError) else self.tr("The import failed.")
        show_message(self.summary_label, text, error=True)

    def _finish(self, report: ImportReport | None, *, error: bool) -> None:
        self.running = False
        self.start_button.setEnabled(True)
        self.progress_bar.setRange(0, 1)
        self.progress_bar.setValue(0 if error else 1)
        self.stage_label.clear()
        self.report = report
        if report is not None:
            show_message(self.summary_label, report.summary(), error=error)
            self.report_view.setPlainText("\n".join(str(p) for p in report.problems))
            self.save_button.setEnabled(True)

    def save_report(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the report"), "", self.tr("Table (*.csv);;Text (*.txt)")
        )
        if path:
            self.write_report(Path(path))

    def write_report(self, path: Path) -> None:
        """.csv: one problem a row (row, column, both languages); otherwise the lines."""
        if self.report is None:
            return
        try:
            if path.suffix.lower() == ".csv":
                self.report.save_csv(path)
            else:
                path.write_text("\n".join(self.report.lines()) + "\n", encoding="utf-8")
        except OSError as e:
            show_message(self.summary_label, str(e), error=True)
