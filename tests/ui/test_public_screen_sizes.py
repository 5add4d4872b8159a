"""The public screens at the sizes halls use (issue 12, defect 13): an upright 1080×1920 取号机,
1920×1080, 1366×768 and 1280×720 monitors, in Chinese and English.

At each size: the window keeps that size (nothing forces it larger), every visible widget lies
inside it, kiosk tiles have a sane size and shape and show their waiting count, and no column
title or section title of the hall display is cut off.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QLabel, QTableView, QWidget
from pytestqt.qtbot import QtBot

from clerk_app.api import Hall
from clerk_app.demo.hall_data import DEMO_PASSWORD
from clerk_app.services.evaluations.results import ServiceToRate
from tests.support.busy_hall import stage_busy_hall
from ui.common.public_screen import HALL_SIZES, screen_fit
from ui.display.announcer import Announcer
from ui.display.hall_display_window import HallDisplayWindow
from ui.evaluator.evaluator_window import EvaluatorWindow
from ui.kiosk.category_button import BUTTON_MAX_HEIGHT_PORTRAIT, BUTTON_MIN_HEIGHT
from ui.kiosk.kiosk_window import KioskWindow

pytestmark = pytest.mark.qt


class NoPrinter:
    def print_ticket(self, slip: object) -> None:
        pass


SIZES = [pytest.param(size, id=f"{size[0]}x{size[1]}") for size in HALL_SIZES]


@pytest.fixture(params=["zh_CN", "en"])
def lang(request: pytest.FixtureRequest, clerk_qapp: QApplication) -> Iterator[str]:
    from ui.app import create_application

    create_application(lang=request.param)
    yield request.param
    create_application(lang="en")


def show(qtbot: QtBot, window: QWidget, size: tuple[int, int]) -> None:
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    QApplication.processEvents()
    assert (window.width(), window.height()) == size, "the window was forced larger"


def assert_all_inside(window: QWidget) -> None:
    bounds = window.rect()
    for child in window.findChildren(QWidget):
        if not child.isVisibleTo(window) or child.width() == 0:
            continue
        if isinstance(child.parentWidget(), QTableView) or "viewport" in child.objectName():
            continue  # a table's scroll bars and viewport are clipped by the table itself
        rect = QRect(child.mapTo(window, child.rect().topLeft()), child.size())
        assert bounds.contains(rect), (child.metaObject().className(), child.objectName(), rect)


def assert_text_fits(label: QLabel) -> None:
    """The label shows its whole text: one line as wide as the text, or wrapped to fit."""
    text = label.text()
    if label.wordWrap():
        assert label.height() >= label.heightForWidth(label.width()) - 1, (text, label.size())
    else:
        advance = label.fontMetrics().horizontalAdvance(text)
        assert label.contentsRect().width() >= advance, (text, advance, label.width())


@pytest.mark.parametrize("size", SIZES)
def test_the_kiosk_fits_and_its_tiles_show_the_waiting(
    qtbot: QtBot, lang: str, hall: Hall, size: tuple[int, int]
) -> None:
    kiosk_queue = hall.kiosk().queue
    for category in "AAAB":
        kiosk_queue.take_ticket(category)
    kiosk = KioskWindow(hall.kiosk(), hall.name, printer=NoPrinter())
    show(qtbot, kiosk, size)
    kiosk.poller.poll_now()
    QApplication.processEvents()

    fit = screen_fit(*size)
    assert_all_inside(kiosk)
    for button in kiosk.buttons:
        w, h = button.width(), button.height()
        assert fit.px(BUTTON_MIN_HEIGHT) <= h <= fit.px(BUTTON_MAX_HEIGHT_PORTRAIT), (w, h)
        assert 1.2 <= w / h <= 4.5, (button.prefix, w, h)
        for label in (button.name_label, button.load_label):
            assert label.isVisible() and label.text()
            assert button.rect().contains(label.geometry()), (label.text(), label.geometry())
            assert_text_fits(label)
    waiting = {b.prefix: b.load_label.text() for b in kiosk.buttons}
    assert "3" in waiting["A"] and "1" in waiting["B"], waiting
    assert ("等候" in waiting["A"]) if lang == "zh_CN" else ("waiting" in waiting["A"])
    widths = [b.width() for b in kiosk.buttons]
    assert max(widths) - min(widths) <= 2  # one grid, no odd tile

    kiosk.take_ticket("C")  # the ticket page: the card at its own height, all of it inside
    QApplication.processEvents()
    card = kiosk.view.ticket_page.card
    assert card.isVisible() and card.height() <= card.sizeHint().height() + 2
    assert_all_inside(kiosk)
    assert_text_fits(kiosk.view.ticket_page.number_label)


@pytest.mark.parametrize("size", SIZES)
def test_the_kiosk_progress_page_fits_a_whole_package(
    qtbot: QtBot, lang: str, hall: Hall, size: tuple[int, int]
) -> None:
    """市民之窗 (issue 17): the five cases of a 开办企业 package, each with its department and
    state, the due date, what is owed and where to collect, all inside the screen."""
    from tests.test_journey import FIRM

    s = hall.login("clerk01", DEMO_PASSWORD, counter=1)
    done = s.journey.accept_package("KBQY", FIRM)
    payload = s.journey.print_paper("package_receipt", done.bundle_no).document.qr_payload
    kiosk = KioskWindow(hall.kiosk(), hall.name, printer=NoPrinter())
    show(qtbot, kiosk, size)
    kiosk.show_progress(payload)
    QApplication.processEvents()

    page = kiosk.view.progress_page
    assert kiosk.view.stack.currentWidget() is page
    assert page.cases_label.text().count("\n") == 4  # one line per case
    assert_all_inside(kiosk)
    for label in page.findChildren(QLabel):
        if label.isVisible():
            assert_text_fits(label)


@pytest.mark.parametrize("size", SIZES)
def test_the_hall_display_fits_and_cuts_no_title(
    qtbot: QtBot, lang: str, hall: Hall, size: tuple[int, int]
) -> None:
    stage_busy_hall(hall)
    display = HallDisplayWindow(hall.display(), hall.name, announcer=Announcer("none"))
    show(qtbot, display, size)

    assert_all_inside(display)
    fit = screen_fit(*size)
    for view in display.findChildren(QTableView):
        header = view.horizontalHeader()
        padding = fit.px(6 if view.objectName() == "SmallTable" else 12)
        for section in range(header.count()):
            title = str(view.model().headerData(section, Qt.Orientation.Horizontal))
            needed = header.fontMetrics().horizontalAdvance(title) + 2 * padding
            assert header.sectionSize(section) >= needed, (title, header.sectionSize(section))
        assert header.length() <= view.viewport().width() + 1  # no column pushed out of sight
    for label in display.findChildren(QLabel):
        if label.isVisible() and label.text():
            assert_text_fits(label)
    assert display.view.footer_label.text() in (
        "现有 6 个窗口为您服务",
        "6 counters serving you now",
    )


@pytest.mark.parametrize("size", SIZES)
def test_the_evaluator_fits_in_its_fonts_own_weights(
    qtbot: QtBot, lang: str, hall: Hall, size: tuple[int, int]
) -> None:
    hall.login("clerk03", DEMO_PASSWORD, counter=3)
    window = EvaluatorWindow(hall.evaluator(3), hall.name)
    show(qtbot, window, size)
    asked = ServiceToRate(1, "A009", 3, "黄佩珊", datetime(2026, 1, 5, 2), ("临时占用城市道路",))

    for page in ("serving", "levels"):
        if page == "levels":
            window.ask(asked)
            QApplication.processEvents()
        assert_all_inside(window)
        for label in window.findChildren(QLabel):
            if label.isVisible() and label.text():
                assert_text_fits(label)
                family = label.font().family()
                weights = {QFontDatabase.weight(family, s) for s in QFontDatabase.styles(family)}
                assert label.font().weight().value in weights, (label.objectName(), weights)
