"""Chinese line breaking (禁则) for every paragraph of the paper: ``ChineseParagraph``.

reportlab's CJK wrapping (``wordWrap="CJK"``) breaks between any two characters and knows only
the Japanese rules of its ``textsplit.ALL_CANNOT_START``: it lets ，；：？！”’》 start a line, lets
（《“ end one, hangs at most one mark (so in ``申请”。`` the 。 starts the next line) and may cut
a case number or a 统一社会信用代码 in two. Here, in one place:

- a closing mark (``CLOSING``: ，。、；：？！）》」』”’ …) never starts a line; when one would, it
  hangs at the end of the line before, in the right margin (标点悬挂, Word's default for
  Chinese), provided what follows it may start a line; otherwise the last character before it
  moves down with it (推出);
- an opening mark (``OPENING``: （《「『“‘ …) never ends a line: it moves down to what it opens;
- a Latin word or number (a run of letters, digits and ASCII marks such as ``XK4405…``,
  ``91440500MA4W1K2X3R``, ``0754-88888888``, ``36.5``) is never split, unless it is wider than a
  whole line; ``——`` and ``……`` stay together;
- between any two Chinese characters a line may break (保|障 is right in Chinese).

``line_ends`` is the rule as a pure function of the characters and their widths.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.platypus.paragraph import Paragraph, ParaLines, cjkU, makeCJKParaLine
from reportlab.rl_config import _FUZZ

__all__ = ["CLOSING", "OPENING", "ChineseParagraph", "line_ends"]

# GB/T 15834 and W3C clreq: marks that may not start a line, and marks that may not end one.
CLOSING = frozenset("，。、；：？！）》」』”’〉】〕〗］｝〞﹚" + ",.;:?!)]}%％‰℃")
OPENING = frozenset("（《「『“‘〈【〔〖［｛〝﹙" + "([{")
_PAIRED = frozenset("—…")  # ―― and …… are one mark of two characters


def _latin(char: str) -> bool:
    """A character of a Latin word or number (letters, digits, ASCII marks, not a space)."""
    return char < "\u2e80" and not char.isspace()


def _token_width(chars: Sequence[str], widths: Sequence[float], at: int) -> float:
    """The width of the Latin run around the break ``at`` (between ``at - 1`` and ``at``)."""
    left, right = at - 1, at
    while left > 0 and _latin(chars[left - 1]):
        left -= 1
    while right < len(chars) and _latin(chars[right]):
        right += 1
    return sum(widths[left:right])


def _may_break(chars: Sequence[str], widths: Sequence[float], at: int, limit: float | None) -> bool:
    """Whether a line may end before ``chars[at]``. ``limit``: a Latin run wider than it may be
    split (it cannot fit a line whole); None keeps every run whole."""
    if at >= len(chars):
        return True
    before, after = chars[at - 1], chars[at]
    if after in CLOSING or before in OPENING or (before == after and after in _PAIRED):
        return False
    if _latin(before) and _latin(after):
        return limit is not None and _token_width(chars, widths, at) > limit
    return True


def _break_before(
    chars: Sequence[str], widths: Sequence[float], start: int, over: int, limit: float
) -> int:
    """Where the line from ``start`` ends, given that ``chars[over]`` (over > start) does not
    fit: after a hanging closing mark, else at the nearest allowed break back to the start,
    else (nothing allowed: one unbreakable run) at ``over``."""
    if chars[over] in CLOSING and _may_break(chars, widths, over + 1, None):
        return over + 1  # hangs in the margin
    for at in range(over, start, -1):
        if _may_break(chars, widths, at, limit):
            return at
    return over


def line_ends(
    chars: Sequence[str], widths: Sequence[float], max_widths: Sequence[float]
) -> list[int]:
    """The index after the last character of each line. Line ``k`` is ``max_widths[k]`` wide
    (the last width repeats); only a hanging closing mark passes it."""
    ends: list[int] = []
    start = 0
    while start < len(chars):
        limit = max_widths[min(len(ends), len(max_widths) - 1)]
        used, at = 0.0, start
        while at < len(chars) and (at == start or used + widths[at] <= limit + _FUZZ):
            used += widths[at]
            at += 1
        if at < len(chars):
            at = _break_before(chars, widths, start, at, limit)
        ends.append(at)
        start = at
    return ends


class ChineseParagraph(Paragraph):  # type: ignore[misc]  # reportlab is untyped
    """A ``wordWrap="CJK"`` Paragraph whose lines break by ``line_ends``."""

    def breakLinesCJK(self, maxWidths: Any) -> Any:  # reportlab's name
        frags = self.frags
        special = any(hasattr(f, "lineBreak") or hasattr(f, "cbDefn") for f in frags)
        resplit = hasattr(self, "blPara") and bool(getattr(self, "_splitpara", False))
        if special or resplit or not frags or self.bulletText or self.style.endDots:
            return super().breakLinesCJK(maxWidths)  # markup this paper never makes
        widths_of_lines = maxWidths if isinstance(maxWidths, (list, tuple)) else [maxWidths]
        self.height = 0
        glyphs = [cjkU(char, f, "utf8") for f in frags for char in f.text]
        auto_leading = getattr(self, "autoLeading", getattr(self.style, "autoLeading", ""))
        bounds = auto_leading not in ("", "off")
        lines, start = [], 0
        ends = line_ends(glyphs, [g.width for g in glyphs], widths_of_lines)
        for index, end in enumerate(ends):
            limit = widths_of_lines[min(index, len(widths_of_lines) - 1)]
            used = sum(g.width for g in glyphs[start:end])
            lines.append(
                makeCJKParaLine(glyphs[start:end], limit, used, limit - used, False, bounds)
            )
            start = end
        return ParaLines(kind=1, lines=lines)
