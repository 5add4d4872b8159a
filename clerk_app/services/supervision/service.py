"""The supervisor's dashboard as one service method: figures and alerts in one snapshot.

``dashboard()`` is polled about once a second by the supervisor's screen, on a worker thread.
It reads in one transaction; on PostgreSQL that transaction is REPEATABLE READ, so every
statement sees the same snapshot (a call committed between two of them cannot make a ticket
count as waiting in one figure and in service in another). SQLite's read transaction is a
snapshot already (WAL).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk_app.domain.roles import Permission
from clerk_app.hall_time import to_local
from clerk_app.persistence.models import Counter, QueueCategory
from clerk_app.services import settings
from clerk_app.services.base import Service
from clerk_app.services.queue import board
from clerk_app.services.queue.results import QueueStatus
from clerk_app.services.supervision import alerts, charts, figures
from clerk_app.services.supervision.results import Charts, Dashboard


class SupervisionService(Service):
    """What the supervisor (值班长) watches; every method needs ``SUPERVISE_QUEUE``."""

    def dashboard(self) -> Dashboard:
        """Each queue today, each counter now, and the alerts, red first."""
        self.actor.require(Permission.SUPERVISE_QUEUE)
        now = self.clock()
        with self.db.read(snapshot=True) as s:
            return _dashboard(s, now)

    def charts(self) -> Charts:
        """Arrivals and services per hour today, today's waits, satisfaction by counter: what
        the dashboard's charts draw, in one read (``supervision.charts``)."""
        self.actor.require(Permission.SUPERVISE_QUEUE)
        now = self.clock()
        with self.db.read(snapshot=True) as s:
            return charts.read_charts(s, now)


def _dashboard(s: Session, now: datetime) -> Dashboard:
    values = settings.get_settings(s, "queue.") | settings.get_settings(s, "case.")
    cats = list(s.scalars(select(QueueCategory).order_by(QueueCategory.sort_order)))
    today = figures.read_today(s, now)
    counters = board.counter_states(s, now)
    status = QueueStatus(figures.loads(cats, today, counters, values), counters)
    counter_ids: dict[int, int] = {n: i for n, i in s.execute(select(Counter.number, Counter.id))}
    category_figures = figures.category_figures(cats, today, status, now)
    counter_figures = figures.counter_figures(s, status, today, counter_ids, now)
    found = alerts.queue_alerts(
        category_figures,
        counter_figures,
        today,
        {c.prefix: c.id for c in cats},
        now,
        long_wait_minutes=settings.int_value(values, settings.LONG_WAIT_MINUTES),
        idle_counter_minutes=settings.int_value(values, settings.IDLE_COUNTER_MINUTES),
    )
    ended_days = settings.int_value(values, settings.OVERDUE_ALERT_DAYS)
    cases, more_cases = alerts.case_alerts(s, now, ended_days)
    found += cases
    found += alerts.review_alerts(s, now)
    return Dashboard(
        to_local(now),
        status,
        category_figures,
        counter_figures,
        alerts.ordered(found),
        more_cases,
    )
