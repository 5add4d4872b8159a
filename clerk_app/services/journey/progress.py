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
from datetime import date

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from clerk_app.domain.case_states import OWED_STATUSES, CaseState, SubmissionStatus, state_label
from clerk_app.domain.public_names import masked_name
from clerk_app.domain.roles import Permission
from clerk_app.domain.scans import normalize_scan
from clerk_app.domain.task_states import TaskState, task_state_label
from clerk_app.errors import PermissionDenied
from clerk_app.hall_time import local_date
from clerk_app.i18n import pick
from clerk_app.persistence.models import Case, Department
from clerk_app.persistence.models_journey import Handover, Package, Task
from clerk_app.services.base import Service
from clerk_app.services.cases.lookup import case_by_no, cases_by_no
from clerk_app.services.documents.service import read_signed
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
                signed = read_signed(s, text)
                cases = _group(s, signed.case_no)
                return _progress(s, cases, local_date(now))
        except DBAPIError as e:
            # PostgreSQL's per-device role of a kiosk PC (``clerk db grants``) reads no cases
            # and no signing keys: say so in words rather than fail with the driver's error.
            if getattr(e.orig, "sqlstate", None) != _INSUFFICIENT_PRIVILEGE:
                raise
            raise PermissionDenied(
                "本机的数据库角色无权查询办件进度，请到窗口咨询。",
                "This PC's database role may not read case progress; please ask at a counter.",
            ) from e


def _group(s: Session, case_no: str) -> list[Case]:
    """The case's group (``journey.handover.group``), loaded with items, departments,
    counters and submissions in a few queries rather than a few per case."""
    first = case_by_no(s, case_no)
    if first.bundle_no is None:
        return [first]
    numbers = s.scalars(
        select(Case.case_no).where(Case.bundle_no == first.bundle_no).order_by(Case.id)
    ).all()
    return cases_by_no(s, numbers)


def _progress(s: Session, cases: list[Case], today: date) -> CaseProgress:
    first = cases[0]
    key = first.bundle_no or first.case_no
    package = s.get(Package, first.package_id) if first.package_id is not None else None
    tasks = _tasks(s, [c.id for c in cases])
    policy = load_policy(s)
    hall = first.receiving_hall or policy.hall_name
    counter = first.counter.number if first.counter is not None else None
    return CaseProgress(
        key=key,
        package_name=package.name if package is not None else "",
        package_due=first.package_due,
        applicant=masked_name(first.applicant_name, person=first.applicant_id_kind != "uscc"),
        cases=tuple(_step(c, tasks.get(c.id)) for c in cases),
        collect_at=_place(hall, counter),
        handed_over=_handed(s.scalar(select(Handover).where(Handover.bundle_no == key))),
        as_of=today,
    )


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


def _step(case: Case, task: TaskStep | None) -> CaseStep:
    state = CaseState(case.state)
    owed = [
        x.material.name
        for x in case.submissions
        if SubmissionStatus(x.status) in OWED_STATUSES and state in _OWING
    ]
    if task is not None and task.asks_for:
        owed.append(task.asks_for)
    return CaseStep(
        case_no=case.case_no,
        item_name=case.item.name,
        department_name=case.item.department.name,
        state=state,
        state_label=state_label(state),
        due_date=case.due_date,
        supplement_due=case.supplement_due if state is CaseState.PENDING_SUPPLEMENT else None,
        owed=tuple(owed),
        task=task,
    )


# States in which a missing material is still owed by the applicant (not once it was handed in,
# nor once the case has ended without it).
_OWING = frozenset({CaseState.PENDING_SUPPLEMENT, CaseState.NOT_ACCEPTED})


def _place(hall: str, counter: int | None) -> str:
    if counter is None:
        return hall
    return pick(f"{hall} {counter}号窗口", f"{hall}, counter {counter}")


def _handed(row: Handover | None) -> str:
    if row is None:
        return ""
    day = local_date(row.at).isoformat()
    if row.method == "deliver":
        return pick(
            f"已于 {day} 邮寄（{row.carrier} {row.tracking_no}）",
            f"Mailed on {day} ({row.carrier} {row.tracking_no})",
        )
    return pick(f"已于 {day} 领取", f"Collected on {day}")
