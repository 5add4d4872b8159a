"""The acceptance panel, driven by keys alone from a called ticket to each of the five decisions."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import test_print_preview
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from clerk_app.api import Hall, StaffSession
from clerk_app.demo.credit_cases import HONGDA, PERSONS, YONGSHENG, DemoFirm
from clerk_app.documents.paper.text import cn_date
from clerk_app.services.cases.results import ApplicantInput, CaseInfo, ItemRequest, MaterialCheck
from clerk_app.services.queue.results import TicketInfo
from tests.support.acceptance import MovableClock, at
from ui.acceptance.acceptance_panel import DECISION, ITEMS, MATERIALS, PREVIEW, AcceptancePanel

pytestmark = pytest.mark.qt

ALT = Qt.KeyboardModifier.AltModifier
local_settings = test_print_preview.local_settings  # autouse: PDFs in the test's folder
ENTER = Qt.Key.Key_Return


@pytest.fixture
def desk(hall: Hall) -> Hall:
    return at(hall, MovableClock())


@pytest.fixture
def session(desk: Hall) -> StaffSession:
    return desk.login("clerk01", "demo", counter=1)


@pytest.fixture
def ticket(desk: Hall, session: StaffSession) -> TicketInfo:
    """The ticket the clerk has just called (F1) at counter 1."""
    desk.kiosk().queue.take_ticket("A")
    called = session.queue.call_next()
    assert called is not None
    return called


@pytest.fixture
def panel(
    qtbot: QtBot, clerk_qapp: QApplication, session: StaffSession, ticket: TicketInfo
) -> Iterator[AcceptancePanel]:
    widget = AcceptancePanel(session)
    widget.set_ticket(ticket.id, ticket.number)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)
    yield widget


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Latin text as key presses; Chinese as a Chinese input method commits it."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
        else:
            event = QInputMethodEvent()
            event.setCommitString(char)
            QApplication.sendEvent(widget, event)


def key(qtbot: QtBot, panel: AcceptancePanel, k: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier):  # type: ignore[no-untyped-def]
    """Press ``k`` where the focus is, as the clerk's keyboard would."""
    target = QApplication.focusWidget() or panel
    qtbot.keyClick(target, k, modifier)


def enter_person(qtbot: QtBot, panel: AcceptancePanel, name: str, resident_id: str) -> None:
    page = panel.applicant_page
    assert page.scan_edit.hasFocus()
    type_text(qtbot, page.scan_edit, resident_id.lower())  # the scanner types, then Enter
    key(qtbot, panel, ENTER)
    assert page.kind == "resident_id" and page.id_edit.text() == resident_id
    if panel.stack.currentIndex() == ITEMS:  # the hall knows the name from earlier cases
        assert page.name_edit.text() == name
        return
    assert page.name_edit.hasFocus()
    type_text(qtbot, page.name_edit, name)
    key(qtbot, panel, ENTER)  # a person needs nothing more: on to the items
    assert panel.stack.currentIndex() == ITEMS


def enter_firm(qtbot: QtBot, panel: AcceptancePanel, firm: DemoFirm) -> None:
    page = panel.applicant_page
    key(qtbot, panel, Qt.Key.Key_E, ALT)
    assert page.kind == "uscc"
    page.id_edit.setFocus()
    type_text(qtbot, page.id_edit, firm.uscc[:17])
    assert page.id_status.text() == "17/18"
    type_text(qtbot, page.id_edit, "Z")  # a wrong check character: named at once
    assert "position 18" in page.id_status.text()
    key(qtbot, panel, Qt.Key.Key_Backspace)
    type_text(qtbot, page.id_edit, firm.uscc[17])
    assert page.id_status.text().startswith("✓")
    page.name_edit.setFocus()
    type_text(qtbot, page.name_edit, firm.name)
    key(qtbot, panel, ENTER)  # past the ID (filled) to the legal representative
    assert page.legal_rep_edit.hasFocus()
    type_text(qtbot, page.legal_rep_edit, firm.legal_representative)
    key(qtbot, panel, ENTER)
    type_text(qtbot, page.agent_name_edit, firm.agent_name)
    key(qtbot, panel, ENTER)
    type_text(qtbot, page.agent_id_edit, firm.agent_id)
    key(qtbot, panel, ENTER)
    assert panel.stack.currentIndex() == ITEMS


def choose_item(qtbot: QtBot, panel: AcceptancePanel, initials: str, name: str) -> None:
    page = panel.items_page
    assert page.search_box.hasFocus()
    type_text(qtbot, page.search_box, initials)
    key(qtbot, panel, ENTER)  # search now: the one match is added, on to the materials
    assert [i.name for i in page.chosen()] == [name]
    assert panel.stack.currentIndex() == MATERIALS


def mark(qtbot: QtBot, panel: AcceptancePanel, material: str, status_key: Qt.Key) -> None:
    """Arrow down to ``material`` in the checklist and press its status key."""
    page = panel.materials_page
    assert page.view.hasFocus()
    names = [r.name for r in page.model.rows()]
    for _ in range(names.index(material) - page.view.currentIndex().row()):
        key(qtbot, panel, Qt.Key.Key_Down)
    key(qtbot, panel, status_key)


def to_decision(qtbot: QtBot, panel: AcceptancePanel) -> None:
    key(qtbot, panel, Qt.Key.Key_Right, ALT)
    assert panel.stack.currentIndex() == DECISION


def decided(panel: AcceptancePanel, session: StaffSession) -> CaseInfo:
    """The one case decided for the called ticket, as stored, after the preview shows it."""
    assert panel.stack.currentIndex() == PREVIEW, panel.decision_page.error_label.text()
    assert panel.ticket_id is not None
    [case] = session.cases.cases_for_ticket(panel.ticket_id)
    assert case.case_no in panel.preview.toPlainText()
    assert "1 case" in panel.ticket_label.text()
    return session.cases.get(case.case_no)


def test_accept(qtbot: QtBot, panel: AcceptancePanel, session: StaffSession) -> None:
    enter_person(qtbot, panel, "李秀珍", PERSONS[0].resident_id)
    choose_item(qtbot, panel, "spjyxk", "食品经营许可")
    to_decision(qtbot, panel)
    assert panel.decision_page.accept_button.hasFocus()
    assert not panel.decision_page.tolerant_button.isEnabled()
    key(qtbot, panel, Qt.Key.Key_A, ALT)
    case = decided(panel, session)
    assert (case.state, case.item_code, case.applicant_name) == (
        "accepted",
        "440500-SCJG-005",
        "李秀珍",
    )
    # The words beside the list are the core's acceptance notice, its date as printed.
    assert case.due_date is not None and cn_date(case.due_date) in panel.preview.toPlainText()
    assert panel.preview.toPlainText() == "\n".join(
        session.documents.preview_text("receipt", case.case_no)
    )


def test_tolerant_accept(
    qtbot: QtBot, panel: AcceptancePanel, session: StaffSession, local_settings: Path
) -> None:
    enter_firm(qtbot, panel, HONGDA)
    assert "red list" in panel.applicant_page.credit_label.text()
    choose_item(qtbot, panel, "spjyxk", "食品经营许可")
    mark(qtbot, panel, "营业执照副本复印件", Qt.Key.Key_M)
    to_decision(qtbot, panel)
    page = panel.decision_page
    assert page.tolerant_button.isEnabled() and not page.accept_button.isEnabled()
    days = page.supplement_days  # the core's range: 1 … the promised 5, the hall's default 5
    assert [days.itemData(i) for i in range(days.count())] == [1, 2, 3, 4, 5]
    assert page.supplement_day_count() == 5
    key(qtbot, panel, Qt.Key.Key_T, ALT)  # refused: the commitment is not signed yet
    assert "commitment" in page.error_label.text()
    key(qtbot, panel, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)  # the letter, to sign
    key(qtbot, panel, Qt.Key.Key_C, ALT)
    key(qtbot, panel, Qt.Key.Key_T, ALT)
    case = decided(panel, session)
    assert case.state == "pending_supplement" and case.commitment_signed
    assert [x.name for x in case.missing] == ["营业执照副本复印件"]

    key(qtbot, panel, Qt.Key.Key_S, ALT)  # the firm brings the licence copy
    assert session.cases.get(case.case_no).state == "supplemented"


def test_one_time_notice_says_why_no_tolerance(
    qtbot: QtBot, panel: AcceptancePanel, session: StaffSession
) -> None:
    enter_person(qtbot, panel, "陈少华", PERSONS[1].resident_id)
    choose_item(qtbot, panel, "spjyxk", "食品经营许可")
    mark(qtbot, panel, "食品经营许可申请书", Qt.Key.Key_M)
    key(qtbot, panel, Qt.Key.Key_N)
    type_text(qtbot, panel.materials_page.note_edit, "须法定代表人签字")
    key(qtbot, panel, ENTER)
    mark(qtbot, panel, "保证食品安全的规章制度", Qt.Key.Key_W)
    to_decision(qtbot, panel)
    page = panel.decision_page
    assert not page.tolerant_button.isEnabled() and not page.accept_button.isEnabled()
    assert not page.tolerant_box.isVisible()  # one short line says why, all in its tip
    assert "Core materials are missing" in page.gate_label.text()
    assert "\n" not in page.gate_label.text()
    assert "only for enterprise" in page.gate_label.toolTip()
    key(qtbot, panel, Qt.Key.Key_N, ALT)
    case = decided(panel, session)
    assert case.state == "not_accepted"
    assert {(x.name, x.status, x.note) for x in case.missing} == {
        ("食品经营许可申请书", "missing", "须法定代表人签字"),
        ("保证食品安全的规章制度", "wrong", ""),
    }
    assert "须法定代表人签字" in panel.preview.toPlainText()


def test_reject(qtbot: QtBot, panel: AcceptancePanel, session: StaffSession) -> None:
    enter_firm(qtbot, panel, YONGSHENG)
    assert "black list" in panel.applicant_page.credit_label.text()
    choose_item(qtbot, panel, "pwxkzhf", "排污许可证核发")
    to_decision(qtbot, panel)
    page = panel.decision_page
    assert not page.reject_box.isVisible()
    key(qtbot, panel, Qt.Key.Key_R, ALT)  # the rejection's fields appear, focus on the reason
    assert page.reject_box.isVisible() and page.reason_edit.hasFocus()
    key(qtbot, panel, Qt.Key.Key_R, ALT)  # no reason yet: refused, focus on the reason
    assert page.reason_edit.hasFocus() and page.error_label.text()
    type_text(qtbot, page.reason_edit, "不属于本机关职权范围")
    key(qtbot, panel, ENTER)
    type_text(qtbot, page.basis_edit, "《行政许可法》第三十二条")
    key(qtbot, panel, Qt.Key.Key_Tab)
    type_text(qtbot, page.body_edit, "广东省生态环境厅")
    key(qtbot, panel, ENTER)
    case = decided(panel, session)
    assert (case.state, case.decision_reason, case.competent_body) == (
        "rejected",
        "不属于本机关职权范围",
        "广东省生态环境厅",
    )


def test_instant_issue_and_collect(
    qtbot: QtBot, panel: AcceptancePanel, session: StaffSession
) -> None:
    enter_person(qtbot, panel, "蔡泽楷", PERSONS[2].resident_id)
    choose_item(qtbot, panel, "lszy", "临时占用城市道路许可")
    to_decision(qtbot, panel)
    page = panel.decision_page
    assert page.instant_button.isEnabled()
    assert page.permit_form.location_edit.hasFocus()  # the road permit asks what it allows
    key(qtbot, panel, Qt.Key.Key_I, ALT)  # nothing entered: refused, the fields are named
    assert "location" in page.error_label.text()
    assert page.permit_form.location_edit.hasFocus()
    type_text(qtbot, page.permit_form.location_edit, "长平路88号门前人行道")
    key(qtbot, panel, Qt.Key.Key_Tab)
    type_text(qtbot, page.permit_form.area_spin, "12.5")
    key(qtbot, panel, Qt.Key.Key_I, ALT)
    case = decided(panel, session)
    assert case.state == "certificate_issued" and case.permit_no
    assert panel.documents.selected().kind == "permit"  # the decision's main document first
    assert case.permit_no in panel.preview.toPlainText()
    key(qtbot, panel, Qt.Key.Key_Up)
    key(qtbot, panel, Qt.Key.Key_Up)  # the words follow the cursor to the receipt
    assert "即办件受理回执" in panel.preview.toPlainText()
    key(qtbot, panel, Qt.Key.Key_L, ALT)
    assert session.cases.get(case.case_no).state == "collected"


def test_scanned_receipt_opens_the_case(
    qtbot: QtBot, panel: AcceptancePanel, session: StaffSession
) -> None:
    pending = session.cases.list_cases(state="pending_supplement")[0]
    panel.case_edit.setFocus()
    type_text(qtbot, panel.case_edit, pending.case_no)
    key(qtbot, panel, ENTER)
    assert panel.stack.currentIndex() == PREVIEW
    assert pending.case_no in panel.preview.toPlainText()
    assert panel.supplement_button.isEnabled() and not panel.collect_button.isEnabled()
    key(qtbot, panel, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert panel.applicant_page.scan_edit.hasFocus()


def test_an_invalid_scan_names_the_fault(qtbot: QtBot, panel: AcceptancePanel) -> None:
    page = panel.applicant_page
    type_text(qtbot, page.scan_edit, "110105194912310021")
    key(qtbot, panel, ENTER)
    assert "position 18" in page.id_status.text()
    key(qtbot, panel, Qt.Key.Key_Right, ALT)  # cannot go on without a valid applicant
    assert panel.stack.currentIndex() == 0


def _pending_bundle(desk: Hall, session: StaffSession) -> list[CaseInfo]:
    """HONGDA (red list) accepted with deficiencies for two items at once: one bundle."""
    requests = []
    for code in ("440500-SCJG-005", "440500-SCJG-001"):  # 食品经营许可, 企业设立登记
        item = session.catalog.get_item(code)
        owed = next(m for m in item.materials if not m.core)
        requests.append(ItemRequest(code, (MaterialCheck(owed.id, "missing"),)))
    applicant = ApplicantInput(
        HONGDA.name,
        "uscc",
        HONGDA.uscc,
        legal_representative=HONGDA.legal_representative,
        agent_name=HONGDA.agent_name,
        agent_id=HONGDA.agent_id,
    )
    return session.cases.tolerant_accept(applicant, requests, commitment_signed=True)


def test_a_bundles_supplement_is_one_action(
    qtbot: QtBot, panel: AcceptancePanel, desk: Hall, session: StaffSession
) -> None:
    bundle = _pending_bundle(desk, session)
    panel._show(bundle)
    assert panel.supplement_button.isEnabled()
    key(qtbot, panel, Qt.Key.Key_S, ALT)
    states = [session.cases.get(c.case_no).state for c in bundle]
    assert states == ["supplemented", "supplemented"]
    assert [c.state for c in panel._shown] == states


def test_a_bundle_that_fails_halfway_changes_nothing_and_stays_on_screen(
    qtbot: QtBot, panel: AcceptancePanel, desk: Hall, session: StaffSession
) -> None:
    first, second = _pending_bundle(desk, session)
    panel._show([first, second])
    # Meanwhile another counter records the second case's supplement: the screen is stale.
    desk.login("clerk02", "demo", counter=2).cases.record_supplement(second.case_no, second.version)
    key(qtbot, panel, Qt.Key.Key_S, ALT)
    assert session.cases.get(first.case_no) == first  # the first case is unchanged
    assert [c.case_no for c in panel._shown] == [first.case_no, second.case_no]
    assert second.case_no in panel.preview.toPlainText()  # the error names the case


def test_enter_stops_at_what_the_applicant_still_needs(
    qtbot: QtBot, panel: AcceptancePanel
) -> None:
    """A person's agent is reached by Tab; once begun, Enter asks for the agent's ID too."""
    page = panel.applicant_page
    type_text(qtbot, page.scan_edit, "440524188001010014")  # a newcomer (the standard's example)
    key(qtbot, panel, ENTER)
    assert page.name_edit.hasFocus()
    type_text(qtbot, page.name_edit, "王小明")
    key(qtbot, panel, Qt.Key.Key_Tab)
    key(qtbot, panel, Qt.Key.Key_Tab)
    assert page.agent_name_edit.hasFocus()
    type_text(qtbot, page.agent_name_edit, "王大明")
    key(qtbot, panel, ENTER)
    assert page.agent_id_edit.hasFocus() and panel.stack.currentIndex() == 0
    type_text(qtbot, page.agent_id_edit, PERSONS[0].resident_id)
    key(qtbot, panel, ENTER)
    assert panel.stack.currentIndex() == ITEMS
