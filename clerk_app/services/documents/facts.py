"""What a document says that is read from the database: the hall's header and a case's facts.

Both are read inside the caller's unit of work (a read: printing builds and draws outside any
transaction); the builders turn them into a ``PaperDocument``.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk_app.documents.paper_data import HallHeader
from clerk_app.persistence.models import HallSetting
from clerk_app.persistence.models_cases import Case
from clerk_app.persistence.pii import CASE_APPLICANT_ID, pii_of
from clerk_app.services.cases.results import CaseInfo
from clerk_app.services.documents.builders import CaseFacts
from clerk_app.services.settings import (
    DEFAULTS,
    HEADER_KEYS,
    HallPolicy,
    get_setting,
    load_road_rules,
)

__all__ = ["case_facts", "hall_header"]


def hall_header(s: Session) -> HallHeader:
    """The hall's header settings (``settings.HEADER_KEYS``, defaults in ``settings.DEFAULTS``)."""
    rows = s.scalars(select(HallSetting).where(HallSetting.key.in_(HEADER_KEYS)))
    values = {k: str(DEFAULTS[k]) for k in HEADER_KEYS} | {r.key: str(r.value) for r in rows}
    return HallHeader(
        hall_name=str(get_setting(s, "hall_name")),
        address=values["document.hall_address"],
        phone=values["document.hall_phone"],
        progress_hint=values["document.progress_hint"],
        collect_hint=values["document.collect_hint"],
    )


def case_facts(s: Session, case: Case, info: CaseInfo, policy: HallPolicy) -> CaseFacts:
    """What the documents of ``case`` say; a resident ID masked, a USCC in full (public)."""
    value = pii_of(s).open(case.applicant_id_enc, CASE_APPLICANT_ID)
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
