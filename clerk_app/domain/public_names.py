"""An applicant's name as a public screen may show it (the kiosk's 办件进度): masked.

A person keeps the family name's first character (吴家明 → 吴**), as the counter's lists show a
person; an enterprise keeps its first two and last two characters (汕头**********公司), enough
for the applicant to recognise their own case and nothing for a passer-by to read. Each hidden
character is one ``*``, so the length stays recognisable too.
"""

from __future__ import annotations

__all__ = ["masked_name"]


def masked_name(name: str, *, person: bool) -> str:
    """``name`` masked for a public screen; ``person`` is false for an enterprise."""
    name = name.strip()
    keep_head, keep_tail = (1, 0) if person else (2, 2)
    if len(name) <= keep_head + keep_tail:
        return name[:1] + "*" * (len(name) - 1)
    tail = name[len(name) - keep_tail :] if keep_tail else ""
    return name[:keep_head] + "*" * (len(name) - keep_head - keep_tail) + tail
