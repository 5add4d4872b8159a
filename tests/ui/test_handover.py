"""出件 at the counter by keys: a decided 一件事 made ready, collected by an agent (refused
without a letter or with a bad ID, nothing changed) with its 领证回执 read back; another mailed
with its 送达回证; a tracking number recorded twice refused; a scan routed to 出件; a department's
return for a supplement (补正) recorded at the window."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from counter_window import show_counter
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from test_acceptance_panel import type_text
from test_print_preview import local_settings  # noqa: F401 (a fixture: PDFs to tmp_path)

from clerk_app.api import Hall, StaffSession
from clerk_app.demo.credit_cases import make_resident_id, make_uscc
from clerk_app.demo.hall_data import DEMO_PASSWORD
from clerk_app.domain.case_states import CaseState
from clerk_app.domain.task_states import TaskState
from clerk_app.hall_time import to_local
from clerk_app.persistence.models import AuditLog, User
from clerk_app.persistence.models_cases import Case, PrintedDocument
from clerk_app.persistence.models_journey import CaseVisit, Handover, Notification, Task
from clerk_app.services.cases.results import ApplicantInput
from clerk_app.services.journey.results import VisitReason
from tests.documents.paper_readback import decode_page, squash
from ui.counter.counter_screen import CounterScreen
from ui.handover.handover_dialog import HandoverDialog
from ui.handover.handover_model import (
    HandoverCaseModel,
    handover_rows,
    may_hand_over,
    may_make_ready,
    read_group,
)

pytestmark = pytest.mark.qt

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
AGENT_ID = make_resident_id("440507", date(1993, 3, 3), 44)
BAD_ID = AGENT_ID[:-1] + ("0" if AGENT_ID[-1] != "0" else "1")
TABLES = (Case, Task, Handover, Notification, CaseVisit, AuditLog, PrintedDocument)
BUYER = ApplicantInput("吴家明", "resident_id", make_resident_id("440511", date(1980, 5, 6), 33))
ASKED = "请补交经双方签字确认的房屋交接书。"
DENIED_WHY = "未按规定缴销已领发票。"
DENIED_BASIS = "《中华人民共和国发票管理办法》"


def firm(name: str, body: str) -> ApplicantInput:
    return ApplicantInput(
        name,
        "uscc",
        make_uscc("440507", body),
        legal_representative="李创业",
        agent_name="李创业",
        agent_id=make_resident_id("440507", date(1988, 1, 9), 15),
    )


def decided_package(
    hall: Hall,
    applicant: ApplicantInput,
    *,
    ticketed: bool = False,
    package: str = "KBQY",
    deny: str = "",
) -> str:
    """A 开办企业 accepted at counter 2 (for a ticket it served, if ``ticketed``) and approved
    by each department's reviewer from its own inbox (but ``deny``'s, which it denies)."""
    clerk = hall.login("clerk02", DEMO_PASSWORD, counter=2)
    ticket_id = None
    if ticketed:
        hall.kiosk().queue.take_ticket("A")
        called = clerk.queue.call_next()
        assert called is not None
        ticket_id = called.id
    done = clerk.journey.accept_package(package, applicant, ticket_id=ticket_id)
    if ticketed:
        clerk.queue.finish()
    with hall.db.read() as s:
        names = s.scalars(select(User.username).where(User.role == "reviewer")).all()
    reviewers: dict[str, StaffSession] = {}
    for name in names:
        session = hall.login(name, DEMO_PASSWORD)
        for task in session.journey.inbox():
            reviewers[task.department_code] = session
    for task in done.tasks:
        reviewer = reviewers[task.department_code]
        taken = reviewer.journey.take(task.case_no, task.version)
        if task.department_code == deny:
            reviewer.journey.deny(taken.case_no, taken.version, DENIED_WHY, DENIED_BASIS)
        else:
            reviewer.journey.approve(taken.case_no, taken.version)
    return done.bundle_no


def returned_package(hall: Hall, applicant: ApplicantInput) -> tuple[str, str]:
    """A 存量房转让 accepted at counter 2 for a ticket it served; 住建局's reviewer returns its
    task for a supplement. The bundle's and the returned case's numbers."""
    clerk = hall.login("clerk02", DEMO_PASSWORD, counter=2)
    hall.kiosk().queue.take_ticket("A")
    called = clerk.queue.call_next()
    assert called is not None
    done = clerk.journey.accept_package("CLFZR", applicant, ticket_id=called.id)
    clerk.queue.finish()
    zj = hall.login("review_zj", DEMO_PASSWORD).journey
    [task] = [t for t in done.tasks if t.department_code == "ZJ"]
    taken = zj.take(task.case_no, task.version)
    zj.return_for_supplement(taken.case_no, taken.version, ASKED)
    return done.bundle_no, task.case_no


def snapshot(hall: Hall) -> dict[str, list[str]]:
    with hall.db.read() as s:
        return {
            t.__tablename__: sorted(repr(tuple(r)) for r in s.execute(select(t.__table__)))
            for t in TABLES
        }


def pdf_text(path: str) -> str:
    return squash("".join(page_texts(Path(path).read_bytes())))


def page_texts(pdf: bytes) -> list[str]:
    from tests.documents.paper_readback import page_texts as texts

    return texts(pdf)


@pytest.fixture
def counter(qtbot: QtBot, clerk_qapp: QApplication, hall: Hall) -> Iterator[CounterScreen]:
    _window, screen = show_counter(qtbot, hall, 1)
    yield screen
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog):
            widget.close()
    screen.shutdown()


def activate(qtbot: QtBot, widget: QWidget) -> None:
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)


def open_by_key(qtbot: QtBot, counter: CounterScreen, number: str) -> HandoverDialog:
    """F10, then the number typed into the dialog's field and Enter."""
    qtbot.keyClick(counter, Qt.Key.Key_F10)
    dialog = counter.handover_dialog
    assert dialog is not None and dialog.isVisible()
    activate(qtbot, dialog)
    assert QApplication.focusWidget() is dialog.view.number_edit
    qtbot.keyClicks(dialog.view.number_edit, number)
    qtbot.keyClick(dialog.view.number_edit, Qt.Key.Key_Return)
    return dialog


def states(dialog: HandoverDialog) -> set[CaseState]:
    return {r.state for r in dialog.rows()}


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def alt(qtbot: QtBot, dialog: HandoverDialog, key: Qt.Key) -> None:
    qtbot.keyClick(focused() or dialog, key, ALT)


def hand_over(qtbot: QtBot, dialog: HandoverDialog) -> None:
    qtbot.keyClick(focused() or dialog, Qt.Key.Key_Return, CTRL)


def test_an_agent_collects_a_decided_package_by_keys(
    qtbot: QtBot, counter: CounterScreen, hall: Hall
) -> None:
    bundle = decided_package(hall, firm("汕头市龙湖区出件测试有限公司", "MA5T9Q1W"))
    dialog = open_by_key(qtbot, counter, bundle)
    assert dialog.bundle_no == bundle and len(dialog.rows()) == 5
    model = dialog.view.model
    assert model.index(0, HandoverCaseModel.DECISION).data() == "approved"
    # A firm's name and USCC are public; the department and item of each task are listed.
    assert model.index(0, HandoverCaseModel.APPLICANT).data().startswith("汕头市龙湖区出件测试")
    assert {model.index(i, HandoverCaseModel.DEPARTMENT).data() for i in range(5)} >= {
        "国家税务总局汕头市税务局"
    }
    assert states(dialog) == {CaseState.APPROVED}
    assert focused() is dialog.view.ready_button and not dialog.view.hand_over_button.isEnabled()
    assert not dialog.view.denial_button.isVisible()  # nothing denied: no notice offered
    alt(qtbot, dialog, Qt.Key.Key_D)
    assert dialog.last_outcome is None

    alt(qtbot, dialog, Qt.Key.Key_E)  # 出证
    qtbot.waitUntil(lambda: states(dialog) == {CaseState.CERTIFICATE_ISSUED})
    assert dialog.view.hand_over_button.isEnabled() and not dialog.view.ready_button.isEnabled()
    assert all(r.permit_no for r in dialog.rows())

    alt(qtbot, dialog, Qt.Key.Key_G)  # an agent
    qtbot.waitUntil(dialog.view.agent_radio.isChecked)
    alt(qtbot, dialog, Qt.Key.Key_N)
    assert focused() is dialog.view.agent_name_edit
    type_text(qtbot, dialog.view.agent_name_edit, "陈小雅")
    qtbot.keyClick(dialog.view.agent_name_edit, Qt.Key.Key_Return)
    assert focused() is dialog.view.agent_id_edit
    qtbot.keyClicks(dialog.view.agent_id_edit, AGENT_ID)
    assert dialog.view.agent_id_status.text().endswith("4405**********" + AGENT_ID[-4:])

    # No authorisation letter: refused, nothing changed.
    before = snapshot(hall)
    hand_over(qtbot, dialog)
    assert "authorisation letter" in dialog.message()
    assert snapshot(hall) == before and states(dialog) == {CaseState.CERTIFICATE_ISSUED}
    assert dialog.last_outcome is None

    # The letter, but an ID that fails its check: refused, nothing changed.
    alt(qtbot, dialog, Qt.Key.Key_L)
    qtbot.waitUntil(dialog.view.letter_check.isChecked)
    dialog.view.agent_id_edit.setFocus()
    dialog.view.agent_id_edit.selectAll()
    qtbot.keyClicks(dialog.view.agent_id_edit, BAD_ID)
    assert "4405" not in dialog.view.agent_id_status.text()  # a complaint, not a masked number
    hand_over(qtbot, dialog)
    assert dialog.message() and "check" in dialog.message().lower()
    assert snapshot(hall) == before

    # A valid ID: collected, and the 领证回执 printed (offscreen: a PDF file).
    dialog.view.agent_id_edit.selectAll()
    qtbot.keyClicks(dialog.view.agent_id_edit, AGENT_ID)
    hand_over(qtbot, dialog)
    assert states(dialog) == {CaseState.COLLECTED}, dialog.message()
    masked = "4405**********" + AGENT_ID[-4:]
    assert "陈小雅" in dialog.message() and masked in dialog.message()
    outcome = dialog.last_outcome
    assert outcome is not None and outcome.target.is_file and not outcome.error
    assert outcome.printed.title == "领证回执" and "saved as" in dialog.view.print_label.text()
    pdf = Path(outcome.target.pdf_path).read_bytes()
    text = pdf_text(outcome.target.pdf_path)
    assert "领证回执" in text and bundle in text and "陈小雅" in text
    assert masked in text and AGENT_ID not in text
    assert all(r.permit_no in text for r in dialog.rows())
    codes = [c for found in decode_page(pdf).values() for c in found]
    assert bundle in codes  # the bundle's barcode
    assert any(c.startswith("ZW2:") and f":{bundle}:" in c for c in codes)  # its signed QR

    # Handed over once: the dialog offers no second handover; no ticket, no visit counted.
    assert not dialog.view.hand_over_button.isEnabled()
    with hall.db.read() as s:
        row = s.scalars(select(Handover).where(Handover.bundle_no == bundle)).one()
        assert row.method == "collect" and row.agent_id_masked == masked
        at = row.at
    assert f"at {to_local(at):%H:%M}." in dialog.message()  # hall time (UTC is 8 hours off)
    assert f"at {at:%H:%M}." not in dialog.message()
    assert counter._session.journey.journeys([bundle])[bundle].visits == 0


def test_mailed_by_post_and_a_tracking_number_recorded_once(
    qtbot: QtBot, counter: CounterScreen, hall: Hall
) -> None:
    first = decided_package(hall, firm("汕头市金平区邮寄一号有限公司", "MA5T9Q2X"))
    second = decided_package(hall, firm("汕头市金平区邮寄二号有限公司", "MA5T9Q3Y"))
    dialog = open_by_key(qtbot, counter, first)
    alt(qtbot, dialog, Qt.Key.Key_E)
    qtbot.waitUntil(lambda: states(dialog) == {CaseState.CERTIFICATE_ISSUED})
    alt(qtbot, dialog, Qt.Key.Key_P)  # by post
    qtbot.waitUntil(dialog.view.post_radio.isChecked)
    alt(qtbot, dialog, Qt.Key.Key_T)
    assert focused() is dialog.view.tracking_edit
    qtbot.keyClicks(dialog.view.tracking_edit, "EMS9876543210CN")
    hand_over(qtbot, dialog)
    assert states(dialog) == {CaseState.COLLECTED}, dialog.message()
    assert "EMS9876543210CN" in dialog.message()
    outcome = dialog.last_outcome
    assert outcome is not None and outcome.printed.title == "送达回证"
    text = pdf_text(outcome.target.pdf_path)
    assert "送达回证" in text and first in text and "EMS9876543210CN" in text

    # The same tracking number for another package: refused, nothing changed.
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert counter.handover_dialog is None
    activate(qtbot, counter.window())
    dialog = open_by_key(qtbot, counter, second)
    alt(qtbot, dialog, Qt.Key.Key_E)
    qtbot.waitUntil(lambda: states(dialog) == {CaseState.CERTIFICATE_ISSUED})
    alt(qtbot, dialog, Qt.Key.Key_P)
    qtbot.waitUntil(dialog.view.post_radio.isChecked)
    alt(qtbot, dialog, Qt.Key.Key_T)
    qtbot.keyClicks(dialog.view.tracking_edit, "ems 9876543210cn")
    before = snapshot(hall)
    hand_over(qtbot, dialog)
    assert "already recorded" in dialog.message() and first in dialog.message()
    assert snapshot(hall) == before and states(dialog) == {CaseState.CERTIFICATE_ISSUED}
    assert dialog.last_outcome is None


def test_a_decided_case_typed_or_scanned_opens_the_handover_and_asks_the_visit(
    qtbot: QtBot, counter: CounterScreen, hall: Hall
) -> None:
    bundle = decided_package(hall, firm("汕头市濠江区来访测试有限公司", "MA5T9Q4A"), ticketed=True)
    hall.kiosk().queue.take_ticket("A")
    qtbot.keyClick(counter, Qt.Key.Key_F1)  # the applicant is back with a new ticket
    qtbot.waitUntil(lambda: counter.desk.current is not None)
    case_no = counter._session.journey.tasks_of(bundle)[-1].case_no
    counter.focus_open_case()  # F9's field: a decided case typed there goes to 出件
    qtbot.keyClicks(counter.acceptance.case_edit, case_no)
    qtbot.keyClick(counter.acceptance.case_edit, Qt.Key.Key_Return)
    dialog = counter.handover_dialog
    assert dialog is not None and dialog.bundle_no == bundle
    assert counter.acceptance.case_edit.text() == ""
    activate(qtbot, dialog)
    assert dialog.visit_asked and "visit 2" in dialog.view.visit_label.text()
    assert focused() is dialog.view.reason_combo
    qtbot.keyClick(dialog.view.reason_combo, Qt.Key.Key_Down)  # 补正, say
    assert dialog.chosen_reason() is VisitReason.SUPPLEMENT
    alt(qtbot, dialog, Qt.Key.Key_E)
    qtbot.waitUntil(lambda: states(dialog) == {CaseState.CERTIFICATE_ISSUED})
    before = snapshot(hall)
    hand_over(qtbot, dialog)  # the reason is not recorded yet: asked first, nothing changed
    assert "Alt+V" in dialog.message() and snapshot(hall) == before
    alt(qtbot, dialog, Qt.Key.Key_V)
    qtbot.waitUntil(lambda: dialog.visit_recorded)
    assert "Visit 2 recorded" in dialog.view.visit_label.text()
    with hall.db.read() as s:
        reasons = s.scalars(select(CaseVisit.reason).order_by(CaseVisit.id)).all()
        assert reasons[-5:] == ["supplement"] * 5 and reasons[-10:-5] == ["accept"] * 5
    hand_over(qtbot, dialog)  # the applicant collects (the visit is counted once)
    assert states(dialog) == {CaseState.COLLECTED}
    assert counter._session.journey.journeys([case_no])[case_no].visits == 2

    # A collected case scanned again opens 调取办件 as before, not the handover.
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    activate(qtbot, counter.window())
    assert not counter._to_handover(case_no)


def test_the_model_lists_and_gates_without_a_window(hall: Hall) -> None:
    bundle = decided_package(hall, firm("汕头市潮阳区模型测试有限公司", "MA5T9Q5B"))
    clerk = hall.login("clerk01", DEMO_PASSWORD, counter=1)
    tasks = clerk.journey.tasks_of(bundle)
    cases = {t.case_no: clerk.cases.get(t.case_no) for t in tasks}
    rows = handover_rows(tasks, cases)
    assert [r.case_no for r in rows] == sorted(cases) and not may_hand_over(rows)
    model = HandoverCaseModel()
    model.set_rows(rows)
    assert model.rowCount() == 5 and model.columnCount() == 6


def test_the_dialog_and_its_key_read_in_chinese(
    qtbot: QtBot, clerk_qapp: QApplication, hall: Hall
) -> None:
    from clerk_app.i18n import set_language
    from ui.app import create_application
    from ui.counter.ticket_panel import TicketPanel

    create_application(lang="zh_CN")  # the fixture switches back to English afterwards
    set_language("zh_CN")
    bundle = decided_package(hall, firm("汕头市南澳县中文测试有限公司", "MA5T9Q6C"))
    panel = TicketPanel()
    qtbot.addWidget(panel)
    assert panel.handover_button.text() == "F10  出件"
    dialog = HandoverDialog(hall.login("clerk01", DEMO_PASSWORD, counter=1))
    qtbot.addWidget(dialog)
    dialog.load(bundle)
    assert dialog.windowTitle() == "出件"
    assert dialog.view.ready_button.text() == "出证(&E)"
    assert dialog.view.supplement_button.text() == "补正收件（Alt+S）"
    assert dialog.view.summary_label.text() == "各部门均已作出决定：按 Alt+E 出证。"
    assert dialog.view.model.index(0, HandoverCaseModel.DECISION).data() == "准予"
    dialog.view.post_radio.setChecked(True)
    qtbot.keyClicks(dialog.view.tracking_edit, "X")
    dialog.make_ready()
    dialog.hand_over()
    assert dialog.message().startswith("邮寄单号须为")  # the core's message, in Chinese


def test_a_person_s_name_and_id_are_masked_in_the_list(hall: Hall) -> None:
    buyer_id = make_resident_id("440511", date(1980, 5, 6), 33)
    buyer = ApplicantInput("吴家明", "resident_id", buyer_id)
    bundle = decided_package(hall, buyer, package="CLFZR")
    _bundle, rows = read_group(hall.login("clerk01", DEMO_PASSWORD, counter=1), bundle)
    assert rows and {r.applicant for r in rows} == {"吴** 4405**********" + buyer_id[-4:]}
    assert may_make_ready(rows) and not may_hand_over(rows)


def test_a_department_s_return_is_supplemented_at_the_window_by_keys(
    qtbot: QtBot, counter: CounterScreen, hall: Hall
) -> None:
    bundle, case_no = returned_package(hall, BUYER)
    hall.kiosk().queue.take_ticket("A")
    qtbot.keyClick(counter, Qt.Key.Key_F1)  # the applicant is back with the paper asked for
    qtbot.waitUntil(lambda: counter.desk.current is not None)
    counter.focus_open_case()  # a case waiting for a supplement typed into 调取办件: 出件
    qtbot.keyClicks(counter.acceptance.case_edit, case_no)
    qtbot.keyClick(counter.acceptance.case_edit, Qt.Key.Key_Return)
    dialog = counter.handover_dialog
    assert dialog is not None and dialog.bundle_no == bundle
    activate(qtbot, dialog)
    view = dialog.view
    assert view.supplement_box.isVisibleTo(dialog) and not view.supplement_choice.isVisibleTo(
        dialog
    )
    assert ASKED in view.supplement_label.text() and case_no in view.supplement_label.text()
    assert "Alt+S" in view.supplement_button.text()
    assert "Not every department" in view.summary_label.text()
    # The visit is asked first, 补正 already chosen as its reason.
    assert focused() is view.reason_combo and dialog.chosen_reason() is VisitReason.SUPPLEMENT
    alt(qtbot, dialog, Qt.Key.Key_V)
    qtbot.waitUntil(lambda: dialog.visit_recorded)
    assert focused() is view.supplement_note_edit

    # A note over the core's limit: refused at entry, nothing changed.
    before = snapshot(hall)
    view.supplement_note_edit.setText("长" * 501)
    alt(qtbot, dialog, Qt.Key.Key_S)
    assert "500" in dialog.message() and snapshot(hall) == before

    view.supplement_note_edit.selectAll()
    alt(qtbot, dialog, Qt.Key.Key_O)
    assert focused() is view.supplement_note_edit
    type_text(qtbot, view.supplement_note_edit, "交接书已收取")
    alt(qtbot, dialog, Qt.Key.Key_S)
    assert "back in the inbox" in dialog.message(), dialog.message()
    assert not view.supplement_box.isVisibleTo(dialog) and view.supplement_note_edit.text() == ""
    inbox = hall.login("review_zj", DEMO_PASSWORD).journey.inbox()
    [again] = [t for t in inbox if t.case_no == case_no]
    assert again.state is TaskState.PENDING and "交接书已收取" in again.reason
    assert {r.decision for r in dialog.rows() if r.case_no == case_no} == {TaskState.PENDING}
    assert counter._session.journey.journeys([case_no])[case_no].visits == 2
    with hall.db.read() as s:
        ticket_id = counter.desk.current.id  # type: ignore[union-attr]
        visit = s.scalars(
            select(CaseVisit)
            .join(Case, Case.id == CaseVisit.case_id)
            .where(Case.case_no == case_no, CaseVisit.ticket_id == ticket_id)
        ).one()
        assert visit.reason == "supplement"


def test_a_supplement_recorded_meanwhile_is_refused_and_nothing_changes(
    qtbot: QtBot, counter: CounterScreen, hall: Hall
) -> None:
    bundle, case_no = returned_package(hall, BUYER)
    dialog = open_by_key(qtbot, counter, bundle)
    assert dialog.returned_row() is not None and focused() is dialog.view.supplement_note_edit
    other = hall.login("clerk02", DEMO_PASSWORD, counter=2).journey
    [task] = [t for t in other.tasks_of(bundle) if t.case_no == case_no]
    other.record_task_supplement(case_no, task.version, note="at counter 2")  # the other window
    before = snapshot(hall)
    alt(qtbot, dialog, Qt.Key.Key_S)
    assert "changed by someone else" in dialog.message()
    assert dialog.view.message_label.objectName() == "ErrorText"
    assert snapshot(hall) == before
    assert not dialog.view.supplement_box.isVisibleTo(dialog)  # read again: it is pending now


def test_with_two_departments_returned_the_clerk_chooses_which_supplement(
    qtbot: QtBot, counter: CounterScreen, hall: Hall
) -> None:
    bundle, zj_case = returned_package(hall, BUYER)
    bdc = hall.login("review_bdc", DEMO_PASSWORD).journey
    [task] = [t for t in bdc.tasks_of(bundle) if t.department_code == "BDC"]
    taken = bdc.take(task.case_no, task.version)
    bdc.return_for_supplement(taken.case_no, taken.version, "请补交不动产权证书原件。")
    dialog = open_by_key(qtbot, counter, bundle)
    view = dialog.view
    assert view.supplement_choice.isVisibleTo(dialog) and view.supplement_combo.count() == 2
    alt(qtbot, dialog, Qt.Key.Key_R)
    assert focused() is view.supplement_combo
    target = next(i for i in range(2) if view.supplement_combo.itemData(i) == task.case_no)
    qtbot.keyClick(view.supplement_combo, Qt.Key.Key_Home)
    for _ in range(target):
        qtbot.keyClick(view.supplement_combo, Qt.Key.Key_Down)
    assert "不动产权证书" in view.supplement_label.text()
    alt(qtbot, dialog, Qt.Key.Key_S)
    assert task.case_no in dialog.message(), dialog.message()
    decisions = {r.case_no: r.decision for r in dialog.rows()}
    assert decisions[task.case_no] is TaskState.PENDING
    assert decisions[zj_case] is TaskState.RETURNED  # the other still waits for its paper
    assert (
        not view.supplement_choice.isVisibleTo(dialog) and zj_case in view.supplement_label.text()
    )


def test_a_partly_denied_package_prints_the_notice_that_explains_it_by_keys(
    qtbot: QtBot, counter: CounterScreen, hall: Hall
) -> None:
    """A department denied one item: once the result is at the window, Alt+D prints the
    部分事项不予许可告知书 with the item, the reason, the legal basis and the appeal routes."""
    bundle = decided_package(hall, firm("汕头市龙湖区部分不予有限公司", "MA5T9Q7K"), deny="SW")
    dialog = open_by_key(qtbot, counter, bundle)
    assert dialog.view.denial_button.isVisible()  # every department decided, one denied

    alt(qtbot, dialog, Qt.Key.Key_E)  # 出证 for the approved four; the denial is told
    qtbot.waitUntil(lambda: CaseState.CERTIFICATE_ISSUED in states(dialog))
    assert states(dialog) == {CaseState.CERTIFICATE_ISSUED, CaseState.DENIED}
    assert dialog.view.denial_button.isVisible() and "Alt+D" in dialog.view.summary_label.text()

    alt(qtbot, dialog, Qt.Key.Key_D)
    qtbot.waitUntil(lambda: dialog.last_outcome is not None, timeout=10000)
    outcome = dialog.last_outcome
    assert outcome is not None and not outcome.error, dialog.view.print_label.text()
    assert outcome.printed.title == "部分事项不予许可告知书"
    text = pdf_text(outcome.target.pdf_path)
    assert "部分事项不予许可告知书" in text and "发票申领" in text
    assert squash(DENIED_WHY) in text and squash(DENIED_BASIS) in text and "行政复议" in text
    assert states(dialog) == {CaseState.CERTIFICATE_ISSUED, CaseState.DENIED}  # nothing handed

    hand_over(qtbot, dialog)  # the applicant collects the four results, with the notice
    qtbot.waitUntil(lambda: dialog.last_outcome is not outcome, timeout=10000)
    assert CaseState.COLLECTED in states(dialog), dialog.message()
    assert dialog.last_outcome is not None and dialog.last_outcome.printed.title == "领证回执"
