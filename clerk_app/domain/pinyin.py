"""Pinyin initials search: ``lszy`` finds 临时占用城市道路许可, whatever the reading of 长 or 行.

The initials of a name are computed once, when the name is written (``search_initials``), and
stored beside it, so a search runs in the database and pypinyin (a large dictionary, ~0.3 s to
load) is imported only by whoever writes names — never by a counter that only searches.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import product

#: Most reading combinations kept per name (about 1 KB of initials at most). A name with more
#: 多音字 than this allows keeps the readings of its first ambiguous characters and the most
#: common reading of the rest; no character keeps more than ``MAX_READINGS`` initials.
MAX_COMBINATIONS = 64
MAX_READINGS = 2


@lru_cache(maxsize=8192)
def _char_initials(char: str) -> tuple[str, ...]:
    """Every initial the character may be read with (多音字 give several), most common first;
    a character that is not a CJK ideograph stands for itself (lower-case)."""
    if not "\u3400" <= char <= "\u9fff":
        return (char.lower(),)
    from pypinyin import Style, pinyin

    readings = pinyin(char, style=Style.FIRST_LETTER, heteronym=True)[0]
    return tuple(dict.fromkeys(r.lower() for r in readings if r))


def search_initials(name: str) -> str:
    """The stored search key of ``name``: each reading's initials, space-separated.

    ``临时占用城市道路许可`` → ``lszycsdlxk``; a name with 长 gives two words (c… and z…).
    A Latin query matches when it is a substring of one word, which a database's LIKE can
    check; letters, digits and other characters of the name stay in place, spaces are dropped.
    """
    options: list[tuple[str, ...]] = []
    combinations = 1
    for char in name:
        if char.isspace():
            continue
        readings = _char_initials(char)[:MAX_READINGS]
        if combinations * len(readings) > MAX_COMBINATIONS:
            readings = readings[:1]
        combinations *= len(readings)
        options.append(readings)
    words = dict.fromkeys("".join(p) for p in product(*options))
    return " ".join(words)


def matches_initials(name: str, query: str) -> bool:
    """Whether ``query`` (Latin letters) spells the initials of a run of ``name``."""
    q = query.lower()
    return bool(q) and any(q in word for word in search_initials(name).split(" "))


def search_text(item_code: str, name: str) -> str:
    """What a catalog search matches for an item, lower-case: its code, its name and the
    initials of every reading of the name, one per line (a one-line query never spans two)."""
    return "\n".join((item_code.lower(), name.lower(), *search_initials(name).split(" ")))
