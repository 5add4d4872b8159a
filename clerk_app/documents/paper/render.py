"""``render_paper``: the A4 PDF of a ``PaperDocument`` (its text: ``bodies.paper_text``)."""

from __future__ import annotations

import io
from functools import partial
from typing import Any

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
)

from clerk_app.documents.fonts import drawing_lock, require_glyphs_in_any
from clerk_app.documents.paper.bodies import document_copies, document_title, paper_text
from clerk_app.documents.paper.content import (
    PAGE_NUMBER_FORMAT,
    Copy,
    Signoff,
    Style,
    case_no_line,
)
from clerk_app.documents.paper.flowables import CopyStart, block_flowables, paragraph
from clerk_app.documents.paper.layout import (
    LEFT_MARGIN,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    TEXT_BOTTOM,
    TEXT_HEIGHT,
    TEXT_WIDTH,
    paragraph_styles,
)
from clerk_app.documents.paper.page import Furniture, PagedCanvas
from clerk_app.documents.paper.typefaces import PaperFonts
from clerk_app.documents.paper_data import PaperDocument

__all__ = ["render_paper"]


def _story(copies: list[Copy], fonts: PaperFonts) -> list[Any]:
    story: list[Any] = []
    copy_style = paragraph_styles(fonts)[Style.COPY]
    for index, copy in enumerate(copies):
        if index:
            story.append(PageBreak())
        story.append(CopyStart(index))
        if copy.label:
            story.append(paragraph(copy.label, copy_style, fonts))
        for block in copy.blocks:
            flowables = block_flowables(block, fonts)
            if isinstance(block, Signoff):
                # The signoff never stands alone on a page (GB/T 9704 7.3.5.4): the last body
                # line goes with it.
                flowables = [KeepTogether([story.pop(), *flowables])]
            story += flowables
    return story


def render_paper(doc: PaperDocument, *, fonts: PaperFonts | None = None) -> bytes:
    """The document as an A4 PDF with every font embedded as a subset.

    ``fonts`` default to ``PaperFonts.load()`` (``CLERK_PDF_FONT``, ``CLERK_PDF_FALLBACK_FONTS``).
    Raises ``UnprintableText`` naming every character no font has, before anything is drawn.
    The same document gives the same bytes (``invariant``): a reprint differs only by its mark.
    """
    fonts = fonts if fonts is not None else PaperFonts.load()
    copies = document_copies(doc)
    numbers = PAGE_NUMBER_FORMAT.format("0123456789")
    require_glyphs_in_any("\n".join([*paper_text(doc), numbers]), fonts.all_fonts)

    furniture = Furniture(
        fonts=fonts,
        case_no_text=case_no_line(doc.case_no),
        case_no=doc.case_no,
        qr_payload=doc.qr_payload,
        reprint=doc.reprint,
    )
    frame = Frame(
        LEFT_MARGIN, TEXT_BOTTOM, TEXT_WIDTH, TEXT_HEIGHT, 0, 0, 0, 0, id="text", showBoundary=0
    )
    out = io.BytesIO()
    template = BaseDocTemplate(
        out,
        pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
        pageTemplates=[
            PageTemplate("page", [frame], onPage=lambda c, _d: furniture.draw_header(c))
        ],
        invariant=1,
        pageCompression=1,
        title=f"{document_title(doc)} {doc.case_no}",
        author=doc.hall.hall_name,
        creator="clerk-desk",
        subject=doc.kind.value,
        initialFontName=fonts.body,
    )
    maker: type[Canvas] = partial(PagedCanvas, furniture=furniture)  # type: ignore[assignment]
    with drawing_lock:  # one document at a time per process (see fonts.drawing_lock)
        template.build(_story(copies, fonts), canvasmaker=maker)
    return out.getvalue()
