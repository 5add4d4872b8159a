"""Table adapter over a reviewer's department tasks (``journey.results.TaskInfo``), in the
core's order (due first), each row red or yellow as the dashboard paints its deadline cards."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from clerk_app.domain.task_states import task_state_label
from clerk_app.services.journey.results import TaskInfo
from ui.common.table_model import Index, RowTableModel
from ui.dashboard.alert_model import RED_BACKGROUND, YELLOW_BACKGROUND

_BACKGROUNDS = {"red": RED_BACKGROUND, "yellow": YELLOW_BACKGROUND}  # DeadlineWarning values
_INK = QColor("#1f2329")  # readable on both backgrounds, as on the dashboard


class TaskModel(RowTableModel):
    """Rows are ``TaskInfo``; ``row_of(case_no)`` finds a task again after a refresh."""

    CASE_NO, ITEM, APPLICANT, STATE, DUE, DAYS_LEFT, NOTE = range(7)
    CENTERED = frozenset({STATE, DUE})
    RIGHT_ALIGNED = frozenset({DAYS_LEFT})

    def headers(self) -> list[str]:
        return [
            self.tr("Case number"),
            self.tr("Item"),
            self.tr("Applicant"),
            self.tr("State"),
            self.tr("Due date"),
            self.tr("Working days left"),
            self.tr("Note"),
        ]

    def display(self, row: Any, column: int) -> str:
        task: TaskInfo = row
        if column == self.CASE_NO:
            return task.case_no
        if column == self.ITEM:
            return task.item_name
        if column == self.APPLICANT:
            return task.applicant  # masked by the core
        if column == self.STATE:
            return task_state_label(task.state)  # the core's word, in the user's language
        if column == self.DUE:
            return task.due_date.isoformat()
        if column == self.DAYS_LEFT:
            return self.days_text(task)
        if column == self.NOTE:
            return task.reason
        return ""

    def days_text(self, task: TaskInfo) -> str:
        if task.warning == "calendar_missing":
            return self.tr("Calendar not entered")
        if task.days_left is None:
            return "—"
        if task.days_left < 0:
            return self.tr("%1 overdue").replace("%1", str(-task.days_left))
        return str(task.days_left)

    def row_of(self, case_no: str) -> int | None:
        return next((i for i, t in enumerate(self._rows) if t.case_no == case_no), None)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            colour = _BACKGROUNDS.get(self.row_at(index).warning)
            if colour is None:
                return None
            return QBrush(colour if role == Qt.ItemDataRole.BackgroundRole else _INK)
        return super().data(index, role)
