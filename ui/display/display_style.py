"""Look of the hall display: dark background, very large light text, read from across the hall."""

from __future__ import annotations

DISPLAY_STYLE = """
QWidget#HallDisplayWindow { background: #0a1220; }
QLabel { color: #f2f5fa; background: transparent; }
QLabel#DisplayHallName { font-size: 56px; font-weight: bold; color: #ffd34d; }
QLabel#DisplayClock { font-size: 44px; font-weight: bold; }
QLabel#DisplayDate { font-size: 26px; color: #9fb0c8; }
QLabel#DisplayEmpty { font-size: 34px; color: #6f819b; }
QLabel#DisplayFooter { font-size: 26px; color: #9fb0c8; }
QLabel#DisplaySection { font-size: 30px; font-weight: bold; color: #ffd34d; }
QWidget#CallBanner { font-size: 64px; font-weight: bold; }
QFrame#DisplayRule { background: #ffd34d; max-height: 4px; min-height: 4px; border: none; }
QTableView {
    background: #0a1220; color: #f2f5fa; border: none; gridline-color: #1f2c42;
    font-size: 60px; font-weight: bold;
    selection-background-color: #0a1220; selection-color: #f2f5fa;
}
QTableView#SmallTable { font-size: 32px; font-weight: normal; }
QHeaderView::section {
    background: #13213a; color: #ffd34d; border: none; border-bottom: 3px solid #ffd34d;
    font-size: 40px; font-weight: bold; padding: 12px;
}
QTableView#SmallTable QHeaderView::section { font-size: 26px; padding: 6px; }
"""
