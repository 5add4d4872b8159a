"""The hall display's full-screen window: shows, flashes and speaks the calls of every counter.

It reads ``queue.board(since)`` every 500 ms on a worker (``ui.common.tasks``), so a call made
on any counter PC is on screen within a second. Calls after the first read are new: they flash
and are announced in order. The calls of the day before the display started are shown, never
spoken. The window only shows; it runs as the read-only display actor.

Every counter serving now is shown: when they do not all fit, the list turns a page every
``PAGE_MS`` (newest first, so a new call is on the first page, which it turns back to). The
footer counts the counters open now (the board's ``open_counters``), refreshed with each read.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QEvent, QLocale, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import QVBoxLayout, QWidget

from clerk_app.domain.announcement import call_text, display_text
from clerk_app.i18n import language
from clerk_app.services.queue.results import CallInfo, DisplayBoard
from ui.common.polling import Poller
from ui.common.public_screen import Fitter
from ui.display.announcer import Announcer
from ui.display.display_style import display_style
from ui.display.display_view import VISIBLE_RECENT, DisplayView
from ui.display.flash import Flash

if TYPE_CHECKING:
    from clerk_app.api import StaffSession

log = logging.getLogger(__name__)

POLL_MS = 500
# How long a page of the counters serving stays up when they do not all fit.
PAGE_MS = 8000


class HallDisplayWindow(QWidget):
    """``calls_arrived(list[CallInfo])`` for each batch of new calls, oldest first."""

    calls_arrived = Signal(list)

    def __init__(
        self,
        display: StaffSession,
        hall_name: str,
        parent: QWidget | None = None,
        *,
        announcer: Announcer | None = None,
    ) -> None:
        """``display`` is the hall's read-only display actor (``hall.display()``)."""
        super().__init__(parent)
        self._display = display
        self._since = 0
        self._first_read = True
        self.setObjectName("HallDisplayWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setWindowTitle(hall_name)
        self.view = DisplayView(hall_name)
        self._fitter = Fitter(self, display_style, self.view.apply_fit)
        self._fitter.refit(self.width(), self.height())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.call_model = self.view.call_model
        self.empty_label = self.view.empty_label
        self._serving: list[CallInfo] = []
        self._page = 0
        self._pager = QTimer(self)
        self._pager.setInterval(PAGE_MS)
        self._pager.timeout.connect(self.next_page)
        self._calls_viewport = self.view.call_view.viewport()
        self._calls_viewport.installEventFilter(self)

        self.announcer = announcer if announcer is not None else Announcer(parent=self)
        self.flash = Flash(self)
        self.flash.level_changed.connect(self._on_flash_level)
        self._flash_counters: set[int] = set()
        self._flash_calls: set[int] = set()
        self._clock = QTimer(self)
        self._clock.timeout.connect(self._tick)
        self._clock.start(1000)
        self._tick()
        QShortcut(QKeySequence("Ctrl+Shift+Q"), self, self.close)
        self._footer = ""
        self.view.banner.set_text(self.tr("Please listen for your number and watch this screen"))
        self.show_calls([])
        self.poller = Poller(self._read, self.on_board, POLL_MS, self, self._read_failed)
        self.poller.start()

    def _tick(self) -> None:
        now = self._display.hall_now()  # hall time, not the PC's clock zone
        self.view.clock_label.setText(f"{now:%H:%M:%S}")
        # QLocale() follows the chosen language, so the weekday reads 星期三 or Wednesday.
        day = QDate(now.year, now.month, now.day)
        self.view.date_label.setText(QLocale().toString(day, "yyyy-MM-dd dddd"))

    def _open_text(self, open_counters: int) -> str:
        """The footer: the counters open now, honestly none when none is."""
        if open_counters == 0:
            return self.tr("No counter is open now")
        return self.tr("%n counter(s) serving you now", "", open_counters)

    # --- fitting the monitor ---------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fitter.refit(event.size().width(), event.size().height())

    # --- reading ---------------------------------------------------------------------------
    def _read(self) -> DisplayBoard:
        """On a worker: the board since the last call already shown."""
        return self._display.queue.board(self._since)

    def _read_failed(self, _error: BaseException) -> None:
        # For the staff walking by; the Poller logs the error itself, once.
        self.view.footer_label.setText(self.tr("Connection to the queue lost; retrying…"))

    def on_board(self, board: DisplayBoard) -> None:
        self._footer = self._open_text(board.open_counters)
        self.view.footer_label.setText(self._footer)
        first, self._first_read = self._first_read, False
        self._since = board.last_call_id
        current = sorted(board.current, key=lambda c: c.id, reverse=True)
        self.show_calls(current)
        self.view.recent_model.set_rows(board.recent[:VISIBLE_RECENT])
        self.view.waiting_model.set_rows(board.waiting)
        if first:
            # Calls made before the display started: shown, not flashed, not spoken.
            log.info(
                "reading the queue: %d call(s) in service; new calls are announced", len(current)
            )
            if board.recent:
                self._show_banner(board.recent[0])
        elif board.new_calls:
            self._on_new_calls(list(board.new_calls))
        self._apply_flash()

    def show_calls(self, calls: Sequence[CallInfo]) -> None:
        """The ticket in service at each counter, newest first; with none, invite to wait.

        The page shown stays (a read every 500 ms must not turn it back), unless it is gone.
        """
        self._serving = list(calls)
        self.empty_label.setVisible(not calls)
        self._show_page()

    # --- pages of the counters serving -----------------------------------------------------
    def serving(self) -> list[CallInfo]:
        """Every call in service, on whichever page it is."""
        return list(self._serving)

    def rows_per_page(self) -> int:
        """Rows the calls' table shows whole at its size now."""
        view = self.view.call_view
        return max(1, view.viewport().height() // view.verticalHeader().defaultSectionSize())

    def page_count(self) -> int:
        return max(1, math.ceil(len(self._serving) / self.rows_per_page()))

    def page(self) -> int:
        return self._page

    def next_page(self) -> None:
        self._page = (self._page + 1) % self.page_count()
        self._show_page()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # getattr: Qt may still filter an event while the window is being torn down.
        viewport = getattr(self, "_calls_viewport", None)
        if viewport is not None and watched is viewport and event.type() == QEvent.Type.Resize:
            self._show_page()  # more or fewer rows fit now
        return False

    def _show_page(self) -> None:
        per_page, count = self.rows_per_page(), self.page_count()
        self._page = min(self._page, count - 1)
        start = self._page * per_page
        self.call_model.set_rows(self._serving[start : start + per_page])
        title = self.tr("Now serving")
        if count > 1:
            title = f"{title}  {self._page + 1}/{count}"
            if not self._pager.isActive():
                self._pager.start()
        else:
            self._pager.stop()
        self.view.current_title.setText(title)

    # --- new calls -------------------------------------------------------------------------
    def _on_new_calls(self, calls: list[CallInfo]) -> None:
        if self._page != 0:  # the newest call is on the first page
            self._page = 0
            self._show_page()
            self._pager.start()  # a full page's time for it
        lang = language()
        for call in calls:
            self.announcer.announce(call_text(call.ticket_number, call.counter_number, lang))
        self._show_banner(calls[-1])
        self._flash_counters = {c.counter_number for c in calls}
        self._flash_calls = {c.id for c in calls}
        self.flash.start()
        self.calls_arrived.emit(calls)

    def _show_banner(self, call: CallInfo) -> None:
        self.view.banner.set_text(display_text(call.ticket_number, call.counter_number, language()))

    def _on_flash_level(self, _level: float) -> None:
        self._apply_flash()

    def _apply_flash(self) -> None:
        level = self.flash.level
        self.view.banner.set_level(level)
        self.call_model.set_flash(self._flash_counters, level)
        self.view.recent_model.set_flash(self._flash_calls, level)
