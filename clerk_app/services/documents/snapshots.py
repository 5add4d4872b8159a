"""A ``PaperDocument`` as JSON and back, so a recorded print can be redrawn exactly (补打).

The snapshot is plain JSON (dates as ISO strings, tuples as lists) with a version number; the
content hash covers the document's substance only — not the issue date, the signed QR payload,
the reprint mark or the hall header — so "the same document" survives a new day and a new hall
phone number, while a changed case (a new supplement, a permit number) makes a new original.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, replace
from datetime import date
from typing import Any

from clerk_app.documents.paper_data import (
    DocumentKind,
    HallHeader,
    MaterialLine,
    PaperDocument,
    PermitDetails,
)

__all__ = ["SNAPSHOT_VERSION", "content_sha256", "from_snapshot", "to_snapshot"]

SNAPSHOT_VERSION = 1
_NOT_CONTENT = ("issued_on", "qr_payload", "reprint", "hall")


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def to_snapshot(doc: PaperDocument) -> dict[str, Any]:
    """JSON-safe data that ``from_snapshot`` turns back into an equal document."""
    data: dict[str, Any] = _plain(asdict(replace(doc, reprint=False)))
    data["kind"] = doc.kind.value
    data["v"] = SNAPSHOT_VERSION
    return data


def _day(text: Any) -> date | None:
    return date.fromisoformat(text) if text else None


def from_snapshot(data: dict[str, Any]) -> PaperDocument:
    """The document a snapshot records (``reprint`` False; the caller marks a reprint)."""
    if data.get("v") != SNAPSHOT_VERSION:
        raise ValueError(f"unknown document snapshot version {data.get('v')!r}")
    permit = data.get("permit")
    return PaperDocument(
        kind=DocumentKind(data["kind"]),
        title=data["title"],
        case_no=data["case_no"],
        issued_on=date.fromisoformat(data["issued_on"]),
        hall=HallHeader(**data["hall"]),
        qr_payload=data["qr_payload"],
        applicant_name=data["applicant_name"],
        applicant_id_label=data["applicant_id_label"],
        applicant_id=data["applicant_id"],
        item_name=data["item_name"],
        department_name=data["department_name"],
        legal_representative=data["legal_representative"],
        agent_name=data["agent_name"],
        agent_id=data["agent_id"],
        accepted_on=_day(data["accepted_on"]),
        due_date=_day(data["due_date"]),
        statutory_days=data["statutory_days"],
        promised_days=data["promised_days"],
        supplement_due=_day(data["supplement_due"]),
        materials=tuple(MaterialLine(**m) for m in data["materials"]),
        reason=data["reason"],
        legal_basis=data["legal_basis"],
        competent_body=data["competent_body"],
        appeal=data["appeal"],
        paragraphs=tuple(data["paragraphs"]),
        permit=None
        if permit is None
        else PermitDetails(
            title=permit["title"],
            permit_no=permit["permit_no"],
            location=permit["location"],
            area_m2=permit["area_m2"],
            period_from=_day(permit["period_from"]),
            period_to=_day(permit["period_to"]),
            purpose=permit["purpose"],
            conditions=tuple(permit["conditions"]),
            fields=tuple((str(a), str(b)) for a, b in permit["fields"]),
        ),
        copies=tuple(data["copies"]),
        reprint=False,
        extra=dict(data["extra"]),
        table=tuple(tuple(str(cell) for cell in row) for row in data.get("table", ())),
    )


def content_sha256(doc: PaperDocument) -> str:
    """The hash of what the document says about the case (see the module docstring)."""
    data = to_snapshot(doc)
    for key in _NOT_CONTENT:
        data.pop(key, None)
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
