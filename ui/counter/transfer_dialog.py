"""转窗: asks where the ticket in service goes — another queue category or another counter.

Keyboard first: the category list has the focus, arrows choose, Enter confirms; Alt+C / Alt+W
switch between category and counter. The dialog only asks; ``QueueDesk`` transfers.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ui.common.labels import counter_label


class TransferDialog(QDialog):
    """``target()`` after acceptance: ``("category", "C")`` or ``("counter", 7)``."""

    def __init__(
        self,
        ticket_number: str,
        categories: Sequence[Any],
        counters: Sequence[Any],
        own_counter: int | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Transfer ticket %1").replace("%1", ticket_number))
        intro = QLabel(
            self.tr("Send %1 on; it keeps its place in the queue.").replace("%1", ticket_number)
        )
        intro.setWordWrap(True)
        self.category_radio = QRadioButton(self.tr("To another &category"))
        self.counter_radio = QRadioButton(self.tr("To another &window"))
        self.category_combo = QComboBox()
        for category in categories:
            self.category_combo.addItem(f"{category.prefix}  {category.name}", category.prefix)
        self.counter_combo = QComboBox()
        for counter in counters:
            if counter.number == own_counter:
                continue
            text = f"{counter_label(counter.number)}  {counter.name}"
            self.counter_combo.addItem(text, counter.number)
        self.category_radio.toggled.connect(self._update_enabled)
        self.category_radio.setChecked(True)

        form = QFormLayout()
        form.addRow(self.category_radio, self.category_combo)
        form.addRow(self.counter_radio, self.counter_combo)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.category_combo.setFocus()

    def _update_enabled(self) -> None:
        by_category = self.category_radio.isChecked()
        self.category_combo.setEnabled(by_category)
        self.counter_combo.setEnabled(not by_category)
        (self.category_combo if by_category else self.counter_combo).setFocus()

    def target(self) -> tuple[str, Any]:
        if self.category_radio.isChecked():
            return "category", self.category_combo.currentData()
        return "counter", self.counter_combo.currentData()
