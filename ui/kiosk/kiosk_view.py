"""Layout of the kiosk: hall name, category buttons, the optional steps, the ticket page.

Widgets only; ``KioskWindow`` fills them and reacts to them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui.kiosk.category_button import CategoryButton
from ui.kiosk.options_panel import OptionsPanel
from ui.kiosk.ticket_page import TicketPage

BUTTON_COLUMNS = 3


def _centred(text: str, name: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    return label


class KioskView(QWidget):
    def __init__(self, hall_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.buttons: list[CategoryButton] = []
        self.stack = QStackedWidget()
        self.choose_page = self._build_choose_page()
        self.ticket_page = TicketPage()
        self.stack.addWidget(self.choose_page)
        self.stack.addWidget(self.ticket_page)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(80, 40, 80, 30)
        layout.setSpacing(18)
        layout.addWidget(_centred(hall_name, "KioskHallName"))
        layout.addWidget(self.stack, 1)
        layout.addLayout(self._build_footer())

    def _build_choose_page(self) -> QWidget:
        page = QWidget()
        self._grid = QGridLayout()
        self._grid.setSpacing(28)
        self.options = OptionsPanel()
        self.notice_label = _centred("", "KioskNotice")
        self.error_label = _centred("", "KioskError")
        self.error_label.hide()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(20)
        layout.addWidget(
            _centred(self.tr("Please touch the service you need to take a number"), "KioskPrompt")
        )
        layout.addLayout(self._grid, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.options)
        layout.addWidget(self.notice_label)
        return page

    def _build_footer(self) -> QHBoxLayout:
        footer = QLabel(
            self.tr(
                "Priority service for the elderly, the disabled, servicemen and pregnant women: "
                "choose it above; the staff may ask for your certificate."
            )
        )
        footer.setObjectName("KioskFooter")
        footer.setWordWrap(True)
        self.clock_label = QLabel()
        self.clock_label.setObjectName("KioskClock")
        row = QHBoxLayout()
        row.addWidget(footer, 1)
        row.addWidget(self.clock_label)
        return row

    def set_categories(self, categories: Sequence[Any]) -> None:
        """One button per ``CategoryInfo``, laid out in rows of ``BUTTON_COLUMNS``."""
        for button in self.buttons:
            self._grid.removeWidget(button)
            button.deleteLater()
        self.buttons = []
        for i, category in enumerate(categories):
            button = CategoryButton(category.prefix, category.name)
            self._grid.addWidget(button, i // BUTTON_COLUMNS, i % BUTTON_COLUMNS)
            self.buttons.append(button)

    def button_for(self, prefix: str) -> CategoryButton | None:
        return next((b for b in self.buttons if b.prefix == prefix), None)
