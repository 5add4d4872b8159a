"""Rows of a case turned into the frozen ``CaseInfo`` the screens, the CLI and documents get."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import Session

from clerk_app.domain.case_states import CaseState, SubmissionStatus
from clerk_app.domain.catalog import ItemKind
from clerk_app.domain.deadlines import deadline_status
from clerk_app.domain.workdays import WorkdayOverrides
from clerk_app.hall_time import local_date
from clerk_app.persistence.models import Case, Submission
from clerk_app.services.calendar import load_overrides
from clerk_app.services.cases.results import CaseInfo, SubmissionInfo
from clerk_app.services.settings import HallPolicy, load_policy


@dataclass(frozen=True)
class Context:
    """What views and deadlines of one unit of work share: the hall's policy, the hall's
    date and the working-day overrides, read once."""

    policy: HallPolicy
    today: date
    overrides: WorkdayOverrides

    @classmethod
    def load(cls, s: Session, now: datetime) -> Context:
        return cls(load_policy(s), local_date(now), load_overrides(s))

    def info(self, case: Case, *, with_submissions: bool = False) -> CaseInfo:
        return to_info(
            case, self.policy, self.today, self.overrides, with_submissions=with_submissions
        )


def to_info(
    case: Case,
    policy: HallPolicy,
    today: date,
    overrides: WorkdayOverrides,
    *,
    with_submissions: bool = False,
) -> CaseInfo:
    """The case as seen on ``today``: IDs masked, working days left and the warning."""
    state = CaseState(case.state)
    status = deadline_status(
        state,
        case.due_date,
        case.supplement_due,
        today,
        overrides,
        policy.thresholds,
    )
    item = case.item
    return CaseInfo(
        case_no=case.case_no,
        bundle_no=case.bundle_no,
        item_code=item.item_code,
        item_name=item.name,
        item_kind=ItemKind(item.kind),
        department_name=item.department.name,
        statutory_days=item.statutory_days,
        promised_days=item.promised_days,
        state=state,
        applicant_name=case.applicant_name,
        applicant_id_kind=case.applicant_id_kind,
        applicant_id_masked=policy.mask(case.applicant_id_value),
        legal_representative=case.legal_representative,
        agent_name=case.agent_name,
        agent_id_masked=policy.mask(case.agent_id_value),
        accepted_on=case.accepted_on,
        due_date=case.due_date,
        supplement_due=case.supplement_due,
        days_left=status.days_left,
        warning=status.warning,
        commitment_signed=case.commitment_signed,
        decision_reason=case.decision_reason,
        decision_basis=case.decision_basis,
        competent_body=case.competent_body,
        permit_no=case.permit_no,
        ticket_id=case.ticket_id,
        counter_no=case.counter.number if case.counter is not None else None,
        created_at=case.created_at,
        version=case.version,
        submissions=tuple(_submission_info(x) for x in case.submissions)
        if with_submissions
        else (),
    )


def _submission_info(x: Submission) -> SubmissionInfo:
    m = x.material
    return SubmissionInfo(
        material_id=m.id,
        name=m.name,
        core=m.core,
        form=m.form,
        requirement=m.requirement,
        status=SubmissionStatus(x.status),
        initial_status=x.initial_status,
        note=x.note,
    )
