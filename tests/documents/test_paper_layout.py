"""The paper as a reader meets it (issue 12, defect 10): what comes first, where lines break,
what a permit cites, how many pages a notice takes, and long text that flows onto further pages.

Every check reads the PDF the document service or the renderer produced.
"""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest
from paper_readback import squash

from clerk_app.api import Hall, StaffSession
from clerk_app.documents.paper_data import DocumentKind
from clerk_app.services.cases.results import CaseInfo, ItemRequest
from tests.support.acceptance import FOOD, ROAD, MovableClock, at, clerk, firm, person

K = DocumentKind


@pytest.fixture
def desk(hall: Hall) -> Hall:
    return at(hall, MovableClock())


def pdf_text(pdf: bytes) -> str:
    doc = pdfium.PdfDocument(pdf)
    try:
        return "".join(page.get_textpage().get_text_range() for page in doc)
    finally:
        doc.close()


def rejected(s: StaffSession) -> CaseInfo:
    return s.cases.reject(
        firm(),
        [ItemRequest(FOOD)],
        reason="申请事项依法不属于本机关职权范围",
        legal_basis="《中华人民共和国行政许可法》第三十二条第一款第（二）项",
        competent_body="广东省市场监督管理局",
    )[0]


def denied(s: StaffSession) -> CaseInfo:
    case = s.cases.accept(firm(), [ItemRequest(FOOD)])[0]
    case = s.cases.review(case.case_no, case.version)
    return s.cases.deny(case.case_no, case.version, "经营场所不符合要求", "《食品安全法》第三十五条")


def in_order(text: str, *parts: str) -> list[int]:
    where = [text.find(squash(part)) for part in parts]
    assert -1 not in where, list(zip(parts, where, strict=True))
    return where


# --- a. the opening paragraph before the reasons and the appeal route ------------------------
def test_a_rejection_opens_then_gives_reasons_basis_and_appeal(desk: Hall) -> None:
    s = clerk(desk)
    printed = s.documents.print_document(K.REJECTION, rejected(s).case_no)
    text = squash(pdf_text(printed.pdf))
    where = in_order(
        text,
        "决定不予受理，理由及依据如下",
        "不予受理理由",
        "申请事项依法不属于本机关职权范围",
        "法律依据",
        "第三十二条第一款",
        "有权受理机关",
        "救济途径",
        "如不服本决定",
    )
    assert where == sorted(where)


def test_a_denial_opens_then_gives_reasons_basis_and_appeal(desk: Hall) -> None:
    s = clerk(desk)
    printed = s.documents.print_document(K.COMPLETION, denied(s).case_no)
    text = squash(pdf_text(printed.pdf))
    where = in_order(
        text,
        "决定不予许可",
        "办理结果说明：经营场所不符合要求",
        "法律依据：《食品安全法》第三十五条",
        "救济途径：如不服本决定",
    )
    assert where == sorted(where)


# --- c. the road permit cites its legal basis -------------------------------------------------
ROAD_DETAILS = {
    "location": "汕头市龙湖区长平路88号门前人行道",
    "area_m2": "12.5",
    "period_from": "2026-11-27",
    "period_to": "2026-12-05",
    "purpose": "店面装修临时堆放材料",
}


def test_the_road_permit_prints_its_legal_basis_on_its_one_page(desk: Hall) -> None:
    s = clerk(desk)
    [case] = s.cases.issue_instant(person(), [ItemRequest(ROAD)], permit_details=ROAD_DETAILS)
    printed = s.documents.print_document(K.PERMIT, case.case_no)
    assert printed.document.legal_basis == "《城市道路管理条例》第三十一条"
    text = squash(pdf_text(printed.pdf))
    where = in_order(text, "许可事项：", "法律依据：《城市道路管理条例》第三十一条", "占用地点：")
    assert where == sorted(where)
    assert len(pdfium.PdfDocument(printed.pdf)) == 1
