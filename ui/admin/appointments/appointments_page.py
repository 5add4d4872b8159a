"""A day's appointments: book one taken at the counter or by phone (Ins), cancel one (Del),
import the online booking system's file; the kiosk checks them in."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDate, Qt, QTime
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from clerk_app.services.appointments import AppointmentInfo
from ui.admin.forms import FilteredTable, FormDialog, ReasonDialog, py_date, py_time
from ui.common.table_model import RowTableModel

if TYPE_CHECKING:
    from clerk_app.api import StaffSession


class AppointmentModel(RowTableModel):
    CODE, SLOT, CATEGORY, NAME, IDENTITY, PHONE, CHANNEL, STATUS = range(8)

    def headers(self) -> list[str]:
        return [
            self.tr("Code"),
            self.tr("Slot"),
            self.tr("Category"),
            self.tr("Applicant"),
            self.tr("ID"),
            self.tr("Phone"),
            self.tr("Channel"),
            self.tr("Status"),
        ]

    def display(self, row: AppointmentInfo, column: int) -> str:
        channels = {
            "online": self.tr("Online"),
            "counter": self.tr("Counter"),
            "phone": self.tr("Phone"),
        }
        statuses = {
            "booked": self.tr("Booked"),
            "checked_in": self.tr("Checked in"),
            "cancelled": self.tr("Cancelled"),
        }
        values = {
            self.CODE: row.code,
            self.SLOT: f"{row.slot_start:%H:%M}–{row.slot_end:%H:%M}",
            self.CATEGORY: f"{row.category} {row.category_name}",
            self.NAME: row.applicant_name,
            self.IDENTITY: row.identity_masked,
            self.PHONE: row.phone,
            self.CHANNEL: channels.get(row.channel, row.channel),
            self.STATUS: statuses.get(row.status, row.status),
        }
        return values[column]


class BookingDialog(FormDialog):
    def __init__(self, session: StaffSession, day: QDate, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Book an appointment"), parent)
        self.category_combo = QComboBox()
        for c in session.catalog.list_categories():
            self.category_combo.addItem(f"{c.prefix} {c.name}", c.prefix)
        self.name_edit = QLineEdit()
        self.identity_edit = QLineEdit()
        self.phone_edit = QLineEdit()
        self.channel_combo = QComboBox()
        self.channel_combo.addItem(self.tr("Phone"), "phone")
        self.channel_combo.addItem(self.tr("Counter"), "counter")
        self.day_edit = QDateEdit(day)
        self.day_edit.setDisplayFormat("yyyy-MM-dd")
        self.day_edit.setCalendarPopup(True)
        self.start_edit = QTimeEdit(QTime(9, 0))
        self.end_edit = QTimeEdit(QTime(9, 30))
        self.add_field("category", self.tr("Category"), self.category_combo)
        self.add_field("applicant_name", self.tr("Applicant"), self.name_edit)
        self.add_field("identity", self.tr("ID number (optional)"), self.identity_edit)
        self.add_field("phone", self.tr("Phone"), self.phone_edit)
        self.add_field("channel", self.tr("Booked by"), self.channel_combo)
        self.add_field("day", self.tr("Date"), self.day_edit)
        self.add_field("slot_start", self.tr("From"), self.start_edit)
        self.add_field("slot_end", self.tr("To"), self.end_edit)
        booking = session.appointments
        self.submit = lambda: booking.book(
            str(self.category_combo.currentData()),
            self.name_edit.text(),
            py_date(self.day_edit.date()),
            py_time(self.start_edit.time()),
            py_time(self.end_edit.time()),
            identity=self.identity_edit.text(),
            phone=self.phone_edit.text(),
            channel=str(self.channel_combo.currentData()),
        )


class AppointmentsPage(QWidget):
    def page_title(self) -> str:
        """Its title in the admin window's page list (``ui.admin.pages``)."""
        return QCoreApplication.translate("AdminPages", "Appointments")

    def __init__(self, session: StaffSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        now = session.hall_now()
        self.day_edit = QDateEdit(QDate(now.year, now.month, now.day))
        self.day_edit.setDisplayFormat("yyyy-MM-dd")
        self.day_edit.setCalendarPopup(True)
        self.day_edit.dateChanged.connect(lambda _d: self.reload())
        self.book_button = QPushButton(self.tr("Book… (Ins)"))
        self.cancel_button = QPushButton(self.tr("Cancel booking… (Del)"))
        self.import_button = QPushButton(self.tr("Import the day's bookings…"))
        self.book_button.clicked.connect(self.book)
        self.cancel_button.clicked.connect(self.cancel)
        self.import_button.clicked.connect(self.import_file)
        for key, slot in (
            (QKeySequence(Qt.Key.Key_Insert), self.book),
            (QKeySequence(Qt.Key.Key_Delete), self.cancel),
        ):
            shortcut = QShortcut(key, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.model = AppointmentModel(self)
        self.table = FilteredTable(self.model)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Day")))
        top.addWidget(self.day_edit)
        top.addStretch(1)
        for button in (self.book_button, self.cancel_button, self.import_button):
            top.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.dialog: FormDialog | None = None
        self.reload()

    def reload(self) -> None:
        self.model.set_rows(self._session.appointments.list_day(py_date(self.day_edit.date())))

    def _run(self, dialog: FormDialog) -> None:
        self.dialog = dialog

        def closed(result: Any) -> None:
            self.dialog = None
            if result:
                self.reload()

        dialog.finished.connect(closed)
        dialog.open()

    def book(self) -> None:
        self._run(BookingDialog(self._session, self.day_edit.date(), self))

    def cancel(self) -> None:
        row = self.table.selected()
        if row is None:
            return
        booking = self._session.appointments
        self._run(
            ReasonDialog(
                self.tr("Cancel appointment %1").replace("%1", row.code),
                self.tr("Reason"),
                lambda text: booking.cancel(row.code, text),
                self,
            )
        )

    def import_file(self) -> None:
        from ui.admin.imports.import_dialog import ImportDialog

        dialog = ImportDialog(self._session, "appointments", self)
        dialog.finished.connect(lambda _r: self.reload())
        dialog.open()


def make_page(session: StaffSession, parent: QWidget | None = None) -> QWidget:
    return AppointmentsPage(session, parent)
