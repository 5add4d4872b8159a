"""The counter's five decisions, on SQLite and PostgreSQL; bad input saves nothing."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from clerk_app.api import Hall
from clerk_app.domain.credit_gate import GateReason
from clerk_app.domain.identity import InvalidIdentifier
from clerk_app.domain.workdays import CalendarNotCovered
from clerk_app.errors import NotFound, PermissionDenied, ValidationError
from clerk_app.services.cases.results import ApplicantInput, ItemRequest, ToleranceRefused
from tests.support.acceptance import (
    FOOD,
    ROAD,
    SETUP,
    SEWAGE,
    MovableClock,
    at,
    clerk,
    core_missing,
    firm,
    firm_uscc,
    footprint,
    non_core_missing,
    person,
    red_list,
    request,
)
from tests.support.calendar import MAKEUP_2027, NOTICE_2027


@pytest.fixture
def desk(hall: Hall) -> Hall:
    return at(hall, MovableClock())


def test_accept_numbers_the_case_and_counts_working_days(desk: Hall) -> None:
    session = clerk(desk, 3)
    [case] = session.cases.accept(firm(), [ItemRequest(FOOD)])
    assert case.state == "accepted" and case.item_code == FOOD
    assert case.case_no.startswith("44050020261126") and len(case.case_no) == 19
    assert case.accepted_on == date(2026, 11, 26)
    assert case.due_date == date(2026, 12, 3)  # 5 working days; the day itself does not count
    assert case.counter_no == 3 and case.version == 1
    assert case.applicant_id_masked == "9144**********" + firm_uscc(1)[-4:]
    assert all(x.status == "received" for x in case.submissions)
    assert session.cases.get(case.case_no.lower()).case_no == case.case_no  # as scanned


def test_accept_refuses_missing_materials(desk: Hall) -> None:
    session = clerk(desk)
    before = footprint(desk)
    with pytest.raises(ValidationError, match="一次性告知"):
        session.cases.accept(firm(), [non_core_missing(session, FOOD)])
    assert footprint(desk) == before


def test_tolerant_accept_for_a_red_listed_firm(desk: Hall) -> None:
    red_list(desk, firm_uscc(1))
    session = clerk(desk)
    [case] = session.cases.tolerant_accept(
        firm(), [non_core_missing(session, FOOD)], commitment_signed=True
    )
    assert case.state == "pending_supplement" and case.commitment_signed
    assert case.supplement_due == date(2026, 12, 3)  # hall default: 5 working days
    assert [x.core for x in case.missing] == [False]


def test_supplement_deadline_never_beyond_the_promised_limit(desk: Hall) -> None:
    red_list(desk, firm_uscc(1))
    session = clerk(desk)
    [case] = session.cases.tolerant_accept(
        firm(), [non_core_missing(session, SETUP)], commitment_signed=True
    )
    assert case.supplement_due == case.due_date == date(2026, 11, 30)  # 2 working days
    with pytest.raises(ValidationError, match="1 至 2 个工作日"):
        session.cases.tolerant_accept(
            firm(), [non_core_missing(session, SETUP)], commitment_signed=True, supplement_days=3
        )


def test_tolerant_accept_refused_by_the_gate_says_why_and_saves_nothing(desk: Hall) -> None:
    session = clerk(desk)
    before = footprint(desk)
    with pytest.raises(ToleranceRefused) as refused:
        session.cases.tolerant_accept(
            firm(), [core_missing(session, SEWAGE)], commitment_signed=True
        )
    [gate] = refused.value.check.items
    assert gate.decision.reasons == (
        GateReason.ITEM_DISALLOWS,
        GateReason.CORE_MATERIAL_MISSING,
        GateReason.NOT_ON_RED_LIST,
    )
    assert "核心材料" in str(refused.value) and "红名单" in str(refused.value)
    assert footprint(desk) == before
    check = session.cases.tolerance_check(firm(), [core_missing(session, SEWAGE)])
    assert not check.allowed and len(check.reasons()) == 1


def test_tolerant_accept_refused_for_persons_and_without_commitment(desk: Hall) -> None:
    session = clerk(desk)
    with pytest.raises(ToleranceRefused) as refused:
        session.cases.tolerant_accept(
            person(), [non_core_missing(session, FOOD)], commitment_signed=True
        )
    assert GateReason.NOT_AN_ENTERPRISE in refused.value.check.items[0].decision.reasons
    with pytest.raises(ValidationError, match="承诺书"):
        session.cases.tolerant_accept(
            firm(), [non_core_missing(session, FOOD)], commitment_signed=False
        )


def test_one_time_notice_lists_everything_missing_or_wrong(desk: Hall) -> None:
    session = clerk(desk)
    req = request(session, FOOD, 申请书="missing", 平面布局="wrong", 营业执照="missing")
    [case] = session.cases.one_time_notice(person(), [req])
    assert case.state == "not_accepted" and case.due_date is None
    assert sorted(x.status for x in case.missing) == ["missing", "missing", "wrong"]
    assert all(x.requirement or x.note for x in case.missing)
    with pytest.raises(ValidationError, match="材料齐全"):
        session.cases.one_time_notice(person(), [ItemRequest(FOOD)])


def test_reject_records_reason_basis_and_competent_body(desk: Hall) -> None:
    session = clerk(desk)
    [case] = session.cases.reject(
        firm(),
        [ItemRequest(SEWAGE)],
        reason="不属于本机关职权范围",
        legal_basis="《行政许可法》第三十二条",
        competent_body="广东省生态环境厅",
    )
    assert (case.state, case.competent_body) == ("rejected", "广东省生态环境厅")
    assert case.decision_basis == "《行政许可法》第三十二条"
    with pytest.raises(ValidationError, match="理由和法律依据"):
        session.cases.reject(firm(), [ItemRequest(SEWAGE)], reason=" ", legal_basis="x")


def test_instant_item_is_decided_and_the_permit_issued_at_once(desk: Hall) -> None:
    session = clerk(desk)
    [case] = session.cases.issue_instant(person(), [ItemRequest(ROAD)])
    assert case.state == "certificate_issued" and case.due_date == case.accepted_on
    assert case.permit_no and case.permit_no.startswith("XK44050020261126")
    with pytest.raises(ValidationError, match="承诺件"):
        session.cases.issue_instant(person(), [ItemRequest(FOOD)])
    collected = session.cases.collect(case.case_no, case.version)
    assert collected.state == "collected"


def test_a_bundle_shares_the_first_case_number(desk: Hall) -> None:
    red_list(desk, firm_uscc(1))
    session = clerk(desk)
    cases = session.cases.tolerant_accept(
        firm(),
        [ItemRequest(SETUP), non_core_missing(session, FOOD)],
        commitment_signed=True,
        ticket_id=None,
    )
    assert [c.state for c in cases] == ["accepted", "pending_supplement"]
    assert {c.bundle_no for c in cases} == {cases[0].case_no}
    assert len({c.case_no for c in cases}) == 2


@pytest.mark.parametrize(
    "applicant",
    [
        ApplicantInput("张三", "resident_id", "110105194912310021"),  # check should be X
        ApplicantInput("某公司", "uscc", "9144030010001686XB"),
        ApplicantInput("", "resident_id", "11010519491231002X"),
        ApplicantInput("某公司", "uscc", firm_uscc(1), agent_name="赵六", agent_id="123"),
    ],
)
def test_invalid_applicants_save_nothing(desk: Hall, applicant: ApplicantInput) -> None:
    session = clerk(desk)
    before = footprint(desk)
    with pytest.raises(ValidationError):
        session.cases.accept(applicant, [ItemRequest(FOOD)])
    assert footprint(desk) == before


def test_invalid_identifier_names_the_position(desk: Hall) -> None:
    bad = ApplicantInput("张三", "resident_id", "110105194912310021")
    with pytest.raises(InvalidIdentifier, match="第18位"):
        clerk(desk).cases.accept(bad, [ItemRequest(FOOD)])


def test_unknown_item_saves_nothing(desk: Hall) -> None:
    session = clerk(desk)
    before = footprint(desk)
    with pytest.raises(NotFound, match="440500-NOPE-001"):
        session.cases.accept(firm(), [ItemRequest(FOOD), ItemRequest("440500-NOPE-001")])
    assert footprint(desk) == before


def test_uncovered_year_saves_nothing_until_the_admin_enters_it(hall: Hall) -> None:
    clock = MovableClock(datetime(2026, 12, 28, 10, 0))  # a Monday
    desk = at(hall, clock)
    session = clerk(desk)
    before = footprint(desk)
    with pytest.raises(CalendarNotCovered, match="2027") as missing:
        session.cases.accept(firm(), [ItemRequest(FOOD)])
    assert "工作日调整表" in str(missing.value)
    assert footprint(desk) == before

    admin = desk.system()
    info = admin.calendar.enter_notice(2027, NOTICE_2027, MAKEUP_2027, note="国务院办公厅通知")
    assert info.covered and not info.known_to_package and len(info.days) == 37
    [case] = session.cases.accept(firm(), [ItemRequest(FOOD)])
    # Tue 29, Wed 30, Thu 31 Dec; Fri 1 Jan is a holiday; Mon 4, Tue 5 Jan.
    assert case.due_date == date(2027, 1, 5)


def test_roles_that_may_not_accept(desk: Hall) -> None:
    for session in (desk.kiosk(), desk.display(), desk.login("supervisor", "demo")):
        with pytest.raises(PermissionDenied):
            session.cases.accept(firm(), [ItemRequest(FOOD)])
    with pytest.raises(PermissionDenied):
        desk.kiosk().cases.list_cases()
    with pytest.raises(PermissionDenied):
        clerk(desk).calendar.enter_year(2027, [], [])


def test_commitment_letters_say_what_tolerant_accept_will_and_save_nothing(desk: Hall) -> None:
    """The 容缺受理承诺书 printed for signing before the decision (issue 12, defect 7)."""
    from clerk_app.documents.paper.bodies import paper_text

    red_list(desk, firm_uscc(1))
    session = clerk(desk)
    before = footprint(desk)
    wanted = [non_core_missing(session, FOOD)]
    [letter] = session.cases.commitment_letters(firm(), wanted, supplement_days=3)
    assert footprint(desk) == before  # no case, no number taken, nothing audited
    words = "\n".join(paper_text(letter.document))
    assert letter.document.title == "容缺受理承诺书" and "受理后填写" in words
    assert letter.document.supplement_due == date(2026, 12, 1)  # 3 working days from Thursday
    assert letter.pdf.startswith(b"%PDF")
    [case] = session.cases.tolerant_accept(
        firm(), wanted, commitment_signed=True, supplement_days=3
    )
    assert case.supplement_due == letter.document.supplement_due
    with pytest.raises(ToleranceRefused):  # not on the red list: no letter for a 容缺 refused
        session.cases.commitment_letters(firm(2), [non_core_missing(session, FOOD)])


def test_a_scanned_applicant_is_known_by_earlier_cases_or_the_credit_list(desk: Hall) -> None:
    """Fewer keys (issue 12): the name comes from the hall, not typed again."""
    session = clerk(desk)
    newcomer = person("郑晓东", 58)
    assert session.cases.known_applicant("resident_id", newcomer.id_value) is None
    session.cases.accept(newcomer, [ItemRequest(FOOD)])
    known = session.cases.known_applicant("resident_id", newcomer.id_value.lower())
    assert known is not None and known.name == "郑晓东"
    desk.system().credit.add_entry(
        firm_uscc(7),
        "red_list",
        reason="纳税信用A级纳税人",
        source_department="国家税务总局汕头市税务局",
        enterprise_name="汕头市列名贸易有限公司",
        valid_from=date(2026, 1, 1),
    )
    listed = session.cases.known_applicant("uscc", firm_uscc(7))
    assert listed is not None and (listed.name, listed.legal_representative) == (
        "汕头市列名贸易有限公司",
        "",
    )
    session.cases.accept(firm(7, "汕头市列名贸易有限公司（新名）"), [ItemRequest(FOOD)])
    again = session.cases.known_applicant("uscc", firm_uscc(7))
    assert again is not None and again.name.endswith("（新名）")  # its newest case first
    assert again.legal_representative == "王五"
