"""Layout of the reviewer's inbox: the department's tasks, the four actions with their keys,
and one line for what happened. Widgets only; ``ReviewScreen`` fills them and reacts."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.common.widgets import Panel, ScreenHeader, read_only_table, show_message
from ui.review.task_model import TaskModel

# Free in the staff window: its menu holds Ctrl+R, Ctrl+L, Ctrl+Q and Alt+S (&Session).
TAKE_KEYS = "Alt+T"
APPROVE_KEYS = "Alt+A"
DENY_KEYS = "Alt+D"
RETURN_KEYS = "Alt+U"
DECIDED_KEYS = "Alt+H"


class ReviewView(QWidget):
    def __init__(self, hall_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.header = ScreenHeader(self.tr("Department tasks (parallel approval)"), hall_name)
        self.department_badge = self.header.add_badge("")
        self.user_badge = self.header.add_badge("")
        self.model = TaskModel(self)
        self.table = read_only_table()
        self.table.setModel(self.model)  # the core's order: due first
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(TaskModel.ITEM, QHeaderView.ResizeMode.ResizeToContents)
        self.take_button = self._button(
            self.tr("Take (Alt+T)"), self.tr("Take the task into your work"), TAKE_KEYS
        )
        self.approve_button = self._button(
            self.tr("Approve (Alt+A)"), self.tr("Approve the department's part"), APPROVE_KEYS
        )
        self.deny_button = self._button(
            self.tr("Deny… (Alt+D)"), self.tr("Deny, with the reason and legal basis"), DENY_KEYS
        )
        self.return_button = self._button(
            self.tr("Return for supplement… (Alt+U)"),
            self.tr("Ask the applicant for what is missing, at the window"),
            RETURN_KEYS,
        )
        self.decided_check = QCheckBox(self.tr("Show decided tasks (Alt+H)"))
        self.empty_label = QLabel(self.tr("No task is waiting for your department."))
        self.empty_label.setObjectName("Placeholder")
        self.message_label = QLabel()
        self.message_label.setObjectName("InfoText")
        self.message_label.setWordWrap(True)
        self.updated_label = QLabel()
        self.updated_label.setObjectName("Placeholder")

        actions = QHBoxLayout()
        for button in (self.take_button, self.approve_button, self.deny_button):
            actions.addWidget(button)
        actions.addWidget(self.return_button)
        actions.addStretch(1)
        actions.addWidget(self.decided_check)
        panel = Panel(self.tr("Inbox"))
        panel.body.addWidget(self.table, 1)
        panel.body.addWidget(self.empty_label)
        panel.body.addWidget(self.message_label)
        panel.body.addLayout(actions)
        panel.body.addWidget(self.updated_label)
        body = QVBoxLayout()
        body.setContentsMargins(16, 14, 16, 16)
        body.addWidget(panel, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addLayout(body, 1)

    def _button(self, text: str, tip: str, keys: str) -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(f"{tip} ({keys})")
        return button

    def show_message(self, text: str, *, error: bool = False) -> None:
        show_message(self.message_label, text, error=error)
