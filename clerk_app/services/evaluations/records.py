"""Evaluation rows: which service a ticket was, who served it, storing a rating, and views.

Functions here run inside the caller's unit of work and never commit.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from clerk_app.domain.evaluation import (
    Level,
    Rating,
    Reason,
    RectificationState,
    is_bad,
    validate_scores,
)
from clerk_app.domain.workdays import CalendarNotCovered, add_workdays
from clerk_app.errors import ValidationError
from clerk_app.hall_time import local_date, to_local, to_utc
from clerk_app.persistence.models import AuditLog, Counter, ServiceItem, Ticket, User
from clerk_app.persistence.models_cases import Case
from clerk_app.persistence.models_evaluations import Evaluation, EvaluationCase, Rectification
from clerk_app.services import audit
from clerk_app.services.calendar import load_overrides
from clerk_app.services.evaluations.results import (
    CallbackInfo,
    EvaluationInfo,
    RatedCase,
    RectificationInfo,
)
from clerk_app.services.settings import get_setting, get_settings

#: The queue's audit actions that put a ticket in service at a counter (services.queue).
CALL_ACTIONS = ("ticket_called", "ticket_called_specific")


def settings(s: Session) -> dict[str, Any]:
    return get_settings(s, "evaluation.")


def scores(s: Session) -> tuple[int, int, int, int, int]:
    return validate_scores(get_setting(s, "evaluation.scores"))


def not_ratable(ticket_number: str, why_zh: str, why_en: str) -> ValidationError:
    return ValidationError(
        f"号票 {ticket_number} 不能评价：{why_zh}。未作任何更改。",
        f"Ticket {ticket_number} cannot be rated: {why_en}. Nothing was changed.",
    )


def check_ratable(s: Session, ticket: Ticket, first_ticket_id: int) -> None:
    """Refuses a ticket that was never served to the end, predates rating, or is rated."""
    if ticket.id < first_ticket_id:
        raise not_ratable(
            ticket.number, "该服务早于评价功能启用", "its service predates evaluations here"
        )
    if ticket.status == "serving":
        raise not_ratable(ticket.number, "服务尚未结束", "its service has not ended yet")
    if ticket.status != "finished" or ticket.finished_at is None or ticket.counter_id is None:
        raise not_ratable(ticket.number, "该号票未在窗口办理", "it was never served at a counter")
    if s.scalar(select(Evaluation.id).where(Evaluation.ticket_id == ticket.id)) is not None:
        raise already_rated(ticket.number)


def already_rated(ticket_number: str) -> ValidationError:
    return not_ratable(
        ticket_number, "这次服务已经评价过，每次服务只能评价一次", "this service is already rated"
    )


def serving_clerk(s: Session, ticket: Ticket, counter: Counter) -> User | None:
    """The clerk who called the ticket to the counter that finished it.

    Read from the queue's audit row of the last call (its actor is the clerk's user name);
    failing that, a case decided for the ticket; failing that, the counter's clerk now.
    """
    username = None
    if ticket.called_at is not None and ticket.finished_at is not None:
        username = s.scalars(
            select(AuditLog.actor)
            .where(
                AuditLog.at >= ticket.called_at,
                AuditLog.at <= ticket.finished_at,
                AuditLog.target == f"ticket:{ticket.id}",
                AuditLog.action.in_(CALL_ACTIONS),
            )
            .order_by(AuditLog.id.desc())
            .limit(1)
        ).first()
    if username is not None:
        user = s.scalars(select(User).where(User.username == username)).one_or_none()
        if user is not None:
            return user
    clerk_id = s.scalars(
        select(Case.clerk_id).where(Case.ticket_id == ticket.id, Case.clerk_id.is_not(None))
    ).first()
    if clerk_id is None:
        clerk_id = counter.clerk_id
    return s.get(User, clerk_id) if clerk_id is not None else None


def service_cases(s: Session, ticket_id: int) -> list[tuple[Case, ServiceItem]]:
    """The cases decided during the service of ``ticket_id``, in the order they were made."""
    rows = s.execute(
        select(Case, ServiceItem)
        .join(ServiceItem, ServiceItem.id == Case.item_id)
        .where(Case.ticket_id == ticket_id)
        .order_by(Case.id)
    ).all()
    return [(case, item) for case, item in rows]


def add_evaluation(
    s: Session,
    ticket: Ticket,
    rating: Rating,
    *,
    now: datetime,
    rated_by: str,
    channel: str,
    defaulted: bool = False,
) -> Evaluation:
    """Stores the rating of a ratable ticket (``check_ratable``) with what the province needs."""
    counter = s.get(Counter, ticket.counter_id)
    assert counter is not None and ticket.finished_at is not None
    clerk = serving_clerk(s, ticket, counter)
    evaluation = Evaluation(
        ticket_id=ticket.id,
        ticket_number=ticket.number,
        service_date=ticket.service_date,
        counter_number=counter.number,
        clerk_id=clerk.id if clerk else None,
        clerk_username=clerk.username if clerk else "",
        clerk_name=clerk.display_name if clerk else "",
        level=int(rating.level),
        reasons=[r.value for r in rating.reasons],
        comment=rating.comment,
        channel=channel,
        defaulted=defaulted,
        served_at=ticket.served_at,
        finished_at=ticket.finished_at,
        rated_at=now,
        rated_by=rated_by,
    )
    for case, item in service_cases(s, ticket.id):
        evaluation.cases.append(
            EvaluationCase(
                case_id=case.id,
                case_no=case.case_no,
                item_code=item.item_code,
                item_name=item.name,
                item_kind=item.kind,
            )
        )
    s.add(evaluation)
    s.flush()
    audit.record(
        s,
        at=now,
        actor=rated_by,
        action="evaluation_defaulted" if defaulted else "evaluation_rated",
        target=f"ticket:{ticket.id}",
        after={
            "evaluation": evaluation.id,
            "level": evaluation.level,
            "reasons": evaluation.reasons,
            "counter": evaluation.counter_number,
            "clerk": evaluation.clerk_username,
            "cases": [c.case_no for c in evaluation.cases],
        },
    )
    if is_bad(rating.level):
        open_rectification(s, evaluation, now, rated_by)
    return evaluation


def rectification_deadline(s: Session, opened_on: date) -> date | None:
    """The deadline in working days, or None while the calendar does not cover it."""
    days = int(get_setting(s, "evaluation.rectification_workdays"))
    try:
        return add_workdays(opened_on, days, load_overrides(s))
    except CalendarNotCovered:
        return None


def open_rectification(s: Session, evaluation: Evaluation, now: datetime, actor: str) -> None:
    rectification = Rectification(
        evaluation_id=evaluation.id,
        state=RectificationState.PENDING.value,
        opened_at=now,
        deadline=rectification_deadline(s, local_date(now)),
    )
    s.add(rectification)
    s.flush()
    audit.record(
        s,
        at=now,
        actor=actor,
        action="rectification_opened",
        target=f"rectification:{rectification.id}",
        after={"evaluation": evaluation.id, "deadline": _iso(rectification.deadline)},
    )


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def finished_before(day: date) -> datetime:
    """Naive UTC of the hall-local midnight starting ``day``."""
    return to_utc(datetime.combine(day, datetime.min.time()))


def prompt_window(s: Session) -> timedelta:
    return timedelta(seconds=int(get_setting(s, "evaluation.prompt_seconds")))


# --- views ----------------------------------------------------------------------------------


def evaluation_info(e: Evaluation, rectification_id: int | None = None) -> EvaluationInfo:
    return EvaluationInfo(
        id=e.id,
        ticket_id=e.ticket_id,
        ticket_number=e.ticket_number,
        service_date=e.service_date,
        counter_number=e.counter_number,
        clerk_username=e.clerk_username,
        clerk_name=e.clerk_name,
        level=Level(e.level),
        reasons=tuple(Reason(r) for r in e.reasons),
        comment=e.comment,
        channel=e.channel,
        defaulted=e.defaulted,
        finished_at=to_local(e.finished_at),
        rated_at=to_local(e.rated_at),
        cases=tuple(RatedCase(c.case_no, c.item_code, c.item_name, c.item_kind) for c in e.cases),
        exported=e.export_id is not None,
        rectification_id=rectification_id,
    )


def rectification_info(r: Rectification) -> RectificationInfo:
    def local(at: datetime | None) -> datetime | None:
        return to_local(at) if at is not None else None

    return RectificationInfo(
        id=r.id,
        state=RectificationState(r.state),
        evaluation=evaluation_info(r.evaluation, r.id),
        opened_at=to_local(r.opened_at),
        deadline=r.deadline,
        started_at=local(r.started_at),
        started_by=r.started_by,
        closed_at=local(r.closed_at),
        closed_by=r.closed_by,
        resolution=r.resolution,
        contested_by=r.contested_by,
        contest_reason=r.contest_reason,
        contest_decided_by=r.contest_decided_by,
        contest_decision=r.contest_decision,
        contest_note=r.contest_note,
        follow_up_level=Level(r.follow_up_level) if r.follow_up_level is not None else None,
        callbacks=tuple(
            CallbackInfo(to_local(c.called_at), c.caller, c.caller_name, c.reached, c.summary)
            for c in r.callbacks
        ),
    )


RECTIFICATION_LOAD = (
    selectinload(Rectification.evaluation).selectinload(Evaluation.cases),
    selectinload(Rectification.callbacks),
)
