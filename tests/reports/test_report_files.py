"""The report's files read back: the workbook with openpyxl (a summary sheet and one per
breakdown, Chinese headers, the totals as numbers), the PDF with pdfium and pdffonts (the
hall's name and range in the title, the totals in its text, fonts embedded, A4, long tables
across pages with their headers repeated); and ``clerk report`` on the command line."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import openpyxl
import pypdfium2 as pdfium
import pytest

from clerk_app.api import Hall
from clerk_app.documents.report_pdf import render_pdf
from clerk_app.documents.report_tables import Column, ColumnKind, ReportDocument, ReportTable
from clerk_app.errors import ValidationError
from clerk_app.services.reports.results import Dimension
from tests.documents.paper_readback import fonts_report, squash
from tests.reports.scenario import DAY1, DAY2, Built, build

SHEETS = ["汇总", "按业务类别", "按窗口", "按窗口人员", "按部门", "按事项"]


@pytest.fixture
def built(hall: Hall) -> Built:
    return build(hall)


def page_texts(pdf: bytes) -> list[str]:
    return [page.get_textpage().get_text_range() for page in pdfium.PdfDocument(pdf)]


def test_the_workbook_has_a_summary_and_a_sheet_per_breakdown(built: Built, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    saved = built.desk.login("supervisor", "demo").reports.save(
        DAY1, DAY2, tmp_path / "月报.xlsx", progress=lambda d, t: seen.append((d, t))
    )
    assert saved.format == "xlsx" and seen[-1][0] == seen[-1][1]
    book = openpyxl.load_workbook(tmp_path / "月报.xlsx")
    assert book.sheetnames == SHEETS
    summary = book["汇总"]
    assert "汕头市政务服务中心" in summary["A1"].value
    assert "2026-06-11 至 2026-06-12" in summary["A2"].value
    assert [c.value for c in summary[3]] == ["指标", "数值", "说明"]
    values = {row[0]: row[1] for row in summary.iter_rows(min_row=4, values_only=True)}
    t = saved.report.total
    assert (values["取号数"], values["已办理"], values["过号"]) == (9, 7, 1)
    assert (values["受理"], values["容缺受理"], values["一次性告知"]) == (2, 2, 1)
    assert (values["不予受理"], values["即办件"], values["评价数"], values["差评"]) == (1, 1, 7, 1)
    assert values["等候中位数(分)"] == pytest.approx(t.wait_p50)
    assert values["最多跑一次率"] == pytest.approx(5 / 6)
    assert values["满意度"] == pytest.approx(43 / 70)
    counters = book["按窗口"]
    headers = [c.value for c in counters[3]]
    assert headers[:4] == ["窗口", "取号数", "已办理", "过号"]
    rows = list(counters.iter_rows(min_row=4, max_row=7, values_only=True))
    expected = saved.report.breakdown(Dimension.COUNTER).rows
    assert [(r[0], r[1], r[7]) for r in rows] == [
        (row.label, row.figures.tickets, row.figures.cases) for row in expected
    ]
    assert sum(r[1] for r in rows) == 9


def test_the_pdf_states_the_hall_range_and_totals_with_its_fonts_embedded(
    built: Built, tmp_path: Path
) -> None:
    saved = built.desk.login("supervisor", "demo").reports.save(DAY1, DAY2, tmp_path / "r.pdf")
    pdf = (tmp_path / "r.pdf").read_bytes()
    pages = page_texts(pdf)
    first = squash(pages[0])
    assert "汕头市政务服务中心业务统计报表统计期间：2026-06-11至2026-06-12" in first
    t = saved.report.total
    for header, value in (
        ("取号数", t.tickets),
        ("已办理", t.served),
        ("过号", t.no_shows),
        ("办件数", t.cases),
        ("容缺受理", t.tolerant),
        ("评价数", t.evaluations),
        ("按期办结率", "50.0%"),
        ("最多跑一次率", "83.3%"),
    ):
        assert re.search(f"{header}{value}", first), (header, value)
    every = squash("".join(pages))
    for title in ("按业务类别统计", "按窗口统计", "按窗口人员统计", "按部门统计", "按事项统计"):
        assert title in every
    document = pdfium.PdfDocument(pdf)
    assert all(tuple(round(x) for x in page.get_size()) == (595, 842) for page in document)
    fonts = fonts_report(pdf, tmp_path)
    assert fonts and all(emb == "yes" and sub == "yes" for _, emb, sub, _ in fonts), fonts


def test_long_tables_flow_across_pages_with_their_header_repeated(tmp_path: Path) -> None:
    rows = tuple((f"事项{n:03d} 临时占用城市道路许可", n, n / 300) for n in range(300))
    doc = ReportDocument(
        "测试大厅业务统计报表",
        "统计期间：2026-06-01 至 2026-06-30",
        (
            ReportTable(
                "按事项",
                "按事项统计",
                (
                    Column("事项", ColumnKind.TEXT),
                    Column("办件数"),
                    Column("比例", ColumnKind.SHARE),
                ),
                rows,
            ),
        ),
    )
    pages = [squash(p) for p in page_texts(render_pdf(doc))]
    assert len(pages) > 3
    assert all("事项办件数比例" in page for page in pages)  # the header row on every page
    assert "事项299临时占用城市道路许可29999.7%" in pages[-1]


def test_a_file_of_another_kind_or_folder_is_refused_before_reading(
    built: Built, tmp_path: Path
) -> None:
    reports = built.desk.login("supervisor", "demo").reports
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(ValidationError, match=r"\.xlsx 或 \.pdf"):
        reports.save(DAY1, DAY2, out / "r.csv")
    with pytest.raises(ValidationError, match="输出目录不存在"):
        reports.save(DAY1, DAY2, out / "missing" / "r.pdf")
    assert list(out.iterdir()) == []


def clerk_cli(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "clerk_app", "--db", url, *args], capture_output=True, text=True
    )


def test_clerk_report_writes_the_file_or_exits_2_with_the_reason(tmp_path: Path) -> None:
    from clerk_app.api import open_hall

    url = f"sqlite:///{tmp_path / 'hall.db'}"
    hall = open_hall(url)
    hall.seed_demo()
    hall.close()
    out = tmp_path / "week.xlsx"
    done = clerk_cli(url, "report", "--from", "2026-01-05", "--to", "2026-01-11", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert "已写出报表" in done.stdout and openpyxl.load_workbook(out).sheetnames == SHEETS
    reversed_range = clerk_cli(
        url, "report", "--from", "2026-01-11", "--to", "2026-01-05", "--out", str(out)
    )
    assert reversed_range.returncode == 2 and "晚于结束日期" in reversed_range.stderr
    future = clerk_cli(
        url, "report", "--from", "2999-01-01", "--to", "2999-01-02", "--out", "x.pdf"
    )
    assert future.returncode == 2 and "不能晚于今天" in future.stderr
    unknown = clerk_cli(
        url,
        "--lang",
        "en",
        "report",
        "--from",
        "2026-01-05",
        "--to",
        "2026-01-11",
        "--out",
        str(tmp_path / "c.pdf"),
        "--counter",
        "99",
    )
    assert unknown.returncode == 2 and "There is no counter 99." in unknown.stderr
    assert not (tmp_path / "c.pdf").exists()
    bad_date = clerk_cli(
        url, "report", "--from", "June", "--to", "2026-01-11", "--out", str(tmp_path / "x.pdf")
    )
    assert bad_date.returncode == 2 and "格式不对" in bad_date.stderr
    assert not (tmp_path / "x.pdf").exists()
