"""The hall display's full-screen window: hall name, clock, and the latest calls.

Calls come from the queue feature through ``show_calls``; the newest call is the top row.
The window only shows, it never changes anything, and it runs as the read-only display actor.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime, QLocale, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStackedLayout,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.display.call_model import CallRow, CallTableModel
from ui.display.display_style import DISPLAY_STYLE

if TYPE_CHECKING:
    from clerk_app.api import StaffSession

#: How many recent calls fit on a 1080p screen at the display's text size.
VISIBLE_CALLS = 6
ROW_HEIGHT = 120


class HallDisplayWindow(QWidget):
    def __init__(
        self, display: StaffSession, hall_name: str, parent: QWidget | None = None
    ) -> None:
        """``display`` is the hall's read-only display actor (``hall.display()``)."""
        super().__init__(parent)
        self._display = display
        self.setObjectName("HallDisplayWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(DISPLAY_STYLE)
        self.setWindowTitle(hall_name)

        self.call_model = CallTableModel(self)
        self.call_view = self._build_call_view()
        self.empty_label = QLabel(self.tr("Please wait for your number to be called"))
        self.empty_label.setObjectName("DisplayEmpty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        calls_area = QWidget()
        # The invitation lies over the empty table so the column titles stay visible.
        calls_stack = QStackedLayout(calls_area)
        calls_stack.setStackingMode(QStackedLayout.StackingMode.StackAll)
        calls_stack.addWidget(self.call_view)
        calls_stack.addWidget(self.empty_label)
        calls_stack.setCurrentWidget(self.empty_label)

        rule = QFrame()
        rule.setObjectName("DisplayRule")
        footer = QLabel(self._counters_text())
        footer.setObjectName("DisplayFooter")
        footer.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(60, 36, 60, 30)
        layout.setSpacing(20)
        layout.addLayout(self._build_top(hall_name))
        layout.addWidget(rule)
        layout.addWidget(calls_area, 1)
        layout.addWidget(footer)

        QShortcut(QKeySequence("Ctrl+Shift+Q"), self, self.close)
        self.show_calls([])

    def _build_top(self, hall_name: str) -> QHBoxLayout:
        name = QLabel(hall_name)
        name.setObjectName("DisplayHallName")
        self.clock_label = QLabel()
        self.clock_label.setObjectName("DisplayClock")
        self.clock_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.date_label = QLabel()
        self.date_label.setObjectName("DisplayDate")
        self.date_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        time_box = QVBoxLayout()
        time_box.setSpacing(0)
        time_box.addWidget(self.clock_label)
        time_box.addWidget(self.date_label)
        self._clock = QTimer(self)
        self._clock.timeout.connect(self._tick)
        self._clock.start(1000)
        self._tick()
        top = QHBoxLayout()
        top.addWidget(name, 1)
        top.addLayout(time_box)
        return top

    def _build_call_view(self) -> QTableView:
        view = QTableView()
        view.setModel(self.call_model)
        view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.verticalHeader().setVisible(False)
        view.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        return view

    def _tick(self) -> None:
        now = QDateTime.currentDateTime()
        self.clock_label.setText(now.toString("HH:mm:ss"))
        # QLocale() follows the chosen language, so the weekday reads 星期三 or Wednesday.
        self.date_label.setText(QLocale().toString(now, "yyyy-MM-dd dddd"))

    def _counters_text(self) -> str:
        counters = self._display.catalog.list_counters()
        return self.tr("%n counter(s) serving today", "", len(counters))

    def show_calls(self, calls: Sequence[CallRow]) -> None:
        """Show the latest calls, newest first; with none, invite people to wait."""
        self.call_model.set_rows(list(calls)[:VISIBLE_CALLS])
        self.empty_label.setVisible(not calls)
