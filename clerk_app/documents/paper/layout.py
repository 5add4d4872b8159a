"""Page geometry and paragraph styles after GB/T 9704-2012 (党政机关公文格式), in one place.

A4; top margin 37 mm, binding (left) margin 28 mm, text block 156 × 225 mm: 22 lines of 28
characters. Body 3号, title 2号, headings 黑体 3号. 3号 is 15.75 pt in the Chinese 号 system
(Word rounds it to 16 pt); 28 full-width characters of 16 pt would need 158 mm, so 15.75 pt is
what makes 28 characters fit the 156 mm block. Line pitch 225 mm / 22 ≈ 29 pt.

Lines break by the Chinese rules of ``linebreak`` (禁则): between any two Chinese characters,
never before a closing mark or after an opening one, never inside a Latin word or number; a
closing mark that would start a line hangs at the end of the previous one, in the right margin
(标点悬挂, Word's default "允许标点溢出边界" for Chinese), so every other line keeps its 28
characters. Nothing else ever passes the text block's edge.

What the case says is in the body (3号); the hall's standing lines (领取方式, 进度查询, 地址,
电话), tables and a permit's conditions are in 4号 on a 20 pt pitch, so a notice takes the pages
its content needs: a typical 容缺受理通知书 is two pages a copy. A heading never ends a page.
"""

from __future__ import annotations

from functools import lru_cache

from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from clerk_app.documents.paper.content import Style
from clerk_app.documents.paper.typefaces import PaperFonts

__all__ = [
    "BODY_SIZE",
    "LEFT_MARGIN",
    "LINE_PITCH",
    "PAGE_HEIGHT",
    "PAGE_WIDTH",
    "SMALL_SIZE",
    "TABLE_LEADING",
    "TABLE_SIZE",
    "TEXT_BOTTOM",
    "TEXT_HEIGHT",
    "TEXT_TOP",
    "TEXT_WIDTH",
    "TITLE_SIZE",
    "paragraph_styles",
    "table_style",
]

PAGE_WIDTH, PAGE_HEIGHT = A4
TOP_MARGIN = 37 * mm
LEFT_MARGIN = 28 * mm
TEXT_WIDTH = 156 * mm
TEXT_HEIGHT = 225 * mm
TEXT_TOP = PAGE_HEIGHT - TOP_MARGIN  # y of the text block's top edge (reportlab: from below)
TEXT_BOTTOM = TEXT_TOP - TEXT_HEIGHT  # 35 mm above the paper's bottom edge
LINES_PER_PAGE = 22
LINE_PITCH = TEXT_HEIGHT / LINES_PER_PAGE  # ≈ 28.99 pt

BODY_SIZE = 15.75  # 3号
TITLE_SIZE = 22.0  # 2号
HALL_SIZE = 20.0
TABLE_SIZE = 14.0  # 4号: tables of four columns would be three characters wide in 3号
TABLE_LEADING = 20.0
SMALL_SIZE = 10.5  # 5号: the case number under its barcode, the reprint footer


def _style(name: str, font: str, size: float, leading: float, **kw: object) -> ParagraphStyle:
    # CJK wrapping breaks between any two characters (and inside a 200-letter Latin name too),
    # so nothing is ever pushed past the text block.
    return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading, wordWrap="CJK", **kw)


@lru_cache(maxsize=16)
def paragraph_styles(fonts: PaperFonts) -> dict[Style, ParagraphStyle]:
    """The paragraph style of each block style, in ``fonts``' faces."""
    body = fonts.body
    return {
        Style.HALL: _style(
            "hall", fonts.title, HALL_SIZE, HALL_SIZE * 1.4, alignment=TA_CENTER, spaceAfter=4
        ),
        Style.TITLE: _style(
            "title",
            fonts.title,
            TITLE_SIZE,
            TITLE_SIZE * 1.5,
            alignment=TA_CENTER,
            spaceAfter=LINE_PITCH / 2,  # the rule under the hall's name sets it off above
        ),
        Style.COPY: _style("copy", fonts.heading, BODY_SIZE, LINE_PITCH, alignment=TA_LEFT),
        Style.HEADING: _style("heading", fonts.heading, BODY_SIZE, LINE_PITCH),
        Style.BODY: _style("body", body, BODY_SIZE, LINE_PITCH, firstLineIndent=2 * BODY_SIZE),
        Style.ITEM: _style(
            "item",
            body,
            BODY_SIZE,
            LINE_PITCH,
            leftIndent=2 * BODY_SIZE,
            firstLineIndent=-1.5 * BODY_SIZE,
        ),
        Style.FINE: _style("fine", body, TABLE_SIZE, TABLE_LEADING),
        Style.FINE_ITEM: _style(
            "fine_item",
            body,
            TABLE_SIZE,
            TABLE_LEADING,
            leftIndent=2 * TABLE_SIZE,
            firstLineIndent=-1.5 * TABLE_SIZE,
        ),
    }


def table_style(font: str, name: str = "cell") -> ParagraphStyle:
    """The style of a table cell's text."""
    return _style(name, font, TABLE_SIZE, TABLE_LEADING)
