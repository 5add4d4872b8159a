"""The one helper for slow work: a worker runs it, the GUI thread gets the result; polling."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from clerk_app.errors import ValidationError
from ui.common import tasks
from ui.common.polling import Poller
from ui.common.tasks import ThreadPoolRunner, run_inline, run_task, set_runner

pytestmark = pytest.mark.qt


def test_the_thread_pool_runs_the_work_off_the_gui_thread_and_answers_on_it(
    qtbot: QtBot, qapp: QApplication
) -> None:
    gui = threading.get_ident()
    seen: dict[str, Any] = {}

    def work() -> int:
        seen["worker"] = threading.get_ident()
        return 42

    def done(value: int) -> None:
        seen["callback"] = threading.get_ident()
        seen["value"] = value

    ThreadPoolRunner()(work, done, lambda error: seen.setdefault("error", error))
    qtbot.waitUntil(lambda: "value" in seen, timeout=5000)

    assert seen["value"] == 42
    assert seen["worker"] != gui
    assert seen["callback"] == gui


def test_an_exception_of_the_work_reaches_the_failure_callback_on_the_gui_thread(
    qtbot: QtBot, qapp: QApplication
) -> None:
    failures: list[tuple[BaseException, int]] = []

    def work() -> None:
        raise ValidationError("错", "wrong")

    ThreadPoolRunner()(work, lambda _v: None, lambda e: failures.append((e, threading.get_ident())))
    qtbot.waitUntil(lambda: bool(failures), timeout=5000)

    error, thread = failures[0]
    assert str(error) == "wrong"
    assert thread == threading.get_ident()


def test_no_callback_runs_once_its_owner_is_gone(qapp: QApplication) -> None:
    owner = QObject()
    calls: list[object] = []
    held: list[Callable[[], None]] = []

    def later(fn: Callable[[], Any], done: Callable[[Any], None], _failed: Any) -> None:
        held.append(lambda: done(fn()))

    previous = set_runner(later)
    try:
        run_task(lambda: 1, calls.append, owner=owner)
        shiboken6.delete(owner)  # the screen closed before its read answered
        held[0]()
    finally:
        set_runner(previous)
    assert calls == []


def test_tests_run_the_work_inline(qapp: QApplication) -> None:
    assert tasks._runner is run_inline  # the autouse fixture of tests/ui
    order: list[str] = []
    run_task(lambda: order.append("work"), lambda _none: order.append("done"))
    assert order == ["work", "done"]


def test_a_poll_is_skipped_while_the_previous_one_still_runs(qapp: QApplication) -> None:
    started: list[Callable[[], None]] = []

    def later(fn: Callable[[], Any], done: Callable[[Any], None], _failed: Any) -> None:
        started.append(lambda: done(fn()))

    results: list[int] = []
    previous = set_runner(later)
    try:
        owner = QObject()
        poller = Poller(lambda: 7, results.append, 1000, owner)
        poller.poll_now()
        poller.poll_now()  # the first read has not answered yet
        assert len(started) == 1
        started[0]()
        poller.poll_now()
        assert len(started) == 2
    finally:
        set_runner(previous)
    assert results == [7]


def test_a_worker_finishing_after_its_delivery_was_deleted_drops_the_result_quietly(
    qapp: QApplication, caplog: pytest.LogCaptureFixture
) -> None:
    # At exit the interpreter may delete the delivery object while a worker still runs (the
    # sign-in's overdue sweep, a print); the emit raised "Signal source has been deleted".
    release = threading.Event()
    runner = ThreadPoolRunner()

    def work() -> int:
        release.wait(5)
        return 1

    calls: list[object] = []
    runner(work, calls.append, calls.append)
    [delivery] = list(runner._pending)
    shiboken6.delete(delivery)
    with caplog.at_level("DEBUG", logger="ui.common.tasks"):
        release.set()
        assert tasks.finish_background_work(5000)
    assert calls == []
    assert "after its screen was gone" in caplog.text


def test_exit_waits_for_the_work_still_running(qapp: QApplication) -> None:
    recorded: list[str] = []

    def work() -> None:
        threading.Event().wait(0.2)  # a write that takes a moment
        recorded.append("written")

    ThreadPoolRunner()(work, lambda _none: None, lambda _e: None)
    assert tasks.finish_background_work(5000) is True
    assert recorded == ["written"]
