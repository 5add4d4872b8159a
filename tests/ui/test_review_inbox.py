"""The department reviewer's inbox (issue 17, 并联审批), worked by keyboard as a reviewer does:
arrow keys choose a task, Alt+T takes it, Alt+A approves, Alt+D denies (reason and legal basis
in a dialog), Alt+U returns it for a supplement. A refusal shows the core's sentence and
changes nothing."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from clerk_app.api import Hall
from clerk_app.demo.credit_cases import make_resident_id, make_uscc
from clerk_app.demo.hall_data import DEMO_PASSWORD
from clerk_app.domain.case_states import CaseState
from clerk_app.domain.task_states import TaskState
from clerk_app.persistence.models import AuditLog
from clerk_app.persistence.models_cases import Case
from clerk_app.persistence.models_journey import Notification, Task
from clerk_app.services.cases.results import ApplicantInput
from clerk_app.services.journey.results import PackageAcceptance, TaskInfo
from ui.main_window import MainWindow
from ui.review.reason_dialog import DenyDialog, SupplementDialog
from ui.review.review_screen import ReviewScreen
from ui.review.task_model import TaskModel

pytestmark = pytest.mark.qt

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
FIRM = ApplicantInput(
    "汕头市龙湖区审批测试有限公司",
    "uscc",
    make_uscc("440507", "MA5R7W2N"),
    legal_representative="方审批",
    agent_name="方审批",
    agent_id=make_resident_id("440507", date(1987, 6, 5), 21),
)


@pytest.fixture
def package(hall: Hall) -> PackageAcceptance:
    """A 开办企业 accepted at window 1: five tasks pushed, one to 市场监管局 (SCJG)."""
    desk = hall.login("clerk01", DEMO_PASSWORD, counter=1)
    return desk.journey.accept_package("KBQY", FIRM, contact_phone="13900002222")


@pytest.fixture
def reviewer(
    qtbot: QtBot, clerk_qapp: QApplication, hall: Hall
) -> Iterator[tuple[MainWindow, ReviewScreen]]:
    yield open_inbox(qtbot, hall, "review_scjg")


def open_inbox(qtbot: QtBot, hall: Hall, user: str) -> tuple[MainWindow, ReviewScreen]:
    window = MainWindow(hall.login(user, DEMO_PASSWORD), hall.name)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    screen = window.screen_widget
    assert isinstance(screen, ReviewScreen)
    return window, screen


def task_of(package: PackageAcceptance, department: str) -> TaskInfo:
    [task] = [t for t in package.tasks if t.department_code == department]
    return task


def choose(qtbot: QtBot, screen: ReviewScreen, case_no: str) -> TaskInfo:
    """Ctrl+Home to the first task, then Down until the case's row is the chosen one."""
    table = screen.view.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Home, CTRL)
    for _ in range(screen.model.rowCount()):
        task = screen.selected_task()
        if task is not None and task.case_no == case_no:
            return task
        qtbot.keyClick(table, Qt.Key.Key_Down)
    raise AssertionError(f"{case_no} is not in the inbox")


def shown_state(screen: ReviewScreen, case_no: str) -> str:
    row = screen.model.row_of(case_no)
    assert row is not None, f"{case_no} is not listed"
    return str(screen.model.index(row, TaskModel.STATE).data())


def stored(hall: Hall, case_no: str) -> tuple[str, int, str]:
    with hall.db.read() as s:
        case = s.scalars(select(Case).where(Case.case_no == case_no)).one()
        task = s.scalars(select(Task).where(Task.case_id == case.id)).one()
        return task.state, task.version, case.state


def snapshot(hall: Hall) -> dict[str, list[str]]:
    with hall.db.read() as s:
        return {
            t.__tablename__: sorted(repr(tuple(r)) for r in s.execute(select(t.__table__)))
            for t in (Case, Task, Notification, AuditLog)
        }


def alt(qtbot: QtBot, widget: QWidget, key: Qt.Key) -> None:
    qtbot.keyClick(widget, key, ALT)


def activate(qtbot: QtBot, dialog: QWidget) -> None:
    dialog.activateWindow()  # what a window manager does with a new dialog
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)


def test_take_and_approve_by_keys(
    qtbot: QtBot, hall: Hall, package: PackageAcceptance, reviewer: tuple[MainWindow, ReviewScreen]
) -> None:
    _window, screen = reviewer
    mine = task_of(package, "SCJG")
    choose(qtbot, screen, mine.case_no)
    assert shown_state(screen, mine.case_no) == "pending"
    assert not screen.view.approve_button.isEnabled()  # a pending task is taken first
    assert (
        "Alt+T" in screen.view.take_button.text() and "Alt+T" in screen.view.take_button.toolTip()
    )

    alt(qtbot, screen.view.table, Qt.Key.Key_T)
    assert shown_state(screen, mine.case_no) == "taken"
    assert stored(hall, mine.case_no)[::2] == ("taken", CaseState.IN_REVIEW.value)
    assert screen.selected_task() is not None and screen.selected_task().case_no == mine.case_no  # type: ignore[union-attr]

    alt(qtbot, screen.view.table, Qt.Key.Key_A)
    assert stored(hall, mine.case_no)[::2] == ("approved", CaseState.APPROVED.value)
    assert screen.model.row_of(mine.case_no) is None  # decided: gone from the open inbox
    assert mine.case_no in screen.view.message_label.text()
    alt(qtbot, screen.view.table, Qt.Key.Key_H)  # show decided tasks too
    assert shown_state(screen, mine.case_no) == "approved"


def test_the_list_shows_due_date_days_left_and_the_masked_applicant(
    qtbot: QtBot, hall: Hall, package: PackageAcceptance, reviewer: tuple[MainWindow, ReviewScreen]
) -> None:
    _window, screen = reviewer
    mine = task_of(package, "SCJG")
    row = screen.model.row_of(mine.case_no)
    assert row is not None
    cell = lambda column: str(screen.model.index(row, column).data())  # noqa: E731
    assert cell(TaskModel.DUE) == mine.due_date.isoformat()
    assert cell(TaskModel.DAYS_LEFT) == str(mine.days_left)
    assert cell(TaskModel.APPLICANT) == mine.applicant and FIRM.id_value not in cell(
        TaskModel.APPLICANT
    )
    assert cell(TaskModel.ITEM) == mine.item_name


def test_overdue_and_due_soon_rows_take_the_dashboards_colours(
    clerk_qapp: QApplication, package: PackageAcceptance
) -> None:
    from dataclasses import replace

    from ui.dashboard.alert_model import RED_BACKGROUND, YELLOW_BACKGROUND

    task = task_of(package, "SCJG")
    model = TaskModel()
    model.set_rows(
        [
            replace(task, warning="red", days_left=-2),
            replace(task, warning="yellow", days_left=1),
            replace(task, warning="", days_left=5),
        ]
    )
    background = Qt.ItemDataRole.BackgroundRole
    assert model.index(0, 0).data(background).color() == RED_BACKGROUND
    assert model.index(1, 0).data(background).color() == YELLOW_BACKGROUND
    assert model.index(2, 0).data(background) is None
    assert model.index(0, TaskModel.DAYS_LEFT).data() == "2 overdue"


def open_dialog(
    qtbot: QtBot, hall: Hall, screen: ReviewScreen, case_no: str, key: Qt.Key
) -> QWidget:
    choose(qtbot, screen, case_no)
    if screen.selected_task().state is TaskState.PENDING:  # type: ignore[union-attr]
        alt(qtbot, screen.view.table, Qt.Key.Key_T)
    alt(qtbot, screen.view.table, key)
    dialog = screen.dialog
    assert dialog is not None and dialog.isVisible()
    activate(qtbot, dialog)
    return dialog


def test_deny_with_an_empty_reason_is_refused_in_the_dialog(
    qtbot: QtBot, hall: Hall, package: PackageAcceptance, reviewer: tuple[MainWindow, ReviewScreen]
) -> None:
    _window, screen = reviewer
    mine = task_of(package, "SCJG")
    dialog = open_dialog(qtbot, hall, screen, mine.case_no, Qt.Key.Key_D)
    assert isinstance(dialog, DenyDialog)
    before = snapshot(hall)
    alt(qtbot, dialog, Qt.Key.Key_L)  # only the legal basis typed
    qtbot.keyClicks(dialog.edits[1], "Art. 17")
    qtbot.keyClick(dialog, Qt.Key.Key_Return, CTRL)

    assert dialog.isVisible() and dialog.error_label.text() == "The reason is required."
    assert snapshot(hall) == before
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert shown_state(screen, mine.case_no) == "taken"


def test_a_reason_over_the_cores_limit_is_refused_at_entry(
    qtbot: QtBot, hall: Hall, package: PackageAcceptance, reviewer: tuple[MainWindow, ReviewScreen]
) -> None:
    _window, screen = reviewer
    mine = task_of(package, "SCJG")
    dialog = open_dialog(qtbot, hall, screen, mine.case_no, Qt.Key.Key_U)
    assert isinstance(dialog, SupplementDialog)
    before = snapshot(hall)
    qtbot.keyClicks(dialog.edits[0], "x" * 501)
    qtbot.keyClick(dialog, Qt.Key.Key_Return, CTRL)

    assert dialog.isVisible()
    assert "at most 500 characters (501 given)" in dialog.error_label.text()
    assert snapshot(hall) == before


def test_deny_with_reason_and_legal_basis(
    qtbot: QtBot, hall: Hall, package: PackageAcceptance, reviewer: tuple[MainWindow, ReviewScreen]
) -> None:
    _window, screen = reviewer
    mine = task_of(package, "SCJG")
    dialog = open_dialog(qtbot, hall, screen, mine.case_no, Qt.Key.Key_D)
    assert isinstance(dialog, DenyDialog)
    assert dialog.edits[0].hasFocus()
    qtbot.keyClicks(dialog.edits[0], "The name is already registered")
    alt(qtbot, dialog, Qt.Key.Key_L)
    assert dialog.edits[1].hasFocus()
    qtbot.keyClicks(dialog.edits[1], "Enterprise Name Rules, Art. 9")
    qtbot.keyClick(dialog.edits[1], Qt.Key.Key_Return)  # Enter on the last line: OK

    assert not dialog.isVisible()
    assert stored(hall, mine.case_no)[::2] == ("denied", CaseState.DENIED.value)
    with hall.db.read() as s:
        case = s.scalars(select(Case).where(Case.case_no == mine.case_no)).one()
        assert case.decision_reason == "The name is already registered"
        assert case.decision_basis == "Enterprise Name Rules, Art. 9"
    assert screen.model.row_of(mine.case_no) is None
    assert "denied" in screen.view.message_label.text()


def test_return_for_a_supplement(
    qtbot: QtBot, hall: Hall, package: PackageAcceptance, reviewer: tuple[MainWindow, ReviewScreen]
) -> None:
    _window, screen = reviewer
    mine = task_of(package, "SCJG")
    dialog = open_dialog(qtbot, hall, screen, mine.case_no, Qt.Key.Key_U)
    assert isinstance(dialog, SupplementDialog)
    qtbot.keyClicks(dialog.edits[0], "The signed articles of association")
    qtbot.keyClick(dialog, Qt.Key.Key_Return, CTRL)

    assert not dialog.isVisible()
    assert stored(hall, mine.case_no)[0] == TaskState.RETURNED.value
    assert shown_state(screen, mine.case_no) == "returned for supplement"
    row = screen.model.row_of(mine.case_no)
    assert row is not None
    assert "articles of association" in str(screen.model.index(row, TaskModel.NOTE).data())
    assert not screen.view.approve_button.isEnabled()  # it waits for the window now


def test_a_reviewer_sees_only_its_departments_tasks(
    qtbot: QtBot, hall: Hall, package: PackageAcceptance, reviewer: tuple[MainWindow, ReviewScreen]
) -> None:
    _window, screen = reviewer
    listed = screen.model.rows()
    assert listed and {t.department_code for t in listed} == {"SCJG"}
    assert task_of(package, "SCJG").case_no in {t.case_no for t in listed}
    assert task_of(package, "SW").case_no not in {t.case_no for t in listed}
    _other_window, tax = open_inbox(qtbot, hall, "review_sw")
    assert {t.department_code for t in tax.model.rows()} == {"SW"}
    assert task_of(package, "SW").case_no in {t.case_no for t in tax.model.rows()}
    assert "税务" in tax.view.department_badge.text()


SECOND_PASSWORD = "Review-02"


def second_reviewer(hall: Hall) -> None:
    """Another reviewer of 市场监管局, added as the admin adds one."""
    hall.system().admin.add_user(
        "review_scjg2", "市场监管局审批 王强", "reviewer", SECOND_PASSWORD, "SCJG"
    )


def test_a_task_another_reviewer_decided_is_refused_and_nothing_changes(
    qtbot: QtBot, hall: Hall, package: PackageAcceptance, reviewer: tuple[MainWindow, ReviewScreen]
) -> None:
    _window, screen = reviewer
    mine = task_of(package, "SCJG")
    choose(qtbot, screen, mine.case_no)
    alt(qtbot, screen.view.table, Qt.Key.Key_T)
    seen = screen.selected_task()
    assert seen is not None and seen.state is TaskState.TAKEN
    screen.poller.stop()  # the other PC acts between two polls
    second_reviewer(hall)
    colleague = hall.login("review_scjg2", SECOND_PASSWORD).journey
    colleague.approve(seen.case_no, seen.version)  # at another PC, before this inbox polled
    before = snapshot(hall)

    alt(qtbot, screen.view.table, Qt.Key.Key_D)  # deny what the screen still shows as taken
    dialog = screen.dialog
    assert isinstance(dialog, DenyDialog)
    activate(qtbot, dialog)
    qtbot.keyClicks(dialog.edits[0], "Too late")
    qtbot.keyClicks(dialog.edits[1], "None")
    qtbot.keyClick(dialog, Qt.Key.Key_Return, CTRL)
    assert dialog.isVisible()
    assert "changed by someone else" in dialog.error_label.text()
    assert snapshot(hall) == before
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert screen.model.row_of(mine.case_no) is None  # read again: decided, not open
    assert stored(hall, mine.case_no)[0] == "approved"


def test_approving_a_stale_row_shows_the_cores_message(
    qtbot: QtBot, hall: Hall, package: PackageAcceptance, reviewer: tuple[MainWindow, ReviewScreen]
) -> None:
    _window, screen = reviewer
    mine = task_of(package, "SCJG")
    choose(qtbot, screen, mine.case_no)
    alt(qtbot, screen.view.table, Qt.Key.Key_T)
    seen = screen.selected_task()
    assert seen is not None
    screen.poller.stop()  # the other PC acts between two polls
    second_reviewer(hall)
    hall.login("review_scjg2", SECOND_PASSWORD).journey.approve(seen.case_no, seen.version)
    before = snapshot(hall)

    alt(qtbot, screen.view.table, Qt.Key.Key_A)
    assert "changed by someone else" in screen.view.message_label.text()
    assert screen.view.message_label.objectName() == "ErrorText"
    assert snapshot(hall) == before


def test_the_cores_message_is_in_the_users_language(
    qtbot: QtBot, hall: Hall, package: PackageAcceptance, reviewer: tuple[MainWindow, ReviewScreen]
) -> None:
    from clerk_app.i18n import set_language

    _window, screen = reviewer
    mine = task_of(package, "SCJG")
    choose(qtbot, screen, mine.case_no)
    alt(qtbot, screen.view.table, Qt.Key.Key_T)
    seen = screen.selected_task()
    assert seen is not None
    screen.poller.stop()
    hall.login("review_scjg", DEMO_PASSWORD).journey.approve(seen.case_no, seen.version)
    set_language("zh_CN")
    alt(qtbot, screen.view.table, Qt.Key.Key_A)
    assert "已被他人处理" in screen.view.message_label.text()


def test_a_task_pushed_later_shows_after_a_reload(
    qtbot: QtBot, hall: Hall, reviewer: tuple[MainWindow, ReviewScreen]
) -> None:
    window, screen = reviewer
    before = {t.case_no for t in screen.model.rows()}
    desk = hall.login("clerk01", DEMO_PASSWORD, counter=1)
    done = desk.journey.accept_package("KBQY", FIRM)
    new = task_of(done, "SCJG").case_no
    assert new not in before
    qtbot.keyClick(window, Qt.Key.Key_R, CTRL)  # the window's reload; the poll does the same
    assert new in {t.case_no for t in screen.model.rows()}
    assert "hall time" in screen.view.updated_label.text()


def test_the_main_window_of_a_reviewer_shows_the_inbox(
    qtbot: QtBot, clerk_qapp: QApplication, hall: Hall
) -> None:
    window, screen = open_inbox(qtbot, hall, "review_ga")
    assert isinstance(window.screen_widget, ReviewScreen)
    assert screen.model.rowCount() > 0  # the demo hall's 开办企业 waiting at 公安局
    assert screen.view.table.hasFocus()


def test_the_inbox_speaks_chinese(qtbot: QtBot, clerk_qapp: QApplication, hall: Hall) -> None:
    from clerk_app.i18n import set_language
    from ui.app import create_application

    create_application(lang="zh_CN")  # the fixture switches back to English afterwards
    set_language("zh_CN")
    _window, screen = open_inbox(qtbot, hall, "review_ga")
    assert screen.view.take_button.text() == "签收（Alt+T）"
    assert screen.view.deny_button.text() == "不予…（Alt+D）"
    assert screen.model.headerData(TaskModel.DAYS_LEFT, Qt.Orientation.Horizontal) == "剩余工作日"
    assert shown_state(screen, screen.model.rows()[0].case_no) == "待办"
