"""The band across the hall display with the latest call in words: "请 A012 号到 5 号窗口办理"."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from ui.display.call_model import FLASH, FLASH_TEXT, TEXT, blend

BAND = QColor("#13213a")
HEIGHT = 116


class CallBanner(QWidget):
    """Draws its own background and text so both can follow the flash level."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CallBanner")
        self.setMinimumHeight(HEIGHT)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._text = ""
        self._level = 0.0

    def text(self) -> str:
        return self._text

    def set_text(self, text: str) -> None:
        self._text = text
        self.update()

    def set_level(self, level: float) -> None:
        self._level = level
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(blend(BAND, FLASH, self._level))
        painter.drawRoundedRect(self.rect(), 16, 16)
        painter.setPen(FLASH_TEXT if self._level > 0.5 else TEXT)
        painter.setFont(self.font())
        painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self._text)
        painter.end()
