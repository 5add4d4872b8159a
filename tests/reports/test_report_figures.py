"""The report's pure rules: nearest-rank percentiles, decisions, 容缺 and deadline outcomes,
and the visits of 最多跑一次."""

from __future__ import annotations

from datetime import date

import pytest

from clerk_app.services.reports.figures import (
    CaseVisit,
    Decision,
    Outcome,
    deadline_outcome,
    decision_of,
    percentile,
    supplement_outcome,
    visits_by_case,
)

D = date(2026, 6, 15)


def test_nearest_rank_percentiles() -> None:
    assert percentile([], 50) is None
    assert percentile([7.0], 90) == 7.0
    values = [float(v) for v in range(1, 11)]  # 1..10
    assert (percentile(values, 50), percentile(values, 90), percentile(values, 100)) == (5, 9, 10)
    assert percentile([3.0, 1.0, 2.0], 50) == 2.0  # unsorted input


@pytest.mark.parametrize(
    ("state", "supplement", "instant", "decision"),
    [
        ("not_accepted", False, False, Decision.NOTICE),
        ("rejected", False, True, Decision.REJECTED),
        ("supplemented", True, False, Decision.TOLERANT),
        ("supplement_overdue", True, False, Decision.TOLERANT),
        ("certificate_issued", False, True, Decision.INSTANT),
        ("collected", False, False, Decision.ACCEPTED),
    ],
)
def test_a_case_counts_under_the_decision_it_was_made_with(
    state: str, supplement: bool, instant: bool, decision: Decision
) -> None:
    assert decision_of(state, supplement, instant) is decision


def test_supplement_outcomes() -> None:
    assert supplement_outcome(D, 0, D, False, date(2026, 6, 1)) == Outcome(True, True)
    assert supplement_outcome(D, 0, date(2026, 6, 16), False, D) == Outcome(True, False)  # grace
    assert supplement_outcome(D, 1, None, False, D) == Outcome(False, False)  # still time
    assert supplement_outcome(D, 1, D, False, date(2026, 6, 16)) == Outcome(True, False)
    assert supplement_outcome(D, 1, None, True, D) == Outcome(True, False)  # ended overdue


def test_deadline_outcomes() -> None:
    assert deadline_outcome(D, D, date(2026, 7, 1)) == Outcome(True, True)
    assert deadline_outcome(D, date(2026, 6, 16), date(2026, 7, 1)) == Outcome(True, False)
    assert deadline_outcome(D, None, D) == Outcome(False, False)  # the last day is not over
    assert deadline_outcome(D, None, date(2026, 6, 16)) == Outcome(True, False)


def test_visits_count_the_notices_since_the_previous_decided_case() -> None:
    chain = [
        CaseVisit(1, False, 10),  # decided once, long ago
        CaseVisit(2, True, 11),  # told what was missing
        CaseVisit(3, True, None),  # told again, without a ticket
        CaseVisit(4, False, 12),  # accepted: the third trip
        CaseVisit(5, False, 13),  # applied again: one trip
        CaseVisit(6, True, 14),  # a notice, then accepted on the same ticket: one trip
        CaseVisit(7, False, 14),
        CaseVisit(8, False, None),  # decided without a ticket: still one trip
    ]
    assert visits_by_case(chain) == {1: 1, 4: 3, 5: 1, 7: 1, 8: 1}
