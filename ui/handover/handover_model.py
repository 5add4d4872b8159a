"""The cases of a group at the window, as the handover dialog lists them: a thin table model.

A row joins a department task (item, department, its decision) with the case it belongs to
(the case's state, the applicant masked); both come from the core as frozen results.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from clerk_app.domain.case_states import CaseState, state_label
from clerk_app.domain.task_states import OPEN, TaskState, task_state_label
from ui.common.table_model import RowTableModel

if TYPE_CHECKING:
    from clerk_app.api import StaffSession
    from clerk_app.services.cases.results import CaseInfo
    from clerk_app.services.journey.results import TaskInfo


@dataclass(frozen=True)
class HandoverRow:
    case_no: str
    item_name: str
    department_name: str
    decision: TaskState
    state: CaseState
    applicant: str  # name and ID, masked
    permit_no: str
    task_version: int = 0  # the department task's, for a 补正 recorded at the window
    request: str = ""  # what the department asked for (its reason), when it returned the task


def handover_rows(tasks: list[TaskInfo], cases: dict[str, CaseInfo]) -> list[HandoverRow]:
    """One row per task, in case-number order, with its case's state."""
    rows = []
    for task in sorted(tasks, key=lambda t: t.case_no):
        case = cases[task.case_no]
        rows.append(
            HandoverRow(
                case_no=task.case_no,
                item_name=task.item_name,
                department_name=task.department_name,
                decision=task.state,
                state=case.state,
                applicant=case.applicant_masked,
                permit_no=case.permit_no or "",
                task_version=task.version,
                request=task.reason if task.state is TaskState.RETURNED else "",
            )
        )
    return rows


def read_group(session: StaffSession, number: str) -> tuple[str, list[HandoverRow]]:
    """The group of ``number`` (a case's or its bundle's number) and its rows; no rows when
    its cases have no department tasks. Raises the core's ``ClerkError`` (unknown number)."""
    tasks = session.journey.tasks_of(number)
    if not tasks:
        return session.cases.get(number).case_no, []
    cases = {t.case_no: session.cases.get(t.case_no) for t in tasks}
    return tasks[0].bundle_no or tasks[0].case_no, handover_rows(tasks, cases)


def routes_here(rows: list[HandoverRow]) -> bool:
    """A scanned case goes to the handover (not to 调取办件) while its result waits for it, or
    while a department waits for a supplement the applicant brings to the window."""
    return may_make_ready(rows) or may_hand_over(rows) or bool(returned(rows))


def returned(rows: list[HandoverRow]) -> list[HandoverRow]:
    """The tasks a department returned for a supplement (退回补正), waiting for the window."""
    return [r for r in rows if r.decision is TaskState.RETURNED]


def all_decided(rows: list[HandoverRow]) -> bool:
    return bool(rows) and not any(r.decision in OPEN for r in rows)


def may_make_ready(rows: list[HandoverRow]) -> bool:
    """出证: every department decided and an approved result not yet at the window."""
    return all_decided(rows) and any(r.state is CaseState.APPROVED for r in rows)


def may_hand_over(rows: list[HandoverRow]) -> bool:
    """领取 / 邮寄: every result is at the window (certificates issued, denials told); the
    core still refuses a group handed over already."""
    at_window = (CaseState.CERTIFICATE_ISSUED, CaseState.DENIED)
    return all_decided(rows) and all(r.state in at_window for r in rows)


def may_explain_denial(rows: list[HandoverRow]) -> bool:
    """不予许可告知书: every case of the group has its result and a department denied one."""
    results = (
        CaseState.APPROVED,
        CaseState.CERTIFICATE_ISSUED,
        CaseState.COLLECTED,
        CaseState.DENIED,
    )
    return (
        all_decided(rows)
        and all(r.state in results for r in rows)
        and any(r.state is CaseState.DENIED for r in rows)
    )


class HandoverCaseModel(RowTableModel):
    CASE_NO, ITEM, DEPARTMENT, DECISION, STATE, APPLICANT = range(6)

    def headers(self) -> list[str]:
        return [
            self.tr("Case no."),
            self.tr("Item"),
            self.tr("Department"),
            self.tr("Decision"),
            self.tr("State"),
            self.tr("Applicant"),
        ]

    def display(self, row: Any, column: int) -> str:
        r: HandoverRow = row
        if column == self.CASE_NO:
            return r.case_no
        if column == self.ITEM:
            return r.item_name
        if column == self.DEPARTMENT:
            return r.department_name
        if column == self.DECISION:
            return task_state_label(r.decision)
        if column == self.STATE:
            label = state_label(r.state)
            return f"{label} · {r.permit_no}" if r.permit_no else label
        return r.applicant
