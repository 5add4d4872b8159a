"""A search box that reports its text once the clerk pauses typing."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLineEdit, QWidget

#: Wait this long after the last key before searching, so typing stays smooth.
DEBOUNCE_MS = 250


class SearchBox(QLineEdit):
    """Emits ``search_requested(text)`` after a pause in typing, or at once on Enter."""

    search_requested = Signal(str)

    def __init__(self, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self.setClearButtonEnabled(True)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.search_now)
        self.textChanged.connect(lambda _text: self._timer.start())
        self.returnPressed.connect(self.search_now)

    def search_now(self) -> None:
        self._timer.stop()
        self.search_requested.emit(self.text().strip())
