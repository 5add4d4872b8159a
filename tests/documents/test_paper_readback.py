"""A4 documents read back, every kind: fonts embedded, text exact, codes decode and verify."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from paper_readback import (
    MM,
    decode_page,
    fonts_report,
    outside_text_block,
    page_texts,
    read_back,
    squash,
)
from paper_samples import CASE_NO, FULL_ID, MASKED_ID, SECRET, samples

from clerk_app.documents.paper import (
    REPRINT_FOOTER,
    REPRINT_MARK,
    PaperFonts,
    paper_text,
    render_paper,
)
from clerk_app.documents.paper_data import DocumentKind, MaterialLine
from clerk_app.documents.signing import ForgedPayload, new_secret, sign_payload, verify_payload

SAMPLES = samples()
KINDS = list(SAMPLES)


@pytest.fixture(scope="module")
def fonts() -> PaperFonts:
    return PaperFonts.load(fallbacks=())


@pytest.fixture(scope="module")
def pdfs(fonts: PaperFonts) -> dict[DocumentKind, bytes]:
    return {kind: render_paper(doc, fonts=fonts) for kind, doc in SAMPLES.items()}


def test_there_is_a_sample_of_every_kind() -> None:
    assert set(SAMPLES) == set(DocumentKind)


@pytest.mark.parametrize("kind", KINDS)
def test_every_font_is_embedded_as_a_subset(
    kind: DocumentKind, pdfs: dict[DocumentKind, bytes], tmp_path: Path
) -> None:
    pdf = pdfs[kind]
    rows = fonts_report(pdf, tmp_path)
    assert rows
    for name, emb, sub, uni in rows:
        assert (emb, sub, uni) == ("yes", "yes", "yes"), name
    assert pdf.count(b"/FontFile2") == len(rows)
    assert b"Helvetica" not in pdf


@pytest.mark.parametrize("reprint", [False, True])
@pytest.mark.parametrize("kind", KINDS)
def test_text_reads_back_exactly(kind: DocumentKind, reprint: bool, fonts: PaperFonts) -> None:
    doc = replace(SAMPLES[kind], reprint=reprint)
    got = read_back(render_paper(doc, fonts=fonts), doc)
    assert got.text == squash("".join(paper_text(doc)))


def test_paper_text_says_what_the_receipt_is_for() -> None:
    lines = paper_text(SAMPLES[DocumentKind.RECEIPT])
    for line in (
        f"办件编号：{CASE_NO}",
        "申请人留存",
        "档案留存",
        "汕头市政务服务中心",
        "容缺受理通知书",
        "办理时限：法定20个工作日，承诺10个工作日",
        "承诺办结日期：2026年12月10日",
        "补正期限：2026年12月3日",
        "2026年11月26日",
    ):
        assert line in lines
    assert any(line.startswith("1. 交通疏导方案") for line in lines)
    assert any(line.startswith("领取方式：") for line in lines)
    assert any(line.startswith("进度查询：") for line in lines)


def test_copies_start_on_a_new_page_with_their_label_and_own_page_numbers(
    pdfs: dict[DocumentKind, bytes],
) -> None:
    doc = SAMPLES[DocumentKind.COMMITMENT]
    pdf = pdfs[DocumentKind.COMMITMENT]
    header = squash("".join(paper_text(doc)[:1]))
    starts = [
        i
        for i, t in enumerate(page_texts(pdf))
        if squash(t)[len(header) :].startswith(("申请人留存", "档案留存"))
    ]
    pages = len(pdfium.PdfDocument(pdf))
    assert starts == [0, pages // 2]
    numbers = read_back(pdf, doc).page_numbers
    per_copy = pages // 2
    expected = list(range(1, per_copy + 1)) if per_copy > 1 else [None]
    assert numbers == expected * 2
    text = "".join(page_texts(pdf))
    for label in ("承诺人签字：", "经办人签字：", "日期：", "五、逾期未补正的"):
        assert label in text


@pytest.mark.parametrize("kind", KINDS)
def test_codes_on_every_page_decode_and_verify(
    kind: DocumentKind, pdfs: dict[DocumentKind, bytes]
) -> None:
    doc = SAMPLES[kind]
    for page in range(len(pdfium.PdfDocument(pdfs[kind]))):
        found = decode_page(pdfs[kind], page, dpi=200)
        assert found == {"Code128": [CASE_NO], "QRCode": [doc.qr_payload]} or found == {
            "Code 128": [CASE_NO],
            "QR Code": [doc.qr_payload],
        }, found
    signed = verify_payload(doc.qr_payload, SECRET)
    assert (signed.kind, signed.case_no, signed.issued_on) == (kind, CASE_NO, doc.issued_on)


def test_an_altered_payload_is_refused(pdfs: dict[DocumentKind, bytes]) -> None:
    found = decode_page(pdfs[DocumentKind.PERMIT])
    payload = next(texts[0] for fmt, texts in found.items() if "QR" in fmt)
    verify_payload(payload, SECRET)
    for position in (4, 12, len(payload) - 1):  # kind, case number, signature
        changed = "A" if payload[position] != "A" else "B"
        with pytest.raises(ForgedPayload):
            verify_payload(payload[:position] + changed + payload[position + 1 :], SECRET)
    with pytest.raises(ForgedPayload):
        verify_payload(payload, new_secret())
    other_case = sign_payload(
        DocumentKind.PERMIT, "4405002026112600013", date(2026, 11, 26), SECRET
    )
    forged = other_case.rsplit(":", 1)[0] + ":" + payload.rsplit(":", 1)[1]
    with pytest.raises(ForgedPayload):
        verify_payload(forged, SECRET)


_RESIDENT_ID = re.compile(r"(?<![0-9])[0-9]{17}[0-9Xx](?![0-9Xx])")


@pytest.mark.parametrize("kind", KINDS)
def test_a_masked_id_never_unmasks(kind: DocumentKind, pdfs: dict[DocumentKind, bytes]) -> None:
    pdf = pdfs[kind]
    text = "".join(page_texts(pdf))
    assert MASKED_ID in text
    assert FULL_ID not in text
    assert not _RESIDENT_ID.search(text)
    metadata = " ".join(str(v) for v in pdfium.PdfDocument(pdf).get_metadata_dict().values())
    assert not _RESIDENT_ID.search(metadata)
    codes = " ".join(t for texts in decode_page(pdf).values() for t in texts)
    assert FULL_ID not in codes and MASKED_ID not in codes


def test_the_id_pattern_would_catch_an_unmasked_id(fonts: PaperFonts) -> None:
    # The check above can fail: a document given the full number prints it.
    doc = replace(SAMPLES[DocumentKind.RECEIPT], agent_id=FULL_ID, copies=())
    text = "".join(page_texts(render_paper(doc, fonts=fonts)))
    assert _RESIDENT_ID.findall(text) == [FULL_ID]


def test_same_document_same_bytes_and_reprint_adds_the_mark(fonts: PaperFonts) -> None:
    doc = SAMPLES[DocumentKind.RECEIPT]
    first = render_paper(doc, fonts=fonts)
    assert render_paper(doc, fonts=fonts) == first
    reprint = render_paper(replace(doc, reprint=True), fonts=fonts)
    assert reprint != first
    assert REPRINT_MARK not in "".join(page_texts(first))
    for page in page_texts(reprint):  # on every page: at the top and at the foot
        assert squash(page).startswith(REPRINT_MARK)
        assert squash(page).endswith(REPRINT_FOOTER)
    assert paper_text(replace(doc, reprint=True)) == [
        REPRINT_MARK,
        *paper_text(doc),
        REPRINT_FOOTER,
    ]


def test_another_process_draws_the_same_bytes(pdfs: dict[DocumentKind, bytes]) -> None:
    # A reprint is drawn later, by another process: nothing may depend on process state (font
    # registration order, subset names, caches, time).
    script = (
        "import sys, dataclasses; from paper_samples import samples; "
        "from clerk_app.documents.paper import PaperFonts, render_paper; "
        "from clerk_app.documents.paper_data import DocumentKind; "
        "doc = dataclasses.replace(samples()[DocumentKind.PERMIT], qr_payload=sys.argv[1]); "
        "sys.stdout.buffer.write(render_paper(doc, fonts=PaperFonts.load(fallbacks=())))"
    )  # the samples' secret is new in each process: the payload is passed on
    here = Path(__file__).resolve().parent
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(here), str(here.parent.parent)])}
    other = subprocess.run(
        [sys.executable, "-c", script, SAMPLES[DocumentKind.PERMIT].qr_payload],
        capture_output=True,
        check=True,
        env=env,
    ).stdout
    assert other == pdfs[DocumentKind.PERMIT]


def test_pages_are_a4_and_text_stays_in_the_text_block(pdfs: dict[DocumentKind, bytes]) -> None:
    for pdf in pdfs.values():
        for page in pdfium.PdfDocument(pdf):
            assert page.get_size() == pytest.approx((210 * MM, 297 * MM), abs=0.01)
        assert outside_text_block(pdf) == []


def test_long_content_flows_onto_numbered_pages(fonts: PaperFonts) -> None:
    materials = tuple(
        MaterialLine(f"第{i}项材料：建设工程规划许可证及附图", "原件及复印件各1份", "missing")
        for i in range(1, 41)
    )
    doc = replace(SAMPLES[DocumentKind.NOTICE], materials=materials)
    pdf = render_paper(doc, fonts=fonts)
    got = read_back(pdf, doc)
    assert got.text == squash("".join(paper_text(doc)))
    assert len(got.page_numbers) >= 3
    assert got.page_numbers == list(range(1, len(got.page_numbers) + 1))
    for page in range(len(got.page_numbers)):
        assert CASE_NO in decode_page(pdf, page).get(
            "Code128", decode_page(pdf, page).get("Code 128", [])
        )


def test_a_long_case_number_moves_its_barcode_to_the_foot(fonts: PaperFonts) -> None:
    case_no = "ABCDEFGHJK" * 4  # 40 characters: too wide beside the QR code
    doc = replace(
        SAMPLES[DocumentKind.REJECTION],
        case_no=case_no,
        qr_payload=sign_payload(DocumentKind.REJECTION, case_no, date(2026, 11, 26), SECRET),
    )
    pdf = render_paper(doc, fonts=fonts)
    found = decode_page(pdf)
    assert sorted(t for texts in found.values() for t in texts) == sorted([case_no, doc.qr_payload])
    assert read_back(pdf, doc).text == squash("".join(paper_text(doc)))


def test_a_permit_without_details_is_refused(fonts: PaperFonts) -> None:
    from clerk_app.errors import ValidationError

    with pytest.raises(ValidationError, match="许可证"):
        render_paper(replace(SAMPLES[DocumentKind.PERMIT], permit=None), fonts=fonts)


def test_default_fonts_come_from_the_environment() -> None:
    doc = SAMPLES[DocumentKind.COMPLETION]
    assert read_back(render_paper(doc), doc).text == squash("".join(paper_text(doc)))
