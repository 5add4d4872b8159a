"""The dashboard's charts: arrivals and services per hour today, today's waits, satisfaction by
counter. Plain reads inside the caller's read unit of work; ``now`` is naive UTC.

Today's tickets come from one query on the ``(service_date, number)`` index (a day's tickets);
the ratings from one grouped count over ``SATISFACTION_DAYS`` service dates.
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from clerk_app.domain.evaluation import Level, satisfaction_rate, validate_scores
from clerk_app.domain.ticket_status import TicketStatus
from clerk_app.hall_time import local_date, to_local
from clerk_app.persistence.models import Counter, Ticket
from clerk_app.persistence.models_evaluations import Evaluation
from clerk_app.services.settings import get_setting
from clerk_app.services.supervision.results import (
    Charts,
    CounterSatisfaction,
    HourCount,
    WaitBin,
)

#: The wait bins' lower bounds, minutes; the last bin has no upper bound.
WAIT_BOUNDS = (0, 5, 10, 15, 20, 30, 45, 60)
#: Satisfaction counts the ratings of the services of the last 30 days (today included): one
#: day's few ratings a counter say little.
SATISFACTION_DAYS = 30


def read_charts(s: Session, now: datetime) -> Charts:
    today = local_date(now)
    arrivals = [0] * 24
    services = [0] * 24
    waits = [0] * len(WAIT_BOUNDS)
    rows = s.execute(
        select(Ticket.status, Ticket.taken_at, Ticket.called_at, Ticket.finished_at).where(
            Ticket.service_date == today
        )
    )
    for status, taken_at, called_at, finished_at in rows:
        arrivals[to_local(taken_at).hour] += 1
        if status == TicketStatus.FINISHED and finished_at is not None:
            services[to_local(finished_at).hour] += 1
        if called_at is not None:
            minutes = max(0.0, (called_at - taken_at).total_seconds() / 60)
            waits[bisect_right(WAIT_BOUNDS, minutes) - 1] += 1
    hours = tuple(HourCount(h, arrivals[h], services[h]) for h in range(24))
    highs: tuple[int | None, ...] = (*WAIT_BOUNDS[1:], None)
    bins = tuple(
        WaitBin(low, high, n) for low, high, n in zip(WAIT_BOUNDS, highs, waits, strict=True)
    )

    since = today - timedelta(days=SATISFACTION_DAYS - 1)
    scores = validate_scores(get_setting(s, "evaluation.scores"))
    counts: dict[int, dict[Level, int]] = {
        number: {} for number in s.scalars(select(Counter.number).order_by(Counter.number))
    }
    rated = s.execute(
        select(Evaluation.counter_number, Evaluation.level, func.count())
        .where(Evaluation.service_date >= since, Evaluation.service_date <= today)
        .group_by(Evaluation.counter_number, Evaluation.level)
    )
    for counter_no, level, n in rated:
        counts.setdefault(counter_no, {})[Level(level)] = n
    satisfaction = tuple(
        CounterSatisfaction(n, sum(levels.values()), satisfaction_rate(levels, scores))
        for n, levels in sorted(counts.items())
    )
    return Charts(to_local(now), today, hours, bins, since, satisfaction)
