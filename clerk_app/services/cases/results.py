"""What the case services take and return: applicant and checklist inputs, frozen case views."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from clerk_app.domain.case_states import OWED_STATUSES, CaseState, SubmissionStatus
from clerk_app.domain.catalog import ItemKind
from clerk_app.domain.credit_gate import GateDecision, reason_text
from clerk_app.domain.deadlines import DeadlineWarning, SupplementRange
from clerk_app.errors import ValidationError

IdKind = Literal["resident_id", "uscc"]


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
class KnownApplicant:
    """What an applicant scanned at the counter gave before, to fill in instead of typing."""

    name: str
    legal_representative: str = ""


@dataclass(frozen=True)
class MaterialCheck:
    """The clerk's verdict on one required material (``material_id`` from ``get_item``)."""

    material_id: int
    status: SubmissionStatus  # received, missing or wrong (``CHECK_STATUSES``)
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
    status: SubmissionStatus
    initial_status: str  # the SubmissionStatus at acceptance ("" on rows older than it)
    note: str


@dataclass(frozen=True)
class CaseInfo:
    """One case (办件) as the counter sees it; IDs are masked (see ``reveal_identity``)."""

    case_no: str
    bundle_no: str | None
    item_code: str
    item_name: str
    item_kind: ItemKind
    department_name: str
    statutory_days: int  # working days
    promised_days: int  # working days
    state: CaseState
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
    warning: DeadlineWarning
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
        return tuple(x for x in self.submissions if x.status in OWED_STATUSES)


@dataclass(frozen=True)
class FullIdentity:
    """Unmasked numbers of a case's applicant and agent; every read is audit-logged."""

    case_no: str
    applicant_id: str
    agent_id: str


@dataclass(frozen=True)
class CaseRef:
    """A case as the clerk saw it: its number and the version shown (for a bundle action)."""

    case_no: str
    version: int


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

    def first_reason(self) -> str:
        """The gate's first reason for refusing, one sentence for a short line ("" if allowed)."""
        for g in self.items:
            if not g.decision.allowed and g.decision.reasons:
                return reason_text(g.decision.reasons[0])
        return ""

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


@dataclass(frozen=True)
class RoadPermitForm:
    """The road occupation permit's form: it starts ``today`` and lasts at most ``max_days``."""

    today: date
    max_days: int  # calendar days, first and last included


@dataclass(frozen=True)
class DecisionOptions:
    """What the decision step may offer for an applicant's items and checklist, as the core
    decides it; the screen shows this and decides nothing itself."""

    items: int
    lacking: int  # materials marked missing or wrong
    all_instant: bool  # every item is an instant item (即办件)
    tolerance: ToleranceCheck | None  # None when the gate could not be asked
    tolerance_error: str  # why not (e.g. the applicant's name is not entered yet)
    supplement: SupplementRange | None  # 容缺 working days, None when nothing is owed
    road_permit: RoadPermitForm | None  # the road permit's form, when an instant item issues it

    @property
    def may_accept(self) -> bool:
        return not self.lacking

    @property
    def may_issue_instant(self) -> bool:
        return self.all_instant and not self.lacking

    @property
    def may_give_notice(self) -> bool:
        return bool(self.lacking)

    @property
    def may_tolerate(self) -> bool:
        return self.tolerance is not None and self.tolerance.allowed
