"""Text from data made safe for paper: control characters, Paragraph markup, font runs, dates.

Control characters (Unicode category Cc: C0, DEL and C1, which includes tab and newline) and the
line/paragraph separators U+2028/U+2029 become one space each. They have no glyph and a PDF cannot
show them; dropping them could join two words into a different one, while a space keeps the
letters apart and visible, so nothing the clerk typed vanishes or changes meaning. Every other
character prints as itself or is refused (``UnprintableText``) when no font has it.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from datetime import date
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics

from clerk_app.documents.fonts import font_runs

__all__ = ["clean", "cn_date", "markup", "text_width"]

_SPACE_CATEGORIES = frozenset({"Cc", "Zl", "Zp"})


def clean(text: str) -> str:
    """``text`` with each control character (and U+2028/U+2029) replaced by one space."""
    if text.isprintable():  # the common case: no copy
        return text
    return "".join(" " if unicodedata.category(ch) in _SPACE_CATEGORIES else ch for ch in text)


def cn_date(day: date) -> str:
    """A date as printed on official documents: 2026年11月26日 (no leading zeros)."""
    return f"{day.year}年{day.month}月{day.day}日"


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
