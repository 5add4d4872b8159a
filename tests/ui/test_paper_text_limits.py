"""The acceptance screens take no more text than the service accepts and paper prints
(issue 12, defect 10e): a material's note, a rejection's reason, legal basis and body."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from clerk_app.services.cases import checklist
from ui.acceptance.decision_page import DecisionPage
from ui.acceptance.materials_page import MaterialsPage

pytestmark = pytest.mark.qt


def test_a_typed_note_stops_at_the_services_limit(qtbot: QtBot, clerk_qapp: QApplication) -> None:
    page = MaterialsPage()
    qtbot.addWidget(page)
    qtbot.keyClicks(page.note_edit, "x" * (checklist.NOTE_MAX_LEN + 30))  # typed key by key
    assert page.note_edit.text() == "x" * checklist.NOTE_MAX_LEN


def test_the_rejection_fields_stop_at_the_services_limits(
    qtbot: QtBot, clerk_qapp: QApplication
) -> None:
    page = DecisionPage()
    qtbot.addWidget(page)
    for edit, limit in (
        (page.reason_edit, checklist.REASON_MAX_LEN),
        (page.basis_edit, checklist.BASIS_MAX_LEN),
        (page.body_edit, checklist.BODY_MAX_LEN),
    ):
        edit.setText("字" * (limit + 1))
        assert len(edit.text()) == limit
