"""What the document service returns: a printed PDF with its record, the history, a verification."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from clerk_app.documents.paper_data import DocumentKind, PaperDocument, PermitDetails
from clerk_app.i18n import pick

__all__ = ["DocumentPreview", "PrintRecord", "PrintedDocument", "VerifyResult"]


@dataclass(frozen=True)
class DocumentPreview:
    """What a print would draw now, drawn (nothing recorded): the preview dialog shows ``pdf``."""

    document: PaperDocument
    pdf: bytes


@dataclass(frozen=True)
class PrintedDocument:
    """One print (首次打印 or 补打): the PDF to send to the printer and what was recorded.

    ``reprint`` is True when this is the recorded document drawn again with the 补打 mark;
    then ``original_id`` is the record of the first print and ``issued_on`` its date.
    """

    kind: DocumentKind
    case_no: str
    title: str
    reprint: bool
    record_id: int
    original_id: int | None
    issued_on: date
    printed_at: datetime  # naive UTC, like every stored time
    pdf: bytes
    pdf_sha256: str
    document: PaperDocument  # what was drawn (for a preview or ``paper_text``)


@dataclass(frozen=True)
class PrintRecord:
    """One row of a case's print history (打印记录)."""

    record_id: int
    case_no: str
    kind: DocumentKind
    title: str
    issued_on: date
    printed_at: datetime  # naive UTC
    printed_by: str  # the actor's user name (``system:<os user>`` from the CLI)
    counter_no: int | None
    reprint: bool
    reprint_of: int | None  # the original's record id for a 补打
    content_sha256: str
    pdf_sha256: str


@dataclass(frozen=True)
class VerifyResult:
    """A genuine payload (a forged one raises ``ForgedPayload``) and what the hall knows of it."""

    kind: DocumentKind
    case_no: str
    issued_on: date
    recorded: bool  # a print record of this kind, case and date exists
    title: str  # the recorded title ("" when not recorded)
    case_state: str | None  # the case's current CaseState value; None if the case is unknown
    case_state_label: str  # the state for people, in the current language ("" if unknown)
    key_id: str = ""  # the hall's key that signed it
    # What the paper must say, from the print record whose content the payload signed (empty
    # for old paper without a content hash, or when no record has that content): compare it
    # with the paper. For a permit: holder, location, area, period.
    holder: str = ""
    permit: PermitDetails | None = None
    content_signed: bool = False  # the payload carries a hash of the printed content

    @property
    def genuine(self) -> bool:
        return True

    def printed_lines(self) -> list[tuple[str, str]]:
        """(label, value) of what the genuine paper says, for the checker to compare (the CLI
        and the counter's F8 show them); empty when the payload signed no content."""
        lines: list[tuple[str, str]] = []
        if self.holder:
            lines.append((pick("持证人", "Holder"), self.holder))
        permit = self.permit
        if permit is None:
            return lines
        period = ""
        if permit.period_from and permit.period_to:
            period = f"{permit.period_from.isoformat()} – {permit.period_to.isoformat()}"
        for label, value in (
            (pick("证号", "Permit no."), permit.permit_no),
            (pick("地点", "Location"), permit.location),
            (pick("面积（平方米）", "Area (m²)"), permit.area_m2),
            (pick("期限", "Period"), period),
            (pick("用途", "Purpose"), permit.purpose),
            *permit.fields,
        ):
            if value:
                lines.append((label, value))
        return lines
