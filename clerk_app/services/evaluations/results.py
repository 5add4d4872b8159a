"""What the evaluation services return: frozen views of ratings, rectifications and exports.

Times are hall-local; dates are hall-local dates.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from clerk_app.domain.evaluation import Level, Reason, RectificationState

#: The channel of a rating made on the counter's evaluator (GB/T 39735: 窗口评价器).
WINDOW_EVALUATOR = "window_evaluator"


@dataclass(frozen=True)
class RatedCase:
    """A case of the rated service as it was when rated."""

    case_no: str
    item_code: str
    item_name: str
    item_kind: str  # instant | promised


@dataclass(frozen=True)
class ServiceToRate:
    """A service that just ended at the evaluator's counter and is not yet rated."""

    ticket_id: int
    ticket_number: str
    counter_number: int
    clerk_name: str
    finished_at: datetime
    item_names: tuple[str, ...]


@dataclass(frozen=True)
class EvaluatorView:
    """What the evaluator at one counter shows: who serves here, and a service to rate.

    ``to_rate`` is the ticket the caller saw in service last time, once that service has
    ended (finished, unrated, still within the prompt time); else None.
    """

    counter_number: int
    counter_name: str
    clerk_name: str | None  # None: nobody signed in (or the counter PC is offline)
    serving_ticket_id: int | None
    serving_ticket_number: str | None
    to_rate: ServiceToRate | None


@dataclass(frozen=True)
class EvaluationInfo:
    id: int
    ticket_id: int
    ticket_number: str
    service_date: date
    counter_number: int
    clerk_username: str
    clerk_name: str
    level: Level
    reasons: tuple[Reason, ...]
    comment: str
    channel: str
    defaulted: bool
    finished_at: datetime
    rated_at: datetime
    cases: tuple[RatedCase, ...]
    exported: bool
    rectification_id: int | None


@dataclass(frozen=True)
class CallbackInfo:
    called_at: datetime
    caller: str
    caller_name: str
    reached: bool
    summary: str


@dataclass(frozen=True)
class RectificationInfo:
    """A bad review's rectification with its evaluation and callback log."""

    id: int
    state: RectificationState
    evaluation: EvaluationInfo
    opened_at: datetime
    deadline: date | None  # working days after the bad review; None until the calendar knows
    started_at: datetime | None
    started_by: str
    closed_at: datetime | None
    closed_by: str
    resolution: str
    contested_by: str
    contest_reason: str
    contest_decided_by: str
    contest_decision: str  # "" | approved | rejected
    contest_note: str
    follow_up_level: Level | None
    callbacks: tuple[CallbackInfo, ...]


@dataclass(frozen=True)
class DefaultsApplied:
    """What one run of the 7-day default did."""

    defaulted: tuple[EvaluationInfo, ...]


@dataclass(frozen=True)
class OverdueMarked:
    overdue: tuple[int, ...]  # rectification ids now overdue
    deadlines_set: int  # deadlines computed now that the calendar covers them


@dataclass(frozen=True)
class SatisfactionSummary:
    """Ratings of the hall-local days ``since``..``until`` (inclusive)."""

    since: date
    until: date
    counts: tuple[tuple[Level, int], ...]  # every level, best first
    total: int
    bad: int
    defaulted: int
    rate: float | None  # mean score / top score; None with no ratings


@dataclass(frozen=True)
class ExportResult:
    batch_no: str
    record_count: int
    path: Path
    sha256: str
    recovered: bool  # the batch of an interrupted earlier run, written again
