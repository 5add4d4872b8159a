"""The administrator's window: one page per subject (``ui.admin.pages.PAGES``), chosen from
the list on the left or by Ctrl+1…Ctrl+9 and Ctrl+PgDown/PgUp; every page works by keys."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QStackedWidget, QVBoxLayout, QWidget

from ui.admin.pages import PAGES, AdminPage
from ui.common.labels import role_label
from ui.common.widgets import ScreenHeader

if TYPE_CHECKING:
    from clerk_app.api import StaffSession


class AdminScreen(QWidget):
    def __init__(
        self,
        session: StaffSession,
        hall_name: str,
        parent: QWidget | None = None,
        pages: tuple[AdminPage, ...] = PAGES,
    ) -> None:
        super().__init__(parent)
        actor = session.actor
        header = ScreenHeader(self.tr("Administration"), hall_name)
        header.add_badge(f"{actor.display_name} · {role_label(actor.role)}")
        self.page_list = QListWidget()
        self.page_list.setObjectName("AdminPageList")
        self.page_list.setMaximumWidth(200)
        self.stack = QStackedWidget()
        self.pages: dict[str, QWidget] = {}
        for number, page in enumerate(pages, start=1):
            widget = page.build(session)
            self.pages[page.key] = widget
            self.stack.addWidget(widget)
            title = widget.page_title()  # type: ignore[attr-defined]
            self.page_list.addItem(f"{title}  Ctrl+{number}" if number <= 9 else title)
            if number <= 9:
                self._shortcut(
                    f"Ctrl+{number}", lambda _checked=False, i=number - 1: self.show_index(i)
                )
        self._keys = list(self.pages)
        self.page_list.currentRowChanged.connect(self.stack.setCurrentIndex)
        self._shortcut("Ctrl+PgDown", lambda: self.show_index(self.stack.currentIndex() + 1))
        self._shortcut("Ctrl+PgUp", lambda: self.show_index(self.stack.currentIndex() - 1))

        body = QHBoxLayout()
        body.setContentsMargins(16, 14, 16, 16)
        body.addWidget(self.page_list)
        body.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(header)
        layout.addLayout(body, 1)
        self.show_index(0)

    def _shortcut(self, keys: str, slot: object) -> None:
        action = QAction(self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.addAction(action)

    def show_index(self, index: int) -> None:
        if 0 <= index < self.stack.count():
            self.page_list.setCurrentRow(index)
            page = self.pages[self._keys[index]]
            reload = getattr(page, "reload", None)
            if callable(reload):
                reload()  # what another page changed (a new category, department …) shows here
            view = getattr(page, "view", page)
            view.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        page = self.current_page()
        getattr(page, "view", page).setFocus()  # keys work from the first moment

    def show_page(self, key: str) -> QWidget:
        """Shows the page registered as ``key`` and returns it."""
        self.show_index(self._keys.index(key))
        return self.pages[key]

    def current_page(self) -> QWidget:
        return self.pages[self._keys[self.stack.currentIndex()]]

    def reload(self) -> None:
        """Read every page afresh from the core (one short query each)."""
        for page in self.pages.values():
            reload = getattr(page, "reload", None)
            if callable(reload):
                reload()
