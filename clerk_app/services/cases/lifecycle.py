"""What happens to a case after the counter's decision: review, conclusion, certificate, supplement.

Every method is one unit of work that takes the ``version`` the clerk saw and changes the case
with ``UPDATE … WHERE version = :version``: of two clerks acting at once, one wins and the other
gets ``Conflict`` with nothing saved.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from clerk_app.domain.case_states import CaseEvent, CaseState, IllegalTransition, next_state
from clerk_app.domain.roles import Permission
from clerk_app.domain.workdays import add_workdays
from clerk_app.errors import Conflict, ValidationError
from clerk_app.hall_time import local_date
from clerk_app.persistence.models import Case, CreditListEntry, ServiceItem
from clerk_app.services import audit
from clerk_app.services.base import Service
from clerk_app.services.calendar import load_overrides
from clerk_app.services.cases.records import (
    HallPolicy,
    bump,
    case_by_no,
    check_version,
    load_policy,
    new_permit_no,
    to_info,
)
from clerk_app.services.cases.results import CaseInfo


def _required(text: str, zh: str, en: str) -> str:
    if not text.strip():
        raise ValidationError(zh, en)
    return text.strip()


def supplement_last_day(case: Case, policy: HallPolicy, s: Session) -> date | None:
    """The last day a supplement is accepted: the deadline plus the hall's grace period."""
    if case.supplement_due is None:
        return None
    if policy.grace_days == 0:
        return case.supplement_due
    return add_workdays(case.supplement_due, policy.grace_days, load_overrides(s))


class CaseLifecycle(Service):
    """The transitions of ``clerk_app.domain.case_states``, made durable."""

    def review(self, case_no: str, version: int) -> CaseInfo:
        return self._transition(case_no, version, CaseEvent.REVIEW)

    def approve(self, case_no: str, version: int) -> CaseInfo:
        return self._transition(case_no, version, CaseEvent.APPROVE)

    def deny(self, case_no: str, version: int, reason: str, legal_basis: str) -> CaseInfo:
        """不予办结 (after review): the written decision needs reasons and a legal basis."""
        return self._transition(
            case_no,
            version,
            CaseEvent.DENY,
            decision_reason=_required(reason, "请填写不予许可的理由。", "Give the reason."),
            decision_basis=_required(legal_basis, "请填写法律依据。", "Give the legal basis."),
        )

    def issue_certificate(self, case_no: str, version: int, permit_no: str = "") -> CaseInfo:
        """出证: ``permit_no`` as printed on the certificate, or a new hall number when blank."""
        return self._transition(case_no, version, CaseEvent.ISSUE_CERTIFICATE, permit=permit_no)

    def collect(self, case_no: str, version: int) -> CaseInfo:
        return self._transition(case_no, version, CaseEvent.COLLECT)

    def record_supplement(
        self, case_no: str, version: int, material_ids: Sequence[int] | None = None
    ) -> CaseInfo:
        """Materials handed in after 容缺受理 (all owed ones when ``material_ids`` is None).

        When nothing is owed any more the case becomes ``supplemented``.
        """
        self.actor.require(Permission.ACCEPT_CASES)
        now = self.clock()
        with self.db.write() as s:
            case = case_by_no(s, case_no)
            check_version(case, version)
            if case.state != CaseState.PENDING_SUPPLEMENT:
                raise IllegalTransition(CaseState(case.state), CaseEvent.SUPPLEMENT)
            policy = load_policy(s)
            last = supplement_last_day(case, policy, s)
            if last is not None and local_date(now) > last:
                raise ValidationError(
                    f"补正期限（{last.isoformat()}）已过，不能再补正；该办件将按逾期未补正处理。",
                    f"The supplement deadline ({last.isoformat()}) has passed; the case will be "
                    "closed as supplement overdue.",
                )
            owed = [x for x in case.submissions if x.status in ("missing", "wrong")]
            wanted = None if material_ids is None else set(material_ids)
            chosen = [x for x in owed if wanted is None or x.material_id in wanted]
            if not chosen or (wanted is not None and len(chosen) != len(wanted)):
                raise ValidationError(
                    "所选材料不在待补正清单中。", "The chosen materials are not owed for this case."
                )
            values: dict[str, Any] = {}
            if len(chosen) == len(owed):
                values["state"] = next_state(CaseState(case.state), CaseEvent.SUPPLEMENT).value
            bump(s, case, version, now, **values)
            for x in chosen:
                x.status, x.received_at = "supplemented", now
            self._audit(s, now, case, "case_supplemented", {"materials": len(chosen)})
            s.flush()
            return self._view(s, case, now)

    def mark_overdue(self) -> list[CaseInfo]:
        """Sweep: 容缺 cases past their deadline become ``supplement_overdue`` (case ended), and
        each enterprise gets a broken-commitment credit record that blocks further 容缺."""
        if not self.actor.may(Permission.MANAGE_CREDIT_LIST):
            self.actor.require(Permission.ACCEPT_CASES)
        now = self.clock()
        today = local_date(now)
        done: list[Case] = []
        with self.db.write() as s:
            policy = load_policy(s)
            pending = s.scalars(
                select(Case)
                .options(selectinload(Case.item).selectinload(ServiceItem.department))
                .where(
                    Case.state == CaseState.PENDING_SUPPLEMENT.value,
                    Case.supplement_due < today,
                )
                .order_by(Case.id)
            ).all()
            for case in pending:
                last = supplement_last_day(case, policy, s)
                if last is None or last >= today:
                    continue
                target = next_state(CaseState(case.state), CaseEvent.MARK_OVERDUE)
                try:
                    bump(s, case, case.version, now, state=target.value)
                except Conflict:  # supplemented a moment ago by a counter: nothing to do
                    continue
                self._broken_commitment(s, case, policy, today, now)
                self._audit(s, now, case, "case_supplement_overdue", {"state": target.value})
                done.append(case)
            s.flush()
            return [self._view(s, c, now) for c in done]

    # --- helpers -------------------------------------------------------------------------
    def _transition(
        self, case_no: str, version: int, event: CaseEvent, permit: str = "", **values: Any
    ) -> CaseInfo:
        self.actor.require(Permission.ACCEPT_CASES)
        now = self.clock()
        with self.db.write() as s:
            case = case_by_no(s, case_no)
            check_version(case, version)
            before = case.state
            target = next_state(CaseState(before), event, instant=case.item.kind == "instant")
            if event == CaseEvent.ISSUE_CERTIFICATE:
                values["permit_no"] = self._permit(s, permit, local_date(now))
            bump(s, case, version, now, state=target.value, **values)
            self._audit(s, now, case, f"case_{event.value}", {"before": before, **values})
            return self._view(s, case, now)

    @staticmethod
    def _permit(s: Session, permit: str, today: date) -> str:
        number = permit.strip()
        if not number:
            return new_permit_no(s, load_policy(s), today)
        if s.scalar(select(Case.id).where(Case.permit_no == number)) is not None:
            raise ValidationError(
                f"证照编号 {number} 已被其他办件使用。",
                f"The permit number {number} is already used by another case.",
            )
        return number

    def _broken_commitment(
        self, s: Session, case: Case, policy: HallPolicy, today: date, now: datetime
    ) -> None:
        if case.applicant_id_kind != "uscc":
            return  # the credit list is kept by USCC; a person never gets 容缺 anyway
        due = case.supplement_due.isoformat() if case.supplement_due else ""
        s.add(
            CreditListEntry(
                uscc=case.applicant_id_value,
                list_type="broken_commitment",
                reason=f"容缺受理逾期未补正（办件编号 {case.case_no}，补正期限 {due}）",
                source_department=policy.hall_name,
                enterprise_name=case.applicant_name,
                valid_from=today,
                valid_to=None,
                repaired=False,
                case_id=case.id,
                created_at=now,
                created_by=self.actor.username,
            )
        )

    def _audit(self, s: Session, now: datetime, case: Case, action: str, after: Any) -> None:
        audit.record(
            s,
            at=now,
            actor=self.actor.username,
            action=action,
            target=f"case:{case.case_no}",
            after=after,
        )

    @staticmethod
    def _view(s: Session, case: Case, now: datetime) -> CaseInfo:
        return to_info(
            case, load_policy(s), local_date(now), load_overrides(s), with_submissions=True
        )
