"""Layout of the hall display: name and clock, the latest call, who is served where, the queues.

Widgets only; ``HallDisplayWindow`` fills them. Left (upright monitor: above): the ticket in
service at each counter, newest first, in letters read from across the hall, a page at a time
when they do not all fit. Right (upright: below): the last calls and the waiting per category,
smaller. ``apply_fit`` lays it out for the monitor (``ui.common.public_screen``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStackedLayout,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.common.public_screen import ScreenFit
from ui.common.table_model import RowTableModel
from ui.display.call_banner import CallBanner
from ui.display.call_model import CallTableModel, RecentCallModel, WaitingModel

# Lengths of the 1920×1080 design; ``apply_fit`` scales them to the monitor.
ROW_HEIGHT = 96
SMALL_ROW_HEIGHT = 44
VISIBLE_RECENT = 5
# The small tables' column titles (26-pixel text and padding).
SMALL_HEADER_HEIGHT = 50
BANNER_HEIGHT = 116


def table(model: RowTableModel, row_height: int, small: bool = False) -> QTableView:
    view = QTableView()
    view.setModel(model)
    if small:
        view.setObjectName("SmallTable")
    view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(row_height)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    return view


def section(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("DisplaySection")
    return label


class DisplayView(QWidget):
    def __init__(self, hall_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.call_model = CallTableModel(self)
        self.recent_model = RecentCallModel(self)
        self.waiting_model = WaitingModel(self)
        self.banner = CallBanner()
        self.fit: ScreenFit | None = None
        rule = QFrame()
        rule.setObjectName("DisplayRule")
        self.footer_label = QLabel()
        self.footer_label.setObjectName("DisplayFooter")
        self.footer_label.setWordWrap(True)

        self.body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.body.addLayout(self._build_current(), 3)
        self.body.addLayout(self._build_side(), 2)

        self._layout = QVBoxLayout(self)
        self._layout.addLayout(self._build_top(hall_name))
        self._layout.addWidget(rule)
        self._layout.addWidget(self.banner)
        self._layout.addLayout(self.body, 1)
        self._layout.addWidget(self.footer_label)
        self.apply_fit(ScreenFit(portrait=False, scale=1.0))

    def apply_fit(self, fit: ScreenFit) -> None:
        """Lengths for the monitor (the window restyles the fonts); upright: calls on top."""
        self.fit = fit
        px = fit.px
        self._layout.setContentsMargins(px(60), px(24), px(60), px(20))
        self._layout.setSpacing(px(14))
        self.body.setSpacing(px(40))
        self.body.setDirection(
            QBoxLayout.Direction.TopToBottom if fit.portrait else QBoxLayout.Direction.LeftToRight
        )
        self.banner.setFixedHeight(px(BANNER_HEIGHT))
        self.call_view.verticalHeader().setDefaultSectionSize(px(ROW_HEIGHT))
        for view in (self.recent_view, self.waiting_view):
            view.verticalHeader().setDefaultSectionSize(px(SMALL_ROW_HEIGHT))
        header = self.recent_view.horizontalHeader()
        header.ensurePolished()  # the window restyled it for this fit just before
        titles = max(px(SMALL_HEADER_HEIGHT), header.sizeHint().height())
        self.recent_view.setFixedHeight(titles + VISIBLE_RECENT * px(SMALL_ROW_HEIGHT) + 2)
        self.waiting_view.setMinimumHeight(titles + 5 * px(SMALL_ROW_HEIGHT) + 2)

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
        top = QHBoxLayout()
        top.addWidget(name, 1)
        top.addLayout(time_box)
        return top

    def _build_current(self) -> QVBoxLayout:
        self.call_view = table(self.call_model, ROW_HEIGHT)
        self.empty_label = QLabel(self.tr("Please wait for your number to be called"))
        self.empty_label.setObjectName("DisplayEmpty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        calls_area = QWidget()
        # The invitation lies over the empty table so the column titles stay visible.
        stack = QStackedLayout(calls_area)
        stack.setStackingMode(QStackedLayout.StackingMode.StackAll)
        stack.addWidget(self.call_view)
        stack.addWidget(self.empty_label)
        stack.setCurrentWidget(self.empty_label)
        self.current_title = section(self.tr("Now serving"))
        column = QVBoxLayout()
        column.addWidget(self.current_title)
        column.addWidget(calls_area, 1)
        return column

    def _build_side(self) -> QVBoxLayout:
        self.recent_view = table(self.recent_model, SMALL_ROW_HEIGHT, small=True)
        self.waiting_view = table(self.waiting_model, SMALL_ROW_HEIGHT, small=True)
        header = self.waiting_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(WaitingModel.NAME, QHeaderView.ResizeMode.Stretch)
        column = QVBoxLayout()
        column.addWidget(section(self.tr("Recent calls")))
        column.addWidget(self.recent_view)
        column.addWidget(section(self.tr("Waiting")))
        column.addWidget(self.waiting_view, 1)
        return column
