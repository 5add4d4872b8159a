"""Checks of one form field, raising ``ValidationError`` tagged with the field's name."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from clerk_app.domain.typed_text import typed_text
from clerk_app.errors import ValidationError
from clerk_app.services.paper_text import printable


@contextmanager
def on_field(field: str) -> Iterator[None]:
    """A ``ValidationError`` raised inside names ``field`` (unless it already names one)."""
    try:
        yield
    except ValidationError as e:
        if e.field:
            raise
        raise ValidationError(e.zh, e.en, field=field) from None


def text(
    value: str,
    field: str,
    zh: str,
    en: str,
    *,
    max_len: int,
    required: bool = False,
    lines: bool = False,
) -> str:
    """``typed_text`` of ``value``, its refusal naming ``field``."""
    with on_field(field):
        typed = typed_text(value, zh, en, max_len=max_len, required=required, lines=lines)
        return printable(typed, zh, en)  # names, titles and notes of the hall reach its paper


def whole_number(value: int, field: str, zh: str, en: str, *, low: int, high: int) -> int:
    """``value`` when ``low <= value <= high``; the refusal names the range."""
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValidationError(
            f"{zh}应为 {low}–{high} 的整数。",
            f"{en} must be a whole number from {low} to {high}.",
            field=field,
        )
    return value
