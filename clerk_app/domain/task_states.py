"""A department task (部门任务) of parallel approval as a pure state machine, and what the
tasks of one case or package add up to.

Accepting a case (alone or in a 一件事 package) pushes one task to the department of its item::

    pending ──take──▶ taken ──approve──▶ approved
                            ├─deny─────▶ denied
                            └─return───▶ returned_for_supplement ──supplement──▶ pending

``approved`` and ``denied`` are final: a task is decided once. A package is decided when every
one of its tasks is; it may be decided partly denied (``PackageOutcome``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from clerk_app.errors import ValidationError
from clerk_app.i18n import pick

__all__ = [
    "DECIDED",
    "OPEN",
    "IllegalTaskTransition",
    "PackageOutcome",
    "TaskEvent",
    "TaskState",
    "next_task_state",
    "outcome",
    "task_state_label",
]


class TaskState(StrEnum):
    PENDING = "pending"
    TAKEN = "taken"
    APPROVED = "approved"
    DENIED = "denied"
    RETURNED = "returned_for_supplement"


class TaskEvent(StrEnum):
    TAKE = "take"
    APPROVE = "approve"
    DENY = "deny"
    RETURN = "return"  # return for supplement (退回补正)
    SUPPLEMENT = "supplement"  # the applicant handed in what was asked at the window


_TRANSITIONS: dict[tuple[TaskState, TaskEvent], TaskState] = {
    (TaskState.PENDING, TaskEvent.TAKE): TaskState.TAKEN,
    (TaskState.TAKEN, TaskEvent.APPROVE): TaskState.APPROVED,
    (TaskState.TAKEN, TaskEvent.DENY): TaskState.DENIED,
    (TaskState.TAKEN, TaskEvent.RETURN): TaskState.RETURNED,
    (TaskState.RETURNED, TaskEvent.SUPPLEMENT): TaskState.PENDING,
}

DECIDED = frozenset({TaskState.APPROVED, TaskState.DENIED})
OPEN = frozenset(TaskState) - DECIDED

_STATE_LABELS: dict[TaskState, tuple[str, str]] = {
    TaskState.PENDING: ("待办", "pending"),
    TaskState.TAKEN: ("办理中", "taken"),
    TaskState.APPROVED: ("准予", "approved"),
    TaskState.DENIED: ("不予", "denied"),
    TaskState.RETURNED: ("退回补正", "returned for supplement"),
}
_EVENT_LABELS: dict[TaskEvent, tuple[str, str]] = {
    TaskEvent.TAKE: ("签收", "take"),
    TaskEvent.APPROVE: ("准予", "approve"),
    TaskEvent.DENY: ("不予", "deny"),
    TaskEvent.RETURN: ("退回补正", "return for supplement"),
    TaskEvent.SUPPLEMENT: ("补正", "supplement"),
}


class IllegalTaskTransition(ValidationError):
    """The event is not allowed in the task's state (e.g. decided twice); nothing changed."""

    def __init__(self, case_no: str, state: TaskState, event: TaskEvent) -> None:
        self.state, self.event = state, event
        s_zh, s_en = _STATE_LABELS[state]
        e_zh, e_en = _EVENT_LABELS[event]
        already = state in DECIDED
        super().__init__(
            f"办件 {case_no} 的部门任务当前为“{s_zh}”，不能“{e_zh}”"
            + ("：任务已办结，不能重复决定。" if already else "。"),
            f'The task of case {case_no} is "{s_en}", so "{e_en}" is not possible'
            + (": it is already decided." if already else "."),
        )


def next_task_state(case_no: str, state: TaskState, event: TaskEvent) -> TaskState:
    """The state after ``event``, or ``IllegalTaskTransition``."""
    target = _TRANSITIONS.get((state, event))
    if target is None:
        raise IllegalTaskTransition(case_no, state, event)
    return target


def task_state_label(state: TaskState) -> str:
    zh, en = _STATE_LABELS[state]
    return pick(zh, en)


@dataclass(frozen=True)
class PackageOutcome:
    """What the tasks of a package (or a single case) add up to."""

    decided: bool  # every task approved or denied
    approved: tuple[str, ...]  # the case numbers approved
    denied: tuple[str, ...]  # the case numbers denied

    @property
    def partly_denied(self) -> bool:
        return self.decided and bool(self.approved) and bool(self.denied)


def outcome(tasks: Iterable[tuple[str, TaskState]]) -> PackageOutcome:
    """The outcome of ``(case_no, state)`` pairs; undecided while any task is open."""
    pairs = list(tasks)
    return PackageOutcome(
        decided=bool(pairs) and all(state in DECIDED for _, state in pairs),
        approved=tuple(no for no, state in pairs if state is TaskState.APPROVED),
        denied=tuple(no for no, state in pairs if state is TaskState.DENIED),
    )
