"""TEST HELPER (not a test module): read an A4 document's PDF back — its text, fonts, codes.

How extracted text is compared with ``paper_text(doc)`` (documented here, used by every test):
whitespace is removed on both sides (a wrapped line breaks anywhere, and pdfium reports the gaps
between table cells and the ends of lines as spaces or line breaks), then each page must start
with the running header and end with the running footer; those, and the page number ``— n —``
before the footer, are cut from every page, and what remains of all pages, joined, must equal the
whole of ``paper_text`` between its header and footer, character for character.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import zxingcpp

from clerk_app.documents.paper import running_footer, running_header
from clerk_app.documents.paper.linebreak import CLOSING
from clerk_app.documents.paper_data import PaperDocument

MM = 72 / 25.4
TEXT_LEFT, TEXT_RIGHT = 28 * MM, 184 * MM  # the GB/T 9704 text block
TEXT_BOTTOM, TEXT_TOP = 35 * MM, (297 - 37) * MM
_PAGE_NUMBER = re.compile(r"—(\d+)—$")


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def page_texts(pdf: bytes) -> list[str]:
    document = pdfium.PdfDocument(pdf)
    return [page.get_textpage().get_text_range() for page in document]


@dataclass(frozen=True)
class ReadBack:
    text: str  # header + the pages' own text + footer, whitespace removed
    page_numbers: list[int | None]


def read_back(pdf: bytes, doc: PaperDocument) -> ReadBack:
    header = squash("".join(running_header(doc)))
    footer = squash("".join(running_footer(doc)))
    body: list[str] = []
    numbers: list[int | None] = []
    for index, raw in enumerate(page_texts(pdf), 1):
        text = squash(raw)
        assert text.startswith(header), f"page {index} lacks the running header: {text[:80]}"
        assert text.endswith(footer), f"page {index} lacks the running footer: {text[-80:]}"
        text = text[len(header) : len(text) - len(footer)]
        match = _PAGE_NUMBER.search(text)
        numbers.append(int(match[1]) if match else None)
        body.append(text[: match.start()] if match else text)
    return ReadBack(header + "".join(body) + footer, numbers)


def fonts_report(pdf: bytes, tmp_path: Path) -> list[tuple[str, str, str, str]]:
    """``pdffonts``: (name, emb, sub, uni) of every font of the PDF."""
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    report = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    rows = []
    for row in report.stdout.splitlines()[2:]:
        cells = row.split()  # read from the right: the type column contains spaces
        rows.append((cells[0], *cells[-5:-2]))
    return rows  # type: ignore[return-value]


def decode_page(pdf: bytes, page: int = 0, dpi: int = 200) -> dict[str, list[str]]:
    """Every barcode on the page rendered at ``dpi``, by format name."""
    image = pdfium.PdfDocument(pdf)[page].render(scale=dpi / 72).to_pil()
    found: dict[str, list[str]] = {}
    for result in zxingcpp.read_barcodes(image):
        found.setdefault(str(result.format), []).append(result.text)
    return found


def outside_text_block(pdf: bytes, em: float = 15.75) -> list[tuple[str, float, float]]:
    """Characters in the text block's height that pass its left or right edge, except a closing
    punctuation mark hanging at the end of a line by at most one ``em`` (标点悬挂, see
    ``clerk_app.documents.paper.linebreak``)."""
    boxes = [b for b in char_boxes(pdf) if TEXT_BOTTOM <= (b[2][1] + b[2][3]) / 2 <= TEXT_TOP]
    bad = []
    for i, (_, ch, (left, _, right, _)) in enumerate(boxes):
        if not ch.strip() or (left >= TEXT_LEFT - 0.5 and right <= TEXT_RIGHT + 0.5):
            continue
        nxt = boxes[i + 1][1] if i + 1 < len(boxes) else "\n"
        hangs = ch in CLOSING and right <= TEXT_RIGHT + em and not nxt.strip()
        if not hangs:
            bad.append((ch, left, right))
    return bad


def char_boxes(pdf: bytes) -> list[tuple[int, str, tuple[float, float, float, float]]]:
    """(page index, character, box (left, bottom, right, top) in points) of every character."""
    out = []
    for index, page in enumerate(pdfium.PdfDocument(pdf)):
        textpage = page.get_textpage()
        for i in range(textpage.count_chars()):
            ch = textpage.get_text_range(i, 1)
            out.append((index, ch, textpage.get_charbox(i)))
    return out


def printed_lines(pdf: bytes) -> list[str]:
    """Every printed line of the PDF, page by page, as read back: characters in drawing order,
    a new line wherever the baseline moves (a hanging mark stays on its line's baseline). Boxes
    are pdfium's loose ones (the font's ascent to descent), the same height for 。 and 汉."""
    lines: list[str] = []
    last: tuple[int, float] | None = None
    for index, page in enumerate(pdfium.PdfDocument(pdf)):
        textpage = page.get_textpage()
        for i in range(textpage.count_chars()):
            ch = textpage.get_text_range(i, 1)
            if not ch.strip():
                continue
            _, bottom, _, top = textpage.get_charbox(i, loose=True)
            middle = (bottom + top) / 2
            if last is None or last[0] != index or abs(middle - last[1]) > 3:
                lines.append("")
            last = (index, middle)
            lines[-1] += ch
    return lines
