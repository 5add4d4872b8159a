"""The signed QR payload: genuine payloads verify offline, any change or other key is refused."""

from __future__ import annotations

import string
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clerk_app.documents.paper_data import DocumentKind
from clerk_app.documents.signing import (
    ForgedPayload,
    new_secret,
    sign_payload,
    verify_payload,
)

SECRET = new_secret()
CASE_NO = "4405002026112600001"


def test_a_signed_payload_verifies_and_says_what_was_signed() -> None:
    payload = sign_payload(DocumentKind.PERMIT, CASE_NO, date(2026, 11, 26), SECRET)
    assert payload.startswith("ZW1:PERMIT:4405002026112600001:20261126:")
    assert payload.isascii() and payload == payload.upper()
    signed = verify_payload(payload, SECRET)
    assert (signed.kind, signed.case_no, signed.issued_on) == (
        DocumentKind.PERMIT,
        CASE_NO,
        date(2026, 11, 26),
    )


def test_a_scanner_trailing_newline_is_tolerated() -> None:
    payload = sign_payload(DocumentKind.RECEIPT, CASE_NO, date(2026, 11, 26), SECRET)
    assert verify_payload(payload + "\r\n", SECRET).kind is DocumentKind.RECEIPT


def test_another_halls_key_is_refused() -> None:
    payload = sign_payload(DocumentKind.RECEIPT, CASE_NO, date(2026, 11, 26), SECRET)
    with pytest.raises(ForgedPayload, match="签名不符"):
        verify_payload(payload, new_secret())


@pytest.mark.parametrize(
    "forge",
    [
        lambda p: p.replace(":PERMIT:", ":RECEIPT:"),
        lambda p: p.replace(CASE_NO, CASE_NO[:-1] + "2"),
        lambda p: p.replace(":20261126:", ":20261127:"),
        lambda p: p[:-1] + ("A" if p[-1] != "A" else "B"),
        lambda p: p[:-2],
        lambda p: p.lower(),
        lambda p: "",
        lambda p: p.replace("ZW1", "ZW2"),
    ],
    ids=["kind", "case", "date", "signature", "truncated", "lower", "empty", "version"],
)
def test_altered_payloads_are_refused(forge: object) -> None:
    payload = sign_payload(DocumentKind.PERMIT, CASE_NO, date(2026, 11, 26), SECRET)
    forged = forge(payload)  # type: ignore[operator]
    assert forged != payload
    with pytest.raises(ForgedPayload):
        verify_payload(forged, SECRET)


@given(
    kind=st.sampled_from(list(DocumentKind)),
    case_no=st.text(string.digits + string.ascii_uppercase, min_size=4, max_size=40),
    day=st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)),
    flip=st.integers(min_value=0),
)
def test_any_one_character_change_is_refused(
    kind: DocumentKind, case_no: str, day: date, flip: int
) -> None:
    payload = sign_payload(kind, case_no, day, SECRET)
    assert verify_payload(payload, SECRET).case_no == case_no
    i = flip % len(payload)
    replacement = "7" if payload[i] != "7" else "Q"
    with pytest.raises(ForgedPayload):
        verify_payload(payload[:i] + replacement + payload[i + 1 :], SECRET)


def test_bad_inputs_to_sign_are_programming_errors() -> None:
    with pytest.raises(ValueError):
        sign_payload(DocumentKind.RECEIPT, "ab-1", date(2026, 1, 1), SECRET)
    with pytest.raises(ValueError):
        sign_payload(DocumentKind.RECEIPT, CASE_NO, date(2026, 1, 1), "")


def test_the_refusal_is_bilingual() -> None:
    with pytest.raises(ForgedPayload) as err:
        verify_payload("hello", SECRET)
    assert err.value.zh and err.value.en and err.value.zh != err.value.en
