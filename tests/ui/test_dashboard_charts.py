"""The dashboard's charts hold the core's numbers (read back from the plot items), and
pyqtgraph loads only when a dashboard is built."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from clerk_app.api import Hall
from clerk_app.demo.hall_data import DEMO_PASSWORD
from clerk_app.services.supervision.results import Charts
from tests.support.evaluations import serve
from ui.dashboard.dashboard_screen import DashboardScreen
from ui.main_window import MainWindow

pytestmark = pytest.mark.qt

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def screen(qtbot: QtBot, clerk_qapp: QApplication, hall: Hall) -> Iterator[DashboardScreen]:
    window = MainWindow(hall.login("supervisor", DEMO_PASSWORD), hall.name)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    screen = window.screen_widget
    assert isinstance(screen, DashboardScreen)
    yield screen


def heights(item: object) -> list[float]:
    return [float(v) for v in item.opts["height"]]  # type: ignore[attr-defined]


def xs(item: object) -> list[float]:
    return [float(v) for v in item.opts["x"]]  # type: ignore[attr-defined]


def test_the_charts_draw_the_cores_numbers(
    qtbot: QtBot, screen: DashboardScreen, hall: Hall
) -> None:
    first = serve(hall, 3)
    hall.evaluator(3).evaluations.rate(first.id, 2)  # 满意: 8 of 10
    serve(hall, 3)
    hall.kiosk().queue.take_ticket("A")  # waiting: an arrival, no wait yet

    screen.charts_poller.poll_now()
    charts: Charts = hall.login("supervisor", DEMO_PASSWORD).supervision.charts()
    panel = screen.view.charts

    assert panel.charts is not None and replace(panel.charts, at=charts.at) == charts
    assert {screen.view.charts.hours_plot, panel.waits_plot, panel.satisfaction_plot} <= set(
        screen.findChildren(type(panel.hours_plot))
    )
    shown = [round(x + 0.19) for x in xs(panel.arrivals_bars)]
    hours = {h.hour: h for h in charts.hours}
    assert heights(panel.arrivals_bars) == [hours[h].arrivals for h in shown]
    assert heights(panel.services_bars) == [hours[h].services for h in shown]
    assert sum(heights(panel.arrivals_bars)) == 3 and sum(heights(panel.services_bars)) == 2
    assert heights(panel.waits_bars) == [b.tickets for b in charts.waits]
    assert sum(heights(panel.waits_bars)) == 2  # the two called tickets
    numbers = [c.counter_no for c in charts.satisfaction]
    assert xs(panel.satisfaction_bars) == list(range(len(numbers)))
    drawn = dict(zip(numbers, heights(panel.satisfaction_bars), strict=True))
    assert drawn[3] == pytest.approx(80.0)
    assert all(v == 0 for n, v in drawn.items() if n != 3)  # no rating: no bar


def test_pyqtgraph_loads_with_a_dashboard_only() -> None:
    probe = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "import ui.main_window, ui.dashboard.dashboard_screen, ui.dashboard.dashboard_view\n"
        "print('pyqtgraph' in sys.modules)\n"
        "from ui.dashboard.dashboard_view import DashboardView\n"
        "DashboardView('hall')\n"
        "print('pyqtgraph' in sys.modules)\n"
    )
    env = {"QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=os.environ | env,
    )
    assert out.stdout.split() == ["False", "True"], out.stderr
