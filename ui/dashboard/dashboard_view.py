"""Layout of the supervisor's dashboard: a tile per queue, the counters, the queue actions,
the alerts (红黄牌预警与差评整改).

Widgets only; ``DashboardScreen`` fills them and reacts to them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.common.sorted_table import attach_sorted
from ui.common.widgets import Panel, ScreenHeader, read_only_table, show_message
from ui.dashboard.alert_model import AlertModel
from ui.dashboard.category_tile import CategoryTile
from ui.dashboard.counter_state_model import CounterStateModel

if TYPE_CHECKING:
    from ui.dashboard.charts_panel import ChartsPanel

TILE_COLUMNS = 5  # a hall rarely has more than five queues; more wrap


class DashboardView(QWidget):
    def __init__(self, hall_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.header = ScreenHeader(self.tr("Queue dashboard"), hall_name)
        self.total_badge = self.header.add_badge("")
        self.user_badge = self.header.add_badge("")
        self.tiles: list[CategoryTile] = []
        self._tile_grid = QGridLayout()
        self._tile_grid.setSpacing(12)

        lower = QHBoxLayout()
        lower.setSpacing(14)
        lower.addWidget(self._build_counters_panel(), 3)
        lower.addWidget(self._build_warnings_panel(), 2)
        body = QVBoxLayout()
        body.setContentsMargins(16, 14, 16, 16)
        body.setSpacing(14)
        body.addLayout(self._tile_grid)
        body.addLayout(lower, 3)
        body.addWidget(self._build_charts_panel(), 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addLayout(body, 1)

    def _build_counters_panel(self) -> Panel:
        self.counter_model = CounterStateModel(self)
        self.counters_view = read_only_table()
        self.counters_view.setModel(self.counter_model)
        header = self.counters_view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(CounterStateModel.CATEGORIES, QHeaderView.ResizeMode.Stretch)
        self.release_button = QPushButton(self.tr("Put its ticket back in the queue"))
        self.finish_button = QPushButton(self.tr("Finish its ticket"))
        self.close_day_button = QPushButton(self.tr("Close today's queue…"))
        self.report_button = QPushButton(self.tr("Report…"))
        self.report_button.setToolTip(self.tr("A report of a date range as .xlsx or .pdf (Ctrl+E)"))
        self.audit_button = QPushButton(self.tr("Audit log…"))
        self.audit_button.setToolTip(self.tr("Who did what, and the chain's check (Ctrl+Shift+L)"))
        hint = self.tr("For an offline window that still holds a ticket (shown in red).")
        for button in (self.release_button, self.finish_button):
            button.setToolTip(hint)
        actions = QHBoxLayout()
        actions.addWidget(self.release_button)
        actions.addWidget(self.finish_button)
        actions.addStretch(1)
        actions.addWidget(self.report_button)
        actions.addWidget(self.audit_button)
        actions.addWidget(self.close_day_button)
        self.message_label = QLabel()
        self.message_label.setObjectName("InfoText")
        self.message_label.setWordWrap(True)
        panel = Panel(self.tr("Counters"))
        panel.body.addWidget(self.counters_view, 1)
        panel.body.addWidget(self.message_label)
        panel.body.addLayout(actions)
        return panel

    def _build_charts_panel(self) -> Panel:
        # Here, not at the top: pyqtgraph loads when a dashboard is built, never at a counter.
        from ui.dashboard.charts_panel import ChartsPanel

        self.charts: ChartsPanel = ChartsPanel()
        panel = Panel(self.tr("Charts"))
        panel.body.addWidget(self.charts, 1)
        return panel

    def _build_warnings_panel(self) -> Panel:
        self.alert_model = AlertModel(self)
        self.alerts_view = read_only_table()
        self.alerts_proxy = attach_sorted(self.alerts_view, self.alert_model)
        self.alerts_view.setObjectName("AlertsTable")
        header = self.alerts_view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(AlertModel.SUBJECT, QHeaderView.ResizeMode.Stretch)
        self.alerts_hint = QLabel(self.tr("Enter on an alert takes its action."))
        self.alerts_hint.setObjectName("InfoText")
        panel = Panel(self.tr("Deadline warnings and bad reviews"))
        panel.body.addWidget(self.alerts_view, 1)
        panel.body.addWidget(self.alerts_hint)
        return panel

    def show_more_alerts(self, count: int) -> None:
        """Cases yellow or red beyond the most urgent listed (the core lists 200)."""
        hint = self.tr("Enter on an alert takes its action.")
        if count:
            more = self.tr("%1 more case(s) near or past their deadline are not listed.")
            hint = f"{hint} {more.replace('%1', str(count))}"
        self.alerts_hint.setText(hint)

    def set_tiles(self, categories: Sequence[Any]) -> None:
        """One tile per ``CategoryInfo``, in rows of ``TILE_COLUMNS``."""
        for tile in self.tiles:
            self._tile_grid.removeWidget(tile)
            tile.deleteLater()
        self.tiles = [CategoryTile(c.prefix, c.name) for c in categories]
        for i, tile in enumerate(self.tiles):
            self._tile_grid.addWidget(tile, i // TILE_COLUMNS, i % TILE_COLUMNS)

    def show_message(self, text: str, *, error: bool = False) -> None:
        show_message(self.message_label, text, error=error)

    def select_counter(self, row: int | None) -> None:
        if row is None:
            self.counters_view.clearSelection()
        else:
            self.counters_view.selectRow(row)
