"""指定叫号: asks which ticket to call out of order and why (the reason is recorded).

A scanned ticket slip opens it with the number filled in.
"""

from __future__ import annotations

from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ui.counter.scan_filter import scan_field


class CallTicketDialog(QDialog):
    """``number()`` and ``reason()`` after acceptance; OK stays off until both are given."""

    def __init__(self, parent: QWidget | None = None, *, number: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Call a number"))
        self.number_edit = QLineEdit()
        self.number_edit.setPlaceholderText("A012")
        self.number_edit.setValidator(
            QRegularExpressionValidator(r"[A-Za-z]{1,3}[0-9]{1,4}", self.number_edit)
        )
        scan_field(self.number_edit)
        self.reason_combo = QComboBox()
        self.reason_combo.setEditable(True)
        self.reason_combo.addItems(
            [
                "",
                self.tr("Came back with the missing materials"),
                self.tr("Elderly, disabled or ill applicant"),
                self.tr("Sent here by another window"),
                self.tr("Approved by the supervisor"),
            ]
        )
        form = QFormLayout()
        form.addRow(self.tr("Ticket &number:"), self.number_edit)
        form.addRow(self.tr("&Reason:"), self.reason_combo)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.number_edit.textChanged.connect(self._update_ok)
        self.reason_combo.currentTextChanged.connect(self._update_ok)
        self._update_ok()
        if number:  # from a scanned ticket slip: only the reason is left to give
            self.number_edit.setText(number)
            self.reason_combo.setFocus()

    def number(self) -> str:
        return self.number_edit.text().strip().upper()

    def reason(self) -> str:
        return self.reason_combo.currentText().strip()

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.number() and self.reason()))
