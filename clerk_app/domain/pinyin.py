"""Pinyin initials search: ``lszy`` finds 临时占用城市道路许可, whatever the reading of 长 or 行."""

from __future__ import annotations

from functools import lru_cache

from pypinyin import Style, pinyin


@lru_cache(maxsize=8192)
def _char_initials(char: str) -> frozenset[str]:
    """Every initial the character may be read with (多音字 give several); others: itself."""
    if not "\u3400" <= char <= "\u9fff":
        return frozenset({char.lower()})
    readings = pinyin(char, style=Style.FIRST_LETTER, heteronym=True)[0]
    return frozenset(r.lower() for r in readings)


@lru_cache(maxsize=8192)
def initials(text: str) -> tuple[frozenset[str], ...]:
    """Per character of ``text``, the set of its possible pinyin initials."""
    return tuple(_char_initials(c) for c in text)


def matches_initials(text: str, query: str) -> bool:
    """Whether ``query`` (lower-case Latin letters) spells the initials of a run of ``text``."""
    options = initials(text)
    q = query.lower()
    if not q or len(q) > len(options):
        return False
    return any(
        all(q[j] in options[i + j] for j in range(len(q))) for i in range(len(options) - len(q) + 1)
    )
