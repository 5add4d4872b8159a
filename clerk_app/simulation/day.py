"""A simulated hall day through the real services: the kiosk takes tickets, counters call, serve,
decide cases, recall and mark no-shows, transfer, and applicants rate at the evaluator.

Event-driven: the hall's clock is a ``SimClock`` this module moves to the next event (an
arrival, a service's end, a recall, a counter opening or closing); nothing sleeps, so a day
of the hall takes as long as its service calls do. One thread, one action at a time, in the
order of the hall's clock; the same seed and plan give the same day.
"""

from __future__ import annotations

import heapq
import time as perf
from collections import Counter as Tally
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from enum import IntEnum

from sqlalchemy import func, select

from clerk_app.api import Hall, StaffSession
from clerk_app.demo.credit_cases import make_resident_id
from clerk_app.domain.case_states import SubmissionStatus
from clerk_app.domain.roles import Actor, Role
from clerk_app.hall_time import to_local, to_utc
from clerk_app.persistence.models import Ticket
from clerk_app.services.cases.results import ApplicantInput, ItemRequest, MaterialCheck
from clerk_app.services.catalog import ItemInfo
from clerk_app.services.settings import LONG_WAIT_MINUTES, get_setting
from clerk_app.simulation.demand import Errand, Visit
from clerk_app.simulation.hall_setup import RED_LISTED_FIRMS, SimClerk, firm_uscc
from clerk_app.simulation.plan import StaffingPlan
from clerk_app.simulation.report import DayReport, percentile

NAIVE_MINUTES = 8  # the naive estimate: people ahead × this
RECALL_GAP_S = 30.0  # between a call and each recall of an applicant who does not come
ROAD_PERMIT = {"location": "汕头市龙湖区长平路88号东侧人行道", "area_m2": "12"}


class SimClock:
    """The hall's "now" (naive UTC) as the simulation sets it."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


class Kind(IntEnum):
    """Events at the same instant run in this order."""

    OPEN = 0
    END = 1
    RECALL = 2
    NO_SHOW = 3
    ARRIVE = 4
    CLOSE = 5


@dataclass
class _Ticket:
    visit: Visit
    taken_s: float
    estimate: int | None
    ahead: int
    serving: int = 0  # counters open for the ticket's category when it was taken
    called_s: float | None = None
    transferred: bool = False


@dataclass
class _Desk:
    number: int
    categories: frozenset[str]
    opens_s: float
    closes_s: float | None
    session: StaffSession
    evaluator: StaffSession
    open: bool = False
    closing: bool = False
    ticket: _Ticket | None = None
    ticket_id: int = 0
    recalls: int = 0
    busy_since: float = 0.0
    busy_s: float = 0.0
    opened_s: float = 0.0
    closed_s: float | None = None
    idle_since: float = 0.0
    last_end_s: float = 0.0


@dataclass
class _Counts:
    no_shows: int = 0
    transfers: int = 0
    evaluations: int = 0
    decisions: Tally[str] = field(default_factory=Tally)


class SimulatedDay:
    """One plan's day on ``hall`` (whose clock is ``clock``); ``run()`` returns its report."""

    def __init__(
        self,
        hall: Hall,
        clock: SimClock,
        plan: StaffingPlan,
        clerks: dict[int, SimClerk],
        visits: list[Visit],
        day: date,
        opens: time,
        closes: time,
        items: dict[str, ItemInfo],
    ) -> None:
        self.hall, self.clock, self.plan, self.visits, self.day = hall, clock, plan, visits, day
        self.items = items
        self.start = to_utc(datetime.combine(day, opens))
        self.close_s = (datetime.combine(day, closes) - datetime.combine(day, opens)).seconds
        self.kiosk = hall.kiosk()
        self.events: list[tuple[float, int, int, int]] = []  # (at_s, kind, seq, subject)
        self.seq = 0
        self.tickets: dict[int, _Ticket] = {}
        self.counts = _Counts()
        with hall.db.read() as s:
            self.no_show_after = int(get_setting(s, "queue.no_show_after_recalls"))
            self.long_wait = int(get_setting(s, LONG_WAIT_MINUTES))
        self.desks: dict[int, _Desk] = {}
        for shift in plan.shifts:
            opens_s = self._seconds(shift.open)
            closes_s = self._seconds(shift.close) if shift.close else None
            for n in shift.numbers:
                clerk = clerks[n]
                actor = Actor(Role.CLERK, clerk.username, clerk.display_name, clerk.user_id, n)
                self.desks[n] = _Desk(
                    n,
                    frozenset(shift.categories),
                    opens_s,
                    closes_s,
                    StaffSession(hall.db, actor, clock),
                    hall.evaluator(n),
                )

    def _seconds(self, at: time) -> float:
        opens = to_local(self.start)
        return (datetime.combine(self.day, at) - opens).total_seconds()

    # -- the loop ---------------------------------------------------------------------------

    def _at(self, at_s: float, kind: Kind, subject: int) -> None:
        self.seq += 1
        heapq.heappush(self.events, (at_s, int(kind), self.seq, subject))

    def run(self) -> DayReport:
        for desk in self.desks.values():
            self._at(desk.opens_s, Kind.OPEN, desk.number)
            if desk.closes_s is not None:
                self._at(desk.closes_s, Kind.CLOSE, desk.number)
        for visit in self.visits:
            self._at(visit.arrives_s, Kind.ARRIVE, visit.index)
        started, cpu = perf.perf_counter(), perf.process_time()
        last_s = 0.0
        while self.events:
            at_s, kind, _, subject = heapq.heappop(self.events)
            last_s = max(last_s, at_s)
            self.clock.now = self.start + timedelta(seconds=at_s)
            self._handle(Kind(kind), subject, at_s)
        for desk in self.desks.values():  # the hall closes: whoever is still open signs off
            if desk.open:
                self._close(desk, max(last_s, self.close_s))
        self.hall.system(Role.SUPERVISOR).queue.close_day()  # the unserved expire
        elapsed, cpu = perf.perf_counter() - started, perf.process_time() - cpu
        return replace(self._report(elapsed), cpu_s=cpu)

    def _handle(self, kind: Kind, subject: int, now: float) -> None:
        if kind is Kind.ARRIVE:
            self._arrive(self.visits[subject], now)
            return
        desk = self.desks[subject]
        if kind is Kind.OPEN:
            desk.session.queue.heartbeat()  # signed in: online from now
            desk.open, desk.opened_s, desk.idle_since = True, now, now
            self._call(desk, now)
        elif kind is Kind.CLOSE:
            if desk.ticket is None and desk.open:
                self._close(desk, now)
            else:
                desk.closing = True
        elif kind is Kind.RECALL:
            desk.session.queue.recall()
            desk.recalls += 1
            after = Kind.RECALL if desk.recalls < self.no_show_after else Kind.NO_SHOW
            self._at(now + RECALL_GAP_S, after, desk.number)
        elif kind is Kind.NO_SHOW:
            desk.session.queue.no_show()
            self.counts.no_shows += 1
            self._free(desk, now)
            self._next(desk, now)
        elif kind is Kind.END:
            self._end(desk, now)

    # -- the kiosk --------------------------------------------------------------------------

    def _arrive(self, visit: Visit, now: float) -> None:
        info = self.kiosk.queue.take_ticket(visit.category)
        serving = sum(
            1
            for d in self.desks.values()
            if d.open and not d.closing and visit.category in d.categories
        )
        self.tickets[info.id] = _Ticket(visit, now, info.wait_minutes, info.ahead, serving)
        self._wake(visit.category, now)

    def _wake(self, category: str, now: float) -> None:
        """An idle open counter serving ``category`` calls (the longest idle first)."""
        idle = [
            d
            for d in self.desks.values()
            if d.open and not d.closing and d.ticket is None and category in d.categories
        ]
        for desk in sorted(idle, key=lambda d: (d.idle_since, d.number)):
            if self._call(desk, now):
                return

    # -- a counter --------------------------------------------------------------------------

    def _call(self, desk: _Desk, now: float) -> bool:
        """Call-next at ``desk`` (finishing what it holds); False when nobody is waiting."""
        info = desk.session.queue.call_next()
        if info is None:
            desk.idle_since = now
            return False
        ticket = self.tickets[info.id]
        if ticket.called_s is None:
            ticket.called_s = now
        desk.ticket, desk.ticket_id, desk.recalls, desk.busy_since = ticket, info.id, 0, now
        if ticket.visit.no_show and not ticket.transferred:
            self._at(now + RECALL_GAP_S, Kind.RECALL, desk.number)
        else:
            visit = ticket.visit
            length = visit.transfer_service_s if ticket.transferred else visit.service_s
            self._at(now + length, Kind.END, desk.number)
        return True

    def _end(self, desk: _Desk, now: float) -> None:
        ticket = desk.ticket
        assert ticket is not None
        visit = ticket.visit
        if not ticket.transferred:
            self._decide(desk, visit)
        if visit.transfer_to and not ticket.transferred:
            desk.session.queue.transfer(to_category=visit.transfer_to)
            ticket.transferred = True
            self.counts.transfers += 1
            self._free(desk, now)
            self._next(desk, now)
            self._wake(visit.transfer_to, now)
            return
        served_id = desk.ticket_id
        self._free(desk, now)
        self._next(desk, now, finishing=True)
        if visit.rating is not None:
            self._rate(desk, served_id, ticket, visit.rating)

    def _free(self, desk: _Desk, now: float) -> None:
        desk.busy_s += now - desk.busy_since
        desk.last_end_s = now
        desk.ticket = None

    def _next(self, desk: _Desk, now: float, *, finishing: bool = False) -> None:
        """After a service: call the next one, or end the shift if it is over."""
        if desk.closing or (desk.closes_s is not None and now >= desk.closes_s):
            if finishing:
                desk.session.queue.finish()
            self._close(desk, now)
        else:
            self._call(desk, now)  # call-next also ends the service just done

    def _close(self, desk: _Desk, now: float) -> None:
        desk.session.queue.sign_off()
        desk.open, desk.closing, desk.closed_s = False, False, now

    def _rate(self, desk: _Desk, ticket_id: int, ticket: _Ticket, level: int) -> None:
        reasons: tuple[str, ...] = ()
        if level >= 4:
            waited = (ticket.called_s or ticket.taken_s) - ticket.taken_s
            reasons = ("long_wait",) if waited > self.long_wait * 60 else ("slow_service",)
        desk.evaluator.evaluations.rate(ticket_id, level, reasons)
        self.counts.evaluations += 1

    # -- the counter's decision ---------------------------------------------------------------

    def _decide(self, desk: _Desk, visit: Visit) -> None:
        cases = desk.session.cases
        code = visit.item.code
        applicant = self._applicant(visit)
        if visit.errand is Errand.INSTANT:
            details = None
            if code in ("440500-CG-001",):
                start = self.day + timedelta(days=1)
                details = ROAD_PERMIT | {
                    "period_from": start.isoformat(),
                    "period_to": (start + timedelta(days=6)).isoformat(),
                }
            cases.issue_instant(
                applicant, [ItemRequest(code)], ticket_id=desk.ticket_id, permit_details=details
            )
        elif visit.errand is Errand.TOLERANT:
            cases.tolerant_accept(
                applicant,
                [self._missing(code, core=False)],
                commitment_signed=True,
                ticket_id=desk.ticket_id,
            )
        elif visit.errand is Errand.NOTICE:
            cases.one_time_notice(
                applicant, [self._missing(code, core=True)], ticket_id=desk.ticket_id
            )
        else:
            cases.accept(applicant, [ItemRequest(code)], ticket_id=desk.ticket_id)
        self.counts.decisions[visit.errand.value] += 1

    def _missing(self, code: str, *, core: bool) -> ItemRequest:
        item = self.items[code]
        material = next((m for m in item.materials if m.core == core), item.materials[0])
        return ItemRequest(
            code, (MaterialCheck(material.id, SubmissionStatus.MISSING, note="未带"),)
        )

    def _applicant(self, visit: Visit) -> ApplicantInput:
        i = visit.index
        if visit.errand is Errand.TOLERANT:
            n = i % RED_LISTED_FIRMS + 1
            return ApplicantInput(
                f"汕头市模拟{n:02d}有限公司", "uscc", firm_uscc(n), legal_representative="王五"
            )
        if visit.category in ("A", "B"):
            return ApplicantInput(
                f"汕头市申请{i:05d}有限公司",
                "uscc",
                firm_uscc(1000 + i),
                legal_representative="李四",
            )
        born = date(1960, 1, 1) + timedelta(days=i % 15000)
        return ApplicantInput("张三", "resident_id", make_resident_id("440511", born, i % 999 + 1))

    # -- the report -------------------------------------------------------------------------

    def _report(self, elapsed: float) -> DayReport:
        with self.hall.db.read() as s:
            rows = s.execute(
                select(Ticket.status, func.count())
                .where(Ticket.service_date == self.day)
                .group_by(Ticket.status)
            ).all()
        outcomes = {str(status): int(n) for status, n in rows}
        waits: dict[str, list[float]] = {}
        errors, naive_errors, per_counter = [], [], []
        for t in self.tickets.values():
            if t.called_s is None:
                continue
            wait = (t.called_s - t.taken_s) / 60
            waits.setdefault(t.visit.category, []).append(wait)
            waits.setdefault("all", []).append(wait)
            if t.estimate is not None:
                errors.append(abs(t.estimate - wait))
                naive_errors.append(abs(t.ahead * NAIVE_MINUTES - wait))
                if t.serving:
                    per_counter.append(abs(t.ahead * NAIVE_MINUTES / t.serving - wait))
        all_waits = waits.get("all", [])
        # A ticket never called waited the rest of the day: it counts as a long wait.
        long_waits = sum(w > self.long_wait for w in all_waits) + sum(
            1 for t in self.tickets.values() if t.called_s is None
        )
        utilisation = {}
        for desk in self.desks.values():
            closed = desk.closed_s if desk.closed_s is not None else desk.last_end_s
            span = max(0.0, closed - desk.opened_s)
            utilisation[desk.number] = min(1.0, desk.busy_s / span) if span > 0 else 0.0
        last_end = max((d.last_end_s for d in self.desks.values()), default=0.0)
        served = outcomes.get("finished", 0)
        return DayReport(
            plan=self.plan.name,
            day=self.day,
            counters=len(self.desks),
            tickets=len(self.tickets),
            outcomes=outcomes,
            served=served,
            no_shows=self.counts.no_shows,
            transfers=self.counts.transfers,
            decisions=dict(self.counts.decisions),
            evaluations=self.counts.evaluations,
            elapsed_s=elapsed,
            setup_s=0.0,
            last_service_end=to_local(self.start + timedelta(seconds=last_end)),
            served_per_hour=served / (last_end / 3600) if last_end > 0 else 0.0,
            wait_p50_min={k: percentile(v, 50) for k, v in waits.items()},
            wait_p90_min={k: percentile(v, 90) for k, v in waits.items()},
            utilisation=utilisation,
            wait_estimate_mae_min=sum(errors) / len(errors) if errors else None,
            naive_mae_min=sum(naive_errors) / len(naive_errors) if naive_errors else None,
            naive_counters_mae_min=sum(per_counter) / len(per_counter) if per_counter else None,
            estimated=len(errors),
            long_wait_minutes=self.long_wait,
            long_wait_share=long_waits / len(self.tickets) if self.tickets else 0.0,
        )
