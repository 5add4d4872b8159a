"""What the catalog (事项目录) says an item is, as the rules need it."""

from __future__ import annotations

from enum import StrEnum

__all__ = ["MAX_ITEM_DAYS", "ItemKind", "item_limit_problems"]


class ItemKind(StrEnum):
    """即办件 (decided and issued on the spot) or 承诺件 (within promised working days)."""

    INSTANT = "instant"
    PROMISED = "promised"


#: Working days: ten years is beyond any statutory limit.
MAX_ITEM_DAYS = 3650


def item_limit_problems(
    kind: str, statutory_days: int, promised_days: int, tolerant: bool, has_non_core: bool
) -> list[tuple[str, str, str]]:
    """What breaks the catalog's rules of one item, as (field, zh, en); empty when none.

    A 即办件 is decided on the spot: promised days 0, never 容缺. A 承诺件 promises at least
    one working day and never more than the statutory limit (法定时限 ≥ 承诺时限). An item that
    allows 容缺 needs a non-core material, since only those may be deferred.
    """
    problems: list[tuple[str, str, str]] = []
    if kind == ItemKind.INSTANT:
        if promised_days != 0:
            problems.append(
                (
                    "promised_days",
                    "即办件的承诺时限应为 0。",
                    "An instant item's promised days must be 0.",
                )
            )
        if tolerant:
            problems.append(
                (
                    "tolerant_accept_allowed",
                    "即办件不能容缺受理。",
                    "An instant item cannot allow tolerant acceptance.",
                )
            )
        return problems
    if promised_days < 1:
        problems.append(
            (
                "promised_days",
                "承诺件的承诺时限至少 1 个工作日。",
                "A promised item needs at least 1 promised working day.",
            )
        )
    elif promised_days > statutory_days:
        problems.append(
            (
                "promised_days",
                f"承诺时限 {promised_days} 天长于法定时限 {statutory_days} 天。",
                f"Promised days {promised_days} exceed the statutory {statutory_days}.",
            )
        )
    if tolerant and not has_non_core:
        problems.append(
            (
                "tolerant_accept_allowed",
                "允许容缺受理的事项至少要有一项非核心材料（只有非核心材料可以容缺）。",
                "An item allowing tolerant acceptance needs a non-core material "
                "(only those may be deferred).",
            )
        )
    return problems
