"""Finding cases again: by number (a scanned receipt), by ticket, the list with its warnings.

Functions run inside the caller's unit of work. IDs are masked in every view; the full numbers
come only from ``reveal_identity``, which writes an audit row (PIPL).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from clerk_app.domain.case_states import CaseState
from clerk_app.domain.roles import Actor
from clerk_app.persistence.models_cases import Case, CreditListEntry
from clerk_app.persistence.pii import CASE_AGENT_ID, CASE_APPLICANT_ID, pii_of
from clerk_app.services import audit
from clerk_app.services.cases.lookup import case_by_no
from clerk_app.services.cases.results import CaseInfo, FullIdentity, KnownApplicant
from clerk_app.services.cases.views import Context, view_select


def get(s: Session, now: datetime, case_no: str) -> CaseInfo:
    """A case by its number as typed or scanned from a receipt's barcode."""
    return Context.load(s, now).info(case_by_no(s, case_no), with_submissions=True)


def list_cases(s: Session, now: datetime, state: CaseState | None, limit: int) -> list[CaseInfo]:
    """Newest first, each with its deadline warning."""
    newest = (Case.created_at.desc(), Case.id.desc())
    # Choose the cases on their own keys, then join the few chosen: sorting whole joined rows
    # of a big hall would cost many times more.
    chosen = select(Case.id).order_by(*newest).limit(limit)
    if state is not None:
        chosen = chosen.where(Case.state == state.value)
    return _infos(
        s, now, view_select().where(Case.id.in_(chosen.scalar_subquery())).order_by(*newest)
    )


def for_ticket(s: Session, now: datetime, ticket_id: int) -> list[CaseInfo]:
    """The cases decided for one ticket, in the order they were decided."""
    return _infos(s, now, view_select().where(Case.ticket_id == ticket_id).order_by(Case.id))


def reveal_identity(
    s: Session, actor: Actor, now: datetime, case_no: str, reason: str
) -> FullIdentity:
    """The unmasked ID numbers of a case; the view itself, with its reason, is written to the
    audit log."""
    case = case_by_no(s, case_no)
    audit.record(
        s,
        at=now,
        actor=actor.username,
        action="identity_viewed",
        target=f"case:{case.case_no}",
        after={"reason": reason},
    )
    pii = pii_of(s)
    applicant = pii.open(case.applicant_id_enc, CASE_APPLICANT_ID)
    agent = pii.open_or_none(case.agent_id_enc, CASE_AGENT_ID) or ""
    return FullIdentity(case.case_no, applicant, agent)


def _infos(s: Session, now: datetime, stmt: Select[Any]) -> list[CaseInfo]:
    ctx = Context.load(s, now)
    return [ctx.row_info(row) for row in s.execute(stmt)]


def known_applicant(s: Session, id_kind: str, id_value: str) -> KnownApplicant | None:
    """The name (and a firm's legal representative) an applicant gave last time: from their
    newest case, else a firm's name on the credit list; None when the hall never met them.
    ``id_value`` is the normalized code, as the cases store it."""
    newest = s.execute(
        select(Case.applicant_name, Case.legal_representative)
        .where(
            Case.applicant_id_kind == id_kind, Case.applicant_id_hash == pii_of(s).lookup(id_value)
        )
        .order_by(Case.created_at.desc(), Case.id.desc())
        .limit(1)
    ).first()
    if newest is not None:
        return KnownApplicant(newest.applicant_name, newest.legal_representative)
    if id_kind != "uscc":
        return None
    listed = s.scalar(
        select(CreditListEntry.enterprise_name)
        .where(CreditListEntry.uscc == id_value, CreditListEntry.enterprise_name != "")
        .order_by(CreditListEntry.valid_from.desc(), CreditListEntry.id.desc())
        .limit(1)
    )
    return KnownApplicant(listed, "") if listed else None
