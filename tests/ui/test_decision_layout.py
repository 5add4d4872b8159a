"""The decision step at a counter's 1366×768 screen (issue 12, defect 8).

Only the fields that apply are shown: for an instant road permit the permit's fields, all of
them on screen without scrolling; 容缺 and the rejection's fields stay hidden; why 容缺 is not
offered is one short line; a disabled primary button looks like any disabled button.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from counter_window import show_counter
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from test_acceptance_panel import ALT, choose_item, enter_person, key, mark, to_decision

from clerk_app.api import Hall
from clerk_app.demo.credit_cases import PERSONS
from ui.counter.counter_screen import CounterScreen

pytestmark = pytest.mark.qt


@pytest.fixture
def counter(qtbot: QtBot, clerk_qapp: QApplication, hall: Hall) -> Iterator[CounterScreen]:
    """Counter 1 at 1366×768, serving the ticket it has just called with F1."""
    hall.kiosk().queue.take_ticket("A")
    _window, screen = show_counter(qtbot, hall, 1)
    qtbot.keyClick(screen, Qt.Key.Key_F1)
    yield screen
    screen.shutdown()


def on_screen(widget: QWidget, viewport: QWidget) -> bool:
    """``widget`` lies wholly inside the scroll area's ``viewport`` and the window."""
    top_left = widget.mapTo(viewport, widget.rect().topLeft())
    inside_viewport = viewport.rect().contains(QRect(top_left, widget.size()))
    window = widget.window()
    in_window = QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())
    return inside_viewport and window.rect().contains(in_window)


def test_an_instant_permit_fits_the_screen_with_only_its_fields(
    qtbot: QtBot, counter: CounterScreen
) -> None:
    panel = counter.acceptance
    enter_person(qtbot, panel, "蔡泽楷", PERSONS[2].resident_id)
    choose_item(qtbot, panel, "lszy", "临时占用城市道路许可")
    to_decision(qtbot, panel)
    page = panel.decision_page
    assert page.window().size().width() == 1366 and page.window().size().height() == 768
    form = page.permit_form
    viewport = page.scroll_area.viewport()
    for field in (form.location_edit, form.from_edit, form.to_edit, form.conditions_edit):
        assert field.isVisible() and on_screen(field, viewport), field
    assert on_screen(form.period_label, viewport)
    assert page.scroll_area.verticalScrollBar().maximum() == 0  # nothing below to scroll to
    # What does not apply to an instant item is not there.
    assert not page.tolerant_box.isVisible() and not page.reject_box.isVisible()
    assert not page.gate_label.isVisible()  # nothing is missing: 容缺 is beside the point
    primary = [b for b in page.buttons() if b.objectName() == "PrimaryButton"]
    assert primary == [page.instant_button] and page.instant_button.isEnabled()


def test_a_lacking_instant_item_says_one_short_reason(qtbot: QtBot, counter: CounterScreen) -> None:
    panel = counter.acceptance
    enter_person(qtbot, panel, "蔡泽楷", PERSONS[2].resident_id)
    choose_item(qtbot, panel, "lszy", "临时占用城市道路许可")
    names = [r.name for r in panel.materials_page.model.rows()]
    mark(qtbot, panel, names[-1], Qt.Key.Key_M)
    to_decision(qtbot, panel)
    page = panel.decision_page
    text = page.gate_label.text()
    assert page.gate_label.isVisible() and text.startswith("No tolerant acceptance: ")
    assert "\n" not in text and text.count(".") == 1  # one sentence, not four
    assert len(page.gate_label.toolTip().split(" ")) > len(text.split(" "))  # all in the tip
    assert not page.tolerant_box.isVisible()
    primary = [b for b in page.buttons() if b.objectName() == "PrimaryButton"]
    assert primary == [page.notice_button]
    key(qtbot, panel, Qt.Key.Key_R, ALT)
    assert page.reject_box.isVisible() and page.reason_edit.hasFocus()
    assert on_screen(page.body_edit, page.scroll_area.viewport())


def test_the_supplement_days_are_a_choice_of_the_days_allowed(clerk_qapp: QApplication) -> None:
    from ui.acceptance.decision_page import DecisionPage

    assert isinstance(DecisionPage().supplement_days, QComboBox)  # no spin box arrows to break


def _background(button: QPushButton) -> tuple[int, int, int]:
    image = button.grab().toImage()
    color = image.pixelColor(image.width() // 2, 4)
    return color.red(), color.green(), color.blue()


def test_a_disabled_primary_button_looks_disabled(qtbot: QtBot, clerk_qapp: QApplication) -> None:
    primary, plain = QPushButton("受理"), QPushButton("受理")
    primary.setObjectName("PrimaryButton")
    for button in (primary, plain):
        qtbot.addWidget(button)
        button.resize(160, 34)
        button.show()
    enabled_primary = _background(primary)
    for button in (primary, plain):
        button.setEnabled(False)
    assert _background(primary) == _background(plain) != enabled_primary
