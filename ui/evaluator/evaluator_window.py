"""The evaluator (评价器) at one counter: shows who serves, asks for a rating when a service ends.

It polls ``evaluations.evaluator_view(previous)`` every 500 ms on a worker (``ui.common``),
passing the ticket it saw in service last time; once that service has ended the core returns
it as ``to_rate`` and the window asks. Keys only, as well as touch: 1–5 choose a level; on the
next page 1–5 tick reasons (a bad review needs one), Tab reaches the comment, Enter submits,
Esc goes back. The rating itself is one short transaction on the GUI thread (like the kiosk's
take-ticket), so a second key press never overlaps it. Then thanks, and back after a few
seconds. An applicant who walks away is not chased: after a minute without a key the question
closes (a level already chosen that needs nothing more is sent), and the 7-day default rates
the service later. The window runs as the counter's evaluator actor, which may do nothing else.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QPushButton, QVBoxLayout, QWidget

from clerk_app.domain.evaluation import Level, Reason, is_bad, level_label, validate_rating
from clerk_app.errors import ClerkError
from clerk_app.services.evaluations.results import EvaluatorView as View
from clerk_app.services.evaluations.results import ServiceToRate
from ui.common.polling import Poller
from ui.common.public_screen import heavy_weight
from ui.evaluator.evaluator_style import evaluator_style
from ui.evaluator.evaluator_view import EvaluatorView

if TYPE_CHECKING:
    from clerk_app.api import StaffSession

log = logging.getLogger(__name__)

POLL_MS = 500
# The question closes after this long without a key or touch.
IDLE_MS = 60_000
THANKS_MS = 4_000
ERROR_MS = 6_000
_DIGITS = {getattr(Qt.Key, f"Key_{n}"): n for n in range(1, 6)}
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class EvaluatorWindow(QWidget):
    """``rating_asked(ServiceToRate)`` when it asks; ``rated(EvaluationInfo)`` once stored."""

    rating_asked = Signal(object)
    rated = Signal(object)

    def __init__(self, evaluator: StaffSession, hall_name: str, parent: QWidget | None = None):
        """``evaluator`` is the counter's evaluator actor (``hall.evaluator(counter_no)``)."""
        super().__init__(parent)
        self._evaluator = evaluator
        self._previous: int | None = None  # the ticket in service at the last read
        self._asking: ServiceToRate | None = None
        self._next: ServiceToRate | None = None  # ended while another was being rated
        self._asked: deque[int] = deque(maxlen=64)  # never ask twice for one service
        self._level: Level | None = None
        self._view_state: View | None = None
        self.setObjectName("EvaluatorWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(evaluator_style(heavy_weight()))
        self.setWindowTitle(hall_name)
        self.view = EvaluatorView(hall_name)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self._idle_timer = self._single_shot(IDLE_MS, self.on_idle)
        self._back_timer = self._single_shot(THANKS_MS, self.show_serving)
        self._connect()
        QShortcut(QKeySequence("Ctrl+Shift+Q"), self, self.close)
        self.show_serving()
        self.poller = Poller(self._read, self.on_view, POLL_MS, self, self._read_failed)
        self.poller.start()

    def _single_shot(self, ms: int, slot: Callable[[], object]) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(ms)
        timer.timeout.connect(slot)
        return timer

    def _connect(self) -> None:
        for level, button in self.view.level_buttons.items():
            button.clicked.connect(lambda _=False, lv=level: self.choose_level(lv))
        self.view.submit_button.clicked.connect(self.submit)
        self.view.back_button.clicked.connect(self.back_to_levels)
        self.view.comment_edit.returnPressed.connect(self.submit)
        self.view.comment_edit.textEdited.connect(lambda _text: self._idle_timer.start())
        for box in self.view.reason_boxes.values():
            box.toggled.connect(lambda _on: self._idle_timer.start())

    # --- following the counter ----------------------------------------------------------------
    def _read(self) -> View:
        """On a worker: the counter now, and the service that ended since the last read."""
        return self._evaluator.evaluations.evaluator_view(self._previous)

    def _read_failed(self, _error: BaseException) -> None:
        self.view.footer_label.setText(self.tr("Connection lost; retrying…"))

    def on_view(self, view: View) -> None:
        self.view.footer_label.clear()
        self._view_state = view
        self._previous = view.serving_ticket_id
        self.view.counter_label.setText(
            self.tr("Counter %1").replace("%1", str(view.counter_number))
        )
        self._show_clerk(view)
        if view.to_rate is not None and view.to_rate.ticket_id not in self._asked:
            if self._asking is None:
                self.ask(view.to_rate)
            elif view.to_rate.ticket_id != self._asking.ticket_id:
                self._next = view.to_rate

    def _show_clerk(self, view: View) -> None:
        v = self.view
        if view.clerk_name is None:
            v.clerk_label.setText(self.tr("Not in service"))
            v.clerk_role_label.setText(view.counter_name)
            v.status_label.setText(self.tr("Please go to another counter"))
            return
        v.clerk_label.setText(view.clerk_name)
        v.clerk_role_label.setText(
            self.tr("Clerk at counter %1").replace("%1", str(view.counter_number))
        )
        if view.serving_ticket_number is not None:
            v.status_label.setText(
                self.tr("Now serving number %1").replace("%1", view.serving_ticket_number)
            )
        else:
            v.status_label.setText(self.tr("Welcome"))

    def show_serving(self) -> None:
        """Back to who serves here; or straight to the next service waiting for a rating."""
        self._back_timer.stop()
        self._idle_timer.stop()
        self._asking, self._level = None, None
        pending, self._next = self._next, None
        if pending is not None and pending.ticket_id not in self._asked:
            self.ask(pending)
            return
        self.view.stack.setCurrentWidget(self.view.serving_page)

    # --- asking -----------------------------------------------------------------------------
    def ask(self, service: ServiceToRate) -> None:
        self._asking, self._level = service, None
        self._asked.append(service.ticket_id)
        served_by = service.clerk_name or self.tr("the clerk")
        self.view.service_label.setText(
            self.tr("Number %1, served by %2")
            .replace("%1", service.ticket_number)
            .replace("%2", served_by)
        )
        self.view.reset_details()
        self._show(self.view.levels_page, self.view.level_buttons[Level.VERY_SATISFIED])
        self.rating_asked.emit(service)

    def choose_level(self, level: Level) -> None:
        if self._asking is None:
            return
        self._level = level
        self.view.reset_details()
        self.view.chosen_label.setText(level_label(level))
        self.view.show_reasons(is_bad(level))
        first = self.view.reason_boxes[Reason.LONG_WAIT] if is_bad(level) else None
        self._show(self.view.details_page, first or self.view.submit_button)

    def back_to_levels(self) -> None:
        if self._asking is None:
            return
        self._level = None
        self._show(self.view.levels_page, self.view.level_buttons[Level.VERY_SATISFIED])

    def toggle_reason(self, number: int) -> None:
        box = list(self.view.reason_boxes.values())[number - 1]
        if box.isVisible():
            box.toggle()

    def _show(self, page: QWidget, focus: QWidget) -> None:
        self.view.stack.setCurrentWidget(page)
        focus.setFocus()
        self._idle_timer.start()

    def submit(self) -> None:
        """Stores the rating (one transaction); a refusal is shown in its own words."""
        if self._asking is None or self._level is None:
            return
        service, level = self._asking, self._level
        reasons = [r.value for r in self.view.chosen_reasons()] if is_bad(level) else []
        comment = self.view.comment_edit.text()
        try:
            stored = self._evaluator.evaluations.rate(service.ticket_id, level, reasons, comment)
        except ClerkError as error:
            self._refused(str(error), retry=_fixable(level, reasons, comment))
            return
        self._idle_timer.stop()
        self.view.thanks_detail.setText(level_label(level))
        self.view.stack.setCurrentWidget(self.view.thanks_page)
        self._back_timer.start()
        self.rated.emit(stored)

    def _refused(self, message: str, *, retry: bool) -> None:
        """A rating the applicant can correct stays on screen; any other ends the question."""
        self.view.error_label.setText(message)
        self.view.error_label.show()
        if retry:
            self._idle_timer.start()
            return
        self._idle_timer.stop()
        self._back_timer.start(ERROR_MS)

    def on_idle(self) -> None:
        """Nobody touched anything for a while: send a complete choice, else stop asking."""
        if self._asking is not None and self._level is not None:
            reasons = [r.value for r in self.view.chosen_reasons()] if is_bad(self._level) else []
            if not _fixable(self._level, reasons, self.view.comment_edit.text()):
                self.submit()
                return
        self.show_serving()

    # --- keys ---------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        page = self.view.stack.currentWidget()
        key = event.key()
        if page is self.view.levels_page:
            if key in _DIGITS:
                self.choose_level(Level(_DIGITS[key]))
            elif key in _ENTER and isinstance(QApplication.focusWidget(), QPushButton):
                QApplication.focusWidget().click()  # type: ignore[union-attr]
            elif key == Qt.Key.Key_Escape:
                self.show_serving()
            else:
                super().keyPressEvent(event)
            return
        if page is self.view.details_page:
            self._idle_timer.start()
            if key in _DIGITS:
                self.toggle_reason(_DIGITS[key])
            elif key in _ENTER and QApplication.focusWidget() is not self.view.comment_edit:
                focused = QApplication.focusWidget()
                if focused is self.view.back_button:
                    self.back_to_levels()
                else:
                    self.submit()
            elif key == Qt.Key.Key_Escape:
                self.back_to_levels()
            else:
                super().keyPressEvent(event)
            return
        if page is self.view.thanks_page and key in (*_ENTER, Qt.Key.Key_Escape):
            self.show_serving()
            return
        super().keyPressEvent(event)


def _fixable(level: Level, reasons: list[str], comment: str) -> bool:
    """Whether the rating as entered is refused by the rules (the applicant can correct it)."""
    try:
        validate_rating(level, reasons, comment)
    except ClerkError:
        return True
    return False
