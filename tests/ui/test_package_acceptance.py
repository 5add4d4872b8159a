"""One acceptance of a 一件事 at the counter from the called ticket, keyboard only (issue 17)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import test_print_preview
from counter_window import show_counter
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from test_acceptance_panel import ALT, ENTER, enter_firm, enter_person, key, type_text
from test_document_printing import activate
from test_print_preview import pdf_text

from clerk_app.api import Hall, StaffSession
from clerk_app.demo.credit_cases import HONGDA, PERSONS
from clerk_app.demo.hall_data import DEMO_PASSWORD
from clerk_app.documents.paper.text import cn_date
from clerk_app.documents.paper_data import DocumentKind
from clerk_app.services.journey.results import PackageInput
from ui.acceptance.acceptance_panel import AcceptancePanel
from ui.acceptance.package_materials import SHARED
from ui.acceptance.steps import DECISION, ITEMS, MATERIALS, PREVIEW
from ui.counter.counter_screen import CounterScreen

pytestmark = pytest.mark.qt

local_settings = test_print_preview.local_settings  # autouse: PDFs in the test's folder
CTRL = Qt.KeyboardModifier.ControlModifier
SETUP_ITEMS = ["企业设立登记", "印章刻制备案", "发票申领", "社会保险登记", "住房公积金单位缴存登记"]


@pytest.fixture
def counter(qtbot: QtBot, clerk_qapp: QApplication, hall: Hall) -> Iterator[CounterScreen]:
    hall.kiosk().queue.take_ticket("A")
    _window, screen = show_counter(qtbot, hall, 1)
    yield screen
    screen.shutdown()


def call(qtbot: QtBot, counter: CounterScreen) -> AcceptancePanel:
    """F1: the ticket taken at the kiosk is called; the panel serves it."""
    qtbot.keyClick(counter, Qt.Key.Key_F1)
    panel = counter.acceptance
    assert panel.ticket_id is not None
    return panel


def choose_package(qtbot: QtBot, panel: AcceptancePanel, name: str) -> None:
    """The package's name typed in the item search, then Enter: its items, on to materials."""
    page = panel.items_page
    assert panel.stack.currentIndex() == ITEMS and page.search_box.hasFocus()
    type_text(qtbot, page.search_box, name)
    key(qtbot, panel, ENTER)
    package = page.package()
    assert package is not None and package.name == name
    assert panel.stack.currentIndex() == MATERIALS
    assert name in page.chosen_title.text()


def all_cases(session: StaffSession) -> int:
    return len(session.cases.list_cases(limit=100_000))


def printed(qtbot: QtBot, panel: AcceptancePanel, local_settings: Path, kind: DocumentKind) -> str:
    """The text of the PDF printed for ``kind``, read back from the counter's PDF folder."""
    name = f"*-{kind.value}*.pdf"
    qtbot.waitUntil(lambda: bool(list(local_settings.glob(name))))
    [path] = local_settings.glob(name)
    return "".join(pdf_text(path.read_bytes()).split())  # table cells wrap: no whitespace


def test_a_business_start_package_accepted_once_with_one_receipt(
    qtbot: QtBot, counter: CounterScreen, local_settings: Path
) -> None:
    session = counter._session
    panel = call(qtbot, counter)
    enter_firm(qtbot, panel, HONGDA)
    choose_package(qtbot, panel, "开办企业")

    rows = panel.materials_page.model.rows()
    shared = [r.name for r in rows if r.item_code == SHARED]
    assert shared == ["营业执照副本复印件", "法定代表人身份证明", "授权委托书及受托人身份证件"]
    names = [r.name for r in rows]
    for name in shared:  # each shared material asked once, not once per item
        assert names.count(name) == 1
    own = {r.item_name for r in rows if r.item_code != SHARED}
    assert own == set(SETUP_ITEMS)  # every item's own remaining materials follow

    key(qtbot, panel, Qt.Key.Key_Right, ALT)  # every material received
    assert panel.stack.currentIndex() == DECISION
    key(qtbot, panel, Qt.Key.Key_A, ALT)
    assert panel.stack.currentIndex() == PREVIEW, panel.decision_page.error_label.text()

    cases = session.cases.cases_for_ticket(panel.ticket_id or 0)
    assert sorted(c.item_name for c in cases) == sorted(SETUP_ITEMS)
    assert {c.state for c in cases} == {"accepted"}
    [bundle_no] = {c.bundle_no for c in cases}
    assert bundle_no is not None
    tasks = session.journey.tasks_of(bundle_no)
    assert len(tasks) == 5 and len({t.department_code for t in tasks}) == 5
    journeys = session.journey.journeys([c.case_no for c in cases])
    assert {j.package for j in journeys.values()} == {"KBQY"}
    assert "5 case(s)" in panel.ticket_label.text()

    docs = panel.documents
    assert [r.kind for r in docs.model.rows()] == [DocumentKind.PACKAGE_RECEIPT]
    key(qtbot, panel, Qt.Key.Key_P, CTRL)
    text = printed(qtbot, panel, local_settings, DocumentKind.PACKAGE_RECEIPT)
    for name in SETUP_ITEMS:
        assert name in text
    # RS and GJJ promise 2 working days, the package's own limit: the last task is due with it.
    package_due = max(t.due_date for t in tasks)
    assert "一件事承诺办结日期" in text and cn_date(package_due) in text
    kinds = [r.kind for r in session.documents.history(bundle_no)]
    assert kinds == [DocumentKind.PACKAGE_RECEIPT]
    assert "一件事受理回执" in panel.preview.toPlainText()  # the printed paper's words


def test_a_packages_receipt_is_read_and_previewed_before_it_is_printed(
    qtbot: QtBot, counter: CounterScreen, local_settings: Path
) -> None:
    """Step 5 of a 一件事: the words view says the receipt as the core would print it, Enter
    shows the core's PDF without recording anything, and Ctrl+P in the preview prints it
    through the core (then a second print is the 补打 the preview now shows)."""
    session = counter._session
    panel = call(qtbot, counter)
    enter_firm(qtbot, panel, HONGDA)
    choose_package(qtbot, panel, "开办企业")
    key(qtbot, panel, Qt.Key.Key_Right, ALT)
    key(qtbot, panel, Qt.Key.Key_A, ALT)
    assert panel.stack.currentIndex() == PREVIEW
    [row] = panel.documents.model.rows()
    bundle_no = row.case_no
    qtbot.waitUntil(lambda: bundle_no in panel.preview.toPlainText())
    assert "一件事受理回执" in panel.preview.toPlainText()
    for name in SETUP_ITEMS:
        assert name in panel.preview.toPlainText()

    docs = panel.documents
    docs.focus_list()
    key(qtbot, docs.view, ENTER)
    qtbot.waitUntil(lambda: docs.preview_dialog is not None)
    dialog = docs.preview_dialog
    assert dialog is not None and dialog.document.pageCount() >= 1
    assert "一件事受理回执" in dialog.windowTitle() and bundle_no in dialog.windowTitle()
    assert session.documents.history(bundle_no) == []  # a preview records nothing

    activate(qtbot, dialog)  # the offscreen platform activates no window by itself
    with qtbot.waitSignal(dialog.printed) as signal:
        qtbot.keyClick(dialog, Qt.Key.Key_P, CTRL)
    first = signal.args[0]
    assert not first.error and not first.printed.reprint
    assert [r.kind for r in session.documents.history(bundle_no)] == [DocumentKind.PACKAGE_RECEIPT]
    text = "".join(pdf_text(Path(first.target.pdf_path).read_bytes()).split())
    assert Path(first.target.pdf_path).parent == local_settings
    assert bundle_no in text and "一件事受理回执" in text
    qtbot.waitUntil(lambda: "补打" in panel.preview.toPlainText())  # printing again would be


def test_a_package_with_a_cross_city_item_prints_its_transfer_slip(
    qtbot: QtBot, counter: CounterScreen, hall: Hall, local_settings: Path
) -> None:
    admin = hall.login("admin", DEMO_PASSWORD)
    admin.journey.save_package(
        PackageInput("QYHK", "迁户口", 3, ("440500-GA-201", "440500-GA-101"))
    )
    session = counter._session
    panel = call(qtbot, counter)
    enter_person(qtbot, panel, "李秀珍", PERSONS[0].resident_id)
    key(qtbot, panel, Qt.Key.Key_K, ALT)  # the package list, the first one chosen
    assert panel.items_page.packages is not None
    view = panel.items_page.packages.view
    assert view.hasFocus()
    listed = [view.item(i).text() for i in range(view.count())]
    for _ in range(next(i for i, t in enumerate(listed) if t.startswith("迁户口"))):
        key(qtbot, panel, Qt.Key.Key_Down)
    key(qtbot, panel, ENTER)
    assert panel.stack.currentIndex() == MATERIALS
    key(qtbot, panel, Qt.Key.Key_Right, ALT)
    key(qtbot, panel, Qt.Key.Key_A, ALT)
    assert panel.stack.currentIndex() == PREVIEW, panel.decision_page.error_label.text()

    kinds = [r.kind for r in panel.documents.model.rows()]
    assert kinds == [DocumentKind.PACKAGE_RECEIPT, DocumentKind.TRANSFER_SLIP]
    key(qtbot, panel, Qt.Key.Key_P, CTRL)  # both: what the acceptance hands over
    slip = printed(qtbot, panel, local_settings, DocumentKind.TRANSFER_SLIP)
    assert "材料流转单" in slip and "广州市公安局" in slip and "户口迁移申请表" in slip
    assert "印章刻制申请表" not in slip  # this hall's own item's paper stays here
    receipt = printed(qtbot, panel, local_settings, DocumentKind.PACKAGE_RECEIPT)
    assert "户口迁移（跨城通办）" in receipt and "印章刻制备案" in receipt
    [bundle_no] = {c.bundle_no for c in session.cases.cases_for_ticket(panel.ticket_id or 0)}
    assert bundle_no is not None
    printed_kinds = {r.kind for r in session.documents.history(bundle_no)}
    assert printed_kinds == {DocumentKind.PACKAGE_RECEIPT, DocumentKind.TRANSFER_SLIP}


def test_a_missing_shared_core_material_is_refused_and_nothing_is_written(
    qtbot: QtBot, counter: CounterScreen
) -> None:
    session = counter._session
    before = all_cases(session), len(session.journey.list_tasks())
    panel = call(qtbot, counter)
    enter_firm(qtbot, panel, HONGDA)
    choose_package(qtbot, panel, "开办企业")
    page = panel.materials_page
    assert page.view.hasFocus()
    key(qtbot, panel, Qt.Key.Key_M)  # row 1: 营业执照副本复印件, shared and core
    assert page.model.rows()[0].name == "营业执照副本复印件"
    key(qtbot, panel, Qt.Key.Key_Right, ALT)
    decision = panel.decision_page
    assert not decision.tolerant_button.isEnabled()  # a package is accepted whole
    assert decision.notice_button.hasFocus()  # what the checklist points to
    key(qtbot, panel, Qt.Key.Key_A, ALT)

    assert panel.stack.currentIndex() == DECISION
    assert "营业执照副本复印件" in decision.error_label.text()
    assert (all_cases(session), len(session.journey.list_tasks())) == before
    assert session.cases.cases_for_ticket(panel.ticket_id or 0) == []


def test_the_package_choice_speaks_chinese(
    qtbot: QtBot, clerk_qapp: QApplication, hall: Hall
) -> None:
    """zh_CN is the first language: the package list and the chosen package read Chinese."""
    from ui.acceptance.items_page import ItemsPage
    from ui.app import create_application

    create_application(lang="zh_CN")  # (the fixture switches back to English)
    session = hall.login("clerk01", DEMO_PASSWORD, counter=1)
    page = ItemsPage(session.catalog, journey=session.journey)
    qtbot.addWidget(page)
    assert page.packages is not None
    page.packages.filter("开办")
    assert page.packages.title.text() == "一件事（Alt+K）：回车选择，一次受理"
    assert page.packages.view.item(0).text() == "开办企业 · 5 个事项 · 2 个工作日内办结"
    page.choose_package(page.packages.matching("开办企业")[0])
    assert page.chosen_title.text() == "一件事“开办企业”：5 个事项，一次受理，2 个工作日内办结"


def test_a_package_retired_meanwhile_is_refused_and_nothing_is_written(
    qtbot: QtBot, counter: CounterScreen, hall: Hall
) -> None:
    session = counter._session
    before = all_cases(session)
    panel = call(qtbot, counter)
    enter_firm(qtbot, panel, HONGDA)
    choose_package(qtbot, panel, "开办企业")
    hall.login("admin", DEMO_PASSWORD).journey.set_package_active("KBQY", False)
    key(qtbot, panel, Qt.Key.Key_Right, ALT)
    key(qtbot, panel, Qt.Key.Key_A, ALT)
    assert panel.stack.currentIndex() == DECISION
    assert "retired" in panel.decision_page.error_label.text()
    assert all_cases(session) == before
