"""The credit list (信用红黑名单): every entry, added by hand, repaired (信用修复) or ended (失效)
with a reason; imported from the credit platform's file. Ins adds, Ctrl+R repairs, Del ends."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clerk_app.services.credit import CreditEntryInfo
from ui.admin.forms import FilteredTable, FormDialog, ReasonDialog, py_date
from ui.common.table_model import RowTableModel

if TYPE_CHECKING:
    from clerk_app.api import StaffSession


def _qdate(value: Any) -> QDate:
    return QDate(value.year, value.month, value.day)


class CreditTableModel(RowTableModel):
    USCC, NAME, LIST, REASON, SOURCE, FROM, TO, STATE = range(8)

    def headers(self) -> list[str]:
        return [
            self.tr("USCC"),
            self.tr("Enterprise"),
            self.tr("List"),
            self.tr("Reason"),
            self.tr("Source department"),
            self.tr("Valid from"),
            self.tr("Valid to"),
            self.tr("State"),
        ]

    def list_label(self, list_type: str) -> str:
        return {
            "red_list": self.tr("Red list"),
            "black_list": self.tr("Black list"),
            "broken_commitment": self.tr("Broken commitment"),
        }.get(list_type, list_type)

    def state(self, row: CreditEntryInfo) -> str:
        if row.expired_on is not None and not row.in_force:
            return self.tr("Ended %1").replace("%1", row.expired_on.isoformat())
        if row.repaired:
            return self.tr("Repaired")
        return self.tr("In force") if row.in_force else self.tr("Not in force")

    def display(self, row: CreditEntryInfo, column: int) -> str:
        values = {
            self.USCC: row.uscc,
            self.NAME: row.enterprise_name,
            self.LIST: self.list_label(row.list_type),
            self.REASON: row.reason,
            self.SOURCE: row.source_department,
            self.FROM: row.valid_from.isoformat(),
            self.TO: row.valid_to.isoformat() if row.valid_to else "—",
            self.STATE: self.state(row),
        }
        return values[column]


class CreditEntryDialog(FormDialog):
    """A new entry: USCC, name, list, reason, source department, validity."""

    def __init__(self, session: StaffSession, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("New credit list entry"), parent)
        today = _qdate(session.hall_now())
        self.uscc_edit = QLineEdit()
        self.name_edit = QLineEdit()
        self.list_combo = QComboBox()
        self.list_combo.addItem(self.tr("Red list"), "red_list")
        self.list_combo.addItem(self.tr("Black list"), "black_list")
        self.reason_edit = QLineEdit()
        self.source_edit = QLineEdit()
        self.from_edit = QDateEdit(today)
        self.from_edit.setCalendarPopup(True)
        self.from_edit.setDisplayFormat("yyyy-MM-dd")
        self.to_check = QCheckBox(self.tr("Ends on"))
        self.to_edit = QDateEdit(today.addYears(1))
        self.to_edit.setDisplayFormat("yyyy-MM-dd")
        self.to_edit.setCalendarPopup(True)
        self.to_edit.setEnabled(False)
        self.to_check.toggled.connect(self.to_edit.setEnabled)
        to_row = QWidget()
        row = QHBoxLayout(to_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.to_check)
        row.addWidget(self.to_edit, 1)
        self.add_field("uscc", self.tr("USCC"), self.uscc_edit)
        self.add_field("enterprise_name", self.tr("Enterprise"), self.name_edit)
        self.add_field("list_type", self.tr("List"), self.list_combo)
        self.add_field("reason", self.tr("Reason"), self.reason_edit)
        self.add_field("source_department", self.tr("Source department"), self.source_edit)
        self.add_field("valid_from", self.tr("Valid from"), self.from_edit)
        self.add_field("valid_to", self.tr("Valid to"), to_row)
        credit = session.credit
        self.submit = lambda: credit.add_entry(
            self.uscc_edit.text(),
            str(self.list_combo.currentData()),
            reason=self.reason_edit.text(),
            source_department=self.source_edit.text(),
            enterprise_name=self.name_edit.text(),
            valid_from=py_date(self.from_edit.date()),
            valid_to=py_date(self.to_edit.date()) if self.to_check.isChecked() else None,
        )


class CreditPage(QWidget):
    """Every entry of the credit list; add, repair and end them here."""

    def page_title(self) -> str:
        """Its title in the admin window's page list (``ui.admin.pages``)."""
        return QCoreApplication.translate("AdminPages", "Credit list")

    def __init__(self, session: StaffSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.model = CreditTableModel(self)
        self.table = FilteredTable(self.model)
        self.add_button = QPushButton(self.tr("Add… (Ins)"))
        self.repair_button = QPushButton(self.tr("Credit repair… (Ctrl+R)"))
        self.expire_button = QPushButton(self.tr("End entry… (Del)"))
        self.import_button = QPushButton(self.tr("Import from the credit platform…"))
        self.add_button.clicked.connect(self.add)
        self.repair_button.clicked.connect(self.repair)
        self.expire_button.clicked.connect(self.expire)
        self.import_button.clicked.connect(self.import_file)
        for key, slot in (
            (QKeySequence(Qt.Key.Key_Insert), self.add),
            (QKeySequence("Ctrl+R"), self.repair),
            (QKeySequence(Qt.Key.Key_Delete), self.expire),
        ):
            shortcut = QShortcut(key, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.repair_button, self.expire_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self.dialog: FormDialog | None = None  # the open dialog (tests drive it)
        self.reload()

    def reload(self) -> None:
        self.model.set_rows(self._session.credit.list_entries())

    def _run(self, dialog: FormDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(lambda result: self._closed(result))
        dialog.open()

    def _closed(self, result: int) -> None:
        self.dialog = None
        if result:
            self.reload()

    def add(self) -> None:
        self._run(CreditEntryDialog(self._session, self))

    def repair(self) -> None:
        entry = self.table.selected()
        if entry is None:
            return
        credit = self._session.credit
        self._run(
            ReasonDialog(
                self.tr("Credit repair"),
                self.tr("Grounds"),
                lambda text: credit.repair(entry.id, text),
                self,
                field="note",
            )
        )

    def expire(self) -> None:
        entry = self.table.selected()
        if entry is None:
            return
        credit = self._session.credit
        self._run(
            ReasonDialog(
                self.tr("End the entry from today"),
                self.tr("Reason"),
                lambda text: credit.expire(entry.id, text),
                self,
            )
        )

    def import_file(self) -> None:
        from ui.admin.imports.import_dialog import ImportDialog

        dialog = ImportDialog(self._session, "credit_list", self)
        dialog.finished.connect(lambda _r: self.reload())
        dialog.open()


def make_page(session: StaffSession, parent: QWidget | None = None) -> QWidget:
    return CreditPage(session, parent)
