"""What a road-occupation permit states (占用地点、面积、期限、用途、条件), asked before issuing it.

The keys of ``details()`` are the ones the core checks (``clerk_app.services.cases.permits``):
location, area_m2, period_from and period_to as ISO dates, purpose, conditions one per line.
"""

from __future__ import annotations

from datetime import date
from itertools import pairwise

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDoubleSpinBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)


class PermitForm(QGroupBox):
    """The permit's fields; Tab walks through them, the page's Alt+I issues the permit."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(
            self.tr("Road occupation permit: what it allows (dates: type 20261203 or use ↑/↓)")
        )
        self.location_edit = QLineEdit()
        self.location_edit.setPlaceholderText(self.tr("Road, section and side of the street"))
        self.area_spin = QDoubleSpinBox()
        self.area_spin.setRange(0, 100000)
        self.area_spin.setDecimals(2)
        self.area_spin.setSuffix(" m²")
        self.from_edit = self._date_edit()
        self.to_edit = self._date_edit()
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
            (3, self.tr("Conditions:"), self.conditions_edit),
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
        self.from_edit.dateChanged.connect(self._keep_order)

    @staticmethod
    def _date_edit() -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    def start(self, today: date, max_days: int) -> None:
        """Fresh fields for a new permit; the period may start today at the earliest and last
        ``max_days`` (the hall's setting; the core refuses longer ones with a message)."""
        for edit in (self.location_edit, self.purpose_edit):
            edit.clear()
        self.conditions_edit.clear()
        self.area_spin.setValue(0)
        first = QDate(today.year, today.month, today.day)
        self.from_edit.setMinimumDate(first)
        self.to_edit.setMinimumDate(first)
        self.from_edit.setDate(first)
        self.to_edit.setDate(first.addDays(6))
        self.to_edit.setMaximumDate(first.addDays(max_days * 2))

    def _keep_order(self, start: QDate) -> None:
        if self.to_edit.date() < start:
            self.to_edit.setDate(start)

    def details(self) -> dict[str, str]:
        """The fields as the core takes them; empty ones are left out (the core names them)."""
        area = self.area_spin.value()
        values = {
            "location": self.location_edit.text().strip(),
            "area_m2": f"{area:.2f}".rstrip("0").rstrip(".") if area > 0 else "",
            "period_from": self.from_edit.date().toString("yyyy-MM-dd"),
            "period_to": self.to_edit.date().toString("yyyy-MM-dd"),
            "purpose": self.purpose_edit.text().strip(),
            "conditions": self.conditions_edit.toPlainText().strip(),
        }
        return {k: v for k, v in values.items() if v}
