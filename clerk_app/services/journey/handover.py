"""The result back to the window (出件): ready for collection, collected (领证) or delivered by
post (送达), for a whole case group (a package's cases, or one case) in one transaction.

A group is ready once every task is decided: its approved cases get their certificate number
(出证) and the applicant is told to come. It is handed over once (``handovers.bundle_no`` is
unique): to the applicant, or to an agent with an authorisation letter and a resident ID that
passes its check (kept masked and as a keyed reference, never in full), or by post with a
tracking number no other handover has.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk_app.domain.case_states import CaseEvent, CaseState, next_state
from clerk_app.domain.identity import validate_resident_id
from clerk_app.domain.roles import Actor
from clerk_app.domain.task_states import TaskState, outcome
from clerk_app.domain.typed_text import typed_text
from clerk_app.errors import ValidationError
from clerk_app.persistence.models_cases import Case
from clerk_app.persistence.models_journey import Handover, Task
from clerk_app.persistence.pii import pii_of
from clerk_app.services import audit
from clerk_app.services.cases.lookup import case_by_no
from clerk_app.services.cases.numbers import new_permit_no
from clerk_app.services.cases.versions import bump
from clerk_app.services.cases.views import Context
from clerk_app.services.journey import outbox, visits
from clerk_app.services.journey.results import CollectorInput, HandoverInfo, VisitReason
from clerk_app.services.paper_text import printable

_TRACKING = re.compile(r"^[A-Z0-9-]{6,40}$")
_HANDED = (CaseState.CERTIFICATE_ISSUED, CaseState.DENIED)


def group(s: Session, bundle_no: str) -> list[Case]:
    """The cases of a group by its number (a package's first case number, or a case's own)."""
    first = case_by_no(s, bundle_no)
    key = first.bundle_no or first.case_no
    if first.bundle_no is None:
        return [first]
    return list(s.scalars(select(Case).where(Case.bundle_no == key).order_by(Case.id)))


def make_ready(s: Session, actor: Actor, now: datetime, bundle_no: str) -> list[Case]:
    """出证: every task decided, the approved cases get their certificate numbers."""
    cases = group(s, bundle_no)
    key = cases[0].bundle_no or cases[0].case_no
    states = s.execute(
        select(Case.case_no, Task.state)
        .join(Task, Task.case_id == Case.id)
        .where(Case.id.in_([c.id for c in cases]))
    ).all()
    result = outcome((no, TaskState(st)) for no, st in states)
    if not result.decided or len(states) != len(cases):
        raise ValidationError(
            f"办件 {key} 尚有部门未作出决定，不能出件。",
            f"Not every department has decided {key} yet; the result cannot go to the window.",
        )
    ctx = Context.load(s, now)
    issued = []
    for case in cases:
        if case.state == CaseState.APPROVED:
            target = next_state(CaseState(case.state), CaseEvent.ISSUE_CERTIFICATE)
            number = new_permit_no(s, ctx.policy.hall_code, ctx.today)
            bump(s, case, case.version, now, state=target.value, permit_no=number)
            issued.append(case.case_no)
    if not issued:
        raise ValidationError(
            f"办件 {key} 没有待出证的准予事项（已出件，或全部不予许可：可直接交付告知书）。",
            f"Case {key} has no approved result waiting (already out, or all denied: hand "
            "over the decision directly).",
        )
    outbox.queue(
        s,
        cases[0],
        "ready",
        f"ready:{key}",
        f"【{ctx.policy.hall_name}】您的办件 {key} 的办理结果已送达窗口，请凭受理回执和身份证件"
        "领取，或委托他人持授权委托书领取。",
        now,
    )
    audit.record(
        s,
        at=now,
        actor=actor.username,
        action="result_ready",
        target=f"bundle:{key}",
        after={"issued": issued, "denied": list(result.denied)},
    )
    return cases


def collect(
    s: Session,
    actor: Actor,
    now: datetime,
    bundle_no: str,
    who: CollectorInput,
    ticket_id: int | None,
) -> HandoverInfo:
    cases = _handable(s, bundle_no)
    ctx = Context.load(s, now)
    name, masked, ref = "", "", ""
    if who.who == "agent":
        name = typed_text(
            who.agent_name, "代领人姓名", "The agent's name", max_len=100, required=True
        ).strip()
        printable(name, "代领人姓名", "The agent's name")
        if not who.authorisation_letter:
            raise ValidationError(
                "代领须提交申请人签署的授权委托书；未领取。",
                "An agent must hand in the applicant's authorisation letter; nothing was "
                "collected.",
            )
        agent_id = validate_resident_id(who.agent_id, today=ctx.today)
        masked = ctx.policy.mask(agent_id)
        ref = pii_of(s).lookup(agent_id)  # the hall's keyed hash (HMAC-SM3), as for IDs
    elif who.who != "applicant":
        raise ValidationError(
            "领取人须为申请人或代领人。", "The collector is the applicant or an agent."
        )
    for case in cases:
        _hand(s, case, now)
        visits.record(s, case, ticket_id, VisitReason.COLLECT, now)
    row = _row(
        s,
        actor,
        now,
        cases,
        "collect",
        collector=who.who,
        agent_name=name,
        agent_id_masked=masked,
        agent_id_ref=ref,
        authorisation_letter=who.authorisation_letter,
        ticket_id=ticket_id,
    )
    return _info(ctx, row, cases)


def deliver(
    s: Session, actor: Actor, now: datetime, bundle_no: str, tracking_no: str, carrier: str
) -> HandoverInfo:
    number = "".join(unicodedata.normalize("NFKC", tracking_no).split()).upper()
    if not _TRACKING.match(number):
        raise ValidationError(
            "邮寄单号须为 6 至 40 位字母、数字或连字符。",
            "A tracking number is 6 to 40 letters, digits or hyphens.",
        )
    used = s.scalar(select(Handover.bundle_no).where(Handover.tracking_no == number))
    if used is not None:
        raise ValidationError(
            f"邮寄单号 {number} 已登记（办件 {used}），不能重复登记；未作修改。",
            f"The tracking number {number} is already recorded (case {used}); nothing was changed.",
        )
    post = typed_text(carrier, "寄递企业", "The carrier", max_len=40).strip() or "EMS"
    printable(post, "寄递企业", "The carrier")
    cases = _handable(s, bundle_no)
    for case in cases:
        _hand(s, case, now)
    row = _row(s, actor, now, cases, "deliver", tracking_no=number, carrier=post)
    ctx = Context.load(s, now)
    key = cases[0].bundle_no or cases[0].case_no
    outbox.queue(
        s,
        cases[0],
        "delivered",
        f"delivered:{key}",
        f"【{ctx.policy.hall_name}】您的办件 {key} 的办理结果已由{post}寄出，单号 {number}。",
        now,
    )
    return _info(ctx, row, cases)


def handover_of(s: Session, bundle_no: str) -> Handover | None:
    cases = group(s, bundle_no)
    key = cases[0].bundle_no or cases[0].case_no
    return s.scalar(select(Handover).where(Handover.bundle_no == key))


def _handable(s: Session, bundle_no: str) -> list[Case]:
    cases = group(s, bundle_no)
    key = cases[0].bundle_no or cases[0].case_no
    done = s.scalar(select(Handover.method).where(Handover.bundle_no == key))
    if done is not None:
        how = ("已领取", "collected") if done == "collect" else ("已邮寄", "mailed")
        raise ValidationError(
            f"办件 {key} 的办理结果{how[0]}，不能再次交付；未作修改。",
            f"The result of {key} was already {how[1]}; nothing was changed.",
        )
    if any(CaseState(c.state) not in _HANDED for c in cases):
        raise ValidationError(
            f"办件 {key} 的办理结果尚未送达窗口，不能领取或邮寄。",
            f"The result of {key} is not at the window yet; it cannot be collected or mailed.",
        )
    return cases


def _hand(s: Session, case: Case, now: datetime) -> None:
    if case.state == CaseState.CERTIFICATE_ISSUED:
        target = next_state(CaseState(case.state), CaseEvent.COLLECT)
        bump(s, case, case.version, now, state=target.value)


def _row(
    s: Session, actor: Actor, now: datetime, cases: list[Case], method: str, **values: object
) -> Handover:
    key = cases[0].bundle_no or cases[0].case_no
    row = Handover(
        bundle_no=key,
        case_id=cases[0].id,
        method=method,
        at=now,
        by_user=actor.username,
        counter_no=actor.counter_no,
        **values,
    )
    s.add(row)
    s.flush()
    audit.record(
        s,
        at=now,
        actor=actor.username,
        action=f"result_{method}",
        target=f"bundle:{key}",
        after={k: v for k, v in values.items() if k != "agent_id_ref"},
    )
    return row


def _info(ctx: Context, row: Handover, cases: list[Case]) -> HandoverInfo:
    return HandoverInfo(
        bundle_no=row.bundle_no,
        method="collect" if row.method == "collect" else "deliver",
        collector=row.collector or "",
        agent_name=row.agent_name or "",
        agent_id_masked=row.agent_id_masked or "",
        tracking_no=row.tracking_no,
        carrier=row.carrier or "",
        at=row.at,
        cases=tuple(ctx.info(c, with_submissions=True) for c in cases),
    )
