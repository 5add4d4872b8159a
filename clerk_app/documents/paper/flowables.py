"""The platypus flowables of each block kind, in the document's faces, text escaped."""

from __future__ import annotations

from typing import Any

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    HRFlowable,
    Spacer,
    TableStyle,
)
from reportlab.platypus import Table as RLTable

from clerk_app.documents.paper.content import (
    Block,
    Field,
    Signatures,
    Signoff,
    Style,
    Table,
    Text,
)
from clerk_app.documents.paper.layout import (
    BODY_SIZE,
    LINE_PITCH,
    TABLE_LEADING,
    TEXT_WIDTH,
    paragraph_styles,
    table_style,
)
from clerk_app.documents.paper.linebreak import ChineseParagraph
from clerk_app.documents.paper.typefaces import PaperFonts, markup, text_width

__all__ = ["CopyStart", "block_flowables", "paragraph"]

_SEAL_RADIUS = 21 * mm  # a 42 mm official seal
_SIGNOFF_RIGHT = 2 * BODY_SIZE  # GB/T 9704: the signoff stands about two characters in
_MAX_LABEL_INDENT = 10 * BODY_SIZE
_LONG_ROW = 6 * TABLE_LEADING  # a table row this tall may split inside itself


class CopyStart(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """Invisible: tells the canvas that a new copy (with its own page numbers) starts here."""

    def __init__(self, index: int) -> None:
        super().__init__()
        self.index = index

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.copy_index = self.index


class _Seal(Flowable):  # type: ignore[misc]
    """A dashed circle where the hall stamps its seal, centred on the signoff above it."""

    def __init__(self, centre_x: float, rise: float) -> None:
        super().__init__()
        self.centre_x = centre_x
        self.rise = rise

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.saveState()
        self.canv.setDash(3, 3)
        self.canv.setLineWidth(0.6)
        self.canv.circle(self.centre_x, self.rise, _SEAL_RADIUS, stroke=1, fill=0)
        self.canv.restoreState()


def paragraph(text: str, style: ParagraphStyle, fonts: PaperFonts) -> ChineseParagraph:
    """Every paragraph of the paper: its text escaped, its lines broken by the Chinese rules."""
    return ChineseParagraph(markup(text, fonts.chain(style.fontName)), style)


def _field(block: Field, fonts: PaperFonts, style: ParagraphStyle) -> ChineseParagraph:
    label = f"{block.label}："
    indent = text_width(label, fonts.chain(style.fontName), style.fontSize)
    if indent > _MAX_LABEL_INDENT:  # a long label: wrapped lines start at the left edge
        indent = 0
    # Wrapped lines align under the value.
    style = ParagraphStyle("field", parent=style, leftIndent=indent, firstLineIndent=-indent)
    return paragraph(label + block.value, style, fonts)


class _FlowingTable(RLTable):  # type: ignore[misc]  # reportlab is untyped
    """A table that flows onto further pages: a row goes whole to the next page, except a long
    row (a long note), which splits inside its cells, at least two lines on each side, rather
    than leave a hole on this page or, taller than a page, raise LayoutError.

    reportlab's ``splitInRow`` splits any row that meets a page end, even one of two lines that
    would fit the next page; so each split decides, for the row that does not fit, which split
    reportlab tries first (``splitByRow``) and whether it may split inside it. The split parts
    are of this class too (reportlab makes them with ``self.__class__``)."""

    def split(self, avail_width: float, avail_height: float) -> list[Any]:
        self._calc(avail_width, avail_height)  # reportlab's: sets _rowHeights
        used, long_row = 0.0, False
        for height in self._rowHeights:
            if used + height > avail_height:
                long_row = height > _LONG_ROW
                break
            used += height
        self.splitByRow = 0 if long_row else 1  # 0: the split inside the row is tried first
        self.splitInRow = 2 * TABLE_LEADING if long_row else 0
        return list(super().split(avail_width, avail_height))


def _table(block: Table, fonts: PaperFonts) -> RLTable:
    head, cell = table_style(fonts.heading, "head"), table_style(fonts.body)
    rows = [[paragraph(text, head, fonts) for text in block.header]]
    rows += [[paragraph(text, cell, fonts) for text in row] for row in block.rows]
    table = _FlowingTable(rows, colWidths=[w * TEXT_WIDTH for w in block.widths], splitByRow=1)
    table.setStyle(
        TableStyle(
            [
                # reportlab sets the table's font (default Helvetica, never embedded) on the
                # page even when every cell is a Paragraph: name ours instead.
                ("FONTNAME", (0, 0), (-1, -1), fonts.body),
                ("GRID", (0, 0), (-1, -1), 0.6, "black"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def _signatures(block: Signatures, fonts: PaperFonts) -> RLTable:
    style = paragraph_styles(fonts)[Style.BODY]
    plain = ParagraphStyle("sign", parent=style, firstLineIndent=0)
    rows = [
        [cell for label in row for cell in (paragraph(label, plain, fonts), "")]
        for row in block.rows
    ]
    widths = [0.28, 0.32, 0.14, 0.26]  # labels of 6 and 3 characters stay on one line
    table = RLTable(rows, colWidths=[w * TEXT_WIDTH for w in widths], rowHeights=2 * LINE_PITCH)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), fonts.body),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LINEBELOW", (1, 0), (1, -1), 0.6, "black"),
                ("LINEBELOW", (3, 0), (3, -1), 0.6, "black"),
            ]
        )
    )
    return table


def _signoff(block: Signoff, fonts: PaperFonts) -> list[Any]:
    """Hall and date centred on one axis about two characters from the right edge; the seal
    circle centred on them (GB/T 9704 7.3.5: 加盖印章的公文). Not wrapped in a KeepTogether:
    the caller keeps it together with the line before it (KeepTogethers do not nest)."""
    body = paragraph_styles(fonts)[Style.BODY]
    chain = fonts.chain(body.fontName)
    width = (
        max(text_width(block.hall, chain, BODY_SIZE), text_width(block.day, chain, BODY_SIZE)) + 1
    )
    width = min(width, TEXT_WIDTH - _SIGNOFF_RIGHT)
    style = ParagraphStyle(
        "signoff",
        parent=body,
        firstLineIndent=0,
        alignment=TA_CENTER,
        leftIndent=TEXT_WIDTH - _SIGNOFF_RIGHT - width,
        rightIndent=_SIGNOFF_RIGHT,
    )
    centre_x = TEXT_WIDTH - _SIGNOFF_RIGHT - width / 2
    return [
        Spacer(0, LINE_PITCH),
        paragraph(block.hall, style, fonts),
        paragraph(block.day, style, fonts),
        _Seal(centre_x, LINE_PITCH),
    ]


def block_flowables(block: Block, fonts: PaperFonts) -> list[Any]:
    """The flowables that draw ``block``."""
    styles = paragraph_styles(fonts)
    if isinstance(block, Text):
        flowables: list[Any] = [paragraph(block.text, styles[block.style], fonts)]
        if block.style is Style.HALL:  # the rule under the hall's name (版头分隔线)
            flowables.append(HRFlowable(width="100%", thickness=1.5, color="black"))
        if block.style is Style.HEADING:
            # A heading never ends a page: it starts the next one unless two lines of what it
            # heads fit under it (a whole list need not: it may go on over the page).
            flowables.insert(0, CondPageBreak(3 * LINE_PITCH))
        return flowables
    if isinstance(block, Field):
        return [_field(block, fonts, styles[Style.FINE if block.fine else Style.BODY])]
    if isinstance(block, Table):
        return [_table(block, fonts), Spacer(0, LINE_PITCH / 3)]
    if isinstance(block, Signatures):
        return [_signatures(block, fonts), Spacer(0, LINE_PITCH / 2)]
    return _signoff(block, fonts)
