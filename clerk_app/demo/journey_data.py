"""Demo 一件事 packages and the items they need beyond the demo catalog (issue 17).

Pure data (no database): the items of 开办企业 and 存量房转让 that ``catalog_data`` lacks, a
跨城通办 item decided by another city, the two packages with the materials their items share,
and one reviewer per department involved (password "demo", like every demo account).
"""

from __future__ import annotations

from clerk_app.demo.catalog_data import _APPLICANT_ID, _PARTIES_ID, _PROXY, DemoItem, _core

_LEGAL_REP_ID_CORE = _core(
    "法定代表人身份证明",
    "copy",
    requirement="法定代表人身份证复印件（正反面复印在同一页），加盖公章",
)
_LICENCE = _core("营业执照副本复印件", "copy", requirement="加盖公章；已共享的免于提交")
_CONTRACT = _core("存量房买卖合同", requirement="网签备案合同原件")


def _item(
    code: str,
    name: str,
    dept: str,
    prefix: str,
    statutory: int,
    promised: int,
    basis: str,
    *materials: object,
) -> DemoItem:
    return DemoItem(
        item_code=code,
        name=name,
        department_code=dept,
        category_prefix=prefix,
        kind="promised",
        statutory_days=statutory,
        promised_days=promised,
        tolerant_accept_allowed=False,
        fee_yuan="0",
        legal_basis=basis,
        materials=materials,  # type: ignore[arg-type]
    )


ITEMS: tuple[DemoItem, ...] = (
    _item(
        "440500-GA-101",
        "印章刻制备案",
        "GA",
        "A",
        3,
        1,
        "《印铸刻字业暂行管理规则》第四条",
        _core("印章刻制申请表", requirement="加盖公章"),
        _LICENCE,
        _LEGAL_REP_ID_CORE,
        _PROXY,
    ),
    _item(
        "440500-SW-101",
        "发票申领",
        "SW",
        "A",
        5,
        1,
        "《中华人民共和国发票管理办法》第十五条",
        _core("发票领用申请表"),
        _LICENCE,
        _LEGAL_REP_ID_CORE,
        _PROXY,
    ),
    _item(
        "440500-RS-101",
        "社会保险登记",
        "RS",
        "A",
        15,
        2,
        "《中华人民共和国社会保险法》第五十七条",
        _core("社会保险登记表"),
        _LICENCE,
        _LEGAL_REP_ID_CORE,
    ),
    _item(
        "440500-GJJ-101",
        "住房公积金单位缴存登记",
        "GJJ",
        "A",
        5,
        2,
        "《住房公积金管理条例》第十四条",
        _core("单位住房公积金缴存登记表", requirement="加盖公章"),
        _LICENCE,
        _LEGAL_REP_ID_CORE,
    ),
    _item(
        "440500-ZJ-101",
        "存量房交易合同网签备案",
        "ZJ",
        "C",
        10,
        3,
        "《城市房地产管理法》第四十一条",
        _CONTRACT,
        _PARTIES_ID,
    ),
    _item(
        "440500-SW-102",
        "存量房交易税费缴纳",
        "SW",
        "C",
        10,
        3,
        "《中华人民共和国契税法》第九条",
        _core("房屋交易涉税申报表"),
        _CONTRACT,
        _PARTIES_ID,
    ),
    # 跨城通办: accepted here, decided by Guangzhou's authority; the paper travels.
    _item(
        "440500-GA-201",
        "户口迁移（跨城通办）",
        "GA",
        "D",
        20,
        10,
        "《中华人民共和国户口登记条例》第十条",
        _core("户口迁移申请表"),
        _APPLICANT_ID,
    ),
)

# item code -> 实施主体 (the deciding body), where it is not the department in this hall.
AUTHORITIES: dict[str, str] = {"440500-GA-201": "广州市公安局"}

SETUP = "440500-SCJG-001"  # 企业设立登记 (demo catalog)
TRANSFER = "440500-BDC-001"  # 存量房转让登记 (demo catalog)

# (code, name, promised working days, item codes in order, shared materials)
# A shared material: its name and the (item code, material name) pairs it stands for.
PACKAGES: tuple[
    tuple[str, str, int, tuple[str, ...], tuple[tuple[str, tuple[tuple[str, str], ...]], ...]],
    ...,
] = (
    (
        "KBQY",
        "开办企业",
        2,
        (SETUP, "440500-GA-101", "440500-SW-101", "440500-RS-101", "440500-GJJ-101"),
        (
            (
                "营业执照副本复印件",
                tuple(
                    (c, "营业执照副本复印件")
                    for c in ("440500-GA-101", "440500-SW-101", "440500-RS-101", "440500-GJJ-101")
                ),
            ),
            (
                "法定代表人身份证明",
                tuple(
                    (c, "法定代表人身份证明")
                    for c in ("440500-GA-101", "440500-SW-101", "440500-RS-101", "440500-GJJ-101")
                ),
            ),
            (
                "授权委托书及受托人身份证件",
                tuple(
                    (c, "授权委托书及受托人身份证件")
                    for c in (SETUP, "440500-GA-101", "440500-SW-101")
                ),
            ),
        ),
    ),
    (
        "CLFZR",
        "存量房转让",
        5,
        (TRANSFER, "440500-ZJ-101", "440500-SW-102"),
        (
            (
                "存量房买卖合同",
                tuple((c, "存量房买卖合同") for c in (TRANSFER, "440500-ZJ-101", "440500-SW-102")),
            ),
            (
                "申请人身份证明",
                tuple((c, "申请人身份证明") for c in (TRANSFER, "440500-ZJ-101", "440500-SW-102")),
            ),
        ),
    ),
)

# (username, display name, department code): one reviewer per department of the packages.
REVIEWERS: tuple[tuple[str, str, str], ...] = (
    ("review_scjg", "市场监管局审批 周敏", "SCJG"),
    ("review_ga", "公安局审批 刘洋", "GA"),
    ("review_sw", "税务局审批 郭静", "SW"),
    ("review_rs", "人社局审批 何斌", "RS"),
    ("review_gjj", "公积金中心审批 罗佳", "GJJ"),
    ("review_bdc", "不动产登记中心审批 邱海", "BDC"),
    ("review_zj", "住建局审批 曾凡", "ZJ"),
)
