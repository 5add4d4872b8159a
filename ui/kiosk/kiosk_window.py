"""The kiosk's full-screen window: takes tickets (取号), checks appointments in, prints tickets,
and shows a case's progress when an applicant scans their receipt's QR code (市民之窗).

Taking a ticket is one short transaction and runs on the GUI thread; printing (a thermal
printer may take seconds to answer) and the waiting counts polled every two seconds run on a
worker through ``ui.common.tasks``. A refusal of the core (unknown category, invalid ID, daily
limit) shows big on screen and nothing is taken. A document's QR code scanned on any page (the
scanner is a keyboard wedge; ``ScanFilter`` tells its burst from typing) opens the progress
page, which goes back to the ticket screen by itself after ``PROGRESS_PAGE_MS`` untouched.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut, QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from clerk_app.documents.ticket_slip import TicketSlip
from clerk_app.domain.queue_order import PriorityClass, priority_label
from clerk_app.domain.scans import ScanKind, read_scan
from clerk_app.errors import ClerkError
from clerk_app.services.queue.results import QueueStatus, TicketInfo
from ui.common.polling import Poller
from ui.common.public_screen import Fitter
from ui.common.tasks import run_task
from ui.counter.scan_filter import ScanFilter
from ui.kiosk.category_button import CategoryButton
from ui.kiosk.kiosk_style import kiosk_style
from ui.kiosk.kiosk_view import KioskView
from ui.kiosk.real_name import masked, normalize_identity
from ui.kiosk.ticket_printer import TicketPrinter, printer_from_environment

if TYPE_CHECKING:
    from clerk_app.api import StaffSession

log = logging.getLogger(__name__)

POLL_MS = 2000
NOTICE_MS = 6000
ERROR_MS = 8000
#: How long the ticket stays on screen before the kiosk is ready for the next person.
TICKET_PAGE_MS = 15000
# How long a case's progress stays on screen untouched before the ticket screen is back.
PROGRESS_PAGE_MS = 30000


class KioskWindow(QWidget):
    """``category_chosen(prefix)`` when a category is touched; ``ticket_taken(TicketInfo)``."""

    category_chosen = Signal(str)
    ticket_taken = Signal(object)

    def __init__(
        self,
        kiosk: StaffSession,
        hall_name: str,
        parent: QWidget | None = None,
        *,
        printer: TicketPrinter | None = None,
    ) -> None:
        """``kiosk`` is the hall's kiosk actor (``hall.kiosk()``)."""
        super().__init__(parent)
        self._kiosk = kiosk
        self._hall_name = hall_name
        self._printer = printer if printer is not None else printer_from_environment()
        self._identity = ""
        self._last_ticket: TicketInfo | None = None
        self.setObjectName("KioskWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setWindowTitle(hall_name)
        self.view = KioskView(hall_name)
        self._fitter = Fitter(self, kiosk_style, self.view.apply_fit)
        self._fitter.refit(self.width(), self.height())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.notice_label = self.view.notice_label

        self._notice_timer = self._single_shot(NOTICE_MS, self.notice_label.clear)
        self._error_timer = self._single_shot(ERROR_MS, self.view.error_label.hide)
        self._back_timer = self._single_shot(TICKET_PAGE_MS, self.show_choices)
        self.progress_idle = self._single_shot(PROGRESS_PAGE_MS, self.show_choices)
        self._clock = QTimer(self)
        self._clock.timeout.connect(self._tick)
        self._clock.start(1000)
        self._tick()
        self._connect()
        QShortcut(QKeySequence("Ctrl+Shift+Q"), self, self.close)
        self.set_categories(kiosk.catalog.list_categories())
        self.poller = Poller(kiosk.queue.status, self.on_status, POLL_MS, self)
        self.poller.start()
        self.scan_filter = ScanFilter(self, self.on_scan, self)
        self.scan_filter.install()

    def _single_shot(self, ms: int, slot: Callable[[], object]) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(ms)
        timer.timeout.connect(slot)
        return timer

    def _connect(self) -> None:
        options = self.view.options
        self.category_chosen.connect(self.take_ticket)
        options.id_edit.returnPressed.connect(self.on_id_entered)
        options.clear_id_button.clicked.connect(self.clear_real_name)
        for key, button in options.priority_buttons.items():
            button.clicked.connect(lambda _=False, k=key: options.choose_priority(k))
        options.code_edit.returnPressed.connect(self.check_in)
        options.check_in_button.clicked.connect(self.check_in)
        self.view.ticket_page.done_button.clicked.connect(self.show_choices)
        self.view.ticket_page.reprint_button.clicked.connect(self.reprint)
        self.view.progress_button.clicked.connect(self.show_progress_page)
        progress = self.view.progress_page
        progress.back_button.clicked.connect(self.show_choices)
        progress.scan_edit.returnPressed.connect(self.on_progress_entered)

    @property
    def buttons(self) -> list[CategoryButton]:
        return self.view.buttons

    def set_categories(self, categories: Sequence[Any]) -> None:
        self.view.set_categories(categories)
        for button in self.view.buttons:
            button.clicked.connect(lambda _=False, p=button.prefix: self.category_chosen.emit(p))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fitter.refit(event.size().width(), event.size().height())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.view.options.id_edit.setFocus()

    def _tick(self) -> None:
        self.view.clock_label.setText(f"{self._kiosk.hall_now():%Y-%m-%d %H:%M}")  # hall time

    # --- messages ------------------------------------------------------------------------
    def show_notice(self, text: str) -> None:
        """A message for the applicant under the buttons, cleared after a few seconds."""
        self.notice_label.setText(text)
        self._notice_timer.start()

    def show_error(self, text: str) -> None:
        """A refusal, big and red above the options, cleared after a few seconds."""
        self.view.error_label.setText(text)
        self.view.error_label.show()
        self._error_timer.start()

    def clear_error(self) -> None:
        self.view.error_label.hide()
        self._error_timer.stop()

    # --- the waiting counts -------------------------------------------------------------
    def on_status(self, status: QueueStatus) -> None:
        for load in status.categories:
            button = self.view.button_for(load.prefix)
            if button is not None:
                button.show_load(load.waiting, load.wait_minutes)

    # --- real name --------------------------------------------------------------------------
    def on_id_entered(self) -> None:
        """Enter in the ID entry (a scanner sends it after the code): check and keep the ID."""
        edit = self.view.options.id_edit
        text = edit.text().strip()
        edit.clear()
        if not text:
            return
        try:
            self._identity = normalize_identity(text)
        except ClerkError as error:
            self._identity = ""
            self.show_error(str(error))
            self._show_real_name()
            return
        self.clear_error()
        self._show_real_name()

    def clear_real_name(self) -> None:
        self._identity = ""
        self.view.options.id_edit.clear()
        self._show_real_name()
        self.view.options.id_edit.setFocus()

    def _show_real_name(self) -> None:
        status = self.view.options.real_name_status
        if self._identity:
            status.setText(self.tr("Real-name ticket for %1").replace("%1", masked(self._identity)))
        else:
            status.setText(self.tr("Without an ID you get an anonymous ticket."))

    def _identity_to_use(self) -> str | None:
        # An ID typed without Enter counts too; the core validates it either way.
        return self._identity or self.view.options.id_edit.text().strip() or None

    # --- taking a ticket -------------------------------------------------------------------
    def take_ticket(self, prefix: str) -> None:
        priority = self.view.options.chosen_priority()
        try:
            ticket = self._kiosk.queue.take_ticket(prefix, priority, self._identity_to_use())
        except ClerkError as error:
            self.show_error(str(error))
            return
        self._issued(ticket)

    def check_in(self) -> None:
        code = self.view.options.code_edit.text().strip()
        if not code:
            self.show_error(self.tr("Please enter or scan your appointment code."))
            return
        try:
            ticket = self._kiosk.queue.check_in(code)
        except ClerkError as error:
            self.show_error(str(error))
            return
        self._issued(ticket)

    def _issued(self, ticket: TicketInfo) -> None:
        self._last_ticket = ticket
        self._identity = ""
        self.view.options.reset()
        self._show_real_name()
        self.clear_error()
        self.view.ticket_page.show_ticket(ticket, self._priority_text(ticket))
        self.view.stack.setCurrentWidget(self.view.ticket_page)
        self._back_timer.start()
        self._print(ticket)
        self.poller.poll_now()
        self.ticket_taken.emit(ticket)

    def show_choices(self) -> None:
        """Back to the category buttons, ready for the next person."""
        self._back_timer.stop()
        self.progress_idle.stop()
        self.view.progress_page.clear()  # no applicant's case stays on screen
        self.view.stack.setCurrentWidget(self.view.choose_page)
        self.view.options.id_edit.setFocus()

    # --- 市民之窗: a case's progress from its receipt's QR code -----------------------------
    def show_progress_page(self) -> None:
        """The progress page, waiting for a scan (the touch button)."""
        self._back_timer.stop()
        page = self.view.progress_page
        page.clear()
        self.view.stack.setCurrentWidget(page)
        page.scan_edit.setFocus()
        self.progress_idle.start()

    def on_scan(self, text: str) -> bool:
        """A scanner's burst anywhere on the kiosk: a document's QR code opens its progress;
        anything else (an ID card's number) goes on to the focused entry."""
        scan = read_scan(text, "")
        if scan is None or scan.kind is not ScanKind.DOCUMENT:
            return False
        self.show_progress(scan.text)
        return True

    def on_progress_entered(self) -> None:
        """Enter in the progress page's entry (a scan the filter did not know, or typing)."""
        text = self.view.progress_page.scan_edit.text()
        if text.strip():
            self.show_progress(text)

    def show_progress(self, scanned: str) -> None:
        """What the core says of ``scanned``: the case's progress, or why it is refused."""
        self.show_progress_page()
        page = self.view.progress_page
        try:
            progress = self._kiosk.progress.case_progress(scanned)
        except ClerkError as error:
            page.show_refusal(str(error))
            return
        page.show_progress(progress)

    # --- printing ------------------------------------------------------------------------
    @staticmethod
    def _priority_text(ticket: TicketInfo) -> str:
        if ticket.priority == PriorityClass.NORMAL:
            return ""
        return priority_label(PriorityClass(ticket.priority))

    def slip_for(self, ticket: TicketInfo) -> TicketSlip:
        return TicketSlip(
            hall_name=self._hall_name,
            ticket_number=ticket.number,
            ticket_id=ticket.id,
            category_name=ticket.category_name,
            ahead=ticket.ahead,
            wait_minutes=ticket.wait_minutes,
            taken_at=ticket.taken_at,
            priority_label=self._priority_text(ticket),
            masked_identity=ticket.masked_identity,
            reprint=ticket.reprint,
        )

    def _print(self, ticket: TicketInfo) -> None:
        page = self.view.ticket_page
        page.show_printing()
        slip = self.slip_for(ticket)
        printer = self._printer
        run_task(
            lambda: printer.print_ticket(slip),
            lambda _none: page.show_printed(),
            self._print_failed,
            owner=self,
        )

    def _print_failed(self, error: BaseException) -> None:
        if isinstance(error, ClerkError):
            message = str(error)
        else:
            log.error("printing the ticket failed", exc_info=error)
            message = self.tr("the printer reported an error.")
        self.view.ticket_page.show_print_failed(message)
        self._back_timer.start()  # leave time to read the number

    def reprint(self) -> None:
        if self._last_ticket is None:
            return
        try:
            ticket = self._kiosk.queue.reprint(self._last_ticket.reprint_token)
        except ClerkError as error:
            self.view.ticket_page.show_print_failed(str(error))
            return
        # The reprint does not read the ID number again; this kiosk printed its mask already.
        ticket = replace(ticket, masked_identity=self._last_ticket.masked_identity)
        self._last_ticket = ticket
        self._back_timer.start()
        self._print(ticket)
