"""最多跑一次: each ticket linked to a case counts one visit; a second one says why."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from clerk_app.errors import ValidationError
from clerk_app.persistence.models_cases import Case
from clerk_app.persistence.models_journey import CaseVisit
from clerk_app.services.journey.results import VisitReason

NOTE_MAX_LEN = 200


def record(
    s: Session,
    case: Case,
    ticket_id: int | None,
    reason: VisitReason | str,
    now: datetime,
    note: str = "",
) -> bool:
    """Counts the visit of ``ticket_id`` for ``case`` (once per ticket); False if counted."""
    if ticket_id is None:
        return False
    try:
        why = VisitReason(reason)
    except ValueError:
        raise ValidationError(
            f"来访原因“{reason}”无效。", f"Unknown visit reason {reason!r}."
        ) from None
    seen = s.scalar(
        select(CaseVisit.id).where(CaseVisit.case_id == case.id, CaseVisit.ticket_id == ticket_id)
    )
    if seen is not None:
        return False
    before = count(s, case.id)
    if before and why is VisitReason.ACCEPT:
        raise ValidationError(
            f"办件 {case.case_no} 已来访 {before} 次，请选择本次来访的原因（补正、领证……）。",
            f"Case {case.case_no} has had {before} visits; say why the applicant came again "
            "(supplement, collect, …).",
        )
    if len(note) > NOTE_MAX_LEN:
        raise ValidationError(
            f"来访说明不能超过 {NOTE_MAX_LEN} 个字。",
            f"The visit note may hold at most {NOTE_MAX_LEN} characters.",
        )
    s.add(CaseVisit(case_id=case.id, ticket_id=ticket_id, at=now, reason=why.value, note=note))
    return True


def count(s: Session, case_id: int) -> int:
    return int(
        s.scalar(select(func.count()).select_from(CaseVisit).where(CaseVisit.case_id == case_id))
        or 0
    )
