"""The signed QR payload of a document, and its offline verification.

A payload is printable ASCII in the QR alphanumeric set (upper-case letters, digits, ``:``), so a
hand scanner in keyboard mode types it back exactly::

    ZW2:PERMIT:440500202611260000112:20261126:K2:<content hash>:<signature>

``K2`` names the hall's key that signed it (keys rotate; old ones keep verifying), the content
hash is the first 80 bits of the SHA-256 of the printed content (for a permit: holder,
location, area, period …) in base32, and the signature is HMAC-SHA256 over everything before
it with that key, truncated to 160 bits, in base32 without padding. So a permit whose printed
location was changed no longer matches its hash, and no new hash can be signed without the key.
``ZW1:KIND:CASE:DATE:<signature>`` (before keys had ids; no content hash) still verifies, with
the hall's first key. Verification needs only the keys, no network: ``clerk verify PAYLOAD``
and the counter's scan box use it.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime

from clerk_app.documents.paper_data import DocumentKind
from clerk_app.errors import ValidationError

__all__ = [
    "PAYLOAD_VERSION",
    "ForgedPayload",
    "PayloadParts",
    "SignedPayload",
    "content_hash",
    "new_secret",
    "sign_payload",
    "signature_mismatch",
    "signed_claims",
    "split_payload",
    "verify_payload",
]

PAYLOAD_VERSION = "ZW2"
LEGACY_VERSION = "ZW1"
#: The key id a ``ZW1`` payload was signed with: the hall's first key.
LEGACY_KEY_ID = "K1"
_SIG_BYTES = 20
_HASH_BYTES = 10
_CASE_NO = re.compile(r"[0-9A-Z]{4,40}")
_KEY_ID = re.compile(r"[0-9A-Z]{1,8}")
_PAYLOAD = re.compile(
    r"(?P<version>ZW1|ZW2):(?P<kind>[A-Z]+):(?P<case_no>[0-9A-Z]{4,40}):(?P<day>[0-9]{8}):"
    r"(?:(?P<key>[0-9A-Z]{1,8}):(?P<hash>[A-Z2-7]{16}):)?(?P<sig>[A-Z2-7]{32})"
)


class ForgedPayload(ValidationError):
    """The payload is malformed or its signature does not match: the paper is not genuine."""


@dataclass(frozen=True)
class SignedPayload:
    kind: DocumentKind
    case_no: str
    issued_on: date
    key_id: str = LEGACY_KEY_ID
    content_hash: str = ""  # "" for a ZW1 payload, which signed no content


def content_hash(content: str) -> str:
    """The payload's hash of a document's printed content (canonical text)."""
    digest = hashlib.sha256(content.encode("utf-8")).digest()[:_HASH_BYTES]
    return base64.b32encode(digest).decode("ascii")


# A kind as written in a payload: its name without underscores (QR alphanumeric, ``[A-Z]+``);
# the kinds before issue 17 have none, so their payloads are unchanged.
_KIND_CODES = {kind.name.replace("_", ""): kind for kind in DocumentKind}


def new_secret() -> str:
    """A fresh hall secret (hex, 256 bits)."""
    return secrets.token_hex(32)


def _signature(secret: str, body: str) -> str:
    digest = hmac.new(secret.encode("ascii"), body.encode("ascii"), hashlib.sha256).digest()
    return base64.b32encode(digest[:_SIG_BYTES]).decode("ascii")


def sign_payload(
    kind: DocumentKind,
    case_no: str,
    issued_on: date,
    secret: str,
    *,
    key_id: str | None = None,
    printed: str | None = None,
) -> str:
    """The QR payload of a document of ``kind`` for ``case_no`` issued on ``issued_on``,
    signed with ``secret`` (key ``key_id``) over the ``printed`` content's hash. Without a
    ``key_id``: the old ``ZW1`` form (no key id, no content), for tests of old paper."""
    if not secret:
        raise ValueError("the hall's document secret is empty")
    if _CASE_NO.fullmatch(case_no) is None:
        raise ValueError(f"case number {case_no!r} is not upper-case letters and digits")
    if key_id is None:
        body = f"{LEGACY_VERSION}:{kind.name.replace('_', '')}:{case_no}:{issued_on:%Y%m%d}"
    else:
        if _KEY_ID.fullmatch(key_id) is None:
            raise ValueError(f"key id {key_id!r} is not 1-8 upper-case letters and digits")
        digest = content_hash(printed or "")
        code = kind.name.replace("_", "")
        body = f"{PAYLOAD_VERSION}:{code}:{case_no}:{issued_on:%Y%m%d}:{key_id}:{digest}"
    return f"{body}:{_signature(secret, body)}"


@dataclass(frozen=True)
class PayloadParts:
    """A payload split into what was signed and its signature; nothing in it is trusted yet.
    ``signature``: the 20 bytes the base32 text stands for (what a database compares)."""

    body: str
    key_id: str
    signature: bytes
    claimed: Mapping[str, str | None]  # the fields as written, unverified


def split_payload(payload: str) -> PayloadParts:
    """The parts of a well-formed payload; ``ForgedPayload`` when it is malformed."""
    text = payload.strip()
    match = _PAYLOAD.fullmatch(text)
    if match is None or (match["version"] == PAYLOAD_VERSION) != (match["key"] is not None):
        raise ForgedPayload(
            "二维码内容格式不对，不是本中心出具的文书。",
            "The QR content is malformed; it is not a document of this hall.",
        )
    return PayloadParts(
        body=text.rsplit(":", 1)[0],
        key_id=match["key"] or LEGACY_KEY_ID,
        signature=base64.b32decode(match["sig"]),
        claimed=match.groupdict(),
    )


def signature_mismatch() -> ForgedPayload:
    """The refusal of a payload no key of the hall signed (or one whose content was changed)."""
    return ForgedPayload(
        "签名不符：文书内容被改动或不是本中心出具。",
        "The signature does not match: the document was altered or is not from this hall.",
    )


def signed_claims(parts: PayloadParts) -> SignedPayload:
    """What a payload whose signature was checked says; ``ForgedPayload`` if our key signed
    something this version cannot read (an unknown kind, an impossible date)."""
    fields = parts.claimed
    try:
        kind = _KIND_CODES[str(fields["kind"])]
        day = datetime.strptime(str(fields["day"]), "%Y%m%d").date()
    except (KeyError, ValueError) as exc:  # signed with our key but unknown: still refuse
        raise ForgedPayload("二维码内容无法识别。", "The QR content cannot be understood.") from exc
    return SignedPayload(
        kind=kind,
        case_no=str(fields["case_no"]),
        issued_on=day,
        key_id=parts.key_id,
        content_hash=fields["hash"] or "",
    )


def verify_payload(payload: str, keys: str | Mapping[str, str]) -> SignedPayload:
    """What a genuine payload says; ``ForgedPayload`` for anything else (nothing is trusted
    before the signature matches). ``keys``: the hall's keys by id (or one key for all)."""
    parts = split_payload(payload)
    secret = keys if isinstance(keys, str) else keys.get(parts.key_id)
    if secret is None or not hmac.compare_digest(_signature(secret, parts.body), _b32(parts)):
        raise signature_mismatch()
    return signed_claims(parts)


def _b32(parts: PayloadParts) -> str:
    return base64.b32encode(parts.signature).decode("ascii")
