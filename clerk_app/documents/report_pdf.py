"""The report as an A4 PDF (reportlab platypus): the hall's name and the range in the title,
then each table, its columns drawn in groups narrow enough for the page, long tables flowing
across pages with their header row repeated.

Fonts as on the hall's paper (``paper.typefaces.PaperFonts``: the CJK TrueType font, embedded
as a subset, and the fallbacks); reportlab is imported when a report is drawn, not at start.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from clerk_app.documents.report_tables import ColumnKind, ReportDocument, ReportTable, format_cell

MARGIN_MM = 12
LABEL_MM = 46  # the first column (the group's name); the others share the rest
BODY_PT = 7
_GREY = "#E8E8E8"


def render_pdf(doc: ReportDocument, step: Callable[[], None] = lambda: None) -> bytes:
    """The PDF's bytes; ``step()`` after each table is laid out."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    from clerk_app.documents.fonts import drawing_lock, require_glyphs_in_any
    from clerk_app.documents.paper.typefaces import PaperFonts, markup

    fonts = PaperFonts.load()
    chain = fonts.all_fonts
    require_glyphs_in_any(_all_text(doc), chain)

    def style(name: str, size: float, **kw: Any) -> ParagraphStyle:
        kw.setdefault("fontName", fonts.body)
        return ParagraphStyle(name, fontSize=size, leading=size * 1.25, **kw)

    styles = {
        "title": style("title", 16, alignment=1, spaceAfter=4),
        "subtitle": style("subtitle", 8.5, alignment=1, spaceAfter=8),
        "heading": style("heading", 12, fontName=fonts.heading, spaceBefore=8, spaceAfter=4),
        "group": style("group", 9, spaceBefore=4, spaceAfter=2),
        "cell": style("cell", BODY_PT),
        "number": style("number", BODY_PT, alignment=2),
        "note": style("note", 7, spaceBefore=2),
    }

    def para(text: str, key: str) -> Paragraph:
        return Paragraph(markup(text, chain), styles[key])

    width = A4[0] - 2 * MARGIN_MM * mm
    story: list[Any] = [para(doc.title, "title"), para(doc.subtitle, "subtitle")]
    for table in doc.tables:
        story.append(para(table.title, "heading"))
        for title, columns in _groups(table):
            if len(_groups(table)) > 1:
                story.append(para(title, "group"))
            story.append(_table(table, columns, width, LABEL_MM * mm, para, fonts.body))
        if table.note:
            story.append(para(table.note, "note"))
        story.append(Spacer(1, 4 * mm))
        step()

    def footer(canvas: Any, template: Any) -> None:
        canvas.saveState()
        canvas.setFont(fonts.body, 7)
        canvas.drawCentredString(A4[0] / 2, 7 * mm, f"{doc.title}　第 {template.page} 页")
        canvas.restoreState()

    out = io.BytesIO()
    with drawing_lock:  # one document at a time per process (see fonts.drawing_lock)
        SimpleDocTemplate(
            out,
            pagesize=A4,
            leftMargin=MARGIN_MM * mm,
            rightMargin=MARGIN_MM * mm,
            topMargin=MARGIN_MM * mm,
            bottomMargin=MARGIN_MM * mm,
            title=doc.title,
            creator="clerk-desk",
            # Otherwise reportlab puts Helvetica, which is never embedded, on every page.
            initialFontName=fonts.body,
        ).build(story, onFirstPage=footer, onLaterPages=footer)
    return out.getvalue()


def _groups(table: ReportTable) -> list[tuple[str, tuple[int, ...]]]:
    """Each group of columns with column 0 before it; a table without groups is one group."""
    if not table.groups:
        return [(table.title, tuple(range(len(table.columns))))]
    return [(g.title, (0, *g.columns)) for g in table.groups]


def _table(
    table: ReportTable,
    columns: tuple[int, ...],
    width: float,
    label_width: float,
    para: Callable[[str, str], Any],
    font: str,
) -> Any:
    from reportlab.platypus import Table, TableStyle

    text_columns = [c for c in columns if table.columns[c].kind is ColumnKind.TEXT]
    numbers = len(columns) - len(text_columns)
    if numbers:
        rest = width - label_width * len(text_columns)
        widths = [label_width if c in text_columns else rest / numbers for c in columns]
    else:
        widths = [width / len(columns)] * len(columns)
    header = [para(table.columns[c].header, "cell") for c in columns]
    body = [
        [
            para(
                format_cell(row[c], table.kind(r, c)),
                "cell" if table.kind(r, c) is ColumnKind.TEXT else "number",
            )
            for c in columns
        ]
        for r, row in enumerate(table.rows)
    ]
    flowable = Table([header, *body], colWidths=widths, repeatRows=1, splitByRow=1)
    flowable.setStyle(
        TableStyle(
            [
                # The table's own font (default Helvetica, never embedded) is set on the page
                # even when every cell is a Paragraph: name ours instead.
                ("FONTNAME", (0, 0), (-1, -1), font),
                ("GRID", (0, 0), (-1, -1), 0.4, "#808080"),
                ("BACKGROUND", (0, 0), (-1, 0), _GREY),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return flowable


def _all_text(doc: ReportDocument) -> str:
    parts = [doc.title, doc.subtitle]
    for t in doc.tables:
        parts += [t.title, t.note, *(c.header for c in t.columns), *(g.title for g in t.groups)]
        parts += [str(v) for row in t.rows for v in row if isinstance(v, str)]
    return "".join(parts)
