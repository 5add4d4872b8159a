"""One tile of the dashboard: a queue category with its waiting count and estimated wait."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QWidget

from clerk_app.services.queue.results import CategoryLoad
from clerk_app.services.supervision.results import CategoryFigures


class CategoryTile(QFrame):
    def __init__(self, prefix: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Tile")
        self.prefix = prefix
        prefix_label = QLabel(prefix)
        prefix_label.setObjectName("TilePrefix")
        prefix_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        name_label = QLabel(name)
        name_label.setObjectName("TileName")
        name_label.setWordWrap(True)
        self.waiting_label = QLabel()
        self.waiting_label.setObjectName("TileValue")
        self.caption_label = QLabel()
        self.caption_label.setObjectName("TileCaption")
        self.caption_label.setWordWrap(True)  # five tiles share 1366 pixels
        self.figures_label = QLabel()
        self.figures_label.setObjectName("TileCaption")
        self.figures_label.setWordWrap(True)

        grid = QGridLayout(self)
        grid.setContentsMargins(12, 10, 12, 10)
        grid.setHorizontalSpacing(10)
        grid.addWidget(prefix_label, 0, 0, 2, 1, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(name_label, 0, 1)
        grid.addWidget(self.waiting_label, 1, 1)
        grid.addWidget(self.caption_label, 2, 1)
        grid.addWidget(self.figures_label, 3, 0, 1, 2)
        grid.setColumnStretch(1, 1)
        self.show_load(None)

    def show_load(self, load: CategoryLoad | None) -> None:
        """The numbers of ``queue.status()``; ``None`` (not read yet) shows dashes."""
        if load is None:
            self.waiting_label.setText("—")
            self.caption_label.setText(self.tr("waiting"))
            return
        self.waiting_label.setText(str(load.waiting))
        if load.wait_minutes is None:  # no counter open serves it: no estimate
            caption = self.tr("waiting\nno window open")
        else:
            caption = self.tr("waiting · about %1 min\n%2 window(s) open")
            caption = caption.replace("%1", str(load.wait_minutes))
        self.caption_label.setText(caption.replace("%2", str(load.open_counters)))

    def show_figures(self, figures: CategoryFigures | None) -> None:
        """Today's figures of the queue (``SupervisionService.dashboard``)."""
        if figures is None:
            self.figures_label.setText("")
            return
        text = self.tr("longest %1 · average %2\nserved %3 · no-shows %4")
        for mark, value in (
            ("%1", self._minutes(figures.longest_wait_minutes)),
            ("%2", self._minutes(figures.average_wait_minutes)),
            ("%3", str(figures.served)),
            ("%4", str(figures.no_shows)),
        ):
            text = text.replace(mark, value)
        self.figures_label.setText(text)

    def _minutes(self, value: int | None) -> str:
        return "—" if value is None else self.tr("%1 min").replace("%1", str(value))
