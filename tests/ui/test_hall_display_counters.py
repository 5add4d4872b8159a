"""The hall display in a busy hall (issue 12, defect 4): every counter serving is shown, a page
at a time when they do not all fit; an offline counter never; the footer counts the counters
open now; and no text is drawn in a weight its font does not have (a synthetic-bold 窗 is a
blob)."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFontDatabase, QImage, QPainter
from PySide6.QtWidgets import QApplication, QHeaderView, QLabel, QTableView, QWidget
from pytestqt.qtbot import QtBot

from clerk_app.api import Hall
from clerk_app.services.queue.results import CallInfo
from tests.support.busy_hall import SERVING, STRANDED, stage_busy_hall
from ui.display.announcer import Announcer
from ui.display.call_banner import CallBanner
from ui.display.hall_display_window import HallDisplayWindow

pytestmark = pytest.mark.qt


def open_display(qtbot: QtBot, hall: Hall, size: tuple[int, int]) -> HallDisplayWindow:
    display = HallDisplayWindow(hall.display(), hall.name, announcer=Announcer("none"))
    qtbot.addWidget(display)
    display.resize(*size)
    display.show()
    QApplication.processEvents()
    return display


def every_page(display: HallDisplayWindow) -> list[list[tuple[str, int]]]:
    """The rows of each page in turn, each checked to be shown whole in the table."""
    view = display.view.call_view
    pages = []
    for _ in range(display.page_count()):
        rows = display.call_model.rows()
        for row in range(len(rows)):
            rect = view.visualRect(display.call_model.index(row, 0))
            assert rect.top() >= 0 and rect.bottom() < view.viewport().height(), (row, rect)
        pages.append([(r.ticket_number, r.counter_number) for r in rows])
        display.next_page()
    return pages


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 720), (1080, 1920)])
def test_every_counter_serving_is_shown_and_no_offline_one(
    qtbot: QtBot, clerk_qapp: QApplication, hall: Hall, size: tuple[int, int]
) -> None:
    stage_busy_hall(hall)

    display = open_display(qtbot, hall, size)

    shown = [pair for page in every_page(display) for pair in page]
    assert sorted(shown) == sorted(SERVING)  # B002 at counter 3 too, each once
    recent = {r.counter_number for r in display.view.recent_model.rows()}
    assert STRANDED not in recent and display.page() == 0
    # 12 counters: 5 offline (4 of them never signed in), 1 paused.
    assert display.view.footer_label.text() == "6 counters serving you now"


def test_many_counters_serving_take_turns_a_page_at_a_time(
    qtbot: QtBot, clerk_qapp: QApplication, hall: Hall
) -> None:
    display = open_display(qtbot, hall, (1920, 1080))
    at = datetime(2026, 3, 2, 9, 0)
    calls = [CallInfo(n, at, f"A{n:03d}", n, "call") for n in range(12, 0, -1)]

    display.show_calls(calls)

    assert display.page_count() > 1
    assert "1/" in display.view.current_title.text()
    pages = every_page(display)
    assert [pair for page in pages for pair in page] == [(f"A{n:03d}", n) for n in range(12, 0, -1)]
    assert display.page() == 0  # around again


def test_with_no_counter_open_the_footer_says_so(
    qtbot: QtBot, clerk_qapp: QApplication, hall: Hall
) -> None:
    display = open_display(qtbot, hall, (1920, 1080))

    assert display.view.footer_label.text() == "No counter is open now"
    assert display.call_model.rowCount() == 0 and display.empty_label.isVisible()


def test_text_is_drawn_only_in_weights_its_font_has(
    qtbot: QtBot, clerk_qapp: QApplication, hall: Hall
) -> None:
    stage_busy_hall(hall)
    display = open_display(qtbot, hall, (1920, 1080))

    texts: list[QWidget] = [
        *display.findChildren(QLabel),
        *display.findChildren(QTableView),
        *display.findChildren(QHeaderView),
        *display.findChildren(CallBanner),
    ]
    assert len(texts) > 10
    for widget in texts:
        widget.ensurePolished()
        font = widget.font()
        family = font.family()
        weights = {QFontDatabase.weight(family, s) for s in QFontDatabase.styles(family)}
        assert font.weight().value in weights, (widget.objectName(), family, weights)


def yellow_ink(image: QImage) -> int:
    """Pixels of the headers' yellow text (#ffd34d), anti-aliased edges included."""
    return sum(
        1
        for x in range(image.width())
        for y in range(image.height())
        if (c := image.pixelColor(x, y)).red() > 160 and c.blue() < 140 and c.green() > 120
    )


def test_column_titles_are_drawn_in_their_fonts_own_weight(
    qtbot: QtBot, clerk_qapp: QApplication, hall: Hall
) -> None:
    """The staff theme draws table headers bold; on the display that was a synthetic-bold blob.
    Each title must carry about the ink of its text drawn plainly in the header's font."""
    display = open_display(qtbot, hall, (1920, 1080))
    for view in (display.view.call_view, display.view.waiting_view):
        header = view.horizontalHeader()
        for section in range(header.count()):
            text = str(view.model().headerData(section, Qt.Orientation.Horizontal))
            left, width = header.sectionViewportPosition(section), header.sectionSize(section)
            # Above the yellow rule under the titles.
            area = QRect(left, 0, width, header.height() - 8)
            drawn = yellow_ink(header.grab(area).toImage())
            plain = QImage(area.size(), QImage.Format.Format_RGB32)
            plain.fill(QColor("#13213a"))
            painter = QPainter(plain)
            painter.setFont(header.font())
            painter.setPen(QColor("#ffd34d"))
            painter.drawText(plain.rect(), Qt.AlignmentFlag.AlignCenter, text)
            painter.end()
            expected = yellow_ink(plain)
            assert expected > 50, text
            assert 0.8 < drawn / expected < 1.2, (text, drawn, expected)
