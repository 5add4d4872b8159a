"""What the journey services take and return: frozen views, never live ORM objects."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Literal

from clerk_app.domain.task_states import TaskState
from clerk_app.services.cases.results import CaseInfo


@dataclass(frozen=True)
class PackageItemInfo:
    item_code: str
    item_name: str
    department_name: str
    statutory_days: int  # working days
    promised_days: int  # working days
    authority: str


@dataclass(frozen=True)
class SharedMaterialInfo:
    """A material asked once for the package (``id`` is what a check names)."""

    id: int
    name: str
    material_ids: tuple[int, ...]  # the items' own materials it stands for


@dataclass(frozen=True)
class PackageInfo:
    code: str
    name: str
    promised_days: int  # working days
    active: bool
    items: tuple[PackageItemInfo, ...]
    shared: tuple[SharedMaterialInfo, ...]


@dataclass(frozen=True)
class PackageInput:
    """A package as the admin enters it; ``shared`` maps a shared material's name to the
    ``(item_code, material name)`` pairs it stands for."""

    code: str
    name: str
    promised_days: int
    item_codes: tuple[str, ...]
    shared: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = ()


@dataclass(frozen=True)
class TaskInfo:
    """One department's task of a case, as an inbox or the CLI shows it."""

    id: int
    case_no: str
    bundle_no: str | None
    package_code: str | None
    item_name: str
    department_code: str
    department_name: str
    state: TaskState
    due_date: date
    days_left: int | None  # working days to the due date while open; negative when overdue
    warning: str  # DeadlineWarning value: "", yellow, red, calendar_missing
    applicant: str  # name and masked ID
    reason: str
    legal_basis: str
    taken_by: str
    decided_by: str
    version: int


@dataclass(frozen=True)
class PackageAcceptance:
    """One acceptance of a package: its cases (one per item) and the tasks pushed at once."""

    bundle_no: str
    package_code: str
    package_due: date
    cases: tuple[CaseInfo, ...]
    tasks: tuple[TaskInfo, ...]


class VisitReason(StrEnum):
    """Why the applicant came (again) for a case: the first visit is the acceptance."""

    ACCEPT = "accept"
    SUPPLEMENT = "supplement"  # 补正
    COLLECT = "collect"  # 领证
    CONSULT = "consult"  # 咨询进度
    OTHER = "other"


@dataclass(frozen=True)
class CollectorInput:
    """Who collects at the window: the applicant, or an agent with an authorisation letter
    (授权委托书) and their own resident ID (checked, kept only masked and keyed)."""

    who: Literal["applicant", "agent"]
    agent_name: str = ""
    agent_id: str = ""
    authorisation_letter: bool = False


@dataclass(frozen=True)
class HandoverInfo:
    bundle_no: str
    method: Literal["collect", "deliver"]
    collector: str
    agent_name: str
    agent_id_masked: str
    tracking_no: str | None
    carrier: str
    at: datetime
    cases: tuple[CaseInfo, ...]


@dataclass(frozen=True)
class CaseJourney:
    """What ``clerk cases list --json`` adds to a case: package, deciding body, visits."""

    package: str | None  # the package's code
    authority: str | None  # the deciding body (实施主体); None when nobody said
    receiving_hall: str
    visits: int


@dataclass(frozen=True)
class OutboxExport:
    path: str
    written: int
