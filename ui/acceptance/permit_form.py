"""What a road-occupation permit states (占用地点、面积、期限、用途、条件), asked before issuing it.

The keys of ``details()`` are the ones the core checks (``clerk_app.services.cases.permits``):
location, area_m2, period_from and period_to as ISO dates, purpose, conditions one per line.

The dates are text fields: what the clerk typed stays as typed (20261228, 2026-12-28 …) and is
read by the core's ``parse_day``; a date that is no date, or a period the hall's rules refuse
(``check_period``), is named under the fields at once and blocks the decision. Nothing is ever
corrected or kept silently, unlike a date edit that refuses a keystroke mid-typing.
"""

from __future__ import annotations

from contextlib import suppress
from datetime import date, timedelta
from itertools import pairwise

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from clerk_app.errors import ClerkError
from clerk_app.services.cases.permits import check_period, parse_day
from ui.common.widgets import restyle


class DateField(QLineEdit):
    """A date typed as digits (20261228) or with separators; ↑/↓ move it by one day."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name  # the core's key, named in its messages
        self.setPlaceholderText("20261228")
        self.setMaxLength(20)

    def day(self) -> date:
        """The date typed; ``ClerkError`` saying why the text is no date."""
        return parse_day(self.text(), self.name)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        step = {Qt.Key.Key_Up: 1, Qt.Key.Key_Down: -1}.get(Qt.Key(event.key()))
        if step is None:
            super().keyPressEvent(event)
            return
        with suppress(ClerkError):  # no date to move: the message under the fields says why
            self.setText((self.day() + timedelta(days=step)).isoformat())


class PermitForm(QGroupBox):
    """The permit's fields; Tab walks through them, the page's Alt+I issues the permit."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Road occupation permit: what it allows"))
        self._today = date.today()  # replaced by the hall's day in ``start``
        self._max_days = 0
        self.location_edit = QLineEdit()
        self.location_edit.setPlaceholderText(self.tr("Road, section and side of the street"))
        self.area_spin = QDoubleSpinBox()
        self.area_spin.setRange(0, 100000)
        self.area_spin.setDecimals(2)
        self.area_spin.setSuffix(" m²")
        self.from_edit = DateField("period_from")
        self.to_edit = DateField("period_to")
        self.period_label = QLabel()
        self.period_label.setWordWrap(True)
        self.purpose_edit = QLineEdit()
        self.purpose_edit.setPlaceholderText(self.tr("e.g. stacking building materials"))
        self.conditions_edit = QPlainTextEdit()
        self.conditions_edit.setTabChangesFocus(True)
        self.conditions_edit.setPlaceholderText(self.tr("One condition per line"))
        self.conditions_edit.setFixedHeight(46)
        # Two columns, so the decision page still fits a 768-pixel-high screen.
        grid = QGridLayout(self)
        grid.setVerticalSpacing(4)
        wide: tuple[tuple[int, str, QWidget], ...] = (
            (0, self.tr("Location:"), self.location_edit),
            (4, self.tr("Conditions:"), self.conditions_edit),
        )
        pairs: tuple[tuple[int, str, QWidget, str, QWidget], ...] = (
            (1, self.tr("Area:"), self.area_spin, self.tr("Purpose:"), self.purpose_edit),
            (2, self.tr("From:"), self.from_edit, self.tr("To:"), self.to_edit),
        )
        for row, label, field in wide:
            grid.addWidget(QLabel(label), row, 0)
            grid.addWidget(field, row, 1, 1, 3)
        for row, label, field, label2, field2 in pairs:
            grid.addWidget(QLabel(label), row, 0)
            grid.addWidget(field, row, 1)
            grid.addWidget(QLabel(label2), row, 2)
            grid.addWidget(field2, row, 3)
        grid.addWidget(self.period_label, 3, 1, 1, 3)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        order = (
            self.location_edit,
            self.area_spin,
            self.purpose_edit,
            self.from_edit,
            self.to_edit,
            self.conditions_edit,
        )
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)  # as read: row by row, left to right
        for edit in (self.from_edit, self.to_edit):
            edit.textChanged.connect(self.show_period)

    def start(self, today: date, max_days: int) -> None:
        """Fresh fields for a new permit; the period may start ``today`` at the earliest and
        last ``max_days`` (the hall's setting). It starts today and lasts a week until typed."""
        self._today, self._max_days = today, max_days
        for edit in (self.location_edit, self.purpose_edit):
            edit.clear()
        self.conditions_edit.clear()
        self.area_spin.setValue(0)
        self.from_edit.setText(today.isoformat())
        self.to_edit.setText((today + timedelta(days=min(6, max_days - 1))).isoformat())
        self.show_period()

    # --- the period ------------------------------------------------------------------------
    def period_problem(self) -> tuple[str, QLineEdit] | None:
        """Why the period cannot be issued, and the field to correct; None when it can."""
        try:
            start = self.from_edit.day()
        except ClerkError as e:
            return str(e), self.from_edit
        try:
            end = self.to_edit.day()
            check_period(start, end, self._today, self._max_days)
        except ClerkError as e:
            return str(e), self.from_edit if start < self._today else self.to_edit
        return None

    def period_words(self) -> str:
        """The period as the permit will state it, e.g. 2026年12月28日至2027年1月5日，共9天."""
        start, end = self.from_edit.day(), self.to_edit.day()
        days = (end - start).days + 1
        words = self.tr("Period: %1 to %2, %3 day(s)")
        return (
            words.replace("%1", self._date_words(start))
            .replace("%2", self._date_words(end))
            .replace("%3", str(days))
        )

    def _date_words(self, day: date) -> str:
        # A Qt date format; zh_CN: yyyy年M月d日 (month names of QDate.toString are English).
        return QDate(day.year, day.month, day.day).toString(self.tr("d MMM yyyy"))

    def show_period(self) -> None:
        """Under the dates: the period in words, or why it is no period (live, as typed)."""
        problem = self.period_problem()
        if problem is None:
            restyle(self.period_label, "InfoText")
            self.period_label.setText(self.period_words())
        else:
            restyle(self.period_label, "ErrorText")
            self.period_label.setText(problem[0])

    def details(self) -> dict[str, str]:
        """The fields as the core takes them; empty ones are left out (the core names them).
        A date is sent as typed unless it parses (the core then refuses it in its words)."""
        area = self.area_spin.value()
        values = {
            "location": self.location_edit.text().strip(),
            "area_m2": f"{area:.2f}".rstrip("0").rstrip(".") if area > 0 else "",
            "period_from": self._iso(self.from_edit),
            "period_to": self._iso(self.to_edit),
            "purpose": self.purpose_edit.text().strip(),
            "conditions": self.conditions_edit.toPlainText().strip(),
        }
        return {k: v for k, v in values.items() if v}

    @staticmethod
    def _iso(edit: DateField) -> str:
        try:
            return edit.day().isoformat()
        except ClerkError:
            return edit.text().strip()
