"""Refuse at entry what paper cannot print (``services.paper_text``): a character no paper font
can draw is refused where it is typed — the applicant's name at the counter, the agent's at 出件,
an item's name at the admin page — with the field and the character named, in both languages,
and nothing changed; text the fonts have goes through."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from clerk_app.api import Hall
from clerk_app.demo.credit_cases import make_resident_id
from clerk_app.documents.fonts import UnprintableText
from clerk_app.errors import ValidationError
from clerk_app.persistence.models import ServiceItem
from clerk_app.persistence.models_cases import Case
from clerk_app.services.cases.results import ApplicantInput, ItemRequest
from clerk_app.services.paper_text import printable
from tests.support.acceptance import FOOD

EMOJI = "\U0001f600"  # 😀: in no CJK paper font
EXT_G = "\U00030000"  # 𰀀 (CJK Extension G): in no font this machine has
RID = make_resident_id("440511", date(1980, 5, 6), 71)


def counted(hall: Hall, table: type) -> int:
    with hall.db.read() as s:
        return s.scalar(select(func.count()).select_from(table)) or 0


def test_printable_text_passes_and_names_what_does_not() -> None:
    for text in ("Smith", "吴家明", "汕头市龙湖区长平路88号", "欧阳·娜娜", ""):
        assert printable(text, "字段", "The field") == text
    with pytest.raises(UnprintableText) as refused:
        printable(f"张{EMOJI}{EXT_G}", "申请人名称", "The applicant's name")
    zh, en = refused.value.zh, refused.value.en
    assert "申请人名称" in zh and "U+1F600" in zh and "U+30000" in zh and "未保存" in zh
    assert "applicant's name" in en and "U+1F600" in en and "Nothing was saved" in en


@pytest.mark.parametrize("name", [f"张{EMOJI}", f"李{EXT_G}"])
def test_an_applicant_the_paper_cannot_name_is_refused_at_acceptance(hall: Hall, name: str) -> None:
    s = hall.login("clerk01", "demo", counter=1)
    before = counted(hall, Case)
    with pytest.raises(UnprintableText) as refused:
        s.cases.accept(ApplicantInput(name, "resident_id", RID), [ItemRequest(FOOD)])
    assert "申请人名称" in refused.value.zh
    assert counted(hall, Case) == before
    agent = ApplicantInput("吴家明", "resident_id", RID, agent_name=f"陈{EMOJI}", agent_id=RID)
    with pytest.raises(UnprintableText) as refused:
        s.cases.accept(agent, [ItemRequest(FOOD)])
    assert "经办人姓名" in refused.value.zh and counted(hall, Case) == before
    [case] = s.cases.accept(ApplicantInput("吴家明", "resident_id", RID), [ItemRequest(FOOD)])
    assert s.documents.print_document("receipt", case.case_no).pdf.startswith(b"%PDF")


def test_an_item_name_the_paper_cannot_print_is_refused_at_the_admin(hall: Hall) -> None:
    from dataclasses import replace

    catalog = hall.login("admin", "demo").catalog_admin
    draft = catalog.item(FOOD).draft()
    with hall.db.read() as s:
        before = s.scalar(select(ServiceItem.name).where(ServiceItem.item_code == FOOD))
    with pytest.raises(ValidationError) as refused:  # naming the form's field
        catalog.edit_item(FOOD, replace(draft, name=f"食品经营许可{EMOJI}"))
    assert "U+1F600" in refused.value.zh
    with hall.db.read() as s:
        assert s.scalar(select(ServiceItem.name).where(ServiceItem.item_code == FOOD)) == before
    catalog.edit_item(FOOD, replace(draft, name="食品经营许可（新办）"))


def test_an_agent_the_paper_cannot_name_is_refused_at_handover(hall: Hall) -> None:
    from clerk_app.domain.case_states import CaseState
    from clerk_app.services.journey.results import CollectorInput
    from tests.test_journey import FIRM, decide_all, desk

    s = desk(hall)
    done = s.journey.accept_package("KBQY", FIRM)
    decide_all(hall, done)
    s.journey.make_ready(done.bundle_no)
    agent = CollectorInput("agent", f"陈{EXT_G}", RID, authorisation_letter=True)
    with pytest.raises(UnprintableText) as refused:
        s.journey.collect(done.bundle_no, agent)
    assert "代领人姓名" in refused.value.zh and "U+30000" in refused.value.zh
    states = {c.state for c in s.cases.list_cases() if c.bundle_no == done.bundle_no}
    assert states == {CaseState.CERTIFICATE_ISSUED}
    s.journey.collect(done.bundle_no, CollectorInput("agent", "陈小雅", RID, True))
