"""Helpers of the case services inside one unit of work: policy, numbers, look-ups, views."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session, selectinload

from clerk_app.domain.case_states import CaseState
from clerk_app.domain.identity import mask_identifier, validate_resident_id, validate_uscc
from clerk_app.domain.workdays import CalendarNotCovered, WorkdayOverrides, workdays_between
from clerk_app.errors import Conflict, NotFound, ValidationError
from clerk_app.persistence.models import Case, HallSetting, ServiceItem, Submission, Ticket
from clerk_app.persistence.sequences import next_value
from clerk_app.services.cases.results import ApplicantInput, CaseInfo, SubmissionInfo

# Hall settings (``hall_settings`` rows, JSON values) of acceptance and their defaults; the
# queue's live in ``clerk_app.services.settings``.
SUPPLEMENT_DAYS = "case.supplement_days"  # 容缺 deadline, working days (capped by the item)
SUPPLEMENT_GRACE_DAYS = "case.supplement_grace_days"  # working days before overdue; none
YELLOW_DAYS_LEFT = "case.deadline_yellow_days_left"  # yellow at this many working days left
RED_DAYS_LEFT = "case.deadline_red_days_left"  # red at this many or fewer (-1: past due)
MASK_HEAD, MASK_TAIL = "identity.mask_head", "identity.mask_tail"  # digits shown of an ID
_DEFAULTS: dict[str, int] = {
    SUPPLEMENT_DAYS: 5,
    SUPPLEMENT_GRACE_DAYS: 0,
    YELLOW_DAYS_LEFT: 1,
    RED_DAYS_LEFT: -1,
    MASK_HEAD: 4,
    MASK_TAIL: 4,
}
SERIAL_DIGITS = 5
# States whose running deadline is ``due_date`` (the decision) or ``supplement_due``.
_RUNNING = {CaseState.ACCEPTED, CaseState.IN_REVIEW, CaseState.SUPPLEMENTED}


@dataclass(frozen=True)
class HallPolicy:
    hall_name: str
    hall_code: str
    supplement_days: int
    grace_days: int
    yellow_days_left: int
    red_days_left: int
    mask_head: int
    mask_tail: int

    def mask(self, value: str | None) -> str:
        return mask_identifier(value, self.mask_head, self.mask_tail) if value else ""


def load_policy(s: Session) -> HallPolicy:
    values: dict[str, Any] = {r.key: r.value for r in s.scalars(select(HallSetting))}

    def number(key: str) -> int:
        value = values.get(key, _DEFAULTS[key])
        return int(value) if isinstance(value, int | str) else _DEFAULTS[key]

    return HallPolicy(
        hall_name=str(values.get("hall_name", "")),
        hall_code=str(values.get("hall_code", "000000")),
        supplement_days=number(SUPPLEMENT_DAYS),
        grace_days=number(SUPPLEMENT_GRACE_DAYS),
        yellow_days_left=number(YELLOW_DAYS_LEFT),
        red_days_left=number(RED_DAYS_LEFT),
        mask_head=number(MASK_HEAD),
        mask_tail=number(MASK_TAIL),
    )


def normalize_applicant(applicant: ApplicantInput, today: date) -> ApplicantInput:
    """Validated and normalized, or ``ValidationError``/``InvalidIdentifier`` naming the fault."""
    name = applicant.name.strip()
    if not name or len(name) > 200:
        raise ValidationError(
            "请填写申请人名称（不超过 200 个字）。",
            "Enter the applicant's name (at most 200 characters).",
        )
    if applicant.id_kind == "resident_id":
        id_value = validate_resident_id(applicant.id_value, today=today)
    elif applicant.id_kind == "uscc":
        id_value = validate_uscc(applicant.id_value)
    else:
        raise ValidationError(
            f"证件类型“{applicant.id_kind}”无效。", f"Invalid ID kind {applicant.id_kind!r}."
        )
    agent_id = applicant.agent_id.strip()
    if agent_id:
        agent_id = validate_resident_id(agent_id, today=today)
        if not applicant.agent_name.strip():
            raise ValidationError("请填写经办人姓名。", "Enter the agent's name.")
    return ApplicantInput(
        name=name,
        id_kind=applicant.id_kind,
        id_value=id_value,
        legal_representative=applicant.legal_representative.strip()[:100],
        agent_name=applicant.agent_name.strip()[:100],
        agent_id=agent_id,
    )


def load_items(s: Session, codes: list[str]) -> list[ServiceItem]:
    """The active items in ``codes`` order, materials loaded; ``NotFound`` for an unknown code."""
    if not codes:
        raise ValidationError("请至少选择一个事项。", "Choose at least one service item.")
    if len(set(codes)) != len(codes):
        raise ValidationError("同一事项不能重复申请。", "An item is listed twice.")
    rows = s.scalars(
        select(ServiceItem)
        .options(selectinload(ServiceItem.materials), selectinload(ServiceItem.department))
        .where(ServiceItem.item_code.in_(codes), ServiceItem.active)
    )
    by_code = {i.item_code: i for i in rows}
    for code in codes:
        if code not in by_code:
            raise NotFound(
                f"事项目录中没有编码为 {code} 的在用事项，未保存任何内容。",
                f"No active item with code {code} in the catalog; nothing was saved.",
            )
    return [by_code[c] for c in codes]


def check_ticket(s: Session, ticket_id: int | None) -> None:
    if ticket_id is not None and s.get(Ticket, ticket_id) is None:
        raise NotFound(f"没有编号为 {ticket_id} 的号票。", f"No ticket with id {ticket_id}.")


def new_case_no(s: Session, policy: HallPolicy, day: date) -> str:
    """Hall code + yyyymmdd + daily serial: unique across every counter of the hall."""
    serial = next_value(s, "case", day)
    return f"{policy.hall_code}{day:%Y%m%d}{serial:0{SERIAL_DIGITS}d}"


def new_permit_no(s: Session, policy: HallPolicy, day: date) -> str:
    serial = next_value(s, "permit", day)
    return f"XK{policy.hall_code}{day:%Y%m%d}{serial:0{SERIAL_DIGITS}d}"


def normalize_case_no(text: str) -> str:
    """A typed or scanned case number: full-width folded, blanks dropped, upper case."""
    return "".join(unicodedata.normalize("NFKC", text).split()).upper()


def case_by_no(s: Session, case_no: str) -> Case:
    number = normalize_case_no(case_no)
    case = s.scalars(
        select(Case)
        .options(
            selectinload(Case.item).selectinload(ServiceItem.department),
            selectinload(Case.counter),
            selectinload(Case.submissions).selectinload(Submission.material),
        )
        .where(Case.case_no == number)
    ).one_or_none()
    if case is None:
        raise NotFound(f"没有办件编号为 {number} 的办件。", f"No case numbered {number}.")
    return case


def _stale(case: Case) -> Conflict:
    return Conflict(
        f"办件 {case.case_no} 已被他人修改，未保存本次操作；请刷新后重试。",
        f"Case {case.case_no} was changed by someone else; nothing was saved. Refresh and retry.",
    )


def check_version(case: Case, version: int) -> None:
    """``Conflict`` when the clerk acted on an older version than the one stored."""
    if case.version != version:
        raise _stale(case)


def bump(s: Session, case: Case, version: int, now: datetime, **values: Any) -> None:
    """``UPDATE cases … WHERE id = :id AND version = :version``; ``Conflict`` if it was changed.

    Run before any other write of the action, so the loser of a race writes nothing at all
    (on PostgreSQL the UPDATE waits for a concurrent writer of the row, then matches nothing).
    """
    check_version(case, version)
    result = s.execute(
        update(Case)
        .where(Case.id == case.id, Case.version == version)
        .values(version=version + 1, updated_at=now, **values)
        .execution_options(synchronize_session=False)
    )
    if getattr(result, "rowcount", 0) != 1:
        raise _stale(case)
    s.refresh(case)


def deadline(
    case: Case, policy: HallPolicy, today: date, overrides: WorkdayOverrides
) -> tuple[int | None, str]:
    """Working days left to the running deadline and its colour (红黄牌预警)."""
    state = CaseState(case.state)
    if state == CaseState.PENDING_SUPPLEMENT:
        due = case.supplement_due
    elif state in _RUNNING:
        due = case.due_date
    else:
        return None, ""
    if due is None:
        return None, ""
    try:
        left = workdays_between(today, due, overrides)
    except CalendarNotCovered:
        return None, "calendar_missing"
    if left <= policy.red_days_left:
        return left, "red"
    if left <= policy.yellow_days_left:
        return left, "yellow"
    return left, ""


def to_info(
    case: Case,
    policy: HallPolicy,
    today: date,
    overrides: WorkdayOverrides,
    *,
    with_submissions: bool = False,
) -> CaseInfo:
    left, warning = deadline(case, policy, today, overrides)
    item = case.item
    return CaseInfo(
        case_no=case.case_no,
        bundle_no=case.bundle_no,
        item_code=item.item_code,
        item_name=item.name,
        item_kind=item.kind,
        department_name=item.department.name,
        statutory_days=item.statutory_days,
        promised_days=item.promised_days,
        state=case.state,
        applicant_name=case.applicant_name,
        applicant_id_kind=case.applicant_id_kind,
        applicant_id_masked=policy.mask(case.applicant_id_value),
        legal_representative=case.legal_representative,
        agent_name=case.agent_name,
        agent_id_masked=policy.mask(case.agent_id_value),
        accepted_on=case.accepted_on,
        due_date=case.due_date,
        supplement_due=case.supplement_due,
        days_left=left,
        warning=warning,
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
        status=x.status,
        initial_status=x.initial_status,
        note=x.note,
    )
