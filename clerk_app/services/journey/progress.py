"""市民之窗: a case's progress for the applicant who scans their receipt's QR code at the kiosk.

``ProgressService.case_progress(scanned)`` trusts nothing before the payload's signature is
checked with the hall's keys (``documents.service.read_signed``, the check of the counter's
验真); a forged, altered or unknown payload is refused with ``ForgedPayload``. A genuine one
names a case: the progress of its group (a 一件事 package's or a bundle's cases, or the case
alone) comes back as frozen values holding nothing personal but the applicant's masked name —
no ID number, no phone, no agent (the kiosk is a public screen). One read unit of work;
nothing is written. Read permission ``VIEW_CASE_PROGRESS``: the kiosk (and staff).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from clerk_app.documents.signing import signature_mismatch, signed_claims, split_payload
from clerk_app.domain.case_states import OWED_STATUSES, CaseState, state_label
from clerk_app.domain.public_names import masked_name
from clerk_app.domain.roles import Permission
from clerk_app.domain.scans import normalize_scan
from clerk_app.domain.task_states import TaskState, task_state_label
from clerk_app.errors import PermissionDenied
from clerk_app.hall_time import local_date
from clerk_app.i18n import pick
from clerk_app.persistence.models import Counter, Department, Material, ServiceItem
from clerk_app.persistence.models_cases import Case, Submission
from clerk_app.persistence.models_journey import Handover, Package, Task
from clerk_app.services.base import Service
from clerk_app.services.cases.lookup import no_such_case
from clerk_app.services.documents.service import no_document_yet, read_signed
from clerk_app.services.settings import load_policy

__all__ = ["CaseProgress", "CaseStep", "ProgressService", "TaskStep"]

#: No printed code is longer; anything longer is refused before it is looked at.
MAX_SCAN_LENGTH = 200
_INSUFFICIENT_PRIVILEGE = "42501"  # PostgreSQL's SQLSTATE for a missing grant


@dataclass(frozen=True)
class TaskStep:
    """A department's task of the case (并联审批), in words."""

    department_name: str
    state: TaskState
    state_label: str
    due_date: date
    asks_for: str  # returned for supplement: what the department asks for ("" otherwise)


@dataclass(frozen=True)
class CaseStep:
    """One case of the group: the item, its state in words, when it is due, what is owed."""

    case_no: str
    item_name: str
    department_name: str
    state: CaseState
    state_label: str
    due_date: date | None  # the promised limit (working days), once accepted
    supplement_due: date | None  # 容缺: the materials owed must be in by then
    owed: tuple[str, ...]  # materials still owed (容缺 or 一次性告知), and what a task asks for
    task: TaskStep | None


@dataclass(frozen=True)
class CaseProgress:
    """What the kiosk shows for a scanned receipt. ``applicant``: the masked name only."""

    key: str  # the receipt's number: the package's / bundle's first case number, or the case's
    package_name: str  # "" when not a 一件事
    package_due: date | None
    applicant: str
    cases: tuple[CaseStep, ...]
    collect_at: str  # where the result is collected: the hall and the window
    handed_over: str  # "" until collected or mailed; then when and how, in words
    as_of: date  # the hall's date of the answer

    @property
    def due_date(self) -> date | None:
        """The date the applicant may expect the whole result: the package's, else the
        latest of its cases'."""
        dates = [c.due_date for c in self.cases if c.due_date is not None]
        return self.package_due or (max(dates) if dates else None)

    @property
    def owed(self) -> tuple[str, ...]:
        return tuple(x for c in self.cases for x in c.owed)


class ProgressService(Service):
    """The kiosk's read of a case's progress from its receipt's QR code."""

    def case_progress(self, scanned: str) -> CaseProgress:
        """The progress of the case group the genuine payload ``scanned`` names."""
        self.actor.require(Permission.VIEW_CASE_PROGRESS)
        text = normalize_scan(scanned[:MAX_SCAN_LENGTH])  # longer: cut, and refused as malformed
        now = self.clock()
        try:
            with self.db.read() as s:
                if self.db.is_postgres:
                    case_no, personal = _checked_in_database(s, text)
                else:
                    case_no = read_signed(s, text).case_no
                    personal = _personal(s, case_no)
                return _progress(s, _group(s, case_no), personal, local_date(now))
        except DBAPIError as e:
            # A grant missing from a device role (``clerk db grants`` not run after an
            # upgrade): say so in words rather than fail with the driver's error.
            if getattr(e.orig, "sqlstate", None) != _INSUFFICIENT_PRIVILEGE:
                raise
            raise PermissionDenied(
                "本机的数据库角色无权查询办件进度，请管理员重新执行 clerk db grants。",
                "This PC's database role may not read case progress; "
                "ask the administrator to run clerk db grants again.",
            ) from e


# The reads below name their columns: a kiosk PC's database role on PostgreSQL may read these
# (``persistence.grants``) and not the applicant's name, ID number, phone or agent, which come
# only from ``_personal`` (SQLite) or ``clerk_signed_case`` (PostgreSQL, for a genuine payload).


@dataclass(frozen=True)
class _Personal:
    applicant_name: str
    person: bool  # a resident (not an enterprise): masked as a person's name
    tracking_no: str


@dataclass(frozen=True)
class _CaseRow:
    id: int
    case_no: str
    bundle_no: str | None
    state: CaseState
    due_date: date | None
    supplement_due: date | None
    package_id: int | None
    package_due: date | None
    receiving_hall: str
    counter_no: int | None
    item_name: str
    department_name: str


def _checked_in_database(s: Session, text: str) -> tuple[str, _Personal]:
    """The payload's case and personal fields, its signature checked by the database with the
    hall's key (migration 0018), which a kiosk's role may not read."""
    parts = split_payload(text)
    rows = s.execute(
        select(
            func.clerk_signed_case(parts.key_id, parts.body, parts.signature).table_valued(
                "verdict", "applicant_name", "applicant_id_kind", "tracking_no"
            )
        )
    ).all()
    verdict = rows[0].verdict if rows else "ok"
    if verdict == "no_keys":
        raise no_document_yet()
    if verdict != "ok":
        raise signature_mismatch()
    claims = signed_claims(parts)
    if not rows:  # genuine, yet no such case
        raise no_such_case(claims.case_no)
    row = rows[0]
    person = row.applicant_id_kind != "uscc"
    return claims.case_no, _Personal(row.applicant_name, person, row.tracking_no or "")


def _personal(s: Session, case_no: str) -> _Personal:
    name, kind, bundle = s.execute(
        select(Case.applicant_name, Case.applicant_id_kind, Case.bundle_no).where(
            Case.case_no == case_no
        )
    ).one()
    tracking = s.scalar(
        select(Handover.tracking_no).where(Handover.bundle_no == (bundle or case_no))
    )
    return _Personal(name, kind != "uscc", tracking or "")


def _group(s: Session, case_no: str) -> list[_CaseRow]:
    """The case's group (``journey.handover.group``): a package's or bundle's cases, or the
    case alone, in the order they were accepted."""
    bundle = s.execute(select(Case.bundle_no).where(Case.case_no == case_no)).first()
    if bundle is None:
        raise no_such_case(case_no)
    query = (
        select(
            Case.id,
            Case.case_no,
            Case.bundle_no,
            Case.state,
            Case.due_date,
            Case.supplement_due,
            Case.package_id,
            Case.package_due,
            Case.receiving_hall,
            Counter.number,
            ServiceItem.name,
            Department.name,
        )
        .join(ServiceItem, Case.item_id == ServiceItem.id)
        .join(Department, ServiceItem.department_id == Department.id)
        .outerjoin(Counter, Case.counter_id == Counter.id)
        .order_by(Case.id)
    )
    if bundle is not None and bundle[0] is not None:
        query = query.where(Case.bundle_no == bundle[0])
    else:
        query = query.where(Case.case_no == case_no)
    return [
        _CaseRow(
            id=r[0],
            case_no=r[1],
            bundle_no=r[2],
            state=CaseState(r[3]),
            due_date=r[4],
            supplement_due=r[5],
            package_id=r[6],
            package_due=r[7],
            receiving_hall=r[8],
            counter_no=r[9],
            item_name=r[10],
            department_name=r[11],
        )
        for r in s.execute(query).all()
    ]


def _progress(s: Session, cases: list[_CaseRow], personal: _Personal, today: date) -> CaseProgress:
    first = cases[0]
    key = first.bundle_no or first.case_no
    package = (
        s.scalar(select(Package.name).where(Package.id == first.package_id))
        if first.package_id is not None
        else None
    )
    tasks = _tasks(s, [c.id for c in cases])
    owed = _owed(s, [c.id for c in cases if c.state in _OWING])
    hall = first.receiving_hall or load_policy(s).hall_name
    handover = s.execute(
        select(Handover.at, Handover.method, Handover.carrier).where(Handover.bundle_no == key)
    ).first()
    return CaseProgress(
        key=key,
        package_name=package or "",
        package_due=first.package_due,
        applicant=masked_name(personal.applicant_name, person=personal.person),
        cases=tuple(_step(c, owed.get(c.id, []), tasks.get(c.id)) for c in cases),
        collect_at=_place(hall, first.counter_no),
        handed_over=""
        if handover is None
        else _handed(handover.at, handover.method, handover.carrier, personal.tracking_no),
        as_of=today,
    )


def _owed(s: Session, case_ids: list[int]) -> dict[int, list[str]]:
    """The materials each case still owes (容缺 or 一次性告知), in the order they were listed."""
    if not case_ids:
        return {}
    rows = s.execute(
        select(Submission.case_id, Material.name)
        .join(Material, Submission.material_id == Material.id)
        .where(
            Submission.case_id.in_(case_ids),
            Submission.status.in_([status.value for status in OWED_STATUSES]),
        )
        .order_by(Submission.id)
    ).all()
    owed: dict[int, list[str]] = {}
    for case_id, name in rows:
        owed.setdefault(case_id, []).append(name)
    return owed


def _tasks(s: Session, case_ids: list[int]) -> dict[int, TaskStep]:
    rows = s.execute(
        select(Task.case_id, Department.name, Task.state, Task.due_date, Task.reason)
        .join(Department, Task.department_id == Department.id)
        .where(Task.case_id.in_(case_ids))
        .order_by(Task.id)
    ).all()
    steps: dict[int, TaskStep] = {}
    for case_id, department, state, due, reason in rows:
        task_state = TaskState(state)
        steps[case_id] = TaskStep(
            department_name=department,
            state=task_state,
            state_label=task_state_label(task_state),
            due_date=due,
            asks_for=reason if task_state is TaskState.RETURNED else "",
        )
    return steps


def _step(case: _CaseRow, owed: list[str], task: TaskStep | None) -> CaseStep:
    state = case.state
    asked = [task.asks_for] if task is not None and task.asks_for else []
    return CaseStep(
        case_no=case.case_no,
        item_name=case.item_name,
        department_name=case.department_name,
        state=state,
        state_label=state_label(state),
        due_date=case.due_date,
        supplement_due=case.supplement_due if state is CaseState.PENDING_SUPPLEMENT else None,
        owed=(*owed, *asked),
        task=task,
    )


# States in which a missing material is still owed by the applicant (not once it was handed in,
# nor once the case has ended without it).
_OWING = frozenset({CaseState.PENDING_SUPPLEMENT, CaseState.NOT_ACCEPTED})


def _place(hall: str, counter: int | None) -> str:
    if counter is None:
        return hall
    return pick(f"{hall} {counter}号窗口", f"{hall}, counter {counter}")


def _handed(at: datetime, method: str, carrier: str, tracking_no: str) -> str:
    day = local_date(at).isoformat()
    if method == "deliver":
        return pick(
            f"已于 {day} 邮寄（{carrier} {tracking_no}）",
            f"Mailed on {day} ({carrier} {tracking_no})",
        )
    return pick(f"已于 {day} 领取", f"Collected on {day}")
