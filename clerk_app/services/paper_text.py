"""Refuse at entry what paper cannot print: text bound for a document is checked against the
hall's paper fonts (``CLERK_PDF_FONT`` and its fallbacks) when it is typed, not when it is
printed. An applicant named 李䶮 whose 䶮 (U+4DAE) the font lacks would otherwise be accepted,
and then no receipt of the case could ever be printed.

ASCII text is printable by every CJK font the hall may use (``documents.fonts`` checks the font
when it is registered), so it costs nothing; other text loads the fonts at its first check
(reportlab, once per process: a counter pays it at its first acceptance, not at its start).
"""

from __future__ import annotations

__all__ = ["printable"]


def printable(text: str, field_zh: str, field_en: str) -> str:
    """``text``, or ``UnprintableText`` naming the field and each character no paper font can
    draw (nothing is saved by the caller)."""
    if text.isascii():
        return text
    # reportlab: at the first text that is not ASCII, never at a PC's start
    from clerk_app.documents.fonts import (
        FALLBACK_FONTS_ENV,
        FONT_ENV,
        UnprintableText,
        missing_in_all,
    )
    from clerk_app.documents.paper.typefaces import PaperFonts

    missing = missing_in_all(text, PaperFonts.load().all_fonts)
    if not missing:
        return text
    chars = sorted(missing)
    listed_zh = "、".join(f"“{ch}”(U+{ord(ch):04X})" for ch in chars)
    listed_en = ", ".join(f"'{ch}' (U+{ord(ch):04X})" for ch in chars)
    raise UnprintableText(
        f"{field_zh}中的 {listed_zh} 无法打印（打印字体缺少该字）；请改用可打印的写法，"
        f"或请管理员用 {FONT_ENV} / {FALLBACK_FONTS_ENV} 配置包含该字的字体。未保存任何内容。",
        f"{field_en} holds {listed_en}, which the print fonts cannot draw; type it another "
        f"way, or ask the administrator to set {FONT_ENV} / {FALLBACK_FONTS_ENV} to fonts that "
        "have it. Nothing was saved.",
    )
