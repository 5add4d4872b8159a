"""What a scan at the counter names: the hall's printed codes read back, and their lookup."""

from __future__ import annotations

from datetime import date

import pytest

from clerk_app.api import Hall
from clerk_app.demo.hall_data import DEMO_PASSWORD
from clerk_app.documents.paper_data import DocumentKind
from clerk_app.documents.signing import sign_payload
from clerk_app.domain.scans import CASE_SERIAL_DIGITS, ScanKind, read_scan
from clerk_app.errors import NotFound
from clerk_app.services.cases.numbers import SERIAL_DIGITS

HALL = "440500"


def test_the_codes_the_hall_prints_are_read_back() -> None:
    case = read_scan("4405002026112600001", HALL)
    assert case is not None and (case.kind, case.case_no) == (ScanKind.CASE, "4405002026112600001")
    assert read_scan(" ４４０５００2026112600001\t", HALL) == case  # full-width, blanks
    payload = sign_payload(DocumentKind.RECEIPT, "4405002026112600001", date(2026, 11, 26), "k")
    document = read_scan(payload.lower(), HALL)  # Caps Lock on
    assert document is not None and document.kind is ScanKind.DOCUMENT
    assert (document.text, document.case_no) == (payload, "4405002026112600001")
    signed = sign_payload(  # today's paper: key id and content hash in the payload (ZW2)
        DocumentKind.PERMIT,
        "4405002026112600001",
        date(2026, 11, 26),
        "k",
        key_id="K2",
        printed="the permit's words",
    )
    permit = read_scan(signed, HALL)
    assert permit is not None and (permit.kind, permit.text) == (ScanKind.DOCUMENT, signed)
    ticket = read_scan("TICKET|12|A012|202611260815", HALL)
    assert ticket is not None and (ticket.ticket_id, ticket.ticket_number) == (12, "A012")
    barcode = read_scan("T00000012", HALL)
    assert barcode is not None and (barcode.kind, barcode.ticket_id) == (ScanKind.TICKET, 12)


@pytest.mark.parametrize(
    "text",
    [
        "440524188001010014",  # a resident ID
        "91440500MA4UJ8KX0A",  # a USCC
        "1100002026112600001",  # another hall's case number
        "440500202611260001",  # one digit short
        "李秀珍",
        "T0000012",  # seven digits
        "",
    ],
)
def test_anything_else_is_no_scan(text: str) -> None:
    assert read_scan(text, HALL) is None


def test_the_serial_of_a_case_number_is_as_numbers_makes_it() -> None:
    assert CASE_SERIAL_DIGITS == SERIAL_DIGITS


def test_a_scanned_ticket_is_looked_up(hall: Hall) -> None:
    taken = hall.kiosk().queue.take_ticket("A")
    cases = hall.login("clerk01", DEMO_PASSWORD, counter=1).cases
    scan = cases.read_scan(f"T{taken.id:08d}")
    assert scan is not None and scan.ticket_number == taken.number
    case_no = cases.list_cases(limit=1)[0].case_no
    assert cases.read_scan(case_no) is not None  # the demo hall's own code
    with pytest.raises(NotFound):
        cases.read_scan("T99999999")
    with pytest.raises(NotFound):  # the QR's number must be the id's
        cases.read_scan(f"TICKET|{taken.id}|Z999|202611260815")
    assert cases.read_scan("440524188001010014") is None
