"""A case turned into the frozen ``CaseInfo`` the screens, the CLI and documents get.

Two ways in, one conversion: a case loaded with the ORM (one case and its submissions, after
an action) or a row of ``view_select`` (lists: plain columns of a join, no ORM objects, so 500
cases cost a few milliseconds). Both are read through the same column names.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, NamedTuple

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, object_session

from clerk_app.domain.case_states import CaseState, SubmissionStatus
from clerk_app.domain.catalog import ItemKind
from clerk_app.domain.deadlines import WarningThresholds, deadline_status
from clerk_app.domain.workdays import WorkdayOverrides
from clerk_app.hall_time import local_date
from clerk_app.persistence.models import Counter, Department, ServiceItem
from clerk_app.persistence.models_cases import Case, Submission
from clerk_app.persistence.pii import CASE_AGENT_ID, CASE_APPLICANT_ID, Pii, pii_of
from clerk_app.services.calendar import load_overrides
from clerk_app.services.cases.results import CaseInfo, SubmissionInfo
from clerk_app.services.settings import HallPolicy, load_policy


class _Values(NamedTuple):
    """One view's values by name: a row of ``view_select`` (unpacked by position, as a Row's
    own attributes cost ~1 µs each) or read off a loaded case."""

    case_no: str
    bundle_no: str | None
    state: str
    applicant_name: str
    applicant_id_kind: str
    applicant_id_enc: bytes
    legal_representative: str
    agent_name: str
    agent_id_enc: bytes | None
    accepted_on: date | None
    due_date: date | None
    supplement_due: date | None
    commitment_signed: bool
    decision_reason: str
    decision_basis: str
    competent_body: str
    permit_no: str | None
    ticket_id: int | None
    created_at: datetime
    version: int
    # from the case's item, the item's department and the case's counter
    item_code: str
    item_name: str
    item_kind: str
    statutory_days: int
    promised_days: int
    department_name: str
    counter_no: int | None


_JOINED: dict[str, Any] = {
    "item_code": ServiceItem.item_code,
    "item_name": ServiceItem.name,
    "item_kind": ServiceItem.kind,
    "statutory_days": ServiceItem.statutory_days,
    "promised_days": ServiceItem.promised_days,
    "department_name": Department.name,
    "counter_no": Counter.number,
}
_CASE_FIELDS = tuple(name for name in _Values._fields if name not in _JOINED)


def view_select() -> Select[Any]:
    """Rows with every column a ``CaseInfo`` needs (without submissions), for lists."""
    columns = [
        _JOINED[name].label(name) if name in _JOINED else getattr(Case, name)
        for name in _Values._fields
    ]
    return (
        select(*columns)
        .select_from(Case)
        .join(ServiceItem, Case.item_id == ServiceItem.id)
        .join(Department, ServiceItem.department_id == Department.id)
        .outerjoin(Counter, Case.counter_id == Counter.id)
    )


@dataclass(frozen=True)
class Context:
    """What the views of one unit of work share: the hall's policy, the hall's date and the
    working-day overrides, read once."""

    policy: HallPolicy
    today: date
    overrides: WorkdayOverrides
    pii: Pii

    @classmethod
    def load(cls, s: Session, now: datetime) -> Context:
        return cls(load_policy(s), local_date(now), load_overrides(s), pii_of(s))

    def info(self, case: Case, *, with_submissions: bool = False) -> CaseInfo:
        return to_info(
            case,
            self.policy,
            self.today,
            self.overrides,
            with_submissions=with_submissions,
            pii=self.pii,
        )

    def row_info(self, row: Any) -> CaseInfo:
        """A row of ``view_select`` as a ``CaseInfo`` (no submissions)."""
        values = _Values._make(row)
        return _info(
            values, self.pii, self.policy, self.policy.thresholds, self.today, self.overrides, ()
        )


def to_info(
    case: Case,
    policy: HallPolicy,
    today: date,
    overrides: WorkdayOverrides,
    *,
    with_submissions: bool = False,
    pii: Pii | None = None,
) -> CaseInfo:
    """The case as seen on ``today``: IDs masked, working days left and the warning.

    ``pii``: the hall's keys; by default those of the unit of work the case was loaded in."""
    item = case.item
    values = _Values(
        **{name: getattr(case, name) for name in _CASE_FIELDS},
        item_code=item.item_code,
        item_name=item.name,
        item_kind=item.kind,
        statutory_days=item.statutory_days,
        promised_days=item.promised_days,
        department_name=item.department.name,
        counter_no=case.counter.number if case.counter is not None else None,
    )
    submissions = tuple(_submission_info(x) for x in case.submissions) if with_submissions else ()
    if pii is None:
        session = object_session(case)
        assert session is not None, "a case is shown from its unit of work"
        pii = pii_of(session)
    return _info(values, pii, policy, policy.thresholds, today, overrides, submissions)


def _info(
    r: _Values,
    pii: Pii,
    policy: HallPolicy,
    thresholds: WarningThresholds,
    today: date,
    overrides: WorkdayOverrides,
    submissions: tuple[SubmissionInfo, ...],
) -> CaseInfo:
    state = CaseState(r.state)
    status = deadline_status(state, r.due_date, r.supplement_due, today, overrides, thresholds)
    return CaseInfo(
        case_no=r.case_no,
        bundle_no=r.bundle_no,
        item_code=r.item_code,
        item_name=r.item_name,
        item_kind=ItemKind(r.item_kind),
        department_name=r.department_name,
        statutory_days=r.statutory_days,
        promised_days=r.promised_days,
        state=state,
        applicant_name=r.applicant_name,
        applicant_id_kind=r.applicant_id_kind,
        applicant_id_masked=policy.mask(pii.open(r.applicant_id_enc, CASE_APPLICANT_ID)),
        legal_representative=r.legal_representative,
        agent_name=r.agent_name,
        agent_id_masked=policy.mask(pii.open_or_none(r.agent_id_enc, CASE_AGENT_ID)),
        accepted_on=r.accepted_on,
        due_date=r.due_date,
        supplement_due=r.supplement_due,
        days_left=status.days_left,
        warning=status.warning,
        commitment_signed=r.commitment_signed,
        decision_reason=r.decision_reason,
        decision_basis=r.decision_basis,
        competent_body=r.competent_body,
        permit_no=r.permit_no,
        ticket_id=r.ticket_id,
        counter_no=r.counter_no,
        created_at=r.created_at,
        version=r.version,
        submissions=submissions,
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
