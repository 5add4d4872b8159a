"""Printing the documents of a case, recording every print, and verifying a scanned QR payload.

Rules:

* Which kinds fit a case: ``document_kinds`` (the fit table is its docstring).
* Every print is recorded in ``printed_documents`` with an audit row, in one unit of work; a
  render that fails (``UnprintableText``: the font lacks a character) records nothing.
* "A reprint is the same document": the first print of (case, kind) is the original. A later
  print whose content hash (the document without issue date, QR payload, reprint mark and hall
  header; see ``document_snapshot``) equals the latest original's is a 补打: the recorded
  snapshot is drawn again with the reprint mark, and the row points to the original. If the
  case changed what the document says (a new supplement, a permit number) a new original is
  issued with today's date. Before a reprint the snapshot is redrawn without the mark and must
  hash to the recorded ``pdf_sha256``; if not (the renderer or font changed) the document
  cannot be reproduced, so a new original is issued and the drift is audit-logged.
* The case row is locked (``FOR UPDATE`` on PostgreSQL; SQLite writers are serialized) so two
  counters printing the first copy at once make one original and one reprint.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk_app.documents.paper import render_paper
from clerk_app.documents.paper_data import DocumentKind, PaperDocument
from clerk_app.documents.signing import ForgedPayload, sign_payload, verify_payload
from clerk_app.domain.case_states import CaseState, state_label
from clerk_app.domain.roles import Permission
from clerk_app.hall_time import local_date
from clerk_app.persistence.models import Case
from clerk_app.persistence.models import PrintedDocument as PrintRow
from clerk_app.services import audit
from clerk_app.services.base import Service
from clerk_app.services.calendar import load_overrides
from clerk_app.services.cases.lookup import case_by_no
from clerk_app.services.cases.numbers import normalize_case_no
from clerk_app.services.cases.views import to_info
from clerk_app.services.documents.builders import build_document, facts_shape
from clerk_app.services.documents.facts import (
    case_facts,
    ensure_secret,
    read_secret,
)
from clerk_app.services.documents.fit import fitting_kinds, parse_kind, require_fit
from clerk_app.services.documents.results import (
    DocumentPreview,
    PrintedDocument,
    PrintRecord,
    VerifyResult,
)
from clerk_app.services.documents.snapshots import content_sha256, from_snapshot, to_snapshot
from clerk_app.services.settings import RoadPermitRules, load_policy, load_road_rules

__all__ = ["DocumentService"]
log = logging.getLogger(__name__)


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class DocumentService(Service):
    """The documents of a case for the counter, the CLI and the verification box."""

    def kinds_for(self, case_no: str) -> list[DocumentKind]:
        """The kinds that fit the case now, in print order."""
        self.actor.require(Permission.VIEW_CASES)
        now = self.clock()
        with self.db.read() as s:
            case = case_by_no(s, case_no)
            policy = load_policy(s)
            info = to_info(case, policy, local_date(now), load_overrides(s), with_submissions=True)
            return fitting_kinds(facts_shape(case_facts(s, case, info, policy)))

    def preview(self, kind: DocumentKind | str, case_no: str) -> PaperDocument:
        """What ``print_document`` would draw now (a 补打 shows its mark); nothing is recorded."""
        self.actor.require(Permission.PRINT_DOCUMENTS)
        wanted = parse_kind(kind)
        with self.db.write() as s:  # write: the hall secret may have to be created
            doc, original, _drift = self._plan(s, wanted, case_by_no(s, case_no))
            return replace(doc, reprint=True) if original is not None else doc

    def draw_preview(self, kind: DocumentKind | str, case_no: str) -> DocumentPreview:
        """``preview`` drawn as PDF, the very bytes a print would send (nothing recorded)."""
        doc = self.preview(kind, case_no)
        return DocumentPreview(document=doc, pdf=render_paper(doc))

    def permit_rules(self) -> RoadPermitRules:
        """Which items issue the road occupation permit, and its longest period (the form)."""
        self.actor.require(Permission.VIEW_CASES)
        with self.db.read() as s:
            return load_road_rules(s)

    def print_document(self, kind: DocumentKind | str, case_no: str) -> PrintedDocument:
        """Draws the document and records the print (see the module docstring for 补打)."""
        self.actor.require(Permission.PRINT_DOCUMENTS)
        wanted = parse_kind(kind)
        now = self.clock()
        with self.db.write() as s:
            s.execute(
                select(Case.id).where(Case.case_no == normalize_case_no(case_no)).with_for_update()
            )
            case = case_by_no(s, case_no)
            doc, original, drift = self._plan(s, wanted, case)
            if original is not None:
                doc = replace(doc, reprint=True)
            pdf = render_paper(doc)
            row = PrintRow(
                case_id=case.id,
                case_no=case.case_no,
                kind=wanted.value,
                title=doc.title,
                issued_on=doc.issued_on,
                printed_at=now,
                user_id=self.actor.user_id,
                printed_by=self.actor.username,
                counter_no=self.actor.counter_no,
                reprint=original is not None,
                reprint_of=original.id if original is not None else None,
                content=original.content if original is not None else to_snapshot(doc),
                content_sha256=content_sha256(doc),
                pdf_sha256=_sha256(pdf),
            )
            s.add(row)
            s.flush()
            audit.record(
                s,
                at=now,
                actor=self.actor.username,
                action="document_reprinted" if row.reprint else "document_printed",
                target=f"case:{case.case_no}",
                after={
                    "kind": wanted.value,
                    "title": doc.title,
                    "record_id": row.id,
                    "reprint_of": row.reprint_of,
                    "issued_on": doc.issued_on.isoformat(),
                    "pdf_sha256": row.pdf_sha256,
                    **({"redraw_drift": True} if drift else {}),
                },
            )
            return PrintedDocument(
                kind=wanted,
                case_no=case.case_no,
                title=doc.title,
                reprint=row.reprint,
                record_id=row.id,
                original_id=row.reprint_of,
                issued_on=doc.issued_on,
                printed_at=now,
                pdf=pdf,
                pdf_sha256=row.pdf_sha256,
                document=doc,
            )

    def history(self, case_no: str) -> list[PrintRecord]:
        """Every print of the case's documents, oldest first."""
        self.actor.require(Permission.VIEW_CASES)
        with self.db.read() as s:
            case = case_by_no(s, case_no)
            rows = s.scalars(
                select(PrintRow)
                .where(PrintRow.case_id == case.id)
                .order_by(PrintRow.printed_at, PrintRow.id)
            )
            return [_record(r) for r in rows]

    def verify(self, payload: str) -> VerifyResult:
        """What a scanned QR payload says, if genuine; ``ForgedPayload`` if forged or altered."""
        self.actor.require(Permission.VIEW_CASES)
        with self.db.read() as s:
            secret = read_secret(s)
            if secret is None:  # no key yet: nothing was ever signed by this hall
                raise ForgedPayload(
                    "本中心尚未出具过带二维码的文书，该文书不是本中心出具。",
                    "This hall has not issued any signed document; this one is not genuine.",
                )
            signed = verify_payload(payload, secret)
            state = s.scalar(select(Case.state).where(Case.case_no == signed.case_no))
            title = s.scalar(
                select(PrintRow.title)
                .where(
                    PrintRow.case_no == signed.case_no,
                    PrintRow.kind == signed.kind.value,
                    PrintRow.issued_on == signed.issued_on,
                )
                .order_by(PrintRow.id)
                .limit(1)
            )
            return VerifyResult(
                kind=signed.kind,
                case_no=signed.case_no,
                issued_on=signed.issued_on,
                recorded=title is not None,
                title=title or "",
                case_state=state,
                case_state_label=state_label(CaseState(state)) if state else "",
            )

    # --- helpers -------------------------------------------------------------------------
    def _plan(
        self, s: Session, kind: DocumentKind, case: Case
    ) -> tuple[PaperDocument, PrintRow | None, bool]:
        """The document to draw (unmarked), the original it reprints (or None) and whether a
        recorded original could not be redrawn identically (drift)."""
        today = local_date(self.clock())
        policy = load_policy(s)
        info = to_info(case, policy, today, load_overrides(s), with_submissions=True)
        facts = case_facts(s, case, info, policy)
        require_fit(kind, info.case_no, facts_shape(facts))
        payload = sign_payload(kind, case.case_no, today, ensure_secret(s))
        fresh = build_document(kind, facts, issued_on=today, qr_payload=payload)
        original = s.scalars(
            select(PrintRow)
            .where(PrintRow.case_id == case.id, PrintRow.kind == kind.value, ~PrintRow.reprint)
            .order_by(PrintRow.id.desc())
            .limit(1)
        ).first()
        if original is None or original.content_sha256 != content_sha256(fresh):
            return fresh, None, False
        recorded = from_snapshot(original.content)
        if _sha256(render_paper(recorded)) != original.pdf_sha256:
            log.warning(
                "document %s of case %s no longer redraws identically; issuing a new original",
                original.id,
                case.case_no,
            )
            return fresh, None, True
        return recorded, original, False


def _record(r: PrintRow) -> PrintRecord:
    return PrintRecord(
        record_id=r.id,
        case_no=r.case_no,
        kind=DocumentKind(r.kind),
        title=r.title,
        issued_on=r.issued_on,
        printed_at=r.printed_at,
        printed_by=r.printed_by,
        counter_no=r.counter_no,
        reprint=r.reprint,
        reprint_of=r.reprint_of,
        content_sha256=r.content_sha256,
        pdf_sha256=r.pdf_sha256,
    )
