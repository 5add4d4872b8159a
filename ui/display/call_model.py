"""Table adapter over the calls on the hall display: ticket number and counter."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ui.common.labels import counter_label
from ui.common.table_model import RowTableModel


@dataclass(frozen=True, slots=True)
class CallRow:
    """One line of the display: ``A012`` please go to counter 5."""

    ticket_no: str
    counter_no: int


class CallTableModel(RowTableModel):
    TICKET, COUNTER = range(2)
    CENTERED = frozenset({TICKET, COUNTER})

    def headers(self) -> list[str]:
        return [self.tr("Number"), self.tr("Counter")]

    def display(self, row: Any, column: int) -> str:
        if column == self.TICKET:
            return str(row.ticket_no)
        if column == self.COUNTER:
            return counter_label(row.counter_no)
        return ""
