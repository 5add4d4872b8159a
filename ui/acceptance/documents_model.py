"""Table adapter of the documents that fit the decided cases, with how often each was printed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from clerk_app.documents.paper_data import DocumentKind
from clerk_app.hall_time import to_local
from clerk_app.services.documents.results import PrintRecord
from ui.common.table_model import RowTableModel


@dataclass(frozen=True)
class DocumentRow:
    """One document of one case: its kind, its name for people, and its print history."""

    case_no: str
    item_name: str
    kind: DocumentKind
    label: str
    prints: int = 0  # records of this kind for the case, originals and reprints
    reprints: int = 0
    last_printed: datetime | None = None  # naive UTC, as the core stores it

    @property
    def printed_before(self) -> bool:
        return self.prints > 0


def document_rows(
    case_no: str,
    item_name: str,
    kinds: Sequence[tuple[DocumentKind, str]],
    history: Sequence[PrintRecord],
) -> list[DocumentRow]:
    """The rows of one case: ``kinds`` as (kind, label) in print order, counted in ``history``."""
    rows = []
    for kind, label in kinds:
        records = [r for r in history if r.kind == kind]
        rows.append(
            DocumentRow(
                case_no,
                item_name,
                kind,
                label,
                prints=len(records),
                reprints=sum(1 for r in records if r.reprint),
                last_printed=max((r.printed_at for r in records), default=None),
            )
        )
    return rows


class DocumentListModel(RowTableModel):
    """Rows are ``DocumentRow``."""

    DOCUMENT, CASE, ITEM, PRINTED = range(4)

    def headers(self) -> list[str]:
        return [self.tr("Document"), self.tr("Case number"), self.tr("Item"), self.tr("Printed")]

    def display(self, row: Any, column: int) -> str:
        if column == self.DOCUMENT:
            return str(row.label)
        if column == self.CASE:
            return str(row.case_no)
        if column == self.ITEM:
            return str(row.item_name)
        return self.printed_text(row)

    def printed_text(self, row: DocumentRow) -> str:
        if not row.prints or row.last_printed is None:
            return self.tr("Not printed")
        when = to_local(row.last_printed).strftime("%H:%M")
        if row.reprints:
            return (
                self.tr("%1× (%2 reprint(s)), last %3")
                .replace("%1", str(row.prints))
                .replace("%2", str(row.reprints))
                .replace("%3", when)
            )
        return self.tr("Printed at %1").replace("%1", when)


def handover(
    rows: Sequence[DocumentRow], signed: frozenset[str] = frozenset()
) -> list[DocumentRow]:
    """What the counter hands over now, in print order: every document not printed yet, but
    the completion notice where a permit is issued with it (the permit is the result), and the
    commitment letters of ``signed`` cases (printed and signed before the decision)."""
    permits = {r.case_no for r in rows if r.kind == DocumentKind.PERMIT}
    return [
        r
        for r in rows
        if not r.printed_before
        and not (r.kind == DocumentKind.COMPLETION and r.case_no in permits)
        and not (r.kind == DocumentKind.COMMITMENT and r.case_no in signed)
    ]


def main_row(rows: Sequence[DocumentRow]) -> int:
    """The row of the decision's main document, preselected: the first case's permit, else
    what the first case gets last in print order (its receipt, notice or rejection)."""
    if not rows:
        return -1
    first = [i for i, r in enumerate(rows) if r.case_no == rows[0].case_no]
    return first[-1]
