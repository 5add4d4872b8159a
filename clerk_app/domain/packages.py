"""一件事 packages: the rule on their promised limit and the due date of each task.

- **Promised limit** (DOMAIN.md): a package's own promised limit, in working days, may never
  exceed the statutory limit (法定时限) of any of its items, and is at least one working day.
  ``limit_problems`` names every item it would exceed.
- **A task's due date**: the department decides its item within the item's promised limit,
  but never after the package's due date (what the applicant was promised on the receipt):
  ``task_due(item_due, package_due) = min(item_due, package_due)``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from clerk_app.errors import ValidationError

__all__ = [
    "MAX_PACKAGE_DAYS",
    "PackageItemLimit",
    "check_limit",
    "is_transfer",
    "limit_problems",
    "task_due",
]

MAX_PACKAGE_DAYS = 365  # working days; anything longer is a typing mistake


@dataclass(frozen=True)
class PackageItemLimit:
    name: str
    statutory_days: int  # working days


def limit_problems(promised_days: int, items: Sequence[PackageItemLimit]) -> list[str]:
    """The names of the items whose statutory limit ``promised_days`` exceeds."""
    return [item.name for item in items if promised_days > item.statutory_days]


def check_limit(promised_days: int, items: Sequence[PackageItemLimit]) -> None:
    """``ValidationError`` unless 1 ≤ ``promised_days`` ≤ every item's statutory limit."""
    if not 1 <= promised_days <= MAX_PACKAGE_DAYS:
        raise ValidationError(
            f"一件事的承诺时限须为 1 至 {MAX_PACKAGE_DAYS} 个工作日。",
            f"A package's promised limit must be 1 to {MAX_PACKAGE_DAYS} working days.",
        )
    if not items:
        raise ValidationError("一件事须至少包含一个事项。", "A package needs at least one item.")
    over = [i for i in items if promised_days > i.statutory_days]
    if over:
        zh = "、".join(f"“{i.name}”（法定{i.statutory_days}个工作日）" for i in over)
        en = ", ".join(f"{i.name} (statutory {i.statutory_days} working days)" for i in over)
        raise ValidationError(
            f"一件事的承诺时限（{promised_days}个工作日）超过了{zh}的法定时限；未作修改。",
            f"The package's promised limit ({promised_days} working days) exceeds the "
            f"statutory limit of {en}; nothing was changed.",
        )


def task_due(item_due: date, package_due: date | None) -> date:
    """The task's due date: its item's, but never after the package's."""
    return item_due if package_due is None else min(item_due, package_due)


def is_transfer(authority: str, department_name: str) -> bool:
    """通办: the deciding body (实施主体) is not the hall's own department of the item — another
    district's or another city's authority — so the paper travels with a 材料流转单."""
    body = authority.strip()
    return bool(body) and body != department_name.strip()
