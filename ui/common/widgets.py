"""Small building blocks of the staff screens: a titled panel, a header band, a placeholder,
and the restyling of a label whose look (info, error …) the theme keys on its object name."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)


class Panel(QFrame):
    """A white card with a title; put the content into ``body``."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Panel")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 10, 12, 12)
        outer.setSpacing(8)
        self.title_label = QLabel(title)
        self.title_label.setObjectName("PanelTitle")
        outer.addWidget(self.title_label)
        self.body = QVBoxLayout()
        self.body.setSpacing(8)
        outer.addLayout(self.body, 1)


class ScreenHeader(QFrame):
    """The blue band on top of a staff screen: title, subtitle, and badges on the right."""

    def __init__(self, title: str, subtitle: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ScreenHeader")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(18, 10, 18, 10)
        texts = QVBoxLayout()
        texts.setSpacing(2)
        self.title_label = QLabel(title)
        self.title_label.setObjectName("ScreenTitle")
        self.subtitle_label = QLabel(subtitle)
        self.subtitle_label.setObjectName("ScreenSubtitle")
        texts.addWidget(self.title_label)
        texts.addWidget(self.subtitle_label)
        layout.addLayout(texts, 1)
        self._badges = QHBoxLayout()
        self._badges.setSpacing(10)
        layout.addLayout(self._badges)

    def add_badge(self, text: str) -> QLabel:
        badge = QLabel(text)
        badge.setObjectName("HeaderBadge")
        badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._badges.addWidget(badge)
        return badge


def placeholder(text: str) -> QLabel:
    """Grey, centred text where a feature will show its content."""
    label = QLabel(text)
    label.setObjectName("Placeholder")
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    return label


def read_only_table(parent: QWidget | None = None) -> QTableView:
    """A table view for browsing rows: whole-row selection, striped, last column stretched."""
    view = QTableView(parent)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.setWordWrap(False)
    return view


def restyle(widget: QWidget, object_name: str) -> None:
    """Give ``widget`` the theme's style for ``object_name`` now (Qt reads a stylesheet's
    object-name selectors only when a widget is polished, so polish it again). A widget not
    yet polished (not yet shown) reads the name at its first polish: asking it for its style
    before then made PySide build the ``QStyle`` type at a counter's start (issue 11)."""
    widget.setObjectName(object_name)
    if widget.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):
        style = widget.style()
        style.unpolish(widget)
        style.polish(widget)


def show_message(label: QLabel, text: str, *, error: bool = False) -> None:
    """``text`` in ``label``: a refusal in the error style, anything else as information."""
    restyle(label, "ErrorText" if error else "InfoText")
    label.setText(text)
