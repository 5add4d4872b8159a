"""What a person may type into a field: printable text within its length, checked at entry.

Paper and terminals must never receive control characters: ESC and BEL drive terminals and
printers (张 ESC[31m三 on a receipt), NUL ends strings in C, a newline in a one-line field breaks
the line it is printed on, and the bidirectional overrides (U+202E …) make text read
differently from what was stored. Such text is refused with the field and the character named,
before anything is saved; it is never silently cleaned or cut. The one exception is NUL
padding around a value, which ID-card readers add: it is stripped.
"""

from __future__ import annotations

import unicodedata

from clerk_app.errors import ValidationError

# Bidirectional marks, embeddings, overrides and isolates (Unicode 15, UAX #9).
_BIDI_CONTROLS = frozenset("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def forbidden_character(text: str, *, lines: bool = False) -> str | None:
    """The first character of ``text`` that may not be stored, or None. ``lines``: newlines
    are allowed (a multi-line field)."""
    for char in text:
        if lines and char == "\n":
            continue
        if char in _BIDI_CONTROLS or unicodedata.category(char) in ("Cc", "Cs", "Co", "Cn"):
            return char
    return None


def typed_text(
    value: str,
    field_zh: str,
    field_en: str,
    *,
    max_len: int,
    required: bool = False,
    lines: bool = False,
) -> str:
    """``value`` without surrounding spaces (and NUL padding), or ``ValidationError`` naming
    the field: empty when ``required``, longer than ``max_len`` characters, or holding a
    character that may not be stored."""
    text = value.strip().strip("\x00").strip()
    if lines:
        text = text.replace("\r\n", "\n")
    bad = forbidden_character(text, lines=lines)
    if bad is not None:
        code = f"U+{ord(bad):04X}"
        raise ValidationError(
            f"{field_zh}含有不能打印的控制字符（{code}），请删除后重新输入；未保存任何内容。",
            f"{field_en} holds a control character that cannot be printed ({code}); "
            "remove it and type it again. Nothing was saved.",
        )
    if required and not text:
        raise ValidationError(f"请填写{field_zh}。", f"Enter the {field_en.lower()}.")
    if len(text) > max_len:
        raise ValidationError(
            f"{field_zh}不能超过 {max_len} 个字（现有 {len(text)} 个）；未保存任何内容。",
            f"{field_en} may have at most {max_len} characters ({len(text)} given); "
            "nothing was saved.",
        )
    return text
