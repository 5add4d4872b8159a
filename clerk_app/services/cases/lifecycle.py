"""What happens to a case after the counter's decision: review, conclusion, certificate, supplement.

Functions run inside the caller's unit of work (session, actor, time of the action). Each change
takes the ``version`` the clerk saw and is written with ``UPDATE … WHERE version = :version``:
of two clerks acting at once, one wins and the other gets ``Conflict``. A bundle's cases are
changed together: if one of them fails, the unit of work saves none of them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from clerk_app.domain.case_states import (
    OWED_STATUSES,
    CaseEvent,
    CaseState,
    IllegalTransition,
    SubmissionStatus,
    next_state,
)
from clerk_app.domain.catalog import ItemKind
from clerk_app.domain.deadlines import supplement_last_day
from clerk_app.domain.roles import Actor
from clerk_app.errors import Conflict, ValidationError
from clerk_app.persistence.models import ServiceItem
from clerk_app.persistence.models_cases import Case, CreditListEntry
from clerk_app.persistence.pii import CASE_APPLICANT_ID, pii_of
from clerk_app.services import audit
from clerk_app.services.cases.lookup import cases_by_no
from clerk_app.services.cases.numbers import new_permit_no
from clerk_app.services.cases.results import CaseInfo, CaseRef
from clerk_app.services.cases.versions import bump, check_version
from clerk_app.services.cases.views import Context


def required(text: str, zh: str, en: str) -> str:
    """``text`` stripped, or ``ValidationError`` with the sentence given when it is blank."""
    if not text.strip():
        raise ValidationError(zh, en)
    return text.strip()


def transition(
    s: Session,
    actor: Actor,
    now: datetime,
    refs: Sequence[CaseRef],
    event: CaseEvent,
    *,
    permit: str = "",
    **values: Any,
) -> list[CaseInfo]:
    """``event`` on each case of ``refs`` (a bundle, or one case), in ``refs`` order.

    ``permit`` is the certificate's number for ``issue_certificate`` (one case), blank for a
    new hall number; ``values`` are further columns the event writes (a denial's reasons).
    """
    ctx = Context.load(s, now)
    cases = cases_by_no(s, [r.case_no for r in refs])
    for case, ref in zip(cases, refs, strict=True):
        check_version(case, ref.version)
        before = case.state
        target = next_state(CaseState(before), event, instant=case.item.kind == ItemKind.INSTANT)
        written = dict(values)
        if event == CaseEvent.ISSUE_CERTIFICATE:
            written["permit_no"] = _permit(s, permit, ctx)
        bump(s, case, ref.version, now, state=target.value, **written)
        _audit(s, actor, now, case, f"case_{event.value}", {"before": before, **written})
    return [ctx.info(c, with_submissions=True) for c in cases]


def record_supplement(
    s: Session,
    actor: Actor,
    now: datetime,
    refs: Sequence[CaseRef],
    material_ids: Sequence[int] | None = None,
) -> list[CaseInfo]:
    """Materials handed in after 容缺受理, for each case of ``refs``: the ``material_ids``
    (one case), or every owed one when None. A case that owes nothing more becomes
    ``supplemented``."""
    ctx = Context.load(s, now)
    cases = cases_by_no(s, [r.case_no for r in refs])
    for case, ref in zip(cases, refs, strict=True):
        _supplement(s, actor, now, ctx, case, ref.version, material_ids)
    s.flush()
    return [ctx.info(c, with_submissions=True) for c in cases]


def _supplement(
    s: Session,
    actor: Actor,
    now: datetime,
    ctx: Context,
    case: Case,
    version: int,
    material_ids: Sequence[int] | None,
) -> None:
    check_version(case, version)
    if case.state != CaseState.PENDING_SUPPLEMENT:
        raise IllegalTransition(CaseState(case.state), CaseEvent.SUPPLEMENT)
    last = supplement_last_day(case.supplement_due, ctx.policy.grace_days, ctx.overrides)
    if last is not None and ctx.today > last:
        raise ValidationError(
            f"办件 {case.case_no} 的补正期限（{last.isoformat()}）已过，不能再补正；"
            "该办件将按逾期未补正处理。",
            f"The supplement deadline of case {case.case_no} ({last.isoformat()}) has passed; "
            "the case will be closed as supplement overdue.",
        )
    owed = [x for x in case.submissions if x.status in OWED_STATUSES]
    wanted = None if material_ids is None else set(material_ids)
    chosen = [x for x in owed if wanted is None or x.material_id in wanted]
    if not chosen or (wanted is not None and len(chosen) != len(wanted)):
        raise ValidationError(
            f"所选材料不在办件 {case.case_no} 的待补正清单中。",
            f"The chosen materials are not owed for case {case.case_no}.",
        )
    values: dict[str, Any] = {}
    if len(chosen) == len(owed):
        values["state"] = next_state(CaseState(case.state), CaseEvent.SUPPLEMENT).value
    bump(s, case, version, now, **values)
    for x in chosen:
        x.status, x.received_at = SubmissionStatus.SUPPLEMENTED.value, now
    _audit(s, actor, now, case, "case_supplemented", {"materials": len(chosen)})


def mark_overdue(s: Session, actor: Actor, now: datetime) -> list[CaseInfo]:
    """容缺 cases past their last day become ``supplement_overdue`` (case ended), and each
    enterprise gets a broken-commitment credit record that blocks further 容缺."""
    ctx = Context.load(s, now)
    pending = s.scalars(
        select(Case)
        .options(selectinload(Case.item).selectinload(ServiceItem.department))
        .where(
            Case.state == CaseState.PENDING_SUPPLEMENT.value,
            Case.supplement_due < ctx.today,
        )
        .order_by(Case.id)
    ).all()
    done: list[Case] = []
    for case in pending:
        last = supplement_last_day(case.supplement_due, ctx.policy.grace_days, ctx.overrides)
        if last is None or last >= ctx.today:
            continue
        target = next_state(CaseState(case.state), CaseEvent.MARK_OVERDUE)
        try:
            bump(s, case, case.version, now, state=target.value)
        except Conflict:  # supplemented a moment ago by a counter: nothing to do
            continue
        _broken_commitment(s, actor, case, ctx.policy.hall_name, ctx.today, now)
        _audit(s, actor, now, case, "case_supplement_overdue", {"state": target.value})
        done.append(case)
    s.flush()
    return [ctx.info(c, with_submissions=True) for c in done]


def _permit(s: Session, permit: str, ctx: Context) -> str:
    number = permit.strip()
    if not number:
        return new_permit_no(s, ctx.policy.hall_code, ctx.today)
    if s.scalar(select(Case.id).where(Case.permit_no == number)) is not None:
        raise ValidationError(
            f"证照编号 {number} 已被其他办件使用。",
            f"The permit number {number} is already used by another case.",
        )
    return number


def _broken_commitment(
    s: Session, actor: Actor, case: Case, hall_name: str, today: date, now: datetime
) -> None:
    if case.applicant_id_kind != "uscc":
        return  # the credit list is kept by USCC; a person never gets 容缺 anyway
    due = case.supplement_due.isoformat() if case.supplement_due else ""
    s.add(
        CreditListEntry(
            uscc=pii_of(s).open(case.applicant_id_enc, CASE_APPLICANT_ID),
            list_type="broken_commitment",
            reason=f"容缺受理逾期未补正（办件编号 {case.case_no}，补正期限 {due}）",
            source_department=hall_name,
            enterprise_name=case.applicant_name,
            valid_from=today,
            valid_to=None,
            repaired=False,
            case_id=case.id,
            created_at=now,
            created_by=actor.username,
        )
    )


def _audit(s: Session, actor: Actor, now: datetime, case: Case, action: str, after: Any) -> None:
    audit.record(
        s, at=now, actor=actor.username, action=action, target=f"case:{case.case_no}", after=after
    )
