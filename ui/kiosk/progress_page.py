"""The kiosk's 办件进度 page (市民之窗): what a scanned receipt's case has come to, in large type.

Widgets only; ``KioskWindow`` fills them (``show_progress``, ``show_refusal``) and returns to the
ticket screen. The scan entry keeps the focus so a hand scanner (a keyboard wedge: the code,
then Enter) lands there; the page shows the applicant's masked name and nothing else personal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.common.public_screen import ScreenFit
from ui.counter.scan_filter import scan_field

if TYPE_CHECKING:  # the journey's services load at the first scan, not with the kiosk
    from clerk_app.services.journey.progress import CaseProgress, CaseStep

# No printed code is longer (``services.journey.progress.MAX_SCAN_LENGTH``).
MAX_SCAN = 200


def _label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    return label


class ProgressPage(QWidget):
    """``scan_edit`` takes the scanner's text; ``back_button`` returns to the ticket screen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.card = card = QFrame()
        card.setObjectName("ProgressCard")
        self.title_label = _label("ProgressTitle")
        self.title_label.setText(self.tr("Case progress"))
        self.prompt_label = _label("ProgressPrompt")
        self.scan_edit = QLineEdit()
        self.scan_edit.setObjectName("KioskEntry")
        self.scan_edit.setMaxLength(MAX_SCAN)
        self.scan_edit.setPlaceholderText(self.tr("Scan the QR code on your receipt"))
        scan_field(self.scan_edit)  # a Chinese input method must not compose a scanner's keys
        self.error_label = _label("ProgressError")
        self.applicant_label = _label("ProgressFacts")
        self.cases_label = _label("ProgressCases")
        self.due_label = _label("ProgressDue")
        self.owed_label = _label("ProgressFacts")
        self.collect_label = _label("ProgressFacts")
        self.back_button = QPushButton(self.tr("Back"))
        self.back_button.setObjectName("TicketDone")
        self.back_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scanner keeps the focus
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)

        self._inner = inner = QVBoxLayout(card)
        inner.addWidget(self.title_label)
        inner.addWidget(self.prompt_label)
        inner.addWidget(self.scan_edit)
        inner.addWidget(self.error_label)
        for label in (
            self.applicant_label,
            self.cases_label,
            self.due_label,
            self.owed_label,
            self.collect_label,
        ):
            inner.addWidget(label)
        inner.addStretch(1)
        inner.addLayout(buttons)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addStretch(1)
        layout.addWidget(card, 6)
        layout.addStretch(1)
        self.apply_fit(ScreenFit(portrait=False, scale=1.0))
        self.clear()

    def apply_fit(self, fit: ScreenFit) -> None:
        px = fit.px
        self._inner.setContentsMargins(px(40), px(24), px(40), px(24))
        self._inner.setSpacing(px(10))

    # --- what the page says ----------------------------------------------------------------
    def clear(self) -> None:
        """Ready for a scan; nothing of the previous applicant stays on screen."""
        self.prompt_label.setText(
            self.tr("Hold the QR code of your acceptance receipt under the scanner.")
        )
        self.prompt_label.show()
        self.scan_edit.clear()
        self.error_label.hide()
        for label in self._facts():
            label.clear()
            label.hide()

    def show_refusal(self, message: str) -> None:
        self.clear()
        self.error_label.setText(message)
        self.error_label.show()

    def show_progress(self, progress: CaseProgress) -> None:
        self.clear()
        self.prompt_label.hide()
        who = self.tr("Applicant: %1 · Receipt no. %2")
        who = who.replace("%1", progress.applicant).replace("%2", progress.key)
        if progress.package_name:
            who += "\n" + self.tr("Package: %1").replace("%1", progress.package_name)
        self.applicant_label.setText(who)
        self.cases_label.setText("\n".join(self._case_line(c) for c in progress.cases))
        due = progress.due_date
        self.due_label.setText(
            self.tr("Expected to be concluded by %1").replace("%1", due.isoformat())
            if due is not None
            else self.tr("No due date: the case was not accepted.")
        )
        self.owed_label.setText(self._owed(progress))
        if progress.handed_over:
            self.collect_label.setText(progress.handed_over)
        else:
            self.collect_label.setText(
                self.tr("Collect the result at: %1").replace("%1", progress.collect_at)
            )
        for label in self._facts():
            label.show()

    def _case_line(self, step: CaseStep) -> str:
        line = self.tr("%1 (%2): %3").replace("%1", step.item_name)
        line = line.replace("%2", step.department_name).replace("%3", step.state_label)
        if step.task is not None and step.task.state_label != step.state_label:
            line += self.tr(" · department: %1").replace("%1", step.task.state_label)
        return line

    def _owed(self, progress: CaseProgress) -> str:
        owed = progress.owed
        if not owed:
            return self.tr("Nothing is owed: all materials are in.")
        text = self.tr("Still to hand in: %1").replace("%1", "；".join(owed))
        dues = [c.supplement_due for c in progress.cases if c.supplement_due is not None]
        if dues:
            text += self.tr(" (by %1)").replace("%1", min(dues).isoformat())
        return text

    def _facts(self) -> tuple[QLabel, ...]:
        return (
            self.applicant_label,
            self.cases_label,
            self.due_label,
            self.owed_label,
            self.collect_label,
        )
