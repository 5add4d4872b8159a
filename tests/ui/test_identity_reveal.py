"""Case lookup at the counter shows the applicant's masked ID; the full number only after a
reason, which the audit log keeps (issue 16)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from test_acceptance_panel import ENTER, desk, key, panel, session, ticket, type_text

from clerk_app.api import Hall, StaffSession
from clerk_app.persistence.models import AuditLog
from ui.acceptance.acceptance_panel import PREVIEW, AcceptancePanel
from ui.acceptance.identity_reveal import IdentityReveal

pytestmark = pytest.mark.qt
__all__ = ["desk", "panel", "session", "ticket"]  # fixtures


def test_reveal_asks_why_and_logs_it(
    qtbot: QtBot,
    panel: AcceptancePanel,
    session: StaffSession,
    desk: Hall,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    case = session.cases.list_cases(state="pending_supplement")[0]
    panel.case_edit.setFocus()
    type_text(qtbot, panel.case_edit, case.case_no)
    key(qtbot, panel, ENTER)
    assert panel.stack.currentIndex() == PREVIEW
    reveal = panel.identity
    assert case.applicant_id_masked in reveal.label.text() and "*" in reveal.label.text()
    assert reveal.button.isVisible() and reveal.button.isEnabled()

    answers = iter([("", False), ("申请人要求核对证件号", True)])
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: next(answers))
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: shown.append(text))
    qtbot.mouseClick(reveal.button, Qt.MouseButton.LeftButton)  # cancelled: nothing seen
    assert shown == []
    qtbot.mouseClick(reveal.button, Qt.MouseButton.LeftButton)
    full = session.cases.reveal_identity(case.case_no, "test")
    assert len(shown) == 1 and full.applicant_id in shown[0]
    with desk.db.read() as s:
        reasons = s.scalars(
            select(AuditLog.after).where(
                AuditLog.action == "identity_viewed", AuditLog.target == f"case:{case.case_no}"
            )
        ).all()
    assert reasons[0] == {"reason": "申请人要求核对证件号"}


def test_no_button_for_a_role_that_may_not_see_ids(qtbot: QtBot, desk: Hall) -> None:
    widget = IdentityReveal(desk.login("admin", "demo"))
    qtbot.addWidget(widget)
    widget.show()
    assert not widget.button.isVisible()
