"""Layout of the counter workstation; ``CounterScreen`` fills it and reacts to it.

Left column: the ticket being served with the queue buttons (``TicketPanel``), then the
waiting tickets this counter may call, in the order it will call them. Right: acceptance (受理),
with the item search on top and applicant and materials below.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui.common.catalog_models import ItemTableModel
from ui.common.search import SearchBox
from ui.common.widgets import Panel, ScreenHeader, placeholder, read_only_table
from ui.counter.material_model import MaterialTableModel
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
        panel = Panel(self.tr("Acceptance"))
        self.item_search = SearchBox(self.tr("Find the service item: name, code or department"))
        self.item_model = ItemTableModel(self)
        self.item_view = read_only_table()
        self.item_view.setModel(self.item_model)
        header = self.item_view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(ItemTableModel.NAME, QHeaderView.ResizeMode.Stretch)
        for column in (ItemTableModel.STATUTORY_DAYS, ItemTableModel.FEE):
            self.item_view.hideColumn(column)

        lower = QHBoxLayout()
        lower.setSpacing(12)
        lower.addWidget(self._build_applicant_box(), 1)
        lower.addWidget(self._build_materials_box(), 1)

        self.accept_button = QPushButton(self.tr("Accept"))
        self.accept_button.setObjectName("PrimaryButton")
        self.tolerant_accept_button = QPushButton(self.tr("Tolerant acceptance"))
        self.notice_button = QPushButton(self.tr("One-time notice"))
        self.reject_button = QPushButton(self.tr("Reject"))
        actions = QHBoxLayout()
        actions.addStretch(1)
        for button in self.acceptance_buttons():
            actions.addWidget(button)

        panel.body.addWidget(self.item_search)
        panel.body.addWidget(self.item_view, 3)
        panel.body.addLayout(lower, 2)
        panel.body.addLayout(actions)
        return panel

    def acceptance_buttons(self) -> list[QPushButton]:
        return [
            self.accept_button,
            self.tolerant_accept_button,
            self.notice_button,
            self.reject_button,
        ]

    def _build_applicant_box(self) -> Panel:
        box = Panel(self.tr("Applicant"))
        self.applicant_name_edit = QLineEdit()
        self.applicant_id_edit = QLineEdit()
        self.applicant_id_edit.setPlaceholderText(
            self.tr("Resident ID or unified social credit code")
        )
        self.applicant_phone_edit = QLineEdit()
        form = QFormLayout()
        form.addRow(self.tr("Name:"), self.applicant_name_edit)
        form.addRow(self.tr("ID number:"), self.applicant_id_edit)
        form.addRow(self.tr("Phone:"), self.applicant_phone_edit)
        box.body.addLayout(form)
        box.body.addStretch(1)
        return box

    def _build_materials_box(self) -> Panel:
        box = Panel(self.tr("Materials"))
        self.materials_hint = placeholder(
            self.tr("Choose a service item to see the materials it requires.")
        )
        self.material_model = MaterialTableModel(self)
        self.material_view = read_only_table()
        self.material_view.setModel(self.material_model)
        header = self.material_view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(MaterialTableModel.NAME, QHeaderView.ResizeMode.Stretch)
        self.materials_stack = QStackedWidget()
        self.materials_stack.addWidget(self.materials_hint)
        self.materials_stack.addWidget(self.material_view)
        box.body.addWidget(self.materials_stack, 1)
        return box

    def show_materials(self, materials: Sequence[Any]) -> None:
        """The selected item's materials, or the hint when no item is chosen."""
        self.material_model.set_rows(materials)
        shown = self.material_view if materials else self.materials_hint
        self.materials_stack.setCurrentWidget(shown)
