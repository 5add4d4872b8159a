"""The full-screen notice a kiosk, display or evaluator shows while its database is unreachable.

A public PC starts at login, often before the hall's database server is up (a power cut ends,
every PC boots at once): instead of an error box nobody in the hall can click, it says
"正在重新连接…" with the reason, and ``ui.launcher.PublicStarter`` tries again.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

STYLE = """
#ReconnectingScreen { background: #0b3d91; }
#ReconnectingScreen QLabel { color: white; }
#ReconnectingTitle { font-size: 48px; font-weight: bold; }
#ReconnectingDetail { font-size: 20px; }
"""


class ReconnectingScreen(QWidget):
    """Says that the screen is reconnecting, and why (the core's one sentence)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ReconnectingScreen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(STYLE)
        self.title_label = QLabel(self.tr("Reconnecting…"))
        self.title_label.setObjectName("ReconnectingTitle")
        self.detail_label = QLabel()
        self.detail_label.setObjectName("ReconnectingDetail")
        self.detail_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for label in (self.title_label, self.detail_label):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(label)
        layout.addStretch(1)
        QShortcut(QKeySequence("Ctrl+Shift+Q"), self, self.close)

    def show_reason(self, reason: str) -> None:
        self.detail_label.setText(reason)
