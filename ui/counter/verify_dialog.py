"""验真: a hand scanner types a document's QR payload here; the dialog says whether it is genuine.

The scanner works as a keyboard and ends with Enter, so the box checks on Enter and is cleared
for the next scan; a refusal (forged or altered paper) shows in red in the core's own words.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from clerk_app.errors import ClerkError
from clerk_app.services.documents.fit import kind_label
from ui.common.labels import yes_no
from ui.common.theme import ACCENT, GENUINE
from ui.common.widgets import restyle
from ui.counter.scan_filter import scan_field

if TYPE_CHECKING:
    from clerk_app.services.documents.results import VerifyResult


class VerifyDialog(QDialog):
    """``verify(payload)`` is the core's check; ``last_result`` holds what it said last."""

    def __init__(
        self, verify: Callable[[str], VerifyResult], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._verify = verify
        self.last_result: VerifyResult | None = None
        self.setWindowTitle(self.tr("Verify a document (F8)"))
        self.scan_edit = QLineEdit()
        self.scan_edit.setPlaceholderText(self.tr("Scan the QR code on the document"))
        # The scanner types ASCII keys: a Chinese input method must not compose them.
        scan_field(self.scan_edit)
        self.verdict_label = QLabel()
        self.details_label = QLabel()
        self.details_label.setWordWrap(True)
        self.scanned_label = QLabel()
        self.scanned_label.setObjectName("Placeholder")
        self.scanned_label.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        hint = QLabel(self.tr("Scan one document after another · Esc: close"))
        hint.setObjectName("Placeholder")
        layout = QVBoxLayout(self)
        layout.addWidget(self.scan_edit)
        layout.addWidget(self.verdict_label)
        layout.addWidget(self.details_label)
        layout.addWidget(self.scanned_label)
        layout.addStretch(1)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.scan_edit.returnPressed.connect(self.check)
        self.resize(520, 300)

    def check(self) -> None:
        """Check what the scanner typed, then clear the box for the next document."""
        # Payloads are upper case throughout; Caps Lock on inverts what a scanner types.
        payload = self.scan_edit.text().strip().upper()
        self.scan_edit.clear()
        if not payload:
            return
        self.scanned_label.setText(payload)
        try:
            result = self._verify(payload)
        except ClerkError as e:
            self.last_result = None
            self._show_verdict(self.tr("Not genuine"), str(e), genuine=False)
            return
        self.last_result = result
        self._show_verdict(self.tr("Genuine"), self._details(result), genuine=True)

    def _details(self, result: VerifyResult) -> str:
        lines = [
            self.tr("Document: %1").replace("%1", result.title or kind_label(result.kind)),
            self.tr("Case number: %1").replace("%1", result.case_no),
            self.tr("Issued on: %1").replace("%1", result.issued_on.isoformat()),
            self.tr("Recorded in this hall's print records: %1").replace(
                "%1", yes_no(result.recorded)
            ),
        ]
        lines += [f"{label}: {value}" for label, value in result.printed_lines()]
        if result.case_state_label:
            lines.append(self.tr("Case now: %1").replace("%1", result.case_state_label))
        elif result.case_state is None:
            lines.append(self.tr("The case is not in this hall's records."))
        return "\n".join(lines)

    def _show_verdict(self, verdict: str, details: str, *, genuine: bool) -> None:
        color = GENUINE if genuine else ACCENT
        self.verdict_label.setStyleSheet(f"color: {color}; font-size: 28px; font-weight: bold;")
        self.verdict_label.setText(verdict)
        restyle(self.details_label, "" if genuine else "ErrorText")
        self.details_label.setText(details)

    def is_genuine(self) -> bool:
        return self.last_result is not None
