"""Finding cases again: by number (a scanned receipt), by ticket, the list with its warnings.

Functions run inside the caller's unit of work. IDs are masked in every view; the full numbers
come only from ``reveal_identity``, which writes an audit row (PIPL).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from clerk_app.domain.case_states import CaseState
from clerk_app.domain.roles import Actor
from clerk_app.persistence.models import Case
from clerk_app.services import audit
from clerk_app.services.cases.lookup import CASE_LOADS, case_by_no
from clerk_app.services.cases.results import CaseInfo, FullIdentity
from clerk_app.services.cases.views import Context


def get(s: Session, now: datetime, case_no: str) -> CaseInfo:
    """A case by its number as typed or scanned from a receipt's barcode."""
    return Context.load(s, now).info(case_by_no(s, case_no), with_submissions=True)


def list_cases(s: Session, now: datetime, state: CaseState | None, limit: int) -> list[CaseInfo]:
    """Newest first, each with its deadline warning."""
    stmt = select(Case).order_by(Case.created_at.desc(), Case.id.desc()).limit(limit)
    if state is not None:
        stmt = stmt.where(Case.state == state.value)
    return _infos(s, now, stmt)


def for_ticket(s: Session, now: datetime, ticket_id: int) -> list[CaseInfo]:
    """The cases decided for one ticket, in the order they were decided."""
    return _infos(s, now, select(Case).where(Case.ticket_id == ticket_id).order_by(Case.id))


def reveal_identity(s: Session, actor: Actor, now: datetime, case_no: str) -> FullIdentity:
    """The unmasked ID numbers of a case; the view itself is written to the audit log."""
    case = case_by_no(s, case_no)
    audit.record(
        s, at=now, actor=actor.username, action="identity_viewed", target=f"case:{case.case_no}"
    )
    return FullIdentity(case.case_no, case.applicant_id_value, case.agent_id_value or "")


def _infos(s: Session, now: datetime, stmt: Select[Case]) -> list[CaseInfo]:
    ctx = Context.load(s, now)
    return [ctx.info(c) for c in s.scalars(stmt.options(*CASE_LOADS))]
