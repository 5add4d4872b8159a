"""The demo hall's journey: its packages, reviewers and cases at every stage (seeding only).

Runs inside the seeding unit of work and goes through the journey's own functions, so the
demo's cases are exactly what the counter and the inboxes would have made: accepted, half
decided, returned for a supplement, partly denied and at the window, collected by an agent,
mailed, and a 跨城通办 case whose paper travels.
"""

from __future__ import annotations

import logging
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk_app.demo import journey_data
from clerk_app.demo.credit_cases import make_resident_id, make_uscc
from clerk_app.domain.roles import Actor, Role
from clerk_app.domain.workdays import CalendarNotCovered
from clerk_app.persistence.models import Department, User
from clerk_app.persistence.models_journey import Package, Task
from clerk_app.services.cases.results import ApplicantInput
from clerk_app.services.journey import acceptance, handover, packages, tasks
from clerk_app.services.journey.results import CollectorInput, PackageInput

log = logging.getLogger(__name__)
_PHONE = "13800000000"  # a demo number; the outbox of a demo hall is never sent


def _firm(name: str, region: str, body: str, rep: str) -> ApplicantInput:
    return ApplicantInput(
        name=name,
        id_kind="uscc",
        id_value=make_uscc(region, body),
        legal_representative=rep,
        agent_name=rep,
        agent_id=make_resident_id(region, date(1986, 4, 12), 31),
    )


def _person(name: str, region: str, born: date, serial: int) -> ApplicantInput:
    return ApplicantInput(name, "resident_id", make_resident_id(region, born, serial))


def seed_packages(s: Session, now: datetime) -> None:
    system = Actor(Role.ADMIN, "system", "system")
    present = set(s.scalars(select(Package.code)))
    for code, name, days, items, shared in journey_data.PACKAGES:
        if code not in present:
            packages.save(s, system, now, PackageInput(code, name, days, items, shared))


def seed_reviewers(s: Session, now: datetime, password_hash: str) -> None:
    present = set(s.scalars(select(User.username)))
    departments = {d.code: d.id for d in s.scalars(select(Department))}
    for username, display_name, department in journey_data.REVIEWERS:
        if username not in present:
            s.add(
                User(
                    username=username,
                    display_name=display_name,
                    role=Role.REVIEWER.value,
                    password_hash=password_hash,
                    active=True,
                    failed_logins=0,
                    created_at=now,
                    department_id=departments[department],
                )
            )
    s.flush()


def seed_cases(s: Session, now: datetime) -> None:
    """The demo's journey cases, once (a hall with any task already has them)."""
    if s.scalar(select(Task.id).limit(1)) is not None:
        return
    try:
        _cases(s, now)
    except CalendarNotCovered as e:  # a demo run in a year the calendar does not know
        log.warning("demo journey cases skipped: %s", e)


def _actors(s: Session) -> tuple[Actor, dict[str, Actor]]:
    clerk = s.scalars(select(User).where(User.username == "clerk01")).one()
    desk = Actor(Role.CLERK, clerk.username, clerk.display_name, clerk.id, counter_no=1)
    reviewers = {}
    codes = {d.id: d.code for d in s.scalars(select(Department))}
    for u in s.scalars(select(User).where(User.role == Role.REVIEWER.value)):
        if u.department_id is not None:
            reviewers[codes[u.department_id]] = Actor(
                Role.REVIEWER, u.username, u.display_name, u.id, department_id=u.department_id
            )
    return desk, reviewers


def _cases(s: Session, now: datetime) -> None:
    desk, rv = _actors(s)

    def accept(code: str | None, who: ApplicantInput, items: tuple[str, ...] = ()) -> str:
        from clerk_app.services.cases.results import ItemRequest

        done = acceptance.accept(
            s,
            desk,
            now,
            who,
            package_code=code,
            items=[ItemRequest(c) for c in items],
            shared_checks=(),
            ticket_id=None,
            contact_phone=_PHONE,
        )
        return done.bundle_no

    def work(bundle: str, decide: dict[str, str]) -> None:
        for case in handover.group(s, bundle):
            task = s.scalars(select(Task).where(Task.case_id == case.id)).one()
            dept = case.item.department.code
            action = decide.get(dept, "")
            if not action:
                continue
            actor = rv[dept]
            tasks.take(s, actor, now, case.case_no, task.version)
            if action == "approve":
                tasks.approve(s, actor, now, case.case_no, task.version)
            elif action == "deny":
                tasks.deny(
                    s,
                    actor,
                    now,
                    case.case_no,
                    task.version,
                    "申请人已领取该类发票且未按规定缴销，暂不予增量供应。",
                    "《中华人民共和国发票管理办法实施细则》第十七条",
                )
            elif action == "return":
                tasks.return_for_supplement(
                    s,
                    actor,
                    now,
                    case.case_no,
                    task.version,
                    "请补充提交经双方签字确认的房屋交接书。",
                )

    all_ok = {d: "approve" for d in ("SCJG", "GA", "SW", "RS", "GJJ", "BDC", "ZJ")}
    # 1. 开办企业, just accepted: five tasks pending in five inboxes.
    accept("KBQY", _firm("汕头市龙湖区启航科技有限公司", "440507", "MA5H2K7Q", "吴启航"))
    # 2. 开办企业 half way: two approved, one taken, two pending.
    half = accept("KBQY", _firm("汕头市金平区海韵文化传播有限公司", "440511", "MA5J8N3W", "蔡海韵"))
    work(half, {"SCJG": "approve", "GA": "approve", "SW": "take"})
    # 3. 存量房转让 returned for a supplement by 住建局.
    back = accept("CLFZR", _person("林美华", "440507", date(1982, 9, 8), 46))
    work(back, {"BDC": "approve", "ZJ": "return"})
    # 4. 开办企业 decided, 发票申领 denied, the result at the window.
    partly = accept("KBQY", _firm("汕头市潮南区顺达物流有限公司", "440514", "MA5K4P9T", "郑顺达"))
    work(partly, {**all_ok, "SW": "deny"})
    handover.make_ready(s, desk, now, partly)
    # 5. 存量房转让 collected at the window by an agent.
    gone = accept("CLFZR", _person("陈少雄", "440511", date(1975, 2, 17), 13))
    work(gone, all_ok)
    handover.make_ready(s, desk, now, gone)
    agent = make_resident_id("440507", date(1991, 7, 21), 28)
    handover.collect(s, desk, now, gone, CollectorInput("agent", "陈小雅", agent, True), None)
    # 6. 开办企业 mailed.
    mailed = accept("KBQY", _firm("汕头市濠江区蓝湾海产有限公司", "440512", "MA5L6R2Y", "许蓝湾"))
    work(mailed, all_ok)
    handover.make_ready(s, desk, now, mailed)
    handover.deliver(s, desk, now, mailed, "EMS1234567890CN", "EMS")
    # 7. 跨城通办: accepted here, decided by 广州市公安局.
    accept(None, _person("黄晓东", "440511", date(1996, 12, 1), 72), ("440500-GA-201",))
