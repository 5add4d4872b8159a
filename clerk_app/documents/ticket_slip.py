"""The ticket slip (号票) a kiosk issues, as a PDF on an 80 mm roll; its barcode and QR payloads.

The page is 80 mm wide and exactly as tall as its content (about 110 mm). The ticket id is
printed as Code 128 and, with the ticket number and the time taken, as a QR code; both payloads
are ASCII (``ticket_barcode_data``, ``ticket_qr_payload``) and the same on the PDF and on the
thermal printer (``escpos_ticket``). Identity numbers arrive already masked (PIPL): the slip
refuses an unmasked one.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from clerk_app.documents.barcodes import code128_png, image_size_mm, qr_png
from clerk_app.documents.fonts import drawing_lock, register_cjk_font, require_glyphs
from clerk_app.errors import ValidationError

__all__ = [
    "NO_COUNTER_OPEN",
    "REPRINT_MARK",
    "TicketSlip",
    "ticket_barcode_data",
    "ticket_lines",
    "ticket_pdf",
    "ticket_qr_payload",
]

REPRINT_MARK = "补打 REPRINT"
#: Printed instead of a wait when no open counter serves the category: no minutes are promised.
NO_COUNTER_OPEN = "暂无窗口办理"

_TICKET_NUMBER = re.compile(r"[A-Z]*[0-9]+", re.ASCII)

PAGE_WIDTH = 80 * mm
_MARGIN = 4 * mm  # 80 mm rolls print about 72 mm wide
_CONTENT_WIDTH = PAGE_WIDTH - 2 * _MARGIN
_QR_SIDE = 24 * mm
_BARCODE_MODULE_MM = 0.375
_LEADING = 1.3
_NO_LINE_START = frozenset("，。、；：？！）》」』】〕”’,.;:?!)]}")


@dataclass(frozen=True)
class TicketSlip:
    """What a ticket slip shows. ``taken_at`` is local wall-clock time (an aware value is
    converted to the machine's local time); ``masked_identity`` is set only for real-name tickets
    and must already be masked (``clerk_app.domain.identity.mask_identifier``)."""

    hall_name: str
    ticket_number: str
    ticket_id: int
    category_name: str
    ahead: int
    wait_minutes: int | None  # None: no counter open serves the category (暂无窗口办理)
    taken_at: datetime
    priority_label: str = ""
    masked_identity: str = ""
    reprint: bool = False

    def __post_init__(self) -> None:
        if _TICKET_NUMBER.fullmatch(self.ticket_number) is None:
            raise ValidationError(
                f"号票号码 {self.ticket_number!r} 无效：应为大写字母前缀加数字，如 A012。",
                f"Invalid ticket number {self.ticket_number!r}: expected capital letters then"
                " digits, like A012.",
            )
        if self.ticket_id < 1 or self.ahead < 0 or (self.wait_minutes or 0) < 0:
            raise ValidationError(
                "号票编号须为正整数，等候人数和等候时长不能为负数。",
                "The ticket id must be positive; people ahead and wait minutes cannot be negative.",
            )
        if not self.hall_name.strip() or not self.category_name.strip():
            raise ValidationError(
                "号票须有大厅名称和业务类别名称。",
                "A ticket slip needs the hall name and the category name.",
            )
        if self.masked_identity and "*" not in self.masked_identity:
            raise ValidationError(
                "号票上的证件号码必须脱敏后打印。",
                "An identity number on a ticket slip must be masked before printing.",
            )


def _local(taken_at: datetime) -> datetime:
    return taken_at.astimezone() if taken_at.tzinfo is not None else taken_at


def ticket_barcode_data(slip: TicketSlip) -> str:
    """The Code 128 payload: ``T`` and the ticket id, zero-padded to 8 digits (``T00000012``)."""
    return f"T{slip.ticket_id:08d}"


def ticket_qr_payload(slip: TicketSlip) -> str:
    """The QR payload, ``TICKET|<id>|<number>|<YYYYMMDDHHMM>`` in local time."""
    return f"TICKET|{slip.ticket_id}|{slip.ticket_number}|{_local(slip.taken_at):%Y%m%d%H%M}"


def ticket_lines(slip: TicketSlip) -> dict[str, str]:
    """The texts of the slip, by role; shared by the PDF and the ESC/POS printout."""
    lines = {
        "hall": slip.hall_name,
        "category": slip.category_name,
        "number": slip.ticket_number,
        "ahead": f"前面还有 {slip.ahead} 人",
        "wait": NO_COUNTER_OPEN
        if slip.wait_minutes is None
        else f"预计等候约 {slip.wait_minutes} 分钟",
        "time": f"取号时间：{_local(slip.taken_at):%Y-%m-%d %H:%M}",
        "notice": "请留意叫号屏和语音叫号",
    }
    if slip.priority_label:
        lines["priority"] = slip.priority_label
    if slip.masked_identity:
        lines["identity"] = f"证件号码：{slip.masked_identity}"
    if slip.reprint:
        lines["reprint"] = REPRINT_MARK
    return lines


# A block of the slip: its height in points and how to draw it below a top edge.
_Draw = Callable[[Canvas, float], None]


@dataclass(frozen=True)
class _Block:
    height: float
    draw: _Draw


def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Break ``text`` into lines no wider than ``width``. Chinese may break between any two
    characters, except that closing punctuation never starts a line (避头): the character
    before it moves down with it."""
    lines: list[str] = []
    line = ""
    for ch in text:
        if line and pdfmetrics.stringWidth(line + ch, font, size) > width:
            carry = line[-1] if ch in _NO_LINE_START and len(line) > 1 else ""
            lines.append(line[: len(line) - len(carry)])
            line = carry
        line += ch
    return [*lines, line] if line else lines


def _text(
    text: str, font: str, size: float, *, bold: bool = False, space_after: float = 1.5 * mm
) -> _Block:
    """Centred text, wrapped; ``bold`` strokes the outline too (the font has no bold face)."""
    lines = _wrap(text, font, size, _CONTENT_WIDTH)
    ascent, descent = pdfmetrics.getAscentDescent(font, size)
    height = (len(lines) - 1) * size * _LEADING + ascent - descent

    def draw(canvas: Canvas, top: float) -> None:
        obj = canvas.beginText()
        obj.setFont(font, size)
        if bold:
            obj.setTextRenderMode(2)
            canvas.setLineWidth(size / 30)
        for i, line in enumerate(lines):
            width = pdfmetrics.stringWidth(line, font, size)
            obj.setTextOrigin((PAGE_WIDTH - width) / 2, top - ascent - i * size * _LEADING)
            obj.textLine(line)
        canvas.drawText(obj)

    return _Block(height + space_after, draw)


def _fitted_size(text: str, font: str, size: float) -> float:
    """``size``, reduced so that one line of ``text`` fits the roll."""
    width = pdfmetrics.stringWidth(text, font, size)
    return size if width <= _CONTENT_WIDTH else size * _CONTENT_WIDTH / width


def _band(text: str, font: str, size: float) -> _Block:
    """White text on a black band across the roll: the reprint mark, seen at a glance."""
    height = size * 1.8

    def draw(canvas: Canvas, top: float) -> None:
        canvas.setFillGray(0)
        canvas.rect(_MARGIN, top - height, _CONTENT_WIDTH, height, stroke=0, fill=1)
        canvas.setFillGray(1)
        canvas.setFont(font, size)
        canvas.drawCentredString(PAGE_WIDTH / 2, top - height / 2 - size * 0.35, text)

    return _Block(height + 2 * mm, draw)


def _boxed(text: str, font: str, size: float) -> _Block:
    """Text in a frame: the priority label."""
    width = pdfmetrics.stringWidth(text, font, size) + 4 * mm
    height = size * 1.6

    def draw(canvas: Canvas, top: float) -> None:
        canvas.setLineWidth(1.2)
        canvas.rect((PAGE_WIDTH - width) / 2, top - height, width, height, stroke=1, fill=0)
        canvas.setFont(font, size)
        canvas.drawCentredString(PAGE_WIDTH / 2, top - height / 2 - size * 0.35, text)

    return _Block(height + 2 * mm, draw)


def _rule(space: float = 2 * mm) -> _Block:
    def draw(canvas: Canvas, top: float) -> None:
        canvas.setLineWidth(0.5)
        canvas.setDash(2, 2)
        canvas.line(_MARGIN, top - space / 2, PAGE_WIDTH - _MARGIN, top - space / 2)

    return _Block(space, draw)


def _codes(barcode: bytes, qr: bytes) -> _Block:
    """The Code 128 at its own size (its bars stay whole dots) beside the QR code, or above it
    when a long ticket id makes the barcode too wide to share the roll."""
    bar_w, bar_h = (v * mm for v in image_size_mm(barcode))
    beside = bar_w + _QR_SIDE <= _CONTENT_WIDTH
    height = max(bar_h, _QR_SIDE) if beside else bar_h + 2 * mm + _QR_SIDE

    def draw(canvas: Canvas, top: float) -> None:
        if beside:
            bar_x = _MARGIN + (_CONTENT_WIDTH - _QR_SIDE - bar_w) / 2
            bar_y = top - (height + bar_h) / 2
            qr_x = PAGE_WIDTH - _MARGIN - _QR_SIDE
        else:
            bar_x, bar_y = (PAGE_WIDTH - bar_w) / 2, top - bar_h
            qr_x = (PAGE_WIDTH - _QR_SIDE) / 2
        canvas.drawImage(ImageReader(io.BytesIO(barcode)), bar_x, bar_y, bar_w, bar_h)
        canvas.drawImage(ImageReader(io.BytesIO(qr)), qr_x, top - height, _QR_SIDE, _QR_SIDE)

    return _Block(height + 1 * mm, draw)


def _ticket_barcode_png(slip: TicketSlip) -> bytes:
    # Drawn at 203 dpi, the resolution of 80 mm thermal printers, with 3-dot (0.375 mm) bars:
    # whole dots on the kiosk printer, and still at least 3 px wherever else the PDF is printed.
    return code128_png(
        ticket_barcode_data(slip),
        module_width_mm=_BARCODE_MODULE_MM,
        height_mm=10,
        quiet_zone_mm=10 * _BARCODE_MODULE_MM,  # the 10-module quiet zone of ISO/IEC 15417
        dpi=203,
    )


def _blocks(slip: TicketSlip, font: str) -> list[_Block]:
    lines = ticket_lines(slip)
    number_size = _fitted_size(lines["number"], font, 48)
    blocks: list[_Block] = []
    if slip.reprint:
        blocks.append(_band(lines["reprint"], font, 12))
    blocks += [
        _text(lines["hall"], font, 12, bold=True, space_after=0),
        _rule(4 * mm),
        _text(lines["category"], font, 14, space_after=2 * mm),
        _text(lines["number"], font, number_size, bold=True, space_after=3 * mm),
    ]
    if "priority" in lines:
        blocks.append(_boxed(lines["priority"], font, 11))
    blocks += [
        _text(lines["ahead"], font, 12, space_after=1.5 * mm),
        _text(lines["wait"], font, 12, space_after=2.5 * mm),
    ]
    if "identity" in lines:
        blocks.append(_text(lines["identity"], font, 9, space_after=1 * mm))
    blocks += [
        _text(lines["time"], font, 9, space_after=0),
        _rule(4 * mm),
        _codes(_ticket_barcode_png(slip), qr_png(ticket_qr_payload(slip))),
        _text(lines["notice"], font, 8, space_after=0),
    ]
    return blocks


def ticket_pdf(slip: TicketSlip, *, font_name: str | None = None) -> bytes:
    """The ticket slip as a one-page PDF, 80 mm wide, with its font embedded as a subset.

    ``font_name`` is a font registered by ``fonts.register_cjk_font`` (default: that function's
    choice). Raises ``UnprintableText`` if the font cannot draw a character of the slip.
    """
    font = font_name if font_name is not None else register_cjk_font()
    require_glyphs("".join(ticket_lines(slip).values()), font)
    blocks = _blocks(slip, font)
    height = sum(block.height for block in blocks) + 2 * _MARGIN
    out = io.BytesIO()
    # initialFontName: otherwise reportlab puts Helvetica, which is never embedded, in the page.
    canvas = Canvas(
        out,
        pagesize=(PAGE_WIDTH, height),
        initialFontName=font,
        invariant=True,
        pageCompression=1,
    )
    canvas.setTitle(f"号票 {slip.ticket_number}")
    canvas.setAuthor(slip.hall_name)
    canvas.setCreator("clerk-desk")
    top = height - _MARGIN
    for block in blocks:
        # Each block in its own graphics state: the text render mode, line width, dash and
        # colours a block sets must not leak into the next (the render mode outlives BT/ET).
        canvas.saveState()
        block.draw(canvas, top)
        canvas.restoreState()
        top -= block.height
    canvas.showPage()
    with drawing_lock:  # saving embeds the font subset (see fonts.drawing_lock)
        canvas.save()
    return out.getvalue()
