"""A case after the counter: review to collection, supplements, the overdue sweep, races."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable
from datetime import date, datetime

import pytest
from sqlalchemy import select, text

from clerk_app.api import Hall
from clerk_app.domain.case_states import IllegalTransition
from clerk_app.domain.credit_gate import GateReason
from clerk_app.domain.deadlines import DeadlineWarning
from clerk_app.errors import Conflict, PermissionDenied, ValidationError
from clerk_app.persistence.models import AuditLog
from clerk_app.persistence.models_cases import Case
from clerk_app.services.cases.lookup import case_by_no
from clerk_app.services.cases.results import CaseInfo, ItemRequest, MaterialCheck, ToleranceRefused
from clerk_app.services.cases.versions import bump
from tests.support.acceptance import (
    FOOD,
    MovableClock,
    at,
    clerk,
    firm,
    firm_uscc,
    non_core_missing,
    red_list,
)


@pytest.fixture
def clock() -> MovableClock:
    return MovableClock()


@pytest.fixture
def desk(hall: Hall, clock: MovableClock) -> Hall:
    return at(hall, clock)


def test_promised_case_from_review_to_collection(desk: Hall) -> None:
    cases = clerk(desk).cases
    [case] = cases.accept(firm(), [ItemRequest(FOOD)])
    with pytest.raises(IllegalTransition, match="承诺件须先转入审查"):
        cases.approve(case.case_no, case.version)
    case = cases.review(case.case_no, case.version)
    case = cases.approve(case.case_no, case.version)
    case = cases.issue_certificate(case.case_no, case.version, permit_no="SC14405000012345")
    assert (case.state, case.permit_no, case.version) == (
        "certificate_issued",
        "SC14405000012345",
        4,
    )
    assert cases.collect(case.case_no, case.version).state == "collected"


def test_denial_needs_reason_and_basis(desk: Hall) -> None:
    cases = clerk(desk).cases
    [case] = cases.accept(firm(), [ItemRequest(FOOD)])
    case = cases.review(case.case_no, case.version)
    with pytest.raises(ValidationError):
        cases.deny(case.case_no, case.version, "", "")
    denied = cases.deny(case.case_no, case.version, "场所不符合要求", "《食品安全法》第三十五条")
    assert denied.state == "denied" and denied.decision_reason == "场所不符合要求"


def test_supplement_in_parts_then_complete(desk: Hall) -> None:
    red_list(desk, firm_uscc(1))
    session = clerk(desk)
    item = session.catalog.get_item(FOOD)
    owed = [m.id for m in item.materials if not m.core][:2]
    req = ItemRequest(FOOD, tuple(MaterialCheck(i, "missing") for i in owed))
    [case] = session.cases.tolerant_accept(firm(), [req], commitment_signed=True)
    case = session.cases.record_supplement(case.case_no, case.version, [owed[0]])
    assert case.state == "pending_supplement" and len(case.missing) == 1
    case = session.cases.record_supplement(case.case_no, case.version)
    assert case.state == "supplemented" and not case.missing
    assert {x.initial_status for x in case.submissions} == {"received", "missing"}
    assert session.cases.review(case.case_no, case.version).state == "in_review"


def test_overdue_sweep_writes_the_credit_record_and_blocks_tolerance(
    desk: Hall, clock: MovableClock
) -> None:
    red_list(desk, firm_uscc(1))
    session = clerk(desk)
    [case] = session.cases.tolerant_accept(
        firm(), [non_core_missing(session, FOOD)], commitment_signed=True
    )
    assert case.supplement_due == date(2026, 12, 3)
    clock.set_local(datetime(2026, 12, 3, 17, 0))
    swept = session.cases.mark_overdue()  # (the demo hall may have overdue cases of its own)
    assert case.case_no not in {c.case_no for c in swept}  # the deadline day itself counts
    clock.set_local(datetime(2026, 12, 4, 9, 0))
    with pytest.raises(ValidationError, match="补正期限"):
        session.cases.record_supplement(case.case_no, case.version)

    [overdue] = [c for c in session.cases.mark_overdue() if c.case_no == case.case_no]
    assert overdue.state == "supplement_overdue"
    assert session.cases.mark_overdue() == []  # idempotent
    standing = session.credit.status(firm_uscc(1))
    assert standing.on_red_list and standing.has_unrepaired_broken_commitment
    [broken] = [e for e in standing.entries if e.list_type == "broken_commitment"]
    assert broken.case_no == case.case_no and broken.in_force

    with pytest.raises(ToleranceRefused) as refused:
        session.cases.tolerant_accept(
            firm(), [non_core_missing(session, FOOD)], commitment_signed=True
        )
    assert refused.value.check.items[0].decision.reasons == (GateReason.BROKEN_COMMITMENT,)

    desk.system().credit.repair(broken.id, "已补齐材料并作出信用承诺")
    [again] = session.cases.tolerant_accept(
        firm(), [non_core_missing(session, FOOD)], commitment_signed=True
    )
    assert again.state == "pending_supplement"


def test_a_stale_version_is_a_conflict_and_changes_nothing(desk: Hall) -> None:
    cases = clerk(desk).cases
    [case] = cases.accept(firm(), [ItemRequest(FOOD)])
    reviewed = cases.review(case.case_no, case.version)
    with pytest.raises(Conflict, match="已被他人修改"):
        clerk(desk, 2).cases.review(case.case_no, case.version)
    with pytest.raises(Conflict):
        clerk(desk, 2).cases.approve(case.case_no, case.version)
    assert cases.get(case.case_no) == reviewed


def _race(n: int, action: Callable[[int], object]) -> tuple[list[object], list[BaseException]]:
    barrier = threading.Barrier(n)
    results: list[object] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def run(i: int) -> None:
        barrier.wait()
        try:
            out = action(i)
        except BaseException as e:  # collected and asserted by the caller
            with lock:
                errors.append(e)
        else:
            with lock:
                results.append(out)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    return results, errors


def test_two_clerks_at_once_one_wins(desk: Hall) -> None:
    sessions = [clerk(desk, n) for n in (1, 2)]
    [case] = sessions[0].cases.accept(firm(), [ItemRequest(FOOD)])
    case = sessions[0].cases.review(case.case_no, case.version)

    def act(i: int) -> CaseInfo:
        if i == 0:
            return sessions[0].cases.approve(case.case_no, case.version)
        return sessions[1].cases.deny(case.case_no, case.version, "不符合条件", "第三十五条")

    for _ in range(3):
        results, errors = _race(2, act)
        assert len(results) == 1 and [type(e) for e in errors] == [Conflict]
        [winner] = results
        assert isinstance(winner, CaseInfo)
        assert sessions[0].cases.get(case.case_no).state == winner.state
        with desk.db.read() as s:
            logged = s.scalars(
                select(AuditLog.action).where(
                    AuditLog.target == f"case:{case.case_no}",
                    AuditLog.action.in_(["case_approve", "case_deny"]),
                )
            ).all()
        assert len(logged) == 1
        # next round on a fresh case
        [case] = sessions[0].cases.accept(firm(), [ItemRequest(FOOD)])
        case = sessions[0].cases.review(case.case_no, case.version)


def test_concurrent_acceptance_gives_unique_case_numbers(desk: Hall) -> None:
    sessions = [clerk(desk, n) for n in range(1, 9)]

    def act(i: int) -> list[str]:
        return [
            c.case_no
            for _ in range(4)
            for c in sessions[i].cases.accept(firm(i + 1), [ItemRequest(FOOD)])
        ]

    results, errors = _race(8, act)
    assert errors == []
    numbers = [n for batch in results for n in batch]  # type: ignore[attr-defined]
    assert len(numbers) == 32 and len(set(numbers)) == 32
    with desk.db.read() as s:
        stored = s.scalars(select(Case.case_no).where(Case.case_no.in_(numbers))).all()
    assert sorted(stored) == sorted(numbers)


def test_masked_lists_and_logged_full_view(desk: Hall) -> None:
    session = clerk(desk)
    [case] = session.cases.accept(firm(), [ItemRequest(FOOD)], ticket_id=None)
    listed = [c for c in session.cases.list_cases() if c.case_no == case.case_no]
    assert listed[0].applicant_id_masked.count("*") == 10
    assert firm_uscc(1) not in repr(listed)
    full = session.cases.reveal_identity(case.case_no, "核对身份")
    assert full.applicant_id == firm_uscc(1) and len(full.agent_id) == 18
    with desk.db.read() as s:
        viewed = s.scalars(
            select(AuditLog.actor).where(
                AuditLog.action == "identity_viewed", AuditLog.target == f"case:{case.case_no}"
            )
        ).all()
    assert viewed == ["clerk01"]
    with pytest.raises(PermissionDenied):
        desk.system().cases.reveal_identity(case.case_no, "核对身份")


def test_deadline_warnings(desk: Hall, clock: MovableClock) -> None:
    session = clerk(desk)
    [case] = session.cases.accept(firm(), [ItemRequest(FOOD)])  # due Thu 3 Dec
    colours = {}
    for day in (1, 2, 3, 4):
        clock.set_local(datetime(2026, 12, day, 9, 0))
        got = session.cases.get(case.case_no)
        colours[day] = (got.days_left, got.warning)
    assert colours == {
        1: (2, DeadlineWarning.NONE),
        2: (1, DeadlineWarning.YELLOW),  # one working day left
        3: (0, DeadlineWarning.YELLOW),  # the due date itself
        4: (-1, DeadlineWarning.RED),  # overdue
    }


def test_the_update_itself_guards_the_version(desk: Hall) -> None:
    """Even when the row changed after it was read (PostgreSQL, READ COMMITTED), the UPDATE
    matches nothing and the action is a conflict."""
    [case] = clerk(desk).cases.accept(firm(), [ItemRequest(FOOD)])
    with desk.db.write() as s:
        row = case_by_no(s, case.case_no)
        s.execute(text("UPDATE cases SET version = version + 1 WHERE id = :id"), {"id": row.id})
        with pytest.raises(Conflict):
            bump(s, row, 1, desk.clock(), state="in_review")
    assert clerk(desk).cases.get(case.case_no).state == "accepted"


def test_a_counter_login_ends_overdue_tolerant_cases(desk: Hall, clock: MovableClock) -> None:
    """No scheduler needed: the next clerk to log in at any counter runs the sweep."""
    red_list(desk, firm_uscc(1))
    [case] = clerk(desk).cases.tolerant_accept(
        firm(), [non_core_missing(clerk(desk), FOOD)], commitment_signed=True
    )
    clock.set_local(datetime(2026, 12, 4, 9, 0))  # the day after the supplement deadline
    session = clerk(desk, 2)  # logging in sweeps
    assert session.cases.get(case.case_no).state == "supplement_overdue"
    assert session.credit.status(firm_uscc(1)).has_unrepaired_broken_commitment


def test_the_list_is_newest_first_limited_and_filtered(desk: Hall, clock: MovableClock) -> None:
    cases = clerk(desk).cases
    made = []
    for minute in (1, 2, 3):
        clock.set_local(datetime(2026, 11, 26, 11, minute))
        [case] = cases.accept(firm(minute), [ItemRequest(FOOD)])
        made.append(case)
    made[0] = cases.review(made[0].case_no, made[0].version)
    assert len(cases.list_cases(limit=2)) == 2
    numbers = [c.case_no for c in made]
    listed = [c for c in cases.list_cases() if c.case_no in numbers]  # (the demo's are there too)
    assert [c.case_no for c in listed] == numbers[::-1]
    # A listed row and a loaded case give the same view (the list has no submissions).
    assert listed[0] == dataclasses.replace(cases.get(made[2].case_no), submissions=())
    in_review = cases.list_cases(state="in_review")
    assert made[0].case_no in {c.case_no for c in in_review}
    assert all(c.state == "in_review" for c in in_review)
