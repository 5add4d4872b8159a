"""Which documents fit a case (the kind fit table), as pure functions of the case's facts.

=============  ========================================================================
kind           fits
=============  ========================================================================
notice         ``not_accepted`` only (一次性告知书). A 容缺 case was accepted: its missing
               materials, deadline and consequences are on the 容缺受理通知书 (receipt), and a
               告知书 saying "not accepted" would contradict it.
rejection      ``rejected`` (不予受理通知书)
commitment     a 容缺 case (``commitment_signed``), in any state after acceptance
receipt        every accepted case: accepted … collected, denied, pending_supplement,
               supplemented, supplement_overdue. Title by case: 即办件受理回执 (instant item),
               容缺受理通知书 (容缺 case), else 受理通知书. Never for not_accepted or rejected.
supplement     a case with at least one material supplemented (补正材料回执)
completion     approved, certificate_issued, collected (办结（领证）通知书) and denied
               (办结通知书 with the reasons and the right of appeal, 行政许可法 §38)
permit         an instant item in certificate_issued or collected with a permit number; the
               hall prints only what it decides on the spot (a promised item's certificate
               comes from its department's own certificate system)
=============  ========================================================================
"""

from __future__ import annotations

from dataclasses import dataclass

from clerk_app.documents.paper_data import JOURNEY_KINDS, DocumentKind

# Both languages of a state are needed at once for a bilingual error; case_states keeps them.
from clerk_app.domain.case_states import CaseState, state_labels
from clerk_app.errors import ValidationError
from clerk_app.i18n import pick

__all__ = [
    "KIND_LABELS",
    "PRINT_ORDER",
    "CaseShape",
    "fitting_kinds",
    "kind_label",
    "parse_kind",
    "require_fit",
]

# The order a counter prints them in: what the applicant signs first, then what they keep.
PRINT_ORDER = (
    DocumentKind.NOTICE,
    DocumentKind.REJECTION,
    DocumentKind.COMMITMENT,
    DocumentKind.RECEIPT,
    DocumentKind.SUPPLEMENT,
    DocumentKind.COMPLETION,
    DocumentKind.PERMIT,
)

KIND_LABELS: dict[DocumentKind, tuple[str, str]] = {
    DocumentKind.RECEIPT: ("受理通知书（回执）", "acceptance receipt"),
    DocumentKind.NOTICE: ("一次性告知书", "one-time notice"),
    DocumentKind.COMMITMENT: ("容缺受理承诺书", "commitment letter"),
    DocumentKind.REJECTION: ("不予受理通知书", "rejection notice"),
    DocumentKind.SUPPLEMENT: ("补正材料回执", "supplement receipt"),
    DocumentKind.COMPLETION: ("办结（领证）通知书", "completion notice"),
    DocumentKind.PERMIT: ("许可证（办结证明）", "permit / certificate"),
    DocumentKind.PACKAGE_RECEIPT: ("一件事受理回执", "package receipt"),
    DocumentKind.COLLECTION_RECEIPT: ("领证回执", "collection receipt"),
    DocumentKind.DELIVERY_RECEIPT: ("送达回证", "delivery receipt"),
    DocumentKind.TRANSFER_SLIP: ("材料流转单", "transfer slip"),
    DocumentKind.PARTIAL_DENIAL: ("部分不予许可告知书", "partial denial notice"),
}

_ACCEPTED = frozenset(
    {
        CaseState.ACCEPTED,
        CaseState.IN_REVIEW,
        CaseState.APPROVED,
        CaseState.DENIED,
        CaseState.CERTIFICATE_ISSUED,
        CaseState.COLLECTED,
        CaseState.PENDING_SUPPLEMENT,
        CaseState.SUPPLEMENTED,
        CaseState.SUPPLEMENT_OVERDUE,
    }
)
_CONCLUDED = frozenset(
    {CaseState.APPROVED, CaseState.DENIED, CaseState.CERTIFICATE_ISSUED, CaseState.COLLECTED}
)
_ISSUED = frozenset({CaseState.CERTIFICATE_ISSUED, CaseState.COLLECTED})


@dataclass(frozen=True)
class CaseShape:
    """The facts of a case that decide which documents fit it."""

    state: CaseState
    instant: bool
    tolerant: bool  # 容缺受理 (the applicant signed the commitment)
    any_supplemented: bool
    has_permit_no: bool
    permit_details_missing: bool = False  # a road permit without location, area and period


def _fits(kind: DocumentKind, c: CaseShape) -> bool:
    if kind in JOURNEY_KINDS:  # printed for a case group by services.journey
        return False
    if kind is DocumentKind.RECEIPT:
        return c.state in _ACCEPTED
    if kind is DocumentKind.NOTICE:
        return c.state is CaseState.NOT_ACCEPTED
    if kind is DocumentKind.COMMITMENT:
        return c.tolerant and c.state in _ACCEPTED
    if kind is DocumentKind.REJECTION:
        return c.state is CaseState.REJECTED
    if kind is DocumentKind.SUPPLEMENT:
        return c.any_supplemented and c.state in _ACCEPTED
    if kind is DocumentKind.COMPLETION:
        return c.state in _CONCLUDED
    ready = c.has_permit_no and not c.permit_details_missing
    return c.instant and ready and c.state in _ISSUED


def fitting_kinds(case: CaseShape) -> list[DocumentKind]:
    """The kinds that fit ``case``, in print order (never empty for a stored case)."""
    return [k for k in PRINT_ORDER if _fits(k, case)]


def kind_label(kind: DocumentKind) -> str:
    zh, en = KIND_LABELS[kind]
    return pick(zh, en)


def parse_kind(kind: DocumentKind | str) -> DocumentKind:
    """A kind as given by the UI or the CLI; ``ValidationError`` listing the valid ones."""
    if isinstance(kind, DocumentKind):
        return kind
    try:
        return DocumentKind(str(kind).strip().lower())
    except ValueError:
        valid = ", ".join(k.value for k in DocumentKind)
        raise ValidationError(
            f"文书种类“{kind}”无效，可选：{valid}。",
            f"Unknown document kind {kind!r}; choose one of: {valid}.",
        ) from None


def require_fit(kind: DocumentKind, case_no: str, case: CaseShape) -> None:
    """``ValidationError`` naming the case state and the kinds that fit, unless ``kind`` fits."""
    if _fits(kind, case):
        return
    fit = fitting_kinds(case)
    zh_fit = "、".join(f"{KIND_LABELS[k][0]}（{k.value}）" for k in fit) or "无"
    en_fit = ", ".join(f"{KIND_LABELS[k][1]} ({k.value})" for k in fit) or "none"
    zh_state, en_state = state_labels(case.state)
    why_zh, why_en = _why(kind, case)
    raise ValidationError(
        f"办件 {case_no} 当前状态为“{zh_state}”{why_zh}，不能打印{KIND_LABELS[kind][0]}；"
        f"可打印：{zh_fit}。",
        f'Case {case_no} is "{en_state}"{why_en}, so a '
        f"{KIND_LABELS[kind][1]} cannot be printed; it can have: {en_fit}.",
    )


def _why(kind: DocumentKind, c: CaseShape) -> tuple[str, str]:
    if kind in JOURNEY_KINDS:
        return (
            "，且该文书按办件组（一件事）打印",
            ", and this document is printed for its case group",
        )
    if kind is DocumentKind.COMMITMENT and not c.tolerant:
        return "且不是容缺受理", " and was not accepted with deficiencies"
    if kind is DocumentKind.SUPPLEMENT and not c.any_supplemented:
        return "且没有补正过材料", " and has no supplemented material"
    if kind is DocumentKind.PERMIT and c.state in _ISSUED and not c.instant:
        return "且是承诺件（证照由部门出具）", " and is a promised item (its department issues it)"
    if kind is DocumentKind.PERMIT and c.state in _ISSUED and not c.has_permit_no:
        return "且没有证照编号", " and has no permit number"
    if kind is DocumentKind.PERMIT and c.state in _ISSUED and c.permit_details_missing:
        return (
            "且没有登记占用地点、面积和期限",
            " and has no recorded location, area and period of the road occupation",
        )
    return "", ""
