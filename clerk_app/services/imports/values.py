"""One cell's text to a value of its column, or ``RowProblem`` saying what is wrong (zh, en).

Lengths are checked here, in characters, against the model's ``String(n)``: the same on
SQLite (which would store anything) and PostgreSQL (which would raise a raw error).
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from clerk_app.domain.typed_text import typed_text
from clerk_app.errors import ValidationError
from clerk_app.services.imports.report import RowProblem
from clerk_app.services.imports.table import Column
from clerk_app.services.paper_text import printable

#: What a long free-text cell (legal basis, reason, notes) may hold: a page, not a book.
LONG_TEXT = 2000

_TRUE = {"是", "y", "yes", "true", "1", "√", "✓", "允许", "可", "核心", "core"}
_FALSE = {
    "否",
    "n",
    "no",
    "false",
    "0",
    "×",
    "✗",
    "不允许",
    "不可",
    "非核心",
    "non-core",
    "noncore",
}


def at(col: Column, fn: Any, *args: Any, **kwargs: Any) -> Any:
    """``fn(*args, **kwargs)``, its ``RowProblem`` tagged with ``col``."""
    try:
        return fn(*args, **kwargs)
    except RowProblem as p:
        p.column = col.key
        raise


def text(
    value: str,
    col: Column,
    *,
    max_len: int,
    required: bool = False,
    lines: bool = False,
    printed: bool = False,
) -> str:
    """The cell as typed text; ``printed``: it reaches the hall's paper (an item's or a
    material's name …), so a character the paper fonts lack is refused too."""
    try:
        typed = typed_text(value, col.zh, col.en, max_len=max_len, required=required, lines=lines)
        return printable(typed, col.zh, col.en) if printed else typed
    except ValidationError as e:
        raise RowProblem(e.zh, e.en) from None


def integer(value: str, col: Column, *, low: int, high: int, default: int | None = None) -> int:
    v = value.strip()
    if not v and default is not None:
        return default
    if not re.fullmatch(r"[+-]?\d+", v):
        raise RowProblem(
            f"“{v}”不是整数（{low}–{high}）。" if v else f"请填写{col.zh}（{low}–{high} 的整数）。",
            f"{v!r} is not a whole number ({low}–{high})."
            if v
            else f"Fill in the {col.en.lower()} (a whole number {low}–{high}).",
        )
    n = int(v)
    if not low <= n <= high:
        raise RowProblem(
            f"{n} 超出范围，应为 {low}–{high}。", f"{n} is out of range; expected {low}–{high}."
        )
    return n


def boolean(value: str, col: Column, *, default: bool | None = None) -> bool:
    v = value.strip().lower()
    if not v and default is not None:
        return default
    if v in _TRUE:
        return True
    if v in _FALSE:
        return False
    raise RowProblem(
        f"“{value}”无法识别，请填“是”或“否”。" if v else f"请填写{col.zh}（是 或 否）。",
        f"{value!r} is not understood; write 是/否 or yes/no."
        if v
        else f"Fill in {col.en.lower()} (yes or no).",
    )


def choice(value: str, col: Column, options: dict[str, str], *, default: str | None = None) -> str:
    """``options``: every accepted spelling (lower-case) -> the stored value."""
    v = value.strip().lower()
    if not v and default is not None:
        return default
    if v in options:
        return options[v]
    shown = "、".join(dict.fromkeys(k for k in options if not k.isascii()))
    shown_en = ", ".join(dict.fromkeys(k for k in options if k.isascii()))
    raise RowProblem(
        f"“{value}”不是可选值，应为：{shown}。" if v else f"请填写{col.zh}（{shown}）。",
        f"{value!r} is not one of: {shown_en}." if v else f"Fill in {col.en.lower()} ({shown_en}).",
    )


_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")
_TIME = re.compile(r"(\d{1,2})\s*[:：时]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2}))?\s*秒?")


def day(value: str, col: Column, *, required: bool = True) -> date | None:
    """2026-12-01, 2026/12/1, 2026.12.1, 2026年12月1日 or 20261201."""
    v = value.strip()
    if not v:
        if required:
            raise RowProblem(f"请填写{col.zh}。", f"Fill in the {col.en.lower()}.")
        return None
    m = _DATE.fullmatch(v) or _COMPACT.fullmatch(v)
    if m is None:
        raise RowProblem(
            f"“{v}”不是日期，应写作 2026-12-01。", f"{v!r} is not a date; write 2026-12-01."
        )
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        raise RowProblem(f"“{v}”不是真实的日期。", f"{v!r} is not a real date.") from None


def moment(value: str, col: Column) -> datetime:
    """A date and a time of day (hall-local): 2026-12-04 09:30, 2026/12/4 9:30, …"""
    v = value.strip()
    if not v:
        raise RowProblem(f"请填写{col.zh}。", f"Fill in the {col.en.lower()}.")
    parts = re.split(r"[ T]+", v, maxsplit=1)
    m = _DATE.fullmatch(parts[0]) or _COMPACT.fullmatch(parts[0])
    t = _TIME.fullmatch(parts[1]) if len(parts) == 2 else None
    if m is None or t is None:
        raise RowProblem(
            f"“{v}”不是日期和时间，应写作 2026-12-04 09:30。",
            f"{v!r} is not a date and time; write 2026-12-04 09:30.",
        )
    try:
        return datetime(int(m[1]), int(m[2]), int(m[3]), int(t[1]), int(t[2]), int(t[3] or 0))
    except ValueError:
        raise RowProblem(
            f"“{v}”不是真实的日期时间。", f"{v!r} is not a real date and time."
        ) from None
