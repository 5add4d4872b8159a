"""The dashboard's figures: each queue today and each counter now, from one pass over today's
tickets (the ``(service_date, number)`` key's index: a day's tickets, never the hall's million).

Functions run inside the caller's read unit of work; ``now`` is naive UTC.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk_app.domain.ticket_status import TicketStatus
from clerk_app.domain.wait_estimate import (
    WINDOW,
    estimate_wait,
    typical_service_minutes,
    usual_service_minutes,
)
from clerk_app.hall_time import local_date
from clerk_app.persistence.models import QueueCategory, Ticket
from clerk_app.services.queue.results import CategoryLoad, CounterState, QueueStatus
from clerk_app.services.supervision.results import CategoryFigures, CounterFigures

_CALLED = (TicketStatus.SERVING.value, TicketStatus.FINISHED.value, TicketStatus.NO_SHOW.value)


def minutes_between(start: datetime | None, end: datetime) -> int | None:
    return None if start is None else max(0, int((end - start).total_seconds() // 60))


@dataclass
class _Queue:
    """Today's tickets of one category, summed."""

    waiting: int = 0
    oldest_waiting: datetime | None = None
    called: int = 0
    waited_seconds: float = 0.0
    served: int = 0
    no_shows: int = 0
    services: list[tuple[datetime, datetime]] = field(default_factory=list)  # (finished, served)


@dataclass
class Today:
    """What one read of today's tickets says, per category id and per counter id."""

    queues: dict[int, _Queue] = field(default_factory=lambda: defaultdict(_Queue))
    last_end: dict[int, datetime] = field(default_factory=dict)  # counter id -> finished_at
    called_at: dict[int, datetime] = field(default_factory=dict)  # serving ticket id -> called

    def oldest_waiting(self, category_id: int) -> datetime | None:
        queue = self.queues.get(category_id)
        return None if queue is None else queue.oldest_waiting


def read_today(s: Session, now: datetime) -> Today:
    """One query: today's tickets' category, state and times (naive UTC)."""
    today = Today()
    rows = s.execute(
        select(
            Ticket.id,
            Ticket.category_id,
            Ticket.status,
            Ticket.counter_id,
            Ticket.taken_at,
            Ticket.called_at,
            Ticket.served_at,
            Ticket.finished_at,
        ).where(Ticket.service_date == local_date(now))
    )
    for (
        ticket_id,
        category_id,
        status,
        counter_id,
        taken_at,
        called_at,
        served,
        finished_at,
    ) in rows:
        queue = today.queues[category_id]
        if status == TicketStatus.WAITING:
            queue.waiting += 1
            if queue.oldest_waiting is None or taken_at < queue.oldest_waiting:
                queue.oldest_waiting = taken_at
            continue
        if status in _CALLED and called_at is not None:
            queue.called += 1
            queue.waited_seconds += (called_at - taken_at).total_seconds()
        if status == TicketStatus.SERVING and called_at is not None:
            today.called_at[ticket_id] = called_at
        elif status == TicketStatus.FINISHED:
            queue.served += 1
            if served is not None and finished_at is not None:
                queue.services.append((finished_at, served))
        elif status == TicketStatus.NO_SHOW:
            queue.no_shows += 1
        if counter_id is not None and finished_at is not None:
            last = today.last_end.get(counter_id)
            if last is None or finished_at > last:
                today.last_end[counter_id] = finished_at
    return today


def loads(
    cats: list[QueueCategory],
    today: Today,
    counters: tuple[CounterState, ...],
    settings: dict[str, Any],
) -> tuple[CategoryLoad, ...]:
    """What ``queue.status()`` says of each queue (``board.category_load``: waiting, counters
    open, the wait estimate of ``domain.wait_estimate``), from today's one read instead of
    five queries a category; tests/test_supervision.py checks the two agree."""
    result = []
    for cat in cats:
        q = today.queues.get(cat.id, _Queue())
        open_now = sum(
            1 for c in counters if c.online and not c.paused and cat.prefix in c.categories
        )
        last = sorted(q.services, reverse=True)[:WINDOW]
        minutes = [(end - start).total_seconds() / 60 for end, start in reversed(last)]
        usual = usual_service_minutes(
            settings["queue.service_minutes"],
            cat.prefix,
            float(settings["queue.default_service_minutes"]),
        )
        estimate = estimate_wait(q.waiting, typical_service_minutes(minutes, usual), open_now)
        result.append(CategoryLoad(cat.prefix, cat.name, q.waiting, open_now, estimate.minutes))
    return tuple(result)


def category_figures(
    cats: list[QueueCategory], today: Today, status: QueueStatus, now: datetime
) -> tuple[CategoryFigures, ...]:
    open_counters = {load.prefix: load.open_counters for load in status.categories}
    figures = []
    for cat in cats:
        q = today.queues.get(cat.id, _Queue())
        average = int(q.waited_seconds // 60 // q.called) if q.called else None
        figures.append(
            CategoryFigures(
                prefix=cat.prefix,
                name=cat.name,
                waiting=q.waiting,
                longest_wait_minutes=minutes_between(q.oldest_waiting, now),
                average_wait_minutes=average,
                served=q.served,
                no_shows=q.no_shows,
                open_counters=open_counters.get(cat.prefix, 0),
            )
        )
    return tuple(figures)


def counter_figures(
    s: Session, status: QueueStatus, today: Today, counter_ids: dict[int, int], now: datetime
) -> tuple[CounterFigures, ...]:
    """``counter_ids``: counter number -> id. A ticket in service since an earlier day (a
    counter stranded overnight) is read on its own."""
    called_at = dict(today.called_at)
    missing = [
        c.current_ticket_id
        for c in status.counters
        if c.current_ticket_id is not None and c.current_ticket_id not in called_at
    ]
    if missing:
        rows = s.execute(select(Ticket.id, Ticket.called_at).where(Ticket.id.in_(missing)))
        called_at.update({i: at for i, at in rows if at is not None})
    figures = []
    for c in status.counters:
        in_service = None
        if c.current_ticket_id is not None:
            in_service = minutes_between(called_at.get(c.current_ticket_id), now)
        idle = None
        if c.online and not c.paused and c.current_ticket_id is None:
            idle = minutes_between(today.last_end.get(counter_ids[c.number]), now)
        figures.append(
            CounterFigures(
                number=c.number,
                name=c.name,
                categories=c.categories,
                clerk=c.clerk,
                online=c.online,
                paused=c.paused,
                current_ticket=c.current_ticket,
                current_ticket_id=c.current_ticket_id,
                in_service_minutes=in_service,
                idle_minutes=idle,
            )
        )
    return tuple(figures)
