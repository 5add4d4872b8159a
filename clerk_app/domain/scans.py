"""What a code scanned at the counter names: a case number, a ticket, or a document's QR payload.

Pure syntax, no database: ``read_scan`` says which of the hall's printed codes a text is, or
None for anything else (an ID card's number, a name typed fast), so the counter can tell a scan
of its own paper from input meant for the focused field. What a scan names is looked up by the
services; a document's payload is trusted only once its signature is verified there.

The codes as the hall prints them:

- case number, the receipt's barcode and text (``services.cases.numbers``): the hall code,
  yyyymmdd and a 5-digit daily serial, e.g. ``4405002026112600001``;
- ticket slip (``documents.ticket_slip``): Code 128 ``T`` + the ticket id in 8 digits
  (``T00000012``); QR ``TICKET|<id>|<number>|<yyyymmddHHMM>``;
- document QR (``documents.signing``): ``ZW2:<KIND>:<case number>:<yyyymmdd>:<key id>:<content
  hash>:<signature>`` (``ZW1`` paper: no key id and hash).

A scanner in keyboard mode may arrive with Caps Lock or full-width characters: the text is
folded (NFKC), blanks dropped and upper-cased first; every printed code is upper case.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

#: The daily serial's digits in a case number (``services.cases.numbers.SERIAL_DIGITS``).
CASE_SERIAL_DIGITS = 5

_TICKET_BARCODE = re.compile(r"T(?P<id>[0-9]{8})")
_TICKET_QR = re.compile(r"TICKET\|(?P<id>[0-9]{1,12})\|(?P<number>[A-Z]*[0-9]+)\|[0-9]{12}")
# ZW1 (old paper) or ZW2: ``…:<yyyymmdd>:<key id>:<content hash>:<signature>``.
_DOCUMENT = re.compile(
    r"ZW[0-9]+:[A-Z]+:[0-9A-Z]{4,40}:[0-9]{8}:(?:[0-9A-Z]{1,8}:[A-Z2-7]{16}:)?[A-Z2-7]+"
)


class ScanKind(StrEnum):
    CASE = "case"
    TICKET = "ticket"
    DOCUMENT = "document"


@dataclass(frozen=True)
class Scan:
    """A recognised code: ``text`` as normalized; the case number or the ticket it names (a
    ticket's number is known from its QR code only; the barcode carries just the id)."""

    kind: ScanKind
    text: str
    case_no: str = ""
    ticket_id: int | None = None
    ticket_number: str = ""


def normalize_scan(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split()).upper()


def read_scan(text: str, hall_code: str) -> Scan | None:
    """The code ``text`` is, for a hall numbering its cases with ``hall_code``; None if none."""
    code = normalize_scan(text)
    if _DOCUMENT.fullmatch(code):
        return Scan(ScanKind.DOCUMENT, code, case_no=code.split(":")[2])
    if match := _TICKET_BARCODE.fullmatch(code):
        return Scan(ScanKind.TICKET, code, ticket_id=int(match["id"]))
    if match := _TICKET_QR.fullmatch(code):
        return Scan(
            ScanKind.TICKET, code, ticket_id=int(match["id"]), ticket_number=match["number"]
        )
    case_no = re.escape(normalize_scan(hall_code)) + f"[0-9]{{{8 + CASE_SERIAL_DIGITS}}}"
    if hall_code and re.fullmatch(case_no, code):
        return Scan(ScanKind.CASE, code, case_no=code)
    return None
