"""Tests of the 容缺受理 gate over every combination of its inputs, and of credit folding."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import date
from typing import Literal

import pytest

from clerk_app.domain.credit_gate import (
    CreditEntryView,
    CreditStatus,
    GateDecision,
    GateReason,
    effective_credit_status,
    reason_text,
    tolerant_accept_gate,
)
from clerk_app.errors import ValidationError
from clerk_app.i18n import set_language

ListType = Literal["red", "black", "broken_commitment"]
LIST_TYPES: tuple[ListType, ...] = ("red", "black", "broken_commitment")
BOOLS = (False, True)
COUNTS = (0, 1, 2, 7)
CREDITS: tuple[CreditStatus | None, ...] = (
    None,
    *(
        CreditStatus(red, black, broken)
        for red, black, broken in itertools.product(BOOLS, repeat=3)
    ),
)

GOOD_CREDIT = CreditStatus(
    on_red_list=True, on_black_list=False, has_unrepaired_broken_commitment=False
)


@pytest.fixture
def english() -> Iterator[None]:
    set_language("en")
    yield
    set_language("zh_CN")


def oracle_allowed(
    item_allows: bool, instant: bool, core: int, non_core: int, credit: CreditStatus | None
) -> bool:
    """DOMAIN.md's rule written as one expression, independently of the module."""
    return (
        item_allows
        and not instant
        and core == 0
        and non_core >= 1
        and credit is not None
        and credit.on_red_list
        and not credit.on_black_list
        and not credit.has_unrepaired_broken_commitment
    )


def oracle_reasons(
    item_allows: bool, instant: bool, core: int, non_core: int, credit: CreditStatus | None
) -> set[GateReason]:
    checks = {
        GateReason.ITEM_DISALLOWS: not item_allows,
        GateReason.INSTANT_ITEM: instant,
        GateReason.NOTHING_MISSING: core + non_core == 0,
        GateReason.CORE_MATERIAL_MISSING: core != 0,
        GateReason.NOT_AN_ENTERPRISE: credit is None,
        GateReason.NOT_ON_RED_LIST: credit is not None and not credit.on_red_list,
        GateReason.ON_BLACK_LIST: credit is not None and credit.on_black_list,
        GateReason.BROKEN_COMMITMENT: credit is not None
        and credit.has_unrepaired_broken_commitment,
    }
    return {reason for reason, applies in checks.items() if applies}


ALL_CASES = list(itertools.product(BOOLS, BOOLS, COUNTS, COUNTS, CREDITS))


def test_every_combination_is_covered() -> None:
    assert len(ALL_CASES) == 2 * 2 * 4 * 4 * 9
    assert sum(oracle_allowed(*case) for case in ALL_CASES) == 3  # non-core 1, 2 or 7 missing


@pytest.mark.parametrize(("item_allows", "instant", "core", "non_core", "credit"), ALL_CASES)
def test_gate_matches_oracle(
    item_allows: bool, instant: bool, core: int, non_core: int, credit: CreditStatus | None
) -> None:
    decision = tolerant_accept_gate(
        item_allows=item_allows,
        item_is_instant=instant,
        missing_core=core,
        missing_non_core=non_core,
        credit=credit,
    )
    assert decision.allowed == oracle_allowed(item_allows, instant, core, non_core, credit)
    assert set(decision.reasons) == oracle_reasons(item_allows, instant, core, non_core, credit)
    assert decision.allowed == (decision.reasons == ())
    assert len(set(decision.reasons)) == len(decision.reasons)
    order = list(GateReason)
    assert [order.index(r) for r in decision.reasons] == sorted(
        order.index(r) for r in decision.reasons
    )


def test_typical_allowed_decision() -> None:
    decision = tolerant_accept_gate(
        item_allows=True,
        item_is_instant=False,
        missing_core=0,
        missing_non_core=2,
        credit=GOOD_CREDIT,
    )
    assert decision == GateDecision(allowed=True, reasons=())


def test_everything_wrong_lists_every_reason_in_order() -> None:
    decision = tolerant_accept_gate(
        item_allows=False,
        item_is_instant=True,
        missing_core=1,
        missing_non_core=0,
        credit=CreditStatus(
            on_red_list=False, on_black_list=True, has_unrepaired_broken_commitment=True
        ),
    )
    assert decision.reasons == (
        GateReason.ITEM_DISALLOWS,
        GateReason.INSTANT_ITEM,
        GateReason.CORE_MATERIAL_MISSING,
        GateReason.NOT_ON_RED_LIST,
        GateReason.ON_BLACK_LIST,
        GateReason.BROKEN_COMMITMENT,
    )


def test_person_applicant_gets_only_not_an_enterprise() -> None:
    decision = tolerant_accept_gate(
        item_allows=True, item_is_instant=False, missing_core=0, missing_non_core=1, credit=None
    )
    assert decision.reasons == (GateReason.NOT_AN_ENTERPRISE,)


@pytest.mark.parametrize(("core", "non_core"), [(-1, 0), (0, -1), (-2, -2)])
def test_negative_counts_refused(core: int, non_core: int) -> None:
    with pytest.raises(ValidationError):
        tolerant_accept_gate(
            item_allows=True,
            item_is_instant=False,
            missing_core=core,
            missing_non_core=non_core,
            credit=GOOD_CREDIT,
        )


@pytest.mark.parametrize("reason", list(GateReason))
def test_every_reason_has_both_texts(reason: GateReason, english: None) -> None:
    en = reason_text(reason)
    set_language("zh_CN")
    zh = reason_text(reason)
    assert en and zh and en != zh
    assert en.endswith(".") and zh.endswith("。")
    assert any("\u4e00" <= ch <= "\u9fff" for ch in zh)
    assert en.isascii()


def test_reason_texts_name_the_way_forward() -> None:
    assert "一次性告知" in reason_text(GateReason.CORE_MATERIAL_MISSING)
    assert "信用修复" in reason_text(GateReason.ON_BLACK_LIST)
    assert "信用修复" in reason_text(GateReason.BROKEN_COMMITMENT)


# ---------------------------------------------------------------- effective_credit_status

ON = date(2026, 3, 10)


def entry(
    list_type: ListType,
    valid_from: date = date(2025, 1, 1),
    valid_to: date | None = None,
    repaired: bool = False,
) -> CreditEntryView:
    return CreditEntryView(list_type, valid_from, valid_to, repaired)


def test_no_entries_is_a_clean_record_without_red_list() -> None:
    assert effective_credit_status([], ON) == CreditStatus(False, False, False)


def test_each_list_type_in_force() -> None:
    assert effective_credit_status([entry("red")], ON) == CreditStatus(True, False, False)
    assert effective_credit_status([entry("black")], ON) == CreditStatus(False, True, False)
    assert effective_credit_status([entry("broken_commitment")], ON) == CreditStatus(
        False, False, True
    )


def test_validity_bounds_are_inclusive() -> None:
    for list_type in LIST_TYPES:
        starts_today = entry(list_type, valid_from=ON)
        ends_today = entry(list_type, valid_to=ON)
        starts_tomorrow = entry(list_type, valid_from=date(2026, 3, 11))
        ended_yesterday = entry(list_type, valid_to=date(2026, 3, 9))
        assert effective_credit_status([starts_today], ON) != CreditStatus(False, False, False)
        assert effective_credit_status([ends_today], ON) != CreditStatus(False, False, False)
        assert effective_credit_status([starts_tomorrow, ended_yesterday], ON) == CreditStatus(
            False, False, False
        )


def test_repaired_entries_no_longer_count() -> None:
    entries = [entry("black", repaired=True), entry("broken_commitment", repaired=True)]
    assert effective_credit_status(entries, ON) == CreditStatus(False, False, False)


def test_repaired_flag_ignored_on_red_list() -> None:
    assert effective_credit_status([entry("red", repaired=True)], ON).on_red_list


def test_mixed_history_and_a_generator() -> None:
    entries = (
        e
        for e in [
            entry("red", valid_from=date(2026, 1, 1), valid_to=date(2026, 12, 31)),
            entry("broken_commitment", valid_from=date(2024, 5, 1), repaired=True),
            entry("broken_commitment", valid_from=date(2026, 3, 1)),
            entry("black", valid_from=date(2023, 1, 1), valid_to=date(2025, 12, 31)),
        ]
    )
    status = effective_credit_status(entries, ON)
    assert status == CreditStatus(
        on_red_list=True, on_black_list=False, has_unrepaired_broken_commitment=True
    )
    decision = tolerant_accept_gate(
        item_allows=True, item_is_instant=False, missing_core=0, missing_non_core=1, credit=status
    )
    assert decision.reasons == (GateReason.BROKEN_COMMITMENT,)


@pytest.mark.parametrize(
    ("list_type", "repaired", "in_force"),
    list(itertools.product(LIST_TYPES, BOOLS, BOOLS)),
)
def test_single_entry_against_oracle(list_type: ListType, repaired: bool, in_force: bool) -> None:
    valid_to = None if in_force else date(2026, 3, 9)
    status = effective_credit_status([entry(list_type, valid_to=valid_to, repaired=repaired)], ON)
    counts = in_force and (list_type == "red" or not repaired)
    assert status == CreditStatus(
        on_red_list=counts and list_type == "red",
        on_black_list=counts and list_type == "black",
        has_unrepaired_broken_commitment=counts and list_type == "broken_commitment",
    )


@pytest.mark.parametrize("list_type", ["red", "black", "broken_commitment"])
def test_an_ended_entry_counts_until_the_day_before_it_ended(list_type: ListType) -> None:
    """The admin's 失效 (issue 14): from ``expired_on`` on, any list's entry stops counting."""
    entry = CreditEntryView(list_type, date(2026, 1, 1), None, False, date(2026, 6, 1))
    assert entry.in_force(date(2026, 5, 31)) and not entry.in_force(date(2026, 6, 1))
    assert effective_credit_status([entry], date(2026, 6, 2)) == CreditStatus(False, False, False)
