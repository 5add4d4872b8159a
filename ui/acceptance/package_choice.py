"""Step 2's 一件事 list: the hall's active packages, filtered by what is typed in the item search.

Hidden while the search names no package, so the loose-item page looks as it always did; Alt+K
shows every active package and puts the cursor on it, Enter on a package chooses it. The
packages are read from the catalog once, when first needed (one short read).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from clerk_app.errors import ClerkError

if TYPE_CHECKING:
    from clerk_app.services.journey.results import PackageInfo
    from clerk_app.services.journey.service import JourneyService

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_ROLE = Qt.ItemDataRole.UserRole


class PackageChoice(QWidget):
    """Emits ``chosen(PackageInfo)`` when the clerk presses Enter on a package."""

    chosen = Signal(object)

    def __init__(self, journey: JourneyService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._journey = journey
        self._packages: list[PackageInfo] | None = None
        self.title = QLabel(self.tr("Packages (Alt+K): Enter chooses one, accepted in one go"))
        self.title.setObjectName("Placeholder")
        self.error = QLabel()
        self.error.setObjectName("ErrorText")
        self.error.hide()
        self.view = QListWidget()
        self.view.setMaximumHeight(96)  # a few lines: the items' results keep the room
        self.view.installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.error)
        layout.addWidget(self.view)
        self.hide()

    def packages(self) -> list[PackageInfo]:
        """The active packages of the catalog, read once."""
        if self._packages is None:
            try:
                self._packages = [p for p in self._journey.list_packages() if p.active]
            except ClerkError as e:
                self._packages = []
                self.error.setText(str(e))
                self.error.show()
        return self._packages

    def matching(self, query: str) -> list[PackageInfo]:
        """The packages whose name contains ``query`` or whose code starts with it (none for an
        empty query): a few Latin letters of an item's pinyin initials name no package."""
        wanted = query.strip().casefold()
        if not wanted:
            return []
        return [
            p
            for p in self.packages()
            if wanted in p.name.casefold() or p.code.casefold().startswith(wanted)
        ]

    def filter(self, query: str) -> None:
        """Show the packages ``query`` names; hidden when it names none."""
        self._show(self.matching(query))

    def show_all(self) -> None:
        """Alt+K: every active package, the cursor on the first."""
        self._show(self.packages(), always=True)
        self.focus_list()

    def focus_list(self) -> None:
        if self.view.count():
            self.view.setFocus()
            if self.view.currentRow() < 0:
                self.view.setCurrentRow(0)

    def _show(self, packages: list[PackageInfo], *, always: bool = False) -> None:
        self.view.clear()
        for p in packages:
            text = (
                self.tr("%1 · %2 item(s) · within %3 working day(s)")
                .replace("%1", p.name)
                .replace("%2", str(len(p.items)))
                .replace("%3", str(p.promised_days))
            )
            row = QListWidgetItem(text)
            row.setData(_ROLE, p)
            self.view.addItem(row)
        if packages:
            self.view.setCurrentRow(0)
        self.setVisible(bool(packages) or always or self.error.isVisible())

    def current(self) -> PackageInfo | None:
        row = self.view.currentItem()
        return cast("PackageInfo", row.data(_ROLE)) if row is not None else None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.view
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in _ENTER
        ):
            package = self.current()
            if package is not None:
                self.chosen.emit(package)
            return True
        return super().eventFilter(watched, event)
