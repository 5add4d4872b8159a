"""TEST HELPER (not a test module): one realistic ``PaperDocument`` per kind, signed with a
throwaway secret, for the read-back tests of ``clerk_app.documents.paper`` and the benchmark.

Every sample carries only masked resident IDs (``MASKED_ID``); ``FULL_ID`` is the number they
were masked from, and must never appear on paper.
"""

from __future__ import annotations

from datetime import date

from clerk_app.documents.paper_data import (
    DocumentKind,
    HallHeader,
    MaterialLine,
    PaperDocument,
    PermitDetails,
)
from clerk_app.documents.signing import new_secret, sign_payload

SECRET = new_secret()
CASE_NO = "4405002026112600012"
ISSUED = date(2026, 11, 26)
FULL_ID = "440524188001010014"  # GB 11643-1999's own example
MASKED_ID = "4405**********0014"
USCC = "91440500MA4W1K2X3R"

HALL = HallHeader(
    hall_name="汕头市政务服务中心",
    address="汕头市龙湖区金砂东路政务服务中心一楼",
    phone="0754-88888888",
    progress_hint="登录广东政务服务网或拨打 12345，输入办件编号查询办理进度",
    collect_hint="请于承诺办结日期后凭本通知书到综合窗口领取，或选择邮政寄递",
)

MATERIALS = (
    MaterialLine("临时占用城市道路申请表", "原件1份，申请人签字并盖章", "received", core=True),
    MaterialLine("占道施工平面图", "原件1份，标明占用范围和面积", "received", core=True),
    MaterialLine("交通疏导方案", "原件1份，经交警部门审核", "missing"),
    MaterialLine("营业执照", "复印件1份，加盖公章", "wrong", "复印件未加盖公章"),
    MaterialLine("法定代表人身份证明", "复印件1份", "supplemented"),
)

PROMISES = (
    "一、本次申请是本单位的真实意思表示。",
    "二、本单位已知悉所缺材料及补正期限。",
    "三、本单位所提交的全部材料真实、合法、有效。",
    "四、本单位将在补正期限内补齐所缺材料。",
    "五、逾期未补正的，本单位同意终止办理并承担相应法律责任，失信行为将记入信用记录。",
)


def _base(kind: DocumentKind, title: str, **kw: object) -> PaperDocument:
    fields: dict[str, object] = {
        "kind": kind,
        "title": title,
        "case_no": CASE_NO,
        "issued_on": ISSUED,
        "hall": HALL,
        "qr_payload": sign_payload(kind, CASE_NO, ISSUED, SECRET),
        "applicant_name": "汕头市某某市政工程有限公司",
        "applicant_id_label": "统一社会信用代码",
        "applicant_id": USCC,
        "item_name": "临时占用城市道路审批",
        "department_name": "汕头市城市管理和综合执法局",
        "legal_representative": "陈某某",
        "agent_name": "林某某",
        "agent_id": MASKED_ID,
        "accepted_on": ISSUED,
    }
    fields.update(kw)
    return PaperDocument(**fields)  # type: ignore[arg-type]


def samples() -> dict[DocumentKind, PaperDocument]:
    """One sample document per kind."""
    return {
        DocumentKind.RECEIPT: _base(
            DocumentKind.RECEIPT,
            "容缺受理通知书",
            due_date=date(2026, 12, 10),
            statutory_days=20,
            promised_days=10,
            supplement_due=date(2026, 12, 3),
            materials=MATERIALS,
            paragraphs=(
                "你单位应在补正期限内补齐上述容缺材料；逾期未补正的，本中心将终止办理，"
                "并将失信行为记入信用记录。",
            ),
            copies=("申请人留存", "档案留存"),
        ),
        DocumentKind.NOTICE: _base(
            DocumentKind.NOTICE,
            "一次性告知书",
            accepted_on=None,
            supplement_due=date(2026, 12, 3),
            materials=MATERIALS,
            paragraphs=("请按上述要求一次性补齐全部材料后重新提交申请。",),
        ),
        DocumentKind.COMMITMENT: _base(
            DocumentKind.COMMITMENT,
            "容缺受理承诺书",
            supplement_due=date(2026, 12, 3),
            materials=MATERIALS,
            paragraphs=PROMISES,
            copies=("申请人留存", "档案留存"),
        ),
        DocumentKind.REJECTION: _base(
            DocumentKind.REJECTION,
            "不予受理通知书",
            accepted_on=None,
            reason="申请事项依法不属于本机关职权范围。",
            legal_basis="《中华人民共和国行政许可法》第三十二条第一款第（二）项",
            competent_body="汕头市公安局交通警察支队",
            appeal="如不服本决定，可在收到本通知书之日起六十日内向汕头市人民政府申请行政复议，"
            "或在六个月内向人民法院提起行政诉讼。",
        ),
        DocumentKind.SUPPLEMENT: _base(
            DocumentKind.SUPPLEMENT,
            "补正材料回执",
            supplement_due=date(2026, 12, 3),
            materials=MATERIALS,
            reason="已收取补正材料一份，其余材料请在期限内补齐。",
        ),
        DocumentKind.COMPLETION: _base(
            DocumentKind.COMPLETION,
            "办结（领证）通知书",
            due_date=date(2026, 12, 10),
            statutory_days=20,
            promised_days=10,
            paragraphs=("你单位申请的事项已办结，准予许可，请凭本通知书领取许可证。",),
        ),
        DocumentKind.PERMIT: _base(
            DocumentKind.PERMIT,
            "临时占用城市道路许可证",
            legal_basis="《城市道路管理条例》第三十一条",
            permit=PermitDetails(
                title="临时占用城市道路许可证",
                permit_no="汕城管占字〔2026〕第0112号",
                location="龙湖区长平路与金砂路交叉口东侧人行道",
                area_m2="36.5",
                period_from=date(2026, 11, 27),
                period_to=date(2026, 12, 26),
                purpose="市政管道施工",
                conditions=(
                    "按批准的地点、面积和期限占用，不得擅自扩大范围。",
                    "设置明显的安全警示标志和围挡，夜间设置警示灯。",
                    "期满后及时清理现场，恢复道路原状。",
                ),
            ),
            extra={"发证机关": "汕头市城市管理和综合执法局"},
        ),
        # The case journey's paper (issue 17), printed for a case group.
        DocumentKind.PACKAGE_RECEIPT: _base(
            DocumentKind.PACKAGE_RECEIPT,
            "一件事受理回执",
            item_name="开办企业",
            due_date=date(2026, 11, 30),
            promised_days=2,
            materials=(MaterialLine("营业执照副本复印件", "共享材料"),),
            table=(
                ("序号", "事项", "承办部门", "办结日期"),
                ("1", "企业设立登记", "汕头市市场监督管理局", "2026年11月30日"),
                ("2", "印章刻制备案", "汕头市公安局", "2026年11月27日"),
            ),
            paragraphs=("本中心一窗受理，已将申请信息同时推送上列各部门并联审批。",),
        ),
        DocumentKind.COLLECTION_RECEIPT: _base(
            DocumentKind.COLLECTION_RECEIPT,
            "领证回执",
            table=(
                ("序号", "事项", "结果", "证照编号 / 文书"),
                ("1", "企业设立登记", "准予", "XK1"),
            ),
            paragraphs=("今领到下列办理结果，核对无误。",),
            extra={"领取人": "陈小雅（凭授权委托书代领）"},
        ),
        DocumentKind.DELIVERY_RECEIPT: _base(
            DocumentKind.DELIVERY_RECEIPT,
            "送达回证",
            table=(
                ("序号", "事项", "结果", "证照编号 / 文书"),
                ("1", "企业设立登记", "准予", "XK1"),
            ),
            extra={"送达方式": "邮寄（EMS）", "邮寄单号": "EMS1234567890CN"},
        ),
        DocumentKind.TRANSFER_SLIP: _base(
            DocumentKind.TRANSFER_SLIP,
            "材料流转单",
            table=(("序号", "材料名称", "形式", "份数"), ("1", "户口迁移申请表", "原件", "1")),
            extra={"受理机构": "汕头市政务服务中心", "实施主体": "广州市公安局"},
        ),
        DocumentKind.PARTIAL_DENIAL: _base(
            DocumentKind.PARTIAL_DENIAL,
            "部分事项不予许可告知书",
            table=(
                ("序号", "事项", "结果", "理由及依据"),
                ("1", "发票申领", "不予许可", "未按规定缴销已领发票（依据：《发票管理办法》）"),
            ),
            paragraphs=("下表所列事项经审查决定不予许可，其余事项准予办理。",),
            appeal="如不服本决定，可以依法申请行政复议或者提起行政诉讼。",
        ),
    }
