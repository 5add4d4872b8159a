"""Cases (办件) for the counter, the CLI and the dashboard: ``StaffSession.cases``.

Every public method checks the actor's permission, opens one unit of work (one transaction
for the whole user action, a bundle's cases included) and calls a function of
``decisions`` (the counter's five decisions), ``lifecycle`` (what follows them) or
``queries`` (finding cases again) with the session, the actor and the time of the action.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import datetime

from sqlalchemy.orm import Session

from clerk_app.documents.paper_data import DocumentKind
from clerk_app.domain.case_states import CaseEvent, CaseState
from clerk_app.domain.identity import validate_resident_id, validate_uscc
from clerk_app.domain.numbers import whole_number
from clerk_app.domain.roles import Permission
from clerk_app.domain.scans import Scan
from clerk_app.domain.typed_text import typed_text
from clerk_app.errors import ValidationError
from clerk_app.services.base import Service
from clerk_app.services.cases import checklist, decisions, lifecycle, lookup, queries
from clerk_app.services.cases.results import (
    ApplicantInput,
    CaseInfo,
    CaseRef,
    DecisionOptions,
    FullIdentity,
    ItemRequest,
    KnownApplicant,
    ToleranceCheck,
)
from clerk_app.services.cases.views import Context
from clerk_app.services.documents.builders import build_document
from clerk_app.services.documents.facts import case_facts
from clerk_app.services.documents.results import DocumentPreview
from clerk_app.services.settings import get_setting


class CaseService(Service):
    """Acceptance at the integrated counter, the later steps of a case, and finding cases."""

    # --- the counter's five decisions ------------------------------------------------------
    def accept(
        self,
        applicant: ApplicantInput,
        items: Sequence[ItemRequest],
        *,
        ticket_id: int | None = None,
    ) -> list[CaseInfo]:
        """受理: every material of every item received; due date in working days."""
        with self._write(Permission.ACCEPT_CASES) as (s, now):
            return decisions.accept(s, self.actor, now, applicant, items, ticket_id)

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
        with self._write(Permission.ACCEPT_CASES) as (s, now):
            return decisions.tolerant_accept(
                s, self.actor, now, applicant, items, ticket_id, commitment_signed, supplement_days
            )

    def one_time_notice(
        self,
        applicant: ApplicantInput,
        items: Sequence[ItemRequest],
        *,
        ticket_id: int | None = None,
    ) -> list[CaseInfo]:
        """一次性告知: nothing accepted; every missing or wrong material recorded, told once."""
        with self._write(Permission.ACCEPT_CASES) as (s, now):
            return decisions.one_time_notice(s, self.actor, now, applicant, items, ticket_id)

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
        with self._write(Permission.ACCEPT_CASES) as (s, now):
            return decisions.reject(
                s,
                self.actor,
                now,
                applicant,
                items,
                ticket_id,
                reason=reason,
                legal_basis=legal_basis,
                competent_body=competent_body,
            )

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
        with self._write(Permission.ACCEPT_CASES) as (s, now):
            return decisions.issue_instant(
                s, self.actor, now, applicant, items, ticket_id, permit_details
            )

    def tolerance_check(
        self, applicant: ApplicantInput, items: Sequence[ItemRequest]
    ) -> ToleranceCheck:
        """Whether 容缺受理 may be offered now, and every reason why not (read only)."""
        with self._read(Permission.ACCEPT_CASES) as (s, now):
            return decisions.tolerance_check(s, now, applicant, items)

    def decision_options(
        self, applicant: ApplicantInput, items: Sequence[ItemRequest]
    ) -> DecisionOptions:
        """What the decision step may offer for this checklist: which decisions fit, the 容缺
        gate, the supplement days allowed and the hall's default, the road permit's form."""
        with self._read(Permission.ACCEPT_CASES) as (s, now):
            return decisions.decision_options(s, now, applicant, items)

    def commitment_letters(
        self,
        applicant: ApplicantInput,
        items: Sequence[ItemRequest],
        *,
        supplement_days: int | None = None,
    ) -> list[DocumentPreview]:
        """The 容缺受理承诺书 to print for signing before ``tolerant_accept`` (one per lacking
        item), drawn: what 容缺 with these days would promise, without a case number yet.

        Read only; refused as ``tolerant_accept`` would refuse (the gate, the days). Nothing is
        recorded: the signed paper goes to the case's file once it is accepted.
        """
        self.actor.require(Permission.PRINT_DOCUMENTS)
        with self._read(Permission.ACCEPT_CASES) as (s, now):
            drafts = decisions.commitment_drafts(
                s, self.actor, now, applicant, items, supplement_days
            )
            ctx = Context.load(s, now)
            letters = [
                build_document(
                    DocumentKind.COMMITMENT,
                    case_facts(s, case, ctx.info(case, with_submissions=True), ctx.policy),
                    issued_on=ctx.today,
                    qr_payload="",
                )
                for case in drafts
            ]
        from clerk_app.documents.paper.render import render_paper  # reportlab: at first use

        return [DocumentPreview(document=doc, pdf=render_paper(doc)) for doc in letters]

    # --- after the decision --------------------------------------------------------------
    def review(self, case_no: str, version: int) -> CaseInfo:
        return self._one(CaseRef(case_no, version), CaseEvent.REVIEW)

    def approve(self, case_no: str, version: int) -> CaseInfo:
        return self._one(CaseRef(case_no, version), CaseEvent.APPROVE)

    def deny(self, case_no: str, version: int, reason: str, legal_basis: str) -> CaseInfo:
        """不予办结 (after review): the written decision needs reasons and a legal basis."""
        self.actor.require(Permission.ACCEPT_CASES)  # before reading the text
        return self._one(
            CaseRef(case_no, version),
            CaseEvent.DENY,
            decision_reason=lifecycle.required(
                checklist.decision_text(
                    reason, "不予许可理由", "The reason", checklist.REASON_MAX_LEN
                ),
                "请填写不予许可的理由。",
                "Give the reason.",
            ),
            decision_basis=lifecycle.required(
                checklist.decision_text(
                    legal_basis, "法律依据", "The legal basis", checklist.BASIS_MAX_LEN
                ),
                "请填写法律依据。",
                "Give the legal basis.",
            ),
        )

    def issue_certificate(self, case_no: str, version: int, permit_no: str = "") -> CaseInfo:
        """出证: ``permit_no`` as printed on the certificate, or a new hall number when blank."""
        return self._one(CaseRef(case_no, version), CaseEvent.ISSUE_CERTIFICATE, permit=permit_no)

    def collect(self, case_no: str, version: int) -> CaseInfo:
        return self._one(CaseRef(case_no, version), CaseEvent.COLLECT)

    def collect_bundle(self, cases: Sequence[CaseRef]) -> list[CaseInfo]:
        """领证 of several certificates at once (a bundle): all of them, or none."""
        with self._write(Permission.ACCEPT_CASES) as (s, now):
            return lifecycle.transition(s, self.actor, now, _some(cases), CaseEvent.COLLECT)

    def record_supplement(
        self, case_no: str, version: int, material_ids: Sequence[int] | None = None
    ) -> CaseInfo:
        """Materials handed in after 容缺受理 (all owed ones when ``material_ids`` is None).

        When nothing is owed any more the case becomes ``supplemented``.
        """
        with self._write(Permission.ACCEPT_CASES) as (s, now):
            [case] = lifecycle.record_supplement(
                s, self.actor, now, [CaseRef(case_no, version)], material_ids
            )
            return case

    def record_supplement_bundle(self, cases: Sequence[CaseRef]) -> list[CaseInfo]:
        """Every owed material of each case handed in at once (a bundle): all cases, or none."""
        with self._write(Permission.ACCEPT_CASES) as (s, now):
            return lifecycle.record_supplement(s, self.actor, now, _some(cases))

    def mark_overdue(self) -> list[CaseInfo]:
        """Sweep: 容缺 cases past their deadline become ``supplement_overdue`` (case ended), and
        each enterprise gets a broken-commitment credit record that blocks further 容缺."""
        if not self.actor.may(Permission.MANAGE_CREDIT_LIST):
            self.actor.require(Permission.ACCEPT_CASES)
        with self.db.write() as s:
            return lifecycle.mark_overdue(s, self.actor, self.clock())

    # --- finding cases -------------------------------------------------------------------
    def get(self, case_no: str) -> CaseInfo:
        """A case by its number as typed or scanned from a receipt's barcode."""
        with self._read(Permission.VIEW_CASES) as (s, now):
            return queries.get(s, now, case_no)

    def read_scan(self, text: str) -> Scan | None:
        """What a code scanned at the counter names: a case number of this hall, a ticket (its
        number filled in) or a document's QR payload (not yet verified: ``documents.verify``);
        None for any other text. ``NotFound`` for a ticket the hall never issued."""
        with self._read(Permission.VIEW_CASES) as (s, _now):
            return lookup.scanned(s, text, str(get_setting(s, "hall_code")))

    def list_cases(self, state: str | None = None, limit: int = 500) -> list[CaseInfo]:
        """Newest first, IDs masked, each with its deadline warning (红黄牌)."""
        wanted = None if state is None else CaseState(state)
        with self._read(Permission.VIEW_CASES) as (s, now):
            return queries.list_cases(s, now, wanted, limit)

    def cases_for_ticket(self, ticket_id: int) -> list[CaseInfo]:
        """The cases decided for the ticket being served."""
        self.actor.require(Permission.VIEW_CASES)  # the role first, then the argument
        whole_number(ticket_id, "号票编号", "ticket id", low=1)
        with self._read(Permission.VIEW_CASES) as (s, now):
            return queries.for_ticket(s, now, ticket_id)

    def known_applicant(self, id_kind: str, code: str) -> KnownApplicant | None:
        """The name (a firm: and its legal representative) of an applicant whose ID or USCC
        was just scanned, from their newest case or the credit list; None if unknown.

        The clerk holds the ID card or licence, which shows the same name; nothing is logged.
        """
        self.actor.require(Permission.ACCEPT_CASES)  # before reading the code
        normalized = validate_uscc(code) if id_kind == "uscc" else validate_resident_id(code)
        with self._read(Permission.ACCEPT_CASES) as (s, _now):
            return queries.known_applicant(s, id_kind, normalized)

    def reveal_identity(self, case_no: str, reason: str) -> FullIdentity:
        """The unmasked ID numbers of a case; the view itself is audit-logged (PIPL) with the
        ``reason`` the viewer gave (required: why must the full number be seen?)."""
        self.actor.require(Permission.VIEW_FULL_IDENTITY)  # the role first, then the reason
        reason = typed_text(reason, "查看原因", "Reason", max_len=200, required=True)
        with self._write(Permission.VIEW_FULL_IDENTITY) as (s, now):
            return queries.reveal_identity(s, self.actor, now, case_no, reason)

    # --- units of work -------------------------------------------------------------------
    def _one(self, ref: CaseRef, event: CaseEvent, permit: str = "", **values: str) -> CaseInfo:
        with self._write(Permission.ACCEPT_CASES) as (s, now):
            [case] = lifecycle.transition(s, self.actor, now, [ref], event, permit=permit, **values)
            return case

    @contextmanager
    def _write(self, permission: Permission) -> Iterator[tuple[Session, datetime]]:
        self.actor.require(permission)
        now = self.clock()
        with self.db.write() as s:
            yield s, now

    @contextmanager
    def _read(self, permission: Permission) -> Iterator[tuple[Session, datetime]]:
        self.actor.require(permission)
        now = self.clock()
        with self.db.read() as s:
            yield s, now


def _some(cases: Sequence[CaseRef]) -> Sequence[CaseRef]:
    if not cases:
        raise ValidationError("请先选择办件。", "Choose the cases first.")
    return cases
