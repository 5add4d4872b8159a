"""The one way the shell runs slow work off the GUI thread: ``run_task(fn, on_done, on_failed)``.

Contract:

* ``fn`` runs on a ``QThreadPool`` worker. It calls the core (each service method is its own
  unit of work, so no database session crosses threads) and returns plain data — the frozen
  dataclasses the services return. It must not touch a widget.
* ``on_done(result)`` or ``on_failed(error)`` then runs on the GUI thread; only these touch
  widgets. With ``owner`` given, neither runs once that widget has been deleted (a screen
  closed while its poll was still in flight).
* Tests call ``set_runner(run_inline)``: the callable and its callback run at once, in order,
  on the calling thread, so a test needs no waiting.

What goes through here: polling (board, status, the counter's queue), the heartbeat and
printing. A clerk's button press (call next, recall, …) and the kiosk's take-ticket run
synchronously on the GUI thread instead: each is one short transaction, the result must be on
screen before the next key is read, and running them in order keeps a double press from
overlapping itself.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Protocol, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from clerk_app.errors import ClerkError

log = logging.getLogger(__name__)

T = TypeVar("T")

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class Runner(Protocol):
    """Runs ``fn`` somewhere and hands its result or exception to one of the callbacks."""

    def __call__(self, fn: Callable[[], Any], on_done: Done, on_failed: Failed) -> None: ...


def log_failure(error: BaseException) -> None:
    """The default ``on_failed``: a core error is worth a warning, anything else a traceback."""
    if isinstance(error, ClerkError):
        log.warning("background task failed: %s", error)
    else:
        log.error("background task failed", exc_info=error)


def run_inline(fn: Callable[[], Any], on_done: Done, on_failed: Failed) -> None:
    """The synchronous runner for tests: call ``fn`` now, then the matching callback."""
    try:
        result = fn()
    except Exception as error:
        on_failed(error)
        return
    on_done(result)


class _Delivery(QObject):
    """Lives on the GUI thread; the worker emits ``finished`` and Qt queues the callback here."""

    finished = Signal(object, object)  # (result, error)

    def __init__(self, on_done: Done, on_failed: Failed, release: Callable[[_Delivery], None]):
        super().__init__()
        self._on_done = on_done
        self._on_failed = on_failed
        self._release = release
        self.finished.connect(self.deliver)  # queued: emitted on a worker thread

    @Slot(object, object)
    def deliver(self, result: object, error: object) -> None:
        self._release(self)
        if isinstance(error, BaseException):
            self._on_failed(error)
        else:
            self._on_done(result)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], delivery: _Delivery) -> None:
        super().__init__()
        self._fn = fn
        self._delivery = delivery

    def run(self) -> None:
        try:
            result = self._fn()
        except Exception as error:
            self._deliver(None, error)
            return
        self._deliver(result, None)

    def _deliver(self, result: object, error: BaseException | None) -> None:
        """Hands the outcome to the GUI thread, unless nothing is left to take it: at exit the
        interpreter may delete the delivery object while a worker still runs (``run_gui``
        waits for the pool, a test or a script may not). The core's work is done either way;
        only its report to a screen that is gone is dropped."""
        try:
            self._delivery.finished.emit(result, error)
        except RuntimeError:  # "Signal source has been deleted"
            log.debug("background task finished after its screen was gone: %r", error)


class ThreadPoolRunner:
    """Runs each callable on a pool worker and delivers the outcome on the GUI thread."""

    def __init__(self, pool: QThreadPool | None = None) -> None:
        self._pool = pool
        # Keeps each delivery object alive until its callback has run.
        self._pending: set[_Delivery] = set()

    def __call__(self, fn: Callable[[], Any], on_done: Done, on_failed: Failed) -> None:
        delivery = _Delivery(on_done, on_failed, self._pending.discard)
        self._pending.add(delivery)
        pool = self._pool if self._pool is not None else QThreadPool.globalInstance()
        pool.start(_Job(fn, delivery))


_runner: Runner = ThreadPoolRunner()


def finish_background_work(timeout_ms: int = 15_000) -> bool:
    """At exit, before the interpreter tears down: waits for the workers still running (a print
    being recorded, the sign-in's overdue sweep), so a write already begun ends in its own
    transaction instead of being cut off. False if one was still running at the timeout."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)


def set_runner(runner: Runner) -> Runner:
    """Use ``runner`` from now on (tests: ``run_inline``); returns the one used before."""
    global _runner
    previous, _runner = _runner, runner
    return previous


def run_task(
    fn: Callable[[], T],
    on_done: Callable[[T], None],
    on_failed: Failed = log_failure,
    *,
    owner: QObject | None = None,
) -> None:
    """Run ``fn`` off the GUI thread; then ``on_done(result)`` or ``on_failed(error)`` on it."""

    def alive() -> bool:
        return owner is None or shiboken6.isValid(owner)

    def done(result: Any) -> None:
        if alive():
            on_done(result)

    def failed(error: BaseException) -> None:
        if alive():
            on_failed(error)

    _runner(fn, done, failed)
