"""The document service on SQLite and PostgreSQL: which kinds fit, records, 补打, verification."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import threading
from collections.abc import Callable
from datetime import date, datetime, timedelta

import pypdfium2 as pdfium
import pytest
from sqlalchemy import delete, func, select

from clerk_app.api import Hall, StaffSession, open_hall
from clerk_app.documents.paper import render_paper
from clerk_app.documents.paper_data import DocumentKind
from clerk_app.documents.signing import ForgedPayload, new_secret, sign_payload
from clerk_app.errors import PermissionDenied, ValidationError
from clerk_app.persistence.models import AuditLog
from clerk_app.persistence.models_cases import Case, SigningKey
from clerk_app.persistence.models_cases import PrintedDocument as PrintRow
from clerk_app.services.cases.results import CaseInfo, ItemRequest
from clerk_app.services.documents.snapshots import from_snapshot
from tests.support.acceptance import (
    FOOD,
    ROAD,
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
ROAD_DETAILS = {
    "location": "汕头市龙湖区长平路88号门前人行道",
    "area_m2": "12.5",
    "period_from": "2026-11-27",
    "period_to": "2026-12-05",
    "purpose": "店面装修临时堆放材料",
}


@pytest.fixture
def clock() -> MovableClock:
    return MovableClock()


@pytest.fixture
def desk(hall: Hall, clock: MovableClock) -> Hall:
    return at(hall, clock)


def pdf_text(pdf: bytes) -> str:
    doc = pdfium.PdfDocument(pdf)
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in doc)
    finally:
        doc.close()


def records(hall: Hall) -> int:
    with hall.db.read() as s:
        return s.scalar(select(func.count()).select_from(PrintRow)) or 0


# --- cases in each shape, made through the cases API ------------------------------------------
def accepted(s: StaffSession, hall: Hall) -> CaseInfo:
    return s.cases.accept(firm(), [ItemRequest(FOOD)])[0]


def tolerant(s: StaffSession, hall: Hall) -> CaseInfo:
    red_list(hall, firm_uscc(1))
    return s.cases.tolerant_accept(firm(), [non_core_missing(s, FOOD)], commitment_signed=True)[0]


def supplemented(s: StaffSession, hall: Hall) -> CaseInfo:
    case = tolerant(s, hall)
    return s.cases.record_supplement(case.case_no, case.version)


def not_accepted(s: StaffSession, hall: Hall) -> CaseInfo:
    req = request(s, FOOD, 申请书="missing", 平面布局图="wrong")
    return s.cases.one_time_notice(person(), [req])[0]


def rejected(s: StaffSession, hall: Hall) -> CaseInfo:
    return s.cases.reject(
        firm(),
        [ItemRequest(FOOD)],
        reason="申请事项依法不属于本机关职权范围",
        legal_basis="《中华人民共和国行政许可法》第三十二条第一款第（二）项",
        competent_body="广东省市场监督管理局",
    )[0]


def road_permit(s: StaffSession, hall: Hall) -> CaseInfo:
    return s.cases.issue_instant(person(), [ItemRequest(ROAD)], permit_details=ROAD_DETAILS)[0]


def denied(s: StaffSession, hall: Hall) -> CaseInfo:
    case = accepted(s, hall)
    case = s.cases.review(case.case_no, case.version)
    return s.cases.deny(case.case_no, case.version, "场所不符合要求", "《食品安全法》第三十五条")


FITS: list[tuple[Callable[[StaffSession, Hall], CaseInfo], set[DocumentKind]]] = [
    (accepted, {K.RECEIPT}),
    (tolerant, {K.COMMITMENT, K.RECEIPT}),
    (supplemented, {K.COMMITMENT, K.RECEIPT, K.SUPPLEMENT}),
    (not_accepted, {K.NOTICE}),
    (rejected, {K.REJECTION}),
    (road_permit, {K.RECEIPT, K.COMPLETION, K.PERMIT}),
    (denied, {K.RECEIPT, K.COMPLETION}),
]


@pytest.mark.parametrize(("make", "fit"), FITS, ids=[m.__name__ for m, _ in FITS])
def test_each_kind_prints_where_it_fits_and_is_refused_elsewhere(
    desk: Hall, make: Callable[[StaffSession, Hall], CaseInfo], fit: set[DocumentKind]
) -> None:
    s = clerk(desk)
    case = make(s, desk)
    assert set(s.documents.kinds_for(case.case_no)) == fit
    for kind in DocumentKind:
        if kind in fit:
            printed = s.documents.print_document(kind, case.case_no)
            assert printed.pdf.startswith(b"%PDF") and not printed.reprint
            assert printed.case_no in pdf_text(printed.pdf)
            continue
        before = records(desk)
        with pytest.raises(ValidationError) as refused:
            s.documents.print_document(kind.value, case.case_no)
        message = refused.value.zh
        assert case.case_no in message and "当前状态为" in message and "可打印" in message
        assert records(desk) == before


def test_print_order_and_titles(desk: Hall) -> None:
    s = clerk(desk)
    case = supplemented(s, desk)
    assert s.documents.kinds_for(case.case_no) == [K.COMMITMENT, K.RECEIPT, K.SUPPLEMENT]
    road = road_permit(s, desk)
    titles = [s.documents.print_document(k, road.case_no).title for k in (K.RECEIPT, K.PERMIT)]
    assert titles == ["即办件受理回执", "临时占用城市道路许可证"]
    assert s.documents.print_document(K.RECEIPT, accepted(s, desk).case_no).title == "受理通知书"


def test_a_reprint_is_the_same_document_marked_and_points_to_the_original(
    desk: Hall, clock: MovableClock
) -> None:
    s = clerk(desk)
    case = accepted(s, desk)
    first = s.documents.print_document("receipt", case.case_no)
    clock.set_local(datetime(2026, 11, 27, 9, 0))  # the next day: still the same document
    again = clerk(desk, 2).documents.print_document(K.RECEIPT, case.case_no)
    assert (again.reprint, again.original_id) == (True, first.record_id)
    assert again.issued_on == first.issued_on == date(2026, 11, 26)
    assert again.document.qr_payload == first.document.qr_payload and again.document.reprint
    assert again.pdf != first.pdf and again.pdf_sha256 != first.pdf_sha256
    history = s.documents.history(case.case_no)
    assert [(h.reprint, h.reprint_of, h.counter_no) for h in history] == [
        (False, None, 1),
        (True, first.record_id, 2),
    ]
    assert history[0].pdf_sha256 == first.pdf_sha256
    with desk.db.read() as db:
        snapshots = db.scalars(select(PrintRow.content).order_by(PrintRow.id)).all()
        actions = db.scalars(
            select(AuditLog.action).where(AuditLog.target == f"case:{case.case_no}")
        ).all()
    for snapshot in snapshots:  # the recorded snapshot redraws, unmarked, to the original
        redraw = render_paper(from_snapshot(snapshot))
        assert hashlib.sha256(redraw).hexdigest() == first.pdf_sha256
    assert actions.count("document_printed") == 1 and actions.count("document_reprinted") == 1


def test_a_changed_case_gets_a_new_original(desk: Hall) -> None:
    s = clerk(desk)
    case = tolerant(s, desk)
    notice = s.documents.print_document(K.RECEIPT, case.case_no)
    case = s.cases.record_supplement(case.case_no, case.version)
    # The acceptance notice says what was owed at acceptance: a supplement does not change it.
    assert s.documents.print_document(K.RECEIPT, case.case_no).original_id == notice.record_id
    receipt = s.documents.print_document(K.SUPPLEMENT, case.case_no)
    assert not receipt.reprint
    case = s.cases.review(case.case_no, case.version)
    assert s.documents.print_document(K.SUPPLEMENT, case.case_no).reprint


def test_supplement_receipt_changes_with_each_supplement(desk: Hall) -> None:
    red_list(desk, firm_uscc(1))
    s = clerk(desk)
    req = request(s, FOOD, 营业执照="missing", 管理人员="missing")
    [case] = s.cases.tolerant_accept(firm(), [req], commitment_signed=True)
    owed = [x.material_id for x in case.missing]
    case = s.cases.record_supplement(case.case_no, case.version, [owed[0]])
    first = s.documents.print_document(K.SUPPLEMENT, case.case_no)
    assert "尚未补正" in " ".join(first.document.paragraphs)
    case = s.cases.record_supplement(case.case_no, case.version)
    second = s.documents.print_document(K.SUPPLEMENT, case.case_no)
    assert not second.reprint and second.record_id != first.record_id
    assert "全部补齐" in " ".join(second.document.paragraphs)


def test_tolerant_receipt_lists_the_missing_materials_deadline_and_consequence(
    desk: Hall,
) -> None:
    s = clerk(desk)
    case = tolerant(s, desk)
    [owed] = case.missing
    printed = s.documents.print_document(K.RECEIPT, case.case_no)
    doc = printed.document
    assert doc.title == "容缺受理通知书" and doc.copies == ("申请人留存", "档案留存")
    assert [m.name for m in doc.materials if m.status == "missing"] == [owed.name]
    assert doc.supplement_due == case.supplement_due
    text = pdf_text(printed.pdf)
    assert owed.name in text and "信用" in text and case.case_no in text
    commitment = s.documents.print_document(K.COMMITMENT, case.case_no).document
    assert (
        sum(p.startswith(("一、", "二、", "三、", "四、", "五、")) for p in commitment.paragraphs)
        == 5
    )


def test_one_time_notice_lists_every_fault_with_requirement_and_note(desk: Hall) -> None:
    s = clerk(desk)
    case = not_accepted(s, desk)
    doc = s.documents.print_document(K.NOTICE, case.case_no).document
    assert {m.status for m in doc.materials} == {"missing", "wrong"}
    assert all(m.requirement and m.note for m in doc.materials)


def test_rejection_names_reason_basis_body_and_appeal(desk: Hall) -> None:
    s = clerk(desk)
    doc = s.documents.print_document(K.REJECTION, rejected(s, desk).case_no).document
    assert doc.competent_body == "广东省市场监督管理局" and "第三十二条" in doc.legal_basis
    assert "六十日" in doc.appeal and "六个月" in doc.appeal and "行政复议法" in doc.appeal


def test_resident_ids_are_masked_and_a_uscc_is_printed_in_full(desk: Hall) -> None:
    s = clerk(desk)
    applicant = person()
    case = s.cases.issue_instant(applicant, [ItemRequest(ROAD)], permit_details=ROAD_DETAILS)[0]
    printed = s.documents.print_document(K.PERMIT, case.case_no)
    masked = applicant.id_value[:4] + "*" * 10 + applicant.id_value[-4:]
    assert printed.document.applicant_id == masked
    assert applicant.id_value not in str(printed.document)
    assert applicant.id_value not in pdf_text(printed.pdf)
    firm_doc = s.documents.print_document(K.RECEIPT, accepted(s, desk).case_no).document
    assert firm_doc.applicant_id == firm().id_value
    assert "*" in firm_doc.agent_id and firm().agent_id not in str(firm_doc)


def test_road_permit_states_its_details(desk: Hall) -> None:
    s = clerk(desk)
    printed = s.documents.print_document(K.PERMIT, road_permit(s, desk).case_no)
    permit = printed.document.permit
    assert permit is not None
    assert (permit.location, permit.area_m2, permit.period_to) == (
        ROAD_DETAILS["location"],
        "12.5",
        date(2026, 12, 5),
    )
    assert permit.conditions and permit.permit_no.startswith("XK")
    assert permit.location in pdf_text(printed.pdf)


@pytest.mark.parametrize(
    ("change", "fragment"),
    [
        ({"area_m2": "-3"}, "面积"),
        ({"area_m2": "大约十平方"}, "面积"),
        ({"period_from": "2026-12-05", "period_to": "2026-12-01"}, "早于"),
        ({"period_to": "2027-12-31"}, "最长"),
        ({"location": ""}, "location"),
        ({"period_from": "2026-13-01"}, "月份应为 1 至 12"),
        ({"period_to": "2027-02-29"}, "2027年2月没有29日"),
        ({"period_from": "12/05/2026"}, "格式"),
    ],
)
def test_bad_permit_details_are_refused_and_nothing_is_saved(
    desk: Hall, change: dict[str, str], fragment: str
) -> None:
    s = clerk(desk)
    before = footprint(desk)
    with pytest.raises(ValidationError) as refused:
        s.cases.issue_instant(person(), [ItemRequest(ROAD)], permit_details=ROAD_DETAILS | change)
    assert fragment in refused.value.zh and refused.value.en
    assert footprint(desk) == before


def test_road_permit_without_details_is_not_printable(desk: Hall) -> None:
    s = clerk(desk)
    [case] = s.cases.issue_instant(person(), [ItemRequest(ROAD)])  # an existing caller
    assert K.PERMIT not in s.documents.kinds_for(case.case_no)
    with pytest.raises(ValidationError, match="占用地点、面积和期限"):
        s.documents.print_document(K.PERMIT, case.case_no)


def test_verify_accepts_a_printed_payload_and_refuses_an_altered_one(desk: Hall) -> None:
    s = clerk(desk)
    case = road_permit(s, desk)
    printed = s.documents.print_document(K.PERMIT, case.case_no)
    payload = printed.document.qr_payload
    result = desk.login("supervisor", "demo").documents.verify(payload + "\n")
    assert (result.kind, result.case_no, result.issued_on) == (
        K.PERMIT,
        case.case_no,
        date(2026, 11, 26),
    )
    assert result.recorded and result.title == "临时占用城市道路许可证" and result.genuine
    assert result.case_state == "certificate_issued"
    other_case = payload.replace(case.case_no, case.case_no[:-1] + "9")
    for forged in (
        other_case,
        payload.replace(":PERMIT:", ":RECEIPT:"),
        payload[:-1] + ("B" if payload.endswith("A") else "A"),
        "x",
    ):
        with pytest.raises(ForgedPayload):
            s.documents.verify(forged)
    foreign = sign_payload(K.PERMIT, case.case_no, date(2026, 11, 26), new_secret())
    with pytest.raises(ForgedPayload):
        s.documents.verify(foreign)


def test_a_genuine_payload_without_a_print_record_says_so(desk: Hall) -> None:
    s = clerk(desk)
    case = accepted(s, desk)
    with desk.db.read() as db:
        secret = db.get_one(SigningKey, "K1").secret
    payload = sign_payload(K.RECEIPT, case.case_no, date(2026, 11, 20), secret, key_id="K1")
    result = s.documents.verify(payload)
    assert not result.recorded and result.case_state == "accepted"


def test_the_secret_is_created_once_when_missing(desk: Hall) -> None:
    with desk.db.write() as db:
        db.execute(delete(SigningKey))
    s = clerk(desk)
    with pytest.raises(ForgedPayload):
        s.documents.verify(sign_payload(K.RECEIPT, "4405002026112600001", date(2026, 11, 26), "k"))
    printed = s.documents.print_document(K.RECEIPT, accepted(s, desk).case_no)
    assert s.documents.verify(printed.document.qr_payload).recorded
    with desk.db.read() as db:
        secret = db.get_one(SigningKey, "K1").secret
        logged = db.scalars(select(AuditLog.after)).all()
    assert len(secret) == 64 and all(secret not in str(a) for a in logged)


def test_unknown_kind_and_roles(desk: Hall) -> None:
    s = clerk(desk)
    case = accepted(s, desk)
    with pytest.raises(ValidationError, match="receipt, notice"):
        s.documents.print_document("reciept", case.case_no)
    with pytest.raises(PermissionDenied):
        desk.kiosk().documents.print_document(K.RECEIPT, case.case_no)
    with pytest.raises(PermissionDenied):
        desk.display().documents.verify("ZW1")
    assert desk.login("supervisor", "demo").documents.print_document("RECEIPT", case.case_no)


def test_unprintable_text_records_nothing(desk: Hall) -> None:
    """A name the fonts cannot print is refused at entry (``services.paper_text``); one stored
    before (another font, an old version) makes its print fail whole, recording nothing."""
    from sqlalchemy import update

    from clerk_app.documents.fonts import UnprintableText

    s = clerk(desk)
    rare = "王\U0002a6a5"  # a rare character (CJK Extension C) the paper fonts lack
    with pytest.raises(UnprintableText):
        s.cases.accept(person(name=rare), [ItemRequest(FOOD)])
    [case] = s.cases.accept(person(name="王五"), [ItemRequest(FOOD)])
    with desk.db.write() as db:
        db.execute(update(Case).where(Case.case_no == case.case_no).values(applicant_name=rare))
    before = records(desk)
    with pytest.raises(UnprintableText):
        s.documents.print_document(K.RECEIPT, case.case_no)
    assert records(desk) == before


def test_demo_hall_cases_print(desk: Hall) -> None:
    s = desk.system()
    for case in s.cases.list_cases():
        for kind in s.documents.kinds_for(case.case_no):
            assert s.documents.print_document(kind, case.case_no).pdf


def test_an_original_is_dated_the_day_it_is_first_printed(desk: Hall, clock: MovableClock) -> None:
    s = clerk(desk)
    case = road_permit(s, desk)
    clock.set_local(datetime(2026, 11, 26, 10, 0) + timedelta(days=7))
    printed = s.documents.print_document(K.PERMIT, case.case_no)
    assert printed.issued_on == date(2026, 12, 3) and not printed.reprint
    with desk.db.read() as db:
        assert db.scalar(select(Case.permit_details).where(Case.case_no == case.case_no))


@pytest.mark.pg
def test_two_counters_printing_the_first_copy_at_once_make_one_original(
    pg_hall_url: str,
) -> None:
    hall = open_hall(pg_hall_url)
    try:
        case_no = hall.system().cases.list_cases(state="accepted")[0].case_no
        sessions = [clerk(hall, n) for n in (1, 2, 3, 4)]
        barrier = threading.Barrier(len(sessions))
        results: list[bool] = []

        def print_once(s: StaffSession) -> None:
            barrier.wait()
            results.append(s.documents.print_document(K.RECEIPT, case_no).reprint)

        threads = [threading.Thread(target=print_once, args=(s,)) for s in sessions]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert sorted(results) == [False, True, True, True]
        history = hall.system().documents.history(case_no)
        [original] = [h for h in history if not h.reprint]
        assert all(h.reprint_of == original.record_id for h in history if h.reprint)
    finally:
        hall.close()


def test_an_original_that_no_longer_redraws_identically_is_issued_anew(desk: Hall) -> None:
    """If the renderer or a font changed, the recorded snapshot cannot be reproduced: a 补打
    would not be the same paper, so a new original is issued and the drift audit-logged."""
    s = clerk(desk)
    case = accepted(s, desk)
    first = s.documents.print_document(K.RECEIPT, case.case_no)
    with desk.db.write() as db:  # as if the first PDF had been drawn by another renderer
        db.get_one(PrintRow, first.record_id).pdf_sha256 = "0" * 64
    again = s.documents.print_document(K.RECEIPT, case.case_no)
    assert not again.reprint and again.original_id is None
    with desk.db.read() as db:
        audits = db.scalars(
            select(AuditLog.after).where(AuditLog.action == "document_printed")
        ).all()
    assert [a.get("redraw_drift") for a in audits[-2:]] == [None, True]
    assert s.documents.print_document(K.RECEIPT, case.case_no).original_id == again.record_id


def test_reportlab_loads_at_the_first_drawing_not_with_the_services() -> None:
    """A desk starts without the renderer (reportlab, Pillow, the barcode libraries)."""
    code = (
        "import sys, clerk_app.api\n"
        "heavy = {'reportlab', 'PIL', 'segno', 'barcode'}\n"
        "print(sorted(heavy & {name.split('.')[0] for name in sys.modules}))\n"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert loaded.strip() == "[]"
