"""The kiosk page shown after a ticket is taken: the number, people ahead, the wait, printing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clerk_app.services.queue.results import TicketInfo
from ui.common.public_screen import ScreenFit
from ui.common.widgets import restyle


def _label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    return label


class TicketPage(QWidget):
    """Widgets only: ``show_ticket`` fills them, ``show_printing``/``show_print_failed`` follow."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.card = card = QFrame()
        card.setObjectName("TicketCard")
        self.caption_label = _label("TicketCaption")
        self.number_label = _label("TicketNumber")
        self.category_label = _label("TicketCategory")
        self.facts_label = _label("TicketFacts")
        self.print_label = _label("TicketPrinting")
        self.done_button = QPushButton(self.tr("Done"))
        self.done_button.setObjectName("TicketDone")
        self.reprint_button = QPushButton(self.tr("Print again"))
        self.reprint_button.setObjectName("TicketReprint")
        for button in (self.done_button, self.reprint_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.reprint_button)
        buttons.addWidget(self.done_button)
        buttons.addStretch(1)

        self._inner = inner = QVBoxLayout(card)
        for label in (self.caption_label, self.number_label, self.category_label):
            inner.addWidget(label)
        inner.addWidget(self.facts_label)
        inner.addWidget(self.print_label)
        inner.addSpacing(10)
        inner.addLayout(buttons)

        layout = QHBoxLayout(self)
        layout.addStretch(1)
        # At its own height, centred: an upright screen must not stretch it into empty white.
        layout.addWidget(card, 3, Qt.AlignmentFlag.AlignVCenter)
        layout.addStretch(1)
        self.apply_fit(ScreenFit(portrait=False, scale=1.0))

    def apply_fit(self, fit: ScreenFit) -> None:
        px = fit.px
        self.card.setMinimumWidth(px(900))
        self._inner.setContentsMargins(px(48), px(36), px(48), px(36))
        self._inner.setSpacing(px(14))

    def show_ticket(self, ticket: TicketInfo, priority: str = "") -> None:
        self.caption_label.setText(self.tr("Your number"))
        self.number_label.setText(ticket.number)
        category = ticket.category_name
        self.category_label.setText(f"{category} · {priority}" if priority else category)
        if ticket.wait_minutes is None:  # no counter open serves it: no minutes promised
            facts = self.tr("%1 ahead of you · no counter open now")
        else:
            facts = self.tr("%1 ahead of you · about %2 min").replace(
                "%2", str(ticket.wait_minutes)
            )
        self.facts_label.setText(facts.replace("%1", str(ticket.ahead)))
        self.show_printing()

    def show_printing(self) -> None:
        restyle(self.print_label, "TicketPrinting")
        self.print_label.setText(self.tr("Your ticket is being printed; please take it below."))
        self.reprint_button.hide()

    def show_printed(self) -> None:
        self.print_label.setText(self.tr("Please take your ticket and watch the hall display."))

    def show_print_failed(self, message: str) -> None:
        text = self.tr("The ticket did not print: %1 Please note your number.")
        restyle(self.print_label, "TicketPrintFailed")
        self.print_label.setText(text.replace("%1", message))
        self.reprint_button.show()
