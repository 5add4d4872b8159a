"""The administrator's add/edit form: fields with their error under them, Enter saves, Esc cancels.

A subclass adds its fields with ``add_field(name, label, widget)`` (``name`` is the field the
core names in ``ValidationError.field``) and implements ``save()``, which calls one service
method. A refusal keeps the dialog open with the core's sentence under its field (or above the
buttons when it names none); the service changed nothing. Ctrl+Enter saves from a multi-line
field too, where Enter starts a new line.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clerk_app.errors import ClerkError, ValidationError
from ui.common.widgets import restyle


class FormDialog(QDialog):
    """``result_value`` holds what ``save`` returned once the dialog is accepted."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(480)
        self.form = QFormLayout()
        self.errors: dict[str, QLabel] = {}
        self.fields: dict[str, QWidget] = {}
        self.general_error = _error_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(QCoreApplication.translate("FormDialog", "Save"))
        self.save_button.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            QCoreApplication.translate("FormDialog", "Cancel")
        )
        self.buttons.accepted.connect(self.try_save)
        self.buttons.rejected.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.try_save)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self.result_value: Any = None
        self.initial_focus: QWidget | None = None  # else the first field

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        chain = [*self.fields.values(), self.save_button]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)  # fields in form order, then the buttons
        target = self.initial_focus or next(iter(self.fields.values()), self.save_button)
        target.setFocus()

    def add_field(self, name: str, label: str, widget: QWidget) -> QWidget:
        """Adds ``widget`` under ``label`` with an (empty) error line below it."""
        error = _error_label()
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(error)
        self.form.addRow(label, box)
        self.errors[name] = error
        self.fields[name] = widget
        return widget

    def save(self) -> Any:
        """Calls the service; raises ``ClerkError`` when refused."""
        raise NotImplementedError

    def try_save(self) -> None:
        self.clear_errors()
        try:
            self.result_value = self.save()
        except ValidationError as e:
            self.show_error(e.field or "", str(e))
            return
        except ClerkError as e:
            self.show_error("", str(e))
            return
        self.accept()

    def show_error(self, field: str, text: str) -> None:
        label = self.errors.get(field, self.general_error)
        label.setText(text)
        label.setVisible(True)
        if field in self.fields:
            self.fields[field].setFocus()  # the person corrects it where the cursor is

    def error_text(self, field: str = "") -> str:
        """The error shown under ``field`` (the general one for ""), "" when none."""
        return self.errors.get(field, self.general_error).text()

    def clear_errors(self) -> None:
        for label in (*self.errors.values(), self.general_error):
            label.clear()
            label.setVisible(False)


def _error_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    restyle(label, "ErrorText")
    label.setVisible(False)
    return label
