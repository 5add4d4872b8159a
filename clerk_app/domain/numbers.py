"""Whole numbers a caller passes in (ids, counter numbers, versions, limits): checked at the
API before any database sees them, so both databases refuse the same numbers with the same
sentence (SQLite cannot bind an integer beyond 64 bits at all; PostgreSQL reports an
overflow of its own)."""

from __future__ import annotations

from clerk_app.errors import ValidationError

#: The largest value of a 64-bit signed integer column (SQLite INTEGER, PostgreSQL BIGINT).
INT64_MAX = 2**63 - 1


def whole_number(
    value: int, field_zh: str, field_en: str, *, low: int = 0, high: int = INT64_MAX
) -> int:
    """``value`` if it is an int within [low, high], else ``ValidationError`` naming the field."""
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValidationError(
            f"{field_zh}应为 {low} 至 {high} 之间的整数，收到 {value!r}；未做任何改动。",
            f"The {field_en} must be a whole number from {low} to {high}, not {value!r}; "
            "nothing was changed.",
        )
    return value
