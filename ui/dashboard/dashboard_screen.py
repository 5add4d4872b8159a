"""The supervisor's dashboard: a tile per queue category, the counters, and open warnings.

The numbers come with the queue feature; this screen already lays out every category and
counter from the catalog so the supervisor sees the hall's real shape.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QHeaderView, QVBoxLayout, QWidget

from ui.common.catalog_models import CategoryLoad, CounterTableModel
from ui.common.labels import role_label
from ui.common.widgets import Panel, ScreenHeader, placeholder, read_only_table
from ui.dashboard.category_tile import CategoryTile

if TYPE_CHECKING:
    from clerk_app.api import StaffSession

TILE_COLUMNS = 5  # a hall rarely has more than five queues; more wrap


class DashboardScreen(QWidget):
    def __init__(self, session: StaffSession, hall_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        actor = session.actor
        header = ScreenHeader(self.tr("Queue dashboard"), hall_name)
        self.total_badge = header.add_badge("")
        header.add_badge(f"{actor.display_name} · {role_label(actor.role)}")

        self.tiles: list[CategoryTile] = []
        self._tile_grid = QGridLayout()
        self._tile_grid.setSpacing(12)

        self.counter_model = CounterTableModel(self)
        counters_view = read_only_table()
        counters_view.setModel(self.counter_model)
        counters_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        counters_view.horizontalHeader().setSectionResizeMode(
            CounterTableModel.CATEGORIES, QHeaderView.ResizeMode.Stretch
        )
        counters_panel = Panel(self.tr("Counters"))
        counters_panel.body.addWidget(counters_view)

        warnings_panel = Panel(self.tr("Deadline warnings and bad reviews"))
        warnings_panel.body.addWidget(
            placeholder(
                self.tr(
                    "Cases near or past their due date and reviews that need rectification "
                    "will be listed here."
                )
            )
        )
        lower = QHBoxLayout()
        lower.setSpacing(14)
        lower.addWidget(counters_panel, 3)
        lower.addWidget(warnings_panel, 2)

        body = QVBoxLayout()
        body.setContentsMargins(16, 14, 16, 16)
        body.setSpacing(14)
        body.addLayout(self._tile_grid)
        body.addLayout(lower, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(header)
        layout.addLayout(body, 1)
        self.reload()

    def reload(self) -> None:
        catalog = self._session.catalog
        categories = catalog.list_categories()
        self._show_tiles([CategoryLoad(c.prefix, c.name) for c in categories])
        self.counter_model.set_category_names({c.prefix: c.name for c in categories})
        self.counter_model.set_rows(catalog.list_counters())
        self.total_badge.setText(self.tr("Waiting in hall: %1").replace("%1", "—"))

    def _show_tiles(self, loads: list[CategoryLoad]) -> None:
        for tile in self.tiles:
            self._tile_grid.removeWidget(tile)
            tile.deleteLater()
        self.tiles = [CategoryTile(load) for load in loads]
        for i, tile in enumerate(self.tiles):
            self._tile_grid.addWidget(tile, i // TILE_COLUMNS, i % TILE_COLUMNS)
