"""Helpers of the document service inside one unit of work: the hall secret, header, facts.

The HMAC key of the QR payloads lives in ``hall_settings`` under ``document.secret``; migration
0005 gives every hall one and ``ensure_secret`` creates it race-free if it is ever missing
(insert-if-absent, then re-read: two counters printing at once end up with the same key). The
key is never printed, logged or put in an audit row.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from clerk_app.documents.paper_data import HallHeader
from clerk_app.documents.signing import new_secret
from clerk_app.persistence.models import Case, HallSetting
from clerk_app.services.cases.results import CaseInfo
from clerk_app.services.documents.builders import CaseFacts
from clerk_app.services.settings import HallPolicy, get_setting, load_road_rules

__all__ = ["SECRET_KEY", "case_facts", "ensure_secret", "hall_header", "read_secret"]

SECRET_KEY = "document.secret"
# Hall settings printed in the header of every document, with their defaults.
HEADER_DEFAULTS: dict[str, str] = {
    "document.hall_address": "",
    "document.hall_phone": "",
    "document.progress_hint": "凭办件编号可在本中心咨询台、网站或服务电话查询办理进度。",
    "document.collect_hint": "请凭本通知书及有效身份证件到本中心出证窗口领取办理结果。",
}


def read_secret(s: Session) -> str | None:
    value = s.scalar(select(HallSetting.value).where(HallSetting.key == SECRET_KEY))
    return str(value) if value else None


def ensure_secret(s: Session) -> str:
    """The hall's document key, created if absent (inside the caller's writing unit)."""
    if (secret := read_secret(s)) is not None:
        return secret
    dialect = s.get_bind().dialect.name
    insert: Any = postgresql.insert if dialect == "postgresql" else sqlite.insert
    s.execute(
        insert(HallSetting)
        .values(key=SECRET_KEY, value=new_secret())
        .on_conflict_do_nothing(index_elements=[HallSetting.key])
    )
    secret = read_secret(s)
    if secret is None:  # pragma: no cover - the row was just inserted or already there
        raise RuntimeError("the hall's document secret could not be created")
    return secret


def hall_header(s: Session) -> HallHeader:
    rows = s.scalars(select(HallSetting).where(HallSetting.key.in_(list(HEADER_DEFAULTS))))
    values = HEADER_DEFAULTS | {r.key: str(r.value) for r in rows}
    return HallHeader(
        hall_name=str(get_setting(s, "hall_name")),
        address=values["document.hall_address"],
        phone=values["document.hall_phone"],
        progress_hint=values["document.progress_hint"],
        collect_hint=values["document.collect_hint"],
    )


def case_facts(s: Session, case: Case, info: CaseInfo, policy: HallPolicy) -> CaseFacts:
    """What the documents of ``case`` say; a resident ID masked, a USCC in full (public)."""
    value = case.applicant_id_value
    shown = value if case.applicant_id_kind == "uscc" else policy.mask(value)
    details = case.permit_details
    return CaseFacts(
        case=info,
        applicant_id=shown,
        item_legal_basis=case.item.legal_basis,
        hall=hall_header(s),
        permit_details={str(k): str(v) for k, v in details.items()} if details else None,
        road_permit=load_road_rules(s).is_road(case.item.item_code),
    )
