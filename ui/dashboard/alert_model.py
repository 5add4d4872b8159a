"""Table adapter over the dashboard's alerts (``supervision.results.Alert``): red rows first,
each row saying what is wrong, about what, for how long, and what Enter does with it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from clerk_app.services.supervision.results import Alert, AlertAction, AlertKind, AlertSeverity
from ui.common.table_model import Index, RowTableModel

RED_BACKGROUND = QColor("#fde8e8")
YELLOW_BACKGROUND = QColor("#fff6d6")
_KIND_ORDER = {kind: i for i, kind in enumerate(AlertKind)}


class AlertModel(RowTableModel):
    """Rows are ``Alert``; ``row_of(key)`` finds an alert again after a refresh."""

    SEVERITY, KIND, SUBJECT, DETAIL, ACTION = range(5)
    CENTERED = frozenset({SEVERITY})

    def headers(self) -> list[str]:
        return [
            self.tr("Level"),
            self.tr("Alert"),
            self.tr("About"),
            self.tr("How long"),
            self.tr("Enter does"),
        ]

    def display(self, row: Any, column: int) -> str:
        alert: Alert = row
        if column == self.SEVERITY:
            return self.tr("Red") if alert.severity is AlertSeverity.RED else self.tr("Yellow")
        if column == self.KIND:
            return self.kind_text(alert.kind)
        if column == self.SUBJECT:
            return self.subject_text(alert)
        if column == self.DETAIL:
            return self.detail_text(alert)
        if column == self.ACTION:
            return self.action_text(alert.action)
        return ""

    def kind_text(self, kind: AlertKind) -> str:
        return {
            AlertKind.LONG_WAIT: self.tr("Long wait"),
            AlertKind.NO_COUNTER_OPEN: self.tr("No window open for a waiting queue"),
            AlertKind.IDLE_COUNTER: self.tr("Window idle while its queue waits"),
            AlertKind.STRANDED_TICKET: self.tr("Ticket stranded at an offline window"),
            AlertKind.DEADLINE_YELLOW: self.tr("Case due soon (yellow card)"),
            AlertKind.DEADLINE_RED: self.tr("Case overdue (red card)"),
            AlertKind.SUPPLEMENT_DUE: self.tr("Supplement due"),
            AlertKind.SUPPLEMENT_OVERDUE: self.tr("Supplement overdue"),
            AlertKind.BAD_REVIEW: self.tr("Bad review awaiting rectification"),
        }[kind]

    def subject_text(self, alert: Alert) -> str:
        if alert.kind in (AlertKind.LONG_WAIT, AlertKind.NO_COUNTER_OPEN):
            return f"{alert.subject_key} {alert.subject_name}"
        if alert.kind is AlertKind.STRANDED_TICKET:
            text = self.tr("Window %1: %2")
            return text.replace("%1", alert.subject_key).replace("%2", alert.ticket_number or "")
        if alert.kind is AlertKind.IDLE_COUNTER:
            return self.tr("Window %1").replace("%1", alert.subject_key)
        if alert.kind is AlertKind.BAD_REVIEW:
            text = self.tr("Window %1: %2")
            return text.replace("%1", str(alert.counter_no)).replace("%2", alert.subject_name)
        return f"{alert.subject_key} {alert.subject_name}"

    def detail_text(self, alert: Alert) -> str:
        if alert.minutes is not None:
            return self.tr("%1 min").replace("%1", str(alert.minutes))
        if alert.days_left is None:
            return "—"
        if alert.days_left < 0:
            text = self.tr("%1 working day(s) overdue")
            return text.replace("%1", str(-alert.days_left))
        return self.tr("%1 working day(s) left").replace("%1", str(alert.days_left))

    def action_text(self, action: AlertAction) -> str:
        return {
            AlertAction.SHOW_COUNTERS: self.tr("Show its windows"),
            AlertAction.SHOW_COUNTER: self.tr("Show the window"),
            AlertAction.RESOLVE_TICKET: self.tr("Put the ticket back in the queue"),
            AlertAction.OPEN_CASE: self.tr("Open the case"),
            AlertAction.OPEN_RECTIFICATION: self.tr("Open the rectification"),
        }[action]

    def sort_key(self, row: Any, column: int) -> Any:
        alert: Alert = row
        if column == self.SEVERITY:
            return (alert.severity is not AlertSeverity.RED, _KIND_ORDER[alert.kind])
        if column == self.KIND:
            return _KIND_ORDER[alert.kind]
        if column == self.DETAIL:  # the most urgent first: overdue days, then long minutes
            return alert.days_left if alert.days_left is not None else -(alert.minutes or 0)
        return self.display(row, column)

    def row_of(self, key: tuple[str, str]) -> int | None:
        return next((i for i, a in enumerate(self._rows) if a.key == key), None)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            red = self.row_at(index).severity is AlertSeverity.RED
            return QBrush(RED_BACKGROUND if red else YELLOW_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#1f2329"))  # readable on both backgrounds, any theme
        return super().data(index, role)
