"""What the case services take and return: applicant and checklist inputs, frozen case views."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from clerk_app.domain.credit_gate import GateDecision, reason_text
from clerk_app.errors import ValidationError

IdKind = Literal["resident_id", "uscc"]
MaterialStatus = Literal["received", "missing", "wrong"]
MATERIAL_STATUSES: tuple[MaterialStatus, ...] = ("received", "missing", "wrong")


@dataclass(frozen=True)
class ApplicantInput:
    """The applicant as typed or scanned at the counter; the service validates it.

    A person: ``id_kind="resident_id"``. An enterprise: ``id_kind="uscc"`` with its legal
    representative; ``agent_name``/``agent_id`` is the person at the counter (经办人).
    """

    name: str
    id_kind: IdKind
    id_value: str
    legal_representative: str = ""
    agent_name: str = ""
    agent_id: str = ""


@dataclass(frozen=True)
class MaterialCheck:
    """The clerk's verdict on one required material (``material_id`` from ``get_item``)."""

    material_id: int
    status: MaterialStatus
    note: str = ""  # what is wrong / what is required, for the notice


@dataclass(frozen=True)
class ItemRequest:
    """One item applied for; materials not listed in ``checks`` count as received."""

    item_code: str
    checks: tuple[MaterialCheck, ...] = ()


@dataclass(frozen=True)
class SubmissionInfo:
    material_id: int
    name: str
    core: bool
    form: str
    requirement: str
    status: str  # received | missing | wrong | supplemented
    initial_status: str  # the status at acceptance
    note: str


@dataclass(frozen=True)
class CaseInfo:
    """One case (办件) as the counter sees it; IDs are masked (see ``reveal_identity``)."""

    case_no: str
    bundle_no: str | None
    item_code: str
    item_name: str
    item_kind: str  # instant | promised
    department_name: str
    statutory_days: int  # working days
    promised_days: int  # working days
    state: str  # a CaseState value
    applicant_name: str
    applicant_id_kind: str
    applicant_id_masked: str
    legal_representative: str
    agent_name: str
    agent_id_masked: str
    accepted_on: date | None
    due_date: date | None
    supplement_due: date | None
    days_left: int | None  # working days to the running deadline; negative when overdue
    warning: str  # "" | "yellow" | "red" | "calendar_missing"
    commitment_signed: bool
    decision_reason: str
    decision_basis: str
    competent_body: str
    permit_no: str | None
    ticket_id: int | None
    counter_no: int | None
    created_at: datetime
    version: int
    submissions: tuple[SubmissionInfo, ...] = ()

    @property
    def applicant_masked(self) -> str:
        """Name and masked ID for lists; a person's given name is masked too (PIPL)."""
        name = self.applicant_name
        if self.applicant_id_kind == "resident_id" and len(name) > 1:
            name = name[0] + "*" * (len(name) - 1)
        return f"{name} {self.applicant_id_masked}"

    @property
    def missing(self) -> tuple[SubmissionInfo, ...]:
        """Materials still owed or handed in wrong."""
        return tuple(x for x in self.submissions if x.status in ("missing", "wrong"))


@dataclass(frozen=True)
class FullIdentity:
    """Unmasked numbers of a case's applicant and agent; every read is audit-logged."""

    case_no: str
    applicant_id: str
    agent_id: str


@dataclass(frozen=True)
class ItemGate:
    item_code: str
    item_name: str
    decision: GateDecision


@dataclass(frozen=True)
class ToleranceCheck:
    """Whether 容缺受理 may be offered for these items, and why not per item."""

    items: tuple[ItemGate, ...]

    @property
    def allowed(self) -> bool:
        return bool(self.items) and all(g.decision.allowed for g in self.items)

    def reasons(self) -> list[str]:
        """One line per refused item: its name and every reason, in the current language."""
        return [
            f"{g.item_name}: " + " ".join(reason_text(r) for r in g.decision.reasons)
            for g in self.items
            if not g.decision.allowed
        ]


class ToleranceRefused(ValidationError):
    """The credit gate refused 容缺受理; ``check`` says why for each item. Nothing was saved."""

    def __init__(self, check: ToleranceCheck) -> None:
        self.check = check
        lines = "；".join(check.reasons())
        super().__init__(f"不能容缺受理：{lines}", f"Tolerant acceptance refused: {lines}")


def missing_materials_error(names: Sequence[str]) -> ValidationError:
    listed = "、".join(names)
    return ValidationError(
        f"材料不齐（{listed}），不能直接受理：请一次性告知，或在符合条件时容缺受理。",
        f"Materials are incomplete ({', '.join(names)}); give the one-time notice, or accept "
        "with deficiencies where allowed.",
    )
