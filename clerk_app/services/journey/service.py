"""The case journey for the counter, the department reviewers, the admin and the CLI:
``StaffSession.journey``.

Every public method checks the actor's permission (and a reviewer's department, in
``tasks``), opens one unit of work — one transaction for the whole user action, its audit rows
and the applicant's notification included — and returns frozen results.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy.orm import Session

from clerk_app.documents.paper.bodies import paper_text
from clerk_app.documents.paper_data import DocumentKind, PaperDocument
from clerk_app.documents.signing import new_secret
from clerk_app.domain.roles import Permission
from clerk_app.domain.task_states import OPEN, TaskState
from clerk_app.errors import ValidationError
from clerk_app.services import audit
from clerk_app.services.base import Service
from clerk_app.services.cases.lookup import cases_by_no
from clerk_app.services.cases.results import ApplicantInput, CaseInfo, ItemRequest, MaterialCheck
from clerk_app.services.cases.views import Context
from clerk_app.services.documents.fit import parse_kind
from clerk_app.services.documents.planning import (
    Original,
    Plan,
    latest_original,
    plan_print,
    versions_unchanged,
)
from clerk_app.services.documents.results import DocumentPreview, PrintedDocument
from clerk_app.services.documents.secret import DocumentKey, ensure_key, read_key
from clerk_app.services.documents.service import (
    PLAN_ATTEMPTS,
    draw,
    print_conflict,
    record_print,
)
from clerk_app.services.journey import acceptance, handover, outbox, packages, tasks, visits
from clerk_app.services.journey.paper import GroupFacts, build, gather
from clerk_app.services.journey.queries import case_journeys, task_infos
from clerk_app.services.journey.results import (
    CaseJourney,
    CollectorInput,
    HandoverInfo,
    OutboxExport,
    PackageAcceptance,
    PackageInfo,
    PackageInput,
    TaskInfo,
    VisitReason,
)


@dataclass(frozen=True)
class _GroupSeen:
    """Step 1 of a group's paper (``print_paper``, ``preview_paper``): what was read."""

    facts: GroupFacts
    today: date
    first_id: int
    versions: dict[int, int]
    original: Original | None
    key: DocumentKey | None


class JourneyService(Service):
    """Packages, parallel approval, the result back to the window, notifications, visits."""

    # --- 一件事 packages in the catalog (admin) -----------------------------------------
    def list_packages(self) -> list[PackageInfo]:
        with self._read(Permission.VIEW_CATALOG) as (s, _now):
            return packages.list_all(s)

    def get_package(self, code: str) -> PackageInfo:
        with self._read(Permission.VIEW_CATALOG) as (s, _now):
            return packages.info(packages.load(s, code))

    def save_package(self, data: PackageInput, *, new: bool = False) -> PackageInfo:
        """Creates or replaces a package; refused whole (nothing changed) when its promised
        limit exceeds an item's statutory limit. ``new``: refused when the code is taken (the
        admin page's "new package" never replaces one)."""
        with self._write(Permission.MANAGE_CATALOG) as (s, now):
            return packages.save(s, self.actor, now, data, new=new)

    def set_package_active(self, code: str, active: bool) -> PackageInfo:
        with self._write(Permission.MANAGE_CATALOG) as (s, now):
            return packages.set_active(s, self.actor, now, code, active)

    # --- one acceptance, tasks pushed at once (counter) ---------------------------------
    def accept_package(
        self,
        package_code: str,
        applicant: ApplicantInput,
        *,
        shared_checks: Sequence[MaterialCheck] = (),
        items: Sequence[ItemRequest] = (),
        ticket_id: int | None = None,
        contact_phone: str = "",
    ) -> PackageAcceptance:
        """受理 a 一件事: every item's case and one task per department, in one transaction.

        ``shared_checks`` name shared materials by ``SharedMaterialInfo.id`` (checked once);
        ``items`` carry checks of an item's own materials. Materials not checked count as
        received; anything missing is refused as ``cases.accept`` refuses it.
        """
        with self._write(Permission.ACCEPT_CASES) as (s, now):
            return acceptance.accept(
                s,
                self.actor,
                now,
                applicant,
                package_code=package_code,
                items=items,
                shared_checks=shared_checks,
                ticket_id=ticket_id,
                contact_phone=contact_phone,
            )

    def accept_items(
        self,
        applicant: ApplicantInput,
        items: Sequence[ItemRequest],
        *,
        ticket_id: int | None = None,
        contact_phone: str = "",
    ) -> PackageAcceptance:
        """受理 loose items (no package) with a task pushed to each item's department."""
        with self._write(Permission.ACCEPT_CASES) as (s, now):
            return acceptance.accept(
                s,
                self.actor,
                now,
                applicant,
                package_code=None,
                items=items,
                shared_checks=(),
                ticket_id=ticket_id,
                contact_phone=contact_phone,
            )

    # --- department tasks (reviewers) ---------------------------------------------------
    def inbox(self, *, include_decided: bool = False) -> list[TaskInfo]:
        """The reviewer's department's tasks (open ones unless ``include_decided``), due first;
        for other roles every department's."""
        with self._read(Permission.VIEW_TASKS) as (s, now):
            mine = tasks.reviewer_department(self.actor)
            states = None if include_decided else OPEN
            return task_infos(s, Context.load(s, now), department_id=mine, states=states)

    def list_tasks(self, state: str | None = None) -> list[TaskInfo]:
        """Every task the actor may see (``clerk tasks list``), optionally of one state."""
        wanted = None if state is None else {TaskState(state)}
        with self._read(Permission.VIEW_TASKS) as (s, now):
            mine = tasks.reviewer_department(self.actor)
            return task_infos(s, Context.load(s, now), department_id=mine, states=wanted)

    def tasks_of(self, bundle_no: str) -> list[TaskInfo]:
        """The tasks of a case group (the counter's view of a package's progress)."""
        with self._read(Permission.VIEW_TASKS) as (s, now):
            ids = [c.id for c in handover.group(s, bundle_no)]
            mine = tasks.reviewer_department(self.actor)
            return task_infos(s, Context.load(s, now), case_ids=ids, department_id=mine)

    def take(self, case_no: str, version: int) -> TaskInfo:
        with self._write(Permission.TAKE_TASKS) as (s, now):
            return tasks.take(s, self.actor, now, case_no, version)

    def approve(self, case_no: str, version: int) -> TaskInfo:
        with self._write(Permission.DECIDE_TASKS) as (s, now):
            return tasks.approve(s, self.actor, now, case_no, version)

    def deny(self, case_no: str, version: int, reason: str, legal_basis: str) -> TaskInfo:
        """不予许可 of the department's item: the reason and the legal basis are required."""
        with self._write(Permission.DECIDE_TASKS) as (s, now):
            return tasks.deny(s, self.actor, now, case_no, version, reason, legal_basis)

    def return_for_supplement(self, case_no: str, version: int, what: str) -> TaskInfo:
        """退回补正: what the applicant must hand in at the window (told once, by SMS too)."""
        with self._write(Permission.DECIDE_TASKS) as (s, now):
            return tasks.return_for_supplement(s, self.actor, now, case_no, version, what)

    def record_task_supplement(
        self, case_no: str, version: int, *, ticket_id: int | None = None, note: str = ""
    ) -> TaskInfo:
        """The window received the supplement a department asked for (a visit: 补正)."""
        with self._write(Permission.ACCEPT_CASES) as (s, now):
            return tasks.record_supplement(s, self.actor, now, case_no, version, ticket_id, note)

    # --- the result back to the window (counter) ----------------------------------------
    def make_ready(self, bundle_no: str) -> list[CaseInfo]:
        """出证: every department decided; the approved cases' certificates are at the window."""
        with self._write(Permission.ACCEPT_CASES) as (s, now):
            cases = handover.make_ready(s, self.actor, now, bundle_no)
            s.flush()
            ctx = Context.load(s, now)
            return [ctx.info(c, with_submissions=True) for c in cases]

    def collect(
        self, bundle_no: str, collector: CollectorInput, *, ticket_id: int | None = None
    ) -> HandoverInfo:
        """领证 at the window by the applicant, or an agent with authorisation and a valid ID."""
        with self._write(Permission.ACCEPT_CASES) as (s, now):
            return handover.collect(s, self.actor, now, bundle_no, collector, ticket_id)

    def deliver(self, bundle_no: str, tracking_no: str, carrier: str = "EMS") -> HandoverInfo:
        """送达 by post: the tracking number is recorded once, for one case group only."""
        with self._write(Permission.ACCEPT_CASES) as (s, now):
            return handover.deliver(s, self.actor, now, bundle_no, tracking_no, carrier)

    # --- visits, notifications, the case list's extras ----------------------------------
    def record_visit(
        self,
        case_nos: str | Sequence[str],
        ticket_id: int,
        reason: VisitReason | str,
        note: str = "",
    ) -> int:
        """Counts a visit (a ticket) for the case, or for every case of a group in one
        transaction (all or none); a second visit must say why. Returns the number of visits
        now (the most of the group's cases)."""
        with self._write(Permission.ACCEPT_CASES) as (s, now):  # the actor first
            numbers = [case_nos] if isinstance(case_nos, str) else list(case_nos)
            if not numbers:
                raise ValidationError("请指明本次来访的办件。", "Name the cases of this visit.")
            counts = []
            for case in cases_by_no(s, numbers):
                if visits.record(s, case, ticket_id, reason, now, note):
                    audit.record(
                        s,
                        at=now,
                        actor=self.actor.username,
                        action="case_visit",
                        target=f"case:{case.case_no}",
                        after={"ticket_id": ticket_id, "reason": str(reason)},
                    )
                s.flush()
                counts.append(visits.count(s, case.id))
            return max(counts)

    def journeys(self, case_nos: Sequence[str]) -> dict[str, CaseJourney]:
        with self._read(Permission.VIEW_CASES) as (s, _now):
            return case_journeys(s, case_nos)

    def export_outbox(self, path: str | Path) -> OutboxExport:
        """Writes the pending notifications to the new file ``path`` for the SMS gateway."""
        with self._write(Permission.ACCEPT_CASES, Permission.MANAGE_SETTINGS) as (s, now):
            result = outbox.export(s, Path(path), now)
            audit.record(
                s,
                at=now,
                actor=self.actor.username,
                action="outbox_exported",
                target=str(path),
                after={"written": result.written},
            )
            return result

    # --- paper ----------------------------------------------------------------------------
    def preview_paper(self, kind: DocumentKind | str, bundle_no: str) -> PaperDocument:
        """What ``print_paper`` would draw now (a 补打 shows its mark); writes nothing.

        One read, as ``DocumentService.preview``: a hall whose document key is missing is
        previewed with a throwaway key (no preview is a valid document; the first print
        creates the real key)."""
        self.actor.require(Permission.PRINT_DOCUMENTS)
        wanted = parse_kind(kind)
        with self._read(Permission.VIEW_CASES) as (s, now):
            seen = self._read_group(s, now, wanted, bundle_no)
        key = seen.key or DocumentKey("K0", new_secret())  # a throwaway: no preview is genuine
        return self._plan(wanted, seen, key).document

    def preview_paper_text(self, kind: DocumentKind | str, bundle_no: str) -> list[str]:
        """The lines ``preview_paper`` says, in reading order: what a screen shows."""
        return paper_text(self.preview_paper(kind, bundle_no))

    def draw_paper_preview(self, kind: DocumentKind | str, bundle_no: str) -> DocumentPreview:
        """``preview_paper`` drawn as PDF, the very bytes a print would send (nothing
        recorded): the counter's print preview shows it."""
        doc = self.preview_paper(kind, bundle_no)
        return DocumentPreview(document=doc, pdf=draw(doc))

    def print_paper(self, kind: DocumentKind | str, bundle_no: str) -> PrintedDocument:
        """Draws the group's document of ``kind`` and records the print with its audit row.

        As a case's documents are printed (``documents.planning``): read, draw with no
        transaction open, then one short write that re-checks every case of the group and
        records the print; printing it again is a 补打 of the original unless what the paper
        says has changed."""
        self.actor.require(Permission.PRINT_DOCUMENTS)
        wanted = parse_kind(kind)
        for _attempt in range(PLAN_ATTEMPTS):
            with self._read(Permission.VIEW_CASES) as (s, now):
                seen = self._read_group(s, now, wanted, bundle_no)
            key = seen.key
            if key is None:
                with self._write(Permission.VIEW_CASES) as (s, now):
                    key = ensure_key(s, now)
            chosen = self._plan(wanted, seen, key)
            pdf = draw(chosen.document)
            with self._write(Permission.VIEW_CASES) as (s, now):
                if versions_unchanged(s, wanted, seen.first_id, seen.versions, seen.original):
                    return record_print(
                        s, self.actor, wanted, seen.first_id, seen.facts.key, chosen, pdf, now
                    )
        raise print_conflict(bundle_no)

    @staticmethod
    def _read_group(s: Session, now: datetime, wanted: DocumentKind, bundle_no: str) -> _GroupSeen:
        """Step 1 of a group's paper: what it says and what was printed of it before."""
        ctx = Context.load(s, now)
        facts = gather(s, ctx, bundle_no)
        cases = handover.group(s, facts.key)
        [first_id] = [c.id for c in cases if c.case_no == facts.key]
        return _GroupSeen(
            facts=facts,
            today=ctx.today,
            first_id=first_id,
            versions={c.id: c.version for c in cases},
            original=latest_original(s, first_id, wanted),
            key=read_key(s),
        )

    @staticmethod
    def _plan(wanted: DocumentKind, seen: _GroupSeen, key: DocumentKey) -> Plan:
        """Step 2 (no transaction): the paper to print, a 补打 where nothing has changed."""
        facts = seen.facts

        def build_paper(issued_on: date, qr_payload: str) -> PaperDocument:
            return build(wanted, facts, issued_on=issued_on, qr_payload=qr_payload)

        return plan_print(wanted, facts.key, seen.original, seen.today, key, build_paper, draw)

    # --- units of work -------------------------------------------------------------------
    @contextmanager
    def _write(self, *permissions: Permission) -> Iterator[tuple[Session, datetime]]:
        """One transaction; the actor needs one of ``permissions``."""
        if not any(self.actor.may(p) for p in permissions[1:]):
            self.actor.require(permissions[0])
        now = self.clock()
        with self.db.write() as s:
            yield s, now

    @contextmanager
    def _read(self, permission: Permission) -> Iterator[tuple[Session, datetime]]:
        self.actor.require(permission)
        now = self.clock()
        with self.db.read() as s:
            yield s, now
