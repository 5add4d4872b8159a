"""The clerk's workstation: fills ``CounterView`` from the session and reacts to the clerk.

The queue side (current ticket, keys F1–F7, the waiting tickets, the heartbeat) is
``QueueDesk``. Acceptance is ``ui.acceptance.AcceptancePanel``: whenever the ticket in
service changes, the panel is told, so the cases it decides are linked to that ticket.
F8 opens 验真, where a hand scanner reads the QR code of a document the applicant brings.

An application typed but not decided (a draft: applicant fields or chosen items that no
decision has taken yet) is never thrown away silently: a queue key that would move to another
applicant (F1, F3, F4, F6, F7, back to the queue) asks 当前受理尚未提交，是否放弃？ first, and
the default answer (Enter, Esc) returns to the application with the ticket still in service.
A ticket that changes without the clerk's key (a supervisor released it) keeps the draft.

A code scanned anywhere on the window (``scan_filter``: a receipt's case number, a ticket slip,
a document's QR code) opens what it names, the field that had the focus left as it was: a case
in 调取办件 (F9 puts the cursor there), a ticket in 指定叫号, a document's case once its QR code
is verified. A case number scanned, or typed into 调取办件, whose group every department has
decided and whose result is not handed over yet, or with a task a department returned for a
supplement (补正 at the window), opens 出件 instead (``ui.handover``); F10 opens 出件 for a
number scanned or typed there.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QMessageBox, QVBoxLayout, QWidget

from clerk_app.domain.scans import ScanKind
from clerk_app.errors import ClerkError
from ui.acceptance.acceptance_panel import AcceptancePanel
from ui.common.labels import counter_label, role_label
from ui.counter.counter_view import CounterView
from ui.counter.queue_desk import QueueDesk
from ui.counter.scan_filter import ScanFilter, scan_field
from ui.counter.ticket_panel import HANDOVER_KEY, OPEN_CASE_KEY, VERIFY_KEY

if TYPE_CHECKING:
    from clerk_app.api import StaffSession
    from clerk_app.services.catalog import CounterInfo
    from clerk_app.services.queue.results import TicketInfo
    from ui.counter.verify_dialog import VerifyDialog
    from ui.handover.handover_dialog import HandoverDialog


class CounterScreen(QWidget):
    def __init__(self, session: StaffSession, hall_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self.view = CounterView()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

        self._hall_name = hall_name
        self.acceptance = AcceptancePanel(session)
        self.view.set_acceptance(self.acceptance)
        self.desk = QueueDesk(session, self.view, self)
        self.desk.current_changed.connect(self.on_ticket_changed)
        self.desk.leave_guard = self.may_leave_applicant
        self.discard_box: QMessageBox | None = None
        self._after_discard: Callable[[], None] | None = None  # the key's action, on a yes
        self._decided_draft: tuple[str, ...] = ()  # the draft as the last decision took it
        self._discarding = False  # the clerk said yes: the next ticket starts afresh
        self.acceptance.cases_decided.connect(self._on_cases_decided)
        self.verify_dialog: VerifyDialog | None = None
        self.view.ticket_panel.verify_button.clicked.connect(self.ask_verify)
        QShortcut(QKeySequence(VERIFY_KEY), self).activated.connect(self._verify_key)
        self.handover_dialog: HandoverDialog | None = None
        self.view.ticket_panel.handover_button.clicked.connect(lambda: self.open_handover())
        QShortcut(QKeySequence(HANDOVER_KEY), self).activated.connect(self._handover_key)
        self._prepare_scans()
        self.desk.start()
        # The counter's name as the desk's first read found it (the whole counter list, read
        # again at Reload, is one more query at the start; issue 11).
        self._show_header(hall_name, self.desk.counter_name)

    def reload(self) -> None:
        """Read the counter, its queue and the item list afresh from the core."""
        own = self._own_counter()
        self._show_header(self._hall_name, own.name if own is not None else "")
        self.desk.poller.poll_now()

    def shutdown(self) -> None:
        """The window closes: stop the timers and take the counter offline."""
        self.desk.shutdown()

    # --- filling the view -----------------------------------------------------------------
    def _own_counter(self) -> CounterInfo | None:
        number = self._session.actor.counter_no
        if number is None:
            return None
        return next((c for c in self._session.catalog.list_counters() if c.number == number), None)

    def _show_header(self, hall_name: str, counter_name: str) -> None:
        actor = self._session.actor
        number = actor.counter_no
        title = counter_label(number) if number is not None else self.tr("No counter")
        if number is not None and counter_name:
            title = f"{title} · {counter_name}"
        self.view.header.title_label.setText(title)
        self.view.header.subtitle_label.setText(hall_name)
        self.view.clerk_badge.setText(f"{actor.display_name} · {role_label(actor.role)}")

    # --- scans -----------------------------------------------------------------------------
    def _prepare_scans(self) -> None:
        """The scan filter, the fields meant for codes, and F9 to 调取办件."""
        panel = self.acceptance
        page = panel.applicant_page
        for edit in (panel.case_edit, page.scan_edit, page.id_edit, page.agent_id_edit):
            scan_field(edit)
        panel.case_edit.setPlaceholderText(
            self.tr("%1  Open case: scan or type the case number, Enter").replace(
                "%1", OPEN_CASE_KEY
            )
        )
        panel.case_edit.setToolTip(OPEN_CASE_KEY)
        QShortcut(QKeySequence(OPEN_CASE_KEY), self).activated.connect(self.focus_open_case)
        # A typed number goes to 出件 when its result waits there, else to 调取办件 as before.
        panel.case_edit.returnPressed.disconnect(panel.open_case)
        panel.case_edit.returnPressed.connect(self._case_typed)
        self.scan_filter = ScanFilter(self, self.on_scan, self)
        self.scan_filter.install()

    def focus_open_case(self) -> None:
        if QApplication.activeModalWidget() is None:
            self.acceptance.case_edit.setFocus()
            self.acceptance.case_edit.selectAll()

    def on_scan(self, text: str) -> bool:
        """A code scanned anywhere on the window: open what it names. False: not one of ours."""
        panel = self.view.ticket_panel
        try:
            scan = self._session.cases.read_scan(text)
            if scan is None:
                return False
            if scan.kind is ScanKind.TICKET:
                self.desk.open_ticket(scan.ticket_number)
                return True
            if scan.kind is ScanKind.DOCUMENT:
                found = self._session.documents.verify(scan.text)
                panel.show_message(
                    self.tr("Genuine document of case %1, issued %2.")
                    .replace("%1", found.case_no)
                    .replace("%2", found.issued_on.isoformat())
                )
        except ClerkError as error:
            panel.show_message(str(error), error=True)
            return True
        if scan.kind is ScanKind.CASE and self._to_handover(scan.case_no):
            return True
        self.open_case(scan.case_no)
        return True

    def _case_typed(self) -> None:
        edit = self.acceptance.case_edit
        if edit.text().strip() and self._to_handover(edit.text()):
            edit.clear()
            return
        self.acceptance.open_case()

    def _to_handover(self, number: str) -> bool:
        """Open 出件 if ``number``'s group waits for it (decided, not handed over; or a 补正)."""
        from ui.handover.handover_model import read_group, routes_here

        try:
            bundle_no, rows = read_group(self._session, number)
        except ClerkError:
            return False  # 调取办件 says why
        if not routes_here(rows):
            return False
        self.open_handover().show_group(bundle_no, rows)
        return True

    def open_case(self, case_no: str) -> None:
        """Show a case in 调取办件 as if its number were typed there; the draft stays."""
        self.acceptance.case_edit.setText(case_no)
        self.acceptance.open_case()

    # --- behaviour ------------------------------------------------------------------------
    def _verify_key(self) -> None:
        # A dialog of this screen is open (transfer, preview …): its keys are its own.
        if QApplication.activeModalWidget() is None:
            self.ask_verify()

    def ask_verify(self) -> None:
        """验真: check the QR code of a document; one dialog, reused for scan after scan."""
        if self.verify_dialog is None:
            from ui.counter.verify_dialog import VerifyDialog  # (and the paper's kinds) on F8

            dialog = VerifyDialog(self._session.documents.verify, self)
            dialog.finished.connect(self._verify_closed)
            self.verify_dialog = dialog
        self.verify_dialog.open()
        self.verify_dialog.scan_edit.setFocus()

    def _handover_key(self) -> None:
        if QApplication.activeModalWidget() is None:
            self.open_handover()

    def open_handover(self) -> HandoverDialog:
        """出件 for the ticket in service; one dialog, reused until it is closed."""
        if self.handover_dialog is None:
            from ui.handover.handover_dialog import HandoverDialog

            dialog = HandoverDialog(self._session, ticket=self.desk.current, parent=self)
            dialog.finished.connect(self._handover_closed)
            self.handover_dialog = dialog
            dialog.open()
            dialog.view.number_edit.setFocus()
        return self.handover_dialog

    def _handover_closed(self) -> None:
        dialog, self.handover_dialog = self.handover_dialog, None
        if dialog is not None:
            dialog.deleteLater()

    def _verify_closed(self) -> None:
        dialog, self.verify_dialog = self.verify_dialog, None
        if dialog is not None:
            dialog.deleteLater()

    def on_ticket_changed(self, ticket: TicketInfo | None) -> None:
        """A new applicant at the window: acceptance starts afresh, focused on its first field.

        A draft the clerk did not agree to discard stays (the ticket changed without their key).
        """
        if ticket is None:
            self.acceptance.set_ticket(None, None)
            if self._discarding:  # finished, no-show, transferred: the clerk let the draft go
                self.acceptance.new_application()
            return
        self.acceptance.set_ticket(ticket.id, ticket.number)
        if self._discarding or not self.has_draft():
            self.acceptance.new_application()
        else:
            self.view.ticket_panel.show_message(
                self.tr("The application in progress was kept: Ctrl+N starts a new one.")
            )

    # --- the application in progress --------------------------------------------------------
    def _draft(self) -> tuple[str, ...]:
        """What the clerk has typed and chosen for the application in progress."""
        page = self.acceptance.applicant_page
        edits = [page.scan_edit, page.name_edit, page.id_edit, page.legal_rep_edit]
        edits += [page.agent_name_edit, page.agent_id_edit]
        items = tuple(item.item_code for item in self.acceptance.chosen_items())
        return tuple(edit.text().strip() for edit in edits) + items

    def has_draft(self) -> bool:
        """Something typed or chosen that no decision has taken yet."""
        draft = self._draft()
        return any(draft) and draft != self._decided_draft

    def _on_cases_decided(self, _cases: object) -> None:
        self._decided_draft = self._draft()

    def may_leave_applicant(self, proceed: Callable[[], None]) -> bool:
        """The queue's ``leave_guard``: True to go on at once; with a draft, ask and return
        False, running ``proceed`` only if the clerk chooses to discard it."""
        if not self.has_draft():
            return True
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Application not submitted"),
            self.tr("The application in progress has not been submitted. Discard it?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.No,
            self,
        )
        box.button(QMessageBox.StandardButton.Discard).setText(self.tr("&Discard"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("&Return to the application"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setEscapeButton(QMessageBox.StandardButton.No)
        # Deleted on close; no lambda holds the box (one that did crashed its deferred delete).
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(self._discard_answered)
        self.discard_box, self._after_discard = box, proceed
        box.open()
        return False

    def _discard_answered(self) -> None:
        box, self.discard_box = self.discard_box, None
        proceed, self._after_discard = self._after_discard, None
        if box is None or proceed is None:
            return
        if box.clickedButton() is not box.button(QMessageBox.StandardButton.Discard):
            focus = QApplication.focusWidget()
            if focus is None or not self.isAncestorOf(focus):
                self.acceptance.setFocus()
            return
        self._discarding = True
        try:
            proceed()
        finally:
            self._discarding = False
