"""Re-reads something from the core on a timer, off the GUI thread, one read at a time."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer

from clerk_app.errors import ClerkError
from ui.common.tasks import run_task

log = logging.getLogger(__name__)


class Poller(QObject):
    """Every ``interval_ms``: ``fetch()`` on a worker, then ``on_result(value)`` on the GUI thread.

    A tick that comes while the previous read is still running is skipped, so a slow database
    never piles up reads. A failure calls ``on_failed(error)``; without one, the first failure
    of a run of failures is logged once (not twice a second) and the next success says so.
    """

    def __init__(
        self,
        fetch: Callable[[], Any],
        on_result: Callable[[Any], None],
        interval_ms: int,
        parent: QObject,
        on_failed: Callable[[BaseException], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._fetch = fetch
        self._on_result = on_result
        self._on_failed = on_failed
        self._busy = False
        self._failing = False
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.poll_now)

    def start(self, *, immediately: bool = True) -> None:
        """Read every interval, and at once unless ``immediately`` is false."""
        self._timer.start()
        if immediately:
            self.poll_now()

    def stop(self) -> None:
        self._timer.stop()

    def is_active(self) -> bool:
        return self._timer.isActive()

    def poll_now(self) -> None:
        if self._busy:
            return
        self._busy = True
        run_task(self._fetch, self._done, self._failed, owner=self)

    def _done(self, value: Any) -> None:
        self._busy = False
        if self._failing:
            log.info("polling works again")
            self._failing = False
        self._on_result(value)

    def _failed(self, error: BaseException) -> None:
        self._busy = False
        if self._on_failed is not None:
            self._on_failed(error)
        if not self._failing:
            self._failing = True
            if isinstance(error, ClerkError):
                log.warning("polling failed: %s", error)
            else:
                log.error("polling failed", exc_info=error)
