"""Tests of the ticket slip: the PDF read back (text, fonts, barcodes), the ESC/POS bytes, fonts."""

from __future__ import annotations

import io
import itertools
import subprocess
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pypdfium2 as pdfium
import pytest
import zxingcpp
from escpos.printer import Dummy
from PIL import Image

from clerk_app.documents import fonts
from clerk_app.documents.barcodes import code128_png, image_size_mm, qr_png, qr_rows
from clerk_app.documents.escpos_ticket import (
    PrinterUnavailable,
    open_printer,
    print_ticket_escpos,
)
from clerk_app.documents.fonts import (
    FONT_ENV,
    FontUnavailable,
    UnprintableText,
    find_cjk_font,
    known_font_paths,
    missing_glyphs,
    register_cjk_font,
    require_glyphs,
)
from clerk_app.documents.ticket_slip import (
    REPRINT_MARK,
    TicketSlip,
    ticket_barcode_data,
    ticket_pdf,
    ticket_qr_payload,
)
from clerk_app.errors import ConfigError, ValidationError
from clerk_app.i18n import set_language

WQY = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")  # scripts/setup.sh installs it
RARE = "\U00020000"  # 𠀀, CJK Extension B: not in WenQuanYi Micro Hei
MM = 72 / 25.4

SLIP = TicketSlip(
    hall_name="某某市政务服务中心",
    ticket_number="A012",
    ticket_id=12,
    category_name="不动产登记",
    ahead=5,
    wait_minutes=23,
    taken_at=datetime(2025, 3, 14, 9, 5),
    priority_label="老年人优先",
    masked_identity="1101**********002X",
)


@pytest.fixture
def english() -> Iterator[None]:
    set_language("en")
    yield
    set_language("zh_CN")


@pytest.fixture(scope="module")
def font() -> str:
    return register_cjk_font()


def pdf_text(pdf: bytes) -> list[str]:
    page = pdfium.PdfDocument(pdf)[0]
    return page.get_textpage().get_text_range().splitlines()


def decode(pdf: bytes, dpi: int = 200) -> dict[str, list[str]]:
    """Every barcode on the page rendered at ``dpi``, by format name."""
    image = pdfium.PdfDocument(pdf)[0].render(scale=dpi / 72).to_pil()
    found: dict[str, list[str]] = {}
    for result in zxingcpp.read_barcodes(image):
        found.setdefault(str(result.format), []).append(result.text)
    return found


# ---------------------------------------------------------------- the PDF, read back


def test_payloads() -> None:
    assert ticket_barcode_data(SLIP) == "T00000012"
    assert ticket_qr_payload(SLIP) == "TICKET|12|A012|202503140905"


def test_qr_payload_uses_local_time_for_an_aware_taken_at() -> None:
    aware = datetime(2025, 3, 14, 1, 5, tzinfo=UTC)
    slip = replace(SLIP, taken_at=aware)
    assert ticket_qr_payload(slip).endswith(f"|{aware.astimezone():%Y%m%d%H%M}")


def test_pdf_text_reads_back_exactly() -> None:
    lines = pdf_text(ticket_pdf(SLIP))
    for expected in (
        "某某市政务服务中心",
        "不动产登记",
        "A012",
        "老年人优先",
        "前面还有 5 人",
        "预计等候约 23 分钟",
        "证件号码：1101**********002X",
        "取号时间：2025-03-14 09:05",
    ):
        assert expected in lines
    assert REPRINT_MARK not in "".join(lines)


def test_no_minutes_are_printed_when_no_counter_is_open() -> None:
    """Issue 12, defect 6: with no counter open the ticket promised minutes."""
    slip = replace(SLIP, wait_minutes=None)
    lines = pdf_text(ticket_pdf(slip))
    assert "暂无窗口办理" in lines
    assert "分钟" not in "".join(lines)
    assert "暂无窗口办理".encode("gb18030") in escpos_bytes(slip)


def test_reprint_mark_is_printed_only_on_a_reprint() -> None:
    lines = pdf_text(ticket_pdf(replace(SLIP, reprint=True)))
    assert lines[0] == "补打 REPRINT"


def test_optional_lines_are_left_out() -> None:
    text = "".join(pdf_text(ticket_pdf(replace(SLIP, priority_label="", masked_identity=""))))
    assert "老年人优先" not in text
    assert "证件号码" not in text
    assert "A012" in text


def test_page_is_an_80_mm_roll_as_tall_as_its_content() -> None:
    width, height = pdfium.PdfDocument(ticket_pdf(SLIP))[0].get_size()
    assert width == pytest.approx(80 * MM, abs=0.01)
    assert 90 * MM < height < 130 * MM


def test_long_hall_name_wraps_and_keeps_every_character() -> None:
    name = "某某市某某区政务服务中心（市民之家）东区一楼大厅"
    lines = pdf_text(ticket_pdf(replace(SLIP, hall_name=name)))
    assert "".join(lines[:2]) == name
    assert not lines[1].startswith("）")  # closing punctuation never starts a line


def test_every_font_is_embedded(tmp_path: Path) -> None:
    pdf = ticket_pdf(replace(SLIP, reprint=True))
    path = tmp_path / "ticket.pdf"
    path.write_bytes(pdf)
    report = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    rows = report.stdout.splitlines()[2:]
    assert rows, report.stdout
    for row in rows:
        # name type encoding emb sub uni object ID: read from the right, types contain spaces
        emb, sub, uni = row.split()[-5:-2]
        assert (emb, sub, uni) == ("yes", "yes", "yes"), row
    assert pdf.count(b"/FontFile2") == len(rows)
    assert b"Helvetica" not in pdf


@pytest.mark.parametrize("ticket_id", [12, 123456, 1234567890])
def test_barcodes_decode_at_200_dpi(ticket_id: int) -> None:
    slip = replace(SLIP, ticket_id=ticket_id)
    found = decode(ticket_pdf(slip), dpi=200)
    assert found == {"Code 128": [ticket_barcode_data(slip)], "QR Code": [ticket_qr_payload(slip)]}


def test_slip_refuses_bad_values() -> None:
    with pytest.raises(ValidationError):
        replace(SLIP, ticket_number="a12")
    with pytest.raises(ValidationError):
        replace(SLIP, ahead=-1)
    with pytest.raises(ValidationError):
        replace(SLIP, ticket_id=0)
    with pytest.raises(ValidationError, match="脱敏"):
        replace(SLIP, masked_identity="11010519491231002X")


def test_slip_refuses_a_character_the_font_cannot_draw() -> None:
    with pytest.raises(UnprintableText, match=r"U\+20000"):
        ticket_pdf(replace(SLIP, category_name=f"{RARE}姓户籍登记"))


# ---------------------------------------------------------------- fonts


def test_missing_glyphs(font: str) -> None:
    assert missing_glyphs(RARE, font) == {RARE}
    assert missing_glyphs(f"王{RARE}明", font) == {RARE}
    assert missing_glyphs("某某市政务服务中心 A012 前面还有 5 人：（）", font) == set()
    assert missing_glyphs("第一行\n第二行\t", font) == set()  # controls are not drawn


def test_require_glyphs_names_the_character(font: str, english: None) -> None:
    require_glyphs("不动产登记", font)
    with pytest.raises(UnprintableText) as caught:
        require_glyphs(f"张{RARE}", font)
    assert "'\U00020000' (U+20000)" in str(caught.value)
    assert FONT_ENV in str(caught.value)


def test_missing_glyphs_needs_a_truetype_font() -> None:
    with pytest.raises(ValueError, match="TrueType"):
        missing_glyphs("A", "Helvetica")


def test_configured_font_comes_first(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(FONT_ENV, str(WQY))
    assert find_cjk_font() == WQY
    assert register_cjk_font() == register_cjk_font(WQY)


def test_missing_configured_font_is_an_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(FONT_ENV, str(tmp_path / "simhei.ttf"))
    with pytest.raises(FontUnavailable, match="找不到配置的PDF字体文件"):
        find_cjk_font()


def _fake_cff(path: Path, collection: bool) -> Path:
    header = b"ttcf" + (0x00010000).to_bytes(4, "big") + (1).to_bytes(4, "big")
    header += (16).to_bytes(4, "big")
    path.write_bytes((header if collection else b"") + b"OTTO" + bytes(64))
    return path


@pytest.mark.parametrize("collection", [False, True])
def test_cff_fonts_are_refused(tmp_path: Path, collection: bool) -> None:
    path = _fake_cff(tmp_path / ("NotoSansCJK.ttc" if collection else "SourceHan.otf"), collection)
    with pytest.raises(FontUnavailable, match="CFF"):
        register_cjk_font(path)


def test_a_font_without_chinese_is_refused() -> None:
    dejavu = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    if not dejavu.is_file():
        pytest.skip("DejaVu Sans is not installed")
    with pytest.raises(FontUnavailable, match="不含中文字形"):
        register_cjk_font(dejavu)


def test_no_font_found_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, english: None
) -> None:
    monkeypatch.delenv(FONT_ENV, raising=False)
    cff = _fake_cff(tmp_path / "NotoSansCJK.ttc", collection=True)
    monkeypatch.setattr(fonts, "known_font_paths", lambda: (tmp_path / "none.ttc", cff))
    with pytest.raises(FontUnavailable) as caught:
        find_cjk_font()
    message = str(caught.value)
    assert "fonts-wqy-microhei" in message
    assert FONT_ENV in message


def test_known_font_paths_per_platform() -> None:
    assert [p.name for p in known_font_paths("win32")] == [
        "simhei.ttf",
        "simsun.ttc",
        "simfang.ttf",
        "msyh.ttc",
    ]
    assert known_font_paths("linux")[0] == WQY


# ---------------------------------------------------------------- barcodes


def test_code128_png_decodes_without_text_under_the_bars() -> None:
    png = code128_png("T00000012", height_mm=10)
    image = Image.open(io.BytesIO(png))
    assert [r.text for r in zxingcpp.read_barcodes(image)] == ["T00000012"]
    assert image_size_mm(png)[1] == pytest.approx(10, abs=0.1)


def test_code128_bars_are_whole_modules() -> None:
    # 0.25 mm at 203.2 dpi is 2 px a module; the stock writer drew some bars 5 px wide.
    png = code128_png("T12345678", module_width_mm=0.25, dpi=203.2, quiet_zone_mm=2.5)
    image = Image.open(io.BytesIO(png)).convert("L")
    row = [image.getpixel((x, image.height // 2)) for x in range(image.width)]
    runs = [len(list(group)) for _, group in itertools.groupby(row)]
    assert all(run % 2 == 0 for run in runs[1:-1]), runs


def test_qr_png_decodes() -> None:
    image = Image.open(io.BytesIO(qr_png("TICKET|1|A001|202501020304")))
    assert [r.text for r in zxingcpp.read_barcodes(image)] == ["TICKET|1|A001|202501020304"]


@pytest.mark.parametrize("payload", ["", "号票", "A\n1"])
def test_barcode_payloads_must_be_printable_ascii(payload: str) -> None:
    with pytest.raises(ValueError):
        qr_png(payload)
    with pytest.raises(ValueError):
        code128_png(payload)


# ---------------------------------------------------------------- ESC/POS


def escpos_bytes(slip: TicketSlip) -> bytes:
    printer = Dummy()
    print_ticket_escpos(printer, slip)
    output: bytes = printer.output
    return output


def test_escpos_sends_chinese_as_gb18030_in_chinese_mode() -> None:
    out = escpos_bytes(SLIP)
    chinese_mode = out.index(b"\x1c&")  # FS &
    for text in ("某某市政务服务中心", "不动产登记", "前面还有 5 人", "预计等候约 23 分钟"):
        assert out.index(text.encode("gb18030")) > chinese_mode
    assert "不动产登记".encode() not in out  # not UTF-8


def test_escpos_ticket_number_is_double_size() -> None:
    out = escpos_bytes(SLIP)
    number = out.index(b"A012\n")
    size = out.rindex(b"\x1d!", 0, number)  # the last GS ! (character size) before the number
    assert out[size : size + 3] == b"\x1d!\x11"  # double width and height
    after = out.index(b"\x1d!", number)
    assert out[after : after + 3] == b"\x1d!\x00"  # back to normal size after it


def test_escpos_barcode_qr_and_cut() -> None:
    out = escpos_bytes(SLIP)
    data = b"{B" + ticket_barcode_data(SLIP).encode()
    assert b"\x1dkI" + bytes([len(data)]) + data in out  # GS k 73 n: Code 128, function B
    payload = ticket_qr_payload(SLIP).encode()
    store = b"\x1d(k" + (len(payload) + 3).to_bytes(2, "little") + b"1P0" + payload
    assert store in out  # GS ( k: store the QR data
    assert out.index(b"\x1d(k\x03\x001Q0") > out.index(store)  # then print it
    assert out.endswith(b"\x1dV\x00")  # GS V 0: full cut


def test_escpos_reprint_mark() -> None:
    mark = REPRINT_MARK.encode("gb18030")
    assert mark in escpos_bytes(replace(SLIP, reprint=True))
    assert mark not in escpos_bytes(SLIP)


def test_file_printer_gets_the_same_bytes(tmp_path: Path) -> None:
    device = tmp_path / "lp0"
    printer = open_printer(f"file:{device}")
    print_ticket_escpos(printer, SLIP)
    printer.close()
    assert device.read_bytes() == escpos_bytes(SLIP)


@pytest.mark.parametrize(
    "spec",
    [
        "",
        "lp0",
        "network:",
        "network:10.0.0.5:abc",
        "network:10.0.0.5:70000",
        "network:10.0.0.5:9100:1",
        "usb:0416",
        "usb:xyz:5011",
        "serial:/dev/ttyS0",
    ],
)
def test_bad_printer_spec_is_explained(spec: str, english: None) -> None:
    with pytest.raises(ConfigError) as caught:
        open_printer(spec)
    message = str(caught.value)
    assert message.startswith(f"Invalid printer setting {spec!r}")
    assert "network:HOST[:PORT], usb:VID:PID (hex) or file:DEVICE_PATH" in message


def test_bad_printer_spec_message_in_chinese() -> None:
    with pytest.raises(ConfigError, match="打印机设置 'serial:COM1' 无效：未知的连接方式"):
        open_printer("serial:COM1")


def test_unreachable_printer(tmp_path: Path) -> None:
    with pytest.raises(PrinterUnavailable, match="无法连接号票打印机"):
        open_printer(f"file:{tmp_path / 'no-such-dir' / 'lp0'}")


def test_printer_failing_mid_slip() -> None:
    class PaperOut(Dummy):
        def _raw(self, msg: bytes) -> None:
            raise OSError("paper out")

    with pytest.raises(PrinterUnavailable, match="补打"):
        print_ticket_escpos(PaperOut(), SLIP)


@pytest.mark.parametrize("mask", [None, 2])
def test_qr_rows_are_the_modules_qr_png_draws(mask: int | None) -> None:
    # The paper draws its QR code from qr_rows (no PNG round trip): it must be qr_png's code.
    payload = "RECEIPT|4405002026112600012|20261126|abcdef0123456789"
    image = Image.open(io.BytesIO(qr_png(payload, scale=1, border=4, mask=mask))).convert("L")
    pixels = image.tobytes()
    rows = qr_rows(payload, border=4, mask=mask)
    assert (len(rows[0]), len(rows)) == image.size
    assert b"".join(rows) == bytes(0 if p < 128 else 255 for p in pixels)
    with pytest.raises(ValueError, match="ASCII"):
        qr_rows("受理")
