"""Text that must never reach paper or a terminal is refused at entry, before anything is saved."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from clerk_app.api import ApplicantInput, Hall, ItemRequest, MaterialCheck, ValidationError
from clerk_app.demo.credit_cases import make_resident_id
from clerk_app.domain.typed_text import forbidden_character, typed_text
from clerk_app.persistence.models import User
from clerk_app.persistence.models_cases import Case

BAD = ["\x1b[31m", "\x07", "\x00", "\n", "\r", "\u202e", "\u2066", "\x9b"]


@pytest.mark.parametrize("bad", BAD)
def test_a_control_character_in_a_one_line_field_is_refused_and_named(bad: str) -> None:
    with pytest.raises(ValidationError, match=f"U\\+{ord(bad[0]):04X}"):
        typed_text(f"张{bad}三", "申请人名称", "Applicant's name", max_len=200)


def test_plain_chinese_latin_and_rare_characters_pass() -> None:
    for text in ("张三", "汕头市金平区宏达玩具有限公司", "O'Brien-李", "𠮷野家", "A级 纳税人"):
        assert typed_text(f"  {text} ", "x", "x", max_len=200) == text


def test_nul_padding_from_a_card_reader_is_stripped_but_not_inside() -> None:
    assert typed_text("张三\x00\x00", "x", "x", max_len=10) == "张三"
    with pytest.raises(ValidationError):
        typed_text("张\x00三", "x", "x", max_len=10)


def test_lines_allow_newlines_only() -> None:
    assert typed_text("一、\r\n二、", "x", "x", max_len=10, lines=True) == "一、\n二、"
    assert forbidden_character("一\n二\t", lines=True) == "\t"


def test_too_long_is_refused_not_cut() -> None:
    with pytest.raises(ValidationError, match="不能超过 100 个字（现有 101 个）"):
        typed_text("王" * 101, "法定代表人", "Legal representative", max_len=100)


def _counts(hall: Hall) -> tuple[int, int]:
    with hall.db.read() as s:
        cases = s.scalar(select(func.count()).select_from(Case)) or 0
        users = s.scalar(select(func.count()).select_from(User)) or 0
    return cases, users


def test_the_services_refuse_it_and_change_nothing(hall: Hall) -> None:
    clerk = hall.login("clerk01", "demo", counter=1)
    item = clerk.catalog.search_items("食品经营").items[0]
    checks = tuple(
        MaterialCheck(m.id, "received") for m in clerk.catalog.get_item(item.item_code).materials
    )
    before = _counts(hall)
    person = make_resident_id("440511", date(1980, 5, 6), 11)
    for applicant in (
        ApplicantInput("张\x1b[31m三", "resident_id", person),
        ApplicantInput("张三", "resident_id", person, legal_representative="王\u202e五"),
        ApplicantInput("张三", "resident_id", person, legal_representative="王" * 101),
    ):
        with pytest.raises(ValidationError):
            clerk.cases.accept(applicant, [ItemRequest(item.item_code, checks)])
    with pytest.raises(ValidationError, match="U\\+0007"):
        hall.system().admin.add_user("clerk99", "林\x07晓", "clerk", "a-long-password-1")
    assert _counts(hall) == before
    # An ID with a card reader's NUL padding is accepted as the ID it is.
    done = clerk.cases.accept(
        ApplicantInput("张三", "resident_id", person + "\x00\x00"),
        [ItemRequest(item.item_code, checks)],
    )
    assert done[0].applicant_id_masked.endswith(person[-4:])


def test_a_permits_location_is_one_line_and_its_conditions_may_be_several() -> None:
    from clerk_app.services.cases.permits import normalize_permit_details

    road = {
        "location": "金平区长平路 88 号",
        "area_m2": "12",
        "period_from": "2026-12-10",
        "period_to": "2026-12-20",
        "conditions": "一、设置围挡；\n二、夜间亮灯警示。",
    }
    kept = normalize_permit_details(
        road, road=True, item_name="临时占用城市道路许可", today=date(2026, 12, 3), max_days=180
    )
    assert kept["conditions"] == "一、设置围挡；\n二、夜间亮灯警示。"
    for bad in ("金平区\u202e路 88 号", "金平区\n长平路", "金平区\x1b长平路"):
        with pytest.raises(ValidationError, match="U\\+"):
            normalize_permit_details(
                {**road, "location": bad},
                road=True,
                item_name="临时占用城市道路许可",
                today=date(2026, 12, 3),
                max_days=180,
            )
