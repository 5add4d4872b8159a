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


def test_ctrl_p_hands_over_what_is_not_printed_and_the_main_document_comes_first() -> None:
    from clerk_app.documents.paper_data import DocumentKind as K
    from ui.acceptance.documents_model import DocumentRow, handover, main_row

    instant = [
        DocumentRow("C1", "临时占用城市道路许可", K.RECEIPT, "回执"),
        DocumentRow("C1", "临时占用城市道路许可", K.COMPLETION, "办结通知书"),
        DocumentRow("C1", "临时占用城市道路许可", K.PERMIT, "许可证"),
    ]
    assert [r.kind for r in handover(instant)] == [K.RECEIPT, K.PERMIT]  # the permit is it
    assert main_row(instant) == 2
    tolerant = [
        DocumentRow("C2", "食品经营许可", K.COMMITMENT, "承诺书"),
        DocumentRow("C2", "食品经营许可", K.RECEIPT, "容缺受理通知书", prints=1),
        DocumentRow("C3", "企业设立登记", K.COMMITMENT, "承诺书"),
        DocumentRow("C3", "企业设立登记", K.RECEIPT, "容缺受理通知书"),
    ]
    assert main_row(tolerant) == 1  # the first case's receipt
    assert [(r.case_no, r.kind) for r in handover(tolerant)] == [
        ("C2", K.COMMITMENT),
        ("C3", K.COMMITMENT),
        ("C3", K.RECEIPT),
    ]
    # Letters signed before the decision are on paper already.
    assert [(r.case_no, r.kind) for r in handover(tolerant, frozenset({"C2", "C3"}))] == [
        ("C3", K.RECEIPT)
    ]
    assert main_row([]) == -1
