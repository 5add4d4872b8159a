"""The text of each document a hall prints for a case: titles, body paragraphs, material lists.

Pure functions of ``CaseFacts`` (no database, no font): the document service gathers the facts
in its unit of work, these compose the ``PaperDocument``, the renderer draws it. Which kinds
fit a case is ``document_kinds``; the wording follows 行政许可法 §32/§38 and the hall's
容缺受理 practice (DOMAIN.md).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date

from clerk_app.documents.paper.text import cn_date
from clerk_app.documents.paper_data import (
    DocumentKind,
    HallHeader,
    MaterialLine,
    PaperDocument,
    PermitDetails,
)
from clerk_app.domain.case_states import CaseState
from clerk_app.services.cases.results import CaseInfo, SubmissionInfo
from clerk_app.services.documents.fit import CaseShape

__all__ = ["CaseFacts", "build_document", "case_shape", "facts_shape"]

COPIES = ("申请人留存", "档案留存")
LICENSING_LAW = "《中华人民共和国行政许可法》"
APPEAL = (
    "如不服本决定，可以自收到本通知书之日起六十日内依照《中华人民共和国行政复议法》的规定"
    "申请行政复议，或者自收到本通知书之日起六个月内依照《中华人民共和国行政诉讼法》的规定"
    "向人民法院提起行政诉讼。"
)
ROAD_PERMIT_TITLE = "临时占用城市道路许可证"
GENERIC_PERMIT_TITLE = "即办事项办结证明"
ROAD_CONDITIONS = (
    "按许可的地点、面积、期限和用途占用，不得擅自改变或转让。",
    "占用期间设置明显的安全警示标志和围挡，保持路面及周边整洁，保障通行安全。",
    "期满前清理现场、恢复原状，并报城市管理部门验收。",
    "需要延期的，应当在期满前向原许可机关申请。",
)
_FORMS = {"original": "原件", "copy": "复印件", "original_and_copy": "原件及复印件"}
_TOLERANT_STATES = (
    CaseState.PENDING_SUPPLEMENT,
    CaseState.SUPPLEMENTED,
    CaseState.SUPPLEMENT_OVERDUE,
)


@dataclass(frozen=True)
class CaseFacts:
    """Everything a document of one case says, gathered in one unit of work."""

    case: CaseInfo  # with submissions
    applicant_id: str  # masked resident ID, or the USCC in full (public)
    item_legal_basis: str
    hall: HallHeader
    permit_details: Mapping[str, str] | None = None
    road_permit: bool = False  # the item is 临时占用城市道路许可


def case_shape(case: CaseInfo, *, permit_details_missing: bool = False) -> CaseShape:
    return CaseShape(
        permit_details_missing=permit_details_missing,
        state=CaseState(case.state),
        instant=case.item_kind == "instant",
        tolerant=case.commitment_signed or CaseState(case.state) in _TOLERANT_STATES,
        any_supplemented=any(x.status == "supplemented" for x in case.submissions),
        has_permit_no=bool(case.permit_no),
    )


def _cn(day: date | None) -> str:
    return cn_date(day) if day else "＿＿年＿＿月＿＿日"


def _requirement(x: SubmissionInfo) -> str:
    form = _FORMS.get(x.form, x.form)
    return "；".join(p for p in (form, x.requirement) if p)


def _line(x: SubmissionInfo, status: str, *, brief: bool = False) -> MaterialLine:
    """The material as listed; ``brief``: with its form only (原件/复印件), not its requirement."""
    requirement = _FORMS.get(x.form, x.form) if brief else _requirement(x)
    return MaterialLine(
        name=x.name, requirement=requirement, status=status, note=x.note, core=x.core
    )


def _at_acceptance(x: SubmissionInfo) -> str:
    """The material's status when the counter decided (before any supplement)."""
    return x.initial_status or ("missing" if x.status == "supplemented" else x.status)


def _owed_at_acceptance(case: CaseInfo) -> list[SubmissionInfo]:
    return [x for x in case.submissions if _at_acceptance(x) in ("missing", "wrong")]


def _base(f: CaseFacts, kind: DocumentKind, title: str, issued_on: date, qr: str) -> PaperDocument:
    c = f.case
    person = c.applicant_id_kind == "resident_id"
    extra = {"受理窗口": f"{c.counter_no}号窗口"} if c.counter_no is not None else {}
    return PaperDocument(
        kind=kind,
        title=title,
        case_no=c.case_no,
        issued_on=issued_on,
        hall=f.hall,
        qr_payload=qr,
        applicant_name=c.applicant_name,
        applicant_id_label="身份证号码" if person else "统一社会信用代码",
        applicant_id=f.applicant_id,
        item_name=c.item_name,
        department_name=c.department_name,
        legal_representative=c.legal_representative,
        agent_name=c.agent_name,
        agent_id=c.agent_id_masked,
        accepted_on=c.accepted_on,
        statutory_days=c.statutory_days,
        promised_days=c.promised_days,
        extra=extra,
    )


def _you(c: CaseInfo) -> str:
    return "你" if c.applicant_id_kind == "resident_id" else "你单位"


def _head(c: CaseInfo) -> str:
    return f"{c.applicant_name}：{_you(c)}于{_cn(c.accepted_on)}提交的“{c.item_name}”申请，"


def _received(c: CaseInfo) -> tuple[MaterialLine, ...]:
    return tuple(_line(x, "received", brief=True) for x in c.submissions)


def _at_acceptance_lines(c: CaseInfo) -> tuple[MaterialLine, ...]:
    """Every material as the counter decided: what was owed in full, what was received
    briefly (name and form: the requirement is met; it would only lengthen the notice)."""
    lines = []
    for x in c.submissions:
        status = _at_acceptance(x)
        lines.append(_line(x, status, brief=status not in ("missing", "wrong")))
    return tuple(lines)


def _receipt(f: CaseFacts, doc: PaperDocument) -> PaperDocument:
    c = f.case
    if c.item_kind == "instant":
        body: tuple[str, ...] = (
            _head(c) + "申请材料齐全、符合法定形式，本中心予以受理。本事项为即办件，当场办结，"
            "办理结果当场送达。",
        )
        return replace(
            doc,
            title="即办件受理回执",
            paragraphs=body,
            due_date=c.due_date,
            materials=_received(c),
        )
    # The limits and the due date are printed as fields (办理时限, 承诺办结日期) above; the
    # paragraph says only how they are counted.
    timing = "时限按工作日计算，受理当日不计入，节假日顺延。"
    if not case_shape(c).tolerant:
        body = (
            _head(c) + f"经审查，申请材料齐全、符合法定形式，根据{LICENSING_LAW}第三十二条的规定，"
            "决定予以受理。",
            timing,
        )
        return replace(
            doc, title="受理通知书", paragraphs=body, due_date=c.due_date, materials=_received(c)
        )
    body = (
        _head(c) + "经审查，核心申请材料齐全、符合法定形式，所缺材料为非核心材料，"
        "根据申请人签署的《容缺受理承诺书》，决定予以容缺受理。",
        f"请于{_cn(c.supplement_due)}前（含当日）按上列要求补齐容缺材料，补齐后本中心按承诺"
        "时限办理；逾期未补齐的，本中心将终止办理（退办），申请人未履行承诺的情况将记入信用"
        "记录（失信），在信用修复前不再享受容缺受理。",
        timing,
    )
    return replace(
        doc,
        title="容缺受理通知书",
        paragraphs=body,
        due_date=c.due_date,
        supplement_due=c.supplement_due,
        materials=_at_acceptance_lines(c),
        copies=COPIES,
    )


def _notice(f: CaseFacts, doc: PaperDocument) -> PaperDocument:
    c = f.case
    lacking = tuple(_line(x, x.status) for x in c.submissions if x.status in ("missing", "wrong"))
    body = (
        _head(c) + "经审查，申请材料不齐全或者不符合法定形式。根据"
        f"{LICENSING_LAW}第三十二条第一款第（四）项的规定，现一次性告知{_you(c)}需要补正的"
        f"全部内容（共{len(lacking)}项，见材料清单）。",
        "请按清单所列要求补正全部材料后重新提交申请；补正后的材料齐全、符合法定形式的，"
        "本中心将予以受理。",
        "本告知书所列即为需要补正的全部内容，本中心不再要求补正清单以外的材料。",
    )
    return replace(
        doc,
        title="一次性告知书",
        paragraphs=body,
        materials=lacking,
        legal_basis=f"{LICENSING_LAW}第三十二条",
    )


def _commitment(f: CaseFacts, doc: PaperDocument) -> PaperDocument:
    c = f.case
    who = "本人" if c.applicant_id_kind == "resident_id" else "本单位"
    owed = _owed_at_acceptance(c)
    body = (
        f"{who}（{c.applicant_name}）申请办理“{c.item_name}”，因材料清单所列非核心材料暂缺，"
        f"申请容缺受理，现郑重承诺如下：",
        f"一、本次申请是{who}的真实意愿；",
        f"二、{who}已知悉所缺材料的名称、要求，并知悉补正期限为{_cn(c.supplement_due)}；",
        f"三、{who}所提交的全部申请材料真实、合法、有效；",
        f"四、{who}将在补正期限内按要求补齐所缺材料；",
        f"五、逾期未补齐或者所作承诺不实的，{who}愿意承担相应的法律责任。",
        f"{who}知悉：未按承诺补齐材料的，本中心将终止办理，并将失信情况记入信用记录；"
        "在信用修复前不再享受容缺受理。",
    )
    return replace(
        doc,
        title="容缺受理承诺书",
        paragraphs=body,
        supplement_due=c.supplement_due,
        materials=tuple(_line(x, _at_acceptance(x)) for x in owed),
        copies=COPIES,
    )


def _rejection(f: CaseFacts, doc: PaperDocument) -> PaperDocument:
    """The reason, basis, competent body and appeal are sections of their own on the paper."""
    c = f.case
    return replace(
        doc,
        title="不予受理通知书",
        paragraphs=(_head(c) + "经审查，决定不予受理，理由及依据如下。",),
        reason=c.decision_reason,
        legal_basis=c.decision_basis,
        competent_body=c.competent_body,
        appeal=APPEAL,
    )


def _supplement(f: CaseFacts, doc: PaperDocument) -> PaperDocument:
    c = f.case
    owed = _owed_at_acceptance(c)
    done = [x for x in owed if x.status == "supplemented"]
    still = [x for x in owed if x.status != "supplemented"]
    body = [
        f"{c.applicant_name}：{_you(c)}于{_cn(c.accepted_on)}容缺受理的“{c.item_name}”，"
        f"已补正材料清单所列{len(done)}项材料，本中心已收取。"
    ]
    if still:
        names = "、".join(x.name for x in still)
        body.append(f"尚未补正：{names}。请于{_cn(c.supplement_due)}前（含当日）补齐。")
    else:
        body.append(f"所缺材料已全部补齐，本中心按承诺时限办理，预计办结日期为{_cn(c.due_date)}。")
    return replace(
        doc,
        title="补正材料回执",
        paragraphs=tuple(body),
        due_date=c.due_date,
        supplement_due=c.supplement_due if still else None,
        materials=tuple(_line(x, x.status) for x in owed),
    )


def _completion(f: CaseFacts, doc: PaperDocument) -> PaperDocument:
    """Denied: the reason, basis and appeal print as labelled lines (行政许可法 §38)."""
    c = f.case
    if c.state == CaseState.DENIED:
        return replace(
            doc,
            title="办结通知书",
            paragraphs=(_head(c) + "经审查，决定不予许可。",),
            reason=c.decision_reason,
            legal_basis=c.decision_basis,
            appeal=APPEAL,
            due_date=c.due_date,
        )
    return replace(
        doc,
        title="办结（领证）通知书",
        paragraphs=(_head(c) + "经审查，符合法定条件、标准，决定准予办理，现已办结。",),
        due_date=c.due_date,
        extra={**doc.extra, **({"证照编号": c.permit_no} if c.permit_no else {})},
    )


def _permit(f: CaseFacts, doc: PaperDocument) -> PaperDocument:
    c = f.case
    d = dict(f.permit_details or {})
    number = c.permit_no or ""
    if f.road_permit:
        conditions = tuple(
            line.strip() for line in d.get("conditions", "").splitlines() if line.strip()
        )
        permit = PermitDetails(
            title=ROAD_PERMIT_TITLE,
            permit_no=number,
            location=d["location"],
            area_m2=d["area_m2"],
            period_from=date.fromisoformat(d["period_from"]),
            period_to=date.fromisoformat(d["period_to"]),
            purpose=d.get("purpose", ""),
            conditions=conditions or ROAD_CONDITIONS,
        )
        body: tuple[str, ...] = (
            f"经审查，准予{c.applicant_name}按下列地点、面积、期限和用途临时占用城市道路。",
        )
        title = ROAD_PERMIT_TITLE
    else:
        fields = (
            ("实施部门", c.department_name),
            ("办结日期", _cn(c.due_date or c.accepted_on)),
            *sorted(d.items()),
        )
        permit = PermitDetails(title=GENERIC_PERMIT_TITLE, permit_no=number, fields=fields)
        body = (
            f"{c.applicant_name}申请的“{c.item_name}”已于{_cn(c.accepted_on)}当场办结，特此证明。",
        )
        title = GENERIC_PERMIT_TITLE
    # A certificate carries no counter line: it is the decision, not a counter's receipt.
    return replace(
        doc, title=title, paragraphs=body, permit=permit, legal_basis=f.item_legal_basis, extra={}
    )


_BUILDERS: dict[DocumentKind, Callable[[CaseFacts, PaperDocument], PaperDocument]] = {
    DocumentKind.RECEIPT: _receipt,
    DocumentKind.NOTICE: _notice,
    DocumentKind.COMMITMENT: _commitment,
    DocumentKind.REJECTION: _rejection,
    DocumentKind.SUPPLEMENT: _supplement,
    DocumentKind.COMPLETION: _completion,
    DocumentKind.PERMIT: _permit,
}


def build_document(
    kind: DocumentKind, facts: CaseFacts, *, issued_on: date, qr_payload: str
) -> PaperDocument:
    """The document of ``kind`` for the case; the caller has checked that the kind fits."""
    doc = _base(facts, kind, "", issued_on, qr_payload)
    return _BUILDERS[kind](facts, doc)


def facts_shape(facts: CaseFacts) -> CaseShape:
    """The shape of a case whose facts are gathered (knows whether a road permit is complete)."""
    return case_shape(
        facts.case, permit_details_missing=facts.road_permit and not facts.permit_details
    )
