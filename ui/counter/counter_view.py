"""Layout of the counter workstation; ``CounterScreen`` fills it and reacts to it.

Left column: the ticket being served with the queue buttons, then the queues this counter
serves. Right: acceptance (受理), with the item search on top and applicant and materials below.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui.common.catalog_models import CategoryLoadModel, ItemTableModel
from ui.common.search import SearchBox
from ui.common.widgets import Panel, ScreenHeader, placeholder, read_only_table
from ui.counter.material_model import MaterialTableModel

LEFT_COLUMN_WIDTH = 380


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

    def _build_ticket_panel(self) -> Panel:
        panel = Panel(self.tr("Current ticket"))
        self.ticket_label = QLabel("—")
        self.ticket_label.setObjectName("BigNumber")
        self.ticket_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.ticket_status = placeholder(self.tr("No ticket called yet"))
        self.call_next_button = QPushButton(self.tr("Call next"))
        self.call_next_button.setObjectName("PrimaryButton")
        self.recall_button = QPushButton(self.tr("Recall"))
        self.no_show_button = QPushButton(self.tr("No-show"))
        self.transfer_button = QPushButton(self.tr("Transfer"))
        self.pause_button = QPushButton(self.tr("Pause service"))
        grid = QGridLayout()
        grid.setSpacing(8)
        grid.addWidget(self.call_next_button, 0, 0, 1, 2)
        grid.addWidget(self.recall_button, 1, 0)
        grid.addWidget(self.no_show_button, 1, 1)
        grid.addWidget(self.transfer_button, 2, 0)
        grid.addWidget(self.pause_button, 2, 1)
        panel.body.addWidget(self.ticket_label)
        panel.body.addWidget(self.ticket_status)
        panel.body.addLayout(grid)
        return panel

    def queue_buttons(self) -> list[QPushButton]:
        return [
            self.call_next_button,
            self.recall_button,
            self.no_show_button,
            self.transfer_button,
            self.pause_button,
        ]

    def _build_queue_panel(self) -> Panel:
        panel = Panel(self.tr("Queue"))
        self.queue_model = CategoryLoadModel(self)
        self.queue_view = read_only_table()
        self.queue_view.setModel(self.queue_model)
        self.queue_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.queue_view.horizontalHeader().setSectionResizeMode(
            CategoryLoadModel.NAME, QHeaderView.ResizeMode.Stretch
        )
        self.queue_view.horizontalHeader().setStretchLastSection(False)
        panel.body.addWidget(self.queue_view)
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
