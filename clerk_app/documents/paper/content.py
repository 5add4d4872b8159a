"""What a document says, as a list of blocks per copy: the one source of the PDF and its text.

``render_paper`` draws these blocks and ``paper_text`` lists their lines, so the text a reader
extracts from the paper and the text the UI shows cannot drift apart. Every string in a block is
already ``clean`` (no control characters).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from clerk_app.documents.paper.text import clean

__all__ = [
    "PAGE_NUMBER_FORMAT",
    "REPRINT_FOOTER",
    "REPRINT_MARK",
    "Block",
    "Copy",
    "Field",
    "Signatures",
    "Signoff",
    "Style",
    "Table",
    "Text",
    "block_lines",
    "case_no_line",
]

REPRINT_MARK = "补打"  # boxed at the top right of every page of a reprint
REPRINT_FOOTER = "补打件：内容与原出具文书一致"  # and at the foot of every page
PAGE_NUMBER_FORMAT = "— {} —"  # GB/T 9704 page numbers, only when a copy has several pages


def case_no_line(case_no: str) -> str:
    """The case number as printed under its barcode at the top of every page; a blank to fill
    in on a letter signed before its case is numbered (a 容缺 commitment letter)."""
    return f"办件编号：{clean(case_no) or '＿＿＿＿＿＿＿＿＿＿（受理后填写）'}"


class Style(Enum):
    HALL = "hall"  # the issuing hall at the head (发文机关标志)
    TITLE = "title"
    COPY = "copy"  # the copy label (申请人留存)
    HEADING = "heading"  # 一级标题, 黑体
    BODY = "body"  # a paragraph, first line indented two characters
    ITEM = "item"  # a numbered list entry, hanging indent
    FINE_ITEM = "fine_item"  # a permit's conditions: 4号 on a tighter pitch, so it fits one page
    FINE = "fine"  # the hall's own lines (hints, address, phone): 4号 on the tighter pitch


@dataclass(frozen=True)
class Text:
    style: Style
    text: str


@dataclass(frozen=True)
class Field:
    """A labelled line: ``label：value``; wrapped lines align under the value. ``fine``: in the
    fine print of the hall's own lines (``Style.FINE``) instead of the body."""

    label: str
    value: str
    fine: bool = False


@dataclass(frozen=True)
class Table:
    """A ruled table; ``widths`` are fractions of the text block, one per column."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]


@dataclass(frozen=True)
class Signatures:
    """Signature lines: each row is labels, each followed by a blank line to write on."""

    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Signoff:
    """The issuing hall and the date at the end, right-aligned, under a place for the seal."""

    hall: str
    day: str


Block = Text | Field | Table | Signatures | Signoff


@dataclass(frozen=True)
class Copy:
    """One copy of the document: it starts on a new page; ``label`` may be empty."""

    label: str
    blocks: tuple[Block, ...]


def _row_line(cells: tuple[str, ...]) -> str:
    # Cells are printed side by side; their text joined by two spaces is one logical line.
    return "  ".join(cell for cell in cells if cell)


def block_lines(block: Block) -> list[str]:
    """The logical lines of text ``block`` prints, in reading order."""
    if isinstance(block, Text):
        return [block.text]
    if isinstance(block, Field):
        return [f"{block.label}：{block.value}"]
    if isinstance(block, Table):
        return [_row_line(row) for row in (block.header, *block.rows)]
    if isinstance(block, Signatures):
        return [_row_line(row) for row in block.rows]
    return [block.hall, block.day]
