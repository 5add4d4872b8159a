"""Look of the kiosk: a public touch screen read from a step away, so everything is large.

Sizes are those of the 1920×1080 design, scaled to the monitor (``ui.common.public_screen``);
"heavy" text uses the heaviest weight the font really has (no synthetic bold).
"""

from __future__ import annotations

from ui.common.public_screen import ScreenFit


def kiosk_style(fit: ScreenFit, heavy: int) -> str:
    px = fit.px
    return f"""
QWidget#KioskWindow {{
    background: qlineargradient(x1:0, y1:0, x2:0, y2:1, stop:0 #0b4ea2, stop:1 #062f66);
}}
QLabel {{ color: white; background: transparent; }}
QLabel#KioskHallName {{ font-size: {px(52)}px; font-weight: {heavy}; }}
QLabel#KioskPrompt {{ font-size: {px(30)}px; color: #dce6f5; }}
QLabel#KioskNotice {{
    font-size: {px(26)}px; color: #ffe8a3; min-height: {px(44)}px;
}}
QLabel#KioskError {{
    font-size: {px(34)}px; font-weight: {heavy}; color: white; background: #c8161d;
    border-radius: {px(12)}px; padding: {px(14)}px {px(24)}px;
}}
QLabel#KioskFooter {{ font-size: {px(20)}px; color: #b9c9e3; }}
QLabel#KioskClock {{ font-size: {px(26)}px; color: white; }}
QPushButton#CategoryButton {{
    background: white; border: none; border-radius: {px(18)}px; padding: {px(18)}px;
}}
QPushButton#CategoryButton:pressed {{ background: #d7e4f7; }}
QPushButton#CategoryButton QLabel {{ color: #0b4ea2; }}
QLabel#CategoryName {{ font-size: {px(36)}px; font-weight: {heavy}; }}
QLabel#CategoryLoad {{ font-size: {px(24)}px; color: #41618f; }}
QFrame#KioskCard {{
    background: rgba(255, 255, 255, 28); border: {px(1)}px solid rgba(255, 255, 255, 70);
    border-radius: {px(14)}px;
}}
QLabel#CardTitle {{ font-size: {px(24)}px; font-weight: {heavy}; color: #ffd34d; }}
QLabel#RealNameStatus {{ font-size: {px(22)}px; color: #dce6f5; }}
QLineEdit#KioskEntry {{
    font-size: {px(28)}px; padding: {px(8)}px {px(12)}px; border-radius: {px(8)}px;
    border: {px(2)}px solid #9fb7dc;
    background: white; color: #1f2933; min-height: {px(44)}px;
}}
QLineEdit#KioskEntry:focus {{ border-color: #ffd34d; }}
QPushButton#KioskOption, QPushButton#KioskAction {{
    font-size: {px(24)}px; padding: {px(10)}px {px(20)}px; border-radius: {px(10)}px;
    min-height: {px(40)}px; background: rgba(255, 255, 255, 40); color: white;
    border: {px(2)}px solid rgba(255, 255, 255, 90);
}}
QPushButton#KioskOption:checked {{ background: #ffd34d; color: #0b2c5c; border-color: #ffd34d; }}
QPushButton#KioskAction:pressed, QPushButton#KioskOption:pressed {{ background: #2b6cc4; }}
QFrame#TicketCard {{ background: white; border-radius: {px(24)}px; }}
QFrame#TicketCard QLabel {{ color: #1f2933; }}
QFrame#TicketCard QLabel#TicketCaption {{ font-size: {px(30)}px; color: #41618f; }}
QFrame#TicketCard QLabel#TicketNumber {{
    font-size: {px(160)}px; font-weight: {heavy}; color: #0b4ea2;
}}
QFrame#TicketCard QLabel#TicketCategory {{ font-size: {px(36)}px; font-weight: {heavy}; }}
QFrame#TicketCard QLabel#TicketFacts {{ font-size: {px(34)}px; }}
QFrame#TicketCard QLabel#TicketPrinting {{ font-size: {px(26)}px; color: #41618f; }}
QFrame#TicketCard QLabel#TicketPrintFailed {{
    font-size: {px(26)}px; font-weight: {heavy}; color: #c8161d;
}}
QPushButton#TicketDone {{
    font-size: {px(30)}px; font-weight: {heavy}; padding: {px(16)}px {px(48)}px;
    border-radius: {px(14)}px;
    background: #0b4ea2; color: white; border: none;
}}
QPushButton#TicketReprint {{
    font-size: {px(26)}px; padding: {px(14)}px {px(36)}px; border-radius: {px(14)}px;
    background: white; color: #0b4ea2; border: {px(2)}px solid #0b4ea2;
}}
QPushButton#KioskProgressButton {{
    font-size: {px(28)}px; font-weight: {heavy}; padding: {px(12)}px {px(28)}px;
    border-radius: {px(14)}px; min-height: {px(48)}px;
    background: #ffd34d; color: #0b2c5c; border: none;
}}
QPushButton#KioskProgressButton:pressed {{ background: #f0b400; }}
QFrame#ProgressCard {{ background: white; border-radius: {px(24)}px; }}
QFrame#ProgressCard QLabel {{ color: #1f2933; }}
QFrame#ProgressCard QLabel#ProgressTitle {{
    font-size: {px(40)}px; font-weight: {heavy}; color: #0b4ea2;
}}
QFrame#ProgressCard QLabel#ProgressPrompt {{ font-size: {px(28)}px; color: #41618f; }}
QFrame#ProgressCard QLabel#ProgressError {{
    font-size: {px(30)}px; font-weight: {heavy}; color: white; background: #c8161d;
    border-radius: {px(12)}px; padding: {px(12)}px {px(20)}px;
}}
QFrame#ProgressCard QLabel#ProgressFacts {{ font-size: {px(26)}px; }}
QFrame#ProgressCard QLabel#ProgressCases {{ font-size: {px(28)}px; font-weight: {heavy}; }}
QFrame#ProgressCard QLabel#ProgressDue {{
    font-size: {px(32)}px; font-weight: {heavy}; color: #0b4ea2;
}}
"""
