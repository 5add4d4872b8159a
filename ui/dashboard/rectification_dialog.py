"""A bad review opened from its alert: the rating, where its rectification stands, and the
first step (待整改 → 整改中) taken from here; later steps need the rectification screen."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clerk_app.domain.evaluation import (
    RectificationState,
    level_label,
    reason_label,
    rectification_state_label,
)
from clerk_app.errors import ClerkError
from clerk_app.services.evaluations.results import RectificationInfo


class RectificationDialog(QDialog):
    """``start(id)`` is ``EvaluationService.start_rectification``; it runs on a button press."""

    def __init__(
        self,
        info: RectificationInfo,
        start: Callable[[int], RectificationInfo],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Bad review: rectification"))
        self._start = start
        self.info = info
        form = QFormLayout()
        rating = info.evaluation
        reasons = "，".join(reason_label(r) for r in rating.reasons) or "—"
        self.state_label = QLabel()
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
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
        form.addRow(self.tr("State"), self.state_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.start_button = QPushButton(self.tr("Start rectification"))
        buttons.addButton(self.start_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.start_button.clicked.connect(self.start)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message_label)
        layout.addWidget(buttons)
        self._show_state()

    def start(self) -> None:
        try:
            self.info = self._start(self.info.id)
        except ClerkError as error:
            self.message_label.setText(str(error))
            return
        self._show_state()

    def _show_state(self) -> None:
        self.state_label.setText(rectification_state_label(self.info.state))
        self.start_button.setEnabled(self.info.state is RectificationState.PENDING)
