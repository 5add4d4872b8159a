"""One page of the admin window: a sortable, filterable list with its actions on keys.

The list is a ``RowTableModel`` behind a ``QSortFilterProxyModel``: click a header to sort,
type in the filter field (Ctrl+F) to keep the rows whose any column contains the text. Each
action is a button with a shortcut; Enter or a double-click on a row runs the page's edit
action. A subclass sets the model, adds its actions and implements ``reload``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QSortFilterProxyModel, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clerk_app.errors import ClerkError
from ui.admin.form_dialog import FormDialog
from ui.common.errors import error_title
from ui.common.sorted_table import attach_sorted
from ui.common.table_model import ROW_ROLE, RowTableModel
from ui.common.widgets import read_only_table


class ListPageText(QObject):
    """The page's plural texts. A page's own ``self.tr`` would look them up under the
    subclass's name (PySide6 takes the context from the object's class), and lupdate
    records plurals only from ``tr``."""

    def rows(self, n: int) -> str:
        return self.tr("%n row(s)", "", n)


_TEXTS = ListPageText()


class ListPage(QWidget):
    """``view`` shows ``model`` through ``proxy``; ``filter_edit`` filters it."""

    def __init__(self, model: RowTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.view: QTableView = read_only_table()
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.proxy: QSortFilterProxyModel = attach_sorted(self.view, model)
        self.proxy.setFilterKeyColumn(-1)  # any column
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(
            QCoreApplication.translate("ListPage", "Filter (Ctrl+F)")
        )
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._filter)
        self.filter_edit.returnPressed.connect(self.view.setFocus)
        self.count_label = QLabel()
        self.count_label.setObjectName("Placeholder")
        self.actions_row = QHBoxLayout()
        self.actions_row.setSpacing(8)
        top = QHBoxLayout()
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(self.actions_row)
        layout.addWidget(self.view, 1)
        self.add_shortcut("Ctrl+F", self.focus_filter)
        # Enter and a double-click both emit activated (a double-click also doubleClicked:
        # connecting both would open two forms).
        self.view.activated.connect(lambda _index: self.edit_current())
        model.modelReset.connect(self._count)
        self.dialog: FormDialog | None = None  # the form last opened (tests drive it)
        self.message: QMessageBox | None = None  # the last refusal shown

    # --- what subclasses provide ---------------------------------------------------------------
    def page_title(self) -> str:
        """The page's name in the admin window's page list (translated)."""
        raise NotImplementedError

    def reload(self) -> None:
        """Read the rows afresh from the core."""
        raise NotImplementedError

    def edit_current(self) -> None:
        """Enter on a row: open it (nothing by default)."""

    # --- building blocks -------------------------------------------------------------------------
    def add_action(self, text: str, keys: str, slot: Callable[[], Any]) -> QPushButton:
        """A button labelled ``text (keys)`` whose shortcut works while the page is shown
        (the pages share one window; only the shown one's shortcuts are live)."""
        button = QPushButton(
            f"{text} ({QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)})"
        )
        button.setAutoDefault(False)
        button.clicked.connect(lambda _checked=False: self._run(slot))
        self.actions_row.addWidget(button)
        self.add_shortcut(keys, lambda: self._run(slot))
        return button

    def add_shortcut(self, keys: str, slot: Callable[[], Any]) -> QAction:
        action = QAction(self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def open_dialog(self, dialog: FormDialog, saved: Callable[[Any], None]) -> FormDialog:
        """Shows ``dialog`` (window-modal, not blocking); once it saved, ``saved(result)``
        runs, then the list reloads with the saved row selected by ``saved``."""
        self.dialog = dialog
        dialog.accepted.connect(lambda: saved(dialog.result_value))
        dialog.finished.connect(lambda _code: self.view.setFocus())
        dialog.open()
        return dialog

    def finish_actions(self) -> None:
        self.actions_row.addStretch(1)

    def current_row(self) -> Any:
        """The selected row object, or None."""
        index = self.view.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def select_where(self, match: Callable[[Any], bool]) -> None:
        """Selects the first shown row for which ``match(row)`` holds."""
        for r in range(self.proxy.rowCount()):
            index = self.proxy.index(r, 0)
            if match(index.data(ROW_ROLE)):
                self.view.setCurrentIndex(index)
                self.view.selectRow(r)
                return

    def focus_filter(self) -> None:
        self.filter_edit.setFocus()
        self.filter_edit.selectAll()

    def shown_rows(self) -> list[Any]:
        """The rows as the view shows them: filtered and in the chosen order."""
        return [self.proxy.index(r, 0).data(ROW_ROLE) for r in range(self.proxy.rowCount())]

    def _run(self, slot: Callable[[], Any]) -> None:
        try:
            slot()
        except ClerkError as e:  # a core refusal outside a form: its one sentence
            self.message = QMessageBox(
                QMessageBox.Icon.Warning,
                error_title(),
                str(e),
                QMessageBox.StandardButton.Ok,
                self,
            )
            self.message.finished.connect(lambda _code: self.view.setFocus())
            self.message.open()  # window-modal, not blocking, like the forms

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        self._count()

    def _count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        text = _TEXTS.rows(total)
        if shown != total:
            # Named outright: a subclass's self.tr() would look under the subclass's name.
            shown_text = QCoreApplication.translate("ListPage", "%1 of %2 shown")
            text = shown_text.replace("%1", str(shown)).replace("%2", text)
        self.count_label.setText(text)
