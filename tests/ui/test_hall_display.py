"""The hall display: calls from any counter appear within a second, flash, and are spoken in
turn by Qt's mock speech engine; with no engine the display goes on silently, warning once."""

from __future__ import annotations

import logging
import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from clerk_app.api import Hall
from clerk_app.demo.hall_data import DEMO_PASSWORD
from clerk_app.domain.announcement import call_text
from clerk_app.errors import DatabaseUnavailable
from ui.display import announcer as announcer_module
from ui.display.announcer import Announcer
from ui.display.hall_display_window import HallDisplayWindow

pytestmark = pytest.mark.qt

ANNOUNCER_LOG = "ui.display.announcer"


def mock_engine_available() -> bool:
    return "mock" in announcer_module.available_engines()


needs_mock = pytest.mark.skipif(
    not mock_engine_available(), reason="Qt's mock text-to-speech plugin is not installed"
)


def open_display(qtbot: QtBot, hall: Hall, announcer: Announcer | None) -> HallDisplayWindow:
    display = HallDisplayWindow(hall.display(), hall.name, announcer=announcer)
    qtbot.addWidget(display)
    display.resize(1920, 1080)
    display.show()
    return display


def call_next(hall: Hall, counter: int) -> str:
    ticket = hall.login(f"clerk{counter:02d}", DEMO_PASSWORD, counter=counter).queue.call_next()
    assert ticket is not None
    return ticket.number


def numbers(display: HallDisplayWindow) -> list[tuple[str, int]]:
    return [(r.ticket_number, r.counter_number) for r in display.call_model.rows()]


@needs_mock
def test_a_call_made_on_a_counter_appears_within_a_second_and_flashes(
    qtbot: QtBot, clerk_qapp: QApplication, hall: Hall
) -> None:
    hall.kiosk().queue.take_ticket("A")
    display = open_display(qtbot, hall, Announcer("mock"))
    assert numbers(display) == []

    call_next(hall, 5)
    qtbot.waitUntil(lambda: numbers(display) == [("A001", 5)], timeout=1000)

    assert display.flash.is_running()
    assert display.call_model.flashing_rows() == [0]
    index = display.call_model.index(0, 0)
    assert index.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert display.view.banner.text() == "A001 → Counter 5"
    assert [r.ticket_number for r in display.view.recent_model.rows()] == ["A001"]
    assert not display.empty_label.isVisible()
    qtbot.waitUntil(lambda: not display.flash.is_running(), timeout=6000)
    assert display.call_model.flashing_rows() == []


@needs_mock
def test_calls_before_the_display_started_are_shown_but_neither_flashed_nor_spoken(
    qtbot: QtBot, clerk_qapp: QApplication, hall: Hall
) -> None:
    hall.kiosk().queue.take_ticket("A")
    call_next(hall, 3)
    announcer = Announcer("mock")
    spoken: list[str] = []
    announcer.started.connect(spoken.append)

    display = open_display(qtbot, hall, announcer)

    assert numbers(display) == [("A001", 3)]
    assert not display.flash.is_running()
    assert spoken == []


def test_the_waiting_per_category_follows_the_kiosk(
    qtbot: QtBot, clerk_qapp: QApplication, hall: Hall
) -> None:
    display = open_display(qtbot, hall, Announcer("none"))
    hall.kiosk().queue.take_ticket("C")

    def waiting_c() -> int:
        return next(r.waiting for r in display.view.waiting_model.rows() if r.prefix == "C")

    qtbot.waitUntil(lambda: waiting_c() == 1, timeout=1000)


def test_with_no_counter_open_the_display_promises_no_minutes(
    qtbot: QtBot, clerk_qapp: QApplication, hall: Hall
) -> None:
    """Issue 12, defect 6: with no counter open the estimate still promised minutes."""
    display = open_display(qtbot, hall, Announcer("none"))
    model = display.view.waiting_model
    hall.kiosk().queue.take_ticket("C")

    def wait_c() -> str:
        rows = model.rows()
        row = next(i for i, r in enumerate(rows) if r.prefix == "C")
        return str(model.index(row, model.WAIT).data())

    qtbot.waitUntil(lambda: wait_c() == "No counter open", timeout=1000)
    hall.login("clerk09", DEMO_PASSWORD, counter=9)
    qtbot.waitUntil(lambda: wait_c() == "16", timeout=1000)  # (1 + 1) * 8 minutes


@needs_mock
def test_the_announcer_speaks_each_text_in_order_without_cutting_one_off(
    qtbot: QtBot, clerk_qapp: QApplication
) -> None:
    announcer = Announcer("mock", lang="en")
    assert announcer.enabled and announcer.engine == "mock"
    speech = announcer.speech
    assert speech is not None
    events: list[tuple[str, str]] = []
    words: list[str] = []
    announcer.started.connect(lambda text: events.append(("start", text)))
    announcer.finished.connect(lambda text: events.append(("end", text)))
    speech.sayingWord.connect(lambda word, *_rest: words.append(word))
    texts = [call_text("A001", 1, "en"), call_text("B002", 12, "en"), call_text("C003", 3, "en")]

    for text in texts:  # three calls arrive at once
        announcer.announce(text)
    assert announcer.pending() == texts[1:]  # the first is being said, the others wait

    qtbot.waitUntil(lambda: len(events) == 6, timeout=15000)
    assert events == [(kind, text) for text in texts for kind in ("start", "end")]
    # Each sentence was said to its last word before the next began.
    assert words == [word for text in texts for word in re.findall(r"\w+", text)]


@needs_mock
def test_the_display_announces_new_calls_in_the_order_they_were_made(
    qtbot: QtBot, clerk_qapp: QApplication, hall: Hall
) -> None:
    announcer = Announcer("mock")
    started: list[str] = []
    announcer.started.connect(started.append)
    display = open_display(qtbot, hall, announcer)
    for _ in range(2):
        hall.kiosk().queue.take_ticket("A")

    first, second = call_next(hall, 7), call_next(hall, 2)
    display.poller.poll_now()

    assert started == [call_text(first, 7, "en")]  # the tests run in English
    assert announcer.pending() == [call_text(second, 2, "en")]
    qtbot.waitUntil(lambda: len(started) == 2, timeout=10000)


def test_without_an_engine_the_display_warns_once_and_still_shows_calls(
    qtbot: QtBot,
    clerk_qapp: QApplication,
    hall: Hall,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.delenv(announcer_module.ENV_ENGINE, raising=False)
    monkeypatch.setattr(announcer_module, "available_engines", lambda: [])
    caplog.set_level(logging.WARNING, logger=ANNOUNCER_LOG)

    display = open_display(qtbot, hall, None)  # the display chooses its engine itself
    for _ in range(2):
        hall.kiosk().queue.take_ticket("B")
    call_next(hall, 11)
    qtbot.waitUntil(lambda: len(numbers(display)) == 1, timeout=1000)
    call_next(hall, 1)
    qtbot.waitUntil(lambda: len(numbers(display)) == 2, timeout=1000)

    assert not display.announcer.enabled
    warnings = [r for r in caplog.records if r.name == ANNOUNCER_LOG]
    assert len(warnings) == 1
    assert "display only shows calls" in warnings[0].getMessage()


def test_an_engine_that_fails_is_dropped_with_one_warning(
    clerk_qapp: QApplication, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger=ANNOUNCER_LOG)

    announcer = Announcer("no-such-engine")
    announcer.announce("请 A 零零一 号 到 1 号窗口办理")
    announcer.announce("请 A 零零二 号 到 2 号窗口办理")

    assert not announcer.enabled
    assert len([r for r in caplog.records if r.name == ANNOUNCER_LOG]) == 1


@needs_mock
def test_without_a_voice_for_the_language_the_warning_says_what_is_missing_and_what_was_seen(
    clerk_qapp: QApplication, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.delenv(announcer_module.ENV_VOICE, raising=False)
    caplog.set_level(logging.INFO, logger=ANNOUNCER_LOG)

    announcer = Announcer("mock", lang="zh_CN")  # Qt's mock engine has no Chinese voice
    announcer.announce("请 A 零零一 号 到 1 号窗口办理")

    assert not announcer.enabled
    [warning] = [r.getMessage() for r in caplog.records if r.name == ANNOUNCER_LOG]
    assert "has no zh_CN voice among 10 voices (Bob, Anne, Charly" in warning
    assert "locales: en_GB, en_US, fi_FI, nb_NO, nn_NO" in warning
    assert "speech-dispatcher-espeak-ng" in warning and "CLERK_SPEECH_VOICE" in warning


@needs_mock
def test_the_configured_voice_is_spoken_with_and_named_in_the_log(
    clerk_qapp: QApplication, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv(announcer_module.ENV_VOICE, "mary")
    caplog.set_level(logging.INFO, logger=ANNOUNCER_LOG)

    announcer = Announcer("mock", lang="en")

    assert announcer.speech is not None and announcer.speech.voice().name() == "Mary"
    messages = [r.getMessage() for r in caplog.records if r.name == ANNOUNCER_LOG]
    assert messages == ["voice: Mary (engine mock, locale en_US; rule: configured)"]


@needs_mock
def test_a_configured_voice_that_is_not_there_is_reported_and_the_rule_chooses(
    clerk_qapp: QApplication, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv(announcer_module.ENV_VOICE, "Microsoft Huihui")
    caplog.set_level(logging.INFO, logger=ANNOUNCER_LOG)

    announcer = Announcer("mock", lang="en")

    assert announcer.enabled
    messages = [r.getMessage() for r in caplog.records if r.name == ANNOUNCER_LOG]
    assert "CLERK_SPEECH_VOICE='Microsoft Huihui' names none of the engine's voices" in messages[0]
    assert messages[1].startswith("voice: Bob (engine mock, locale en_GB; rule: same language)")


def test_the_engine_is_speech_dispatcher_when_there_and_never_mock_unless_asked() -> None:
    from ui.display.announcer import choose_engine

    assert choose_engine(["mock", "speechd"]) == "speechd"
    assert choose_engine(["mock"]) is None
    assert choose_engine(["mock", "flite"]) == "flite"
    assert choose_engine(["speechd"], requested="mock") == "mock"


def test_a_lost_connection_shows_in_the_footer_until_the_board_reads_again(
    qtbot: QtBot, clerk_qapp: QApplication, hall: Hall, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = hall.display()
    display = HallDisplayWindow(session, hall.name, announcer=Announcer("none"))
    qtbot.addWidget(display)
    footer = display.view.footer_label.text()
    board = session.queue.board

    def unreachable(since_call_id: int = 0) -> object:
        raise DatabaseUnavailable("无法连接数据库。", "Cannot reach the database.")

    monkeypatch.setattr(session.queue, "board", unreachable)
    display.poller.poll_now()
    assert "Connection to the queue lost" in display.view.footer_label.text()

    monkeypatch.setattr(session.queue, "board", board)
    display.poller.poll_now()
    assert display.view.footer_label.text() == footer
