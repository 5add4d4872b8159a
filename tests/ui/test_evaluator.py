"""The evaluator (评价器) at a counter, driven by keys only: it follows the counter through the
services, asks when the service ends, and the rating lands tied to ticket, clerk and cases."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from clerk_app.api import Hall, open_hall
from clerk_app.demo.hall_data import DEMO_PASSWORD
from clerk_app.domain.evaluation import Level, Reason
from clerk_app.services.cases.results import ApplicantInput, ItemRequest
from ui.evaluator import evaluator_window
from ui.evaluator.evaluator_window import EvaluatorWindow

pytestmark = pytest.mark.qt

FOOD = "440500-SCJG-005"  # 食品经营许可 (promised)
APPLICANT = ApplicantInput("张三", "resident_id", "11010519491231002X")


@pytest.fixture
def counter_pc(hall: Hall) -> Iterator[Hall]:
    """The counter's own PC: the same hall database through another connection."""
    other = open_hall(hall.db.url)
    yield other
    other.close()


@pytest.fixture(autouse=True)
def quick_timers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(evaluator_window, "THANKS_MS", 300)
    monkeypatch.setattr(evaluator_window, "ERROR_MS", 300)


def open_evaluator(qtbot: QtBot, hall: Hall, counter: int = 3) -> EvaluatorWindow:
    window = EvaluatorWindow(hall.evaluator(counter), hall.name)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    window.activateWindow()
    return window


def press(window: EvaluatorWindow, *keys: Qt.Key) -> None:
    """Keys as a keyboard sends them: to the widget that has the focus."""
    for key in keys:
        QTest.keyClick(window.focusWidget() or window, key)


def page(window: EvaluatorWindow) -> QWidget:
    return window.view.stack.currentWidget()


def test_a_service_is_rated_with_keys_only_and_tied_to_ticket_clerk_counter_and_cases(
    qtbot: QtBot, clerk_qapp: QApplication, hall: Hall, counter_pc: Hall
) -> None:
    window = open_evaluator(qtbot, hall)
    assert window.view.clerk_label.text() == "Not in service"
    assert window.view.counter_label.text() == "Counter 3"

    hall.kiosk().queue.take_ticket("A")
    clerk = counter_pc.login("clerk03", DEMO_PASSWORD, counter=3)
    ticket = clerk.queue.call_next()
    assert ticket is not None
    qtbot.waitUntil(
        lambda: window.view.status_label.text() == "Now serving number A001", timeout=2000
    )
    assert window.view.clerk_label.text() == clerk.actor.display_name
    assert window.view.photo_label.isVisible()
    [case] = clerk.cases.accept(APPLICANT, [ItemRequest(FOOD)], ticket_id=ticket.id)

    with qtbot.waitSignal(window.rating_asked, timeout=2000) as asked:
        clerk.queue.finish()
    assert asked.args[0].ticket_id == ticket.id
    assert page(window) is window.view.levels_page
    assert window.view.service_label.text() == f"Number A001, served by {clerk.actor.display_name}"

    press(window, Qt.Key.Key_4)  # 不满意
    assert page(window) is window.view.details_page
    assert window.view.reasons_area.isVisible()
    press(window, Qt.Key.Key_1, Qt.Key.Key_4)  # 等候时间长, 办理时间长
    with qtbot.waitSignal(window.rated, timeout=1000):
        press(window, Qt.Key.Key_Return)  # nothing is missing: sent
    assert page(window) is window.view.thanks_page
    qtbot.waitUntil(lambda: page(window) is window.view.serving_page, timeout=2000)

    [stored] = hall.login("supervisor", DEMO_PASSWORD).evaluations.evaluations(date(2000, 1, 1))
    assert (stored.ticket_id, stored.ticket_number, stored.counter_number) == (ticket.id, "A001", 3)
    assert (stored.clerk_username, stored.level) == ("clerk03", Level.DISSATISFIED)
    assert stored.reasons == (Reason.LONG_WAIT, Reason.SLOW_SERVICE)
    assert [(c.case_no, c.item_code) for c in stored.cases] == [(case.case_no, FOOD)]
    assert stored.rectification_id is not None


def test_a_comment_is_typed_and_a_bad_review_needs_a_reason(
    qtbot: QtBot, clerk_qapp: QApplication, hall: Hall, counter_pc: Hall
) -> None:
    window = open_evaluator(qtbot, hall)
    hall.kiosk().queue.take_ticket("A")
    clerk = counter_pc.login("clerk03", DEMO_PASSWORD, counter=3)
    ticket = clerk.queue.call_next()
    assert ticket is not None
    qtbot.waitUntil(lambda: window.view.status_label.text().endswith("A001"), timeout=2000)
    with qtbot.waitSignal(window.rating_asked, timeout=2000):
        clerk.queue.finish()

    press(window, Qt.Key.Key_5, Qt.Key.Key_Return)  # no reason ticked
    assert page(window) is window.view.details_page
    assert "at least one reason" in window.view.error_label.text()
    press(window, Qt.Key.Key_2)  # 服务态度差
    press(window, *[Qt.Key.Key_Tab] * len(Reason))  # past the five reasons
    assert window.focusWidget() is window.view.comment_edit
    typed = QInputMethodEvent()  # Chinese arrives through the input method, committed
    typed.setCommitString("窗口人员玩手机")
    QApplication.sendEvent(window.view.comment_edit, typed)
    qtbot.keyClicks(window.view.comment_edit, " 5min")
    with qtbot.waitSignal(window.rated, timeout=1000) as rated:
        qtbot.keyClick(window.view.comment_edit, Qt.Key.Key_Return)
    stored = rated.args[0]
    assert (stored.level, stored.reasons) == (Level.VERY_DISSATISFIED, (Reason.POOR_ATTITUDE,))
    assert stored.comment == "窗口人员玩手机 5min"


def test_esc_goes_back_and_a_good_level_needs_one_key_and_enter(
    qtbot: QtBot, clerk_qapp: QApplication, hall: Hall, counter_pc: Hall
) -> None:
    window = open_evaluator(qtbot, hall)
    hall.kiosk().queue.take_ticket("A")
    clerk = counter_pc.login("clerk03", DEMO_PASSWORD, counter=3)
    clerk.queue.call_next()
    qtbot.waitUntil(lambda: window.view.status_label.text().endswith("A001"), timeout=2000)
    with qtbot.waitSignal(window.rating_asked, timeout=2000):
        clerk.queue.finish()
    press(window, Qt.Key.Key_4, Qt.Key.Key_Escape)
    assert page(window) is window.view.levels_page
    press(window, Qt.Key.Key_1)
    assert not window.view.reasons_area.isVisible()
    press(window, Qt.Key.Key_1)  # no reasons for a good level: the key does nothing
    assert window.view.chosen_reasons() == []
    with qtbot.waitSignal(window.rated, timeout=1000) as rated:
        press(window, Qt.Key.Key_Return)
    assert rated.args[0].level is Level.VERY_SATISFIED


def test_a_refused_rating_is_shown_and_the_question_ends(
    qtbot: QtBot, clerk_qapp: QApplication, hall: Hall, counter_pc: Hall
) -> None:
    window = open_evaluator(qtbot, hall)
    hall.kiosk().queue.take_ticket("A")
    clerk = counter_pc.login("clerk03", DEMO_PASSWORD, counter=3)
    ticket = clerk.queue.call_next()
    assert ticket is not None
    qtbot.waitUntil(lambda: window.view.status_label.text().endswith("A001"), timeout=2000)
    with qtbot.waitSignal(window.rating_asked, timeout=2000):
        clerk.queue.finish()
    counter_pc.evaluator(3).evaluations.rate(ticket.id, 2)  # e.g. a second evaluator device
    press(window, Qt.Key.Key_1, Qt.Key.Key_Return)
    assert "already rated" in window.view.error_label.text()
    qtbot.waitUntil(lambda: page(window) is window.view.serving_page, timeout=2000)


def test_an_applicant_who_walks_away_is_not_asked_again(
    qtbot: QtBot,
    clerk_qapp: QApplication,
    hall: Hall,
    counter_pc: Hall,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(evaluator_window, "IDLE_MS", 300)
    window = open_evaluator(qtbot, hall)
    hall.kiosk().queue.take_ticket("A")
    clerk = counter_pc.login("clerk03", DEMO_PASSWORD, counter=3)
    clerk.queue.call_next()
    qtbot.waitUntil(lambda: window.view.status_label.text().endswith("A001"), timeout=2000)
    with qtbot.waitSignal(window.rating_asked, timeout=2000):
        clerk.queue.finish()
    qtbot.waitUntil(lambda: page(window) is window.view.serving_page, timeout=2000)
    with qtbot.assertNotEmitted(window.rating_asked, wait=1200):
        pass
    assert hall.login("supervisor", DEMO_PASSWORD).evaluations.evaluations(date(2000, 1, 1)) == []


def test_the_evaluator_speaks_chinese_first(
    qtbot: QtBot, clerk_qapp: QApplication, hall: Hall
) -> None:
    from ui.app import create_application

    create_application(lang="zh_CN")
    window = open_evaluator(qtbot, hall, counter=5)
    assert window.view.counter_label.text() == "5号窗口"
    assert window.view.prompt_label.text() == "请对本次服务进行评价"
    assert window.view.clerk_label.text() == "暂停服务"
    assert window.view.level_buttons[Level.VERY_DISSATISFIED].text() == "5\n非常不满意"
    assert window.view.submit_button.text() == "提交（Enter）"


def test_main_starts_the_evaluator_of_one_counter() -> None:
    import main

    args = main.parse_args(["--demo", "--evaluator", "--counter", "3"])
    assert (args.evaluator, args.counter) == (True, 3)
    settings = main.device_settings(args)
    assert (settings.role, settings.counter) == ("evaluator", 3)
    for wrong in (
        ["--kiosk", "--evaluator", "--counter", "1"],
        ["--evaluator", "--role", "kiosk"],
        ["--evaluator", "--counter", "x"],
    ):
        with pytest.raises(SystemExit):
            main.parse_args(wrong)


def test_an_unknown_counter_is_one_sentence_not_a_window(
    clerk_qapp: QApplication, hall: Hall, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    from ui.common import errors
    from ui.launcher import EXIT_ERROR, Options, run_gui

    shown: list[str] = []
    monkeypatch.setattr(errors.QMessageBox, "critical", lambda _p, _t, text: shown.append(text))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_gui installs its own
    assert run_gui(Options(db_url=hall.db.url, evaluator_counter=99), clerk_qapp) == EXIT_ERROR
    assert shown == ["No counter 99."]
