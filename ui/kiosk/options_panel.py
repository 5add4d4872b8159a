"""The kiosk's optional steps before a category is touched: real name, priority, appointment.

Widgets only; ``KioskWindow`` reacts to them. The ID entry keeps the keyboard focus so that a
barcode scanner (a keyboard wedge: it types the code, then Enter) always lands there.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.common.public_screen import ScreenFit

#: A resident ID or USCC: 18 letters and digits (full-width ones are folded by the core).
_ID_PATTERN = r"[0-9A-Za-z]{0,18}"
_CODE_PATTERN = r"[0-9A-Za-z\-]{0,32}"
PRIORITIES = ("elderly", "disabled", "military", "pregnant")


def _card(title: str) -> tuple[QFrame, QVBoxLayout]:
    card = QFrame()
    card.setObjectName("KioskCard")
    layout = QVBoxLayout(card)
    layout.setContentsMargins(20, 14, 20, 16)
    layout.setSpacing(10)
    label = QLabel(title)
    label.setObjectName("CardTitle")
    layout.addWidget(label)
    return card, layout


def _entry(placeholder: str, pattern: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName("KioskEntry")
    edit.setPlaceholderText(placeholder)
    edit.setValidator(QRegularExpressionValidator(pattern, edit))
    return edit


def _button(text: str, name: str = "KioskAction") -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    # Touching a button must not take the focus away from the ID entry.
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return button


class OptionsPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(24)
        self._layout.addWidget(self._build_real_name(), 3)
        self._layout.addWidget(self._build_check_in(), 2)

    def apply_fit(self, fit: ScreenFit) -> None:
        """Side by side on a landscape monitor, one above the other on an upright one."""
        px = fit.px
        self._layout.setDirection(
            QBoxLayout.Direction.TopToBottom if fit.portrait else QBoxLayout.Direction.LeftToRight
        )
        self._layout.setSpacing(px(24))
        for card in self.findChildren(QFrame, "KioskCard"):
            layout = card.layout()
            assert layout is not None  # each card is built with its layout (_card)
            layout.setContentsMargins(px(20), px(14), px(20), px(16))
            layout.setSpacing(px(10))

    def _build_real_name(self) -> QFrame:
        card, layout = _card(self.tr("Real-name ticket and priority (optional)"))
        self.id_edit = _entry(
            self.tr("Scan or type your ID card number or credit code"), _ID_PATTERN
        )
        self.clear_id_button = _button(self.tr("Clear"))
        row = QHBoxLayout()
        row.addWidget(self.id_edit, 1)
        row.addWidget(self.clear_id_button)
        self.real_name_status = QLabel(self.tr("Without an ID you get an anonymous ticket."))
        self.real_name_status.setObjectName("RealNameStatus")
        labels = {
            "elderly": self.tr("Elderly"),
            "disabled": self.tr("Disabled", "priority: a person with a disability"),
            "military": self.tr("Military"),
            "pregnant": self.tr("Pregnant"),
        }
        self.priority_buttons: dict[str, QPushButton] = {}
        priorities = QHBoxLayout()
        priorities.setSpacing(12)
        for key in PRIORITIES:
            button = _button(labels[key], "KioskOption")
            button.setCheckable(True)
            self.priority_buttons[key] = button
            priorities.addWidget(button)
        priorities.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.real_name_status)
        layout.addLayout(priorities)
        return card

    def _build_check_in(self) -> QFrame:
        card, layout = _card(self.tr("Appointment check-in"))
        self.code_edit = _entry(self.tr("Appointment code"), _CODE_PATTERN)
        self.check_in_button = _button(self.tr("Check in"))
        row = QHBoxLayout()
        row.addWidget(self.code_edit, 1)
        row.addWidget(self.check_in_button)
        hint = QLabel(self.tr("Booked online? Enter or scan the code to join the queue."))
        hint.setObjectName("RealNameStatus")
        hint.setWordWrap(True)
        layout.addLayout(row)
        layout.addWidget(hint)
        layout.addStretch(1)
        return card

    def chosen_priority(self) -> str:
        """The checked priority class, or "normal"."""
        return next((k for k, b in self.priority_buttons.items() if b.isChecked()), "normal")

    def choose_priority(self, key: str) -> None:
        """Check ``key`` (touched again: uncheck it); at most one priority at a time."""
        for other, button in self.priority_buttons.items():
            if other != key:
                button.setChecked(False)

    def reset(self) -> None:
        """Back to an anonymous, normal ticket after each ticket."""
        self.id_edit.clear()
        self.code_edit.clear()
        for button in self.priority_buttons.values():
            button.setChecked(False)
