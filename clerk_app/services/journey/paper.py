"""The journey's paper for a case group (a package's cases, or one case): what each says.

``gather`` reads what the paper needs in one unit of work; the builders are pure functions of
it (no database, no font), as ``services.documents.builders`` are for one case:
一件事受理回执, 领证回执, 送达回证, 材料流转单 (通办) and the partial-denial notice.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk_app.documents.paper.text import cn_date
from clerk_app.documents.paper_data import DocumentKind, HallHeader, MaterialLine, PaperDocument
from clerk_app.domain.case_states import CaseState
from clerk_app.domain.packages import is_transfer
from clerk_app.errors import ValidationError
from clerk_app.persistence.models_journey import Handover, Package, PackageMaterial
from clerk_app.persistence.pii import CASE_APPLICANT_ID, pii_of
from clerk_app.services.cases.results import CaseInfo
from clerk_app.services.cases.views import Context
from clerk_app.services.documents.builders import APPEAL
from clerk_app.services.documents.facts import hall_header
from clerk_app.services.journey.handover import group

_FORMS = {"original": "原件", "copy": "复印件", "original_and_copy": "原件及复印件"}
_RESULT = {
    CaseState.APPROVED: "准予",
    CaseState.CERTIFICATE_ISSUED: "准予",
    CaseState.COLLECTED: "准予",
    CaseState.DENIED: "不予许可",
}


@dataclass(frozen=True)
class HandedOver:
    """What the paper says of the group's handover (plain data: drawn after the read)."""

    method: str  # collect | deliver
    collector: str  # applicant | agent
    agent_name: str
    agent_id_masked: str
    carrier: str
    tracking_no: str


@dataclass(frozen=True)
class GroupFacts:
    """Everything the journey's paper of one case group says, read in one unit of work."""

    key: str  # the group's number (bundle_no, or the case's own)
    cases: tuple[CaseInfo, ...]  # with submissions
    applicant_id: str  # masked resident ID, or the USCC in full (public)
    hall: HallHeader
    package_name: str  # "" for loose items
    package_days: int | None
    package_due: date | None
    shared: tuple[tuple[str, frozenset[int]], ...]  # shared material name, its material ids
    receiving_hall: str
    authorities: tuple[str, ...]  # per case
    transfers: tuple[bool, ...]  # per case: 通办
    handover: HandedOver | None
    forms: dict[int, tuple[str, int]]  # material id -> (form, copies)


def gather(s: Session, ctx: Context, bundle_no: str) -> GroupFacts:
    cases = group(s, bundle_no)
    first = cases[0]
    key = first.bundle_no or first.case_no
    package = s.get(Package, first.package_id) if first.package_id is not None else None
    shared: tuple[tuple[str, frozenset[int]], ...] = ()
    if package is not None:
        rows = s.scalars(
            select(PackageMaterial)
            .where(PackageMaterial.package_id == package.id)
            .order_by(PackageMaterial.sort_order)
        )
        shared = tuple((m.name, frozenset(x.material_id for x in m.links)) for m in rows)
    shown = pii_of(s).open(first.applicant_id_enc, CASE_APPLICANT_ID)
    if first.applicant_id_kind != "uscc":
        shown = ctx.policy.mask(shown)
    return GroupFacts(
        key=key,
        cases=tuple(ctx.info(c, with_submissions=True) for c in cases),
        applicant_id=shown,
        hall=hall_header(s),
        package_name=package.name if package is not None else "",
        package_days=package.promised_days if package is not None else None,
        package_due=first.package_due,
        shared=shared,
        receiving_hall=first.receiving_hall or ctx.policy.hall_name,
        authorities=tuple(c.authority for c in cases),
        transfers=tuple(is_transfer(c.authority, c.item.department.name) for c in cases),
        handover=_handed_over(s.scalar(select(Handover).where(Handover.bundle_no == key))),
        forms={
            x.material.id: (x.material.form, x.material.copies)
            for c in cases
            for x in c.submissions
        },
    )


def _cn(day: date | None) -> str:
    return cn_date(day) if day else ""


def _base(f: GroupFacts, kind: DocumentKind, title: str, issued_on: date, qr: str) -> PaperDocument:
    c = f.cases[0]
    person = c.applicant_id_kind == "resident_id"
    return PaperDocument(
        kind=kind,
        title=title,
        case_no=f.key,
        issued_on=issued_on,
        hall=f.hall,
        qr_payload=qr,
        applicant_name=c.applicant_name,
        applicant_id_label="身份证号码" if person else "统一社会信用代码",
        applicant_id=f.applicant_id,
        item_name=f.package_name or "、".join(x.item_name for x in f.cases),
        department_name=c.department_name,
        legal_representative=c.legal_representative,
        agent_name=c.agent_name,
        agent_id=c.agent_id_masked,
        accepted_on=c.accepted_on,
    )


def _package_receipt(f: GroupFacts, doc: PaperDocument) -> PaperDocument:
    rows = [("序号", "事项", "承办部门", "办结日期")]
    rows += [
        (str(i), c.item_name, c.department_name, _cn(c.due_date)) for i, c in enumerate(f.cases, 1)
    ]
    in_shared = frozenset().union(*(ids for _, ids in f.shared)) if f.shared else frozenset()
    materials = [MaterialLine(name=name, requirement="共享材料") for name, _ in f.shared]
    for c in f.cases:
        materials += [
            MaterialLine(name=x.name, requirement=_FORMS.get(x.form, x.form), status=x.status)
            for x in c.submissions
            if x.material_id not in in_shared
        ]
    due = f.package_due or max((c.due_date for c in f.cases if c.due_date), default=None)
    body = (
        f"{doc.applicant_name}：你（单位）申请的“{doc.item_name}”申请材料齐全、符合法定形式，"
        "本中心一窗受理，已将申请信息同时推送上列各部门并联审批。",
        "各事项按上列日期办结，全部事项最迟于一件事承诺办结日期前办结；时限按工作日计算，"
        "受理当日不计入，节假日顺延。",
    )
    return replace(
        doc,
        title="一件事受理回执" if f.package_name else "受理回执",
        table=tuple(rows),
        promised_days=f.package_days,
        due_date=due,
        materials=tuple(materials),
        paragraphs=body,
    )


def _result_rows(f: GroupFacts) -> tuple[tuple[str, ...], ...]:
    rows = [("序号", "事项", "结果", "证照编号 / 文书")]
    for i, c in enumerate(f.cases, 1):
        paper = c.permit_no or ("不予许可告知书" if c.state == CaseState.DENIED else "")
        rows.append((str(i), c.item_name, _RESULT.get(c.state, ""), paper))
    return tuple(rows)


def _handed_over(row: Handover | None) -> HandedOver | None:
    if row is None:
        return None
    return HandedOver(
        method=row.method,
        collector=row.collector,
        agent_name=row.agent_name,
        agent_id_masked=row.agent_id_masked,
        carrier=row.carrier,
        tracking_no=row.tracking_no or "",
    )


def _handover_row(f: GroupFacts, method: str) -> HandedOver:
    h = f.handover
    if h is None or h.method != method:
        zh, en = ("领取", "collected") if method == "collect" else ("邮寄", "mailed")
        paper = "领证回执" if method == "collect" else "送达回证"
        raise ValidationError(
            f"办件 {f.key} 的办理结果尚未{zh}，不能打印{paper}。",
            f"The result of {f.key} has not been {en}; its receipt cannot be printed.",
        )
    return h


def _collection(f: GroupFacts, doc: PaperDocument) -> PaperDocument:
    h = _handover_row(f, "collect")
    if h.collector == "agent":
        who = f"{h.agent_name}（身份证号码：{h.agent_id_masked}，凭授权委托书代领）"
    else:
        who = f"{doc.applicant_name}（申请人本人）"
    return replace(
        doc,
        title="领证回执",
        table=_result_rows(f),
        paragraphs=(f"今领到办件 {f.key} 的下列办理结果，核对无误。",),
        extra={"领取人": who, "领取日期": _cn(doc.issued_on)},
    )


def _delivery(f: GroupFacts, doc: PaperDocument) -> PaperDocument:
    h = _handover_row(f, "deliver")
    return replace(
        doc,
        title="送达回证",
        table=_result_rows(f),
        paragraphs=(f"办件 {f.key} 的下列办理结果以邮寄方式送达受送达人。",),
        extra={"送达方式": f"邮寄（{h.carrier}）", "邮寄单号": h.tracking_no},
    )


def _transfer_slip(f: GroupFacts, doc: PaperDocument) -> PaperDocument:
    chosen = [(c, a) for c, a, t in zip(f.cases, f.authorities, f.transfers, strict=True) if t]
    if not chosen:
        raise ValidationError(
            f"办件 {f.key} 由本中心对应部门审批，不是通办件，无需材料流转单。",
            f"Case {f.key} is decided by this hall's own department; it is not a cross-district "
            "case and needs no transfer slip.",
        )
    rows = [("序号", "材料名称", "形式", "份数")]
    n = 0
    for c, _a in chosen:
        for x in c.submissions:
            if x.status in ("received", "supplemented"):
                n += 1
                form, copies = f.forms.get(x.material_id, (x.form, 1))
                rows.append(
                    (str(n), f"{x.name}（{c.item_name}）", _FORMS.get(form, form), str(copies))
                )
    authorities = "、".join(dict.fromkeys(a for _c, a in chosen))
    return replace(
        doc,
        title="材料流转单",
        item_name="、".join(c.item_name for c, _a in chosen),
        department_name="",
        due_date=None,
        table=tuple(rows),
        paragraphs=(
            f"本件由{f.receiving_hall}受理（通办），申请材料随本单流转至实施主体审批，"
            "办理结果返回本中心窗口领取或邮寄送达。",
        ),
        extra={"受理机构": f.receiving_hall, "实施主体": authorities},
    )


def _partial_denial(f: GroupFacts, doc: PaperDocument) -> PaperDocument:
    denied = [c for c in f.cases if c.state == CaseState.DENIED]
    open_ = [c for c in f.cases if c.state not in _RESULT]
    if not denied or open_:
        raise ValidationError(
            f"办件 {f.key} 尚未全部办结或没有不予许可的事项，无需此告知书。",
            f"Case {f.key} is not fully decided or has no denied item; there is nothing to "
            "explain.",
        )
    rows = [("序号", "事项", "结果", "理由及依据")]
    for i, c in enumerate(f.cases, 1):
        why = f"{c.decision_reason}（依据：{c.decision_basis}）" if c in denied else ""
        rows.append((str(i), c.item_name, _RESULT[c.state], why))
    partly = len(denied) < len(f.cases)
    body = (
        f"{doc.applicant_name}：你（单位）申请的“{doc.item_name}”已全部办结。"
        + (
            "其中下表所列事项经审查决定不予许可，其余事项准予办理，办理结果可按领证通知领取。"
            if partly
            else "经审查，下表所列事项均决定不予许可。"
        ),
        "不予许可的理由及法律依据见下表。",
    )
    return replace(
        doc,
        title="部分事项不予许可告知书" if partly else "不予许可告知书",
        table=tuple(rows),
        paragraphs=body,
        appeal=APPEAL,
    )


_BUILDERS: dict[DocumentKind, Callable[[GroupFacts, PaperDocument], PaperDocument]] = {
    DocumentKind.PACKAGE_RECEIPT: _package_receipt,
    DocumentKind.COLLECTION_RECEIPT: _collection,
    DocumentKind.DELIVERY_RECEIPT: _delivery,
    DocumentKind.TRANSFER_SLIP: _transfer_slip,
    DocumentKind.PARTIAL_DENIAL: _partial_denial,
}


def build(kind: DocumentKind, f: GroupFacts, *, issued_on: date, qr_payload: str) -> PaperDocument:
    """The ``kind`` of paper for the group, or ``ValidationError`` saying why it does not fit."""
    builder = _BUILDERS.get(kind)
    if builder is None:
        raise ValidationError(
            f"“{kind.value}”不是办件组的文书（可选：{'、'.join(k.value for k in _BUILDERS)}）。",
            f"{kind.value} is not a case group's document (choose: "
            f"{', '.join(k.value for k in _BUILDERS)}).",
        )
    return builder(f, _base(f, kind, "", issued_on, qr_payload))
