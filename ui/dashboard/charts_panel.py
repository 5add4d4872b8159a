"""The dashboard's charts (issue 15): arrivals and services per hour today, the wait
distribution of today's called tickets, satisfaction by counter — from
``supervision.charts()``.

Drawn with pyqtgraph, not Qt Charts: the Qt Charts module is deprecated since Qt 6.10 (Qt
Graphs replaces it, and its 2D API is still young in the 6.8–6.11 range the desk supports),
whereas pyqtgraph is a small pure-Python package over QtWidgets that runs on every PySide6 of
that range. This module imports pyqtgraph (and numpy) at its top; ``DashboardView`` imports it
only when a supervisor's dashboard is built, so a counter PC's start never loads either
(tests/test_start_imports.py).
"""

from __future__ import annotations

from collections.abc import Sequence

import pyqtgraph as pg
from PySide6.QtWidgets import QHBoxLayout, QWidget

from clerk_app.services.supervision.results import Charts

ARRIVALS_BRUSH = "#3b7dd8"
SERVICES_BRUSH = "#43a047"
WAITS_BRUSH = "#f0a30a"
SATISFACTION_BRUSH = "#7e57c2"
BAR = 0.38  # width of a bar of a pair (arrivals, services) in an hour


def _plot(title: str, left: str, bottom: str) -> pg.PlotWidget:
    plot = pg.PlotWidget(background="w")
    plot.setTitle(title, color="#333333")
    plot.setLabel("left", left)
    plot.setLabel("bottom", bottom)
    plot.setMouseEnabled(x=False, y=False)
    plot.hideButtons()
    plot.setMenuEnabled(False)
    plot.showGrid(y=True, alpha=0.25)
    plot.setMinimumHeight(160)
    return plot


def _bars(plot: pg.PlotWidget, brush: str, name: str | None = None) -> pg.BarGraphItem:
    item = pg.BarGraphItem(x=[], height=[], width=BAR, brush=brush, pen=None, name=name)
    plot.addItem(item)
    return item


def _ticks(plot: pg.PlotWidget, labels: Sequence[str]) -> None:
    plot.getAxis("bottom").setTicks([list(enumerate(labels))])


class ChartsPanel(QWidget):
    """Three plots side by side; ``show_charts`` redraws them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hours_plot = _plot(self.tr("Today by hour"), self.tr("tickets"), self.tr("hour"))
        self.hours_plot.addLegend(offset=(-8, 8))  # top right: the morning is left
        self.arrivals_bars = _bars(self.hours_plot, ARRIVALS_BRUSH, self.tr("arrivals"))
        self.services_bars = _bars(self.hours_plot, SERVICES_BRUSH, self.tr("services"))
        self.waits_plot = _plot(self.tr("Waits today"), self.tr("tickets"), self.tr("minutes"))
        self.waits_bars = _bars(self.waits_plot, WAITS_BRUSH)
        self.satisfaction_plot = _plot(
            self.tr("Satisfaction, last 30 days"), "%", self.tr("window")
        )
        self.satisfaction_plot.setYRange(0, 100)
        self.satisfaction_bars = _bars(self.satisfaction_plot, SATISFACTION_BRUSH)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        for plot in (self.hours_plot, self.waits_plot, self.satisfaction_plot):
            layout.addWidget(plot, 1)
        self.charts: Charts | None = None

    def show_charts(self, charts: Charts) -> None:
        self.charts = charts
        # The hall's day: 8 to 18 at least, wider when tickets came earlier or later.
        busy = [h.hour for h in charts.hours if h.arrivals or h.services]
        first, last = min([8, *busy]), max([18, *busy])
        hours = [h for h in charts.hours if first <= h.hour <= last]
        x = [float(h.hour) for h in hours]
        self.arrivals_bars.setOpts(
            x=[v - BAR / 2 for v in x], height=[h.arrivals for h in hours], width=BAR
        )
        self.services_bars.setOpts(
            x=[v + BAR / 2 for v in x], height=[h.services for h in hours], width=BAR
        )
        self.hours_plot.setXRange(first - 0.6, last + 0.6, padding=0)
        self.hours_plot.getAxis("bottom").setTicks([[(h.hour, str(h.hour)) for h in hours]])

        labels = [f"{b.low}–{b.high}" if b.high is not None else f"{b.low}+" for b in charts.waits]
        self.waits_bars.setOpts(
            x=list(range(len(charts.waits))), height=[b.tickets for b in charts.waits], width=0.7
        )
        _ticks(self.waits_plot, labels)

        rows = charts.satisfaction
        self.satisfaction_bars.setOpts(
            x=list(range(len(rows))),
            height=[0.0 if c.satisfaction is None else c.satisfaction * 100 for c in rows],
            width=0.7,
        )
        _ticks(self.satisfaction_plot, [str(c.counter_no) for c in rows])
        tip = "\n".join(
            f"{c.counter_no}: "
            + ("—" if c.satisfaction is None else f"{c.satisfaction:.0%} ({c.ratings})")
            for c in rows
        )
        self.satisfaction_plot.setToolTip(tip)
