"""The kiosk's full-screen window: the hall's name and one large button per queue category.

Touching a button emits ``category_chosen(prefix)``. Taking the ticket (取号) belongs to the
queue feature, which connects its handler to that signal and reports back with
``show_notice``; until then the kiosk says that ticketing is not available yet.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDateTime, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ui.kiosk.kiosk_style import KIOSK_STYLE

if TYPE_CHECKING:
    from clerk_app.api import StaffSession

BUTTON_COLUMNS = 3
#: Large enough to hit with a fingertip from a step away on a 1920×1080 touch screen.
BUTTON_MIN_HEIGHT = 150
NOTICE_MS = 6000


class KioskWindow(QWidget):
    category_chosen = Signal(str)

    def __init__(self, kiosk: StaffSession, hall_name: str, parent: QWidget | None = None) -> None:
        """``kiosk`` is the hall's kiosk actor (``hall.kiosk()``)."""
        super().__init__(parent)
        self._kiosk = kiosk
        self.setObjectName("KioskWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(KIOSK_STYLE)
        self.setWindowTitle(hall_name)

        hall_label = QLabel(hall_name)
        hall_label.setObjectName("KioskHallName")
        hall_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        prompt = QLabel(self.tr("Please touch the service you need to take a number"))
        prompt.setObjectName("KioskPrompt")
        prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.buttons: list[QPushButton] = []
        self._grid = QGridLayout()
        self._grid.setSpacing(28)

        self.notice_label = QLabel()
        self.notice_label.setObjectName("KioskNotice")
        self.notice_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._notice_timer = QTimer(self)
        self._notice_timer.setSingleShot(True)
        self._notice_timer.timeout.connect(self.notice_label.clear)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(80, 50, 80, 36)
        layout.setSpacing(24)
        layout.addWidget(hall_label)
        layout.addWidget(prompt)
        layout.addSpacing(20)
        layout.addLayout(self._grid, 1)
        layout.addWidget(self.notice_label)
        layout.addLayout(self._build_footer())

        self.category_chosen.connect(self.on_category_chosen)
        QShortcut(QKeySequence("Ctrl+Shift+Q"), self, self.close)
        self.set_categories(kiosk.catalog.list_categories())

    def _build_footer(self) -> QHBoxLayout:
        footer = QLabel(
            self.tr(
                "Priority service for the elderly, the disabled, servicemen and pregnant women: "
                "please ask the staff at the information desk."
            )
        )
        footer.setObjectName("KioskFooter")
        footer.setWordWrap(True)
        self.clock_label = QLabel()
        self.clock_label.setObjectName("KioskClock")
        self._clock = QTimer(self)
        self._clock.timeout.connect(self._tick)
        self._clock.start(1000)
        self._tick()
        row = QHBoxLayout()
        row.addWidget(footer, 1)
        row.addWidget(self.clock_label)
        return row

    def _tick(self) -> None:
        self.clock_label.setText(QDateTime.currentDateTime().toString("yyyy-MM-dd HH:mm"))

    def set_categories(self, categories: Sequence[Any]) -> None:
        """One button per ``CategoryInfo``, laid out in rows of ``BUTTON_COLUMNS``."""
        for button in self.buttons:
            self._grid.removeWidget(button)
            button.deleteLater()
        self.buttons = []
        for i, category in enumerate(categories):
            button = QPushButton(f"{category.prefix}  {category.name}")
            button.setObjectName("CategoryButton")
            button.setProperty("prefix", category.prefix)
            button.setMinimumHeight(BUTTON_MIN_HEIGHT)
            # A touch screen has no keyboard; a focus frame would look like a pre-selection.
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            button.clicked.connect(lambda _=False, p=category.prefix: self.category_chosen.emit(p))
            self._grid.addWidget(button, i // BUTTON_COLUMNS, i % BUTTON_COLUMNS)
            self.buttons.append(button)

    def show_notice(self, text: str) -> None:
        """A message for the applicant under the buttons, cleared after a few seconds."""
        self.notice_label.setText(text)
        self._notice_timer.start(NOTICE_MS)

    def on_category_chosen(self, prefix: str) -> None:
        # Placeholder until the queue feature takes the ticket; it disconnects this slot.
        self.show_notice(
            self.tr(
                "Taking a number for queue %1 is not available yet; please ask the staff."
            ).replace("%1", prefix)
        )
