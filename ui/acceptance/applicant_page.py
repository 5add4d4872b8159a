"""Step 1 of acceptance: the applicant, a person or an enterprise, checked as it is typed.

A barcode scanner is a keyboard wedge: it types the code into ``scan_edit`` and presses Enter;
the page then tells a resident ID from a USCC, fills the form (a known applicant's name too, see
``fill_known``) and moves on to the first field still to type, or on to the items when none is.
Enter goes to the next empty field this applicant needs (a person: name and ID; a firm: also
its legal representative and the agent at the counter); Tab reaches every field.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from clerk_app.domain.identity import validate_resident_id, validate_uscc
from clerk_app.errors import ClerkError
from ui.common.widgets import restyle, show_message

if TYPE_CHECKING:
    from clerk_app.services.cases.results import ApplicantInput
    from clerk_app.services.credit import CreditInfo  # the service loads at the first check

_CODE_LENGTH = 18


def _page_shortcut(key: str, parent: QWidget, slot: object) -> QShortcut:
    shortcut = QShortcut(QKeySequence(key), parent)
    shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    shortcut.activated.connect(slot)
    return shortcut


def check_code(kind: str, text: str) -> str:
    """The normalized code, or ``ClerkError`` naming the wrong position."""
    return validate_uscc(text) if kind == "uscc" else validate_resident_id(text)


class ApplicantPage(QWidget):
    """Emits ``submitted`` on Enter in the last field and ``uscc_entered`` for a valid USCC."""

    submitted = Signal()
    uscc_entered = Signal(str)
    code_scanned = Signal(str, str)  # kind, code: the host fills what the hall knows (sync)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.person_radio = QRadioButton(self.tr("Person (Alt+P)"))
        self.enterprise_radio = QRadioButton(self.tr("Enterprise (Alt+E)"))
        self.person_radio.setChecked(True)
        kinds = QHBoxLayout()
        kinds.addWidget(self.person_radio)
        kinds.addWidget(self.enterprise_radio)
        kinds.addStretch(1)

        self.scan_edit = QLineEdit()
        self.scan_edit.setPlaceholderText(
            self.tr("Scan or type the ID card or licence code, then Enter")
        )
        self.name_edit = QLineEdit()
        self.id_edit = QLineEdit()
        self.id_edit.setMaxLength(24)
        self.id_status = QLabel()
        self.legal_rep_edit = QLineEdit()
        self.agent_name_edit = QLineEdit()
        self.agent_id_edit = QLineEdit()
        self.agent_id_edit.setMaxLength(24)
        self.agent_status = QLabel()
        self.credit_label = QLabel()
        self.credit_label.setObjectName("CreditStatus")
        self.credit_label.setWordWrap(True)

        self.form = QFormLayout()
        self.form.addRow(self.tr("Scan:"), self.scan_edit)
        self.form.addRow(self.tr("Name:"), self.name_edit)
        self.form.addRow(self.tr("ID / USCC:"), self.id_edit)
        self.form.addRow("", self.id_status)
        self.form.addRow(self.tr("Legal representative:"), self.legal_rep_edit)
        self.form.addRow(self.tr("Agent at the counter:"), self.agent_name_edit)
        self.form.addRow(self.tr("Agent's resident ID:"), self.agent_id_edit)
        self.form.addRow("", self.agent_status)

        hint = QLabel(
            self.tr("Enter: next empty field, then the items · Tab: every field · Alt+→: items")
        )
        hint.setObjectName("Placeholder")
        layout = QVBoxLayout(self)
        layout.addLayout(kinds)
        layout.addLayout(self.form)
        layout.addWidget(self.credit_label)
        layout.addStretch(1)
        layout.addWidget(hint)

        self._order = [
            self.name_edit,
            self.id_edit,
            self.legal_rep_edit,
            self.agent_name_edit,
            self.agent_id_edit,
        ]
        for edit in self._order:
            edit.returnPressed.connect(lambda e=edit: self._advance(e))
        self.scan_edit.returnPressed.connect(self.on_scanned)
        self.id_edit.textChanged.connect(self.on_id_edited)
        self.agent_id_edit.textChanged.connect(self.on_agent_id_edited)
        self.person_radio.toggled.connect(self.on_kind_changed)
        _page_shortcut("Alt+P", self, self.person_radio.click)
        _page_shortcut("Alt+E", self, self.enterprise_radio.click)
        self.on_kind_changed()

    # --- what the page holds ---------------------------------------------------------------
    @property
    def kind(self) -> str:
        return "uscc" if self.enterprise_radio.isChecked() else "resident_id"

    def applicant(self) -> ApplicantInput:
        """What was typed; the service validates it again and refuses what is wrong."""
        from clerk_app.services.cases.results import ApplicantInput  # with the first case

        return ApplicantInput(
            name=self.name_edit.text(),
            id_kind="uscc" if self.kind == "uscc" else "resident_id",
            id_value=self.id_edit.text(),
            legal_representative=self.legal_rep_edit.text() if self.kind == "uscc" else "",
            agent_name=self.agent_name_edit.text(),
            agent_id=self.agent_id_edit.text(),
        )

    def clear(self) -> None:
        for edit in (self.scan_edit, *self._order):
            edit.clear()
        self.person_radio.setChecked(True)
        self.show_credit(None)
        self.scan_edit.setFocus()

    def show_credit(self, info: CreditInfo | None, error: str = "") -> None:
        """The enterprise's standing, big and coloured, so the clerk cannot miss it."""
        if error:
            text, colour = error, "#c8161d"
        elif info is None:
            text, colour = "", "#6b7785"
        elif info.on_black_list:
            text, colour = self.tr("Credit black list: joint sanctions"), "#c8161d"
        elif info.has_unrepaired_broken_commitment:
            text, colour = self.tr("Broken commitment, not repaired"), "#c8161d"
        elif info.on_red_list:
            text, colour = self.tr("Credit red list: joint incentives"), "#1b7f3b"
        else:
            text, colour = self.tr("No credit list entry"), "#6b7785"
        self.credit_label.setText(text)
        self.credit_label.setStyleSheet(f"font-size: 20px; font-weight: bold; color: {colour};")

    # --- behaviour ------------------------------------------------------------------------
    def on_kind_changed(self) -> None:
        enterprise = self.kind == "uscc"
        self.form.setRowVisible(self.legal_rep_edit, enterprise)
        self.name_edit.setPlaceholderText(
            self.tr("Enterprise name") if enterprise else self.tr("Full name")
        )
        self.id_edit.setPlaceholderText(
            self.tr("Unified social credit code (18)")
            if enterprise
            else self.tr("Resident ID number (18)")
        )
        if not enterprise:
            self.show_credit(None)
        self.on_id_edited(self.id_edit.text())

    def on_scanned(self) -> None:
        code = self.scan_edit.text()
        for kind, radio in (("resident_id", self.person_radio), ("uscc", self.enterprise_radio)):
            try:
                normalized = check_code(kind, code)
            except ClerkError:
                continue
            radio.setChecked(True)
            self.id_edit.setText(normalized)
            self.scan_edit.clear()
            self.code_scanned.emit(kind, normalized)
            self._next_empty(after=None)
            return
        # Neither standard accepts it: complain as the one it most likely meant (letters before
        # the last character only occur in a USCC; otherwise the kind the clerk chose).
        kind = "uscc" if any(c.isalpha() for c in code.strip()[:17]) else self.kind
        try:
            check_code(kind, code)
        except ClerkError as e:
            self.flag_id_error(str(e))

    def flag_id_error(self, message: str) -> None:
        """Show why the ID is refused and put the cursor on it."""
        show_message(self.id_status, message, error=True)

    def on_id_edited(self, text: str) -> None:
        valid = self._show_check(self.id_status, self.kind, text)
        if valid and self.kind == "uscc":
            self.uscc_entered.emit(valid)
        elif self.kind == "uscc":
            self.show_credit(None)

    def on_agent_id_edited(self, text: str) -> None:
        self._show_check(self.agent_status, "resident_id", text)

    def _show_check(self, label: QLabel, kind: str, text: str) -> str:
        """Live check: a count while typing, then ✓ or the standard's complaint."""
        stripped = "".join(text.split())
        valid = ""
        if not stripped:
            message, name = "", "Placeholder"
        elif len(stripped) < _CODE_LENGTH:
            message, name = f"{len(stripped)}/{_CODE_LENGTH}", "Placeholder"
        else:
            try:
                valid = check_code(kind, stripped)
                message, name = "✓ " + self.tr("Valid"), "InfoText"
            except ClerkError as e:
                message, name = str(e), "ErrorText"
        restyle(label, name)
        label.setText(message)
        return valid

    def fill_known(self, name: str, legal_representative: str = "") -> None:
        """What the hall knows of the scanned applicant, into the fields still empty."""
        for edit, value in ((self.name_edit, name), (self.legal_rep_edit, legal_representative)):
            if value and not edit.text().strip():
                edit.setText(value)

    def _needed(self) -> list[QLineEdit]:
        """The fields Enter stops at while empty: a firm's legal representative and agent
        too (someone acts for it at the counter); a person's agent only once begun (by Tab),
        then both the agent's name and ID."""
        if self.kind == "uscc":
            return list(self._order)
        agent = [self.agent_name_edit, self.agent_id_edit]
        begun = any(e.text().strip() for e in agent)
        return [self.name_edit, self.id_edit, *(agent if begun else [])]

    def _next_empty(self, after: QLineEdit | None) -> None:
        """Focus the first empty needed field after ``after`` (the name and ID wherever they
        are); with none left, on to the items."""
        needed = self._needed()
        start = self._order.index(after) + 1 if after is not None else 0
        for edit in [*self._order[start:], self.name_edit, self.id_edit]:
            if edit in needed and not edit.text().strip():
                edit.setFocus()
                return
        self.submitted.emit()

    def _advance(self, edit: QLineEdit) -> None:
        self._next_empty(after=edit)
