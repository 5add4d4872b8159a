"""What a print will draw: the read, the plan (an original or a 补打) and the re-check.

A print is three steps, so that drawing the PDF (about 24 ms) never holds the hall's write lock
(on SQLite one lock for every counter: a call-next would wait behind a print):

1. ``read_case``, in a read unit of work: the case (with its ``version``), the facts its
   documents say, the latest original print of the kind, the hall's document key.
2. ``plan``, with no transaction open: the document to draw. The first print of (case, kind) is
   the original. If the latest original's content hash (see ``snapshots``) equals the fresh
   document's, this print is a 补打: the recorded snapshot, marked. If the case changed what
   the document says, a new original dated today. Before a 补打 the snapshot is redrawn
   unmarked and must hash to the recorded ``pdf_sha256``; if not (the renderer or a font
   changed) it cannot be reproduced, so a new original is issued and the drift is logged.
3. ``unchanged``, first thing in the short write that records the print: the case row is locked
   (``FOR UPDATE`` on PostgreSQL; SQLite writers are serialized) and its version and latest
   original must be the ones step 1 read. If not, the plan may be stale and the caller plans
   again from step 1. This is what makes two counters printing the first copy at once produce
   one original: the second finds the first's original at the re-check, plans again, and
   records a 补打 of it.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from clerk_app.documents.paper_data import DocumentKind, PaperDocument
from clerk_app.documents.signing import sign_payload
from clerk_app.persistence.models_cases import Case
from clerk_app.persistence.models_cases import PrintedDocument as PrintRow
from clerk_app.services.calendar import load_overrides
from clerk_app.services.cases.lookup import case_by_no
from clerk_app.services.cases.views import to_info
from clerk_app.services.documents.builders import CaseFacts, build_document, facts_shape
from clerk_app.services.documents.facts import case_facts
from clerk_app.services.documents.fit import require_fit
from clerk_app.services.documents.secret import DocumentKey, read_key
from clerk_app.services.documents.snapshots import content_sha256, from_snapshot
from clerk_app.services.settings import load_policy

__all__ = [
    "CaseSeen",
    "Original",
    "Plan",
    "latest_original",
    "plan",
    "plan_print",
    "read_case",
    "sha256",
    "unchanged",
    "versions_unchanged",
]
log = logging.getLogger(__name__)

Draw = Callable[[PaperDocument], bytes]
# A document as of an issue day, with a QR payload ('' before it is signed).
Build = Callable[[date, str], PaperDocument]


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class Original:
    """The latest original print of (case, kind), as read: what a 补打 redraws."""

    record_id: int
    content: dict[str, Any]  # the recorded snapshot
    content_sha256: str
    pdf_sha256: str


@dataclass(frozen=True)
class CaseSeen:
    """What one read found; plain data, usable after its unit of work has ended."""

    case_id: int
    case_no: str
    version: int
    facts: CaseFacts
    original: Original | None
    key: DocumentKey | None  # the hall's signing key now; None if it is missing


@dataclass(frozen=True)
class Plan:
    """The document to draw (marked when ``original`` is set: a 补打) and why."""

    document: PaperDocument
    original: Original | None
    drift: bool  # a recorded original could not be redrawn identically: a new original


def _latest_original(case_id: int, kind: DocumentKind) -> Select[PrintRow]:
    return (
        select(PrintRow)
        .where(PrintRow.case_id == case_id, PrintRow.kind == kind.value, ~PrintRow.reprint)
        .order_by(PrintRow.id.desc())
        .limit(1)
    )


def latest_original(s: Session, case_id: int, kind: DocumentKind) -> Original | None:
    """The latest original print of (case, kind), if any (step 1)."""
    row = s.scalars(_latest_original(case_id, kind)).first()
    if row is None:
        return None
    return Original(row.id, dict(row.content), row.content_sha256, row.pdf_sha256)


def read_case(s: Session, kind: DocumentKind, case_no: str, today: date) -> CaseSeen:
    """Step 1 (in a read unit of work); ``ValidationError`` if ``kind`` does not fit the case."""
    case = case_by_no(s, case_no)
    policy = load_policy(s)
    info = to_info(case, policy, today, load_overrides(s), with_submissions=True)
    facts = case_facts(s, case, info, policy)
    require_fit(kind, info.case_no, facts_shape(facts))
    original = latest_original(s, case.id, kind)
    return CaseSeen(case.id, case.case_no, case.version, facts, original, read_key(s))


def plan(kind: DocumentKind, seen: CaseSeen, today: date, key: DocumentKey, draw: Draw) -> Plan:
    """Step 2 for a case's document (no transaction): see ``plan_print``."""

    def build(issued_on: date, qr_payload: str) -> PaperDocument:
        return build_document(kind, seen.facts, issued_on=issued_on, qr_payload=qr_payload)

    return plan_print(kind, seen.case_no, seen.original, today, key, build, draw)


def plan_print(
    kind: DocumentKind,
    case_no: str,
    original: Original | None,
    today: date,
    key: DocumentKey,
    build: Build,
    draw: Draw,
) -> Plan:
    """Step 2 (no transaction): ``build`` makes the document of ``case_no`` (a case's, or a
    group's under its number) as of a day with a payload; ``draw`` is the renderer, used for
    the 补打 redraw check.

    The QR payload signs the hash of what the paper says (``content_sha256``: for a permit its
    holder, location, area and period among the rest) with the hall's key of now."""
    unsigned = build(today, "")
    payload = sign_payload(
        kind,
        case_no,
        today,
        key.secret,
        key_id=key.key_id,
        printed=content_sha256(unsigned),
    )
    fresh = replace(unsigned, qr_payload=payload)
    if original is None or original.content_sha256 != content_sha256(fresh):
        return Plan(fresh, None, drift=False)
    recorded = from_snapshot(original.content)
    if sha256(draw(recorded)) != original.pdf_sha256:
        log.warning(
            "document %s of case %s no longer redraws identically; issuing a new original",
            original.record_id,
            case_no,
        )
        return Plan(fresh, None, drift=True)
    return Plan(replace(recorded, reprint=True), original, drift=False)


def unchanged(s: Session, kind: DocumentKind, seen: CaseSeen) -> bool:
    """Step 3 (in the writing unit, before recording): locks the case row and tells whether
    the case and its latest original of ``kind`` are still what ``seen`` read."""
    return versions_unchanged(s, kind, seen.case_id, {seen.case_id: seen.version}, seen.original)


def versions_unchanged(
    s: Session,
    kind: DocumentKind,
    case_id: int,
    versions: Mapping[int, int],
    original: Original | None,
) -> bool:
    """Step 3 for a case or a group: locks the rows of ``versions`` (case id -> version
    read), and tells whether each is still at its version and the latest original of
    (``case_id``, ``kind``) is still ``original``."""
    now = dict(
        s.execute(
            select(Case.id, Case.version)
            .where(Case.id.in_(list(versions)))
            .order_by(Case.id)
            .with_for_update()
        ).all()
    )
    latest = s.scalar(_latest_original(case_id, kind).with_only_columns(PrintRow.id))
    expected = original.record_id if original is not None else None
    return now == dict(versions) and latest == expected
