"""The one source of "now" for the core (naive UTC); tests replace it to move time."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

Clock = Callable[[], datetime]


def utcnow() -> datetime:
    """Current time as naive UTC, the form stored in both databases."""
    return datetime.now(UTC).replace(tzinfo=None)
