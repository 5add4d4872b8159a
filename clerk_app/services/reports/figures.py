"""The report's rules over plain facts (no database): what each figure counts, and how.

- **Wait**: minutes from a ticket's place in the queue (``queue_position_at``, kept across a
  transfer) to its last call (``served_at``), of the tickets served (finished). **Service
  time**: ``served_at`` → ``finished_at`` of the same tickets. Percentiles are nearest-rank:
  the p-th of n sorted values is the ⌈p·n/100⌉-th.
- **Decision** of a case, from what it was created as: 一次性告知 (``not_accepted``), 不予受理
  (``rejected``), 容缺 (a supplement deadline), 即办 (an instant item issued on the spot), else
  受理.
- **容缺 on time**: of the 容缺 cases whose outcome is known (every owed material handed in, or
  the deadline passed), those whose last owed material came in on or before the deadline.
- **Deadline kept**: of the cases with a due date (受理, 容缺, 即办) that were concluded
  (准予 or 不予办结) or whose due date has passed, those concluded on or before it. A 容缺 case
  ended as 逾期未补正 has no decision to make and is counted under 容缺 only.
- **最多跑一次**: a case's visits are the tickets linked to it — its own ticket, and the tickets
  of the 一次性告知 the same applicant got for the same item since their previous decided case
  of it (the trips that ended in a notice) — plus one for each later day on which owed
  materials were handed in (a supplement is recorded at a counter but linked to no ticket). A
  decision or notice made without a ticket counts as one visit. 一次性告知 cases are steps of
  the case that follows them and are not counted themselves.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import NamedTuple

from clerk_app.domain.case_states import CaseState
from clerk_app.domain.evaluation import Level, is_bad, satisfaction_rate
from clerk_app.services.reports.results import Figures


class Decision(StrEnum):
    ACCEPTED = "accepted"
    TOLERANT = "tolerant"
    NOTICE = "notice"
    REJECTED = "rejected"
    INSTANT = "instant"


def percentile(values: Sequence[float], p: int) -> float | None:
    """Nearest-rank percentile (``p`` in 1..100) of ``values``; None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(1, math.ceil(p * len(ordered) / 100)) - 1]


def decision_of(state: str, has_supplement_due: bool, instant_item: bool) -> Decision:
    if state == CaseState.NOT_ACCEPTED:
        return Decision.NOTICE
    if state == CaseState.REJECTED:
        return Decision.REJECTED
    if has_supplement_due:
        return Decision.TOLERANT
    return Decision.INSTANT if instant_item else Decision.ACCEPTED


@dataclass(frozen=True)
class Outcome:
    """Whether a deadline's outcome is known yet, and if so whether it was kept."""

    due: bool
    kept: bool


def supplement_outcome(
    deadline: date, owed: int, last_supplement: date | None, overdue: bool, today: date
) -> Outcome:
    """A 容缺 case owing ``owed`` materials now, its last supplement handed in on
    ``last_supplement`` (None: none yet), ended as overdue or not."""
    complete = owed == 0 and last_supplement is not None and not overdue
    if complete:
        assert last_supplement is not None
        return Outcome(True, last_supplement <= deadline)
    return Outcome(overdue or today > deadline, False)


def deadline_outcome(due: date, concluded_on: date | None, today: date) -> Outcome:
    if concluded_on is not None:
        return Outcome(True, concluded_on <= due)
    return Outcome(today > due, False)


class TicketFact(NamedTuple):
    id: int
    status: str
    wait: float | None  # minutes, of a served ticket
    service: float | None


class CaseFact(NamedTuple):
    id: int
    decision: Decision
    supplement: Outcome | None  # 容缺 only
    deadline: Outcome | None  # cases with a decision to make by a due date
    visits: int | None  # None: 一次性告知


class EvaluationFact(NamedTuple):
    level: int
    defaulted: bool


@dataclass
class Tally:
    """What one group collects before its figures are computed."""

    tickets: list[TicketFact] = field(default_factory=list)
    cases: list[CaseFact] = field(default_factory=list)
    evaluations: list[EvaluationFact] = field(default_factory=list)

    def figures(self, scores: Sequence[int]) -> Figures:
        served = [t for t in self.tickets if t.status == "finished"]
        waits = [t.wait for t in served if t.wait is not None]
        services = [t.service for t in served if t.service is not None]
        decisions = [c.decision for c in self.cases]
        supplements = [c.supplement for c in self.cases if c.supplement is not None]
        deadlines = [c.deadline for c in self.cases if c.deadline is not None]
        visits = [c.visits for c in self.cases if c.visits is not None]
        per_level = [0] * (len(Level) + 1)
        for e in self.evaluations:
            per_level[e.level] += 1
        levels = {level: per_level[level] for level in Level}
        return Figures(
            tickets=len(self.tickets),
            served=len(served),
            no_shows=sum(t.status == "no_show" for t in self.tickets),
            wait_p50=percentile(waits, 50),
            wait_p90=percentile(waits, 90),
            service_mean=sum(services) / len(services) if services else None,
            cases=len(self.cases),
            accepted=decisions.count(Decision.ACCEPTED),
            tolerant=decisions.count(Decision.TOLERANT),
            notices=decisions.count(Decision.NOTICE),
            rejected=decisions.count(Decision.REJECTED),
            instant=decisions.count(Decision.INSTANT),
            supplements_due=_count(o.due for o in supplements),
            supplements_on_time=_count(o.kept for o in supplements),
            deadlines_due=_count(o.due for o in deadlines),
            deadlines_kept=_count(o.kept for o in deadlines),
            evaluations=len(self.evaluations),
            levels=tuple(levels[level] for level in Level),  # type: ignore[arg-type]
            bad=sum(n for level, n in levels.items() if is_bad(level)),
            defaulted=sum(e.defaulted for e in self.evaluations),
            satisfaction=satisfaction_rate(levels, scores),
            visit_cases=len(visits),
            one_visit=visits.count(1),
        )


def _count(flags: Iterable[bool]) -> int:
    return sum(1 for f in flags if f)


@dataclass(frozen=True)
class CaseVisit:
    """A case of an applicant for an item, for counting visits: ``ticket_id`` None for a
    decision made without a ticket."""

    id: int
    notice: bool
    ticket_id: int | None


def visits_by_case(chain: Sequence[CaseVisit]) -> dict[int, int]:
    """The visits of each decided case of one applicant's cases of one item, oldest first:
    its own ticket and those of the notices since the previous decided case (distinct)."""
    out: dict[int, int] = {}
    pending: list[CaseVisit] = []
    for case in chain:
        if case.notice:
            pending.append(case)
            continue
        trips = {("t", c.ticket_id) if c.ticket_id is not None else ("c", c.id) for c in pending}
        trips.add(("t", case.ticket_id) if case.ticket_id is not None else ("c", case.id))
        out[case.id] = len(trips)
        pending = []
    return out
