"""The dashboard's alerts: what is wrong now and what the supervisor can do about it.

Queue alerts come from the figures (``figures.py``); case and review alerts from two queries
that read only the few rows that can be on the dashboard (cases whose running deadline is
within the yellow threshold, recently ended 容缺 cases, open rectifications). Every function
runs inside the caller's read unit of work; ``now`` is naive UTC.

- **Long wait**: the oldest ticket waiting in a category took it over
  ``queue.long_wait_minutes`` ago (yellow; red at twice that).
- **No counter open**: tickets wait and no open counter (online, not paused) serves the
  category (red).
- **Idle counter**: an open counter with nothing in service while tickets of its categories
  wait, for ``queue.idle_counter_minutes`` or more, counted from the later of its last service's
  end and the oldest waiting ticket (yellow).
- **Stranded ticket**: an offline counter holds a ticket in service (red).
- **Deadlines** (``domain.deadlines``): a deciding case yellow or red on its due date; a
  容缺 case yellow (due) or red (overdue) on its supplement deadline, and a 容缺 case ended as
  overdue within ``case.overdue_alert_days`` natural days (red).
- **Bad review**: a rectification waiting (待整改, 整改中) is yellow, one past its deadline red.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session

from clerk_app.domain.case_states import CaseState
from clerk_app.domain.deadlines import DeadlineWarning, WarningThresholds, deadline_status
from clerk_app.domain.evaluation import RectificationState
from clerk_app.domain.workdays import (
    CalendarNotCovered,
    WorkdayOverrides,
    add_workdays,
    workdays_between,
)
from clerk_app.hall_time import local_date
from clerk_app.persistence.models import Counter, ServiceItem
from clerk_app.persistence.models_cases import Case
from clerk_app.persistence.models_evaluations import Evaluation, Rectification
from clerk_app.services.calendar import load_overrides
from clerk_app.services.settings import load_policy
from clerk_app.services.supervision.figures import Today, minutes_between
from clerk_app.services.supervision.results import (
    Alert,
    AlertAction,
    AlertKind,
    AlertSeverity,
    AlertSubject,
    CategoryFigures,
    CounterFigures,
)

_RED, _YELLOW = AlertSeverity.RED, AlertSeverity.YELLOW
_DECIDING = (CaseState.ACCEPTED.value, CaseState.IN_REVIEW.value, CaseState.SUPPLEMENTED.value)
_PENDING = CaseState.PENDING_SUPPLEMENT.value
_ENDED_OVERDUE = CaseState.SUPPLEMENT_OVERDUE.value
_WAITING_REVIEWS = (
    RectificationState.PENDING.value,
    RectificationState.IN_PROGRESS.value,
    RectificationState.OVERDUE.value,
)
_KIND_ORDER = {kind: i for i, kind in enumerate(AlertKind)}


def ordered(alerts: Iterable[Alert]) -> tuple[Alert, ...]:
    """Red before yellow, then by kind, then the oldest deadline and the longest wait first."""
    return tuple(
        sorted(
            alerts,
            key=lambda a: (
                a.severity != _RED,
                _KIND_ORDER[a.kind],
                a.days_left if a.days_left is not None else 0,
                -(a.minutes or 0),
                a.subject_key,
            ),
        )
    )


def queue_alerts(
    categories: tuple[CategoryFigures, ...],
    counters: tuple[CounterFigures, ...],
    today: Today,
    category_ids: dict[str, int],
    now: datetime,
    long_wait_minutes: int,
    idle_counter_minutes: int,
) -> list[Alert]:
    """Long waits, queues no open counter serves, idle counters, stranded tickets."""
    alerts: list[Alert] = []
    waiting = {c.prefix: c for c in categories if c.waiting}
    for c in waiting.values():
        if c.open_counters == 0:
            alerts.append(
                Alert(
                    AlertKind.NO_COUNTER_OPEN,
                    _RED,
                    AlertSubject.CATEGORY,
                    c.prefix,
                    c.name,
                    AlertAction.SHOW_COUNTERS,
                    minutes=c.longest_wait_minutes,
                )
            )
        if c.longest_wait_minutes is not None and c.longest_wait_minutes >= long_wait_minutes:
            severity = _RED if c.longest_wait_minutes >= 2 * long_wait_minutes else _YELLOW
            alerts.append(
                Alert(
                    AlertKind.LONG_WAIT,
                    severity,
                    AlertSubject.CATEGORY,
                    c.prefix,
                    c.name,
                    AlertAction.SHOW_COUNTERS,
                    minutes=c.longest_wait_minutes,
                )
            )
    for counter in counters:
        if counter.stranded:
            alerts.append(
                Alert(
                    AlertKind.STRANDED_TICKET,
                    _RED,
                    AlertSubject.COUNTER,
                    str(counter.number),
                    counter.name,
                    AlertAction.RESOLVE_TICKET,
                    minutes=counter.in_service_minutes,
                    ticket_number=counter.current_ticket,
                    counter_no=counter.number,
                )
            )
        elif counter.idle:
            idle = _idle_while_waiting(counter, waiting, today, category_ids, now)
            if idle is not None and idle >= idle_counter_minutes:
                alerts.append(
                    Alert(
                        AlertKind.IDLE_COUNTER,
                        _YELLOW,
                        AlertSubject.COUNTER,
                        str(counter.number),
                        counter.name,
                        AlertAction.SHOW_COUNTER,
                        minutes=idle,
                        counter_no=counter.number,
                    )
                )
    return alerts


def _idle_while_waiting(
    counter: CounterFigures,
    waiting: dict[str, CategoryFigures],
    today: Today,
    category_ids: dict[str, int],
    now: datetime,
) -> int | None:
    """Minutes the counter has been idle while one of its queues waited; None if none waits."""
    oldest = [
        at
        for prefix in counter.categories
        if prefix in waiting and (at := today.oldest_waiting(category_ids[prefix])) is not None
    ]
    if not oldest:
        return None
    since = min(oldest)
    if counter.idle_minutes is not None:  # it served someone today: idle since that ended
        since = max(since, now - timedelta(minutes=counter.idle_minutes))
    return minutes_between(since, now)


CASES_LISTED = 200  # the most urgent case alerts listed; the others are counted


def case_alerts(
    s: Session, now: datetime, ended_overdue_days: int, limit: int = CASES_LISTED
) -> tuple[list[Alert], int]:
    """Yellow and red cases on their running deadline; 容缺 due, overdue or ended overdue:
    the ``limit`` most urgent, and how many more there are.

    A big hall has hundreds of cases due tomorrow, and they share a few dozen deadlines: so
    the cases are first counted per (state, deadlines) and each such group judged once, then
    only the cases of the most urgent groups are read.
    """
    policy = load_policy(s)
    thresholds = policy.thresholds
    overrides = load_overrides(s)
    today = local_date(now)
    # Only deadlines up to this day can be yellow or red; the exact rule is applied below.
    try:
        horizon: date | None = add_workdays(
            today, max(thresholds.yellow_days_left, 0) + 1, overrides
        )
    except CalendarNotCovered:
        horizon = None
    deciding: ColumnElement[bool] = Case.state.in_(_DECIDING)
    pending: ColumnElement[bool] = Case.state == _PENDING
    if horizon is not None:
        deciding = and_(deciding, Case.due_date <= horizon)
        pending = and_(pending, Case.supplement_due <= horizon)
    ended = and_(
        Case.state == _ENDED_OVERDUE,
        Case.updated_at >= now - timedelta(days=ended_overdue_days),
    )
    groups = []
    for state, due, supplement_due, count in s.execute(
        select(Case.state, Case.due_date, Case.supplement_due, func.count())
        .where(or_(deciding, pending, ended))
        .group_by(Case.state, Case.due_date, Case.supplement_due)
    ):
        verdict = _judge(state, due, supplement_due, today, overrides, thresholds)
        if verdict is not None:
            groups.append((_urgency(*verdict), verdict, state, due, supplement_due, count))
    groups.sort(key=lambda g: g[0])
    total = sum(g[-1] for g in groups)
    chosen, listed = [], 0
    for group in groups:
        if listed >= limit:
            break
        chosen.append(group)
        listed += group[-1]
    if not chosen:
        return [], 0
    verdicts = {(g[2], g[3], g[4]): g[1] for g in chosen}
    # The chosen groups' cases: a deciding case is judged by its due date alone, a pending one
    # by its supplement deadline alone, so one IN list per state finds them.
    wanted: list[ColumnElement[bool]] = []
    for state in {g[2] for g in chosen}:
        if state == _ENDED_OVERDUE:
            wanted.append(ended)
        elif state == _PENDING:
            days = {g[4] for g in chosen if g[2] == state}
            wanted.append(and_(Case.state == state, Case.supplement_due.in_(days)))
        else:
            days = {g[3] for g in chosen if g[2] == state}
            wanted.append(and_(Case.state == state, Case.due_date.in_(days)))
    rows = s.execute(
        select(
            Case.case_no,
            Case.state,
            Case.due_date,
            Case.supplement_due,
            Case.applicant_name,
            ServiceItem.name,
            Counter.number,
        )
        .join(ServiceItem, ServiceItem.id == Case.item_id)
        .outerjoin(Counter, Counter.id == Case.counter_id)
        .where(or_(*wanted))
    )
    alerts = []
    for case_no, state, due, supplement_due, applicant, item, counter_no in rows:
        verdict = verdicts.get((state, due, supplement_due))
        if verdict is None:
            continue
        kind, left = verdict
        alerts.append(
            Alert(
                kind,
                _RED if kind in _RED_CASE_KINDS else _YELLOW,
                AlertSubject.CASE,
                case_no,
                f"{item} · {applicant}",
                AlertAction.OPEN_CASE,
                days_left=left,
                deadline=due if kind in _DUE_DATE_KINDS else supplement_due,
                counter_no=counter_no,
            )
        )
    listed_alerts = list(ordered(alerts)[:limit])
    return listed_alerts, total - len(listed_alerts)


def _urgency(kind: AlertKind, left: int | None) -> tuple[bool, int, int]:
    """As ``ordered`` sorts alerts: red first, by kind, the fewest days left first."""
    return (kind not in _RED_CASE_KINDS, _KIND_ORDER[kind], left if left is not None else 0)


_RED_CASE_KINDS = frozenset({AlertKind.DEADLINE_RED, AlertKind.SUPPLEMENT_OVERDUE})
_DUE_DATE_KINDS = frozenset({AlertKind.DEADLINE_RED, AlertKind.DEADLINE_YELLOW})


def _judge(
    state: str,
    due: date | None,
    supplement_due: date | None,
    today: date,
    overrides: WorkdayOverrides,
    thresholds: WarningThresholds,
) -> tuple[AlertKind, int | None] | None:
    """The alert of a case in ``state`` with these deadlines and its working days left; None
    when it has none (not yet yellow, or its deadline's year has no calendar)."""
    if state == _ENDED_OVERDUE:
        try:
            left = (
                None
                if supplement_due is None
                else workdays_between(today, supplement_due, overrides)
            )
        except CalendarNotCovered:
            left = None
        return AlertKind.SUPPLEMENT_OVERDUE, left
    status = deadline_status(CaseState(state), due, supplement_due, today, overrides, thresholds)
    if status.warning not in (DeadlineWarning.YELLOW, DeadlineWarning.RED):
        return None
    red = status.warning == DeadlineWarning.RED
    if state == _PENDING:
        return (AlertKind.SUPPLEMENT_OVERDUE if red else AlertKind.SUPPLEMENT_DUE), status.days_left
    return (AlertKind.DEADLINE_RED if red else AlertKind.DEADLINE_YELLOW), status.days_left


def review_alerts(s: Session, now: datetime) -> list[Alert]:
    """Bad reviews waiting for rectification; red once past the rectification's deadline."""
    overrides = load_overrides(s)
    today = local_date(now)
    rows = s.execute(
        select(
            Rectification.id,
            Rectification.state,
            Rectification.deadline,
            Evaluation.ticket_number,
            Evaluation.counter_number,
            Evaluation.clerk_name,
        )
        .join(Evaluation, Evaluation.id == Rectification.evaluation_id)
        .where(Rectification.state.in_(_WAITING_REVIEWS))
    )
    alerts = []
    for rect_id, state, deadline, ticket_number, counter_no, clerk_name in rows:
        try:
            left = None if deadline is None else workdays_between(today, deadline, overrides)
        except CalendarNotCovered:
            left = None
        late = state == RectificationState.OVERDUE or (left is not None and left < 0)
        alerts.append(
            Alert(
                AlertKind.BAD_REVIEW,
                _RED if late else _YELLOW,
                AlertSubject.EVALUATION,
                str(rect_id),
                f"{ticket_number} · {clerk_name}" if clerk_name else ticket_number,
                AlertAction.OPEN_RECTIFICATION,
                days_left=left,
                deadline=deadline,
                ticket_number=ticket_number,
                counter_no=counter_no,
            )
        )
    return alerts
