"""The dialogs that ask a reviewer for words before the core decides: 不予许可 (reason and
legal basis) and 退回补正 (what the applicant must hand in).

Each field is checked at entry with ``typed_text`` at the core's own limits (no control
characters, not too long); then the dialog calls the core, which also refuses an empty field
(both are required). A refusal — the entry check's or the core's (an empty field, a stale
version, a task decided by someone else) — is shown in the dialog in the user's language and
nothing is changed; the dialog closes only when the core said yes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from clerk_app.domain.typed_text import typed_text
from clerk_app.errors import ClerkError
from clerk_app.services.cases import checklist
from clerk_app.services.journey.results import TaskInfo

# Submits from any field of the dialog (Enter in a several-line field starts a new line).
SUBMIT_KEYS = "Ctrl+Return"


@dataclass(frozen=True)
class _Field:
    zh: str  # the field's name in the core's messages
    en: str
    max_len: int
    lines: bool  # several lines allowed (a QPlainTextEdit)


class ReasonDialog(QDialog):
    """Base: ``fields`` asked in order; ``submit(*texts)`` is the core's call. After ``Accepted``
    ``result_task`` is the task as the core returned it."""

    def __init__(
        self, task: TaskInfo, submit: Callable[..., TaskInfo], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        title, fields = self.spec(task)
        self.setWindowTitle(title)
        self._fields = [spec for _label, spec in fields]
        self._submit = submit
        self.result_task: TaskInfo | None = None
        intro = QLabel(f"{task.case_no} · {task.item_name} · {task.applicant}")
        intro.setWordWrap(True)
        form = QFormLayout()
        self.edits: list[QLineEdit | QPlainTextEdit] = []
        for label, spec in fields:
            edit: QLineEdit | QPlainTextEdit
            if spec.lines:
                edit = QPlainTextEdit()
                edit.setTabChangesFocus(True)
                edit.setMaximumHeight(80)
            else:
                edit = QLineEdit()
                edit.setMaxLength(spec.max_len)
            form.addRow(label, edit)
            self.edits.append(edit)
        self.error_label = QLabel()
        self.error_label.setObjectName("ErrorText")
        self.error_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setToolTip(self.tr("Save (Ctrl+Enter)"))
        self.buttons.accepted.connect(self.try_submit)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence(SUBMIT_KEYS), self, self.try_submit)
        QShortcut(QKeySequence("Ctrl+Enter"), self, self.try_submit)  # the keypad's Enter
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.resize(520, self.sizeHint().height())
        self.edits[0].setFocus()

    def spec(self, task: TaskInfo) -> tuple[str, list[tuple[str, _Field]]]:
        """The dialog's title and its fields (label, field), in order."""
        raise NotImplementedError

    def texts(self) -> list[str]:
        return [e.toPlainText() if isinstance(e, QPlainTextEdit) else e.text() for e in self.edits]

    def try_submit(self) -> None:
        """Checks each field, then asks the core; a refusal stays in the dialog."""
        try:
            checked = [
                typed_text(text, f.zh, f.en, max_len=f.max_len, lines=f.lines)
                for text, f in zip(self.texts(), self._fields, strict=True)
            ]
            self.result_task = self._submit(*checked)
        except ClerkError as error:
            self.error_label.setText(str(error))
            return
        self.accept()


class DenyDialog(ReasonDialog):
    """不予许可: the reason and the legal basis, both required (they go on the applicant's paper).
    ``submit(reason, legal_basis)``."""

    def spec(self, task: TaskInfo) -> tuple[str, list[tuple[str, _Field]]]:
        reason = _Field("不予许可理由", "The reason", checklist.REASON_MAX_LEN, lines=True)
        basis = _Field("法律依据", "The legal basis", checklist.BASIS_MAX_LEN, lines=False)
        title = self.tr("Deny case %1").replace("%1", task.case_no)
        return title, [(self.tr("&Reason for denial:"), reason), (self.tr("&Legal basis:"), basis)]


class SupplementDialog(ReasonDialog):
    """退回补正: what the applicant must hand in at the window (told once, by SMS too).
    ``submit(what)``."""

    def spec(self, task: TaskInfo) -> tuple[str, list[tuple[str, _Field]]]:
        what = _Field("需补正的内容", "What to supplement", checklist.REASON_MAX_LEN, lines=True)
        title = self.tr("Return case %1 for a supplement").replace("%1", task.case_no)
        return title, [(self.tr("&What is missing:"), what)]
