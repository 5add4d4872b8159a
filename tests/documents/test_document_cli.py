"""`clerk print` writes a document's PDF; `clerk verify` says whether a QR payload is genuine."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pypdfium2 as pdfium

from clerk_app.api import open_hall
from clerk_app.documents.paper_data import DocumentKind


def clerk(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "clerk_app", "--db", url, *args],
        capture_output=True,
        text=True,
    )


def first_case(url: str, state: str, *, instant: bool = False) -> str:
    """The newest case in ``state`` (``instant``: of an instant item, the only kind whose
    permit the hall prints; the demo's 一件事 cases are promised ones, issue 17)."""
    hall = open_hall(url)
    try:
        cases = hall.system().cases.list_cases(state=state)
        return next(c for c in cases if not instant or c.item_kind == "instant").case_no
    finally:
        hall.close()


def pdf_text(path: Path) -> str:
    doc = pdfium.PdfDocument(path)
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in doc)
    finally:
        doc.close()


def test_print_writes_the_pdf_then_a_reprint(hall_url: str, tmp_path: Path) -> None:
    case_no = first_case(hall_url, "pending_supplement")
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "receipt.pdf"
    result = clerk(hall_url, "print", "receipt", case_no, "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "容缺受理通知书" in result.stdout and case_no in result.stdout
    text = pdf_text(out)
    assert case_no in text and "容缺受理通知书" in text
    assert [p.name for p in out.parent.iterdir()] == ["receipt.pdf"]  # no temporary file left
    again = clerk(hall_url, "print", "receipt", case_no, "--out", str(tmp_path / "again.pdf"))
    assert again.returncode == 0 and "补打" in again.stdout
    hall = open_hall(hall_url)
    history = hall.system().documents.history(case_no)
    hall.close()
    assert [h.reprint for h in history] == [False, True]
    assert all(h.printed_by.startswith("system:") for h in history)


def test_print_refuses_a_wrong_kind_clearly(hall_url: str, tmp_path: Path) -> None:
    case_no = first_case(hall_url, "accepted")
    out = tmp_path / "x.pdf"
    unknown = clerk(hall_url, "print", "reciept", case_no, "--out", str(out))
    assert unknown.returncode == 2 and "receipt, notice" in unknown.stderr
    unfit = clerk(hall_url, "print", "permit", case_no, "--out", str(out))
    assert unfit.returncode == 2 and "可打印" in unfit.stderr and case_no in unfit.stderr
    english = clerk(hall_url, "--lang", "en", "print", "notice", case_no, "--out", str(out))
    assert english.returncode == 2 and "cannot be printed" in english.stderr
    missing_dir = clerk(hall_url, "print", "receipt", case_no, "--out", str(tmp_path / "no/x.pdf"))
    assert missing_dir.returncode == 2 and "不存在" in missing_dir.stderr
    assert not out.exists()
    hall = open_hall(hall_url)
    assert hall.system().documents.history(case_no) == []
    hall.close()


def test_verify_says_genuine_or_forged(hall_url: str) -> None:
    case_no = first_case(hall_url, "certificate_issued", instant=True)
    hall = open_hall(hall_url)
    printed = hall.system().documents.print_document(DocumentKind.PERMIT, case_no)
    hall.close()
    payload = printed.document.qr_payload
    genuine = clerk(hall_url, "verify", payload)
    assert genuine.returncode == 0, genuine.stderr
    assert genuine.stdout.startswith("真") and case_no in genuine.stdout
    assert printed.issued_on.isoformat() in genuine.stdout and "有打印记录" in genuine.stdout
    altered = payload.replace(case_no, case_no[:-1] + ("1" if case_no[-1] != "1" else "2"))
    forged = clerk(hall_url, "verify", altered)
    assert forged.returncode == 1 and forged.stdout.startswith("假")
    english = clerk(hall_url, "--lang", "en", "verify", "ZW1:NOPE")
    assert english.returncode == 1 and english.stdout.startswith("FORGED")
