"""Layout of the kiosk: hall name, category buttons, the optional steps, the ticket page.

Widgets only; ``KioskWindow`` fills them and reacts to them. ``apply_fit`` lays it out for the
monitor (``ui.common.public_screen``): three tiles a row on a landscape monitor, two on an
upright one, tiles of bounded height, the room left over below the steps.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui.common.public_screen import ScreenFit
from ui.kiosk.category_button import CategoryButton
from ui.kiosk.options_panel import OptionsPanel
from ui.kiosk.progress_page import ProgressPage
from ui.kiosk.ticket_page import TicketPage

BUTTON_COLUMNS = 3
BUTTON_COLUMNS_PORTRAIT = 2


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
        self.fit = ScreenFit(portrait=False, scale=1.0)
        self.stack = QStackedWidget()
        self.choose_page = self._build_choose_page()
        self.ticket_page = TicketPage()
        self.progress_page = ProgressPage()
        self.stack.addWidget(self.choose_page)
        self.stack.addWidget(self.ticket_page)
        self.stack.addWidget(self.progress_page)

        self._layout = QVBoxLayout(self)
        self._layout.addWidget(_centred(hall_name, "KioskHallName"))
        self._layout.addWidget(self.stack, 1)
        self._layout.addLayout(self._build_footer())
        self.apply_fit(self.fit)

    def apply_fit(self, fit: ScreenFit) -> None:
        """Lengths and columns for the monitor (the window restyles the fonts)."""
        relay = fit.portrait != self.fit.portrait
        self.fit = fit
        px = fit.px
        self._layout.setContentsMargins(px(80), px(40), px(80), px(30))
        self._layout.setSpacing(px(18))
        self._page_layout.setSpacing(px(20))
        self._grid.setSpacing(px(28))
        self.options.apply_fit(fit)
        self.ticket_page.apply_fit(fit)
        self.progress_page.apply_fit(fit)
        for button in self.buttons:
            button.apply_fit(fit)
        if relay:
            self._place_buttons()

    def columns(self) -> int:
        return BUTTON_COLUMNS_PORTRAIT if self.fit.portrait else BUTTON_COLUMNS

    def _build_choose_page(self) -> QWidget:
        page = QWidget()
        self._grid = QGridLayout()
        self._grid.setSpacing(28)
        self.options = OptionsPanel()
        self.notice_label = _centred("", "KioskNotice")
        self.error_label = _centred("", "KioskError")
        self.error_label.hide()
        self._page_layout = layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(
            _centred(self.tr("Please touch the service you need to take a number"), "KioskPrompt")
        )
        layout.addLayout(self._grid, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.options)
        layout.addWidget(self.notice_label)
        layout.addStretch(0)  # what the tiles at their highest leave over stays below
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
        # 市民之窗: a scanned receipt shows its case's progress (the scanner works from any page).
        self.progress_button = QPushButton(self.tr("Case progress"))
        self.progress_button.setObjectName("KioskProgressButton")
        self.progress_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        row = QHBoxLayout()
        row.addWidget(self.progress_button)
        row.addWidget(footer, 1)
        row.addWidget(self.clock_label)
        return row

    def set_categories(self, categories: Sequence[Any]) -> None:
        """One button per ``CategoryInfo``, laid out in rows of ``columns()``."""
        for button in self.buttons:
            self._grid.removeWidget(button)
            button.deleteLater()
        self.buttons = []
        for category in categories:
            button = CategoryButton(category.prefix, category.name)
            button.apply_fit(self.fit)
            self.buttons.append(button)
        self._place_buttons()

    def _place_buttons(self) -> None:
        columns = self.columns()
        for button in self.buttons:
            self._grid.removeWidget(button)
        for i, button in enumerate(self.buttons):
            self._grid.addWidget(button, i // columns, i % columns)
        for column in range(max(BUTTON_COLUMNS, BUTTON_COLUMNS_PORTRAIT)):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)

    def button_for(self, prefix: str) -> CategoryButton | None:
        return next((b for b in self.buttons if b.prefix == prefix), None)
