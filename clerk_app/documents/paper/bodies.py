"""What each kind of document says, as blocks per copy, and ``paper_text``, its lines: pure
functions, no drawing (``render`` draws the blocks; this module loads no reportlab).

The renderer writes only labels and facts from the data; sentences with legal weight (the
consequences of a broken promise, the promises themselves) come from ``doc.paragraphs``, which
the case service composes. Empty values are left out rather than printed as blank labels.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

from clerk_app.documents.paper.content import (
    REPRINT_FOOTER,
    REPRINT_MARK,
    Block,
    Copy,
    Field,
    Signatures,
    Signoff,
    Style,
    Table,
    Text,
    block_lines,
    case_no_line,
)
from clerk_app.documents.paper.text import clean, cn_date
from clerk_app.documents.paper_data import DocumentKind, MaterialLine, PaperDocument
from clerk_app.errors import ValidationError

__all__ = [
    "document_copies",
    "document_title",
    "paper_text",
    "running_footer",
    "running_header",
]

_RECEIVED = ("received", "supplemented")
_OWED = ("missing", "wrong")
_STATUS_LABELS = {"missing": "未提交", "wrong": "不符合要求", "supplemented": "已补正"}


def _field(label: str, value: str | None, *, fine: bool = False) -> list[Block]:
    return [Field(label, clean(value), fine)] if value else []


def _date_field(label: str, day: date | None) -> list[Block]:
    return [Field(label, cn_date(day))] if day is not None else []


def _heading(text: str) -> Text:
    return Text(Style.HEADING, text)


def _paragraphs(texts: Iterable[str]) -> list[Block]:
    return [Text(Style.BODY, clean(t)) for t in texts if t.strip()]


def _material_text(line: MaterialLine) -> str:
    text = clean(line.name)
    if line.requirement:
        text += f"（{clean(line.requirement)}）"
    if line.note:
        text += f"：{clean(line.note)}"
    return text


def _numbered(materials: Iterable[MaterialLine]) -> list[Block]:
    return [Text(Style.ITEM, f"{i}. {_material_text(m)}") for i, m in enumerate(materials, 1)]


def _with_status(doc: PaperDocument, statuses: tuple[str, ...]) -> list[MaterialLine]:
    return [m for m in doc.materials if m.status in statuses]


def _parties(doc: PaperDocument, applicant_label: str = "申请人") -> list[Block]:
    agent = clean(doc.agent_name)
    if agent and doc.agent_id:
        agent += f"（证件号码：{clean(doc.agent_id)}）"
    return [
        *_field(applicant_label, doc.applicant_name),
        *_field(clean(doc.applicant_id_label) or "证件号码", doc.applicant_id),
        *_field("法定代表人", doc.legal_representative),
        *_field("经办人", agent),
    ]


def _case_fields(doc: PaperDocument) -> list[Block]:
    return [
        *_field("申请事项", doc.item_name),
        *_field("承办部门", doc.department_name),
        *_parties(doc),
        *_date_field("受理日期", doc.accepted_on),
    ]


def _time_limits(doc: PaperDocument) -> list[Block]:
    limits = []
    if doc.statutory_days is not None:
        limits.append(f"法定{doc.statutory_days}个工作日")
    if doc.promised_days is not None:
        limits.append(f"承诺{doc.promised_days}个工作日")
    blocks: list[Block] = [Field("办理时限", "，".join(limits))] if limits else []
    return blocks + _date_field("承诺办结日期", doc.due_date)


def _hints(doc: PaperDocument) -> list[Block]:
    """The hall's standing hints, in the fine print (they are the same on every notice)."""
    return [
        *_field("领取方式", doc.hall.collect_hint, fine=True),
        *_field("进度查询", doc.hall.progress_hint, fine=True),
    ]


def _tail(doc: PaperDocument) -> list[Block]:
    """The extra labelled lines and the contact lines, before the signoff (a permit is a
    certificate, not a letter: no contact lines, so it stays on one sheet)."""
    extra: list[Block] = [Field(clean(label), clean(value)) for label, value in doc.extra.items()]
    if doc.kind is DocumentKind.PERMIT:
        return extra
    hall = doc.hall
    return [
        *extra,
        *_field("地址", hall.address, fine=True),
        *_field("电话", hall.phone, fine=True),
    ]


def _owed(doc: PaperDocument, heading: str) -> list[Block]:
    owed = _with_status(doc, _OWED)
    if not owed:
        return []
    return [_heading(heading), *_numbered(owed), *_date_field("补正期限", doc.supplement_due)]


def _receipt(doc: PaperDocument) -> list[Block]:
    received = _with_status(doc, _RECEIVED)
    return [
        *_case_fields(doc),
        *_time_limits(doc),
        *([_heading("已收取材料"), *_numbered(received)] if received else []),
        *_owed(doc, "容缺材料（须在补正期限内补齐）"),
        *_paragraphs(doc.paragraphs),
        *_hints(doc),
    ]


def _notice(doc: PaperDocument) -> list[Block]:
    rows = tuple(
        (
            str(i),
            clean(m.name),
            clean(m.requirement),
            _STATUS_LABELS.get(m.status, "") + (f"：{clean(m.note)}" if m.note else ""),
        )
        for i, m in enumerate(_with_status(doc, _OWED), 1)
    )
    # The note (情况说明) gets the widest column: it is what the applicant must act on.
    table = Table(("序号", "材料名称", "要求", "情况说明"), rows, (0.08, 0.3, 0.27, 0.35))
    return [
        *_case_fields(doc),
        _heading("需补正的全部材料"),
        table,
        *_date_field("补正期限", doc.supplement_due),
        *_paragraphs(doc.paragraphs),
        *_field("进度查询", doc.hall.progress_hint, fine=True),
    ]


def _commitment(doc: PaperDocument) -> list[Block]:
    signatures = Signatures((("承诺人签字：", "日期："), ("经办人签字：", "日期：")))
    return [
        *_case_fields(doc),
        *_owed(doc, "容缺材料"),
        *([_heading("承诺事项"), *_paragraphs(doc.paragraphs)] if doc.paragraphs else []),
        signatures,
    ]


def _rejection(doc: PaperDocument) -> list[Block]:
    def section(heading: str, text: str) -> list[Block]:
        return [_heading(heading), Text(Style.BODY, clean(text))] if text else []

    # The opening ("…决定不予受理，理由及依据如下") comes first, then what it announces.
    return [
        *_case_fields(doc),
        *_paragraphs(doc.paragraphs),
        *section("不予受理理由", doc.reason),
        *section("法律依据", doc.legal_basis),
        *section("有权受理机关", doc.competent_body),
        *section("救济途径", doc.appeal),
    ]


def _supplement(doc: PaperDocument) -> list[Block]:
    done = _with_status(doc, ("supplemented",))
    return [
        *_case_fields(doc),
        *([_heading("本次补正材料"), *_numbered(done)] if done else []),
        *_owed(doc, "尚需补正材料"),
        *_field("说明", doc.reason),
        *_paragraphs(doc.paragraphs),
        *_field("进度查询", doc.hall.progress_hint, fine=True),
    ]


def _completion(doc: PaperDocument) -> list[Block]:
    return [
        *_case_fields(doc),
        *_time_limits(doc),
        *_paragraphs(doc.paragraphs),  # the decision ("…决定不予许可"), then its reasons
        *_field("办理结果说明", doc.reason),
        *_field("法律依据", doc.legal_basis),
        *_field("救济途径", doc.appeal),
        *_hints(doc),
    ]


def _permit(doc: PaperDocument) -> list[Block]:
    permit = doc.permit
    if permit is None:
        raise ValidationError(
            f"办件 {doc.case_no} 的许可证文书缺少许可证内容，无法打印。",
            f"The permit of case {doc.case_no} has no permit details; it cannot be printed.",
        )
    period = ""
    if permit.period_from is not None and permit.period_to is not None:
        period = f"{cn_date(permit.period_from)}至{cn_date(permit.period_to)}"
    # A certificate is one sheet: its conditions are the fine print (4号), as on issued permits.
    conditions = [
        Text(Style.FINE_ITEM, f"{i}. {clean(c)}") for i, c in enumerate(permit.conditions, 1)
    ]
    return [
        *_field("许可证编号", permit.permit_no),
        *_parties(doc, "被许可人"),
        *_paragraphs(doc.paragraphs),  # the grant ("准予……按下列……"), before what it lists
        *_field("许可事项", doc.item_name),
        *_field("法律依据", doc.legal_basis),  # what the grant rests on (《城市道路管理条例》…)
        *_field("占用地点", permit.location),
        *_field("占用面积", f"{clean(permit.area_m2)}平方米" if permit.area_m2 else ""),
        *_field("占用期限", period),
        *_field("占用用途", permit.purpose),
        *(Field(clean(label), clean(value)) for label, value in permit.fields),
        *([_heading("许可条件"), *conditions] if conditions else []),
    ]


def _table(doc: PaperDocument, widths: tuple[float, ...]) -> list[Block]:
    if not doc.table:
        return []
    header, *rows = doc.table
    return [
        Table(
            tuple(clean(c) for c in header),
            tuple(tuple(clean(c) for c in row) for row in rows),
            widths,
        )
    ]


def _package_receipt(doc: PaperDocument) -> list[Block]:
    """一件事受理回执: every item with its department and due date, then the package's."""
    received = _with_status(doc, _RECEIVED)
    return [
        *_field("一件事", doc.item_name),
        *_parties(doc),
        *_date_field("受理日期", doc.accepted_on),
        _heading("办理事项"),
        *_table(doc, (0.08, 0.39, 0.27, 0.26)),  # a date (2026年12月28日) on one line
        *_field("一件事承诺时限", f"{doc.promised_days}个工作日" if doc.promised_days else ""),
        *_date_field("一件事承诺办结日期", doc.due_date),
        *([_heading("已收取材料（共享材料只收一次）"), *_numbered(received)] if received else []),
        *_paragraphs(doc.paragraphs),
        *_hints(doc),
    ]


def _handover(doc: PaperDocument, signer: str) -> list[Block]:
    """领证回执 / 送达回证: what was handed over, to whom, signed for."""
    return [
        *_field("办理事项", doc.item_name),
        *_parties(doc),
        *_paragraphs(doc.paragraphs),
        _heading("交付的办理结果"),
        *_table(doc, (0.08, 0.36, 0.22, 0.34)),
        Signatures(((f"{signer}签字：", "日期："), ("经办人签字：", "日期："))),
    ]


def _collection(doc: PaperDocument) -> list[Block]:
    return _handover(doc, "领取人")


def _delivery(doc: PaperDocument) -> list[Block]:
    return _handover(doc, "受送达人")


def _transfer_slip(doc: PaperDocument) -> list[Block]:
    """材料流转单: the paper that travels from the receiving hall to the deciding authority."""
    return [
        *_case_fields(doc),
        *_paragraphs(doc.paragraphs),
        _heading("流转材料"),
        *_table(doc, (0.08, 0.5, 0.22, 0.2)),
        Signatures((("移交人签字：", "日期："), ("接收人签字：", "日期："))),
    ]


def _partial_denial(doc: PaperDocument) -> list[Block]:
    """Which items were approved and which denied, each denial with its reason and basis."""
    return [
        *_field("一件事", doc.item_name),
        *_parties(doc),
        *_date_field("受理日期", doc.accepted_on),
        *_paragraphs(doc.paragraphs),
        *_table(doc, (0.08, 0.3, 0.14, 0.48)),
        *_field("救济途径", doc.appeal),
        *_hints(doc),
    ]


_BODIES: dict[DocumentKind, Callable[[PaperDocument], list[Block]]] = {
    DocumentKind.RECEIPT: _receipt,
    DocumentKind.NOTICE: _notice,
    DocumentKind.COMMITMENT: _commitment,
    DocumentKind.REJECTION: _rejection,
    DocumentKind.SUPPLEMENT: _supplement,
    DocumentKind.COMPLETION: _completion,
    DocumentKind.PERMIT: _permit,
    DocumentKind.PACKAGE_RECEIPT: _package_receipt,
    DocumentKind.COLLECTION_RECEIPT: _collection,
    DocumentKind.DELIVERY_RECEIPT: _delivery,
    DocumentKind.TRANSFER_SLIP: _transfer_slip,
    DocumentKind.PARTIAL_DENIAL: _partial_denial,
}


def document_title(doc: PaperDocument) -> str:
    """The printed title: the certificate's own name for a permit, else ``doc.title``."""
    if doc.kind is DocumentKind.PERMIT and doc.permit is not None and doc.permit.title:
        return clean(doc.permit.title)
    return clean(doc.title)


def document_copies(doc: PaperDocument) -> list[Copy]:
    """The copies to draw, each with the whole document; one unlabelled copy by default."""
    blocks: tuple[Block, ...] = (
        Text(Style.HALL, clean(doc.hall.hall_name)),
        Text(Style.TITLE, document_title(doc)),
        *_BODIES[doc.kind](doc),
        *_tail(doc),
        Signoff(clean(doc.hall.hall_name), cn_date(doc.issued_on)),
    )
    labels = [clean(label) for label in doc.copies] or [""]
    return [Copy(label, blocks) for label in labels]


def running_header(doc: PaperDocument) -> list[str]:
    """The lines at the top of every page: the reprint mark (a reprint only), the case number."""
    return ([REPRINT_MARK] if doc.reprint else []) + [case_no_line(doc.case_no)]


def running_footer(doc: PaperDocument) -> list[str]:
    """The lines at the foot of every page besides its page number: the reprint footer."""
    return [REPRINT_FOOTER] if doc.reprint else []


def _copy_lines(copy: Copy) -> list[str]:
    lines = [copy.label] if copy.label else []
    for block in copy.blocks:
        lines += block_lines(block)
    return lines


def paper_text(doc: PaperDocument) -> list[str]:
    """The logical lines the document says, in reading order: the running header once, every
    copy's lines (its label first), the running footer once. Page numbers are not included (they
    depend on pagination), nor the repetition of the running header and footer on later pages.
    A logical line may wrap onto several printed lines; text from data has its control
    characters replaced by spaces (``paper.text.clean``)."""
    lines = running_header(doc)
    for copy in document_copies(doc):
        lines += _copy_lines(copy)
    return lines + running_footer(doc)
