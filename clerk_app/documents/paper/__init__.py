"""A4 documents of a case (受理通知书, 一次性告知书, 承诺书, 许可证 …), GB/T 9704-2012 style.

``render_paper(doc)`` draws a ``PaperDocument`` as PDF bytes; ``paper_text(doc)`` lists the lines
it says. Modules: ``bodies`` (what each kind says, as blocks, and ``paper_text``), ``content``
(the blocks), ``text`` (control characters, dates), ``typefaces`` (``PaperFonts``, font runs),
``layout`` (GB/T numbers and styles), ``linebreak`` (Chinese line breaking), ``flowables`` and
``page`` (drawing), ``render`` (the entry point). ``bodies``, ``content`` and ``text`` are pure;
the drawing modules load reportlab.

The names below are loaded on first use (PEP 562), so importing a pure module of this package
(the document builders use ``text.cn_date``) does not load reportlab: a desk that never prints
never pays for it, and one that does pays at its first print.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from clerk_app.documents.paper.bodies import paper_text, running_footer, running_header
    from clerk_app.documents.paper.content import (
        PAGE_NUMBER_FORMAT,
        REPRINT_FOOTER,
        REPRINT_MARK,
    )
    from clerk_app.documents.paper.render import render_paper
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

_HOMES = {
    "PAGE_NUMBER_FORMAT": "content",
    "REPRINT_FOOTER": "content",
    "REPRINT_MARK": "content",
    "PaperFonts": "typefaces",
    "paper_text": "bodies",
    "render_paper": "render",
    "running_footer": "bodies",
    "running_header": "bodies",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{home}"), name)
    globals()[name] = value  # later look-ups skip this function
    return value
