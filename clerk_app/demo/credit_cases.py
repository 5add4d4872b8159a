"""Demo firms on the credit red and black lists, demo applicants, and a few cases in every state.

Identifiers are computed, not typed, so every one passes its national check: USCCs per
GB 32100-2015 with a GB 11714 organization code inside, resident IDs per GB 11643-1999.
Seeding is idempotent: a firm's entry or a case already present is not added again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk_app.domain.case_states import CaseState, SubmissionStatus
from clerk_app.domain.deadlines import DEFAULT_SUPPLEMENT_DAYS, supplement_days
from clerk_app.domain.identity import resident_id_check_char, uscc_check_char
from clerk_app.domain.workdays import CalendarNotCovered, is_workday
from clerk_app.hall_time import local_date
from clerk_app.persistence.models import Counter, HallSetting, ServiceItem, User
from clerk_app.persistence.models_cases import Case, CreditListEntry, Submission
from clerk_app.persistence.pii import CASE_AGENT_ID, CASE_APPLICANT_ID, pii_of
from clerk_app.persistence.sequences import next_value

_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


def org_code(body8: str) -> str:
    """A GB 11714 organization code: 8 characters and their check character."""
    total = sum(int(c, 36) * w for c, w in zip(body8, _ORG_WEIGHTS, strict=True))
    check = 11 - total % 11
    return body8 + {10: "X", 11: "0"}.get(check, str(check))


def make_uscc(region: str, org_body: str, authority: str = "9", category: str = "1") -> str:
    """A valid unified social credit code (default: 91 = enterprise registered by 市场监管)."""
    first17 = authority + category + region + org_code(org_body)
    return first17 + uscc_check_char(first17)


def make_resident_id(region: str, born: date, serial: int) -> str:
    first17 = f"{region}{born:%Y%m%d}{serial:03d}"
    return first17 + resident_id_check_char(first17)


@dataclass(frozen=True)
class DemoFirm:
    name: str
    uscc: str
    legal_representative: str
    agent_name: str
    agent_id: str


@dataclass(frozen=True)
class DemoPerson:
    name: str
    resident_id: str


HONGDA = DemoFirm(
    "汕头市金平区宏达玩具有限公司",
    make_uscc("440511", "MA4W1K2L"),
    "陈伟雄",
    "林晓敏",
    make_resident_id("440511", date(1990, 3, 14), 22),
)
HUAXIN = DemoFirm(
    "汕头市澄海区华信包装材料有限公司",
    make_uscc("440515", "MA53T8R6"),
    "黄志坚",
    "黄志坚",
    make_resident_id("440515", date(1978, 11, 2), 51),
)
YONGSHENG = DemoFirm(
    "汕头市龙湖区永盛贸易有限公司",
    make_uscc("440507", "MA4XB7C3"),
    "郑国平",
    "郑晓东",
    make_resident_id("440507", date(1985, 6, 30), 17),
)
CHENGDA = DemoFirm(
    "汕头市濠江区诚达建材有限公司",
    make_uscc("440512", "MA51P0Q9"),
    "许少鹏",
    "许少鹏",
    make_resident_id("440512", date(1982, 1, 9), 35),
)
XINJING = DemoFirm(
    "汕头市潮阳区新景餐饮管理有限公司",
    make_uscc("440513", "MA55D2E4"),
    "吴丽娟",
    "蔡晓琳",
    make_resident_id("440513", date(1995, 8, 21), 46),
)
FIRMS = (HONGDA, HUAXIN, YONGSHENG, CHENGDA, XINJING)
PERSONS = (
    DemoPerson("李秀珍", make_resident_id("440511", date(1968, 4, 5), 28)),
    DemoPerson("陈少华", make_resident_id("440507", date(1992, 12, 19), 13)),
    DemoPerson("蔡泽楷", make_resident_id("440523", date(2001, 2, 27), 71)),
)

# (firm, list type, reason, source department, valid from: days before today)
CREDIT_ENTRIES: tuple[tuple[DemoFirm, str, str, str, int], ...] = (
    (HONGDA, "red_list", "海关高级认证企业（AEO）", "汕头海关", 400),
    (HUAXIN, "red_list", "纳税信用A级纳税人", "国家税务总局汕头市税务局", 200),
    (CHENGDA, "red_list", "守合同重信用企业", "汕头市市场监督管理局", 300),
    (YONGSHENG, "black_list", "重大税收违法失信主体", "国家税务总局汕头市税务局", 90),
)


@dataclass(frozen=True)
class DemoCase:
    """A case ``ago`` working days old in ``state``; ``owed`` names materials still missing."""

    applicant: DemoFirm | DemoPerson
    item_code: str
    state: CaseState
    ago: int
    owed: tuple[str, ...] = ()
    counter: int = 1
    clerk: str = "clerk01"
    reason: str = ""
    basis: str = ""
    competent_body: str = ""
    permit_details: tuple[tuple[str, str], ...] = ()  # what an instant permit states


_LICENCE = "营业执照副本复印件"
_ROAD_PERMIT = (
    ("location", "汕头市龙湖区长平路与金砂东路交叉口东北侧人行道"),
    ("area_m2", "24"),
    ("purpose", "沿街店面装修临时堆放材料"),
)
DEMO_CASES: tuple[DemoCase, ...] = (
    DemoCase(XINJING, "440500-SCJG-001", CaseState.ACCEPTED, 0),
    DemoCase(XINJING, "440500-SCJG-005", CaseState.IN_REVIEW, 4, counter=2, clerk="clerk02"),
    DemoCase(HUAXIN, "440500-WJ-001", CaseState.IN_REVIEW, 7, counter=3, clerk="clerk03"),
    DemoCase(HUAXIN, "440500-ZJ-001", CaseState.APPROVED, 3, counter=2, clerk="clerk02"),
    DemoCase(
        XINJING,
        "440500-CG-003",
        CaseState.DENIED,
        6,
        counter=4,
        clerk="clerk04",
        reason="拟设置地点位于户外广告设施禁设区域。",
        basis="《汕头市户外广告设施和招牌设置管理办法》第十条",
    ),
    DemoCase(
        PERSONS[0],
        "440500-CG-001",
        CaseState.CERTIFICATE_ISSUED,
        0,
        counter=5,
        permit_details=_ROAD_PERMIT,
    ),
    DemoCase(PERSONS[1], "440500-RS-001", CaseState.COLLECTED, 2, counter=6, clerk="clerk06"),
    DemoCase(HONGDA, "440500-SCJG-005", CaseState.PENDING_SUPPLEMENT, 1, owed=(_LICENCE,)),
    DemoCase(HUAXIN, "440500-ZJ-002", CaseState.SUPPLEMENTED, 2, owed=(_LICENCE,), counter=3),
    DemoCase(CHENGDA, "440500-JT-002", CaseState.SUPPLEMENT_OVERDUE, 9, owed=(_LICENCE,)),
    DemoCase(PERSONS[2], "440500-BDC-001", CaseState.NOT_ACCEPTED, 0, owed=("不动产权证书",)),
    DemoCase(
        YONGSHENG,
        "440500-STHJ-002",
        CaseState.REJECTED,
        1,
        counter=7,
        clerk="clerk07",
        reason="申请事项依法不属于本机关职权范围。",
        basis="《中华人民共和国行政许可法》第三十二条第一款第（二）项",
        competent_body="广东省生态环境厅",
    ),
)


def _step(day: date, n: int, direction: int) -> date:
    """``n`` working days from ``day``; demo only: Monday–Friday where no calendar is known."""
    while n:
        day += timedelta(days=direction)
        try:
            working = is_workday(day)
        except CalendarNotCovered:
            working = day.weekday() < 5
        n -= working
    return day


def seed_credit_and_cases(s: Session, now: datetime) -> None:
    """Adds the demo credit entries and cases the hall lacks (call inside the seeding unit)."""
    today = local_date(now)
    present = {
        (u, kind) for u, kind in s.execute(select(CreditListEntry.uscc, CreditListEntry.list_type))
    }
    for firm, list_type, reason, source, days in CREDIT_ENTRIES:
        if (firm.uscc, list_type) not in present:
            s.add(_entry(firm, list_type, reason, source, today - timedelta(days=days), now))
    s.flush()
    for demo in DEMO_CASES:
        _case(s, demo, today, now)


def _entry(
    firm: DemoFirm, list_type: str, reason: str, source: str, start: date, now: datetime
) -> CreditListEntry:
    return CreditListEntry(
        uscc=firm.uscc,
        list_type=list_type,
        reason=reason,
        source_department=source,
        enterprise_name=firm.name,
        valid_from=start,
        valid_to=None,
        repaired=False,
        created_at=now,
        created_by="system",
    )


def _case(s: Session, demo: DemoCase, today: date, now: datetime) -> None:
    a = demo.applicant
    id_value = a.uscc if isinstance(a, DemoFirm) else a.resident_id
    item = s.scalars(select(ServiceItem).where(ServiceItem.item_code == demo.item_code)).one()
    pii = pii_of(s)
    exists = select(Case.id).where(
        Case.applicant_id_hash == pii.lookup(id_value),
        Case.item_id == item.id,
        Case.state == demo.state,
    )
    if s.scalar(exists) is not None:
        return
    accepted = _step(today, demo.ago, -1)
    serial = next_value(s, "case", accepted)
    case = Case(
        case_no=f"{_hall_code(s)}{accepted:%Y%m%d}{serial:05d}",
        item=item,
        counter_id=s.scalar(select(Counter.id).where(Counter.number == demo.counter)),
        clerk_id=s.scalar(select(User.id).where(User.username == demo.clerk)),
        applicant_name=a.name,
        applicant_id_kind="uscc" if isinstance(a, DemoFirm) else "resident_id",
        applicant_id_enc=pii.seal(id_value, CASE_APPLICANT_ID),
        applicant_id_hash=pii.lookup(id_value),
        legal_representative=a.legal_representative if isinstance(a, DemoFirm) else "",
        agent_name=a.agent_name if isinstance(a, DemoFirm) else "",
        agent_id_enc=pii.seal(a.agent_id, CASE_AGENT_ID) if isinstance(a, DemoFirm) else None,
        agent_id_hash=pii.lookup(a.agent_id) if isinstance(a, DemoFirm) else None,
        state=demo.state.value,
        accepted_on=accepted,
        created_at=now - timedelta(days=(today - accepted).days),
        updated_at=now,
        version=1,
    )
    _decide(s, case, demo, item, accepted)
    for m in item.materials:
        owed = m.name in demo.owed
        initial = SubmissionStatus.MISSING if owed else SubmissionStatus.RECEIVED
        status = initial
        if owed and demo.state == CaseState.SUPPLEMENTED:
            status = SubmissionStatus.SUPPLEMENTED
        case.submissions.append(
            Submission(
                material=m,
                status=status.value,
                initial_status=initial.value,
                note="",
                received_at=None if status == SubmissionStatus.MISSING else case.created_at,
            )
        )
    s.add(case)
    s.flush()
    if demo.state == CaseState.SUPPLEMENT_OVERDUE:
        s.add(
            CreditListEntry(
                uscc=id_value,
                list_type="broken_commitment",
                reason=f"容缺受理逾期未补正（办件编号 {case.case_no}）",
                source_department="汕头市政务服务中心",
                enterprise_name=a.name,
                valid_from=_step(case.supplement_due or today, 1, 1),
                valid_to=None,
                repaired=False,
                case_id=case.id,
                created_at=now,
                created_by="system",
            )
        )


def _decide(s: Session, case: Case, demo: DemoCase, item: ServiceItem, accepted: date) -> None:
    """Fill the dates and decision fields the state implies."""
    state = demo.state
    if state not in (CaseState.NOT_ACCEPTED, CaseState.REJECTED):
        case.due_date = _step(accepted, item.promised_days, 1)
    if state in (
        CaseState.PENDING_SUPPLEMENT,
        CaseState.SUPPLEMENTED,
        CaseState.SUPPLEMENT_OVERDUE,
    ):
        days = supplement_days(None, item.promised_days, DEFAULT_SUPPLEMENT_DAYS)
        case.supplement_due = _step(accepted, days, 1)
        case.commitment_signed = True
    if state in (CaseState.DENIED, CaseState.REJECTED):
        case.decision_reason, case.decision_basis = demo.reason, demo.basis
        case.competent_body = demo.competent_body
    if state in (CaseState.CERTIFICATE_ISSUED, CaseState.COLLECTED):
        serial = next_value(s, "permit", accepted)
        case.permit_no = f"XK{_hall_code(s)}{accepted:%Y%m%d}{serial:05d}"
        if demo.permit_details:
            period = {"period_from": accepted, "period_to": accepted + timedelta(days=13)}
            case.permit_details = dict(demo.permit_details) | {
                k: v.isoformat() for k, v in period.items()
            }


def _hall_code(s: Session) -> str:
    setting = s.get(HallSetting, "hall_code")
    return str(setting.value) if setting is not None else "000000"
