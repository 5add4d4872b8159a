"""市民之窗 (issue 17): the kiosk reads a case's progress from its receipt's QR code, on both
databases. The payload is taken as a scanner would see it: decoded from the printed PDF (or, for
the package, from the printed document). Forged or altered paper is refused; the answer holds
the applicant's masked name and nothing else personal."""

from __future__ import annotations

from datetime import date

import pytest

from clerk_app.api import Hall, PermissionDenied, StaffSession
from clerk_app.demo.credit_cases import make_resident_id
from clerk_app.documents.paper_data import DocumentKind
from clerk_app.documents.signing import ForgedPayload, new_secret, sign_payload
from clerk_app.domain.case_states import CaseState
from clerk_app.domain.public_names import masked_name
from clerk_app.domain.task_states import TaskState
from clerk_app.services.cases.results import ApplicantInput, ItemRequest
from tests.documents.paper_readback import decode_page
from tests.support.acceptance import FOOD, firm, firm_uscc, non_core_missing, red_list
from tests.support.db_roles import refused
from tests.test_journey import BUYER, mine, reviewers

PERSON = ApplicantInput("吴家明", "resident_id", make_resident_id("440511", date(1980, 5, 6), 71))
PHONE = "13900002222"


def desk(hall: Hall) -> StaffSession:
    return hall.login("clerk01", "demo", counter=1)


def scanned_qr(pdf: bytes) -> str:
    """The document QR code of the PDF's first page, as a scanner reads it."""
    codes = [t for texts in decode_page(pdf).values() for t in texts if t.startswith("ZW")]
    assert len(codes) == 1, codes
    return codes[0]


def test_a_scanned_receipt_shows_state_due_date_tasks_and_where_to_collect(hall: Hall) -> None:
    s = desk(hall)
    [case] = s.journey.accept_items(PERSON, [ItemRequest(FOOD)], contact_phone=PHONE).cases
    receipt = s.documents.print_document("receipt", case.case_no)
    payload = scanned_qr(receipt.pdf)

    progress = hall.kiosk().progress.case_progress(payload)

    assert progress.key == case.case_no and progress.package_name == ""
    [step] = progress.cases
    assert step.state is CaseState.ACCEPTED and step.state_label == "已受理"
    assert step.item_name == case.item_name and step.due_date == case.due_date
    assert progress.due_date == case.due_date and step.owed == ()
    assert step.task is not None and step.task.state is TaskState.PENDING
    assert progress.applicant == "吴**"
    assert "1号窗口" in progress.collect_at and progress.handed_over == ""
    text = repr(progress)
    assert PERSON.id_value not in text and PHONE not in text and "吴家明" not in text
    assert PERSON.id_value[-4:] not in text  # not even a masked ID


def test_a_tolerant_case_lists_what_is_still_owed(hall: Hall) -> None:
    s = desk(hall)
    red_list(hall, firm_uscc(1))
    [case] = s.cases.tolerant_accept(firm(), [non_core_missing(s, FOOD)], commitment_signed=True)
    payload = scanned_qr(s.documents.print_document("receipt", case.case_no).pdf)

    progress = hall.kiosk().progress.case_progress(payload.lower())  # Caps Lock on: still read

    [step] = progress.cases
    owed = [x.name for x in case.missing]
    assert step.state is CaseState.PENDING_SUPPLEMENT and list(step.owed) == owed
    assert step.supplement_due == case.supplement_due and step.supplement_due is not None
    assert progress.applicant == masked_name(firm().name, person=False)
    text = repr(progress)
    assert firm_uscc(1) not in text and firm().agent_id not in text and "赵六" not in text

    s.cases.record_supplement(case.case_no, case.version)  # handed in: nothing owed any more
    [after] = hall.kiosk().progress.case_progress(payload).cases
    assert after.owed == () and after.state is CaseState.SUPPLEMENTED


def test_a_package_shows_each_department_and_what_a_returned_task_asks_for(hall: Hall) -> None:
    s = desk(hall)
    done = s.journey.accept_package("CLFZR", BUYER, contact_phone=PHONE)
    printed = s.journey.print_paper("package_receipt", done.bundle_no)
    zj = reviewers(hall)["ZJ"]
    [task] = mine(zj, done.bundle_no)
    taken = zj.journey.take(task.case_no, task.version)
    zj.journey.return_for_supplement(taken.case_no, taken.version, "请补交房屋交接书。")

    progress = hall.kiosk().progress.case_progress(printed.document.qr_payload)

    assert progress.key == done.bundle_no and progress.package_name == "存量房转让"
    assert progress.package_due == done.package_due == progress.due_date
    assert [c.case_no for c in progress.cases] == [c.case_no for c in done.cases]
    states = {c.task.department_name: c.task.state for c in progress.cases if c.task}
    assert len(states) == 3 and TaskState.RETURNED in states.values()
    assert progress.owed == ("请补交房屋交接书。",)
    assert BUYER.id_value not in repr(progress) and PHONE not in repr(progress)


def test_forged_altered_and_unknown_payloads_are_refused_in_both_languages(hall: Hall) -> None:
    s = desk(hall)
    [case] = s.cases.accept(PERSON, [ItemRequest(FOOD)])
    payload = s.documents.print_document("receipt", case.case_no).document.qr_payload
    kiosk = hall.kiosk().progress
    body, signature = payload.rsplit(":", 1)
    other = case.case_no[:-1] + ("1" if case.case_no[-1] != "1" else "2")
    altered = payload.replace(case.case_no, other)
    bad_signature = f"{body}:{'A' * len(signature)}"
    foreign = sign_payload(  # a good shape, signed with a key that is not the hall's
        DocumentKind.RECEIPT, case.case_no, date(2026, 12, 3), new_secret(), key_id="K1"
    )
    for text in (altered, bad_signature, foreign, "hello world", "", "ZW2:" + "A" * 500):
        with pytest.raises(ForgedPayload) as refused:
            kiosk.case_progress(text)
        assert refused.value.zh and refused.value.en and refused.value.zh != refused.value.en


def test_only_the_kiosk_and_the_counter_may_read_progress(hall: Hall) -> None:
    s = desk(hall)
    [case] = s.cases.accept(PERSON, [ItemRequest(FOOD)])
    payload = s.documents.print_document("receipt", case.case_no).document.qr_payload
    assert s.progress.case_progress(payload).key == case.case_no
    for session in (hall.display(), hall.evaluator(1)):
        with pytest.raises(PermissionDenied):
            session.progress.case_progress(payload)


@pytest.mark.pg
def test_a_kiosk_pc_on_its_least_privilege_database_role_reads_the_same_progress(
    pg_hall_url: str,
) -> None:
    """``clerk db grants``: the kiosk's role reads no name, ID number, phone or key (issue 16),
    yet shows a genuine receipt's progress exactly as the counter sees it: the name and the
    tracking number come from ``clerk_signed_case`` (migration 0018), for that payload only."""
    from clerk_app.api import Role, open_hall
    from clerk_app.cli import main
    from tests.support.db_roles import login_url
    from tests.test_journey import decide_all

    staff = open_hall(pg_hall_url)
    try:
        s = desk(staff)
        done = s.journey.accept_package("KBQY", firm(), contact_phone=PHONE)
        package = s.journey.print_paper("package_receipt", done.bundle_no).document.qr_payload
        decide_all(staff, done)
        s.journey.make_ready(done.bundle_no)
        s.journey.deliver(done.bundle_no, "SF7788990011", "顺丰速运")
        [case] = s.cases.accept(PERSON, [ItemRequest(FOOD)])
        single = s.documents.print_document("receipt", case.case_no).document.qr_payload
        seen_at_counter = [s.progress.case_progress(p) for p in (package, single)]
    finally:
        staff.close()
    assert main(["--db", pg_hall_url, "db", "grants", "--apply"]) == 0
    kiosk_url = login_url(pg_hall_url, "clerk_kiosk")
    kiosk_hall = open_hall(kiosk_url, device=Role.KIOSK)
    try:
        kiosk = kiosk_hall.kiosk().progress
        assert [kiosk.case_progress(p) for p in (package, single)] == seen_at_counter
        mailed = seen_at_counter[0]
        assert "SF7788990011" in mailed.handed_over and "顺丰速运" in mailed.handed_over
        assert mailed.applicant == masked_name(firm().name, person=False)
        assert seen_at_counter[1].applicant == "吴**"
        body, signature = single.rsplit(":", 1)
        with pytest.raises(ForgedPayload):  # the database checks the signature for the kiosk
            kiosk.case_progress(f"{body}:{'A' * len(signature)}")
        for sql in (
            "SELECT applicant_name FROM cases",
            "SELECT contact_phone FROM cases",
            "SELECT agent_name FROM handovers",
            "SELECT tracking_no FROM handovers",
            "SELECT secret FROM signing_keys",
        ):
            assert refused(kiosk_url, sql), sql
    finally:
        kiosk_hall.close()


@pytest.mark.pg
@pytest.mark.parametrize("secret", [new_secret(), "k" * 10, "b" * 64, "s" * 65, "t" * 128])
def test_the_database_checks_a_signature_as_python_does(pg_hall_url: str, secret: str) -> None:
    """The HMAC-SHA256 of ``clerk_signed_case`` against ``documents.signing``, for a key of
    the usual length (64 hex digits), a short one, one of exactly a block, one byte over and
    the longest the column holds: each genuine payload verifies, each change is refused."""
    import psycopg
    from sqlalchemy.engine import make_url

    from clerk_app.api import open_hall
    from clerk_app.documents.signing import split_payload

    staff = open_hall(pg_hall_url)
    try:
        [case] = desk(staff).cases.accept(PERSON, [ItemRequest(FOOD)])
    finally:
        staff.close()
    url = make_url(pg_hall_url)
    with psycopg.connect(
        host=url.host, port=url.port, user=url.username, dbname=url.database
    ) as conn:
        conn.execute(
            "INSERT INTO signing_keys (key_id, secret, created_at) VALUES ('K9', %s, now())",
            (secret,),
        )

        def verdict(payload: str) -> str:
            parts = split_payload(payload)
            row = conn.execute(
                "SELECT verdict, applicant_name FROM clerk_signed_case(%s, %s, %s)",
                (parts.key_id, parts.body, parts.signature),
            ).fetchone()
            assert row is not None
            return f"{row[0]}:{row[1]}"

        payload = sign_payload(
            DocumentKind.RECEIPT,
            case.case_no,
            date(2026, 12, 4),
            secret,
            key_id="K9",
            printed="内容",
        )
        assert verdict(payload) == "ok:吴家明"
        body, signature = payload.rsplit(":", 1)
        flipped = signature[:-1] + ("A" if signature[-1] != "A" else "B")
        other_day = body.replace(":20261204:", ":20261205:")
        assert verdict(f"{body}:{flipped}") == "mismatch:None"
        assert verdict(f"{other_day}:{signature}") == "mismatch:None"
        assert verdict(payload.replace(":K9:", ":K8:")) == "mismatch:None"  # no such key


@pytest.mark.parametrize(
    ("name", "person", "shown"),
    [
        ("吴家明", True, "吴**"),
        ("欧阳", True, "欧*"),
        ("李", True, "李"),
        ("汕头市测试贸易有限公司", False, "汕头*******公司"),
        ("某公司", False, "某**"),
    ],
)
def test_masked_name(name: str, person: bool, shown: str) -> None:
    assert masked_name(name, person=person) == shown
