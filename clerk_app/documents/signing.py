"""The signed QR payload of a document, and its offline verification.

A payload is printable ASCII in the QR alphanumeric set (upper-case letters, digits, ``:``), so a
hand scanner in keyboard mode types it back exactly::

    ZW1:PERMIT:440500202611260000112:20261126:<signature>

The signature is HMAC-SHA256 over ``version:kind:case_no:date`` with the hall's secret key,
truncated to 160 bits and written in base32 without padding. Verification needs only the key,
no network: ``clerk verify PAYLOAD`` and the counter's scan box use it.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import date, datetime

from clerk_app.documents.paper_data import DocumentKind
from clerk_app.errors import ValidationError

__all__ = [
    "PAYLOAD_VERSION",
    "ForgedPayload",
    "SignedPayload",
    "new_secret",
    "sign_payload",
    "verify_payload",
]

PAYLOAD_VERSION = "ZW1"
_SIG_BYTES = 20
_CASE_NO = re.compile(r"[0-9A-Z]{4,40}")
_PAYLOAD = re.compile(
    rf"{PAYLOAD_VERSION}:(?P<kind>[A-Z]+):(?P<case_no>[0-9A-Z]{{4,40}}):(?P<day>[0-9]{{8}}):"
    r"(?P<sig>[A-Z2-7]{32})"
)


class ForgedPayload(ValidationError):
    """The payload is malformed or its signature does not match: the paper is not genuine."""


@dataclass(frozen=True)
class SignedPayload:
    kind: DocumentKind
    case_no: str
    issued_on: date


# A kind as written in a payload: its name without underscores (QR alphanumeric, ``[A-Z]+``);
# the kinds before issue 17 have none, so their payloads are unchanged.
_KIND_CODES = {kind.name.replace("_", ""): kind for kind in DocumentKind}


def new_secret() -> str:
    """A fresh hall secret (hex, 256 bits)."""
    return secrets.token_hex(32)


def _signature(secret: str, body: str) -> str:
    digest = hmac.new(secret.encode("ascii"), body.encode("ascii"), hashlib.sha256).digest()
    return base64.b32encode(digest[:_SIG_BYTES]).decode("ascii")


def sign_payload(kind: DocumentKind, case_no: str, issued_on: date, secret: str) -> str:
    """The QR payload of a document of ``kind`` for ``case_no`` issued on ``issued_on``."""
    if not secret:
        raise ValueError("the hall's document secret is empty")
    if _CASE_NO.fullmatch(case_no) is None:
        raise ValueError(f"case number {case_no!r} is not upper-case letters and digits")
    body = f"{PAYLOAD_VERSION}:{kind.name.replace('_', '')}:{case_no}:{issued_on:%Y%m%d}"
    return f"{body}:{_signature(secret, body)}"


def verify_payload(payload: str, secret: str) -> SignedPayload:
    """What a genuine payload says; ``ForgedPayload`` for anything else (nothing is trusted
    before the signature matches)."""
    text = payload.strip()
    match = _PAYLOAD.fullmatch(text)
    if match is None:
        raise ForgedPayload(
            "二维码内容格式不对，不是本中心出具的文书。",
            "The QR content is malformed; it is not a document of this hall.",
        )
    body = text.rsplit(":", 1)[0]
    if not hmac.compare_digest(_signature(secret, body), match["sig"]):
        raise ForgedPayload(
            "签名不符：文书内容被改动或不是本中心出具。",
            "The signature does not match: the document was altered or is not from this hall.",
        )
    try:
        kind = _KIND_CODES[match["kind"]]
        day = datetime.strptime(match["day"], "%Y%m%d").date()
    except (KeyError, ValueError) as exc:  # signed with our key but unknown: still refuse
        raise ForgedPayload("二维码内容无法识别。", "The QR content cannot be understood.") from exc
    return SignedPayload(kind=kind, case_no=match["case_no"], issued_on=day)
