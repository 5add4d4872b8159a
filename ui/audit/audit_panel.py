"""The audit log panel: filters (who, action, from, to), the sortable table, "verify chain".

Reading the filtered rows is one short query on the GUI thread (at most ``ENTRY_LIMIT`` rows,
newest first); checking the whole chain reads every row, so it runs off the GUI thread
(``ui.common.tasks``) and shows its result when done.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clerk_app.domain.audit_chain import ChainReport
from clerk_app.errors import ClerkError
from clerk_app.i18n import pick
from ui.audit.audit_model import AuditTableModel
from ui.common.sorted_table import attach_sorted
from ui.common.tasks import run_task
from ui.common.widgets import read_only_table, show_message

if TYPE_CHECKING:
    from clerk_app.api import StaffSession


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class AuditPanel(QWidget):
    def page_title(self) -> str:
        """Its title in the admin window's page list (``ui.admin.pages``)."""
        return self.tr("Audit log")

    def __init__(self, session: StaffSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._audit = session.audit
        today = session.hall_now().date()
        self.actor_edit = QLineEdit()
        self.actor_edit.setPlaceholderText(self.tr("Who (part of the name)"))
        self.action_box = QComboBox()
        self.action_box.setEditable(True)
        self.action_edit = self.action_box.lineEdit()
        assert self.action_edit is not None  # editable
        self.action_edit.setPlaceholderText(self.tr("Action"))
        self.dates_check = QCheckBox(self.tr("From"))
        self.dates_check.setChecked(True)
        self.from_edit = QDateEdit(_qdate(today - timedelta(days=7)))
        self.to_edit = QDateEdit(_qdate(today))
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.dates_check.toggled.connect(self.from_edit.setEnabled)
        self.dates_check.toggled.connect(self.to_edit.setEnabled)
        self.search_button = QPushButton(self.tr("Search"))
        self.search_button.clicked.connect(self.search)
        self.actor_edit.returnPressed.connect(self.search)
        self.action_edit.returnPressed.connect(self.search)
        self.verify_button = QPushButton(self.tr("Verify chain"))
        self.verify_button.clicked.connect(self.verify)

        self.model = AuditTableModel(self)
        self.view = read_only_table()
        self.proxy = attach_sorted(self.view, self.model)
        self.view.sortByColumn(AuditTableModel.SEQ, Qt.SortOrder.DescendingOrder)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(AuditTableModel.CHANGE, QHeaderView.ResizeMode.Stretch)
        self.count_label = QLabel()
        self.count_label.setObjectName("Placeholder")
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)

        filters = QHBoxLayout()
        filters.addWidget(self.actor_edit, 1)
        filters.addWidget(self.action_box, 1)
        filters.addWidget(self.dates_check)
        filters.addWidget(self.from_edit)
        filters.addWidget(QLabel(self.tr("to")))
        filters.addWidget(self.to_edit)
        filters.addWidget(self.search_button)
        check = QHBoxLayout()
        check.addWidget(self.count_label, 1)
        check.addWidget(self.verify_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addLayout(check)
        layout.addWidget(self.result_label)
        self.reload()

    def reload(self) -> None:
        typed = self.action_box.currentText()
        self.action_box.clear()
        self.action_box.addItems(["", *self._audit.actions()])
        self.action_box.setEditText(typed)
        self.search()

    def search(self) -> None:
        dates = self.dates_check.isChecked()
        try:
            rows = self._audit.entries(
                actor=self.actor_edit.text(),
                action=self.action_box.currentText(),
                day_from=self.from_edit.date().toPython() if dates else None,  # type: ignore[arg-type]
                day_to=self.to_edit.date().toPython() if dates else None,  # type: ignore[arg-type]
            )
        except ClerkError as error:
            self.show_result(str(error), ok=False)
            return
        self.model.set_rows(rows)
        self.count_label.setText(self.tr("%n row(s)", "", self.model.rowCount()))

    def verify(self) -> None:
        self.verify_button.setEnabled(False)
        self.show_result(self.tr("Checking the chain…"), ok=True)
        run_task(self._audit.verify, self.on_verified, self.on_failed, owner=self)

    def on_verified(self, report: ChainReport) -> None:
        self.verify_button.setEnabled(True)
        if report.bad is None:
            head = f"{report.head.seq} {report.head.hash[:16]}…" if report.head else "—"
            text = self.tr("Chain intact: %1 rows, head %2")
            self.show_result(text.replace("%1", str(report.rows)).replace("%2", head), ok=True)
        else:
            reason = pick(report.bad.reason_zh, report.bad.reason_en)
            self.show_result(self.tr("Chain BROKEN: %1").replace("%1", reason), ok=False)

    def on_failed(self, error: BaseException) -> None:
        self.verify_button.setEnabled(True)
        self.show_result(str(error), ok=False)

    def show_result(self, text: str, *, ok: bool) -> None:
        show_message(self.result_label, text, error=not ok)
