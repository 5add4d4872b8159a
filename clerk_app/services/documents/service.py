"""Printing the documents of a case, recording every print, and verifying a scanned QR payload.

Rules:

* Which kinds fit a case: ``document_kinds`` (the fit table is its docstring).
* Every print is recorded in ``printed_documents`` with an audit row, in one short writing unit
  of work; a render that fails (``UnprintableText``: the font lacks a character) records
  nothing.
* "A reprint is the same document": the first print of (case, kind) is the original; printing
  again draws the recorded snapshot with the 补打 mark, unless the case changed what the
  document says (then a new original dated today). ``planning`` has the details.
* The PDF is drawn outside any transaction (read, draw, then record), so a print never holds
  the hall's write lock while it draws; the write re-checks that the case and its latest
  original are still what was read, and if not, the print is planned and drawn again (at most
  ``PLAN_ATTEMPTS`` times, then ``Conflict``). Two counters printing the first copy at once
  thus make one original and one 补打.
* reportlab loads at the first drawing, not when the services are imported.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk_app.documents.paper.bodies import paper_text
from clerk_app.documents.paper_data import DocumentKind, PaperDocument
from clerk_app.documents.signing import (
    ForgedPayload,
    SignedPayload,
    content_hash,
    new_secret,
    verify_payload,
)
from clerk_app.domain.case_states import CaseState, state_label
from clerk_app.domain.roles import Actor, Permission
from clerk_app.errors import Conflict
from clerk_app.hall_time import local_date
from clerk_app.persistence.models_cases import Case
from clerk_app.persistence.models_cases import PrintedDocument as PrintRow
from clerk_app.services import audit
from clerk_app.services.base import Service
from clerk_app.services.calendar import load_overrides
from clerk_app.services.cases.lookup import case_by_no
from clerk_app.services.cases.views import to_info
from clerk_app.services.documents.builders import facts_shape
from clerk_app.services.documents.facts import case_facts
from clerk_app.services.documents.fit import fitting_kinds, parse_kind
from clerk_app.services.documents.planning import (
    Plan,
    plan,
    read_case,
    sha256,
    unchanged,
)
from clerk_app.services.documents.results import (
    DocumentPreview,
    PrintedDocument,
    PrintRecord,
    VerifyResult,
)
from clerk_app.services.documents.secret import DocumentKey, all_keys, ensure_key, rotate
from clerk_app.services.documents.snapshots import content_sha256, from_snapshot, to_snapshot
from clerk_app.services.settings import RoadPermitRules, load_policy, load_road_rules

__all__ = [
    "PLAN_ATTEMPTS",
    "DocumentService",
    "draw",
    "print_conflict",
    "read_signed",
    "record_print",
]

# How often a print is planned and drawn before giving up because the case (or its originals)
# kept changing between the read and the write. Two suffice for a race between two counters.
PLAN_ATTEMPTS = 3


def draw(doc: PaperDocument) -> bytes:
    """The renderer, imported here so that reportlab loads at the first drawing."""
    from clerk_app.documents.paper.render import render_paper

    return render_paper(doc)


def record_print(
    s: Session,
    actor: Actor,
    kind: DocumentKind,
    case_id: int,
    case_no: str,
    chosen: Plan,
    pdf: bytes,
    now: datetime,
) -> PrintedDocument:
    """Records the print of ``chosen`` (an original, or a 补打 of one) for the case ``case_id``
    (a group's paper is recorded on its first case, under the group's number) and its audit
    row, in the caller's writing unit."""
    doc, original = chosen.document, chosen.original
    row = PrintRow(
        case_id=case_id,
        case_no=case_no,
        kind=kind.value,
        title=doc.title,
        issued_on=doc.issued_on,
        printed_at=now,
        user_id=actor.user_id,
        printed_by=actor.username,
        counter_no=actor.counter_no,
        reprint=original is not None,
        reprint_of=original.record_id if original is not None else None,
        content=original.content if original is not None else to_snapshot(doc),
        content_sha256=content_sha256(doc),
        pdf_sha256=sha256(pdf),
    )
    s.add(row)
    s.flush()
    audit.record(
        s,
        at=now,
        actor=actor.username,
        action="document_reprinted" if row.reprint else "document_printed",
        target=f"case:{case_no}",
        after={
            "kind": kind.value,
            "title": doc.title,
            "record_id": row.id,
            "reprint_of": row.reprint_of,
            "issued_on": doc.issued_on.isoformat(),
            "pdf_sha256": row.pdf_sha256,
            **({"redraw_drift": True} if chosen.drift else {}),
        },
    )
    return PrintedDocument(
        kind=kind,
        case_no=case_no,
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


def print_conflict(case_no: str) -> Conflict:
    """The refusal when a case kept changing while its paper was drawn."""
    return Conflict(
        f"办件 {case_no} 在打印过程中多次被修改，本次未打印也未记录，请重试。",
        f"Case {case_no} kept changing while its document was drawn; nothing was "
        "printed or recorded, try again.",
    )


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
        """What ``print_document`` would draw now (a 补打 shows its mark); writes nothing.

        One read unit of work, nothing more. A hall whose document key is missing (migration
        0005 gives every hall one; only a deleted key is missing) is previewed with a throwaway
        key: its QR code would not verify, as no preview is a valid document; the first print
        creates the real key.
        """
        self.actor.require(Permission.PRINT_DOCUMENTS)
        wanted = parse_kind(kind)
        today = local_date(self.clock())
        with self.db.read() as s:
            seen = read_case(s, wanted, case_no, today)
        key = seen.key or DocumentKey("K0", new_secret())  # a throwaway: no preview is genuine
        return plan(wanted, seen, today, key, draw).document

    def preview_text(self, kind: DocumentKind | str, case_no: str) -> list[str]:
        """The lines ``preview`` says, in reading order (``paper_text``): what a screen shows."""
        return paper_text(self.preview(kind, case_no))

    def draw_preview(self, kind: DocumentKind | str, case_no: str) -> DocumentPreview:
        """``preview`` drawn as PDF, the very bytes a print would send (nothing recorded)."""
        doc = self.preview(kind, case_no)
        return DocumentPreview(document=doc, pdf=draw(doc))

    def permit_rules(self) -> RoadPermitRules:
        """Which items issue the road occupation permit, and its longest period (the form)."""
        self.actor.require(Permission.VIEW_CASES)
        with self.db.read() as s:
            return load_road_rules(s)

    def print_document(self, kind: DocumentKind | str, case_no: str) -> PrintedDocument:
        """Draws the document and records the print (see the module docstring for 补打).

        Read, draw with no transaction open, then one short write that re-checks and records
        the print with its audit row; planned again if the case changed in between.
        """
        self.actor.require(Permission.PRINT_DOCUMENTS)
        wanted = parse_kind(kind)
        now = self.clock()
        today = local_date(now)
        for _attempt in range(PLAN_ATTEMPTS):
            with self.db.read() as s:
                seen = read_case(s, wanted, case_no, today)
            chosen = plan(wanted, seen, today, seen.key or self._create_key(), draw)
            pdf = draw(chosen.document)
            with self.db.write() as s:
                if unchanged(s, wanted, seen):
                    return record_print(
                        s, self.actor, wanted, seen.case_id, seen.case_no, chosen, pdf, now
                    )
        raise print_conflict(seen.case_no)

    def _create_key(self) -> DocumentKey:
        """The hall's document key, created in a tiny write of its own (only when missing)."""
        with self.db.write() as s:
            return ensure_key(s, self.clock())

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
        """What a scanned QR payload says, if genuine; ``ForgedPayload`` if forged or altered.

        A payload signed over the printed content (``ZW2``) is matched to the print record of
        that content, whose words (a permit's holder, location, area and period) come back for
        the checker to compare with the paper."""
        self.actor.require(Permission.VIEW_CASES)
        with self.db.read() as s:
            signed = read_signed(s, payload)
            state = s.scalar(select(Case.state).where(Case.case_no == signed.case_no))
            rows = s.execute(
                select(PrintRow.title, PrintRow.content, PrintRow.content_sha256)
                .where(
                    PrintRow.case_no == signed.case_no,
                    PrintRow.kind == signed.kind.value,
                    PrintRow.issued_on == signed.issued_on,
                )
                .order_by(PrintRow.id)
            ).all()
        if signed.content_hash:
            rows = [r for r in rows if content_hash(r.content_sha256) == signed.content_hash]
        printed = from_snapshot(rows[0].content) if rows and signed.content_hash else None
        return VerifyResult(
            kind=signed.kind,
            case_no=signed.case_no,
            issued_on=signed.issued_on,
            recorded=bool(rows),
            title=rows[0].title if rows else "",
            case_state=state,
            case_state_label=state_label(CaseState(state)) if state else "",
            key_id=signed.key_id,
            holder=printed.applicant_name if printed else "",
            permit=printed.permit if printed else None,
            content_signed=bool(signed.content_hash),
        )

    def rotate_key(self) -> str:
        """A new document key signs from now on (old paper keeps verifying); returns its id.
        Administrators only; the audit row names the key id, never the key."""
        self.actor.require(Permission.MANAGE_SETTINGS)
        now = self.clock()
        with self.db.write() as s:
            key_id = rotate(s, now)
            audit.record(
                s,
                at=now,
                actor=self.actor.username,
                action="document_key_rotated",
                after={"key_id": key_id},
            )
        return key_id


def read_signed(s: Session, payload: str) -> SignedPayload:
    """What a scanned payload says, checked against the hall's keys (every key ever used);
    ``ForgedPayload`` when it is malformed, altered or signed by no key of this hall. The one
    check of a document's QR: the counter's 验真 and the kiosk's progress page both use it."""
    keys = all_keys(s)
    if not keys:  # no key yet: nothing was ever signed by this hall
        raise no_document_yet()
    return verify_payload(payload, keys)


def no_document_yet() -> ForgedPayload:
    """The refusal of any payload by a hall that has no key yet: it never signed anything."""
    return ForgedPayload(
        "本中心尚未出具过带二维码的文书，该文书不是本中心出具。",
        "This hall has not issued any signed document; this one is not genuine.",
    )


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
