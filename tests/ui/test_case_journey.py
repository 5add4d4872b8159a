"""The whole case journey by keys (issue 17, "Done when"): a 开办企业 from the kiosk ticket
through one acceptance, five department decisions on their inboxes and collection by an agent,
every paper printed and read back; a 存量房转让 returned by one department, supplemented at the
window and finished; the demo hall holding cases at every stage.

A 通办 case printing its 材料流转单 is driven by keys in
``test_package_acceptance.test_a_package_with_a_cross_city_item_prints_its_transfer_slip``
(accepted at the counter, the slip printed and read back: the other city's authority and the
paper that travels); it is not repeated here.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import test_print_preview
from counter_window import show_counter
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from test_acceptance_panel import ALT, ENTER, enter_firm, enter_person, key, type_text
from test_handover import AGENT_ID, activate, focused, hand_over, open_by_key, pdf_text, states
from test_package_acceptance import CTRL, SETUP_ITEMS, call, choose_package, printed
from test_review_inbox import choose, open_inbox, shown_state

from clerk_app.api import Hall, StaffSession
from clerk_app.demo.credit_cases import HONGDA, PERSONS
from clerk_app.demo.hall_data import DEMO_PASSWORD
from clerk_app.documents.paper.text import cn_date
from clerk_app.documents.paper_data import DocumentKind
from clerk_app.domain.case_states import CaseState
from clerk_app.domain.task_states import OPEN, TaskState
from clerk_app.persistence.models_journey import Handover
from clerk_app.services.journey.results import TaskInfo, VisitReason
from ui.acceptance.acceptance_panel import AcceptancePanel
from ui.acceptance.steps import MATERIALS, PREVIEW
from ui.counter.counter_screen import CounterScreen
from ui.review.reason_dialog import SupplementDialog

pytestmark = pytest.mark.qt

local_settings = test_print_preview.local_settings  # autouse: PDFs in the test's folder

TRANSFER_ITEMS = {"ZJ", "BDC", "SW"}  # 存量房转让: 住建局, 不动产登记中心, 税务局
ASKED = "请补交经双方签字确认的房屋交接书。"


def accept_package(qtbot: QtBot, panel: AcceptancePanel, session: StaffSession) -> str:
    """Every material received (Alt+Right), accepted (Alt+A): the bundle's number."""
    key(qtbot, panel, Qt.Key.Key_Right, ALT)
    key(qtbot, panel, Qt.Key.Key_A, ALT)
    assert panel.stack.currentIndex() == PREVIEW, panel.decision_page.error_label.text()
    [bundle] = {c.bundle_no for c in session.cases.cases_for_ticket(panel.ticket_id or 0)}
    assert bundle is not None
    return bundle


def pick_package(qtbot: QtBot, panel: AcceptancePanel, name: str) -> None:
    """Alt+K lists the packages; ↓ to the one named, Enter: on to its materials."""
    key(qtbot, panel, Qt.Key.Key_K, ALT)
    assert panel.items_page.packages is not None
    view = panel.items_page.packages.view
    assert view.hasFocus()
    listed = [view.item(i).text() for i in range(view.count())]
    for _ in range(next(i for i, t in enumerate(listed) if t.startswith(name))):
        key(qtbot, panel, Qt.Key.Key_Down)
    key(qtbot, panel, ENTER)
    assert panel.stack.currentIndex() == MATERIALS
    package = panel.items_page.package()
    assert package is not None and package.name == name


def next_ticket(qtbot: QtBot, hall: Hall, counter: CounterScreen) -> None:
    """The applicant back at the hall: a kiosk ticket; the counter finishes the one in service
    (F6) and calls the next (F1)."""
    taken = hall.kiosk().queue.take_ticket("A")
    activate(qtbot, counter.window())
    if counter.desk.current is not None:
        qtbot.keyClick(counter, Qt.Key.Key_F6)
        qtbot.waitUntil(lambda: counter.desk.current is None)
    qtbot.keyClick(counter, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: counter.desk.current is not None)
    assert counter.desk.current is not None and counter.desk.current.number == taken.number


def decide_in_inbox(qtbot: QtBot, hall: Hall, task: TaskInfo, *keys: Qt.Key) -> None:
    """The department's reviewer signs in to its own window and works the task by ``keys``."""
    window, screen = open_inbox(qtbot, hall, f"review_{task.department_code.lower()}")
    assert {t.department_code for t in screen.model.rows()} == {task.department_code}
    choose(qtbot, screen, task.case_no)
    for k in keys:
        qtbot.keyClick(screen.view.table, k, ALT)
    window.close()


def task_states(session: StaffSession, bundle: str) -> dict[str, TaskState]:
    return {t.department_code: t.state for t in session.journey.tasks_of(bundle)}


def case_states(session: StaffSession, bundle: str) -> set[CaseState]:
    return {session.cases.get(t.case_no).state for t in session.journey.tasks_of(bundle)}


def test_a_business_start_from_the_ticket_to_collection_by_an_agent(
    qtbot: QtBot, clerk_qapp: QApplication, hall: Hall, local_settings: Path
) -> None:
    first = hall.kiosk().queue.take_ticket("A")
    _window, counter = show_counter(qtbot, hall, 1)
    session = counter._session
    panel = call(qtbot, counter)  # F1
    assert counter.desk.current is not None and counter.desk.current.number == first.number
    enter_firm(qtbot, panel, HONGDA)
    choose_package(qtbot, panel, "开办企业")
    bundle = accept_package(qtbot, panel, session)

    # One receipt: every item, its department and due date, and the package's due date.
    key(qtbot, panel, Qt.Key.Key_P, CTRL)
    receipt = printed(qtbot, panel, local_settings, DocumentKind.PACKAGE_RECEIPT)
    tasks = session.journey.tasks_of(bundle)
    assert len(tasks) == 5 and sorted(t.item_name for t in tasks) == sorted(SETUP_ITEMS)
    assert "一件事受理回执" in receipt and bundle in receipt
    for task in tasks:
        assert task.item_name in receipt and cn_date(task.due_date) in receipt
        assert "".join(task.department_name.split()) in receipt
    assert "一件事承诺办结日期" in receipt
    assert cn_date(max(t.due_date for t in tasks)) in receipt

    # Five departments, each in its own inbox: take (Alt+T) and approve (Alt+A).
    for task in tasks:
        decide_in_inbox(qtbot, hall, task, Qt.Key.Key_T, Qt.Key.Key_A)
    assert set(task_states(session, bundle).values()) == {TaskState.APPROVED}

    # The agent comes for the result with a new ticket: 出件 by F10 and the number.
    next_ticket(qtbot, hall, counter)
    dialog = open_by_key(qtbot, counter, bundle)
    assert dialog.visit_asked and dialog.chosen_reason() is VisitReason.COLLECT
    qtbot.keyClick(focused() or dialog, Qt.Key.Key_E, ALT)  # 出证
    qtbot.waitUntil(lambda: states(dialog) == {CaseState.CERTIFICATE_ISSUED})
    qtbot.keyClick(focused() or dialog, Qt.Key.Key_G, ALT)  # an agent
    qtbot.waitUntil(dialog.view.agent_radio.isChecked)
    assert focused() is dialog.view.agent_name_edit
    type_text(qtbot, dialog.view.agent_name_edit, "陈小雅")
    qtbot.keyClick(dialog.view.agent_name_edit, ENTER)
    qtbot.keyClicks(dialog.view.agent_id_edit, AGENT_ID)
    qtbot.keyClick(focused() or dialog, Qt.Key.Key_L, ALT)  # the authorisation letter
    qtbot.waitUntil(dialog.view.letter_check.isChecked)
    hand_over(qtbot, dialog)
    assert states(dialog) == {CaseState.COLLECTED}, dialog.message()

    # The 领证回执: the agent's ID masked, never whole; every certificate number on it.
    qtbot.waitUntil(lambda: dialog.last_outcome is not None)
    outcome = dialog.last_outcome
    assert outcome is not None and not outcome.error and outcome.printed.title == "领证回执"
    text = pdf_text(outcome.target.pdf_path)
    assert "领证回执" in text and bundle in text and "陈小雅" in text
    assert "4405**********" + AGENT_ID[-4:] in text and AGENT_ID not in text
    assert all(r.permit_no and r.permit_no in text for r in dialog.rows())

    # The core agrees: every case collected, every task approved, two visits (最多跑两次).
    assert case_states(session, bundle) == {CaseState.COLLECTED}
    assert set(task_states(session, bundle).values()) == {TaskState.APPROVED}
    assert {j.visits for j in session.journey.journeys([t.case_no for t in tasks]).values()} == {2}
    kinds = {r.kind for r in session.documents.history(bundle)}
    assert {DocumentKind.PACKAGE_RECEIPT, DocumentKind.COLLECTION_RECEIPT} <= kinds


def test_a_house_transfer_returned_for_a_supplement_finishes_after_it(
    qtbot: QtBot, clerk_qapp: QApplication, hall: Hall, local_settings: Path
) -> None:
    person = PERSONS[0]
    hall.kiosk().queue.take_ticket("A")
    _window, counter = show_counter(qtbot, hall, 1)
    session = counter._session
    panel = call(qtbot, counter)
    enter_person(qtbot, panel, "李秀珍", person.resident_id)
    pick_package(qtbot, panel, "存量房转让")  # its name also finds items: from the list
    bundle = accept_package(qtbot, panel, session)
    by_dept = {t.department_code: t for t in session.journey.tasks_of(bundle)}
    assert set(by_dept) == TRANSFER_ITEMS

    # 住建局 returns its task for a supplement from its inbox (Alt+T, Alt+U).
    window, screen = open_inbox(qtbot, hall, "review_zj")
    zj = by_dept["ZJ"]
    choose(qtbot, screen, zj.case_no)
    qtbot.keyClick(screen.view.table, Qt.Key.Key_T, ALT)
    qtbot.keyClick(screen.view.table, Qt.Key.Key_U, ALT)
    ask = screen.dialog
    assert isinstance(ask, SupplementDialog)
    activate(qtbot, ask)
    type_text(qtbot, ask.edits[0], ASKED)
    qtbot.keyClick(ask, ENTER, CTRL)
    assert not ask.isVisible() and shown_state(screen, zj.case_no) == "returned for supplement"
    window.close()
    assert task_states(session, bundle)["ZJ"] is TaskState.RETURNED

    # The applicant is back with the paper: the case number typed into 调取办件 opens 出件.
    next_ticket(qtbot, hall, counter)
    counter.focus_open_case()
    qtbot.keyClicks(counter.acceptance.case_edit, zj.case_no)
    qtbot.keyClick(counter.acceptance.case_edit, ENTER)
    dialog = counter.handover_dialog
    assert dialog is not None and dialog.bundle_no == bundle
    activate(qtbot, dialog)
    assert ASKED in dialog.view.supplement_label.text()
    qtbot.keyClick(focused() or dialog, Qt.Key.Key_V, ALT)  # visit 2: 补正 (chosen already)
    qtbot.waitUntil(lambda: dialog.visit_recorded)
    assert focused() is dialog.view.supplement_note_edit
    type_text(qtbot, dialog.view.supplement_note_edit, "交接书原件已收取")
    qtbot.keyClick(focused() or dialog, Qt.Key.Key_S, ALT)
    assert "back in the inbox" in dialog.message(), dialog.message()
    assert task_states(session, bundle)["ZJ"] is TaskState.PENDING
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert counter.handover_dialog is None

    # 住建局 approves now; so do the other two departments.
    decide_in_inbox(qtbot, hall, zj, Qt.Key.Key_T, Qt.Key.Key_A)
    for code in ("BDC", "SW"):
        decide_in_inbox(qtbot, hall, by_dept[code], Qt.Key.Key_T, Qt.Key.Key_A)
    assert set(task_states(session, bundle).values()) == {TaskState.APPROVED}

    # The applicant collects in person, with a third ticket; the 领证回执 is printed.
    next_ticket(qtbot, hall, counter)
    dialog = open_by_key(qtbot, counter, bundle)
    qtbot.keyClick(focused() or dialog, Qt.Key.Key_E, ALT)
    qtbot.waitUntil(lambda: states(dialog) == {CaseState.CERTIFICATE_ISSUED})
    hand_over(qtbot, dialog)  # the applicant (the default); 领证 counted by the collection
    assert states(dialog) == {CaseState.COLLECTED}, dialog.message()
    qtbot.waitUntil(lambda: dialog.last_outcome is not None)
    outcome = dialog.last_outcome
    assert outcome is not None and outcome.printed.title == "领证回执"
    text = pdf_text(outcome.target.pdf_path)
    assert bundle in text and person.resident_id not in text

    assert case_states(session, bundle) == {CaseState.COLLECTED}
    journeys = session.journey.journeys([t.case_no for t in by_dept.values()])
    assert journeys[zj.case_no].visits == 3  # acceptance, 补正, 领证
    assert all(j.package == "CLFZR" for j in journeys.values())


def test_the_demo_hall_holds_cases_at_every_stage(hall: Hall) -> None:
    """Accepted, half decided, returned, ready at the window, collected, mailed, 通办."""
    clerk = hall.login("clerk01", DEMO_PASSWORD, counter=1)
    groups: dict[str, list[TaskInfo]] = {}
    for task in clerk.journey.list_tasks():
        groups.setdefault(task.bundle_no or task.case_no, []).append(task)
    decided = {TaskState.APPROVED, TaskState.DENIED}

    def stage(tasks: list[TaskInfo]) -> set[TaskState]:
        return {t.state for t in tasks}

    assert any(stage(ts) == {TaskState.PENDING} and len(ts) > 1 for ts in groups.values())
    assert any(stage(ts) & decided and stage(ts) & OPEN for ts in groups.values())  # half
    assert any(TaskState.RETURNED in stage(ts) for ts in groups.values())
    cases = {no: clerk.cases.get(ts[0].case_no) for no, ts in groups.items()}
    ready = [no for no, c in cases.items() if c.state is CaseState.CERTIFICATE_ISSUED]
    assert ready and any(TaskState.DENIED in stage(groups[no]) for no in ready)  # partly denied
    with hall.db.read() as s:
        methods = set(s.scalars(select(Handover.method)))
    assert methods >= {"collect", "deliver"}
    assert any(c.state is CaseState.COLLECTED for c in cases.values())
    journeys = clerk.journey.journeys(
        [t.case_no for ts in groups.values() for t in ts if t.bundle_no is None]
    )
    assert any(j.authority == "广州市公安局" for j in journeys.values())  # 跨城通办
