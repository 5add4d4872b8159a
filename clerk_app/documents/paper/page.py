"""What every page carries outside the text block: the codes, the reprint mark, page numbers.

The top margin holds the case number as a Code 128 barcode (with the number in text under it),
the signed QR code and, on a reprint, a boxed 补打. The bottom margin holds the page number
("— 1 —", only when a copy has more than one page, counted per copy as each copy is a document of
its own) and, on a reprint, the reprint footer. A case number too long to share the top margin
with the QR code moves its barcode to the bottom margin, where it has the page's full width.

Barcodes are drawn at their own size on a 1/100-inch grid, so their bars stay whole pixels at
100, 200, 300 and 600 dpi: the narrowest bar is 0.508 mm (4 px at 200 dpi) when it fits, else
0.381 mm (3 px), never less. The codes come from ``code128_png``/``qr_rows`` (one source of
truth for the patterns: ``qr_rows`` gives ``qr_png``'s modules without the PNG), but their dark
pixels are drawn as one vector path rather than embedded as images: edges stay sharp at any
printer resolution, and reportlab's image embedding (decode to RGB, compress, ASCII85 in pure
Python) cost more than the rest of a page.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from PIL import Image
from reportlab.lib.units import inch, mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from clerk_app.documents.barcodes import code128_png, image_size_mm, qr_rows
from clerk_app.documents.fonts import font_runs
from clerk_app.documents.paper.content import (
    PAGE_NUMBER_FORMAT,
    REPRINT_FOOTER,
    REPRINT_MARK,
)
from clerk_app.documents.paper.layout import (
    BODY_SIZE,
    LEFT_MARGIN,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    SMALL_SIZE,
    TEXT_BOTTOM,
    TEXT_WIDTH,
)
from clerk_app.documents.paper.typefaces import PaperFonts, text_width

__all__ = ["Furniture", "PagedCanvas", "draw_runs", "page_label"]

_CODE_DPI = 200
_MODULES_MM = (0.508, 0.381)  # 4 and 3 pixels at 200 dpi; never narrower
_QUIET_MODULES = 10  # ISO/IEC 15417
_BAR_HEIGHT_MM = 10.0
_GRID: float = inch / 100
_BAND_LEFT = 12 * mm  # the printable band of the margins (office printers lose ~5 mm)
_BAND_RIGHT = PAGE_WIDTH - 12 * mm
_TEXT_RIGHT = LEFT_MARGIN + TEXT_WIDTH
_REPRINT_BOX_W = 2 * BODY_SIZE + 4 * mm
_REPRINT_BOX_H = BODY_SIZE + 4 * mm
_GAP = 4 * mm
_QR_MASK = 2  # any of the eight decodes; the read-back tests decode every kind at 200 dpi
_DARK_RUN = re.compile(rb"[\x00-\x7f]+")  # grey below half: a dark pixel


def _snap(value: float) -> float:
    return round(value / _GRID) * _GRID


_QR_PX = 4  # pixels a QR module at _CODE_DPI: 0.508 mm


@dataclass(frozen=True)
class Bitmap:
    """A black-and-white code as grey bytes (dark below 0x80), ``width`` × ``height`` pixels."""

    data: bytes
    width: int
    height: int


@lru_cache(maxsize=256)
def _barcode(case_no: str, module_mm: float) -> tuple[Bitmap, float, float]:
    """The Code 128 bitmap of ``case_no`` and its size in points (cached: reprints, benchmarks)."""
    png = code128_png(
        case_no,
        module_width_mm=module_mm,
        height_mm=_BAR_HEIGHT_MM,
        quiet_zone_mm=_QUIET_MODULES * module_mm,
        dpi=_CODE_DPI,
    )
    width, height = image_size_mm(png)
    with Image.open(io.BytesIO(png)) as image:
        grey = image.convert("L")
    return Bitmap(grey.tobytes(), *grey.size), width * mm, height * mm


@lru_cache(maxsize=256)
def _qr(payload: str) -> tuple[Bitmap, float]:
    """The QR code as a bitmap of one pixel a module, and its side in points: 0.508 mm modules
    (``_QR_PX`` pixels at ``_CODE_DPI``), the standard 4-module quiet zone. A fixed mask
    pattern: scoring all eight would double a receipt's cost."""
    rows = qr_rows(payload, border=4, mask=_QR_MASK)
    side = len(rows) * _QR_PX / _CODE_DPI * inch
    return Bitmap(b"".join(rows), len(rows[0]), len(rows)), side


def draw_runs(
    canvas: Canvas, x: float, y: float, text: str, chain: tuple[str, ...], size: float
) -> float:
    """Draw ``text`` from ``x`` on baseline ``y``, each run in its font; return the end x."""
    for font, run in font_runs(text, chain):
        canvas.setFont(font, size)
        canvas.drawString(x, y, run)
        x += float(pdfmetrics.stringWidth(run, font, size))
    return x


@dataclass(frozen=True)
class _Bar:
    bitmap: Bitmap
    width: float
    height: float
    quiet: float  # the quiet zone inside the image, each side
    in_header: bool  # beside the QR code in the top margin, else in the bottom margin


@lru_cache(maxsize=512)
def _dark_rects(bitmap: Bitmap) -> tuple[tuple[int, int, int, int], ...]:
    """The dark pixels of a bitmap as rectangles (x, y from the top, w, h) in pixels: runs
    along each row, rows with the same runs merged into one band."""
    width, height, data = bitmap.width, bitmap.height, bitmap.data
    rects: list[tuple[int, int, int, int]] = []
    band_start, band_row = 0, data[:width]
    for y in range(1, height + 1):
        row = data[y * width : (y + 1) * width] if y < height else b""
        if row == band_row:
            continue
        for run in _DARK_RUN.finditer(band_row):
            rects.append((run.start(), band_start, run.end() - run.start(), y - band_start))
        band_start, band_row = y, row
    return tuple(rects)


@lru_cache(maxsize=512)
def _code_path(bitmap: Bitmap, x: float, y: float, width: float, height: float) -> str:
    """PDF path operators filling the bitmap's dark pixels, the image spanning ``width`` ×
    ``height`` from its bottom-left corner (x, y). Written directly (and cached: every page
    repeats them) because reportlab's path objects format each number in pure Python."""
    px_w, px_h = bitmap.width, bitmap.height
    sx, sy = width / px_w, height / px_h
    ops = [
        f"{x + rx * sx:.3f} {y + height - (ry + rh) * sy:.3f} {rw * sx:.3f} {rh * sy:.3f} re"
        for rx, ry, rw, rh in _dark_rects(bitmap)
    ]
    return "\n".join([*ops, "f"])


def _image(canvas: Canvas, bitmap: Bitmap, x: float, y: float, width: float, height: float) -> None:
    """Draw the bitmap's dark pixels in black as one filled path (no seams between modules)."""
    canvas.saveState()
    canvas.setFillGray(0)
    canvas.addLiteral(_code_path(bitmap, x, y, width, height))
    canvas.restoreState()


@dataclass(frozen=True)
class Furniture:
    """The page furniture of one document; ``draw_header``/``draw_footer`` draw it on a page."""

    fonts: PaperFonts
    case_no_text: str
    case_no: str
    qr_payload: str
    reprint: bool

    def _qr_box(self) -> tuple[Bitmap, float, float]:
        """Bitmap, x and side of the QR code; its quiet zone lies just past the text block."""
        bitmap, side = _qr(self.qr_payload)
        return bitmap, _snap(_TEXT_RIGHT + 2 * mm - side), side

    def _bar(self) -> _Bar:
        """The barcode: the widest module that fits beside the QR code, else in the footer."""
        _, qr_x, _ = self._qr_box()
        room = qr_x - _GAP - _REPRINT_BOX_W - _GAP - _BAND_LEFT
        for module in _MODULES_MM:
            bitmap, width, height = _barcode(self.case_no, module)
            if width <= room:
                return _Bar(bitmap, width, height, _QUIET_MODULES * module * mm, True)
        module = _MODULES_MM[-1]
        bitmap, width, height = _barcode(self.case_no, module)
        return _Bar(bitmap, width, height, _QUIET_MODULES * module * mm, False)

    def draw_header(self, canvas: Canvas) -> None:
        """The top margin: reprint mark, case number (text and barcode), QR code."""
        canvas.saveState()
        if not self.case_no:  # signed before the case is numbered: no codes, a blank to fill
            chain = self.fonts.chain(self.fonts.body)
            draw_runs(
                canvas, LEFT_MARGIN, PAGE_HEIGHT - 18 * mm, self.case_no_text, chain, SMALL_SIZE
            )
            canvas.restoreState()
            return
        qr, qr_x, side = self._qr_box()
        qr_top = PAGE_HEIGHT - 8 * mm
        if self.reprint:
            self._draw_reprint_box(canvas, qr_x - _GAP - _REPRINT_BOX_W, qr_top - 4 * mm)
        bar = self._bar()
        bar_top = PAGE_HEIGHT - 10 * mm
        text_y = bar_top - bar.height - 5 * mm if bar.in_header else PAGE_HEIGHT - 18 * mm
        chain = self.fonts.chain(self.fonts.body)
        draw_runs(canvas, LEFT_MARGIN, text_y, self.case_no_text, chain, SMALL_SIZE)
        if bar.in_header:
            x = _snap(max(_BAND_LEFT, LEFT_MARGIN - bar.quiet))
            _image(canvas, bar.bitmap, x, _snap(bar_top - bar.height), bar.width, bar.height)
        _image(canvas, qr, qr_x, _snap(qr_top - side), side, side)
        canvas.restoreState()

    def _draw_reprint_box(self, canvas: Canvas, x: float, top: float) -> None:
        canvas.setLineWidth(1.2)
        canvas.rect(x, top - _REPRINT_BOX_H, _REPRINT_BOX_W, _REPRINT_BOX_H, stroke=1, fill=0)
        chain = self.fonts.chain(self.fonts.heading)
        text_x = x + (_REPRINT_BOX_W - text_width(REPRINT_MARK, chain, BODY_SIZE)) / 2
        baseline = top - _REPRINT_BOX_H / 2 - BODY_SIZE * 0.35
        draw_runs(canvas, text_x, baseline, REPRINT_MARK, chain, BODY_SIZE)

    def draw_footer(self, canvas: Canvas, label: str | None) -> None:
        """The bottom margin: page number, reprint footer, and a barcode that did not fit above."""
        canvas.saveState()
        chain = self.fonts.chain(self.fonts.body)
        if label is not None:
            size = 14.0  # 4号, 7 mm below the text block (GB/T 9704 7.5)
            x = (PAGE_WIDTH - text_width(label, chain, size)) / 2
            draw_runs(canvas, x, TEXT_BOTTOM - 7 * mm - size * 0.8, label, chain, size)
        if self.reprint:
            x = (PAGE_WIDTH - text_width(REPRINT_FOOTER, chain, SMALL_SIZE)) / 2
            draw_runs(canvas, x, TEXT_BOTTOM - 17 * mm, REPRINT_FOOTER, chain, SMALL_SIZE)
        bar = self._bar() if self.case_no else None
        if bar is not None and not bar.in_header:
            x = _snap(max(_BAND_LEFT, (PAGE_WIDTH - bar.width) / 2))
            _image(canvas, bar.bitmap, x, _snap(4 * mm), bar.width, bar.height)
        canvas.restoreState()


def page_label(page_in_copy: int, pages_in_copy: int) -> str | None:
    """``— n —`` when the copy has several pages, else nothing (a one-page document)."""
    return PAGE_NUMBER_FORMAT.format(page_in_copy) if pages_in_copy > 1 else None


class PagedCanvas(Canvas):  # type: ignore[misc]  # reportlab is untyped
    """A canvas that holds its pages back until the end, to draw each page's footer knowing how
    many pages its copy has (reportlab's "page x of y" recipe). ``copy_index`` is set by the
    story as each copy starts; it stays with the pages that follow."""

    def __init__(self, *args: Any, furniture: Furniture, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.furniture = furniture
        self.copy_index = 0
        self._held: list[tuple[dict[str, Any], int]] = []

    def showPage(self) -> None:  # reportlab's name
        self._held.append((dict(self.__dict__), self.copy_index))
        self._startPage()

    def save(self) -> None:
        copies = [copy for _, copy in self._held]
        seen: dict[int, int] = {}
        for state, copy in self._held:
            seen[copy] = seen.get(copy, 0) + 1
            self.__dict__.update(state)
            self.furniture.draw_footer(self, page_label(seen[copy], copies.count(copy)))
            super().showPage()
        super().save()
