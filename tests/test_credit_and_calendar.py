"""The credit list and the working-day override table as services; the demo's firms and cases."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from clerk_app.api import Hall
from clerk_app.demo.credit_cases import CHENGDA, FIRMS, HONGDA, PERSONS, YONGSHENG
from clerk_app.domain.case_states import CaseState
from clerk_app.domain.identity import InvalidIdentifier, validate_resident_id, validate_uscc
from clerk_app.domain.pinyin import matches_initials
from clerk_app.errors import PermissionDenied, ValidationError
from tests.support.acceptance import MovableClock, at, clerk, firm_uscc
from tests.support.calendar import DAYS_OFF_2027


@pytest.fixture
def desk(hall: Hall) -> Hall:
    return at(hall, MovableClock())


def test_admin_adds_and_repairs_entries(desk: Hall) -> None:
    admin = desk.system().credit
    code = firm_uscc(7).lower()  # lower case is normalized
    black = admin.add_entry(
        code,
        "black_list",
        reason="失信被执行人",
        source_department="汕头市中级人民法院",
        enterprise_name="汕头市某某公司",
        valid_from=date(2026, 1, 1),
        valid_to=date(2026, 12, 31),
    )
    assert black.uscc == firm_uscc(7) and black.in_force
    status = clerk(desk).credit.status(code)
    assert status.on_black_list and status.enterprise_name == "汕头市某某公司"
    repaired = admin.repair(black.id, "已履行法定义务")
    assert repaired.repaired and not clerk(desk).credit.status(code).on_black_list


def test_credit_entries_are_validated(desk: Hall) -> None:
    admin = desk.system().credit
    with pytest.raises(InvalidIdentifier):
        admin.add_entry("91440300100016861X", "red_list", reason="x", source_department="y")
    with pytest.raises(ValidationError, match="名单类型"):
        admin.add_entry(firm_uscc(1), "grey_list", reason="x", source_department="y")
    with pytest.raises(ValidationError, match="截止日"):
        admin.add_entry(
            firm_uscc(1),
            "red_list",
            reason="x",
            source_department="y",
            valid_from=date(2026, 5, 1),
            valid_to=date(2026, 4, 1),
        )
    red = admin.add_entry(firm_uscc(1), "red_list", reason="x", source_department="y")
    with pytest.raises(ValidationError, match="红名单"):
        admin.repair(red.id, "no")


def test_clerks_and_machines_cannot_change_the_credit_list(desk: Hall) -> None:
    for session in (clerk(desk), desk.login("supervisor", "demo")):
        with pytest.raises(PermissionDenied):
            session.credit.add_entry(firm_uscc(1), "red_list", reason="x", source_department="y")
    for session in (desk.kiosk(), desk.display()):
        with pytest.raises(PermissionDenied):
            session.credit.status(firm_uscc(1))


def test_calendar_year_entry_is_checked_and_replaces_the_notice(desk: Hall) -> None:
    # A notice given as plain days must now be a whole year's (issue 14): DAYS_OFF_2027.
    calendar = desk.system().calendar
    assert calendar.year(2026).known_to_package and not calendar.year(2027).covered
    with pytest.raises(ValidationError, match="不在 2027 年内"):
        calendar.enter_year(2027, [*DAYS_OFF_2027, date(2026, 12, 31)], [])
    with pytest.raises(ValidationError, match="既是放假日又是调休上班日"):
        calendar.enter_year(2027, [*DAYS_OFF_2027, date(2027, 2, 20)], [date(2027, 2, 20)])
    calendar.enter_year(2027, [*DAYS_OFF_2027, date(2027, 2, 15)], [date(2027, 2, 20)])
    info = calendar.enter_year(2027, DAYS_OFF_2027, [])
    assert [d.day for d in info.days] == DAYS_OFF_2027 and info.declared_complete
    info = calendar.set_day(date(2027, 2, 20), True, "调休")
    assert len(info.days) == len(DAYS_OFF_2027) + 1
    assert len(calendar.clear_day(date(2027, 2, 20)).days) == len(DAYS_OFF_2027)
    assert not calendar.declare_complete(2027, False).covered


def test_a_day_that_is_not_a_date_is_refused_and_nothing_changes(desk: Hall) -> None:
    calendar = desk.system().calendar
    before = calendar.year(2027)
    for bad in (None, "2027-02-20", datetime(2027, 2, 20, 9, 0)):
        with pytest.raises(ValidationError, match="日期无效"):
            calendar.set_day(bad, True)  # type: ignore[arg-type]
        with pytest.raises(ValidationError, match="日期无效"):
            calendar.clear_day(bad)  # type: ignore[arg-type]
    assert calendar.year(2027) == before


def test_pinyin_initials_find_items(desk: Hall) -> None:
    catalog = desk.kiosk().catalog
    assert [i.name for i in catalog.list_items("lszy")] == ["临时占用城市道路许可"]
    assert [i.name for i in catalog.list_items("LSZYCSDLXK")] == ["临时占用城市道路许可"]
    assert "企业设立登记" in [i.name for i in catalog.list_items("qysl")]
    assert len(catalog.list_items("scjg")) >= 8  # a code fragment, case-insensitive
    assert catalog.list_items("xyzq") == []


def test_initials_cover_every_reading_of_a_character() -> None:
    assert matches_initials("长期护理", "cqhl") and matches_initials("长期护理", "zqhl")
    assert matches_initials("A级纳税人", "ajns")
    assert not matches_initials("登记", "djx") and not matches_initials("登记", "")


def test_demo_identifiers_are_valid() -> None:
    for f in FIRMS:
        assert validate_uscc(f.uscc) == f.uscc
        assert validate_resident_id(f.agent_id) == f.agent_id
    for p in PERSONS:
        assert validate_resident_id(p.resident_id) == p.resident_id


def test_demo_hall_has_listed_firms_and_cases_in_every_state(hall: Hall) -> None:
    admin = hall.system()
    assert admin.credit.status(HONGDA.uscc).on_red_list
    assert admin.credit.status(YONGSHENG.uscc).on_black_list
    assert admin.credit.status(CHENGDA.uscc).has_unrepaired_broken_commitment
    states = {c.state for c in admin.cases.list_cases()}
    assert states == {s.value for s in CaseState}
    before = len(admin.cases.list_cases())
    hall.seed_demo()
    assert len(admin.cases.list_cases()) == before
