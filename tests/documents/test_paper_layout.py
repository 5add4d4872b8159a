"""The paper as a reader meets it (issue 12, defect 10): what comes first, where lines break,
what a permit cites, how many pages a notice takes, and long text that flows onto further pages.

Every check reads the PDF the document service or the renderer produced.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import replace

import pypdfium2 as pdfium
import pytest
from paper_readback import outside_text_block, page_texts, printed_lines, read_back, squash
from paper_samples import samples

from clerk_app.api import Hall, StaffSession
from clerk_app.documents.paper import PaperFonts, paper_text, render_paper, running_header
from clerk_app.documents.paper.linebreak import CLOSING, OPENING, line_ends
from clerk_app.documents.paper_data import DocumentKind, MaterialLine, PaperDocument
from clerk_app.errors import ValidationError
from clerk_app.services.cases.checklist import NOTE_MAX_LEN, REASON_MAX_LEN
from clerk_app.services.cases.results import CaseInfo, ItemRequest, MaterialCheck
from tests.support.acceptance import (
    FOOD,
    ROAD,
    SETUP,
    MovableClock,
    at,
    clerk,
    firm,
    firm_uscc,
    footprint,
    non_core_missing,
    person,
    red_list,
    request,
)

K = DocumentKind
SAMPLES = samples()


@pytest.fixture(scope="module")
def fonts() -> PaperFonts:
    return PaperFonts.load(fallbacks=())


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
    return s.cases.deny(
        case.case_no, case.version, "经营场所不符合要求", "《食品安全法》第三十五条"
    )


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


# --- b. Chinese line breaking (禁则) -----------------------------------------------------------
def test_line_ends_hang_one_closing_mark_and_push_back_before_two() -> None:
    def lines(text: str, per_line: int = 5) -> list[str]:
        ends = line_ends(text, [1.0] * len(text), [float(per_line)])
        return [text[a:b] for a, b in zip([0, *ends], ends, strict=False)]

    assert lines("一二三四五。六七") == ["一二三四五。", "六七"]  # hangs in the margin
    assert lines("一二三四五”。六") == ["一二三四", "五”。六"]  # 推出: two marks move down
    assert lines("一二三四《五六》") == ["一二三四", "《五六》"]  # an opening mark never ends
    assert lines("一二三四（二）。") == ["一二三四", "（二）。"]
    assert lines("一二AB12X九", 4) == ["一二AB", "12X九"]  # a run wider than a line splits
    assert lines("一二三AB12九", 6) == ["一二三", "AB12九"]  # a number stays whole
    assert lines("一二三四——五") == ["一二三四", "——五"]  # —— is never split


TOKENS = ("91440500MA4W1K2X3R", "4405002026112600012", "XK4405002026112600001", "0754-88888888")
PATTERNS = (
    "申请”。然后",
    "第（二）项。下文",
    "如下，理由",
    "依照《中华人民共和国行政复议法》的规定",
    "“食品经营许可”申请，",
    *(f"编号{token}的" for token in TOKENS),
)


def test_no_printed_line_starts_with_a_closing_mark_or_ends_with_an_opening_one(
    fonts: PaperFonts,
) -> None:
    # Each pattern is shifted one character at a time, so that a line break falls on each of
    # its characters: right before 。 ” ， 》, right after 《 “ （, inside each number.
    texts = tuple("汉" * shift + pattern + "字" * 6 for pattern in PATTERNS for shift in range(30))
    doc = replace(SAMPLES[K.COMPLETION], paragraphs=texts)
    pdf = render_paper(doc, fonts=fonts)
    lines = printed_lines(pdf)
    assert len(lines) > len(texts)  # many paragraphs wrapped
    starts = [line for line in lines if line[0] in CLOSING]
    ends = [line for line in lines if line[-1] in OPENING]
    assert (starts, ends) == ([], [])
    for token in TOKENS:  # whole on one line, every time it is printed
        printed = "".join(lines).count(token)
        assert printed >= 30 and sum(line.count(token) for line in lines) == printed, token
    assert read_back(pdf, doc).text == squash("".join(paper_text(doc)))
    assert outside_text_block(pdf) == []


def test_the_documents_of_a_case_break_lines_by_the_rules(desk: Hall) -> None:
    s = clerk(desk)
    pdfs = [s.documents.print_document(K.REJECTION, rejected(s).case_no).pdf]
    case = s.cases.one_time_notice(person(), [request(s, FOOD, 申请书="missing", 平面="wrong")])[0]
    pdfs.append(s.documents.print_document(K.NOTICE, case.case_no).pdf)
    for pdf in pdfs:
        lines = printed_lines(pdf)
        assert [line for line in lines if line[0] in CLOSING or line[-1] in OPENING] == []


# --- e. long text flows onto further pages; the service refuses what is too long -------------
def noted(s: StaffSession, note: str) -> ItemRequest:
    """Every material of the food licence marked wrong, each with ``note``."""
    item = s.catalog.get_item(FOOD)
    return ItemRequest(FOOD, tuple(MaterialCheck(m.id, "wrong", note=note) for m in item.materials))


def test_notes_at_the_limit_print_across_pages(desk: Hall) -> None:
    s = clerk(desk)
    note = ("复印件未加盖公章，且与原件不一致；" * 20)[:NOTE_MAX_LEN]
    [case] = s.cases.one_time_notice(person(), [noted(s, note)])
    assert {x.note for x in case.submissions} == {note}
    printed = s.documents.print_document(K.NOTICE, case.case_no)
    got = read_back(printed.pdf, printed.document)
    # Every character of every note is printed; a row split across a page break prints the top
    # of each of its cells on one page and the rest on the next, so compare the characters.
    assert Counter(got.text) == Counter(squash("".join(paper_text(printed.document))))
    assert got.text.count("不符合要求") == len(case.submissions)
    assert len(got.page_numbers) >= 3 and got.page_numbers == list(
        range(1, len(got.page_numbers) + 1)
    )
    assert outside_text_block(printed.pdf) == []


def test_one_long_note_flows_onto_further_pages(fonts: PaperFonts) -> None:
    # A single table row taller than a page (a note of 2,000 characters, which the service
    # would refuse) still prints: the renderer never raises LayoutError on long text.
    doc = SAMPLES[K.NOTICE]
    long = MaterialLine("营业执照", "复印件1份", "wrong", "复印件未加盖公章。" * 222)
    doc = replace(doc, materials=(long, *doc.materials))
    pdf = render_paper(doc, fonts=fonts)
    got = read_back(pdf, doc)
    assert got.text == squash("".join(paper_text(doc)))
    assert len(got.page_numbers) >= 4


@pytest.mark.parametrize(
    ("decide", "field"),
    [
        (lambda s, long: s.cases.one_time_notice(person(), [noted(s, long)]), "的说明"),
        (lambda s, long: s.cases.accept(firm(), [noted(s, long)]), "的说明"),
        (
            lambda s, long: s.cases.reject(
                firm(), [ItemRequest(FOOD)], reason=long * 3, legal_basis="第三十二条"
            ),
            "不予受理理由",
        ),
        (
            lambda s, long: s.cases.reject(
                firm(), [ItemRequest(FOOD)], reason="理由", legal_basis=long
            ),
            "法律依据",
        ),
        (
            lambda s, long: s.cases.reject(
                firm(), [ItemRequest(FOOD)], reason="理由", legal_basis="依据", competent_body=long
            ),
            "有权受理机关",
        ),
    ],
    ids=["notice note", "accept note", "reason", "basis", "competent body"],
)
def test_text_over_its_limit_is_refused_and_nothing_is_saved(
    desk: Hall, decide: Callable[[StaffSession, str], object], field: str
) -> None:
    s = clerk(desk)
    before = footprint(desk)
    long = "字" * (NOTE_MAX_LEN + 1)
    with pytest.raises(ValidationError) as refused:
        decide(s, long)
    assert field in refused.value.zh and "不能超过" in refused.value.zh
    assert "未保存任何内容" in refused.value.zh and refused.value.en
    assert footprint(desk) == before


def test_a_denial_over_its_limit_is_refused_and_the_case_is_unchanged(desk: Hall) -> None:
    s = clerk(desk)
    case = s.cases.accept(firm(), [ItemRequest(FOOD)])[0]
    case = s.cases.review(case.case_no, case.version)
    with pytest.raises(ValidationError, match="不予许可理由不能超过"):
        s.cases.deny(case.case_no, case.version, "字" * (REASON_MAX_LEN + 1), "第三十五条")
    assert s.cases.get(case.case_no).version == case.version


# --- d. each copy on the pages its content needs ----------------------------------------------
def copy_starts(pdf: bytes, doc: PaperDocument) -> list[int]:
    """The pages (from 0) whose text after the running header starts with a copy's label."""
    header = squash("".join(running_header(doc)))
    texts = [squash(text)[len(header) :] for text in page_texts(pdf)]
    return [i for i, text in enumerate(texts) if text.startswith(doc.copies)]


@pytest.mark.parametrize("item_code", [FOOD, SETUP])
def test_a_typical_tolerant_notice_takes_two_pages_a_copy(desk: Hall, item_code: str) -> None:
    # 6 materials, 1 owed: before, each copy took 3 pages, the third holding a line or two.
    red_list(desk, firm_uscc(1))
    s = clerk(desk)
    [case] = s.cases.tolerant_accept(
        firm(), [non_core_missing(s, item_code)], commitment_signed=True
    )
    for kind in (K.RECEIPT, K.COMMITMENT):
        printed = s.documents.print_document(kind, case.case_no)
        got = read_back(printed.pdf, printed.document)
        assert got.page_numbers == [1, 2, 1, 2], kind
        assert copy_starts(printed.pdf, printed.document) == [0, 2]
        assert got.text == squash("".join(paper_text(printed.document)))


def test_an_ordinary_receipt_takes_its_two_pages(desk: Hall) -> None:
    s = clerk(desk)
    [case] = s.cases.accept(firm(), [ItemRequest(FOOD)])
    printed = s.documents.print_document(K.RECEIPT, case.case_no)
    assert read_back(printed.pdf, printed.document).page_numbers == [1, 2]
