"""The case journey on both databases: one acceptance of a 一件事, parallel decisions in each
department's inbox, the result back to the window, paper read back, and every bad input of
issue 17 refused with the database unchanged."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest
from sqlalchemy import delete, func, select

from clerk_app.api import Hall, StaffSession
from clerk_app.demo.credit_cases import make_resident_id, make_uscc
from clerk_app.documents.paper.bodies import paper_text
from clerk_app.documents.paper.text import cn_date
from clerk_app.domain.case_states import CaseState
from clerk_app.domain.task_states import TaskState
from clerk_app.errors import Conflict, PermissionDenied, ValidationError
from clerk_app.persistence.models import AuditLog, User
from clerk_app.persistence.models_cases import Case, PrintedDocument, SigningKey
from clerk_app.persistence.models_journey import (
    CaseVisit,
    Handover,
    Notification,
    Package,
    PackageItem,
    PackageMaterial,
    Task,
)
from clerk_app.services.cases.results import ApplicantInput, ItemRequest
from clerk_app.services.journey.results import (
    CollectorInput,
    PackageAcceptance,
    PackageInput,
    TaskInfo,
)

FIRM = ApplicantInput(
    "汕头市龙湖区测试创业有限公司",
    "uscc",
    make_uscc("440507", "MA5T9Q1W"),
    legal_representative="李创业",
    agent_name="李创业",
    agent_id=make_resident_id("440507", date(1988, 1, 9), 15),
)
BUYER = ApplicantInput("吴家明", "resident_id", make_resident_id("440511", date(1980, 5, 6), 33))
AGENT_ID = make_resident_id("440507", date(1993, 3, 3), 44)
PHONE = "13900001111"
TABLES = (
    Case,
    Task,
    Handover,
    Notification,
    CaseVisit,
    Package,
    PackageItem,
    PackageMaterial,
    AuditLog,
    PrintedDocument,
)


def pdf_text(pdf: bytes) -> str:
    """The PDF's text with every blank and line break taken out (cells wrap)."""
    document = pdfium.PdfDocument(pdf)
    try:
        text = "".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()
    return "".join(text.split())


def snapshot(hall: Hall) -> dict[str, list[str]]:
    with hall.db.read() as s:
        return {
            t.__tablename__: sorted(repr(tuple(r)) for r in s.execute(select(t.__table__)))
            for t in TABLES
        }


def unchanged(hall: Hall, act: Callable[[], Any], error: type[Exception]) -> Exception:
    """Runs ``act``, which must raise ``error`` and leave every journey table as it was."""
    before = snapshot(hall)
    with pytest.raises(error) as refused:
        act()
    assert snapshot(hall) == before
    return refused.value


def desk(hall: Hall) -> StaffSession:
    return hall.login("clerk01", "demo", counter=1)


def reviewers(hall: Hall) -> dict[str, StaffSession]:
    with hall.db.read() as s:
        names = s.scalars(select(User.username).where(User.role == "reviewer")).all()
    sessions = [hall.login(n, "demo") for n in names]
    with hall.db.read() as s:
        from clerk_app.persistence.models import Department

        codes = {d.id: d.code for d in s.scalars(select(Department))}
    return {codes[r.actor.department_id]: r for r in sessions if r.actor.department_id}


def mine(session: StaffSession, bundle_no: str) -> list[TaskInfo]:
    return [t for t in session.journey.inbox() if (t.bundle_no or t.case_no) == bundle_no]


def decide_all(hall: Hall, done: PackageAcceptance, deny: str = "") -> None:
    """Each department takes its task from its own inbox and decides it."""
    by_dept = reviewers(hall)
    for task in done.tasks:
        r = by_dept[task.department_code]
        [seen] = [t for t in mine(r, done.bundle_no) if t.case_no == task.case_no]
        taken = r.journey.take(seen.case_no, seen.version)
        assert taken.state is TaskState.TAKEN
        if task.department_code == deny:
            r.journey.deny(
                taken.case_no, taken.version, "未按规定缴销已领发票。", "《发票管理办法》"
            )
        else:
            assert r.journey.approve(taken.case_no, taken.version).state is TaskState.APPROVED


def test_business_start_from_ticket_to_collection(hall: Hall, tmp_path: Path) -> None:
    ticket = hall.kiosk().queue.take_ticket("A")
    s = desk(hall)
    package = s.journey.get_package("KBQY")
    assert package.items[0].item_name == "企业设立登记" and package.promised_days == 2
    done = s.journey.accept_package("KBQY", FIRM, ticket_id=ticket.id, contact_phone=PHONE)
    assert len(done.cases) == 5 and len({t.department_code for t in done.tasks}) == 5
    assert all(t.state is TaskState.PENDING and t.due_date <= done.package_due for t in done.tasks)
    assert {c.bundle_no for c in done.cases} == {done.bundle_no}

    receipt = s.journey.print_paper("package_receipt", done.bundle_no)
    text = pdf_text(receipt.pdf)
    assert "一件事受理回执" in text and "开办企业" in text and done.bundle_no in text
    for c in done.cases:
        assert c.department_name in text and cn_date(c.due_date) in text  # type: ignore[arg-type]
    assert "一件事承诺办结日期：" + cn_date(done.package_due) in text
    assert text.count("营业执照副本复印件") == 1  # a shared material is listed (and checked) once
    checked = s.documents.verify(receipt.document.qr_payload)  # its QR verifies, print recorded
    assert checked.recorded and checked.title == "一件事受理回执"
    assert checked.case_no == done.bundle_no

    decide_all(hall, done)
    ready = s.journey.make_ready(done.bundle_no)
    assert {c.state for c in ready} == {CaseState.CERTIFICATE_ISSUED}
    again = hall.kiosk().queue.take_ticket("A")
    handed = s.journey.collect(
        done.bundle_no, CollectorInput("agent", "陈小雅", AGENT_ID, True), ticket_id=again.id
    )
    assert handed.agent_id_masked == "4405**********" + AGENT_ID[-4:]
    assert {c.state for c in handed.cases} == {CaseState.COLLECTED}
    paper = pdf_text(s.journey.print_paper("collection", done.bundle_no).pdf)
    assert "领证回执" in paper and "陈小雅" in paper and AGENT_ID not in paper
    assert all(c.permit_no and c.permit_no in paper for c in handed.cases)
    with hall.db.read() as db:
        stored = db.scalars(select(Handover).where(Handover.bundle_no == done.bundle_no)).one()
        assert AGENT_ID not in repr(stored.__dict__) and len(stored.agent_id_ref) == 64

    journeys = s.journey.journeys([c.case_no for c in done.cases])
    assert {j.visits for j in journeys.values()} == {2} and {
        j.package for j in journeys.values()
    } == {"KBQY"}

    out = tmp_path / "sms.jsonl"
    assert hall.system().journey.export_outbox(out).written >= 3
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    keys = [x["key"] for x in lines if done.bundle_no in x["key"]]
    assert keys == [
        f"accepted:{done.bundle_no}",
        f"concluded:{done.bundle_no}",
        f"ready:{done.bundle_no}",
    ]
    assert {x["phone"] for x in lines if done.bundle_no in x["key"]} == {PHONE}
    assert hall.system().journey.export_outbox(tmp_path / "again.jsonl").written == 0


def test_a_partial_denial_is_explained_on_paper_and_collected(hall: Hall) -> None:
    s = desk(hall)
    done = s.journey.accept_package("KBQY", FIRM, contact_phone=PHONE)
    assert s.journey.print_paper  # accepted
    with pytest.raises(ValidationError):
        s.journey.make_ready(done.bundle_no)  # nobody decided yet
    decide_all(hall, done, deny="SW")
    cases = {c.department_name: c for c in s.journey.make_ready(done.bundle_no)}
    denied = cases["国家税务总局汕头市税务局"]
    assert denied.state is CaseState.DENIED and denied.decision_reason == "未按规定缴销已领发票。"
    assert sum(c.state is CaseState.CERTIFICATE_ISSUED for c in cases.values()) == 4
    text = pdf_text(s.journey.print_paper("partial_denial", done.bundle_no).pdf)
    assert "部分事项不予许可告知书" in text and "发票申领" in text
    assert "未按规定缴销已领发票" in text and "《发票管理办法》" in text and "行政复议" in text
    s.journey.collect(done.bundle_no, CollectorInput("applicant"))
    receipt = pdf_text(s.journey.print_paper("collection", done.bundle_no).pdf)
    assert "不予许可" in receipt and "申请人本人" in receipt


def test_a_house_transfer_returned_for_supplement_finishes_after_it(hall: Hall) -> None:
    s = desk(hall)
    first = hall.kiosk().queue.take_ticket("C")
    done = s.journey.accept_package("CLFZR", BUYER, ticket_id=first.id, contact_phone=PHONE)
    by_dept = reviewers(hall)
    zj = by_dept["ZJ"]
    [task] = mine(zj, done.bundle_no)
    taken = zj.journey.take(task.case_no, task.version)
    back = zj.journey.return_for_supplement(taken.case_no, taken.version, "请补交房屋交接书。")
    assert back.state is TaskState.RETURNED
    for code in ("BDC", "SW"):
        [t] = mine(by_dept[code], done.bundle_no)
        t = by_dept[code].journey.take(t.case_no, t.version)
        by_dept[code].journey.approve(t.case_no, t.version)
    with pytest.raises(ValidationError):
        s.journey.make_ready(done.bundle_no)  # 住建局 still waits for the supplement
    second = hall.kiosk().queue.take_ticket("C")
    pending = s.journey.record_task_supplement(
        back.case_no, back.version, ticket_id=second.id, note="交接书已收取"
    )
    assert pending.state is TaskState.PENDING
    [again] = mine(zj, done.bundle_no)
    again = zj.journey.take(again.case_no, again.version)
    zj.journey.approve(again.case_no, again.version)
    ready = s.journey.make_ready(done.bundle_no)
    assert {c.state for c in ready} == {CaseState.CERTIFICATE_ISSUED}
    visits = s.journey.journeys([back.case_no])[back.case_no].visits
    assert visits == 2
    with hall.db.read() as db:
        reasons = db.scalars(select(CaseVisit.reason).order_by(CaseVisit.id)).all()
    assert reasons[-1] == "supplement"


def test_a_cross_city_case_prints_its_transfer_slip(hall: Hall) -> None:
    s = desk(hall)
    done = s.journey.accept_items(BUYER, [ItemRequest("440500-GA-201")])
    [case] = done.cases
    journey = s.journey.journeys([case.case_no])[case.case_no]
    assert journey.authority == "广州市公安局" and journey.receiving_hall == "汕头市政务服务中心"
    slip = pdf_text(s.journey.print_paper("transfer_slip", case.case_no).pdf)
    assert "材料流转单" in slip and "广州市公安局" in slip and "户口迁移申请表" in slip
    assert "受理机构：汕头市政务服务中心" in slip
    local = s.journey.accept_package("KBQY", FIRM)
    unchanged(
        hall, lambda: s.journey.print_paper("transfer_slip", local.bundle_no), ValidationError
    )


def test_bad_inputs_are_refused_and_change_nothing(hall: Hall) -> None:
    admin = hall.login("admin", "demo")
    over = PackageInput(
        "KBQY", "开办企业", 4, tuple(i.item_code for i in admin.journey.get_package("KBQY").items)
    )
    refused = unchanged(hall, lambda: admin.journey.save_package(over), ValidationError)
    assert "企业设立登记" in refused.zh and "statutory" in refused.en  # type: ignore[attr-defined]
    # a new package never replaces one of the same code (the admin page's "new package")
    taken = PackageInput("KBQY", "另一件事", 1, over.item_codes)
    again = unchanged(hall, lambda: admin.journey.save_package(taken, new=True), ValidationError)
    assert again.field == "code" and "KBQY" in again.en  # type: ignore[attr-defined]

    s = desk(hall)
    done = s.journey.accept_package("KBQY", FIRM)
    by_dept = reviewers(hall)
    [t] = mine(by_dept["SCJG"], done.bundle_no)
    scjg = by_dept["SCJG"].journey
    # another department may neither take nor decide it, nor see it in its inbox
    ga = by_dept["GA"].journey
    assert all(x.department_code == "GA" for x in ga.inbox())
    unchanged(hall, lambda: ga.take(t.case_no, t.version), PermissionDenied)
    taken = scjg.take(t.case_no, t.version)
    unchanged(hall, lambda: ga.approve(taken.case_no, taken.version), PermissionDenied)
    unchanged(hall, lambda: scjg.deny(taken.case_no, taken.version, "", "依据"), ValidationError)
    unchanged(hall, lambda: scjg.deny(taken.case_no, taken.version, "理由", " "), ValidationError)
    unchanged(hall, lambda: s.journey.approve(taken.case_no, taken.version), PermissionDenied)
    decided = scjg.approve(taken.case_no, taken.version)
    twice = unchanged(hall, lambda: scjg.approve(decided.case_no, decided.version), ValidationError)
    assert "不能重复决定" in twice.zh  # type: ignore[attr-defined]
    # a colleague acting on the version seen before the decision loses, nothing saved
    unchanged(hall, lambda: scjg.approve(taken.case_no, taken.version), Conflict)
    unchanged(
        hall, lambda: scjg.deny(decided.case_no, decided.version, "理由", "依据"), ValidationError
    )

    decide_rest(hall, done)
    s.journey.make_ready(done.bundle_no)
    no_letter = CollectorInput("agent", "陈小雅", AGENT_ID, authorisation_letter=False)
    unchanged(hall, lambda: s.journey.collect(done.bundle_no, no_letter), ValidationError)
    bad_id = CollectorInput(
        "agent",
        "陈小雅",
        AGENT_ID[:-1] + ("0" if AGENT_ID[-1] != "0" else "1"),
        authorisation_letter=True,
    )
    unchanged(hall, lambda: s.journey.collect(done.bundle_no, bad_id), ValidationError)

    s.journey.deliver(done.bundle_no, "sf1234567890", "顺丰速运")
    other = s.journey.accept_items(BUYER, [ItemRequest("440500-GA-201")])
    by_dept = reviewers(hall)
    [t2] = mine(by_dept["GA"], other.bundle_no)
    gz = by_dept["GA"].journey
    t2 = gz.take(t2.case_no, t2.version)
    gz.approve(t2.case_no, t2.version)
    s.journey.make_ready(other.bundle_no)
    used = unchanged(
        hall, lambda: s.journey.deliver(other.bundle_no, "SF1234567890"), ValidationError
    )
    assert "SF1234567890" in used.zh and "已登记" in used.zh  # type: ignore[attr-defined]
    unchanged(hall, lambda: s.journey.deliver(done.bundle_no, "SF0000000001"), ValidationError)
    unchanged(
        hall,
        lambda: s.journey.collect(done.bundle_no, CollectorInput("applicant")),
        ValidationError,
    )

    ticket = hall.kiosk().queue.take_ticket("D")
    assert s.journey.record_visit(other.bundle_no, ticket.id, "consult") == 1
    later = hall.kiosk().queue.take_ticket("D")
    unchanged(
        hall, lambda: s.journey.record_visit(other.bundle_no, later.id, "accept"), ValidationError
    )
    assert s.journey.record_visit(other.bundle_no, later.id, "collect") == 2


def decide_rest(hall: Hall, done: PackageAcceptance) -> None:
    for code, r in reviewers(hall).items():
        for t in mine(r, done.bundle_no):
            if t.state is TaskState.PENDING:
                t = r.journey.take(t.case_no, t.version)
            if t.state is TaskState.TAKEN:
                r.journey.approve(t.case_no, t.version)
        assert code


def test_cli_lists_cases_with_package_authority_and_visits_and_the_tasks(
    hall: Hall, hall_url: str, tmp_path: Path
) -> None:
    def clerk(*args: str) -> Any:
        result = subprocess.run(
            [sys.executable, "-m", "clerk_app", "--db", hall_url, *args],
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout

    rows = json.loads(clerk("cases", "list", "--json"))
    assert all({"package", "authority", "visits"} <= set(r) for r in rows)
    assert {r["package"] for r in rows} >= {"KBQY", "CLFZR", None}
    assert "广州市公安局" in {r["authority"] for r in rows}
    tasks = json.loads(clerk("tasks", "list", "--json"))
    assert {"case_no", "department", "state", "due_date"} <= set(tasks[0])
    assert {t["state"] for t in tasks} == {s.value for s in TaskState}
    [moved] = [r["case_no"] for r in rows if r["authority"] == "广州市公安局"]
    slip = tmp_path / "slip.pdf"
    clerk("print", "transfer_slip", moved, "--out", str(slip))
    assert "材料流转单" in pdf_text(slip.read_bytes())
    out = tmp_path / "sms.jsonl"
    clerk("outbox", "export", str(out))
    assert out.read_text(encoding="utf-8").count("\n") >= 5


def test_a_groups_visit_counts_on_every_case_or_on_none(hall: Hall) -> None:
    """One user action, one transaction: the 出件 screen records one visit for a whole group; a
    case of it that refuses the reason leaves every other case uncounted too."""
    s = desk(hall)
    came = hall.kiosk().queue.take_ticket("D")
    [visited] = s.journey.accept_items(
        BUYER, [ItemRequest("440500-GA-201")], ticket_id=came.id
    ).cases
    [fresh] = s.journey.accept_items(BUYER, [ItemRequest("440500-GA-201")]).cases
    group = [fresh.case_no, visited.case_no]

    def counted() -> dict[str, int]:
        return {n: j.visits for n, j in s.journey.journeys(group).items()}

    assert counted() == {fresh.case_no: 0, visited.case_no: 1}
    again = hall.kiosk().queue.take_ticket("D")
    unchanged(hall, lambda: s.journey.record_visit(group, again.id, "accept"), ValidationError)
    assert counted() == {fresh.case_no: 0, visited.case_no: 1}
    unchanged(hall, lambda: s.journey.record_visit([], again.id, "collect"), ValidationError)
    assert s.journey.record_visit(group, again.id, "collect") == 2
    assert counted() == {fresh.case_no: 1, visited.case_no: 2}
    assert s.journey.record_visit(group, again.id, "collect") == 2  # the same ticket: once


def test_a_groups_paper_printed_again_is_a_reprint_of_its_original(hall: Hall) -> None:
    """The 一件事受理回执 printed twice: the second is the same document marked 补打, pointing to
    the original (as a case's documents are); once the group changed what the paper says (a
    handover), its 领证回执 is a new original."""
    s = desk(hall)
    done = s.journey.accept_package("KBQY", FIRM, contact_phone=PHONE)
    first = s.journey.print_paper("package_receipt", done.bundle_no)
    again = s.journey.print_paper("package_receipt", done.bundle_no)
    assert not first.reprint and (again.reprint, again.original_id) == (True, first.record_id)
    assert again.document.qr_payload == first.document.qr_payload and again.document.reprint
    assert again.issued_on == first.issued_on
    with hall.db.read() as db:
        actions = [
            a for (a,) in db.execute(select(AuditLog.action).where(AuditLog.action.like("doc%")))
        ]
    assert actions == ["document_printed", "document_reprinted"]

    decide_all(hall, done)
    s.journey.make_ready(done.bundle_no)
    s.journey.collect(done.bundle_no, CollectorInput("applicant"))
    receipt = s.journey.print_paper("collection", done.bundle_no)
    assert not receipt.reprint and receipt.document.title == "领证回执"
    assert s.journey.print_paper("collection", done.bundle_no).original_id == receipt.record_id


def test_a_groups_paper_is_previewed_as_it_would_print_and_nothing_is_written(
    hall: Hall,
) -> None:
    """The preview of a 一件事受理回执 says what the print then says and writes nothing: no
    print, no audit row, not even the hall's document key where it is missing; after the print,
    the preview shows the 补打 that printing again would be."""
    s = desk(hall)
    done = s.journey.accept_package("KBQY", FIRM, contact_phone=PHONE)
    with hall.db.write() as db:  # a hall whose key is gone: a preview must not make one
        db.execute(delete(SigningKey))
    before = snapshot(hall)

    preview = s.journey.draw_paper_preview("package_receipt", done.bundle_no)
    lines = s.journey.preview_paper_text("package_receipt", done.bundle_no)
    assert snapshot(hall) == before
    with hall.db.read() as db:
        assert db.scalar(select(func.count()).select_from(SigningKey)) == 0
    assert not preview.document.reprint and preview.document.title == "一件事受理回执"
    assert done.bundle_no in pdf_text(preview.pdf)
    assert "汕头市龙湖区测试创业有限公司" in pdf_text(preview.pdf)

    printed = s.journey.print_paper("package_receipt", done.bundle_no)
    assert paper_text(printed.document) == lines
    after = snapshot(hall)
    again = s.journey.preview_paper("package_receipt", done.bundle_no)
    assert again.reprint and snapshot(hall) == after


def test_a_package_receipt_prints_each_due_date_on_one_line(hall: Hall) -> None:
    """The table's date column takes 2026年12月28日 whole: a date broken after 月 reads wrongly."""
    s = desk(hall)
    done = s.journey.accept_package("KBQY", FIRM, contact_phone=PHONE)
    document = pdfium.PdfDocument(s.journey.print_paper("package_receipt", done.bundle_no).pdf)
    try:
        text = document[0].get_textpage().get_text_range()
    finally:
        document.close()
    dues = {c.due_date for c in s.journey.tasks_of(done.bundle_no)}
    assert dues and all(cn_date(due) in text for due in dues), text
