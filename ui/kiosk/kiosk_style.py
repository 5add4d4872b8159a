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
QLabel#KioskError {
    font-size: 34px; font-weight: bold; color: white; background: #c8161d;
    border-radius: 12px; padding: 14px 24px;
}
QLabel#KioskFooter { font-size: 20px; color: #b9c9e3; }
QLabel#KioskClock { font-size: 26px; color: white; }
QPushButton#CategoryButton {
    background: white; border: none; border-radius: 18px; padding: 18px;
}
QPushButton#CategoryButton:pressed { background: #d7e4f7; }
QPushButton#CategoryButton QLabel { color: #0b4ea2; }
QLabel#CategoryName { font-size: 36px; font-weight: bold; }
QLabel#CategoryLoad { font-size: 24px; color: #41618f; }
QFrame#KioskCard {
    background: rgba(255, 255, 255, 28); border: 1px solid rgba(255, 255, 255, 70);
    border-radius: 14px;
}
QLabel#CardTitle { font-size: 24px; font-weight: bold; color: #ffd34d; }
QLabel#RealNameStatus { font-size: 22px; color: #dce6f5; }
QLineEdit#KioskEntry {
    font-size: 28px; padding: 8px 12px; border-radius: 8px; border: 2px solid #9fb7dc;
    background: white; color: #1f2933; min-height: 44px;
}
QLineEdit#KioskEntry:focus { border-color: #ffd34d; }
QPushButton#KioskOption, QPushButton#KioskAction {
    font-size: 24px; padding: 10px 20px; border-radius: 10px; min-height: 40px;
    background: rgba(255, 255, 255, 40); color: white; border: 2px solid rgba(255, 255, 255, 90);
}
QPushButton#KioskOption:checked { background: #ffd34d; color: #0b2c5c; border-color: #ffd34d; }
QPushButton#KioskAction:pressed, QPushButton#KioskOption:pressed { background: #2b6cc4; }
QFrame#TicketCard { background: white; border-radius: 24px; }
QFrame#TicketCard QLabel { color: #1f2933; }
QFrame#TicketCard QLabel#TicketCaption { font-size: 30px; color: #41618f; }
QFrame#TicketCard QLabel#TicketNumber { font-size: 160px; font-weight: bold; color: #0b4ea2; }
QFrame#TicketCard QLabel#TicketCategory { font-size: 36px; font-weight: bold; }
QFrame#TicketCard QLabel#TicketFacts { font-size: 34px; }
QFrame#TicketCard QLabel#TicketPrinting { font-size: 26px; color: #41618f; }
QFrame#TicketCard QLabel#TicketPrintFailed { font-size: 26px; font-weight: bold; color: #c8161d; }
QPushButton#TicketDone {
    font-size: 30px; font-weight: bold; padding: 16px 48px; border-radius: 14px;
    background: #0b4ea2; color: white; border: none;
}
QPushButton#TicketReprint {
    font-size: 26px; padding: 14px 36px; border-radius: 14px;
    background: white; color: #0b4ea2; border: 2px solid #0b4ea2;
}
"""
