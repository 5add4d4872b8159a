"""Text from data made safe for paper: control characters and dates (pure; no reportlab).

Control characters (Unicode category Cc: C0, DEL and C1, which includes tab and newline) and the
line/paragraph separators U+2028/U+2029 become one space each. They have no glyph and a PDF cannot
show them; dropping them could join two words into a different one, while a space keeps the
letters apart and visible, so nothing the clerk typed vanishes or changes meaning. Every other
character prints as itself or is refused (``UnprintableText``) when no font has it.
"""

from __future__ import annotations

import unicodedata
from datetime import date

__all__ = ["clean", "cn_date"]

_SPACE_CATEGORIES = frozenset({"Cc", "Zl", "Zp"})


def clean(text: str) -> str:
    """``text`` with each control character (and U+2028/U+2029) replaced by one space."""
    if text.isprintable():  # the common case: no copy
        return text
    return "".join(" " if unicodedata.category(ch) in _SPACE_CATEGORIES else ch for ch in text)


def cn_date(day: date) -> str:
    """A date as printed on official documents: 2026年11月26日 (no leading zeros)."""
    return f"{day.year}年{day.month}月{day.day}日"
