"""What the report service returns: frozen figures of the whole range and of each breakdown.

Dates are hall-local; durations are minutes; a rate is a share (0–1), ``None`` when there is
nothing to rate (a rate of nothing is neither 0 % nor 100 %).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

#: ``progress(done, total)``: called as a report is built and written (for a progress bar).
Progress = Callable[[int, int], None]


class Dimension(StrEnum):
    """What a breakdown groups by."""

    CATEGORY = "category"
    COUNTER = "counter"
    CLERK = "clerk"
    DEPARTMENT = "department"
    ITEM = "item"


DIMENSION_LABELS: dict[Dimension, tuple[str, str]] = {
    Dimension.CATEGORY: ("业务类别", "Category"),
    Dimension.COUNTER: ("窗口", "Counter"),
    Dimension.CLERK: ("窗口人员", "Clerk"),
    Dimension.DEPARTMENT: ("部门", "Department"),
    Dimension.ITEM: ("事项", "Item"),
}


@dataclass(frozen=True)
class Figures:
    """The report's figures for one group of tickets, cases and evaluations."""

    tickets: int  # issued on the days of the range
    served: int  # finished at a counter
    no_shows: int  # 过号
    wait_p50: float | None  # minutes from queueing to service, of the tickets served
    wait_p90: float | None
    service_mean: float | None  # minutes from service to its end, of the tickets served
    cases: int  # decided on the days of the range (every decision)
    accepted: int  # 受理 (promised items, everything handed in)
    tolerant: int  # 容缺受理
    notices: int  # 一次性告知
    rejected: int  # 不予受理
    instant: int  # 即办件, issued on the spot
    supplements_due: int  # 容缺 cases whose supplement is in or its deadline passed
    supplements_on_time: int  # … with every owed material handed in by the deadline
    deadlines_due: int  # cases with a due date that were decided or whose due date passed
    deadlines_kept: int  # … decided on or before the due date
    evaluations: int  # ratings of the services of the range
    levels: tuple[int, int, int, int, int]  # ratings per level, 非常满意 first
    bad: int  # 差评: 不满意 + 非常不满意
    defaulted: int  # unrated services counted as 基本满意
    satisfaction: float | None  # mean score / top score (hall's scores)
    visit_cases: int  # cases 最多跑一次 counts (every decision but 一次性告知)
    one_visit: int  # … whose applicant came once

    @property
    def on_time_rate(self) -> float | None:
        return _rate(self.supplements_on_time, self.supplements_due)

    @property
    def kept_rate(self) -> float | None:
        return _rate(self.deadlines_kept, self.deadlines_due)

    @property
    def one_visit_rate(self) -> float | None:
        return _rate(self.one_visit, self.visit_cases)


def _rate(part: int, whole: int) -> float | None:
    return part / whole if whole else None


@dataclass(frozen=True)
class Row:
    """One group of a breakdown: ``key`` is None for what belongs to none (未分配)."""

    key: str | None  # category prefix, counter number, username, department or item code
    label: str
    figures: Figures


@dataclass(frozen=True)
class Breakdown:
    """A breakdown's rows. A ticket or an evaluation with cases of several departments or
    items counts in each of them, so those rows may add up to more than the total."""

    dimension: Dimension
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class Report:
    hall_name: str
    date_from: date
    date_to: date  # inclusive
    generated_at: datetime  # hall-local time of the snapshot
    counter: int | None  # the counter filter, if any
    clerk: str | None  # the clerk filter (username), if any
    total: Figures
    breakdowns: tuple[Breakdown, ...]

    def breakdown(self, dimension: Dimension) -> Breakdown:
        return next(b for b in self.breakdowns if b.dimension is dimension)


@dataclass(frozen=True)
class ReportSaved:
    path: str
    format: str  # xlsx | pdf
    report: Report
