"""The acceptance flow at the counter: applicant → items → materials → decision → documents.

Keyboard-first: Alt+→ / Alt+← step forward and back, Alt+1 … Alt+5 jump to a step, Ctrl+N
starts a new application, and each page names its own keys. A decision is one short unit of
work run on the GUI thread (as the queue keys are), so its outcome is on screen before the next
key is read. Scanning a receipt's barcode into "Open case" shows that case and what can be done.
Step 5 lists the documents of the cases shown (Enter previews, Ctrl+P prints) beside the words
of the chosen one, as the core composes them, for the clerk to read out. A 一件事 chosen in step
2 is checked with its shared materials once and accepted whole (``package_acceptance``); step 5
then lists the package's own paper.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from clerk_app.domain.case_states import CaseState
from clerk_app.errors import ClerkError
from ui.acceptance.applicant_page import ApplicantPage, check_code
from ui.acceptance.steps import (
    ACCEPT,
    APPLICANT,
    DECISION,
    INSTANT,
    ITEMS,
    MATERIALS,
    NOTICE,
    PREVIEW,
    REJECT,
    TOLERANT,
)
from ui.common.tasks import run_task

if TYPE_CHECKING:
    from clerk_app.api import StaffSession
    from clerk_app.documents.paper_data import DocumentKind
    from clerk_app.services.cases.results import ApplicantInput, CaseInfo, ItemRequest
    from clerk_app.services.catalog import ItemInfo
    from ui.acceptance.decision_page import DecisionPage
    from ui.acceptance.documents_panel import DocumentsPanel
    from ui.acceptance.identity_reveal import IdentityReveal
    from ui.acceptance.items_page import ItemsPage
    from ui.acceptance.materials_page import MaterialsPage
    from ui.acceptance.preview import PaperWords
    from ui.printing.printers import CounterPrinters

__all__ = ["APPLICANT", "DECISION", "ITEMS", "MATERIALS", "PREVIEW", "AcceptancePanel"]


class AcceptancePanel(QWidget):
    """Embed in the counter screen; ``set_ticket`` links decided cases to the ticket served."""

    cases_decided = Signal(object)  # list[CaseInfo] of one decision

    def __init__(
        self,
        session: StaffSession,
        parent: QWidget | None = None,
        *,
        printers: CounterPrinters | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._ticket_id: int | None = None
        self._ticket_number: str | None = None
        self._shown: list[CaseInfo] = []
        # The application whose commitment letters were printed for signing before the decision.
        self._letters_for: object = None
        # The printers (and Qt's PDF and print modules) load at the first print.
        self._given_printers = printers
        self.applicant_page = ApplicantPage()
        # Steps 2–5 are built when the clerk first reaches them (or code first asks for them):
        # a counter's window is up before their modules, the catalog model and the paper load.
        self._pages: dict[int, QWidget] = {APPLICANT: self.applicant_page}
        self._preview: PaperWords | None = None
        self._documents: DocumentsPanel | None = None
        self._identity: IdentityReveal | None = None
        self.supplement_button = QPushButton(self.tr("Record supplement (Alt+S)"))
        self.collect_button = QPushButton(self.tr("Certificate collected (Alt+L)"))
        self.stack = QStackedWidget()
        self.stack.addWidget(self.applicant_page)
        for _step in range(ITEMS, PREVIEW + 1):
            self.stack.addWidget(QWidget())  # stands in until the step is built
        self.ticket_label = QLabel()
        self.case_edit = QLineEdit()
        self.case_edit.setPlaceholderText(self.tr("Open case: scan the receipt's barcode"))
        self.step_labels = [QLabel() for _ in range(5)]
        self.setLayout(self._layout())
        self._connect()
        self.set_ticket(None, None)
        self.go_to(APPLICANT)

    # --- layout ---------------------------------------------------------------------------
    def _layout(self) -> QVBoxLayout:
        names = [
            self.tr("1 Applicant"),
            self.tr("2 Items"),
            self.tr("3 Materials"),
            self.tr("4 Decision"),
            self.tr("5 Paper"),
        ]
        steps = QHBoxLayout()
        for label, name in zip(self.step_labels, names, strict=True):
            label.setText(name)
            steps.addWidget(label)
        steps.addStretch(1)
        steps.addWidget(self.ticket_label)
        top = QHBoxLayout()
        top.addWidget(self.case_edit, 1)
        hint = QLabel(self.tr("Alt+→ next · Alt+← back · Alt+1…5 step · Ctrl+N new"))
        hint.setObjectName("Placeholder")
        top.addWidget(hint)
        layout = QVBoxLayout()
        layout.addLayout(top)
        layout.addLayout(steps)
        layout.addWidget(self.stack, 1)
        return layout

    # --- the steps, built on first use -------------------------------------------------------
    @property
    def items_page(self) -> ItemsPage:
        return cast("ItemsPage", self._page(ITEMS))

    @property
    def materials_page(self) -> MaterialsPage:
        return cast("MaterialsPage", self._page(MATERIALS))

    @property
    def decision_page(self) -> DecisionPage:
        return cast("DecisionPage", self._page(DECISION))

    @property
    def documents(self) -> DocumentsPanel:
        self._page(PREVIEW)
        assert self._documents is not None
        return self._documents

    @property
    def identity(self) -> IdentityReveal:
        """The case's masked ID and its Show full ID button (step 5)."""
        self._page(PREVIEW)
        assert self._identity is not None
        return self._identity

    @property
    def preview(self) -> PaperWords:
        self._page(PREVIEW)
        assert self._preview is not None
        return self._preview

    def _counter_printers(self) -> CounterPrinters:
        if self._given_printers is None:
            from ui.printing.printers import CounterPrinters

            self._given_printers = CounterPrinters(self._session.actor.counter_no)
        return self._given_printers

    def chosen_items(self) -> list[ItemInfo]:
        """The items chosen in step 2 (none while the step was never opened)."""
        return self.items_page.chosen() if ITEMS in self._pages else []

    def _page(self, step: int) -> QWidget:
        page = self._pages.get(step)
        if page is None:
            page = self._pages[step] = self._build(step)
            stand_in = self.stack.widget(step)
            assert stand_in is not None
            current = self.stack.currentIndex()
            self.stack.insertWidget(step, page)
            self.stack.removeWidget(stand_in)
            stand_in.deleteLater()
            self.stack.setCurrentIndex(current)
        return page

    def _build(self, step: int) -> QWidget:
        if step == ITEMS:
            from ui.acceptance.items_page import ItemsPage

            items = ItemsPage(self._session.catalog, journey=self._session.journey)
            items.single_added.connect(lambda: self.go_to(MATERIALS))
            items.package_chosen.connect(lambda: self.go_to(MATERIALS))
            return items
        if step == MATERIALS:
            from ui.acceptance.materials_page import MaterialsPage

            return MaterialsPage()
        if step == DECISION:
            from ui.acceptance.decision_page import DecisionPage

            decision = DecisionPage()
            decision.decision_requested.connect(self.decide)
            decision.letter_requested.connect(self.print_commitment_letter)
            return decision
        from ui.acceptance.documents_panel import DocumentsPanel
        from ui.acceptance.identity_reveal import IdentityReveal
        from ui.acceptance.paper_source import PaperSource
        from ui.acceptance.preview import PaperWords

        self._identity = IdentityReveal(self._session)
        paper = PaperSource(self._session.documents, self._session.journey)
        self._preview = PaperWords(paper)
        self._documents = DocumentsPanel(self._session.documents, self._counter_printers(), paper)
        self._documents.chosen.connect(self._preview.show_row)
        return self._preview_page()

    def _preview_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        paper = QHBoxLayout()
        assert self._documents is not None and self._preview is not None
        assert self._identity is not None
        paper.addWidget(self._documents, 3)
        paper.addWidget(self._preview, 2)
        layout.addLayout(paper, 1)
        row = QHBoxLayout()
        hint = QLabel(
            self.tr("Enter: preview · Ctrl+P: print what is due (then a reprint) · Ctrl+N: next")
        )
        hint.setObjectName("Placeholder")
        hint.setWordWrap(True)
        row.addWidget(hint)
        row.addStretch(1)
        row.addWidget(self._identity)
        row.addWidget(self.supplement_button)
        row.addWidget(self.collect_button)
        layout.addLayout(row)
        for key, button in (
            ("Alt+S", self.supplement_button),
            ("Alt+L", self.collect_button),
            ("Ctrl+P", self._documents.print_button),
        ):
            self._shortcut(key, button.click, page)
        return page

    def _shortcut(self, key: str, slot: object, parent: QWidget | None = None) -> None:
        shortcut = QShortcut(QKeySequence(key), parent or self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(slot)

    def _connect(self) -> None:
        self._shortcut("Alt+Right", lambda: self.go_to(self.stack.currentIndex() + 1))
        self._shortcut("Alt+Left", lambda: self.go_to(self.stack.currentIndex() - 1))
        for step in range(5):
            self._shortcut(f"Alt+{step + 1}", lambda s=step: self.go_to(s))
        self._shortcut("Ctrl+N", self.new_application)
        self.applicant_page.submitted.connect(lambda: self.go_to(ITEMS))
        self.applicant_page.uscc_entered.connect(self.on_uscc_entered)
        self.applicant_page.code_scanned.connect(self.on_code_scanned)
        self.case_edit.returnPressed.connect(self.open_case)
        self.supplement_button.clicked.connect(self.record_supplement)
        self.collect_button.clicked.connect(self.collect)

    # --- the ticket ------------------------------------------------------------------------
    @property
    def ticket_id(self) -> int | None:
        return self._ticket_id

    def set_ticket(self, ticket_id: int | None, ticket_number: str | None) -> None:
        """The ticket being served; cases decided from now on are linked to it."""
        self._ticket_id, self._ticket_number = ticket_id, ticket_number
        if ticket_id is None:
            self.ticket_label.setText(self.tr("No ticket"))
            return
        count = len(self._session.cases.cases_for_ticket(ticket_id))
        self.ticket_label.setText(
            self.tr("Ticket %1 · %2 case(s)")
            .replace("%1", ticket_number or str(ticket_id))
            .replace("%2", str(count))
        )

    def on_code_scanned(self, kind: str, code: str) -> None:
        """A scanned applicant the hall has met (or a listed firm): their name, not typed."""
        try:
            known = self._session.cases.known_applicant(kind, code)
        except ClerkError:
            return  # the page shows what is wrong with the code itself
        if known is not None:
            self.applicant_page.fill_known(known.name, known.legal_representative)

    def on_uscc_entered(self, uscc: str) -> None:
        """Show the enterprise's credit standing as soon as its code is complete."""
        try:
            self.applicant_page.show_credit(self._session.credit.status(uscc))
        except ClerkError as e:
            self.applicant_page.show_credit(None, str(e))

    # --- steps ----------------------------------------------------------------------------
    def go_to(self, step: int) -> None:
        if not APPLICANT <= step <= PREVIEW or not self._may_leave(step):
            return
        self._page(step)
        self.stack.setCurrentIndex(step)
        for i, label in enumerate(self.step_labels):
            label.setStyleSheet("font-weight: bold; color: #0b4ea2;" if i == step else "")
        if step == APPLICANT:
            self.applicant_page.scan_edit.setFocus()
        elif step == ITEMS:
            self.items_page.search_box.setFocus()
        elif step == MATERIALS:
            self.materials_page.load(self.items_page.chosen(), self.items_page.package())
            self.materials_page.focus_table()
        elif step == DECISION:
            self._prepare_decision()
            self.decision_page.focus_first()
        else:
            self.documents.focus_list()

    def _may_leave(self, target: int) -> bool:
        """Forward only with a valid applicant and at least one item."""
        current = self.stack.currentIndex()
        if target <= current or target == PREVIEW:
            return target != PREVIEW or bool(self._shown)
        page = self.applicant_page
        try:
            check_code(page.kind, page.id_edit.text())
        except ClerkError as e:
            page.flag_id_error(str(e))
            page.id_edit.setFocus()
            return False
        if target > ITEMS and not self.items_page.chosen():  # (builds step 2 if need be)
            self.stack.setCurrentIndex(ITEMS)
            self.items_page.search_box.setFocus()
            return False
        return True

    def _prepare_decision(self) -> None:
        """Ask the core what this checklist allows, and show it."""
        items = self.items_page.chosen()
        self.materials_page.load(items, self.items_page.package())
        requests = self._requests(items)
        try:
            options = self._session.cases.decision_options(
                self.applicant_page.applicant(), requests
            )
        except ClerkError as e:
            self.decision_page.unavailable(str(e))
            return
        self.decision_page.prepare(
            self.tr("%1 · %2 item(s) · %3 material(s) missing or wrong")
            .replace("%1", self.applicant_page.name_edit.text())
            .replace("%2", str(options.items))
            .replace("%3", str(options.lacking)),
            options,
        )
        if self.items_page.package() is not None:
            self.decision_page.offer_package_acceptance()

    def _requests(self, items: list[ItemInfo]) -> list[ItemRequest]:
        """Each item's checklist as the core takes it; a 一件事's shared marks applied to the
        materials they stand for."""
        package = self.items_page.package()
        rows = self.materials_page.model.rows()
        if package is None:
            return self.materials_page.model.requests([i.item_code for i in items])
        from ui.acceptance.package_materials import item_requests

        return item_requests(package, rows, items)

    # --- 容缺: the commitment letter, before the decision -------------------------------------
    def print_commitment_letter(self) -> None:
        """Draw the 容缺受理承诺书 of what is on screen and print it for signing (on a worker:
        the core reads and draws, the printer prints); the page then asks for the signature."""
        page = self.decision_page
        items = self.items_page.chosen()
        requests = self._requests(items)
        applicant, days = self.applicant_page.applicant(), page.supplement_day_count()
        cases = self._session.cases
        from ui.printing.printers import send  # (loaded by _counter_printers already)

        # One target per item at most (a letter per lacking item); settings are read here.
        targets = [
            self._counter_printers().target(None, f"commitment-letter-{n}")
            for n in range(1, len(items) + 1)
        ]

        def print_letters() -> list[tuple[str, int, str]]:
            letters = cases.commitment_letters(applicant, requests, supplement_days=days)
            return [
                (letter.document.title, send(letter.pdf, target), target.describe())
                for letter, target in zip(letters, targets, strict=False)
            ]

        page.letter_button.setEnabled(False)
        run_task(print_letters, self._letters_printed, self._letters_failed, owner=self)

    def _letters_printed(self, printed: list[tuple[str, int, str]]) -> None:
        self._letters_for = self._application()
        page = self.decision_page
        page.letter_button.setEnabled(True)
        pages = sum(n for _title, n, _where in printed)
        page.letter_printed(
            self.tr("Commitment letter printed (%1 page(s), %2): have it signed, then Alt+C.")
            .replace("%1", str(pages))
            .replace("%2", ", ".join(where for _title, _n, where in printed))
        )

    def _letters_failed(self, error: BaseException) -> None:
        self.decision_page.letter_button.setEnabled(True)
        from ui.printing.pdf_printing import PrintFailed

        if not isinstance(error, ClerkError | PrintFailed):
            raise error
        self.decision_page.show_error(str(error))

    def _application(self) -> object:
        """What the letters state: applicant, checklist and days (equal when unchanged)."""
        items = self.items_page.chosen()
        return (
            self.applicant_page.applicant(),
            self._requests(items),
            self.decision_page.supplement_day_count(),
        )

    # --- decisions ------------------------------------------------------------------------
    def decide(self, kind: str) -> None:
        page = self.decision_page
        applicant = self.applicant_page.applicant()
        items = self.items_page.chosen()
        if kind == ACCEPT and self.items_page.package() is not None:
            self._accept_package(applicant)
            return
        requests = self._requests(items)
        cases = self._session.cases
        ticket = self._ticket_id
        if kind == INSTANT and (problem := page.permit_problem()) is not None:
            page.show_error(problem[0])  # a date that is no date is never issued as another
            problem[1].setFocus()
            return
        try:
            if kind == ACCEPT:
                result = cases.accept(applicant, requests, ticket_id=ticket)
            elif kind == TOLERANT:
                result = cases.tolerant_accept(
                    applicant,
                    requests,
                    commitment_signed=page.commitment_check.isChecked(),
                    supplement_days=page.supplement_day_count(),
                    ticket_id=ticket,
                )
            elif kind == NOTICE:
                result = cases.one_time_notice(applicant, requests, ticket_id=ticket)
            elif kind == REJECT:
                result = cases.reject(
                    applicant,
                    requests,
                    reason=page.reason_edit.text(),
                    legal_basis=page.basis_edit.text(),
                    competent_body=page.body_edit.text(),
                    ticket_id=ticket,
                )
            elif kind == INSTANT:
                result = cases.issue_instant(
                    applicant, requests, ticket_id=ticket, permit_details=page.permit_details()
                )
            else:
                return
        except ClerkError as e:
            page.show_error(str(e))
            if kind == REJECT:
                page.reason_edit.setFocus()
            elif kind == INSTANT and page.permit_details() is not None:
                page.permit_form.location_edit.setFocus()
            return
        signed = kind == TOLERANT and self._letters_for == self._application()
        self._show(result, signed=[c.case_no for c in result if signed and c.commitment_signed])
        self.set_ticket(self._ticket_id, self._ticket_number)
        self.cases_decided.emit(result)

    def _accept_package(self, applicant: ApplicantInput) -> None:
        """受理 the chosen 一件事 in one transaction; a refusal is shown and nothing is kept."""
        from ui.acceptance.package_acceptance import accept, paper_kinds

        package = self.items_page.package()
        assert package is not None
        try:
            result = accept(
                self._session,
                package,
                applicant,
                self.materials_page.model.rows(),
                self._ticket_id,
            )
        except ClerkError as e:
            self.decision_page.show_error(str(e))
            return
        cases = list(result.cases)
        self._show(cases, group=(result.bundle_no, package.name, paper_kinds(package)))
        self.set_ticket(self._ticket_id, self._ticket_number)
        self.cases_decided.emit(cases)

    def _show(
        self,
        cases: list[CaseInfo],
        *,
        signed: list[str] | None = None,
        group: tuple[str, str, list[DocumentKind]] | None = None,
    ) -> None:
        self._shown = list(cases)
        self.identity.set_case(cases[0] if cases else None)
        self._letters_for = None
        if group is not None:  # a 一件事: one receipt for every item
            self.documents.set_group(*group)
        else:
            self.documents.set_cases(cases, signed=signed or ())  # its words follow
        states = {c.state for c in cases}
        self.supplement_button.setEnabled(CaseState.PENDING_SUPPLEMENT in states)
        self.collect_button.setEnabled(CaseState.CERTIFICATE_ISSUED in states)
        self.go_to(PREVIEW)

    # --- a case opened from its receipt -----------------------------------------------------
    def open_case(self) -> None:
        try:
            case = self._session.cases.get(self.case_edit.text())
        except ClerkError as e:
            self.documents.set_cases([])  # (builds step 5 if need be)
            self.preview.setPlainText(str(e))
            self._shown = []
            self.identity.set_case(None)
            self.supplement_button.setEnabled(False)
            self.collect_button.setEnabled(False)
            self.stack.setCurrentIndex(PREVIEW)
            return
        self.case_edit.clear()
        self._show([case])

    def record_supplement(self) -> None:
        self._act_on_shown(CaseState.PENDING_SUPPLEMENT, "supplement")

    def collect(self) -> None:
        self._act_on_shown(CaseState.CERTIFICATE_ISSUED, "collect")

    def _act_on_shown(self, state: CaseState, action: str) -> None:
        """One action on every case shown in ``state`` (a bundle): one transaction, so either
        all of them change or none does and the screen keeps showing them as they were."""
        from clerk_app.services.cases.results import CaseRef

        chosen = [CaseRef(c.case_no, c.version) for c in self._shown if c.state == state]
        if not chosen:
            return
        cases = self._session.cases
        try:
            if action == "supplement":
                done = cases.record_supplement_bundle(chosen)
            else:
                done = cases.collect_bundle(chosen)
        except ClerkError as e:
            self.preview.append("\n" + str(e))
            return
        changed = {c.case_no: c for c in done}
        self._show([changed.get(c.case_no, c) for c in self._shown])

    def new_application(self) -> None:
        """Clear every step for the next applicant (the ticket stays)."""
        self.applicant_page.clear()
        if ITEMS in self._pages:  # a step never built has nothing to clear
            self.items_page.clear()
        if MATERIALS in self._pages:
            self.materials_page.load([])
        if DECISION in self._pages:
            self.decision_page.clear()
        if self._documents is not None:
            self._documents.set_cases([])
        self._shown = []
        self.go_to(APPLICANT)
