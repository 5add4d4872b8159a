"""One tile of the dashboard: a queue category with its waiting count and longest wait."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QWidget

from ui.common.catalog_models import CategoryLoad


class CategoryTile(QFrame):
    def __init__(self, load: CategoryLoad, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Tile")
        self.prefix = load.prefix
        prefix_label = QLabel(load.prefix)
        prefix_label.setObjectName("TilePrefix")
        prefix_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        name_label = QLabel(load.name)
        name_label.setObjectName("TileName")
        name_label.setWordWrap(True)
        self.waiting_label = QLabel()
        self.waiting_label.setObjectName("TileValue")
        self.caption_label = QLabel()
        self.caption_label.setObjectName("TileCaption")

        grid = QGridLayout(self)
        grid.setContentsMargins(12, 10, 12, 10)
        grid.setHorizontalSpacing(10)
        grid.addWidget(prefix_label, 0, 0, 2, 1, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(name_label, 0, 1)
        grid.addWidget(self.waiting_label, 1, 1)
        grid.addWidget(self.caption_label, 2, 1)
        grid.setColumnStretch(1, 1)
        self.show_load(load)

    def show_load(self, load: CategoryLoad) -> None:
        """Show new numbers; ``None`` (no queue data yet) shows as a dash."""
        waiting = "—" if load.waiting is None else str(load.waiting)
        longest = "—" if load.longest_wait_minutes is None else str(load.longest_wait_minutes)
        self.waiting_label.setText(waiting)
        self.caption_label.setText(self.tr("waiting · longest wait %1 min").replace("%1", longest))
