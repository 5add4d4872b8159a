"""What the catalog (事项目录) says an item is, as the rules need it."""

from __future__ import annotations

from enum import StrEnum

__all__ = ["ItemKind"]


class ItemKind(StrEnum):
    """即办件 (decided and issued on the spot) or 承诺件 (within promised working days)."""

    INSTANT = "instant"
    PROMISED = "promised"
