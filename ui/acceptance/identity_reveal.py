"""The applicant's masked ID of the case shown, and a button to see it whole: for roles that
may (``Permission.VIEW_FULL_IDENTITY``), after giving a reason, which the audit log keeps."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from clerk_app.domain.roles import Permission
from clerk_app.errors import ClerkError
from ui.common.errors import error_title, show_error

if TYPE_CHECKING:
    from clerk_app.api import StaffSession
    from clerk_app.services.cases.results import CaseInfo


class IdentityReveal(QWidget):
    """``set_case(case)`` shows its masked ID; the button asks why and shows the full one."""

    def __init__(self, session: StaffSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._case: CaseInfo | None = None
        self.label = QLabel()
        self.button = QPushButton(self.tr("Show full ID…"))
        self.button.setVisible(session.actor.may(Permission.VIEW_FULL_IDENTITY))
        self.button.clicked.connect(self.reveal)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.button)
        self.set_case(None)

    def set_case(self, case: CaseInfo | None) -> None:
        self._case = case
        if case is None:
            self.label.setText("")
        else:
            self.label.setText(self.tr("Applicant ID: %1").replace("%1", case.applicant_id_masked))
        self.button.setEnabled(case is not None)

    def reveal(self) -> None:
        if self._case is None:
            return
        reason, ok = QInputDialog.getText(
            self,
            self.tr("Show full ID"),
            self.tr("Why must the full ID number be seen? (recorded in the audit log)"),
            QLineEdit.EchoMode.Normal,
        )
        if not ok:
            return
        try:
            full = self._session.cases.reveal_identity(self._case.case_no, reason)
        except ClerkError as error:
            show_error(self, error)
            return
        text = self.tr("Case %1\nApplicant ID: %2").replace("%1", full.case_no)
        text = text.replace("%2", full.applicant_id)
        if full.agent_id:
            text += "\n" + self.tr("Agent ID: %1").replace("%1", full.agent_id)
        QMessageBox.information(self, error_title(), text)
