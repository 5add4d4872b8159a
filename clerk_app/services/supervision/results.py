"""Plain results of the supervision service: the dashboard's figures and its alerts.

Times are hall-local; minutes are whole minutes rounded down; days are working days.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from clerk_app.services.queue.results import QueueStatus


class AlertKind(StrEnum):
    """What is wrong; the values are what ``--json`` and the tests see."""

    LONG_WAIT = "long_wait"  # a category's oldest waiting ticket waited over the threshold
    NO_COUNTER_OPEN = "no_counter_open"  # tickets wait and no open counter serves them
    IDLE_COUNTER = "idle_counter"  # an open counter has served nobody while its queue waits
    STRANDED_TICKET = "stranded_ticket"  # an offline counter still holds a ticket in service
    DEADLINE_YELLOW = "deadline_yellow"  # a case has 1 working day left (黄牌)
    DEADLINE_RED = "deadline_red"  # a case is past its due date (红牌)
    SUPPLEMENT_DUE = "supplement_due"  # 容缺 materials due within a working day
    SUPPLEMENT_OVERDUE = "supplement_overdue"  # 容缺 materials not supplied in time
    BAD_REVIEW = "bad_review"  # a 差评 waiting for rectification


class AlertSeverity(StrEnum):
    """Red needs action now; yellow soon (红黄牌)."""

    RED = "red"
    YELLOW = "yellow"


class AlertSubject(StrEnum):
    """What an alert is about; its ``subject_key`` is the category prefix, the counter
    number, the case number or the rectification id."""

    CATEGORY = "category"
    COUNTER = "counter"
    CASE = "case"
    EVALUATION = "evaluation"


class AlertAction(StrEnum):
    """What the supervisor can do from the alert."""

    SHOW_COUNTERS = "show_counters"  # look at the counters serving the category
    SHOW_COUNTER = "show_counter"  # look at (call, or phone) the counter
    RESOLVE_TICKET = "resolve_ticket"  # QueueService.resolve_counter: release or finish
    OPEN_CASE = "open_case"  # CaseService.get(case_no)
    OPEN_RECTIFICATION = "open_rectification"  # EvaluationService.rectification(id)


@dataclass(frozen=True)
class Alert:
    kind: AlertKind
    severity: AlertSeverity
    subject: AlertSubject
    subject_key: str
    subject_name: str  # the category's or counter's name, the case's item and applicant
    action: AlertAction
    minutes: int | None = None  # waited, idle or stranded this long
    days_left: int | None = None  # working days to the deadline; negative: overdue
    deadline: date | None = None
    ticket_number: str | None = None
    counter_no: int | None = None

    @property
    def key(self) -> tuple[str, str]:
        """Stays the same across reads while the condition lasts (keeps the selection)."""
        return (self.kind.value, self.subject_key)


@dataclass(frozen=True)
class CategoryFigures:
    """One queue today."""

    prefix: str
    name: str
    waiting: int
    longest_wait_minutes: int | None  # of the tickets waiting now; None when none waits
    average_wait_minutes: int | None  # taken to called, of today's called tickets
    served: int
    no_shows: int
    open_counters: int


@dataclass(frozen=True)
class CounterFigures:
    """One active counter now."""

    number: int
    name: str
    categories: tuple[str, ...]
    clerk: str | None
    online: bool
    paused: bool
    current_ticket: str | None
    current_ticket_id: int | None
    in_service_minutes: int | None  # since the ticket in service was called
    idle_minutes: int | None  # open, nothing in service: since its last service ended today

    @property
    def idle(self) -> bool:
        return self.online and not self.paused and self.current_ticket is None

    @property
    def stranded(self) -> bool:
        return not self.online and self.current_ticket is not None


@dataclass(frozen=True)
class Dashboard:
    """Everything the supervisor's dashboard shows, read in one transaction at ``at``."""

    at: datetime
    status: QueueStatus  # what the tiles and the counter table showed before (queue.status)
    categories: tuple[CategoryFigures, ...]
    counters: tuple[CounterFigures, ...]
    alerts: tuple[Alert, ...]  # red first
    more_case_alerts: int = 0  # yellow or red cases beyond the most urgent listed (200)


# --- the charts ----------------------------------------------------------------------------


@dataclass(frozen=True)
class HourCount:
    """One hall-local hour of today: tickets taken in it, services ended in it."""

    hour: int  # 0–23
    arrivals: int
    services: int  # tickets whose service ended (finished) in the hour


@dataclass(frozen=True)
class WaitBin:
    """Tickets called today whose wait (taken → called) fell in ``[low, high)`` minutes."""

    low: int
    high: int | None  # None: no upper bound (the last bin)
    tickets: int


@dataclass(frozen=True)
class CounterSatisfaction:
    """The ratings of the services at one counter since ``Charts.satisfaction_since``."""

    counter_no: int
    ratings: int
    satisfaction: float | None  # mean score / top score (hall's scores); None: no rating


@dataclass(frozen=True)
class Charts:
    """What the dashboard's charts draw, read in one snapshot."""

    at: datetime  # hall-local time of the read
    day: date  # today, hall-local
    hours: tuple[HourCount, ...]  # the 24 hours of today, 0 first
    waits: tuple[WaitBin, ...]  # of the tickets called today
    satisfaction_since: date  # first service date counted (SATISFACTION_DAYS back)
    satisfaction: tuple[CounterSatisfaction, ...]  # every counter of the hall, by number
