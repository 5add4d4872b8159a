"""The working-day calendar: a year's non-standard days (放假, 调休上班) and whether working days
can be counted; the State Council's notice for a year is entered here (Ctrl+N)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from clerk_app.domain.holiday_notice import Holiday, HolidayRange, holiday_label
from clerk_app.errors import ValidationError
from clerk_app.services.calendar import CalendarYearInfo, OverrideDay
from ui.admin.forms import FilteredTable, FormDialog, py_date
from ui.common.table_model import RowTableModel
from ui.common.widgets import show_message

if TYPE_CHECKING:
    from clerk_app.api import StaffSession


class OverrideDayModel(RowTableModel):
    DAY, WEEKDAY, KIND, NOTE = range(4)

    def headers(self) -> list[str]:
        return [self.tr("Date"), self.tr("Weekday"), self.tr("Kind"), self.tr("Note")]

    def display(self, row: OverrideDay, column: int) -> str:
        if column == self.DAY:
            return row.day.isoformat()
        if column == self.WEEKDAY:
            return QDate(row.day.year, row.day.month, row.day.day).toString("ddd")
        if column == self.KIND:
            return self.tr("Make-up workday") if row.is_workday else self.tr("Day off")
        return row.note


def _dates(text: str) -> list[date]:
    """ "2027-02-20, 2027-05-08" -> the dates; a bad one is refused under the field."""
    days = []
    for part in filter(None, (p.strip() for p in text.replace("，", ",").split(","))):
        try:
            days.append(date.fromisoformat(part))
        except ValueError:
            raise ValidationError(
                f"日期“{part}”格式不对，应为 2027-02-20。", f"Bad date {part!r}; write 2027-02-20."
            ).tagged("makeup_workdays") from None
    return days


class NoticeDialog(FormDialog):
    """The notice of one year: each holiday's first and last day off, the make-up workdays."""

    def __init__(self, session: StaffSession, year: int, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Holiday notice for %1").replace("%1", str(year)), parent)
        self.rows: dict[Holiday, tuple[QCheckBox, QDateEdit, QDateEdit]] = {}
        for holiday in Holiday:
            check = QCheckBox(holiday_label(holiday))
            check.setChecked(True)
            first, last = (QDateEdit(QDate(year, 1, 1)) for _ in range(2))
            for edit in (first, last):
                edit.setDisplayFormat("yyyy-MM-dd")
                edit.setCalendarPopup(True)
            box = QWidget()
            line = QHBoxLayout(box)
            line.setContentsMargins(0, 0, 0, 0)
            line.addWidget(check)
            line.addWidget(first)
            line.addWidget(QLabel("—"))
            line.addWidget(last)
            self.add_field(holiday.value, holiday_label(holiday), box)
            self.rows[holiday] = (check, first, last)
        self.workdays_edit = QLineEdit()
        self.workdays_edit.setPlaceholderText("2027-02-20, 2027-05-08")
        self.add_field("makeup_workdays", self.tr("Make-up workdays"), self.workdays_edit)
        self.note_edit = QLineEdit()
        self.add_field("note", self.tr("Notice reference"), self.note_edit)
        calendar = session.calendar
        self.submit = lambda: calendar.enter_notice(
            year, self.ranges(), _dates(self.workdays_edit.text()), note=self.note_edit.text()
        )

    def set_range(self, holiday: Holiday, first: date, last: date) -> None:
        check, first_edit, last_edit = self.rows[holiday]
        check.setChecked(True)
        first_edit.setDate(QDate(first.year, first.month, first.day))
        last_edit.setDate(QDate(last.year, last.month, last.day))

    def ranges(self) -> list[HolidayRange]:
        return [
            HolidayRange(h, py_date(first.date()), py_date(last.date()))
            for h, (check, first, last) in self.rows.items()
            if check.isChecked()
        ]


class CalendarPage(QWidget):
    def page_title(self) -> str:
        """Its title in the admin window's page list (``ui.admin.pages``)."""
        return QCoreApplication.translate("AdminPages", "Calendar")

    def __init__(self, session: StaffSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.year_spin = QSpinBox()
        self.year_spin.setRange(2000, 2100)
        self.year_spin.setValue(session.hall_now().year + 1)
        self.year_spin.valueChanged.connect(lambda _y: self.reload())
        self.coverage_label = QLabel()
        self.enter_button = QPushButton(self.tr("Enter the notice… (Ctrl+N)"))
        self.enter_button.clicked.connect(self.enter_notice)
        shortcut = QShortcut(QKeySequence("Ctrl+N"), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.enter_notice)
        self.model = OverrideDayModel(self)
        self.table = FilteredTable(self.model)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Year")))
        top.addWidget(self.year_spin)
        top.addWidget(self.coverage_label, 1)
        top.addWidget(self.enter_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.dialog: NoticeDialog | None = None
        self.info: CalendarYearInfo | None = None
        self.reload()

    def reload(self) -> None:
        info = self._session.calendar.year(self.year_spin.value())
        self.info = info
        self.model.set_rows(info.days)
        if info.known_to_package:
            text = self.tr("Known from the published calendar; working days are counted.")
        elif info.covered:
            text = self.tr("The notice is entered; working days are counted.")
        else:
            text = self.tr("Not entered: working days of this year cannot be counted.")
        show_message(self.coverage_label, text, error=not info.covered)

    def enter_notice(self) -> None:
        dialog = NoticeDialog(self._session, self.year_spin.value(), self)
        self.dialog = dialog

        def closed(result: Any) -> None:
            self.dialog = None
            if result:
                self.reload()

        dialog.finished.connect(closed)
        dialog.open()


def make_page(session: StaffSession, parent: QWidget | None = None) -> QWidget:
    return CalendarPage(session, parent)
