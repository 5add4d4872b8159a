"""The applicant and the checklist of a decision: validated, and what the 容缺 gate says.

``Pairs`` are the chosen items with the clerk's verdict on each of their materials; a material
not in the checklist counts as received.

Free text the clerk types that reaches paper (a material's note, a decision's reason, legal basis
and competent body) has a length limit checked here, before anything is saved, the same on
SQLite and PostgreSQL: the screens set the same limits as the maximum length of their fields.
Within it the paper prints everything, flowing onto further pages (a note of ``NOTE_MAX_LEN``
takes about 23 lines of its table column on the 一次性告知书).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from sqlalchemy.orm import Session

from clerk_app.domain.case_states import CHECK_STATUSES, OWED_STATUSES
from clerk_app.domain.catalog import ItemKind
from clerk_app.domain.credit_gate import tolerant_accept_gate
from clerk_app.domain.identity import validate_resident_id, validate_uscc
from clerk_app.domain.typed_text import typed_text
from clerk_app.errors import ValidationError
from clerk_app.persistence.models import Material, ServiceItem
from clerk_app.services.cases import lookup
from clerk_app.services.cases.results import (
    ApplicantInput,
    ItemGate,
    ItemRequest,
    MaterialCheck,
    ToleranceCheck,
)
from clerk_app.services.credit import credit_status
from clerk_app.services.paper_text import printable

Checks = dict[int, MaterialCheck]
Pairs = list[tuple[ServiceItem, Checks]]

NOTE_MAX_LEN = 200  # a material's note: what is wrong or required
REASON_MAX_LEN = 500  # why a case is rejected or denied
BASIS_MAX_LEN = 200  # the legal basis (articles of laws and regulations)
BODY_MAX_LEN = 100  # the competent body's name (cases.competent_body is String(200))


def decision_text(text: str, field_zh: str, field_en: str, max_len: int) -> str:
    """A reason or legal basis as typed (several lines allowed, printable on the notice), or
    ``ValidationError``."""
    typed = typed_text(text, field_zh, field_en, max_len=max_len, lines=True)
    return printable(typed, field_zh, field_en)


def normalize_applicant(applicant: ApplicantInput, today: date) -> ApplicantInput:
    """Validated and normalized, or ``ValidationError``/``InvalidIdentifier`` naming the fault."""
    name = typed_text(applicant.name, "申请人名称", "Applicant's name", max_len=200, required=True)
    printable(name, "申请人名称", "The applicant's name")
    representative = typed_text(
        applicant.legal_representative, "法定代表人", "Legal representative", max_len=100
    )
    printable(representative, "法定代表人", "The legal representative")
    agent_name = typed_text(applicant.agent_name, "经办人姓名", "Agent's name", max_len=100)
    printable(agent_name, "经办人姓名", "The agent's name")
    scanned = applicant.id_value.strip().strip("\x00")  # ID-card readers pad with NUL
    if applicant.id_kind == "resident_id":
        id_value = validate_resident_id(scanned, today=today)
    elif applicant.id_kind == "uscc":
        id_value = validate_uscc(scanned)
    else:
        raise ValidationError(
            f"证件类型“{applicant.id_kind}”无效。", f"Invalid ID kind {applicant.id_kind!r}."
        )
    agent_id = applicant.agent_id.strip().strip("\x00")
    if agent_id:
        agent_id = validate_resident_id(agent_id, today=today)
        if not agent_name:
            raise ValidationError("请填写经办人姓名。", "Enter the agent's name.")
    return ApplicantInput(
        name=name,
        id_kind=applicant.id_kind,
        id_value=id_value,
        legal_representative=representative,
        agent_name=agent_name,
        agent_id=agent_id,
    )


def pairs(s: Session, items: Sequence[ItemRequest]) -> Pairs:
    """The requested items, loaded, each with its checked checklist."""
    loaded = lookup.load_items(s, [r.item_code for r in items])
    return [(item, _checks(item, r)) for item, r in zip(loaded, items, strict=True)]


def _checks(item: ServiceItem, request: ItemRequest) -> Checks:
    names = {m.id: m.name for m in item.materials}
    checks: Checks = {}
    for check in request.checks:
        if check.material_id not in names:
            raise ValidationError(
                f"材料 {check.material_id} 不是事项“{item.name}”的申请材料。",
                f"Material {check.material_id} is not required by {item.name}.",
            )
        if check.status not in CHECK_STATUSES:
            raise ValidationError(
                f"材料状态“{check.status}”无效。", f"Invalid material status {check.status!r}."
            )
        field_zh = f"材料“{names[check.material_id]}”的说明"
        field_en = f"The note on {names[check.material_id]}"
        note = typed_text(check.note, field_zh, field_en, max_len=NOTE_MAX_LEN)
        printable(note, field_zh, field_en)
        checks[check.material_id] = replace(check, note=note)
    return checks


def owed(item: ServiceItem, checks: Checks) -> list[Material]:
    """The item's materials marked missing or wrong."""
    return [m for m in item.materials if m.id in checks and checks[m.id].status in OWED_STATUSES]


def lacking(item: ServiceItem, checks: Checks) -> list[str]:
    """The names of the item's materials marked missing or wrong."""
    return [m.name for m in owed(item, checks)]


def gate(s: Session, applicant: ApplicantInput, chosen: Pairs, today: date) -> ToleranceCheck:
    """The gate for each item that lacks something (for every item when none does)."""
    credit = credit_status(s, applicant.id_value, today) if applicant.id_kind == "uscc" else None
    asked = [(i, c) for i, c in chosen if lacking(i, c)] or chosen
    gates = []
    for item, checks in asked:
        missing = owed(item, checks)
        decision = tolerant_accept_gate(
            item_allows=item.tolerant_accept_allowed,
            item_is_instant=item.kind == ItemKind.INSTANT,
            missing_core=sum(1 for m in missing if m.core),
            missing_non_core=sum(1 for m in missing if not m.core),
            credit=credit,
        )
        gates.append(ItemGate(item.item_code, item.name, decision))
    return ToleranceCheck(tuple(gates))
