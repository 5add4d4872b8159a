"""The clerk's workstation: fills ``CounterView`` from the session and reacts to the clerk.

The queue side (current ticket, keys F1–F7, the waiting tickets, the heartbeat) is
``QueueDesk``. Acceptance arrives with its own feature; until then its buttons are shown
disabled so the workstation keeps its final layout.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ui.common.labels import counter_label, role_label
from ui.counter.counter_view import CounterView
from ui.counter.queue_desk import QueueDesk

if TYPE_CHECKING:
    from clerk_app.api import StaffSession
    from clerk_app.services.catalog import CounterInfo


class CounterScreen(QWidget):
    def __init__(self, session: StaffSession, hall_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self.view = CounterView()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

        self._hall_name = hall_name
        self._disable_pending_features()
        self.view.item_search.search_requested.connect(self.search_items)
        self.view.item_view.selectionModel().currentRowChanged.connect(self.on_item_selected)
        self.desk = QueueDesk(session, self.view, self)
        self._show_header(hall_name, self._own_counter())
        self.search_items("")
        self.desk.start()

    def reload(self) -> None:
        """Read the counter, its queue and the item list afresh from the core."""
        self._show_header(self._hall_name, self._own_counter())
        self.desk.poller.poll_now()
        self.search_items(self.view.item_search.text().strip())

    def shutdown(self) -> None:
        """The window closes: stop the timers and take the counter offline."""
        self.desk.shutdown()

    # --- filling the view -----------------------------------------------------------------
    def _own_counter(self) -> CounterInfo | None:
        number = self._session.actor.counter_no
        if number is None:
            return None
        return next((c for c in self._session.catalog.list_counters() if c.number == number), None)

    def _show_header(self, hall_name: str, counter: CounterInfo | None) -> None:
        actor = self._session.actor
        number = actor.counter_no
        title = counter_label(number) if number is not None else self.tr("No counter")
        if counter is not None and counter.name:
            title = f"{title} · {counter.name}"
        self.view.header.title_label.setText(title)
        self.view.header.subtitle_label.setText(hall_name)
        self.view.clerk_badge.setText(f"{actor.display_name} · {role_label(actor.role)}")

    def _disable_pending_features(self) -> None:
        hint = self.tr("Arrives with the acceptance feature")
        for button in self.view.acceptance_buttons():
            button.setEnabled(False)
            button.setToolTip(hint)

    # --- behaviour ------------------------------------------------------------------------
    def search_items(self, query: str) -> None:
        self.view.item_model.set_rows(self._session.catalog.list_items(query))
        self.view.show_materials([])

    def on_item_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            self.view.show_materials([])
            return
        item = self.view.item_model.row_at(current)
        self.view.show_materials(self._session.catalog.get_item(item.item_code).materials)
