"""Layout of the counter's current-ticket panel: the ticket in service and the queue keys.

Each queue button is labelled with its function key, so the shortcuts are documented where
the clerk looks; ``QueueDesk`` binds the keys and fills the labels.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QWidget

from ui.common.widgets import Panel, placeholder, show_message

#: The function keys of the queue actions (叫号 F1 … 办结 F6, 指定叫号 F7) and of 验真 (F8).
CALL_NEXT_KEY, RECALL_KEY, NO_SHOW_KEY, TRANSFER_KEY, PAUSE_KEY, FINISH_KEY, CALL_TICKET_KEY = (
    "F1",
    "F2",
    "F3",
    "F4",
    "F5",
    "F6",
    "F7",
)
VERIFY_KEY = "F8"
#: Puts the cursor in 调取办件 (open a case by its number) from wherever it is.
OPEN_CASE_KEY = "F9"
#: Opens 出件: a decided case group's result collected or mailed (``ui.handover``).
HANDOVER_KEY = "F10"

#: Queue keys are hit many times an hour: never squeezed below this height (pixels).
BUTTON_HEIGHT = 34


def key_label(key: str, text: str) -> str:
    """A button's text with its key first: "F1  叫号"."""
    return f"{key}  {text}"


class TicketPanel(Panel):
    """Widgets only: the number, facts about the ticket, a message line and the buttons."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Current ticket"), parent)
        self.ticket_label = QLabel("—")
        self.ticket_label.setObjectName("BigNumber")
        self.ticket_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.ticket_status = placeholder(self.tr("No ticket called yet"))
        self.ticket_facts = QLabel()
        self.ticket_facts.setObjectName("TicketFacts")
        self.ticket_facts.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message_label.hide()

        self.call_next_button = self._button(CALL_NEXT_KEY, self.tr("Call next"))
        self.call_next_button.setObjectName("PrimaryButton")
        self.recall_button = self._button(RECALL_KEY, self.tr("Recall"))
        self.no_show_button = self._button(NO_SHOW_KEY, self.tr("No-show"))
        self.transfer_button = self._button(TRANSFER_KEY, self.tr("Transfer"))
        self.pause_button = self._button(PAUSE_KEY, self.tr("Pause"))
        self.finish_button = self._button(FINISH_KEY, self.tr("Finish"))
        self.call_ticket_button = self._button(CALL_TICKET_KEY, self.tr("Call number"))
        self.release_button = QPushButton(self.tr("Back to queue"))
        self.release_button.setMinimumHeight(BUTTON_HEIGHT)
        self.release_button.setObjectName("QueueKey")
        self.verify_button = self._button(VERIFY_KEY, self.tr("Verify a document"))
        self.handover_button = self._button(HANDOVER_KEY, self.tr("Result to window"))
        # Three rows of three: the most used keys on top, all visible on a 768-pixel screen;
        # below them 验真 (F8) and 出件 (F10), which are not queue actions.
        grid = QGridLayout()
        grid.setSpacing(6)
        grid.addWidget(self.call_next_button, 0, 0, 1, 2)
        grid.addWidget(self.finish_button, 0, 2)
        grid.addWidget(self.recall_button, 1, 0)
        grid.addWidget(self.no_show_button, 1, 1)
        grid.addWidget(self.transfer_button, 1, 2)
        grid.addWidget(self.pause_button, 2, 0)
        grid.addWidget(self.call_ticket_button, 2, 1)
        grid.addWidget(self.release_button, 2, 2)
        grid.addWidget(self.verify_button, 3, 0, 1, 2)
        grid.addWidget(self.handover_button, 3, 2)
        for column in range(3):
            grid.setColumnStretch(column, 1)
        self.body.addWidget(self.ticket_label)
        self.body.addWidget(self.ticket_status)
        self.body.addWidget(self.ticket_facts)
        self.body.addWidget(self.message_label)
        self.body.addLayout(grid)

    @staticmethod
    def _button(key: str, text: str) -> QPushButton:
        button = QPushButton(key_label(key, text))
        button.setToolTip(key)
        button.setMinimumHeight(BUTTON_HEIGHT)
        button.setObjectName("QueueKey")
        return button

    def buttons(self) -> list[QPushButton]:
        return [
            self.call_next_button,
            self.recall_button,
            self.no_show_button,
            self.transfer_button,
            self.pause_button,
            self.finish_button,
            self.call_ticket_button,
            self.release_button,
            self.verify_button,
            self.handover_button,
        ]

    def serving_buttons(self) -> list[QPushButton]:
        """The buttons that act on the ticket in service; disabled while there is none."""
        return [
            self.recall_button,
            self.no_show_button,
            self.transfer_button,
            self.finish_button,
            self.release_button,
        ]

    def show_message(self, text: str, *, error: bool = False) -> None:
        """One line under the ticket: a refusal in red, or what the last key did."""
        show_message(self.message_label, text, error=error)
        self.message_label.setVisible(bool(text))

    def message(self) -> str:
        return "" if self.message_label.isHidden() else self.message_label.text()
