"""Layout of the counter workstation; ``CounterScreen`` fills it and reacts to it.

Left column: the ticket being served with the queue buttons (``TicketPanel``), then the
waiting tickets this counter may call, in the order it will call them. Right: acceptance (受理),
the keyboard-first flow of ``ui.acceptance`` for the ticket being served.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.common.widgets import Panel, ScreenHeader, read_only_table
from ui.counter.ticket_panel import TicketPanel
from ui.counter.waiting_model import WaitingTicketModel

LEFT_COLUMN_WIDTH = 420


class CounterView(QWidget):
    """Widgets only: no session, no core calls."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.header = ScreenHeader("", "")
        self.counter_badge = self.header.add_badge("")
        self.clerk_badge = self.header.add_badge("")

        left = QVBoxLayout()
        left.setSpacing(12)
        left.addWidget(self._build_ticket_panel())
        left.addWidget(self._build_queue_panel(), 1)
        left_widget = QWidget()
        left_widget.setFixedWidth(LEFT_COLUMN_WIDTH)
        left_widget.setLayout(left)
        left.setContentsMargins(0, 0, 0, 0)

        body = QHBoxLayout()
        body.setContentsMargins(16, 14, 16, 16)
        body.setSpacing(14)
        body.addWidget(left_widget)
        body.addWidget(self._build_acceptance_panel(), 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addLayout(body, 1)

    def _build_ticket_panel(self) -> TicketPanel:
        self.ticket_panel = TicketPanel()
        return self.ticket_panel

    def queue_buttons(self) -> list[QPushButton]:
        return self.ticket_panel.buttons()

    def _build_queue_panel(self) -> Panel:
        panel = Panel(self.tr("Queue"))
        self.queue_panel = panel
        self.queue_summary = QLabel()
        self.queue_summary.setObjectName("TicketFacts")
        self.queue_summary.setWordWrap(True)
        self.waiting_model = WaitingTicketModel(self)
        self.waiting_view = read_only_table()
        self.waiting_view.setModel(self.waiting_model)
        self.waiting_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.waiting_view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(WaitingTicketModel.CATEGORY, QHeaderView.ResizeMode.Stretch)
        panel.body.addWidget(self.queue_summary)
        panel.body.addWidget(self.waiting_view)
        return panel

    def _build_acceptance_panel(self) -> Panel:
        """The slot the screen fills with the acceptance flow (``ui.acceptance``)."""
        self.acceptance_host = Panel(self.tr("Acceptance"))
        return self.acceptance_host

    def set_acceptance(self, widget: QWidget) -> None:
        self.acceptance_host.body.addWidget(widget, 1)
