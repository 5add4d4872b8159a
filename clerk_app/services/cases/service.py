"""The counter's five decisions on an application (受理), and finding cases again.

Each decision is one unit of work: validate the applicant, the items and the checklist, count the
working days, number the cases and save them, or raise with one clear sentence and save nothing.
Several items decided together form one 一件事 bundle (``bundle_no`` = the first case number).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk_app.domain.case_states import CaseEvent, CaseState, next_state
from clerk_app.domain.credit_gate import tolerant_accept_gate
from clerk_app.domain.roles import Permission
from clerk_app.domain.workdays import WorkdayOverrides, add_workdays
from clerk_app.errors import ValidationError
from clerk_app.hall_time import local_date
from clerk_app.persistence.models import Case, Counter, Material, ServiceItem, Submission
from clerk_app.services import audit
from clerk_app.services.calendar import load_overrides
from clerk_app.services.cases.lifecycle import CaseLifecycle
from clerk_app.services.cases.permits import load_road_rules, normalize_permit_details
from clerk_app.services.cases.queries import CaseQueries
from clerk_app.services.cases.records import (
    HallPolicy,
    check_ticket,
    load_items,
    load_policy,
    new_case_no,
    new_permit_no,
    normalize_applicant,
    to_info,
)
from clerk_app.services.cases.results import (
    MATERIAL_STATUSES,
    ApplicantInput,
    CaseInfo,
    ItemGate,
    ItemRequest,
    MaterialCheck,
    ToleranceCheck,
    ToleranceRefused,
    missing_materials_error,
)
from clerk_app.services.credit import credit_status

Checks = dict[int, MaterialCheck]


def _checks(item: ServiceItem, request: ItemRequest) -> Checks:
    ids = {m.id for m in item.materials}
    checks: Checks = {}
    for check in request.checks:
        if check.material_id not in ids:
            raise ValidationError(
                f"材料 {check.material_id} 不是事项“{item.name}”的申请材料。",
                f"Material {check.material_id} is not required by {item.name}.",
            )
        if check.status not in MATERIAL_STATUSES:
            raise ValidationError(
                f"材料状态“{check.status}”无效。", f"Invalid material status {check.status!r}."
            )
        checks[check.material_id] = check
    return checks


def _owed(item: ServiceItem, checks: Checks) -> list[Material]:
    """The item's materials marked missing or wrong."""
    return [m for m in item.materials if m.id in checks and checks[m.id].status != "received"]


def _lacking(item: ServiceItem, checks: Checks) -> list[str]:
    return [m.name for m in _owed(item, checks)]


@dataclass
class _Unit:
    """One decision in progress: the open session and everything the decision needs."""

    s: Session
    now: datetime
    today: date
    policy: HallPolicy
    overrides: WorkdayOverrides
    applicant: ApplicantInput
    ticket_id: int | None
    counter_id: int | None
    clerk_id: int | None
    pairs: list[tuple[ServiceItem, Checks]]
    cases: list[Case] = field(default_factory=list)

    def due(self, item: ServiceItem) -> date:
        """The promised limit in working days; the day of acceptance does not count."""
        return add_workdays(self.today, item.promised_days, self.overrides)

    def create(self, item: ServiceItem, checks: Checks, state: CaseState, **values: Any) -> Case:
        case_no = new_case_no(self.s, self.policy, self.today)
        bundle = None
        if len(self.pairs) > 1:
            bundle = self.cases[0].case_no if self.cases else case_no
        a = self.applicant
        case = Case(
            case_no=case_no,
            bundle_no=bundle,
            item=item,
            ticket_id=self.ticket_id,
            counter_id=self.counter_id,
            clerk_id=self.clerk_id,
            applicant_name=a.name,
            applicant_id_kind=a.id_kind,
            applicant_id_value=a.id_value,
            legal_representative=a.legal_representative,
            agent_name=a.agent_name,
            agent_id_value=a.agent_id or None,
            state=state.value,
            accepted_on=self.today,
            created_at=self.now,
            updated_at=self.now,
            version=1,
            **values,
        )
        for m in item.materials:
            check = checks.get(m.id)
            status = check.status if check else "received"
            case.submissions.append(
                Submission(
                    material=m,
                    status=status,
                    initial_status=status,
                    note=check.note.strip() if check else "",
                    received_at=self.now if status == "received" else None,
                )
            )
        self.s.add(case)
        self.cases.append(case)
        return case


class CaseService(CaseLifecycle, CaseQueries):
    """Acceptance at the integrated counter; queries for the counter and the dashboard."""

    # --- the five decisions ------------------------------------------------------------------
    def accept(
        self,
        applicant: ApplicantInput,
        items: Sequence[ItemRequest],
        *,
        ticket_id: int | None = None,
    ) -> list[CaseInfo]:
        """受理: every material of every item received; due date in working days."""
        with self._unit(applicant, items, ticket_id) as u:
            for item, checks in u.pairs:
                if lacking := _lacking(item, checks):
                    raise missing_materials_error(lacking)
            for item, checks in u.pairs:
                u.create(item, checks, CaseState.ACCEPTED, due_date=u.due(item))
            return self._finish(u, "case_accepted")

    def tolerant_accept(
        self,
        applicant: ApplicantInput,
        items: Sequence[ItemRequest],
        *,
        commitment_signed: bool,
        supplement_days: int | None = None,
        ticket_id: int | None = None,
    ) -> list[CaseInfo]:
        """容缺受理: the gate must allow it and the applicant must have signed the commitment.

        ``supplement_days`` (working days) defaults to the hall setting and may never exceed
        the item's promised limit. Items of a bundle with nothing missing are accepted normally.
        """
        if not commitment_signed:
            raise ValidationError(
                "申请人须先签署容缺受理承诺书。",
                "The applicant must sign the commitment letter first.",
            )
        with self._unit(applicant, items, ticket_id) as u:
            check = _gate(u)
            if not check.allowed:
                raise ToleranceRefused(check)
            for item, checks in u.pairs:
                if not _lacking(item, checks):
                    u.create(item, checks, CaseState.ACCEPTED, due_date=u.due(item))
                    continue
                days = _supplement_days(item, supplement_days, u.policy)
                u.create(
                    item,
                    checks,
                    CaseState.PENDING_SUPPLEMENT,
                    due_date=u.due(item),
                    supplement_due=add_workdays(u.today, days, u.overrides),
                    commitment_signed=True,
                )
            return self._finish(u, "case_tolerant_accepted")

    def one_time_notice(
        self,
        applicant: ApplicantInput,
        items: Sequence[ItemRequest],
        *,
        ticket_id: int | None = None,
    ) -> list[CaseInfo]:
        """一次性告知: nothing accepted; every missing or wrong material recorded, told once."""
        with self._unit(applicant, items, ticket_id) as u:
            if not any(_lacking(item, checks) for item, checks in u.pairs):
                raise ValidationError(
                    "材料齐全，无需一次性告知，请直接受理。",
                    "No material is missing or wrong; accept the application instead.",
                )
            for item, checks in u.pairs:
                u.create(item, checks, CaseState.NOT_ACCEPTED)
            return self._finish(u, "case_one_time_notice")

    def reject(
        self,
        applicant: ApplicantInput,
        items: Sequence[ItemRequest],
        *,
        reason: str,
        legal_basis: str,
        competent_body: str = "",
        ticket_id: int | None = None,
    ) -> list[CaseInfo]:
        """不予受理: with the reason, the legal basis and, if not this hall's matter, who is."""
        if not reason.strip() or not legal_basis.strip():
            raise ValidationError(
                "不予受理须写明理由和法律依据。",
                "A rejection needs a reason and a legal basis.",
            )
        with self._unit(applicant, items, ticket_id) as u:
            for item, checks in u.pairs:
                u.create(
                    item,
                    checks,
                    CaseState.REJECTED,
                    decision_reason=reason.strip(),
                    decision_basis=legal_basis.strip(),
                    competent_body=competent_body.strip()[:200],
                )
            return self._finish(u, "case_rejected")

    def issue_instant(
        self,
        applicant: ApplicantInput,
        items: Sequence[ItemRequest],
        *,
        ticket_id: int | None = None,
        permit_details: Mapping[str, str] | None = None,
    ) -> list[CaseInfo]:
        """即办件: accepted, approved and the permit number issued on the spot (即办即领证).

        ``permit_details`` is what the permit states (one item only): for the road occupation
        permit ``location``, ``area_m2``, ``period_from``/``period_to`` (ISO dates) and
        optionally ``purpose`` and ``conditions`` (one per line); for another instant item,
        labelled lines for its certificate. Checked before anything is saved.
        """
        if permit_details is not None and len(items) != 1:
            raise ValidationError(
                "证照信息只能随单个即办事项一起办理。",
                "Permit details can only be given for a single instant item.",
            )
        with self._unit(applicant, items, ticket_id) as u:
            for item, checks in u.pairs:
                if item.kind != "instant":
                    raise ValidationError(
                        f"“{item.name}”是承诺件，不能当场办结；请受理后转入审查。",
                        f"{item.name} is a promised item and cannot be decided on the spot; "
                        "accept it and send it to review.",
                    )
                if lacking := _lacking(item, checks):
                    raise missing_materials_error(lacking)
            details = _permit_details(u, permit_details)
            for item, checks in u.pairs:
                state = CaseState.ACCEPTED
                for event in (CaseEvent.APPROVE, CaseEvent.ISSUE_CERTIFICATE):
                    state = next_state(state, event, instant=True)
                permit = new_permit_no(u.s, u.policy, u.today)
                u.create(
                    item, checks, state, due_date=u.today, permit_no=permit, permit_details=details
                )
            return self._finish(u, "case_instant_issued")

    def tolerance_check(
        self, applicant: ApplicantInput, items: Sequence[ItemRequest]
    ) -> ToleranceCheck:
        """Whether 容缺受理 may be offered now, and every reason why not (read only)."""
        self.actor.require(Permission.ACCEPT_CASES)
        now = self.clock()
        person = normalize_applicant(applicant, local_date(now))
        with self.db.read() as s:
            pairs = [
                (i, _checks(i, r))
                for i, r in zip(load_items(s, [r.item_code for r in items]), items, strict=True)
            ]
            return _gate_for(s, person, pairs, local_date(now))

    # --- helpers -------------------------------------------------------------------------
    @contextmanager
    def _unit(
        self, applicant: ApplicantInput, items: Sequence[ItemRequest], ticket_id: int | None
    ) -> Iterator[_Unit]:
        self.actor.require(Permission.ACCEPT_CASES)
        now = self.clock()
        today = local_date(now)
        person = normalize_applicant(applicant, today)
        with self.db.write() as s:
            check_ticket(s, ticket_id)
            loaded = load_items(s, [r.item_code for r in items])
            counter_id = None
            if self.actor.counter_no is not None:
                counter_id = s.scalar(
                    select(Counter.id).where(Counter.number == self.actor.counter_no)
                )
            yield _Unit(
                s=s,
                now=now,
                today=today,
                policy=load_policy(s),
                overrides=load_overrides(s),
                applicant=person,
                ticket_id=ticket_id,
                counter_id=counter_id,
                clerk_id=self.actor.user_id,
                pairs=[(i, _checks(i, r)) for i, r in zip(loaded, items, strict=True)],
            )

    def _finish(self, u: _Unit, action: str) -> list[CaseInfo]:
        u.s.flush()
        for case in u.cases:
            audit.record(
                u.s,
                at=u.now,
                actor=self.actor.username,
                action=action,
                target=f"case:{case.case_no}",
                after={
                    "state": case.state,
                    "item_code": case.item.item_code,
                    "applicant": u.policy.mask(case.applicant_id_value),
                    "bundle_no": case.bundle_no,
                },
            )
        return [to_info(c, u.policy, u.today, u.overrides, with_submissions=True) for c in u.cases]


def _permit_details(u: _Unit, details: Mapping[str, str] | None) -> dict[str, str] | None:
    if details is None:
        return None
    [(item, _checks)] = u.pairs
    rules = load_road_rules(u.s)
    return (
        normalize_permit_details(
            details,
            road=rules.is_road(item.item_code),
            item_name=item.name,
            today=u.today,
            max_days=rules.max_days,
        )
        or None
    )


def _supplement_days(item: ServiceItem, wanted: int | None, policy: HallPolicy) -> int:
    """The 容缺 deadline in working days: never later than the item's promised limit."""
    if wanted is None:
        return max(1, min(policy.supplement_days, item.promised_days))
    if not 1 <= wanted <= item.promised_days:
        raise ValidationError(
            f"补正期限须为 1 至 {item.promised_days} 个工作日（不超过“{item.name}”的承诺时限）。",
            f"The supplement deadline must be 1 to {item.promised_days} working days (not "
            f"beyond the promised limit of {item.name}).",
        )
    return wanted


def _gate(u: _Unit) -> ToleranceCheck:
    return _gate_for(u.s, u.applicant, u.pairs, u.today)


def _gate_for(
    s: Session, applicant: ApplicantInput, pairs: list[tuple[ServiceItem, Checks]], today: date
) -> ToleranceCheck:
    """The gate for each item that lacks something (for every item when none does)."""
    credit = credit_status(s, applicant.id_value, today) if applicant.id_kind == "uscc" else None
    lacking = [(i, c) for i, c in pairs if _lacking(i, c)] or pairs
    gates = []
    for item, checks in lacking:
        owed = _owed(item, checks)
        decision = tolerant_accept_gate(
            item_allows=item.tolerant_accept_allowed,
            item_is_instant=item.kind == "instant",
            missing_core=sum(1 for m in owed if m.core),
            missing_non_core=sum(1 for m in owed if not m.core),
            credit=credit,
        )
        gates.append(ItemGate(item.item_code, item.name, decision))
    return ToleranceCheck(tuple(gates))
