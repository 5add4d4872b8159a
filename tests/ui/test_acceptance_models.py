"""The acceptance screen's adapters without a window: the checklist model."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from clerk_app.services.cases.results import ItemRequest, MaterialCheck
from ui.acceptance.checklist_model import ChecklistModel, ChecklistRow

pytestmark = pytest.mark.qt


def _rows() -> list[ChecklistRow]:
    return [
        ChecklistRow("A-1", "甲", 1, "申请书", True, "original", "签字"),
        ChecklistRow("A-1", "甲", 2, "执照复印件", False, "copy", ""),
        ChecklistRow("B-2", "乙", 3, "平面图", True, "original", ""),
    ]


def test_checklist_statuses_become_item_requests(clerk_qapp: QApplication) -> None:
    model = ChecklistModel()
    model.set_rows(_rows())
    assert model.rowCount() == 3 and model.columnCount() == 5
    model.set_status(1, "missing")
    model.cycle_status(2)  # received → missing
    model.cycle_status(2)  # missing → wrong
    model.set_note(2, "比例不对")
    assert model.index(1, ChecklistModel.STATUS).data() == "Missing"
    assert model.index(0, ChecklistModel.CORE).data() == "Core"
    assert model.index(1, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == "签字"
    assert model.requests(["A-1", "B-2"]) == [
        ItemRequest("A-1", (MaterialCheck(2, "missing", ""),)),
        ItemRequest("B-2", (MaterialCheck(3, "wrong", "比例不对"),)),
    ]
    assert [r.material_id for r in model.lacking()] == [2, 3]
