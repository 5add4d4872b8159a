"""Language of messages the core produces (zh_CN first, English complete).

The core raises errors and builds texts in the language chosen once per process with
``set_language``; the Qt shell translates its own widgets with Qt Linguist.
"""

from __future__ import annotations

LANGUAGES = ("zh_CN", "en")
_current = "zh_CN"


def set_language(lang: str) -> None:
    """Choose the language of core messages for this process."""
    global _current
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}; choose one of {', '.join(LANGUAGES)}")
    _current = lang


def language() -> str:
    return _current


def pick(zh: str, en: str) -> str:
    """Return the text for the current language; both translations are always given."""
    return zh if _current == "zh_CN" else en
