"""The department reviewer's inbox (并联审批): the department's tasks, due first, each with its
due date, working days left and red/yellow card; take, approve, deny and return for a
supplement by keyboard.

The inbox (``journey.inbox``) is polled on a worker (``ui.common.polling``). An action is one
short transaction on the GUI thread, as the dashboard's are, and always passes the version of
the task the reviewer sees: a task changed meanwhile — taken or decided by someone else — is
refused by the core with its own sentence, shown here, and nothing changes. Who may act on
which task is the core's check; the buttons only follow the task's state.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from clerk_app.domain.task_states import TaskEvent, TaskState, task_state_label
from clerk_app.errors import ClerkError
from clerk_app.services.journey.results import TaskInfo
from ui.common.labels import role_label
from ui.common.polling import Poller
from ui.review.reason_dialog import DenyDialog, ReasonDialog, SupplementDialog
from ui.review.review_view import (
    APPROVE_KEYS,
    DECIDED_KEYS,
    DENY_KEYS,
    RETURN_KEYS,
    TAKE_KEYS,
    ReviewView,
)

if TYPE_CHECKING:
    from clerk_app.api import StaffSession

# A task pushed at a window shows in the inbox within this; an inbox is not a queue board.
POLL_MS = 2000

# The state an action needs (the domain's machine: take a pending task, decide a taken one).
_NEEDS = {
    TaskEvent.TAKE: TaskState.PENDING,
    TaskEvent.APPROVE: TaskState.TAKEN,
    TaskEvent.DENY: TaskState.TAKEN,
    TaskEvent.RETURN: TaskState.TAKEN,
}


class ReviewScreen(QWidget):
    def __init__(self, session: StaffSession, hall_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self._selected: str | None = None  # the case number, kept across reads
        self._generation = 0  # bumped by each action: a read begun before it is dropped
        self._include_decided = False  # read by the worker: it may not touch the check box
        self.dialog: ReasonDialog | None = None  # the one opened last
        self.view = ReviewView(hall_name)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        actor = session.actor
        self.view.user_badge.setText(f"{actor.display_name} · {role_label(actor.role)}")
        self.model = self.view.model
        view = self.view
        self._buttons: dict[TaskEvent, QPushButton] = {
            TaskEvent.TAKE: view.take_button,
            TaskEvent.APPROVE: view.approve_button,
            TaskEvent.DENY: view.deny_button,
            TaskEvent.RETURN: view.return_button,
        }
        view.take_button.clicked.connect(self.take)
        view.approve_button.clicked.connect(self.approve)
        view.deny_button.clicked.connect(self.deny)
        view.return_button.clicked.connect(self.return_for_supplement)
        for keys, button in (
            (TAKE_KEYS, view.take_button),
            (APPROVE_KEYS, view.approve_button),
            (DENY_KEYS, view.deny_button),
            (RETURN_KEYS, view.return_button),
            (DECIDED_KEYS, view.decided_check),
        ):
            QShortcut(QKeySequence(keys), self, button.click)
        view.decided_check.toggled.connect(self._on_decided_toggled)
        view.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.poller = Poller(self._fetch, self.on_tasks, POLL_MS, self)
        self.reload()

    # --- reading ---------------------------------------------------------------------------
    def reload(self) -> None:
        self._generation += 1
        self._update_actions()
        self.poller.start()
        self.view.table.setFocus()

    def _on_decided_toggled(self, on: bool) -> None:
        self._include_decided = on
        self._refresh()

    def shutdown(self) -> None:
        self.poller.stop()

    def _fetch(self) -> tuple[int, list[TaskInfo]]:
        """On a worker: the inbox, tagged with the generation it was asked in."""
        generation = self._generation
        wanted = self._include_decided
        return generation, self._session.journey.inbox(include_decided=wanted)

    def on_tasks(self, read: tuple[int, list[TaskInfo]]) -> None:
        generation, tasks = read
        if generation != self._generation:
            self.poller.poll_now()  # read before the last action: read again
            return
        now = self._session.hall_now()
        self.view.updated_label.setText(
            self.tr("Updated %1 (hall time)").replace("%1", now.strftime("%Y-%m-%d %H:%M:%S"))
        )
        if tasks:
            self.view.department_badge.setText(tasks[0].department_name)
        self.view.empty_label.setVisible(not tasks)
        if tuple(self.model.rows()) == tuple(tasks):
            return  # unchanged: no reset, the reviewer's place stays as it is
        selected = self._selected
        self.model.set_rows(tasks)
        row = None if selected is None else self.model.row_of(selected)
        if row is None and tasks:
            row = 0
        if row is not None:
            self.select_row(row)
        self._update_actions()

    def select_row(self, row: int) -> None:
        table = self.view.table
        index = self.model.index(row, 0)
        table.setCurrentIndex(index)
        table.selectRow(row)

    def select_case(self, case_no: str) -> bool:
        row = self.model.row_of(case_no)
        if row is not None:
            self.select_row(row)
        return row is not None

    def selected_task(self) -> TaskInfo | None:
        row = None if self._selected is None else self.model.row_of(self._selected)
        return None if row is None else self.model.rows()[row]

    def _on_selection(self) -> None:
        rows = self.view.table.selectionModel().selectedRows()
        self._selected = self.model.rows()[rows[0].row()].case_no if rows else None
        self._update_actions()

    def _update_actions(self) -> None:
        task = self.selected_task()
        for event, button in self._buttons.items():
            button.setEnabled(task is not None and task.state is _NEEDS[event])

    # --- the actions -----------------------------------------------------------------------
    def take(self) -> None:
        self._act(lambda t: self._session.journey.take(t.case_no, t.version))

    def approve(self) -> None:
        self._act(lambda t: self._session.journey.approve(t.case_no, t.version))

    def deny(self) -> None:
        task = self.selected_task()
        if task is not None:
            journey = self._session.journey
            self._open(
                DenyDialog(
                    task,
                    lambda reason, basis: journey.deny(task.case_no, task.version, reason, basis),
                    self,
                )
            )

    def return_for_supplement(self) -> None:
        task = self.selected_task()
        if task is not None:
            journey = self._session.journey
            self._open(
                SupplementDialog(
                    task,
                    lambda what: journey.return_for_supplement(task.case_no, task.version, what),
                    self,
                )
            )

    def _act(self, call: Callable[[TaskInfo], TaskInfo]) -> None:
        task = self.selected_task()
        if task is None:
            return
        try:
            done = call(task)
        except ClerkError as error:
            self.view.show_message(str(error), error=True)
            self._refresh()
            return
        self._done(done)

    def _open(self, dialog: ReasonDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self._dialog_closed(dialog))
        self.dialog = dialog
        dialog.open()

    def _dialog_closed(self, dialog: ReasonDialog) -> None:
        if dialog.result_task is not None:
            self._done(dialog.result_task)
        else:
            self._refresh()  # cancelled, perhaps after the core refused a stale task
        self.view.table.setFocus()

    def _done(self, task: TaskInfo) -> None:
        text = self.tr("Case %1: %2.").replace("%1", task.case_no)
        self.view.show_message(text.replace("%2", task_state_label(task.state)))
        self._selected = task.case_no
        self._refresh()

    def _refresh(self) -> None:
        """Read the inbox again now; whatever was being read before is dropped."""
        self._generation += 1
        self.poller.poll_now()
