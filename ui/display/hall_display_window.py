"""The hall display's full-screen window: shows, flashes and speaks the calls of every counter.

It reads ``queue.board(since)`` every 500 ms on a worker (``ui.common.tasks``), so a call made
on any counter PC is on screen within a second. Calls after the first read are new: they flash
and are announced in order. The calls of the day before the display started are shown, never
spoken. The window only shows; it runs as the read-only display actor.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QVBoxLayout, QWidget

from clerk_app.domain.announcement import call_text, display_text
from clerk_app.i18n import language
from clerk_app.services.queue.results import CallInfo, DisplayBoard
from ui.common.polling import Poller
from ui.display.announcer import Announcer
from ui.display.display_style import DISPLAY_STYLE
from ui.display.display_view import VISIBLE_CALLS, VISIBLE_RECENT, DisplayView
from ui.display.flash import Flash

if TYPE_CHECKING:
    from clerk_app.api import StaffSession

log = logging.getLogger(__name__)

POLL_MS = 500


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
        self.setStyleSheet(DISPLAY_STYLE)
        self.setWindowTitle(hall_name)
        self.view = DisplayView(hall_name)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.call_model = self.view.call_model
        self.empty_label = self.view.empty_label

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
        self._footer = self._counters_text()
        self.view.footer_label.setText(self._footer)
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

    def _counters_text(self) -> str:
        counters = self._display.catalog.list_counters()
        return self.tr("%n counter(s) serving today", "", len(counters))

    # --- reading ---------------------------------------------------------------------------
    def _read(self) -> DisplayBoard:
        """On a worker: the board since the last call already shown."""
        return self._display.queue.board(self._since)

    def _read_failed(self, _error: BaseException) -> None:
        # For the staff walking by; the Poller logs the error itself, once.
        self.view.footer_label.setText(self.tr("Connection to the queue lost; retrying…"))

    def on_board(self, board: DisplayBoard) -> None:
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
        """The ticket in service at each counter, newest first; with none, invite to wait."""
        self.call_model.set_rows(list(calls)[:VISIBLE_CALLS])
        self.empty_label.setVisible(not calls)

    # --- new calls -------------------------------------------------------------------------
    def _on_new_calls(self, calls: list[CallInfo]) -> None:
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
