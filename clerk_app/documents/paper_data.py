"""What an A4 document (受理通知书, 告知书, 许可证 …) shows, as plain frozen data.

The case services build a ``PaperDocument`` from a case; ``clerk_app.documents.paper`` draws it.
Nothing here touches the database or the font: the same data always draws the same PDF, so a
reprint (补打) drawn from the recorded data is the same document with the reprint mark added.
Identity numbers arrive already masked unless the document legally needs the full number.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

__all__ = [
    "JOURNEY_KINDS",
    "DocumentKind",
    "HallHeader",
    "MaterialLine",
    "PaperDocument",
    "PermitDetails",
]


class DocumentKind(StrEnum):
    """What ``clerk print KIND`` takes; one kind may draw different titles by case state."""

    RECEIPT = "receipt"  # 受理通知书 / 容缺受理通知书 / 即办件受理回执
    NOTICE = "notice"  # 一次性告知书
    COMMITMENT = "commitment"  # 容缺受理承诺书 (two copies: applicant, file)
    REJECTION = "rejection"  # 不予受理通知书
    SUPPLEMENT = "supplement"  # 补正材料回执
    COMPLETION = "completion"  # 办结（领证）通知书
    PERMIT = "permit"  # 临时占用城市道路许可证 / generic certificate of an instant item
    # The case journey (issue 17): printed for a case group (a package's cases) by
    # ``services.journey``, never through a single case's fit table.
    PACKAGE_RECEIPT = "package_receipt"  # 一件事受理回执: every item, department, due date
    COLLECTION_RECEIPT = "collection"  # 领证回执
    DELIVERY_RECEIPT = "delivery"  # 送达回证
    TRANSFER_SLIP = "transfer_slip"  # 材料流转单 (通办: the paper that travels)
    PARTIAL_DENIAL = "partial_denial"  # 部分事项不予许可告知书


JOURNEY_KINDS = frozenset(
    {
        DocumentKind.PACKAGE_RECEIPT,
        DocumentKind.COLLECTION_RECEIPT,
        DocumentKind.DELIVERY_RECEIPT,
        DocumentKind.TRANSFER_SLIP,
        DocumentKind.PARTIAL_DENIAL,
    }
)


@dataclass(frozen=True)
class HallHeader:
    """The issuing hall, printed at the head and above the seal."""

    hall_name: str  # 汕头市政务服务中心
    address: str = ""
    phone: str = ""
    progress_hint: str = ""  # how to check progress (web site, phone, the case number)
    collect_hint: str = ""  # where and how to collect the result


@dataclass(frozen=True)
class MaterialLine:
    name: str
    requirement: str = ""  # what the material must be (原件/复印件, copies, stamps …)
    status: str = "received"  # received | missing | wrong | supplemented
    note: str = ""  # what is wrong, as the clerk wrote it
    core: bool = False


@dataclass(frozen=True)
class PermitDetails:
    """The fields of an instant permit. ``title`` is the certificate's name; for a road
    occupation permit the other fields are filled, for a generic certificate ``fields`` carries
    (label, value) pairs."""

    title: str  # 临时占用城市道路许可证
    permit_no: str
    location: str = ""
    area_m2: str = ""
    period_from: date | None = None
    period_to: date | None = None
    purpose: str = ""
    conditions: tuple[str, ...] = ()
    fields: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class PaperDocument:
    """One document of one case (or bundle), ready to draw.

    ``title`` is chosen by the service (e.g. 容缺受理通知书 for a receipt of a 容缺 case).
    ``qr_payload`` is the signed ASCII payload (``clerk_app.documents.signing``); the Code 128
    barcode carries ``case_no``. ``copies`` names the copies to draw one after another (e.g.
    ("申请人留存", "档案留存") for a commitment); empty means one copy without a label.
    """

    kind: DocumentKind
    title: str
    case_no: str
    issued_on: date
    hall: HallHeader
    qr_payload: str
    applicant_name: str
    applicant_id_label: str  # 身份证号码 / 统一社会信用代码
    applicant_id: str  # masked resident ID, or the USCC (an enterprise number is public)
    item_name: str
    department_name: str = ""
    legal_representative: str = ""
    agent_name: str = ""
    agent_id: str = ""  # masked
    accepted_on: date | None = None
    due_date: date | None = None
    statutory_days: int | None = None
    promised_days: int | None = None
    supplement_due: date | None = None
    materials: tuple[MaterialLine, ...] = ()
    reason: str = ""  # 不予受理 reason / 补正 note
    legal_basis: str = ""
    competent_body: str = ""
    appeal: str = ""  # how to apply for review or sue (复议、诉讼)
    paragraphs: tuple[str, ...] = ()  # body text the service composed (consequences, promises)
    permit: PermitDetails | None = None
    copies: tuple[str, ...] = ()
    reprint: bool = False
    extra: dict[str, str] = field(default_factory=dict)  # kind-specific labelled lines
    # A ruled table (the first row is its header): a package's items, a transfer slip's paper.
    table: tuple[tuple[str, ...], ...] = ()
