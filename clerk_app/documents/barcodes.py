"""Code 128 barcodes and QR codes as PNG images, sized in millimetres, for any document.

Both images carry their resolution (the PNG ``pHYs`` chunk), so ``image_size_mm`` gives the size
they were drawn for; place a barcode at exactly that size, or its bars stop being whole pixels and
scanners at the counter struggle. Payloads are ASCII: a QR code with Chinese needs ECI, which
many hand scanners mishandle, and Code 128 cannot carry it at all.
"""

from __future__ import annotations

import io

import segno
from barcode import Code128
from barcode.writer import ImageWriter, mm2px
from PIL import Image

__all__ = ["code128_png", "image_size_mm", "qr_png", "qr_rows"]

_MM_PER_INCH = 25.4


def _require_ascii(data: str, what: str) -> None:
    if not data:
        raise ValueError(f"{what} payload is empty")
    if not data.isascii() or not data.isprintable():
        raise ValueError(f"{what} payload must be printable ASCII, got {data!r}")


class _PixelSnappedWriter(ImageWriter):  # type: ignore[misc]  # python-barcode is untyped
    """python-barcode's ImageWriter with every bar starting and ending on a whole pixel.

    The stock writer sums bar positions in floating-point millimetres and truncates them, so a
    two-module bar at 2 px per module can come out 5 px wide; scanners misread such bars.
    """

    def _paint_module(self, xpos: float, ypos: float, width: float, color: str) -> None:
        x0 = round(mm2px(xpos, self.dpi))
        x1 = round(mm2px(xpos + width, self.dpi)) - 1
        y0 = round(mm2px(ypos, self.dpi))
        y1 = round(mm2px(ypos + self.module_height, self.dpi))
        self._draw.rectangle([(x0, y0), (x1, y1)], outline=color, fill=color)


def code128_png(
    data: str,
    *,
    module_width_mm: float = 0.33,
    height_mm: float = 10.0,
    quiet_zone_mm: float = 3.0,
    dpi: int = 300,
    human_readable: bool = False,
) -> bytes:
    """A Code 128 barcode of ``data`` (printable ASCII) as a black-and-white PNG.

    The narrowest bar is ``module_width_mm`` rounded to whole pixels at ``dpi`` (0.33 mm at 300 dpi
    becomes 4 px = 0.339 mm), so bars of a kind are all equally wide. Keep the narrowest bar at
    three or more pixels of the device that prints it: a 0.25 mm bar (2 dots at 200 dpi) is
    resampled into bars of 1 and 3 dots, and the code no longer scans. No text is printed under
    the bars unless ``human_readable`` is set; documents print the number in their own font.
    """
    _require_ascii(data, "Code 128")
    module_px = max(1, round(module_width_mm * dpi / _MM_PER_INCH))
    options = {
        "module_width": module_px * _MM_PER_INCH / dpi,
        "module_height": height_mm,
        "quiet_zone": quiet_zone_mm,
        "write_text": human_readable,
        "font_size": 8 if human_readable else 0,
        "text_distance": 3.0 if human_readable else 0.0,
        "margin_top": 0.0,
        "margin_bottom": 0.0,
    }
    rendered = Code128(data, writer=_PixelSnappedWriter(mode="L", dpi=dpi)).render(options)
    return _png_bytes(rendered, dpi)


def qr_png(
    payload: str, *, scale: int = 10, border: int = 4, dpi: int = 300, mask: int | None = None
) -> bytes:
    """A QR code (error correction level M) of the ASCII ``payload`` as a PNG.

    ``scale`` is pixels per module and ``border`` the quiet zone in modules (4 by the standard).
    ``mask`` None lets the encoder score all eight mask patterns and take the best (about 6 ms
    of the 9 ms a code costs); a fixed pattern 0–7 skips that and still decodes everywhere,
    which documents printed by the hundred use. Raises ``ValueError`` for a non-ASCII payload.
    """
    _require_ascii(payload, "QR")
    code = segno.make_qr(payload, error="m", boost_error=False, mask=mask)
    out = io.BytesIO()
    code.save(out, kind="png", scale=scale, border=border, dpi=dpi)
    return out.getvalue()


def qr_rows(payload: str, *, border: int = 4, mask: int | None = None) -> tuple[bytes, ...]:
    """The modules ``qr_png`` draws, one byte a module (0 dark, 255 light), quiet zone included,
    row by row from the top: for drawing the code as vectors without a PNG to encode and decode
    again (the PNG was half of what a new receipt's QR code cost)."""
    _require_ascii(payload, "QR")
    code = segno.make_qr(payload, error="m", boost_error=False, mask=mask)
    return tuple(
        bytes(0 if dark else 255 for dark in row)
        for row in code.matrix_iter(scale=1, border=border)
    )


def image_size_mm(png: bytes, default_dpi: int = 300) -> tuple[float, float]:
    """Width and height in millimetres of a PNG, from its recorded resolution."""
    with Image.open(io.BytesIO(png)) as image:
        dpi_x, dpi_y = image.info.get("dpi", (default_dpi, default_dpi))
        width, height = image.size
    return width * _MM_PER_INCH / float(dpi_x), height * _MM_PER_INCH / float(dpi_y)


def _png_bytes(image: Image.Image, dpi: int) -> bytes:
    out = io.BytesIO()
    image.convert("1").save(out, format="PNG", dpi=(dpi, dpi), optimize=True)
    return out.getvalue()
