"""A bundle's cases change together in one transaction; the decision step's options come from
the core (on SQLite and PostgreSQL through the ``hall`` fixture)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from clerk_app.api import Hall
from clerk_app.domain.case_states import CaseState, IllegalTransition, SubmissionStatus
from clerk_app.domain.deadlines import SupplementRange
from clerk_app.errors import Conflict, PermissionDenied, ValidationError
from clerk_app.hall_time import local_date
from clerk_app.persistence.models import AuditLog, HallSetting
from clerk_app.services.cases.results import CaseInfo, CaseRef, ItemRequest, RoadPermitForm
from tests.support.acceptance import (
    FOOD,
    ROAD,
    SETUP,
    MovableClock,
    at,
    clerk,
    firm,
    firm_uscc,
    non_core_missing,
    person,
    red_list,
)

BUSINESS = "440500-SCJG-004"  # 个体工商户设立登记: instant


@pytest.fixture
def desk(hall: Hall) -> Hall:
    return at(hall, MovableClock())


def _refs(cases: list[CaseInfo]) -> list[CaseRef]:
    return [CaseRef(c.case_no, c.version) for c in cases]


def _audit_rows(hall: Hall, case_no: str) -> int:
    with hall.db.read() as s:
        count = s.scalar(
            select(func.count()).select_from(AuditLog).where(AuditLog.target == f"case:{case_no}")
        )
    return count or 0


def _tolerant_bundle(desk: Hall) -> list[CaseInfo]:
    red_list(desk, firm_uscc(1))
    session = clerk(desk)
    requests = [non_core_missing(session, FOOD), non_core_missing(session, SETUP)]
    cases = session.cases.tolerant_accept(firm(), requests, commitment_signed=True)
    assert [c.state for c in cases] == [CaseState.PENDING_SUPPLEMENT] * 2
    assert cases[0].bundle_no == cases[1].bundle_no == cases[0].case_no
    return cases


# ---------------------------------------------------------------- one transaction per bundle


def test_a_bundles_supplement_is_recorded_for_every_case(desk: Hall) -> None:
    cases = _tolerant_bundle(desk)
    done = clerk(desk).cases.record_supplement_bundle(_refs(cases))
    assert [c.state for c in done] == [CaseState.SUPPLEMENTED] * 2
    assert all(x.status != SubmissionStatus.MISSING for c in done for x in c.submissions)


@pytest.mark.parametrize("fault", ["stale version", "wrong state"])
def test_a_failure_on_the_second_case_leaves_the_first_unchanged(desk: Hall, fault: str) -> None:
    first, second = _tolerant_bundle(desk)
    cases = clerk(desk).cases
    if fault == "stale version":
        refs = [CaseRef(first.case_no, 1), CaseRef(second.case_no, 99)]
        expected: type[Exception] = Conflict
    else:
        # The second case was supplemented alone meanwhile: it owes nothing any more.
        second = cases.record_supplement(second.case_no, second.version)
        refs = [CaseRef(first.case_no, 1), CaseRef(second.case_no, second.version)]
        expected = IllegalTransition
    audited = _audit_rows(desk, first.case_no)
    with pytest.raises(expected):
        cases.record_supplement_bundle(refs)
    again = cases.get(first.case_no)
    assert again == first  # same state, version, submissions: nothing was written
    assert _audit_rows(desk, first.case_no) == audited


def test_a_bundle_is_collected_together_or_not_at_all(desk: Hall) -> None:
    cases = clerk(desk).cases
    issued = cases.issue_instant(person(), [ItemRequest(ROAD), ItemRequest(BUSINESS)])
    assert [c.state for c in issued] == [CaseState.CERTIFICATE_ISSUED] * 2
    stale = [CaseRef(issued[0].case_no, issued[0].version), CaseRef(issued[1].case_no, 7)]
    with pytest.raises(Conflict):
        cases.collect_bundle(stale)
    assert cases.get(issued[0].case_no) == issued[0]
    collected = cases.collect_bundle(_refs(issued))
    assert [c.state for c in collected] == [CaseState.COLLECTED] * 2


def test_bundle_actions_need_cases_and_the_permission(desk: Hall) -> None:
    with pytest.raises(ValidationError):
        clerk(desk).cases.record_supplement_bundle([])
    with pytest.raises(PermissionDenied):
        desk.login("supervisor", "demo").cases.collect_bundle([CaseRef("x", 1)])


# ---------------------------------------------------------------- what the decision step offers


def test_options_for_a_red_listed_firm_missing_a_non_core_material(desk: Hall) -> None:
    red_list(desk, firm_uscc(1))
    session = clerk(desk)
    options = session.cases.decision_options(firm(), [non_core_missing(session, FOOD)])
    assert (options.items, options.lacking, options.all_instant) == (1, 1, False)
    assert options.may_tolerate and options.may_give_notice
    assert not options.may_accept and not options.may_issue_instant
    assert options.supplement == SupplementRange(1, 5, 5)  # FOOD promises 5 working days
    assert options.road_permit is None


def test_a_bundles_supplement_days_fit_every_lacking_item(desk: Hall) -> None:
    session = clerk(desk)
    both = [non_core_missing(session, FOOD), non_core_missing(session, SETUP)]
    assert session.cases.decision_options(firm(), both).supplement == SupplementRange(1, 2, 2)
    one = [non_core_missing(session, FOOD), ItemRequest(SETUP)]  # SETUP lacks nothing
    assert session.cases.decision_options(firm(), one).supplement == SupplementRange(1, 5, 5)
    assert session.cases.decision_options(firm(), [ItemRequest(FOOD)]).supplement is None


def test_the_halls_supplement_default_is_offered(desk: Hall) -> None:
    with desk.db.write() as s:
        s.merge(HallSetting(key="case.supplement_days", value=3))
    session = clerk(desk)
    options = session.cases.decision_options(firm(), [non_core_missing(session, FOOD)])
    assert options.supplement == SupplementRange(1, 5, 3)


def test_options_for_the_road_permit(desk: Hall) -> None:
    session = clerk(desk)
    options = session.cases.decision_options(person(), [ItemRequest(ROAD)])
    assert options.all_instant and options.may_issue_instant and options.may_accept
    today = local_date(desk.clock())
    assert options.road_permit == RoadPermitForm(today, 180)
    other = session.cases.decision_options(person(), [ItemRequest(BUSINESS)])
    assert other.all_instant and other.road_permit is None
    mixed = session.cases.decision_options(person(), [ItemRequest(ROAD), ItemRequest(FOOD)])
    assert not mixed.all_instant and mixed.road_permit == RoadPermitForm(today, 180)


def test_options_without_a_valid_applicant_still_say_what_fits(desk: Hall) -> None:
    session = clerk(desk)
    nameless = firm(name=" ")
    options = session.cases.decision_options(nameless, [non_core_missing(session, FOOD)])
    assert options.tolerance is None and "申请人名称" in options.tolerance_error
    assert options.may_give_notice and not options.may_tolerate


def test_options_need_the_permission_to_accept(desk: Hall) -> None:
    with pytest.raises(PermissionDenied):
        desk.login("supervisor", "demo").cases.decision_options(firm(), [ItemRequest(FOOD)])


def test_the_supplement_deadline_moves_with_the_override_table(desk: Hall) -> None:
    """A day the admin marks off lengthens the next case's deadlines at once."""
    session = clerk(desk)
    [before] = session.cases.accept(firm(), [ItemRequest(FOOD)])
    desk.login("admin", "demo").calendar.set_day(before.due_date - timedelta(days=1), False)
    [after] = session.cases.accept(firm(2), [ItemRequest(FOOD)])
    assert after.due_date == before.due_date + timedelta(days=1)
