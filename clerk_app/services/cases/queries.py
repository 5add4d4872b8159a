"""Finding cases again: by number (a scanned receipt), by ticket, the list with warning colours."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from clerk_app.domain.case_states import CaseState
from clerk_app.domain.roles import Permission
from clerk_app.hall_time import local_date
from clerk_app.persistence.models import Case, ServiceItem
from clerk_app.services import audit
from clerk_app.services.base import Service
from clerk_app.services.calendar import load_overrides
from clerk_app.services.cases.records import case_by_no, load_policy, to_info
from clerk_app.services.cases.results import CaseInfo, FullIdentity


class CaseQueries(Service):
    """Read cases; IDs are masked except through ``reveal_identity``, which is logged."""

    def get(self, case_no: str) -> CaseInfo:
        """A case by its number as typed or scanned from a receipt's barcode."""
        self.actor.require(Permission.VIEW_CASES)
        now = self.clock()
        with self.db.read() as s:
            case = case_by_no(s, case_no)
            return to_info(
                case, load_policy(s), local_date(now), load_overrides(s), with_submissions=True
            )

    def list_cases(self, state: str | None = None, limit: int = 500) -> list[CaseInfo]:
        """Newest first, IDs masked, each with its deadline warning colour."""
        self.actor.require(Permission.VIEW_CASES)
        stmt = select(Case).order_by(Case.created_at.desc(), Case.id.desc()).limit(limit)
        if state is not None:
            stmt = stmt.where(Case.state == CaseState(state).value)
        return self._query(stmt)

    def cases_for_ticket(self, ticket_id: int) -> list[CaseInfo]:
        """The cases decided for the ticket being served."""
        self.actor.require(Permission.VIEW_CASES)
        return self._query(select(Case).where(Case.ticket_id == ticket_id).order_by(Case.id))

    def reveal_identity(self, case_no: str) -> FullIdentity:
        """The unmasked ID numbers of a case; the view itself is audit-logged (PIPL)."""
        self.actor.require(Permission.VIEW_FULL_IDENTITY)
        with self.db.write() as s:
            case = case_by_no(s, case_no)
            audit.record(
                s,
                at=self.clock(),
                actor=self.actor.username,
                action="identity_viewed",
                target=f"case:{case.case_no}",
            )
            return FullIdentity(case.case_no, case.applicant_id_value, case.agent_id_value or "")

    def _query(self, stmt: Any) -> list[CaseInfo]:
        now = self.clock()
        stmt = stmt.options(
            selectinload(Case.item).selectinload(ServiceItem.department),
            selectinload(Case.counter),
        )
        with self.db.read() as s:
            policy, overrides, today = load_policy(s), load_overrides(s), local_date(now)
            return [to_info(c, policy, today, overrides) for c in s.scalars(stmt)]
