"""Reading the journey: department tasks (an inbox, a case's, every one), and what a case list
adds per case (package, deciding body, visits). Plain rows of one join, no ORM objects."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from clerk_app.domain.deadlines import deadline_warning
from clerk_app.domain.task_states import OPEN, TaskState
from clerk_app.domain.workdays import CalendarNotCovered, workdays_between
from clerk_app.persistence.models import Department, ServiceItem, User
from clerk_app.persistence.models_cases import Case
from clerk_app.persistence.models_journey import CaseVisit, Package, Task
from clerk_app.persistence.pii import CASE_APPLICANT_ID, Pii, pii_of
from clerk_app.services.cases.views import Context
from clerk_app.services.journey.results import CaseJourney, TaskInfo

_Taker = aliased(User)
_Decider = aliased(User)


def task_infos(
    s: Session,
    ctx: Context,
    *,
    case_ids: Sequence[int] | None = None,
    department_id: int | None = None,
    states: Collection[TaskState] | None = None,
    limit: int = 1000,
) -> list[TaskInfo]:
    """Tasks oldest due first (then case number), each with its working days left."""
    q = (
        select(
            Task.id,
            Case.case_no,
            Case.bundle_no,
            Package.code,
            ServiceItem.name,
            Department.code,
            Department.name,
            Task.state,
            Task.due_date,
            Case.applicant_name,
            Case.applicant_id_kind,
            Case.applicant_id_enc,
            Task.reason,
            Task.legal_basis,
            _Taker.display_name,
            _Decider.display_name,
            Task.version,
        )
        .select_from(Task)
        .join(Case, Task.case_id == Case.id)
        .join(ServiceItem, Case.item_id == ServiceItem.id)
        .join(Department, Task.department_id == Department.id)
        .outerjoin(Package, Case.package_id == Package.id)
        .outerjoin(_Taker, Task.taken_by == _Taker.id)
        .outerjoin(_Decider, Task.decided_by == _Decider.id)
        .order_by(Task.due_date, Case.case_no)
        .limit(limit)
    )
    if case_ids is not None:
        q = q.where(Task.case_id.in_(case_ids))
    if department_id is not None:
        q = q.where(Task.department_id == department_id)
    if states is not None:
        q = q.where(Task.state.in_([st.value for st in states]))
    pii = pii_of(s)
    return [_info(ctx, pii, row) for row in s.execute(q)]


def _info(ctx: Context, pii: Pii, r: Any) -> TaskInfo:
    state = TaskState(r[7])
    left, warning = None, ""
    if state in OPEN:
        try:
            left = workdays_between(ctx.today, r[8], ctx.overrides)
            warning = deadline_warning(left, ctx.policy.thresholds).value
        except CalendarNotCovered:
            warning = "calendar_missing"
    name = r[9]
    if r[10] == "resident_id" and len(name) > 1:
        name = name[0] + "*" * (len(name) - 1)
    return TaskInfo(
        id=r[0],
        case_no=r[1],
        bundle_no=r[2],
        package_code=r[3],
        item_name=r[4],
        department_code=r[5],
        department_name=r[6],
        state=state,
        due_date=r[8],
        days_left=left,
        warning=warning,
        applicant=f"{name} {ctx.policy.mask(pii.open(r[11], CASE_APPLICANT_ID))}",
        reason=r[12],
        legal_basis=r[13],
        taken_by=r[14] or "",
        decided_by=r[15] or "",
        version=r[16],
    )


def case_journeys(s: Session, case_nos: Sequence[str]) -> dict[str, CaseJourney]:
    """Package code, deciding body, receiving hall and visits of each case named."""
    if not case_nos:
        return {}
    visit_count = (
        select(func.count())
        .select_from(CaseVisit)
        .where(CaseVisit.case_id == Case.id)
        .correlate(Case)
        .scalar_subquery()
    )
    rows = s.execute(
        select(
            Case.case_no,
            Package.code,
            Case.authority,
            ServiceItem.authority,
            Case.receiving_hall,
            visit_count,
        )
        .select_from(Case)
        .join(ServiceItem, Case.item_id == ServiceItem.id)
        .outerjoin(Package, Case.package_id == Package.id)
        .where(Case.case_no.in_(list(case_nos)))
    )
    return {
        no: CaseJourney(
            package=code,
            authority=(own or item_authority) or None,
            receiving_hall=hall,
            visits=int(count or 0),
        )
        for no, code, own, item_authority, hall, count in rows
    }
