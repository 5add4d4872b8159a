"""Look of the hall display: dark background, very large light text, read from across the hall.

Sizes are those of the 1920×1080 design, scaled to the monitor (``ui.common.public_screen``);
"heavy" text uses the heaviest weight the font really has (no synthetic bold: see
``heavy_weight``). The table headers' font is set on ``QHeaderView`` (so its ``fontMetrics()``
measures the titles) and again on its sections, or the staff theme's bold sections would win.
"""

from __future__ import annotations

from ui.common.public_screen import ScreenFit


def display_style(fit: ScreenFit, heavy: int) -> str:
    px = fit.px
    return f"""
QWidget#HallDisplayWindow {{ background: #0a1220; }}
QLabel {{ color: #f2f5fa; background: transparent; }}
QLabel#DisplayHallName {{ font-size: {px(56)}px; font-weight: {heavy}; color: #ffd34d; }}
QLabel#DisplayClock {{ font-size: {px(44)}px; font-weight: {heavy}; }}
QLabel#DisplayDate {{ font-size: {px(26)}px; color: #9fb0c8; }}
QLabel#DisplayEmpty {{ font-size: {px(34)}px; color: #6f819b; }}
QLabel#DisplayFooter {{ font-size: {px(26)}px; color: #9fb0c8; }}
QLabel#DisplaySection {{ font-size: {px(30)}px; font-weight: {heavy}; color: #ffd34d; }}
QWidget#CallBanner {{ font-size: {px(64)}px; font-weight: {heavy}; }}
QFrame#DisplayRule {{
    background: #ffd34d; max-height: {px(4)}px; min-height: {px(4)}px; border: none;
}}
QTableView {{
    background: #0a1220; color: #f2f5fa; border: none; gridline-color: #1f2c42;
    font-size: {px(60)}px; font-weight: {heavy};
    selection-background-color: #0a1220; selection-color: #f2f5fa;
}}
QTableView#SmallTable {{ font-size: {px(32)}px; font-weight: normal; }}
QHeaderView {{ font-size: {px(40)}px; font-weight: {heavy}; background: #13213a; }}
QHeaderView::section {{
    background: #13213a; color: #ffd34d; border: none;
    border-bottom: {px(3)}px solid #ffd34d; padding: {px(12)}px;
    font-size: {px(40)}px; font-weight: {heavy};
}}
QTableView#SmallTable QHeaderView {{ font-size: {px(26)}px; }}
QTableView#SmallTable QHeaderView::section {{ padding: {px(6)}px; font-size: {px(26)}px; }}
"""
