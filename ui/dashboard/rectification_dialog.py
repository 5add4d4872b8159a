"""A bad review opened from its alert: the rating, where its rectification stands, the calls to
the applicant, and every step its state allows (the domain says which) taken from here."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clerk_app.domain.evaluation import (
    Level,
    RectificationAction,
    RectificationFacts,
    allowed_rectification_actions,
    level_label,
    may_record_follow_up,
    reason_label,
    rectification_state_label,
)
from clerk_app.errors import ClerkError
from clerk_app.hall_time import to_local
from clerk_app.services.evaluations.results import RectificationInfo
from clerk_app.services.evaluations.service import EvaluationService

_A = RectificationAction


def _facts(info: RectificationInfo) -> RectificationFacts:
    """What the domain needs to say which steps are open (the overdue sweep is not one of the
    dialog's steps, so the deadline is not asked about)."""
    return RectificationFacts(
        state=info.state,
        started=info.started_at is not None,
        contested_by=info.contested_by or None,
    )


class RectificationDialog(QDialog):
    """Each step calls one ``EvaluationService`` method on a key or button press; the core checks
    the text and the state, and a refusal is shown here with nothing changed."""

    def __init__(
        self,
        info: RectificationInfo,
        evaluations: EvaluationService,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Bad review: rectification"))
        self._evaluations = evaluations
        self.info = info
        form = QFormLayout()
        rating = info.evaluation
        reasons = "，".join(reason_label(r) for r in rating.reasons) or "—"
        for label, value in (
            (self.tr("Ticket"), rating.ticket_number),
            (self.tr("Window"), str(rating.counter_number)),
            (self.tr("Clerk"), rating.clerk_name or "—"),
            (self.tr("Rating"), level_label(rating.level)),
            (self.tr("Reasons"), reasons),
            (self.tr("Comment"), rating.comment or "—"),
            (self.tr("Deadline"), "—" if info.deadline is None else str(info.deadline)),
        ):
            field = QLabel(value)
            field.setWordWrap(True)
            form.addRow(label, field)
        self.state_label = QLabel()
        form.addRow(self.tr("State"), self.state_label)
        self.outcome_label = QLabel()
        self.outcome_label.setWordWrap(True)
        form.addRow(self.tr("Outcome"), self.outcome_label)

        self.callbacks_list = QListWidget()
        self.callbacks_list.setMaximumHeight(110)
        form.addRow(self.tr("Calls"), self.callbacks_list)

        self.note_edit = QPlainTextEdit()
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setMaximumHeight(70)
        self.note_edit.setPlaceholderText(
            self.tr("Measures taken, or the reason (cannot rectify, contest, decision)")
        )
        note_label = QLabel(self.tr("Measures or reaso&n:"))
        note_label.setBuddy(self.note_edit)
        form.addRow(note_label, self.note_edit)

        self.step_buttons: dict[RectificationAction, QPushButton] = {}
        steps = QHBoxLayout()
        for action, text, run in (
            (_A.START, self.tr("&Start rectification"), self._start),
            (_A.RESOLVE, self.tr("Mark &rectified"), self._resolve),
            (_A.MARK_UNABLE, self.tr("Cannot rectif&y"), self._mark_unable),
            (_A.CONTEST, self.tr("C&ontest as invalid"), self._contest),
            (_A.APPROVE_CONTEST, self.tr("&Approve contest"), self._approve),
            (_A.REJECT_CONTEST, self.tr("Re&ject contest"), self._reject),
        ):
            button = QPushButton(text)
            button.clicked.connect(run)
            steps.addWidget(button)
            self.step_buttons[action] = button
        self.start_button = self.step_buttons[_A.START]

        self.call_edit = QLineEdit()
        self.call_edit.setPlaceholderText(self.tr("What was said on the call"))
        self.call_edit.returnPressed.connect(self.add_callback)
        self.reached_box = QCheckBox(self.tr("Applicant r&eached"))
        self.reached_box.setChecked(True)
        self.call_button = QPushButton(self.tr("&Log call"))
        self.call_button.clicked.connect(self.add_callback)
        call_row = QHBoxLayout()
        call_row.addWidget(self.call_edit, 1)
        call_row.addWidget(self.reached_box)
        call_row.addWidget(self.call_button)
        call_label = QLabel(self.tr("Call su&mmary:"))
        call_label.setBuddy(self.call_edit)
        form.addRow(call_label, call_row)

        self.follow_up_combo = QComboBox()
        for level in Level:
            self.follow_up_combo.addItem(level_label(level), int(level))
        self.follow_up_button = QPushButton(self.tr("Record &follow-up"))
        self.follow_up_button.clicked.connect(self.record_follow_up)
        follow_row = QHBoxLayout()
        follow_row.addWidget(self.follow_up_combo, 1)
        follow_row.addWidget(self.follow_up_button)
        follow_label = QLabel(self.tr("Follow-up ra&ting:"))
        follow_label.setBuddy(self.follow_up_combo)
        form.addRow(follow_label, follow_row)

        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(steps)
        layout.addWidget(self.message_label)
        layout.addWidget(buttons)
        # Enter presses the focused button only: in a text field it never takes a step by
        # surprise (in the call summary it logs the call); Esc closes.
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
        self._show_state()

    # --- the steps ---------------------------------------------------------------------------
    def _start(self) -> None:
        self._run(lambda: self._evaluations.start_rectification(self.info.id))

    def _resolve(self) -> None:
        self._run(lambda: self._evaluations.resolve_rectification(self.info.id, self._note()))

    def _mark_unable(self) -> None:
        self._run(lambda: self._evaluations.mark_unable(self.info.id, self._note()))

    def _contest(self) -> None:
        self._run(lambda: self._evaluations.contest(self.info.id, self._note()))

    def _approve(self) -> None:
        self._run(lambda: self._evaluations.approve_contest(self.info.id, self._note()))

    def _reject(self) -> None:
        self._run(lambda: self._evaluations.reject_contest(self.info.id, self._note()))

    def add_callback(self) -> None:
        if self._run(
            lambda: self._evaluations.add_callback(
                self.info.id, self.call_edit.text(), reached=self.reached_box.isChecked()
            ),
            clear_note=False,
        ):
            self.call_edit.clear()

    def record_follow_up(self) -> None:
        level = int(self.follow_up_combo.currentData())
        self._run(lambda: self._evaluations.record_follow_up(self.info.id, level))

    def _note(self) -> str:
        return self.note_edit.toPlainText()

    def _run(self, step: Callable[[], RectificationInfo], *, clear_note: bool = True) -> bool:
        """One step; on the core's refusal its message shows and the fields keep their text."""
        try:
            info = step()
        except ClerkError as error:
            self.message_label.setText(str(error))
            return False
        self.info = info
        self.message_label.clear()
        if clear_note:
            self.note_edit.clear()
        self._show_state()
        return True

    # --- showing -----------------------------------------------------------------------------
    def _show_state(self) -> None:
        info = self.info
        self.state_label.setText(rectification_state_label(info.state))
        outcome = [info.resolution] if info.resolution else []
        if info.contest_reason:
            outcome.append(self.tr("Contested: %1").replace("%1", info.contest_reason))
        if info.contest_note:
            outcome.append(self.tr("Decision: %1").replace("%1", info.contest_note))
        if info.follow_up_level is not None:
            outcome.append(
                self.tr("Follow-up rating: %1").replace("%1", level_label(info.follow_up_level))
            )
        self.outcome_label.setText("\n".join(outcome) or "—")
        self.callbacks_list.clear()
        for call in info.callbacks:
            reached = self.tr("reached") if call.reached else self.tr("not reached")
            when = to_local(call.called_at).strftime("%Y-%m-%d %H:%M")
            self.callbacks_list.addItem(
                f"{when}  {call.caller_name or call.caller}（{reached}）：{call.summary}"
            )
        allowed = allowed_rectification_actions(_facts(info), self._evaluations.actor.username)
        for action, button in self.step_buttons.items():
            button.setEnabled(action in allowed)
        may_follow_up = may_record_follow_up(info.state, info.follow_up_level is not None)
        self.follow_up_combo.setEnabled(may_follow_up)
        self.follow_up_button.setEnabled(may_follow_up)
