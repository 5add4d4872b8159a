"""The report's reads: every row it counts, in the caller's one read transaction.

Functions take the open session and return plain facts (``figures``) with the groups each
belongs to, never ORM objects; only columns are selected, a few queries per table, so a month
of a busy hall is read in one pass. Nothing here writes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, NamedTuple, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk_app.domain.case_states import OWED_STATUSES, CaseState, SubmissionStatus
from clerk_app.domain.catalog import ItemKind
from clerk_app.hall_time import local_date, to_utc
from clerk_app.persistence.models import (
    AuditLog,
    Counter,
    Department,
    QueueCategory,
    ServiceItem,
    Ticket,
    User,
)
from clerk_app.persistence.models_cases import Case, Submission
from clerk_app.persistence.models_evaluations import Evaluation, EvaluationCase
from clerk_app.services.reports.figures import (
    CaseFact,
    CaseVisit,
    EvaluationFact,
    TicketFact,
    visits_by_case,
)
from clerk_app.services.reports.results import Dimension

#: The queue's audit actions that put a ticket in service (``services.queue``): their actor is
#: the clerk who served it (as ``evaluations.records.serving_clerk`` reads it).
CALL_ACTIONS = ("ticket_called", "ticket_called_specific")
#: The case events that conclude it (``services.cases.lifecycle``: ``case_<event>``).
CONCLUDE_ACTIONS = ("case_approve", "case_deny")
_CHUNK = 500
_D = Dimension
#: The groups a fact belongs to, one tuple per dimension in ``Dimension`` order (empty: none).
Keys = tuple[tuple[str, ...], ...]
T = TypeVar("T")


def day_start(day: date) -> datetime:
    """Naive UTC of the hall-local midnight starting ``day``."""
    return to_utc(datetime.combine(day, datetime.min.time()))


@dataclass(frozen=True)
class Names:
    """The hall's small tables, by id: what groups are called and in which order they go."""

    categories: dict[int, tuple[str, str, int]]  # id -> prefix, name, sort order
    counters: dict[int, tuple[int, str]]  # id -> number, name
    users: dict[int, tuple[str, str]]  # id -> username, display name
    departments: dict[int, tuple[str, str]]  # id -> code, name
    items: dict[int, tuple[str, str, int, int, str]]  # id -> code, name, dept, category, kind

    def labels(self) -> dict[Dimension, dict[str, tuple[Any, str]]]:
        """Per dimension: key -> (sort key, label)."""
        return {
            _D.CATEGORY: {p: ((o, p), f"{p} {n}") for p, n, o in self.categories.values()},
            _D.COUNTER: {str(n): (n, f"{n}号窗口") for n, _ in self.counters.values()},
            _D.CLERK: {u: (u, f"{d}（{u}）") for u, d in self.users.values()},
            _D.DEPARTMENT: {c: (c, n) for c, n in self.departments.values()},
            _D.ITEM: {c: (c, f"{c} {n}") for c, n, *_ in self.items.values()},
        }


def load_names(s: Session) -> Names:
    return Names(
        categories={
            r.id: (r.prefix, r.name, r.sort_order)
            for r in s.execute(
                select(
                    QueueCategory.id,
                    QueueCategory.prefix,
                    QueueCategory.name,
                    QueueCategory.sort_order,
                )
            )
        },
        counters={
            r.id: (r.number, r.name)
            for r in s.execute(select(Counter.id, Counter.number, Counter.name))
        },
        users={
            r.id: (r.username, r.display_name)
            for r in s.execute(select(User.id, User.username, User.display_name))
        },
        departments={
            r.id: (r.code, r.name)
            for r in s.execute(select(Department.id, Department.code, Department.name))
        },
        items={
            r.id: (r.item_code, r.name, r.department_id, r.category_id, r.kind)
            for r in s.execute(
                select(
                    ServiceItem.id,
                    ServiceItem.item_code,
                    ServiceItem.name,
                    ServiceItem.department_id,
                    ServiceItem.category_id,
                    ServiceItem.kind,
                )
            )
        },
    )


@dataclass
class Loaded:
    """Every counted row of the range as facts, each with the groups it belongs to."""

    tickets: list[tuple[TicketFact, Keys]] = field(default_factory=list)
    cases: list[tuple[CaseFact, Keys]] = field(default_factory=list)
    evaluations: list[tuple[EvaluationFact, Keys]] = field(default_factory=list)


@dataclass(frozen=True)
class Filters:
    counter_id: int | None = None
    clerk_id: int | None = None


def _chunks(values: Sequence[T]) -> Iterator[Sequence[T]]:
    for i in range(0, len(values), _CHUNK):
        yield values[i : i + _CHUNK]


def minutes(start: datetime | None, end: datetime | None) -> float | None:
    if start is None or end is None:
        return None
    return (end - start).total_seconds() / 60


class TicketRow(NamedTuple):
    id: int
    category_id: int
    counter_id: int | None
    status: str
    queued: datetime
    served_at: datetime | None
    finished_at: datetime | None


def tickets(s: Session, first: date, last: date) -> list[TicketRow]:
    rows = s.connection().execute(
        select(
            Ticket.id,
            Ticket.category_id,
            Ticket.counter_id,
            Ticket.status,
            Ticket.queue_position_at,
            Ticket.served_at,
            Ticket.finished_at,
        )
        .where(Ticket.service_date >= first, Ticket.service_date <= last)
        .order_by(Ticket.id)
    )
    return [TicketRow._make(r) for r in rows]


def callers(
    s: Session, first: date, last: date, users: dict[int, tuple[str, str]]
) -> dict[int, int]:
    """Ticket id -> the user who last called it on the days of the range."""
    by_name = {u: uid for uid, (u, _) in users.items()}
    out: dict[int, int] = {}
    rows = s.connection().execute(
        select(AuditLog.target, AuditLog.actor)
        .where(
            AuditLog.at >= day_start(first),
            AuditLog.at < day_start(last + timedelta(days=1)),
            AuditLog.action.in_(CALL_ACTIONS),
        )
        .order_by(AuditLog.id)
    )
    for target, actor in rows:
        uid = by_name.get(actor)
        if uid is not None and target.startswith("ticket:"):
            out[int(target[7:])] = uid
    return out


class CaseRow(NamedTuple):
    id: int
    case_no: str
    ticket_id: int | None
    counter_id: int | None
    clerk_id: int | None
    item_id: int
    state: str
    applicant: str
    accepted_on: date
    due_date: date | None
    supplement_due: date | None
    created_at: datetime


def cases(s: Session, first: date, last: date) -> list[CaseRow]:
    rows = s.connection().execute(
        select(
            Case.id,
            Case.case_no,
            Case.ticket_id,
            Case.counter_id,
            Case.clerk_id,
            Case.item_id,
            Case.state,
            Case.applicant_id_hash,  # who came again is told by the lookup hash, never the ID
            Case.accepted_on,
            Case.due_date,
            Case.supplement_due,
            Case.created_at,
        )
        .where(Case.accepted_on >= first, Case.accepted_on <= last)
        .order_by(Case.id)
    )
    return [CaseRow._make(r) for r in rows]


@dataclass
class Supplements:
    owed: int = 0
    last: date | None = None
    days: set[date] = field(default_factory=set)


def supplements(s: Session, first: date, last: date) -> dict[int, Supplements]:
    """Per 容缺 case of the range: materials still owed, the last day one came in, the days."""
    out: dict[int, Supplements] = defaultdict(Supplements)
    rows = s.execute(
        select(Submission.case_id, Submission.status, Submission.received_at)
        .join(Case, Case.id == Submission.case_id)
        .where(
            Case.accepted_on >= first,
            Case.accepted_on <= last,
            Case.supplement_due.is_not(None),
            Submission.initial_status.in_([st.value for st in OWED_STATUSES]),
        )
    )
    for case_id, status, received_at in rows:
        entry = out[case_id]
        if status in OWED_STATUSES:
            entry.owed += 1
        elif status == SubmissionStatus.SUPPLEMENTED and received_at is not None:
            day = local_date(received_at)
            entry.days.add(day)
            entry.last = day if entry.last is None else max(entry.last, day)
    return out


def conclusions(s: Session, first: date) -> dict[str, date]:
    """Case number -> the hall-local day it was concluded (准予 or 不予办结), since ``first``."""
    out: dict[str, date] = {}
    rows = s.execute(
        select(AuditLog.target, AuditLog.at)
        .where(AuditLog.at >= day_start(first), AuditLog.action.in_(CONCLUDE_ACTIONS))
        .order_by(AuditLog.id)
    )
    for target, at in rows:
        if target.startswith("case:"):
            out.setdefault(target[5:], local_date(at))
    return out


def ticket_visits(s: Session, decided: list[CaseRow], end: datetime) -> dict[int, int]:
    """Visits by tickets of each decided case (``figures.visits_by_case``): the applicant's
    一次性告知 of the same item since their previous decided case of it count too."""
    out = {c.id: 1 for c in decided}
    applicants = sorted({c.applicant for c in decided})
    notices: list[Any] = []
    for chunk in _chunks(applicants):
        notices += s.execute(
            select(
                Case.id, Case.applicant_id_hash, Case.item_id, Case.ticket_id, Case.created_at
            ).where(
                Case.state == CaseState.NOT_ACCEPTED.value,
                Case.created_at < end,
                Case.applicant_id_hash.in_(chunk),
            )
        ).all()
    pairs = {(n.applicant_id_hash, n.item_id) for n in notices}
    wanted = sorted({a for a, _ in pairs} & {(c.applicant) for c in decided})
    chains: dict[tuple[str, int], list[tuple[datetime, int, CaseVisit]]] = defaultdict(list)
    for n in notices:
        chains[(n.applicant_id_hash, n.item_id)].append(
            (n.created_at, n.id, CaseVisit(n.id, True, n.ticket_id))
        )
    for chunk in _chunks(wanted):
        rows = s.execute(
            select(
                Case.id, Case.applicant_id_hash, Case.item_id, Case.ticket_id, Case.created_at
            ).where(
                Case.state != CaseState.NOT_ACCEPTED.value,
                Case.created_at < end,
                Case.applicant_id_hash.in_(chunk),
            )
        )
        for r in rows:
            if (r.applicant_id_hash, r.item_id) in pairs:
                chains[(r.applicant_id_hash, r.item_id)].append(
                    (r.created_at, r.id, CaseVisit(r.id, False, r.ticket_id))
                )
    for chain in chains.values():
        chain.sort(key=lambda entry: (entry[0], entry[1]))
        for case_id, n in visits_by_case([v for *_, v in chain]).items():
            if case_id in out:
                out[case_id] = n
    return out


class EvaluationRow(NamedTuple):
    id: int
    ticket_id: int
    counter_number: int
    clerk_id: int | None
    level: int
    defaulted: bool


def evaluations(
    s: Session, first: date, last: date
) -> tuple[list[EvaluationRow], dict[int, set[str]]]:
    """Ratings of the services of the range, and the item codes of each one's cases."""
    in_range = (Evaluation.service_date >= first, Evaluation.service_date <= last)
    rows = [
        EvaluationRow._make(r)
        for r in s.connection().execute(
            select(
                Evaluation.id,
                Evaluation.ticket_id,
                Evaluation.counter_number,
                Evaluation.clerk_id,
                Evaluation.level,
                Evaluation.defaulted,
            )
            .where(*in_range)
            .order_by(Evaluation.id)
        )
    ]
    items: dict[int, set[str]] = defaultdict(set)
    for evaluation_id, code in s.connection().execute(
        select(EvaluationCase.evaluation_id, EvaluationCase.item_code)
        .join(Evaluation, Evaluation.id == EvaluationCase.evaluation_id)
        .where(*in_range)
    ):
        items[evaluation_id].add(code)
    return rows, items


def is_instant(kind: str) -> bool:
    return kind == ItemKind.INSTANT
