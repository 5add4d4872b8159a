"""What the admin pages share: a sortable, filterable table (Ctrl+F) and a form dialog that
shows the core's refusal under the field at fault (Enter saves, Esc cancels)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time
from typing import Any

from PySide6.QtCore import QDate, QSortFilterProxyModel, Qt, QTime
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from clerk_app.errors import ClerkError, ValidationError
from ui.common.sorted_table import attach_sorted
from ui.common.table_model import ROW_ROLE, RowTableModel
from ui.common.widgets import read_only_table, show_message


def py_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def py_time(value: QTime) -> time:
    return time(value.hour(), value.minute())


class FilteredTable(QWidget):
    """``model`` in a table sorted by a header click and filtered by the field above it
    (every column, case-insensitive); Ctrl+F puts the cursor in the filter."""

    def __init__(self, model: RowTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.view = read_only_table()
        self.proxy: QSortFilterProxyModel = attach_sorted(self.view, model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter_edit = QLineEdit()
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setPlaceholderText(self.tr("Filter (Ctrl+F)"))
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)
        self.count_label = QLabel()
        self.count_label.setObjectName("Placeholder")
        self.proxy.rowsInserted.connect(self._count)
        self.proxy.rowsRemoved.connect(self._count)
        self.proxy.modelReset.connect(self._count)
        self.proxy.layoutChanged.connect(self._count)
        find = QShortcut(QKeySequence.StandardKey.Find, self)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(self.focus_filter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count_label)

    def focus_filter(self) -> None:
        self.filter_edit.setFocus()
        self.filter_edit.selectAll()

    def selected(self) -> Any:
        """The row object under the cursor, or None."""
        index = self.view.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def visible_rows(self) -> list[Any]:
        return [self.proxy.index(r, 0).data(ROW_ROLE) for r in range(self.proxy.rowCount())]

    def _count(self, *_args: object) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count_label.setText(
            self.tr("%1 of %2 shown").replace("%1", str(shown)).replace("%2", str(total))
        )


class FormDialog(QDialog):
    """A form whose ``submit`` calls the core: on a refusal the sentence shows under the field
    it names (``ValidationError.field``), or above the buttons, and the dialog stays open with
    nothing changed. Enter saves; Esc cancels."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self._errors: dict[str, QLabel] = {}
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.result_value: Any = None
        self.submit: Callable[[], Any] = lambda: None

    def add_field(self, name: str, label: str, widget: QWidget) -> QWidget:
        """A row for the service argument ``name``; its error label sits under it."""
        error = QLabel()
        error.setWordWrap(True)
        error.hide()
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(error)
        self.form.addRow(label, box)
        self._errors[name] = error
        return widget

    def error_of(self, name: str) -> str:
        label = self._errors[name]
        return label.text() if not label.isHidden() else ""

    def keyPressEvent(self, event: Any) -> None:
        # Enter saves from any field, a multi-line one included (Ctrl+Enter there too).
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not isinstance(
            self.focusWidget(), QPlainTextEdit
        ):
            self._save()
            return
        super().keyPressEvent(event)

    def _save(self) -> None:
        for label in (*self._errors.values(), self.error_label):
            label.hide()
        try:
            self.result_value = self.submit()
        except ClerkError as error:
            self.show_error(error)
            return
        self.accept()

    def show_error(self, error: ClerkError) -> None:
        field = error.field if isinstance(error, ValidationError) else None
        label = self._errors.get(field or "", self.error_label)
        show_message(label, str(error), error=True)
        label.show()


class ReasonDialog(FormDialog):
    """One reason typed for an action (repair, expire, cancel); ``submit(text)``."""

    def __init__(
        self,
        title: str,
        label: str,
        submit: Callable[[str], Any],
        parent: QWidget | None = None,
        field: str = "reason",
    ) -> None:
        super().__init__(title, parent)
        self.reason_edit = QLineEdit()
        self.add_field(field, label, self.reason_edit)
        self.submit = lambda: submit(self.reason_edit.text())
