"""The counter's five decisions on an application (受理), inside the caller's unit of work.

Each function takes the open session, the acting actor and the time of the action: validate the
applicant, the items and the checklist, count the working days, number the cases and save them,
or raise with one clear sentence (the unit of work then saves nothing). Several items decided
together form one bundle (``bundle_no`` = the first case number).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session

from clerk_app.domain.case_states import (
    CaseEvent,
    CaseState,
    SubmissionStatus,
    next_state,
)
from clerk_app.domain.catalog import ItemKind
from clerk_app.domain.deadlines import SupplementRange, due_date, supplement_due, supplement_range
from clerk_app.domain.roles import Actor
from clerk_app.domain.typed_text import typed_text
from clerk_app.errors import ClerkError, ValidationError
from clerk_app.hall_time import local_date
from clerk_app.persistence.models import ServiceItem
from clerk_app.persistence.models_cases import Case, Submission
from clerk_app.persistence.pii import CASE_AGENT_ID, CASE_APPLICANT_ID, pii_of
from clerk_app.services import audit
from clerk_app.services.cases import checklist, lookup
from clerk_app.services.cases.checklist import Checks, Pairs
from clerk_app.services.cases.numbers import new_case_no, new_permit_no
from clerk_app.services.cases.permits import normalize_permit_details
from clerk_app.services.cases.results import (
    ApplicantInput,
    CaseInfo,
    DecisionOptions,
    ItemRequest,
    RoadPermitForm,
    ToleranceCheck,
    ToleranceRefused,
    missing_materials_error,
)
from clerk_app.services.cases.views import Context
from clerk_app.services.paper_text import printable
from clerk_app.services.settings import load_road_rules


# --- the five decisions ----------------------------------------------------------------------
def accept(
    s: Session,
    actor: Actor,
    now: datetime,
    applicant: ApplicantInput,
    items: Sequence[ItemRequest],
    ticket_id: int | None,
) -> list[CaseInfo]:
    """受理: every material of every item received; due date in working days."""
    d = _Decision.open(s, actor, now, applicant, items, ticket_id)
    for item, checks in d.pairs:
        if lacking := checklist.lacking(item, checks):
            raise missing_materials_error(lacking)
    for item, checks in d.pairs:
        d.create(item, checks, CaseState.ACCEPTED, due_date=d.due(item))
    return d.finish("case_accepted")


def tolerant_accept(
    s: Session,
    actor: Actor,
    now: datetime,
    applicant: ApplicantInput,
    items: Sequence[ItemRequest],
    ticket_id: int | None,
    commitment_signed: bool,
    supplement_days: int | None,
) -> list[CaseInfo]:
    """容缺受理 once the commitment is signed: the gate must allow it for every lacking item."""
    if not commitment_signed:
        raise ValidationError(
            "申请人须先签署容缺受理承诺书。",
            "The applicant must sign the commitment letter first.",
        )
    d = _Decision.open(s, actor, now, applicant, items, ticket_id)
    check = checklist.gate(s, d.applicant, d.pairs, d.ctx.today)
    if not check.allowed:
        raise ToleranceRefused(check)
    for item, checks in d.pairs:
        if not checklist.lacking(item, checks):
            d.create(item, checks, CaseState.ACCEPTED, due_date=d.due(item))
            continue
        d.create(item, checks, CaseState.PENDING_SUPPLEMENT, **d.tolerant(item, supplement_days))
    return d.finish("case_tolerant_accepted")


def commitment_drafts(
    s: Session,
    actor: Actor,
    now: datetime,
    applicant: ApplicantInput,
    items: Sequence[ItemRequest],
    supplement_days: int | None,
) -> list[Case]:
    """The cases ``tolerant_accept`` would create for the lacking items, unsaved and without a
    number: what the 容缺受理承诺书 says before the applicant signs it. Refused as 容缺 itself
    would be (the gate, the days), so no letter is printed for a 容缺 that cannot happen."""
    d = _Decision.open(s, actor, now, applicant, items, None)
    check = checklist.gate(s, d.applicant, d.pairs, d.ctx.today)
    if not check.allowed:
        raise ToleranceRefused(check)
    return [
        d.build("", item, checks, CaseState.PENDING_SUPPLEMENT, **d.tolerant(item, supplement_days))
        for item, checks in d.pairs
        if checklist.lacking(item, checks)
    ]


def one_time_notice(
    s: Session,
    actor: Actor,
    now: datetime,
    applicant: ApplicantInput,
    items: Sequence[ItemRequest],
    ticket_id: int | None,
) -> list[CaseInfo]:
    """一次性告知: nothing accepted; every missing or wrong material recorded, told once."""
    d = _Decision.open(s, actor, now, applicant, items, ticket_id)
    if not any(checklist.lacking(item, checks) for item, checks in d.pairs):
        raise ValidationError(
            "材料齐全，无需一次性告知，请直接受理。",
            "No material is missing or wrong; accept the application instead.",
        )
    for item, checks in d.pairs:
        d.create(item, checks, CaseState.NOT_ACCEPTED)
    return d.finish("case_one_time_notice")


def reject(
    s: Session,
    actor: Actor,
    now: datetime,
    applicant: ApplicantInput,
    items: Sequence[ItemRequest],
    ticket_id: int | None,
    *,
    reason: str,
    legal_basis: str,
    competent_body: str,
) -> list[CaseInfo]:
    """不予受理: with the reason, the legal basis and, if not this hall's matter, who is."""
    reason = checklist.decision_text(reason, "不予受理理由", "The reason", checklist.REASON_MAX_LEN)
    legal_basis = checklist.decision_text(
        legal_basis, "法律依据", "The legal basis", checklist.BASIS_MAX_LEN
    )
    body = typed_text(
        competent_body, "有权受理机关", "The competent body", max_len=checklist.BODY_MAX_LEN
    )
    printable(body, "有权受理机关", "The competent body")
    if not reason or not legal_basis:
        raise ValidationError(
            "不予受理须写明理由和法律依据。",
            "A rejection needs a reason and a legal basis.",
        )
    d = _Decision.open(s, actor, now, applicant, items, ticket_id)
    for item, checks in d.pairs:
        d.create(
            item,
            checks,
            CaseState.REJECTED,
            decision_reason=reason,
            decision_basis=legal_basis,
            competent_body=body,
        )
    return d.finish("case_rejected")


def issue_instant(
    s: Session,
    actor: Actor,
    now: datetime,
    applicant: ApplicantInput,
    items: Sequence[ItemRequest],
    ticket_id: int | None,
    permit_details: Mapping[str, str] | None,
) -> list[CaseInfo]:
    """即办件: accepted, approved and the permit number issued on the spot (即办即领证)."""
    if permit_details is not None and len(items) != 1:
        raise ValidationError(
            "证照信息只能随单个即办事项一起办理。",
            "Permit details can only be given for a single instant item.",
        )
    d = _Decision.open(s, actor, now, applicant, items, ticket_id)
    for item, checks in d.pairs:
        if item.kind != ItemKind.INSTANT:
            raise ValidationError(
                f"“{item.name}”是承诺件，不能当场办结；请受理后转入审查。",
                f"{item.name} is a promised item and cannot be decided on the spot; "
                "accept it and send it to review.",
            )
        if lacking := checklist.lacking(item, checks):
            raise missing_materials_error(lacking)
    details = _permit_details(d, permit_details)
    for item, checks in d.pairs:
        state = CaseState.ACCEPTED
        for event in (CaseEvent.APPROVE, CaseEvent.ISSUE_CERTIFICATE):
            state = next_state(state, event, instant=True)
        permit = new_permit_no(s, d.ctx.policy.hall_code, d.ctx.today)
        d.create(
            item, checks, state, due_date=d.ctx.today, permit_no=permit, permit_details=details
        )
    return d.finish("case_instant_issued")


# --- read only: what the decision step may offer ---------------------------------------------
def tolerance_check(
    s: Session, now: datetime, applicant: ApplicantInput, items: Sequence[ItemRequest]
) -> ToleranceCheck:
    """Whether 容缺受理 may be offered now, and every reason why not."""
    today = local_date(now)
    person = checklist.normalize_applicant(applicant, today)
    return checklist.gate(s, person, checklist.pairs(s, items), today)


def decision_options(
    s: Session, now: datetime, applicant: ApplicantInput, items: Sequence[ItemRequest]
) -> DecisionOptions:
    """Which decisions fit these items and this checklist, the 容缺 days allowed, the permit
    form; an applicant not yet valid only leaves the 容缺 gate unanswered (with the reason)."""
    ctx = Context.load(s, now)
    pairs = checklist.pairs(s, items)
    tolerance, error = None, ""
    try:
        tolerance = checklist.gate(
            s, checklist.normalize_applicant(applicant, ctx.today), pairs, ctx.today
        )
    except ClerkError as e:
        error = str(e)
    instant = [item for item, _checks in pairs if item.kind == ItemKind.INSTANT]
    rules = load_road_rules(s)
    road = any(rules.is_road(item.item_code) for item in instant)
    return DecisionOptions(
        items=len(pairs),
        lacking=sum(len(checklist.owed(item, checks)) for item, checks in pairs),
        all_instant=len(instant) == len(pairs),
        tolerance=tolerance,
        tolerance_error=error,
        supplement=_supplement_range(pairs, ctx.policy.supplement_days),
        road_permit=RoadPermitForm(ctx.today, rules.max_days) if road else None,
    )


def _supplement_range(pairs: Pairs, hall_default: int) -> SupplementRange | None:
    """The days one number may take for every lacking item of the bundle (the tightest)."""
    ranges = [
        supplement_range(item.promised_days, hall_default)
        for item, checks in pairs
        if checklist.lacking(item, checks)
    ]
    if not ranges:
        return None
    return SupplementRange(
        max(r.low for r in ranges), min(r.high for r in ranges), min(r.default for r in ranges)
    )


def _permit_details(d: _Decision, details: Mapping[str, str] | None) -> dict[str, str] | None:
    if details is None:
        return None
    [(item, _checks)] = d.pairs
    rules = load_road_rules(d.s)
    return (
        normalize_permit_details(
            details,
            road=rules.is_road(item.item_code),
            item_name=item.name,
            today=d.ctx.today,
            max_days=rules.max_days,
        )
        or None
    )


# --- one decision in progress ----------------------------------------------------------------
@dataclass
class _Decision:
    """One decision in progress: the open session and everything the decision needs."""

    s: Session
    actor: Actor
    now: datetime
    ctx: Context
    applicant: ApplicantInput
    ticket_id: int | None
    counter_id: int | None
    pairs: Pairs
    cases: list[Case] = field(default_factory=list)

    @classmethod
    def open(
        cls,
        s: Session,
        actor: Actor,
        now: datetime,
        applicant: ApplicantInput,
        items: Sequence[ItemRequest],
        ticket_id: int | None,
    ) -> _Decision:
        ctx = Context.load(s, now)
        person = checklist.normalize_applicant(applicant, ctx.today)
        lookup.check_ticket(s, ticket_id)
        pairs = checklist.pairs(s, items)
        counter = lookup.counter_id(s, actor.counter_no)
        return cls(s, actor, now, ctx, person, ticket_id, counter, pairs)

    def due(self, item: ServiceItem) -> date:
        return due_date(self.ctx.today, item.promised_days, self.ctx.overrides)

    def tolerant(self, item: ServiceItem, supplement_days: int | None) -> dict[str, Any]:
        """The values of a 容缺 case of ``item``: due dates and the signed commitment."""
        last = supplement_due(
            self.ctx.today,
            supplement_days,
            item.promised_days,
            self.ctx.policy.supplement_days,
            self.ctx.overrides,
            item_name=item.name,
        )
        return {"due_date": self.due(item), "supplement_due": last, "commitment_signed": True}

    def create(self, item: ServiceItem, checks: Checks, state: CaseState, **values: Any) -> Case:
        """A new numbered case, saved with this decision."""
        case_no = new_case_no(self.s, self.ctx.policy.hall_code, self.ctx.today)
        case = self.build(case_no, item, checks, state, **values)
        self.s.add(case)
        self.cases.append(case)
        return case

    def build(
        self, case_no: str, item: ServiceItem, checks: Checks, state: CaseState, **values: Any
    ) -> Case:
        """The case with its submissions, not added to the session."""
        bundle = None
        if len(self.pairs) > 1:
            bundle = self.cases[0].case_no if self.cases else case_no
        a = self.applicant
        pii = pii_of(self.s)
        case = Case(
            case_no=case_no,
            bundle_no=bundle,
            item=item,
            ticket_id=self.ticket_id,
            counter_id=self.counter_id,
            clerk_id=self.actor.user_id,
            applicant_name=a.name,
            applicant_id_kind=a.id_kind,
            applicant_id_enc=pii.seal(a.id_value, CASE_APPLICANT_ID),
            applicant_id_hash=pii.lookup(a.id_value),
            legal_representative=a.legal_representative,
            agent_name=a.agent_name,
            agent_id_enc=pii.seal(a.agent_id, CASE_AGENT_ID) if a.agent_id else None,
            agent_id_hash=pii.lookup(a.agent_id) if a.agent_id else None,
            state=state.value,
            accepted_on=self.ctx.today,
            # 通办: the hall that accepts and the body that decides (the item's 实施主体).
            receiving_hall=self.ctx.policy.hall_name,
            authority=item.authority,
            created_at=self.now,
            updated_at=self.now,
            version=1,
            **values,
        )
        for m in item.materials:
            check = checks.get(m.id)
            status = SubmissionStatus(check.status) if check else SubmissionStatus.RECEIVED
            case.submissions.append(
                Submission(
                    material=m,
                    status=status.value,
                    initial_status=status.value,
                    note=check.note if check else "",  # checked by checklist.pairs
                    received_at=self.now if status == SubmissionStatus.RECEIVED else None,
                )
            )
        return case

    def finish(self, action: str) -> list[CaseInfo]:
        self.s.flush()
        for case in self.cases:
            audit.record(
                self.s,
                at=self.now,
                actor=self.actor.username,
                action=action,
                target=f"case:{case.case_no}",
                after={
                    "state": case.state,
                    "item_code": case.item.item_code,
                    "applicant": self.ctx.policy.mask(self.applicant.id_value),
                    "bundle_no": case.bundle_no,
                },
            )
        return [self.ctx.info(c, with_submissions=True) for c in self.cases]
