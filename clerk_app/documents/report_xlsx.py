"""The report as an Excel workbook (openpyxl): one sheet per table, Chinese headers.

Each sheet: the title in A1, the range and filters in A2, the headers in row 3, then one row
per group. Numbers stay numbers (shares with a percentage format), so the hall can sum and
chart them. openpyxl is imported when a workbook is written, not when the desk starts.
"""

from __future__ import annotations

import io
from collections.abc import Callable

from clerk_app.documents.report_tables import ColumnKind, ReportDocument

HEADER_ROW = 3
_FORMATS = {ColumnKind.SHARE: "0.0%", ColumnKind.MINUTES: "0.0", ColumnKind.COUNT: "0"}


def render_xlsx(doc: ReportDocument, step: Callable[[], None] = lambda: None) -> bytes:
    """The workbook's bytes; ``step()`` after each sheet."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.active)
    bold = Font(bold=True)
    for table in doc.tables:
        sheet = book.create_sheet(table.name[:31])
        sheet["A1"] = f"{doc.title}　{table.title}"
        sheet["A1"].font = Font(bold=True, size=14)
        sheet["A2"] = doc.subtitle
        for c, column in enumerate(table.columns, 1):
            cell = sheet.cell(HEADER_ROW, c, column.header)
            cell.font = bold
            cell.alignment = Alignment(wrap_text=True, vertical="center")
            sheet.column_dimensions[get_column_letter(c)].width = (
                28 if column.kind is ColumnKind.TEXT else 11
            )
        for r, row in enumerate(table.rows):
            for c, value in enumerate(row):
                cell = sheet.cell(HEADER_ROW + 1 + r, c + 1, value)
                number_format = _FORMATS.get(table.kind(r, c))
                if number_format is not None and isinstance(value, int | float):
                    cell.number_format = number_format
        if table.note:
            sheet.cell(HEADER_ROW + 2 + len(table.rows), 1, table.note)
        sheet.freeze_panes = sheet.cell(HEADER_ROW + 1, 2)
        step()
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
