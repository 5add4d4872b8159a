"""Cost of an A4 receipt (受理通知书): ms per ``render_paper`` beside a bare reportlab page.

    .venv/bin/python bench/bench_receipt.py [--iterations 200] [--warmup 10]

The baseline is the least any A4 PDF of the same text can cost: a reportlab canvas drawing the
receipt's strings (``paper_text``), cut into 28-character lines at the same 29 pt pitch in the
same embedded font, with no layout engine, barcodes or QR code. Target (issue 18): the receipt
costs at most 2× the baseline.
"""

from __future__ import annotations

import argparse
import io
import itertools
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from clerk_app.documents.paper import PaperFonts, paper_text, render_paper
from clerk_app.documents.paper_data import DocumentKind, HallHeader, MaterialLine, PaperDocument
from clerk_app.documents.signing import new_secret, sign_payload

CASE_NO = "4405002026112600012"
ISSUED = date(2026, 11, 26)
SECRET = new_secret()


def receipt(case_no: str = CASE_NO) -> PaperDocument:
    """A 受理通知书 as a counter prints it: one copy, five materials, both hints."""
    return PaperDocument(
        kind=DocumentKind.RECEIPT,
        title="受理通知书",
        case_no=case_no,
        issued_on=ISSUED,
        hall=HallHeader(
            hall_name="汕头市政务服务中心",
            address="汕头市龙湖区金砂东路政务服务中心一楼",
            phone="0754-88888888",
            progress_hint="登录广东政务服务网或拨打 12345，输入办件编号查询办理进度",
            collect_hint="请于承诺办结日期后凭本通知书到综合窗口领取，或选择邮政寄递",
        ),
        qr_payload=sign_payload(DocumentKind.RECEIPT, case_no, ISSUED, SECRET),
        applicant_name="汕头市某某市政工程有限公司",
        applicant_id_label="统一社会信用代码",
        applicant_id="91440500MA4W1K2X3R",
        item_name="临时占用城市道路审批",
        department_name="汕头市城市管理和综合执法局",
        legal_representative="陈某某",
        agent_name="林某某",
        agent_id="4405**********0014",
        accepted_on=ISSUED,
        due_date=date(2026, 12, 10),
        statutory_days=20,
        promised_days=10,
        materials=tuple(
            MaterialLine(name, "原件1份", "received", core=True)
            for name in ("申请表", "占道施工平面图", "交通疏导方案", "营业执照", "身份证明")
        ),
    )


def bare_page(lines: list[str], font: str) -> bytes:
    """The same strings on A4 with a bare canvas: 28 characters a line, 22 lines a page."""
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4, invariant=1, pageCompression=1, initialFontName=font)
    chunks = [line[i : i + 28] for line in lines for i in range(0, max(len(line), 1), 28)]
    for start in range(0, len(chunks), 22):
        canvas.setFont(font, 15.75)
        for row, chunk in enumerate(chunks[start : start + 22]):
            canvas.drawString(28 * mm, A4[1] - 37 * mm - 15.75 - row * 225 * mm / 22, chunk)
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def timed(actions: list[Callable[[], bytes]], iterations: int, warmup: int) -> list[float]:
    """Median milliseconds per call of each action, after ``warmup`` calls. The actions take
    turns, so a busy machine slows them alike and the ratio stays fair."""
    for _ in range(warmup):
        for action in actions:
            action()
    samples: list[list[float]] = [[] for _ in actions]
    for _ in range(iterations):
        for action, times in zip(actions, samples, strict=True):
            start = time.perf_counter()
            action()
            times.append((time.perf_counter() - start) * 1000)
    return [statistics.median(times) for times in samples]


def measure(iterations: int, warmup: int) -> dict[str, float]:
    """ms per receipt of a new case, of a reprint, and of the bare page; their ratios."""
    fonts = PaperFonts.load(fallbacks=())
    doc = receipt()
    lines = paper_text(doc)
    pages = render_paper(doc, fonts=fonts).count(b"/Type /Page\n")
    serials = itertools.count(1)

    def new_case() -> bytes:  # a case never drawn before: its codes are not cached yet
        return render_paper(receipt(f"44050020261126{next(serials):05d}"), fonts=fonts)

    paper_ms, bare_ms, new_ms = timed(
        [lambda: render_paper(doc, fonts=fonts), lambda: bare_page(lines, fonts.body), new_case],
        iterations,
        warmup,
    )
    return {
        "receipt_ms": new_ms,
        "receipt_bare_ms": bare_ms,
        "receipt_ratio": new_ms / bare_ms,
        "receipt_reprint_ms": paper_ms,
        "receipt_reprint_ratio": paper_ms / bare_ms,
        "receipt_pages": pages,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--iterations", type=int, default=200)
    parser.add_argument("--warmup", type=int, default=10)
    args = parser.parse_args()
    r = measure(args.iterations, args.warmup)
    print(
        f"receipt of a new case: {r['receipt_ms']:.2f} ms per render_paper "
        f"({r['receipt_pages']:.0f} page(s)); bare reportlab A4 with the same text and font: "
        f"{r['receipt_bare_ms']:.2f} ms; ratio {r['receipt_ratio']:.2f}x (target <= 2x); the "
        f"same receipt again (codes cached, as a reprint): {r['receipt_reprint_ms']:.2f} ms, "
        f"{r['receipt_reprint_ratio']:.2f}x; median of {args.iterations} after {args.warmup} "
        "warm-up"
    )


if __name__ == "__main__":
    main()
