"""The faces an A4 document is drawn in (``PaperFonts``), the font chain of each style, and text
drawn in runs of a chain (``markup`` for a Paragraph, ``text_width`` for the canvas).

GB/T 9704 asks for three faces: 小标宋 for the title, 黑体 for headings, 仿宋 for the body. A hall
may configure them as three files, or one file for all (Linux has only WenQuanYi Micro Hei).
Fallback fonts fill the characters the faces lack: every style's chain is its own face, then the
other faces, then the fallbacks, so a character any configured font has is always drawn, and the
set of printable characters is the same for every style (one check covers the whole document).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics

from clerk_app.documents.fonts import (
    fallback_font_paths,
    font_runs,
    register_cjk_font,
    register_truetype_font,
)

__all__ = ["HEADING_FONT_ENV", "TITLE_FONT_ENV", "PaperFonts", "markup", "text_width"]

FontPath = str | os.PathLike[str]
TITLE_FONT_ENV = "CLERK_PDF_TITLE_FONT"  # 小标宋/黑体 for the title and the hall's name
HEADING_FONT_ENV = "CLERK_PDF_HEADING_FONT"  # 黑体 for headings


def _configured(given: FontPath | None, env: str) -> FontPath | None:
    return given if given is not None else os.environ.get(env) or None


@dataclass(frozen=True)
class PaperFonts:
    """Registered reportlab font names: the three faces and the fallbacks, in order of use."""

    body: str
    title: str
    heading: str
    fallbacks: tuple[str, ...] = ()

    @classmethod
    def load(
        cls,
        primary: FontPath | None = None,
        *,
        title: FontPath | None = None,
        heading: FontPath | None = None,
        fallbacks: tuple[FontPath, ...] | None = None,
    ) -> PaperFonts:
        """Register the configured fonts (once per process) and name them.

        ``primary`` is the body face (default ``$CLERK_PDF_FONT``, then a system CJK font);
        ``title`` and ``heading`` default to ``$CLERK_PDF_TITLE_FONT`` and
        ``$CLERK_PDF_HEADING_FONT``, then to the body face; ``fallbacks`` default to the paths
        in ``$CLERK_PDF_FALLBACK_FONTS``. A configured font that cannot be used raises
        ``FontUnavailable``.
        """
        body = register_cjk_font(primary)
        paths = fallback_font_paths() if fallbacks is None else fallbacks
        title_path = _configured(title, TITLE_FONT_ENV)
        heading_path = _configured(heading, HEADING_FONT_ENV)
        return cls(
            body=body,
            title=register_cjk_font(title_path) if title_path is not None else body,
            heading=register_cjk_font(heading_path) if heading_path is not None else body,
            fallbacks=tuple(register_truetype_font(p) for p in paths),
        )

    @property
    def all_fonts(self) -> tuple[str, ...]:
        """Every distinct font, body first."""
        return self.chain(self.body)

    def chain(self, face: str) -> tuple[str, ...]:
        """The fonts tried for a character in a style drawn in ``face``, in order."""
        ordered = (face, self.body, self.title, self.heading, *self.fallbacks)
        return tuple(dict.fromkeys(ordered))


def markup(text: str, chain: Sequence[str]) -> str:
    """Paragraph markup that prints ``text`` literally: ``&``, ``<`` and ``>`` are escaped (never
    read as tags or entities) and every run the style's face lacks is wrapped in a ``<font>`` span
    of the fallback that has it. ``chain[0]`` is the paragraph's own face."""
    parts = []
    for font, run in font_runs(text, chain):
        escaped = escape(run)
        parts.append(escaped if font == chain[0] else f'<font name="{font}">{escaped}</font>')
    return "".join(parts)


def text_width(text: str, chain: Sequence[str], size: float) -> float:
    """The width in points of ``text`` drawn in runs of the fonts of ``chain``."""
    return sum(float(pdfmetrics.stringWidth(r, f, size)) for f, r in font_runs(text, chain))
