"""A4 documents of a case (受理通知书, 一次性告知书, 承诺书, 许可证 …), GB/T 9704-2012 style.

``render_paper(doc)`` draws a ``PaperDocument`` as PDF bytes; ``paper_text(doc)`` lists the lines
it says. Modules: ``kinds`` (what each kind says, as blocks), ``content`` (the blocks),
``text`` (control characters, escaping, dates), ``typefaces`` (``PaperFonts``), ``layout``
(GB/T numbers and styles), ``flowables`` and ``page`` (drawing), ``render`` (the entry points).
"""

from __future__ import annotations

from clerk_app.documents.paper.content import PAGE_NUMBER_FORMAT, REPRINT_FOOTER, REPRINT_MARK
from clerk_app.documents.paper.render import (
    paper_text,
    render_paper,
    running_footer,
    running_header,
)
from clerk_app.documents.paper.typefaces import PaperFonts

__all__ = [
    "PAGE_NUMBER_FORMAT",
    "REPRINT_FOOTER",
    "REPRINT_MARK",
    "PaperFonts",
    "paper_text",
    "render_paper",
    "running_footer",
    "running_header",
]
