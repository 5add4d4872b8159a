"""One acceptance that pushes a task to each department at once: a 一件事 package (its shared
materials checked once) or loose items, inside the caller's unit of work.

The counter's own ``decisions.accept`` numbers and saves the cases (one per item, one bundle);
this adds in the same transaction what parallel approval needs: the package and its due date,
each case's due date capped by it, one task per case and department, the visit and the
notification. Anything refused leaves nothing behind.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy.orm import Session

from clerk_app.domain.deadlines import due_date
from clerk_app.domain.packages import PackageItemLimit, check_limit, task_due
from clerk_app.domain.roles import Actor
from clerk_app.domain.task_states import TaskState
from clerk_app.errors import ValidationError
from clerk_app.persistence.models_journey import Package, Task
from clerk_app.services import audit
from clerk_app.services.cases import decisions
from clerk_app.services.cases.lookup import cases_by_no
from clerk_app.services.cases.results import ApplicantInput, ItemRequest, MaterialCheck
from clerk_app.services.cases.views import Context
from clerk_app.services.journey import outbox, visits
from clerk_app.services.journey.packages import load
from clerk_app.services.journey.queries import task_infos
from clerk_app.services.journey.results import PackageAcceptance, VisitReason

_PHONE = re.compile(r"^\+?[0-9][0-9 -]{4,18}$")


def normalize_phone(text: str) -> str:
    phone = text.strip()
    if phone and not _PHONE.match(phone):
        raise ValidationError(
            f"联系电话“{phone[:24]}”无效：只能是数字（可含 + 和 -），5 至 20 位。",
            f"The phone number {phone[:24]!r} is not valid: 5 to 20 digits (+ and - allowed).",
        )
    return phone


def expand(
    package: Package | None,
    items: Sequence[ItemRequest],
    shared_checks: Sequence[MaterialCheck],
) -> list[ItemRequest]:
    """Each item's request with the shared materials' checks applied to their own materials.

    A package's items not in ``items`` are added (nothing checked on them counts as received);
    a shared check may not be contradicted by a check of one of its materials.
    """
    if package is None:
        if shared_checks:
            raise ValidationError(
                "只有一件事才有共享材料。", "Only a package has shared materials."
            )
        return list(items)
    by_code = {r.item_code: r for r in items}
    codes = [pi.item.item_code for pi in package.items]
    stray = [c for c in by_code if c not in codes]
    if stray:
        raise ValidationError(
            f"事项 {'、'.join(stray)} 不属于一件事“{package.name}”。",
            f"The item {', '.join(stray)} is not part of the package {package.name}.",
        )
    shared = {m.id: m for m in package.shared}
    extra: dict[int, MaterialCheck] = {}
    for check in shared_checks:
        material = shared.get(check.material_id)
        if material is None:
            raise ValidationError(
                f"共享材料 {check.material_id} 不属于一件事“{package.name}”。",
                f"Shared material {check.material_id} is not part of the package {package.name}.",
            )
        for link in material.links:
            extra[link.material_id] = MaterialCheck(link.material_id, check.status, check.note)
    out = []
    for code in codes:
        own = by_code.get(code, ItemRequest(code)).checks
        clash = [c for c in own if c.material_id in extra]
        if clash:
            raise ValidationError(
                "共享材料只核验一次：请在共享材料处核验，不要在事项中重复核验。",
                "A shared material is checked once, as shared; do not check it per item again.",
            )
        linked = tuple(
            extra[m.id]
            for pi in package.items
            if pi.item.item_code == code
            for m in pi.item.materials
            if m.id in extra
        )
        out.append(ItemRequest(code, own + linked))
    return out


def accept(
    s: Session,
    actor: Actor,
    now: datetime,
    applicant: ApplicantInput,
    *,
    package_code: str | None,
    items: Sequence[ItemRequest],
    shared_checks: Sequence[MaterialCheck],
    ticket_id: int | None,
    contact_phone: str,
) -> PackageAcceptance:
    phone = normalize_phone(contact_phone)
    package = load(s, package_code) if package_code else None
    if package is not None:
        if not package.active:
            raise ValidationError(
                f"一件事“{package.name}”已停用，不能受理。",
                f"The package {package.name} is retired and cannot be accepted.",
            )
        # The catalog may have changed since the package was saved: the rule holds at acceptance.
        check_limit(
            package.promised_days,
            [PackageItemLimit(pi.item.name, pi.item.statutory_days) for pi in package.items],
        )
    requests = expand(package, items, shared_checks)
    if not requests:
        raise ValidationError("请先选择事项。", "Choose the items first.")
    infos = decisions.accept(s, actor, now, applicant, requests, ticket_id)
    ctx = Context.load(s, now)
    cases = cases_by_no(s, [c.case_no for c in infos])
    package_due = (
        due_date(ctx.today, package.promised_days, ctx.overrides) if package is not None else None
    )
    for case in cases:
        assert case.due_date is not None  # accepted cases always have one
        due = task_due(case.due_date, package_due)
        case.due_date, case.package_due, case.contact_phone = due, package_due, phone
        case.package_id = package.id if package is not None else None
        s.add(
            Task(
                case_id=case.id,
                department_id=case.item.department_id,
                state=TaskState.PENDING.value,
                due_date=due,
                created_at=now,
                updated_at=now,
                reason="",
                legal_basis="",
                version=1,
            )
        )
        visits.record(s, case, ticket_id, VisitReason.ACCEPT, now)
    s.flush()
    first = cases[0]
    bundle_no = first.bundle_no or first.case_no
    last_due = package_due or max(c.due_date for c in cases if c.due_date is not None)
    title = package.name if package is not None else first.item.name
    outbox.queue(
        s,
        first,
        "accepted",
        f"accepted:{bundle_no}",
        f"【{ctx.policy.hall_name}】您申请的“{title}”已受理，受理编号 {bundle_no}，"
        f"承诺办结日期 {last_due.isoformat()}。",
        now,
    )
    audit.record(
        s,
        at=now,
        actor=actor.username,
        action="package_accepted" if package is not None else "tasks_pushed",
        target=f"bundle:{bundle_no}",
        after={
            "package": package.code if package is not None else None,
            "cases": [c.case_no for c in cases],
            "package_due": package_due.isoformat() if package_due else None,
        },
    )
    return PackageAcceptance(
        bundle_no=bundle_no,
        package_code=package.code if package is not None else "",
        package_due=last_due,
        cases=tuple(ctx.info(c, with_submissions=True) for c in cases),
        tasks=tuple(task_infos(s, ctx, case_ids=[c.id for c in cases])),
    )
