"""Colours and the style sheet of the staff screens (counter, dashboard, admin, login).

The kiosk and the hall display are public screens with their own, larger styles next to them.
Sizes are in pixels so the layout stays the same on the 1366×768 monitors at the counters.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

PRIMARY = "#0b4ea2"  # 政务蓝, the service hall's signage colour
PRIMARY_DARK = "#083a79"
ACCENT = "#c8161d"  # red: errors, overdue, warnings the clerk must not miss
GENUINE = "#1e7b34"  # green: a document verified as this hall's
SURFACE = "#f3f5f9"
PANEL = "#ffffff"
BORDER = "#d5dbe5"
TEXT = "#1f2933"
MUTED = "#6b7785"

STAFF_STYLE = f"""
QMainWindow, QDialog {{ background: {SURFACE}; }}
QWidget {{ color: {TEXT}; }}
QFrame#ScreenHeader {{ background: {PRIMARY}; border: none; }}
QFrame#ScreenHeader QLabel {{ color: white; }}
QLabel#ScreenTitle {{ font-size: 20px; font-weight: bold; }}
QLabel#ScreenSubtitle {{ font-size: 14px; color: #dce6f5; }}
QFrame#ScreenHeader QLabel#HeaderBadge {{
    background: white; color: {PRIMARY}; border-radius: 6px;
    padding: 4px 14px; font-size: 18px; font-weight: bold;
}}
QFrame#Panel {{ background: {PANEL}; border: 1px solid {BORDER}; border-radius: 6px; }}
QLabel#PanelTitle {{
    font-size: 15px; font-weight: bold; color: {PRIMARY_DARK};
    border-bottom: 2px solid {PRIMARY}; padding-bottom: 4px;
}}
QLabel#Placeholder {{ color: {MUTED}; font-size: 13px; }}
QLabel#BigNumber {{ font-size: 64px; font-weight: bold; color: {PRIMARY}; }}
QLabel#ErrorText {{ color: {ACCENT}; font-size: 13px; }}
QLabel#InfoText {{ color: {PRIMARY_DARK}; font-size: 13px; }}
QLabel#TicketFacts {{ font-size: 13px; }}
QFrame#Tile {{ background: {PANEL}; border: 1px solid {BORDER}; border-radius: 8px; }}
QLabel#TilePrefix {{
    background: {PRIMARY}; color: white; border-radius: 6px;
    font-size: 22px; font-weight: bold; min-width: 44px; max-width: 44px;
    min-height: 44px; max-height: 44px;
}}
QLabel#TileName {{ font-size: 14px; font-weight: bold; }}
QLabel#TileValue {{ font-size: 30px; font-weight: bold; color: {PRIMARY_DARK}; }}
QLabel#TileCaption {{ font-size: 12px; color: {MUTED}; }}
QPushButton {{
    background: white; border: 1px solid {BORDER}; border-radius: 4px;
    padding: 6px 14px; font-size: 14px;
}}
QPushButton:hover {{ border-color: {PRIMARY}; }}
QPushButton:disabled {{ color: #a0a8b3; background: #eef1f5; }}
QPushButton#QueueKey {{ padding: 6px 6px; }}
QPushButton#PrimaryButton {{
    background: {PRIMARY}; color: white; border: none; font-weight: bold;
}}
QPushButton#PrimaryButton:disabled {{
    color: #a0a8b3; background: #eef1f5; border: 1px solid {BORDER}; font-weight: normal;
}}
QTableView {{
    background: white; border: 1px solid {BORDER}; gridline-color: #e6eaf0;
    selection-background-color: #d7e4f7; selection-color: {TEXT};
    alternate-background-color: #f7f9fc;
}}
QHeaderView::section {{
    background: #e9eef6; border: none; border-right: 1px solid {BORDER};
    border-bottom: 1px solid {BORDER}; padding: 4px 6px; font-weight: bold;
}}
QLineEdit, QComboBox, QSpinBox {{
    background: white; border: 1px solid {BORDER}; border-radius: 4px; padding: 4px 6px;
    min-height: 22px;
}}
QLineEdit:focus, QComboBox:focus, QSpinBox:focus {{ border-color: {PRIMARY}; }}
/* A bordered combo box draws its arrow from these rules (Fusion's own drop-down
   draws a sunken frame under a style sheet); the arrow is Qt's own image. */
QComboBox::drop-down {{ border: none; width: 20px; }}
QComboBox::down-arrow {{ image: url(:/qt-project.org/styles/commonstyle/images/arrow-down-16.png);
    width: 10px; height: 10px; }}
QTabWidget::pane {{ border: 1px solid {BORDER}; background: white; top: -1px; }}
QTabBar::tab {{
    background: #e9eef6; border: 1px solid {BORDER}; padding: 6px 18px; margin-right: 2px;
}}
QTabBar::tab:selected {{ background: white; border-bottom-color: white; font-weight: bold; }}
QStatusBar {{ background: #e9eef6; color: {MUTED}; }}
"""


#: The widget style under the style sheet, the same on every PC.
STYLE_NAME = "Fusion"


def apply_staff_style(app: QApplication, *, style_set: bool = False) -> None:
    """The style sheet over Fusion; ``style_set``: the application was made with
    ``-style Fusion`` (``ui.app.create_application``), so ``setStyle`` is not needed: it
    hands back the style object, for which PySide builds the ``QStyle`` type and its
    enums, a few ms of every start (issue 11)."""
    if not style_set:
        app.setStyle(STYLE_NAME)
    if app.styleSheet() != STAFF_STYLE:
        # Setting a sheet re-polishes every widget; the same sheet again would only do that
        # (an application made again in one process: the tests, which once crashed when the
        # garbage collector deleted an old window in the middle of it).
        app.setStyleSheet(STAFF_STYLE)
