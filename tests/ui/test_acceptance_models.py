"""The acceptance screen's adapters without a window: the checklist model and the preview text."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from clerk_app.domain.case_states import CaseState
from clerk_app.domain.catalog import ItemKind
from clerk_app.domain.deadlines import DeadlineWarning
from clerk_app.services.cases.results import CaseInfo, ItemRequest, MaterialCheck, SubmissionInfo
from ui.acceptance.checklist_model import ChecklistModel, ChecklistRow
from ui.acceptance.preview import preview_text

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


def _case(**changes: object) -> CaseInfo:
    base = CaseInfo(
        case_no="4405002026112600001",
        bundle_no=None,
        item_code="A-1",
        item_name="食品经营许可",
        item_kind=ItemKind.PROMISED,
        department_name="市场监管局",
        statutory_days=10,
        promised_days=5,
        state=CaseState.PENDING_SUPPLEMENT,
        applicant_name="汕头市某公司",
        applicant_id_kind="uscc",
        applicant_id_masked="9144**********2L8L",
        legal_representative="陈",
        agent_name="林",
        agent_id_masked="",
        accepted_on=date(2026, 11, 26),
        due_date=date(2026, 12, 3),
        supplement_due=date(2026, 12, 3),
        days_left=5,
        warning=DeadlineWarning.NONE,
        commitment_signed=True,
        decision_reason="",
        decision_basis="",
        competent_body="",
        permit_no=None,
        ticket_id=None,
        counter_no=1,
        created_at=datetime(2026, 11, 26, 2),
        version=1,
        submissions=(
            SubmissionInfo(
                2, "营业执照副本复印件", False, "copy", "加盖公章", "missing", "missing", ""
            ),
        ),
    )
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def test_preview_names_what_is_owed_and_by_when(clerk_qapp: QApplication) -> None:
    text = preview_text([_case()])
    assert "4405002026112600001" in text and "营业执照副本复印件" in text
    assert "2026-12-03" in text and "加盖公章" in text and "9144**********2L8L" in text
    rejected = preview_text(
        [_case(state="rejected", decision_reason="不属于", competent_body="省厅")]
    )
    assert "不属于" in rejected and "省厅" in rejected


@pytest.mark.parametrize(
    ("warning", "days_left", "words"),
    [
        (DeadlineWarning.NONE, 5, None),
        (DeadlineWarning.YELLOW, 1, "Yellow warning: 1 working day(s) left."),
        (DeadlineWarning.RED, -2, "Red warning: the deadline has passed (2 working day(s) ago)."),
        (DeadlineWarning.CALENDAR_MISSING, None, "holiday calendar of the deadline's year"),
    ],
)
def test_preview_names_the_deadline_warning(
    clerk_qapp: QApplication, warning: DeadlineWarning, days_left: int | None, words: str | None
) -> None:
    text = preview_text([_case(warning=warning, days_left=days_left)])
    if words is None:
        assert "warning" not in text and "calendar" not in text
    else:
        assert words in text
