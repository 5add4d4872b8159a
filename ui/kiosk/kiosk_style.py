"""Look of the kiosk: a public touch screen read from a step away, so everything is large."""

from __future__ import annotations

KIOSK_STYLE = """
QWidget#KioskWindow {
    background: qlineargradient(x1:0, y1:0, x2:0, y2:1, stop:0 #0b4ea2, stop:1 #062f66);
}
QLabel { color: white; background: transparent; }
QLabel#KioskHallName { font-size: 52px; font-weight: bold; }
QLabel#KioskPrompt { font-size: 30px; color: #dce6f5; }
QLabel#KioskNotice {
    font-size: 26px; color: #ffe8a3; min-height: 44px;
}
QLabel#KioskFooter { font-size: 20px; color: #b9c9e3; }
QLabel#KioskClock { font-size: 26px; color: white; }
QPushButton#CategoryButton {
    background: white; color: #0b4ea2; border: none; border-radius: 18px;
    font-size: 36px; font-weight: bold; padding: 18px; text-align: center;
}
QPushButton#CategoryButton:pressed { background: #d7e4f7; }
QPushButton#CategoryButton:focus { border: 4px solid #ffd34d; }
"""
