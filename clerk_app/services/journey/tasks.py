"""A department's work on its tasks (take, approve, deny, return for supplement) and the
window's supplement, inside the caller's unit of work.

Who: a reviewer acts only on tasks of their own department (checked here, below any screen).
How: each change is ``UPDATE tasks … WHERE id = :id AND version = :seen``; of two reviewers
acting at once one wins, the other gets ``Conflict`` and nothing. The case follows its task in
the same transaction (taken → in review; approved / denied → concluded), and when the last
task of a package is decided the applicant's notification is queued with it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from clerk_app.domain.case_states import CaseEvent, CaseState, next_state
from clerk_app.domain.roles import Actor, Role
from clerk_app.domain.task_states import TaskEvent, TaskState, next_task_state, outcome
from clerk_app.errors import Conflict, NotFound, PermissionDenied, ValidationError
from clerk_app.persistence.models import Department
from clerk_app.persistence.models_cases import Case
from clerk_app.persistence.models_journey import Task
from clerk_app.services import audit
from clerk_app.services.cases import checklist
from clerk_app.services.cases.lookup import case_by_no
from clerk_app.services.cases.versions import bump
from clerk_app.services.cases.views import Context
from clerk_app.services.journey import outbox, visits
from clerk_app.services.journey.queries import task_infos
from clerk_app.services.journey.results import TaskInfo, VisitReason


def reviewer_department(actor: Actor) -> int | None:
    """The department a reviewer is bound to; None (every department) for other roles.
    A reviewer without a department may see nothing."""
    if actor.role is not Role.REVIEWER:
        return None
    if actor.department_id is None:
        raise PermissionDenied(
            "该审批人员账号未绑定部门，不能查看或办理部门任务。",
            "This reviewer account is bound to no department; it may not see or work tasks.",
        )
    return actor.department_id


def task_of(s: Session, case_no: str) -> tuple[Task, Case]:
    case = case_by_no(s, case_no)
    task = s.scalar(select(Task).where(Task.case_id == case.id))
    if task is None:
        raise NotFound(
            f"办件 {case.case_no} 没有部门任务。", f"Case {case.case_no} has no department task."
        )
    return task, case


def _own(s: Session, actor: Actor, task: Task, case: Case) -> None:
    mine = reviewer_department(actor)
    if mine is not None and mine != task.department_id:
        owner = s.get(Department, task.department_id)
        name = owner.name if owner is not None else str(task.department_id)
        raise PermissionDenied(
            f"办件 {case.case_no} 的任务属于“{name}”，不属于你的部门；未作修改。",
            f"The task of case {case.case_no} belongs to {name}, not your department; "
            "nothing was changed.",
        )


def _move(
    s: Session,
    task: Task,
    case: Case,
    version: int,
    event: TaskEvent,
    now: datetime,
    **values: Any,
) -> TaskState:
    if task.version != version:
        raise _stale(case)
    target = next_task_state(case.case_no, TaskState(task.state), event)
    result = s.execute(
        update(Task)
        .where(Task.id == task.id, Task.version == version, Task.state == task.state)
        .values(state=target.value, version=version + 1, updated_at=now, **values)
        .execution_options(synchronize_session=False)
    )
    if getattr(result, "rowcount", 0) != 1:
        raise _stale(case)
    s.refresh(task)
    return target


def _stale(case: Case) -> Conflict:
    return Conflict(
        f"办件 {case.case_no} 的部门任务已被他人处理，未保存本次操作；请刷新后重试。",
        f"The task of case {case.case_no} was changed by someone else; nothing was saved. "
        "Refresh and retry.",
    )


def _case_to(s: Session, case: Case, event: CaseEvent, now: datetime, **values: Any) -> None:
    target = next_state(CaseState(case.state), event)
    bump(s, case, case.version, now, state=target.value, **values)


def take(s: Session, actor: Actor, now: datetime, case_no: str, version: int) -> TaskInfo:
    task, case = task_of(s, case_no)
    _own(s, actor, task, case)
    _move(s, task, case, version, TaskEvent.TAKE, now, taken_by=actor.user_id, taken_at=now)
    if case.state in (CaseState.ACCEPTED, CaseState.SUPPLEMENTED):
        _case_to(s, case, CaseEvent.REVIEW, now)
    _audit(s, actor, now, case, "task_taken", {"department_id": task.department_id})
    return _one(s, now, task)


def approve(s: Session, actor: Actor, now: datetime, case_no: str, version: int) -> TaskInfo:
    task, case = task_of(s, case_no)
    _own(s, actor, task, case)
    _move(s, task, case, version, TaskEvent.APPROVE, now, decided_by=actor.user_id, decided_at=now)
    _case_to(s, case, CaseEvent.APPROVE, now)
    _audit(s, actor, now, case, "task_approved", {"department_id": task.department_id})
    _maybe_concluded(s, case, now)
    return _one(s, now, task)


def deny(
    s: Session,
    actor: Actor,
    now: datetime,
    case_no: str,
    version: int,
    reason: str,
    legal_basis: str,
) -> TaskInfo:
    why = _required(reason, "不予许可理由", "The reason", checklist.REASON_MAX_LEN)
    basis = _required(legal_basis, "法律依据", "The legal basis", checklist.BASIS_MAX_LEN)
    task, case = task_of(s, case_no)
    _own(s, actor, task, case)
    _move(
        s,
        task,
        case,
        version,
        TaskEvent.DENY,
        now,
        decided_by=actor.user_id,
        decided_at=now,
        reason=why,
        legal_basis=basis,
    )
    _case_to(s, case, CaseEvent.DENY, now, decision_reason=why, decision_basis=basis)
    _audit(s, actor, now, case, "task_denied", {"reason": why, "legal_basis": basis})
    _maybe_concluded(s, case, now)
    return _one(s, now, task)


def return_for_supplement(
    s: Session, actor: Actor, now: datetime, case_no: str, version: int, what: str
) -> TaskInfo:
    """退回补正: the task waits for the applicant at the window; the case stays in review."""
    needed = _required(what, "需补正的内容", "What to supplement", checklist.REASON_MAX_LEN)
    task, case = task_of(s, case_no)
    _own(s, actor, task, case)
    _move(s, task, case, version, TaskEvent.RETURN, now, reason=needed)
    ctx = Context.load(s, now)
    outbox.queue(
        s,
        case,
        "returned",
        f"returned:{case.case_no}:{task.version}",
        f"【{ctx.policy.hall_name}】您的办件 {case.case_no}（{case.item.name}）需补正：{needed}"
        "请携带材料到窗口补正。",
        now,
    )
    _audit(s, actor, now, case, "task_returned", {"what": needed})
    return _one(s, now, task)


def record_supplement(
    s: Session,
    actor: Actor,
    now: datetime,
    case_no: str,
    version: int,
    ticket_id: int | None,
    note: str,
) -> TaskInfo:
    """The window took what the department asked for: the task goes back to its inbox."""
    text = checklist.decision_text(note, "补正说明", "The note", checklist.REASON_MAX_LEN)
    task, case = task_of(s, case_no)
    _move(
        s,
        task,
        case,
        version,
        TaskEvent.SUPPLEMENT,
        now,
        reason=f"{task.reason}（已补正：{text or '材料已收取'}）",
    )
    visits.record(s, case, ticket_id, VisitReason.SUPPLEMENT, now)
    _audit(s, actor, now, case, "task_supplemented", {"note": text})
    return _one(s, now, task)


def _maybe_concluded(s: Session, case: Case, now: datetime) -> None:
    """Once every task of the case's group is decided, the applicant hears it (queued once)."""
    group = _group(s, case)
    states = s.execute(
        select(Case.case_no, Task.state)
        .join(Task, Task.case_id == Case.id)
        .where(Case.id.in_([c.id for c in group]))
    ).all()
    result = outcome((no, TaskState(st)) for no, st in states)
    if not result.decided:
        return
    bundle = case.bundle_no or case.case_no
    ctx = Context.load(s, now)
    tail = "部分事项不予许可，详见告知书；" if result.denied else ""
    outbox.queue(
        s,
        group[0],
        "concluded",
        f"concluded:{bundle}",
        f"【{ctx.policy.hall_name}】您的办件 {bundle} 已办结，{tail}结果送回窗口后将另行通知领取。",
        now,
    )


def _group(s: Session, case: Case) -> list[Case]:
    if case.bundle_no is None:
        return [case]
    return list(s.scalars(select(Case).where(Case.bundle_no == case.bundle_no).order_by(Case.id)))


def _required(text: str, zh: str, en: str, max_len: int) -> str:
    value = checklist.decision_text(text, zh, en, max_len)
    if not value.strip():
        raise ValidationError(f"请填写{zh}。", f"{en} is required.")
    return value.strip()


def _one(s: Session, now: datetime, task: Task) -> TaskInfo:
    s.flush()
    [info] = task_infos(s, Context.load(s, now), case_ids=[task.case_id])
    return info


def _audit(s: Session, actor: Actor, now: datetime, case: Case, action: str, after: Any) -> None:
    audit.record(
        s, at=now, actor=actor.username, action=action, target=f"case:{case.case_no}", after=after
    )
