"""May this application be accepted with materials missing (容缺受理)? One pure decision."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Literal

from clerk_app.errors import ValidationError
from clerk_app.i18n import pick

__all__ = [
    "CreditEntryView",
    "CreditStatus",
    "GateDecision",
    "GateReason",
    "effective_credit_status",
    "reason_text",
    "tolerant_accept_gate",
]


@dataclass(frozen=True)
class CreditStatus:
    """An enterprise's credit standing, already filtered to the entries in force today."""

    on_red_list: bool
    on_black_list: bool
    has_unrepaired_broken_commitment: bool


@dataclass(frozen=True)
class CreditEntryView:
    """One entry of the credit list as the gate needs it.

    ``valid_to`` is the last day the entry is in force (inclusive); None means open-ended.
    ``repaired`` means 信用修复 was granted: a repaired black-list entry or broken commitment no
    longer counts; the flag has no meaning for a red-list entry and is ignored there.
    ``expired_on`` is the first day the admin ended the entry (失效), whatever its list: from
    that day on it no longer counts, and it is kept as history.
    """

    list_type: Literal["red", "black", "broken_commitment"]
    valid_from: date
    valid_to: date | None
    repaired: bool
    expired_on: date | None = None

    def in_force(self, on: date) -> bool:
        return (
            self.valid_from <= on
            and (self.valid_to is None or on <= self.valid_to)
            and (self.expired_on is None or on < self.expired_on)
        )


class GateReason(StrEnum):
    """Why 容缺受理 is refused; a decision lists every reason that applies, in this order."""

    ITEM_DISALLOWS = "item_disallows"
    INSTANT_ITEM = "instant_item"
    NOTHING_MISSING = "nothing_missing"
    CORE_MATERIAL_MISSING = "core_material_missing"
    NOT_ON_RED_LIST = "not_on_red_list"
    ON_BLACK_LIST = "on_black_list"
    BROKEN_COMMITMENT = "broken_commitment"
    NOT_AN_ENTERPRISE = "not_an_enterprise"


@dataclass(frozen=True)
class GateDecision:
    """The gate's answer: allowed, or refused with all its reasons."""

    allowed: bool
    reasons: tuple[GateReason, ...]


_REASON_TEXTS: dict[GateReason, tuple[str, str]] = {
    GateReason.ITEM_DISALLOWS: (
        "该事项未列入容缺受理事项清单。",
        "This item is not on the list of items that allow deficiency-tolerant acceptance.",
    ),
    GateReason.INSTANT_ITEM: (
        "即办件不适用容缺受理。",
        "Deficiency-tolerant acceptance does not apply to instant items.",
    ),
    GateReason.NOTHING_MISSING: (
        "材料齐全，无需容缺受理，请直接受理。",
        "No materials are missing; accept the application normally.",
    ),
    GateReason.CORE_MATERIAL_MISSING: (
        "缺少核心材料，不能容缺受理，请一次性告知需补齐的全部材料。",
        "Core materials are missing, which cannot be deferred; give the one-time notice "
        "listing everything missing.",
    ),
    GateReason.NOT_AN_ENTERPRISE: (
        "容缺受理仅适用于企业申请人。",
        "Deficiency-tolerant acceptance is only for enterprise applicants.",
    ),
    GateReason.NOT_ON_RED_LIST: (
        "该企业不在信用红名单内。",
        "The enterprise is not on the credit red list.",
    ),
    GateReason.ON_BLACK_LIST: (
        "该企业在信用黑名单内，信用修复前不能容缺受理。",
        "The enterprise is on the credit black list; no deficiency-tolerant acceptance until "
        "its credit is repaired.",
    ),
    GateReason.BROKEN_COMMITMENT: (
        "该企业有未修复的容缺受理失信记录（逾期未补正），信用修复前不能容缺受理。",
        "The enterprise broke an earlier commitment to supplement materials and its credit is "
        "not repaired; no deficiency-tolerant acceptance until it is.",
    ),
}


_REASON_ORDER = tuple(GateReason)


def reason_text(reason: GateReason) -> str:
    """One sentence for the clerk explaining ``reason``, in the current language."""
    zh, en = _REASON_TEXTS[reason]
    return pick(zh, en)


def tolerant_accept_gate(
    *,
    item_allows: bool,
    item_is_instant: bool,
    missing_core: int,
    missing_non_core: int,
    credit: CreditStatus | None,
) -> GateDecision:
    """Decide whether 容缺受理 may be offered (the applicant still chooses; it is never imposed).

    Allowed only when the item is on the 容缺 list and is not instant, no core material is
    missing and at least one non-core material is, and the applicant is an enterprise
    (``credit`` not None) on the red list with no black-list entry and no unrepaired broken
    commitment. The red-list condition is Shantou's rule (the seed hall).
    """
    if missing_core < 0 or missing_non_core < 0:
        raise ValidationError(
            "缺少材料的数量不能为负数。", "The number of missing materials must not be negative."
        )
    reasons: list[GateReason] = []
    if not item_allows:
        reasons.append(GateReason.ITEM_DISALLOWS)
    if item_is_instant:
        reasons.append(GateReason.INSTANT_ITEM)
    if missing_core > 0:
        reasons.append(GateReason.CORE_MATERIAL_MISSING)
    elif missing_non_core == 0:
        reasons.append(GateReason.NOTHING_MISSING)
    if credit is None:
        reasons.append(GateReason.NOT_AN_ENTERPRISE)
    else:
        if not credit.on_red_list:
            reasons.append(GateReason.NOT_ON_RED_LIST)
        if credit.on_black_list:
            reasons.append(GateReason.ON_BLACK_LIST)
        if credit.has_unrepaired_broken_commitment:
            reasons.append(GateReason.BROKEN_COMMITMENT)
    reasons.sort(key=_REASON_ORDER.index)
    return GateDecision(allowed=not reasons, reasons=tuple(reasons))


def effective_credit_status(entries: Iterable[CreditEntryView], on: date) -> CreditStatus:
    """Fold an enterprise's credit entries into its standing on the day ``on``."""
    red = black = broken = False
    for entry in entries:
        if not entry.in_force(on):
            continue
        if entry.list_type == "red":
            red = True
        elif entry.repaired:
            continue
        elif entry.list_type == "black":
            black = True
        else:
            broken = True
    return CreditStatus(
        on_red_list=red, on_black_list=black, has_unrepaired_broken_commitment=broken
    )
