"""Demo catalog of the Shantou service hall: departments, queue categories, items and materials.

Pure data for seeding a demo or test hall (no Qt, no database). The items, time limits and legal
bases follow published practice of Guangdong service halls; they are illustrative, not an official
catalog. Item codes are opaque strings of the form ``440500-<department code>-<nnn>``.

Conventions kept by the data (and checked by ``tests/test_demo_catalog_data.py``):

* 即办件 (``instant``) have ``promised_days == 0`` and never allow 容缺受理;
* 承诺件 (``promised``) have ``0 < promised_days <= statutory_days``;
* every item has at least one core material; an item allowing 容缺受理 has at least one
  non-core material (only those may be deferred);
* ``fee_yuan`` is a decimal string, ``"0"`` when the item is free (不收费).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

MaterialForm = Literal["original", "copy", "original_and_copy"]
ItemKind = Literal["instant", "promised"]


@dataclass(frozen=True)
class DemoMaterial:
    """One required material (申请材料) of a demo item."""

    name: str
    core: bool
    form: MaterialForm
    copies: int = 1
    requirement: str = ""


@dataclass(frozen=True)
class DemoItem:
    """One service item (政务服务事项) of the demo catalog."""

    item_code: str
    name: str
    department_code: str
    category_prefix: str
    kind: ItemKind
    statutory_days: int
    promised_days: int
    tolerant_accept_allowed: bool
    fee_yuan: str
    legal_basis: str
    materials: tuple[DemoMaterial, ...]


def _core(
    name: str, form: MaterialForm = "original", copies: int = 1, requirement: str = ""
) -> DemoMaterial:
    """A core material (核心材料): never deferred."""
    return DemoMaterial(name=name, core=True, form=form, copies=copies, requirement=requirement)


def _aux(
    name: str, form: MaterialForm = "original", copies: int = 1, requirement: str = ""
) -> DemoMaterial:
    """A non-core material (非核心材料): may be deferred under 容缺受理."""
    return DemoMaterial(name=name, core=False, form=form, copies=copies, requirement=requirement)


DEPARTMENTS: tuple[tuple[str, str], ...] = (
    ("SCJG", "汕头市市场监督管理局"),
    ("ZJ", "汕头市住房和城乡建设局"),
    ("ZRZY", "汕头市自然资源局"),
    ("BDC", "汕头市不动产登记中心"),
    ("JT", "汕头市交通运输局"),
    ("CG", "汕头市城市管理和综合执法局"),
    ("WJ", "汕头市卫生健康局"),
    ("RS", "汕头市人力资源和社会保障局"),
    ("SW", "国家税务总局汕头市税务局"),
    ("GA", "汕头市公安局"),
    ("MZ", "汕头市民政局"),
    ("STHJ", "汕头市生态环境局"),
    ("YB", "汕头市医疗保障局"),
    ("WGLT", "汕头市文化广电旅游体育局"),
    ("GJJ", "汕头住房公积金管理中心"),
)

CATEGORIES: tuple[tuple[str, str], ...] = (
    ("A", "企业开办"),
    ("B", "工程建设"),
    ("C", "不动产登记"),
    ("D", "社会事务"),
    ("E", "综合"),
)


# Materials shared by many items.
_PROXY = _aux(
    "授权委托书及受托人身份证件",
    "original_and_copy",
    requirement="委托他人办理时提交；委托书载明委托事项和权限，受托人身份证原件核验、复印件留存",
)
_LICENCE_COPY = _aux(
    "营业执照副本复印件",
    "copy",
    requirement="加盖公章，A4纸复印；原件现场核验",
)
_LEGAL_REP_ID = _aux(
    "法定代表人身份证明",
    "copy",
    requirement="法定代表人身份证复印件（正反面复印在同一页），加盖公章",
)
_APPLICANT_ID = _core(
    "申请人居民身份证",
    "original_and_copy",
    requirement="有效期内的身份证原件现场核验，复印件（正反面同页）留存",
)
_PARTIES_ID = _core(
    "申请人身份证明",
    "original_and_copy",
    requirement="自然人提交身份证，法人提交营业执照及法定代表人身份证明；原件核验，复印件留存",
)


# 市场监管局
_SCJG: tuple[DemoItem, ...] = (
    DemoItem(
        item_code="440500-SCJG-001",
        name="企业设立登记",
        department_code="SCJG",
        category_prefix="A",
        kind="promised",
        statutory_days=3,
        promised_days=2,
        tolerant_accept_allowed=True,
        fee_yuan="0",
        legal_basis="《中华人民共和国市场主体登记管理条例》第十九条",
        materials=(
            _core("公司登记（备案）申请书", requirement="法定代表人签字，如实填写，不得涂改"),
            _core("公司章程", requirement="全体股东签署：自然人股东签字，法人股东加盖公章"),
            _core(
                "股东主体资格证明",
                "copy",
                requirement="自然人股东提交身份证复印件；法人股东提交营业执照复印件并加盖公章",
            ),
            _core(
                "法定代表人、董事、监事和经理的任职文件",
                requirement="股东会决议或股东决定等，按章程规定签署",
            ),
            _core(
                "住所（经营场所）使用证明",
                "copy",
                requirement="产权证明复印件及租赁合同；无产权证明的提交产权单位或村（居）委会证明",
            ),
            _PROXY,
        ),
    ),
    DemoItem(
        item_code="440500-SCJG-002",
        name="企业变更登记",
        department_code="SCJG",
        category_prefix="A",
        kind="promised",
        statutory_days=3,
        promised_days=2,
        tolerant_accept_allowed=True,
        fee_yuan="0",
        legal_basis="《中华人民共和国市场主体登记管理条例》第二十四条",
        materials=(
            _core("公司变更登记申请书", requirement="法定代表人签字"),
            _core("关于变更事项的决议或决定", requirement="股东会决议或股东决定，按章程规定签署"),
            _core("章程修正案或修改后的公司章程", requirement="涉及章程修改的提交，法定代表人签字"),
            _core("营业执照正、副本", requirement="换发营业执照时交回"),
            _PROXY,
        ),
    ),
    DemoItem(
        item_code="440500-SCJG-003",
        name="企业注销登记",
        department_code="SCJG",
        category_prefix="A",
        kind="promised",
        statutory_days=3,
        promised_days=2,
        tolerant_accept_allowed=False,
        fee_yuan="0",
        legal_basis="《中华人民共和国市场主体登记管理条例》第三十一条",
        materials=(
            _core("公司注销登记申请书", requirement="法定代表人或清算组负责人签字"),
            _core("清算报告", requirement="经股东会确认，清算组成员签字"),
            _core("清税证明", "copy", requirement="税务部门出具；已实现信息共享的免于提交"),
            _core("营业执照正、副本", requirement="全部交回；遗失的提交遗失声明"),
            _PROXY,
        ),
    ),
    DemoItem(
        item_code="440500-SCJG-004",
        name="个体工商户设立登记",
        department_code="SCJG",
        category_prefix="A",
        kind="instant",
        statutory_days=3,
        promised_days=0,
        tolerant_accept_allowed=False,
        fee_yuan="0",
        legal_basis="《中华人民共和国市场主体登记管理条例》第十九条；《促进个体工商户发展条例》",
        materials=(
            _core("个体工商户登记（备案）申请书", requirement="经营者本人签字"),
            _core(
                "经营者身份证明",
                "original_and_copy",
                requirement="身份证原件核验，复印件（正反面同页）留存",
            ),
            _core(
                "经营场所使用证明",
                "copy",
                requirement="产权证明或租赁合同复印件，经营者签字确认与原件一致",
            ),
            _PROXY,
        ),
    ),
    DemoItem(
        item_code="440500-SCJG-005",
        name="食品经营许可",
        department_code="SCJG",
        category_prefix="A",
        kind="promised",
        statutory_days=10,
        promised_days=5,
        tolerant_accept_allowed=True,
        fee_yuan="0",
        legal_basis="《中华人民共和国食品安全法》第三十五条；《食品经营许可和备案管理办法》",
        materials=(
            _core("食品经营许可申请书", requirement="法定代表人（负责人）签字并加盖公章"),
            _core(
                "经营场所平面布局图及设备布局、操作流程文件",
                requirement="按比例绘制，标明各功能区、设备位置及操作流程，A4或A3纸",
            ),
            _core(
                "保证食品安全的规章制度",
                requirement="含进货查验、从业人员健康管理、食品安全自查、事故处置等制度",
            ),
            _LICENCE_COPY,
            _aux(
                "食品安全管理人员身份证明及培训证明",
                "copy",
                requirement="身份证复印件及食品安全管理人员培训考核合格证明",
            ),
            _PROXY,
        ),
    ),
    DemoItem(
        item_code="440500-SCJG-006",
        name="药品经营许可（零售）",
        department_code="SCJG",
        category_prefix="A",
        kind="promised",
        statutory_days=20,
        promised_days=15,
        tolerant_accept_allowed=True,
        fee_yuan="0",
        legal_basis="《中华人民共和国药品管理法》第五十一条",
        materials=(
            _core("药品经营许可证申请表", requirement="加盖公章，法定代表人签字"),
            _core(
                "经营场所、仓库平面布局图及使用证明",
                requirement="标明营业区、仓储区面积和设施位置；附产权证明或租赁合同复印件",
            ),
            _core(
                "执业药师资格证书及注册证",
                "copy",
                requirement="注册地址与申请经营地址一致，复印件加盖公章",
            ),
            _core("药品质量管理制度文件", requirement="目录及主要制度全文，加盖公章"),
            _LICENCE_COPY,
            _PROXY,
        ),
    ),
    DemoItem(
        item_code="440500-SCJG-007",
        name="特种设备使用登记",
        department_code="SCJG",
        category_prefix="E",
        kind="promised",
        statutory_days=15,
        promised_days=5,
        tolerant_accept_allowed=False,
        fee_yuan="0",
        legal_basis="《中华人民共和国特种设备安全法》第三十三条",
        materials=(
            _core("特种设备使用登记表", copies=2, requirement="一式两份，加盖使用单位公章"),
            _core("产品合格证", "copy", requirement="含产品数据表，加盖使用单位公章"),
            _core(
                "安装监督检验证书",
                "copy",
                requirement="按规定需监督检验的设备提交，检验结论为合格",
            ),
            _LICENCE_COPY,
        ),
    ),
    DemoItem(
        item_code="440500-SCJG-008",
        name="股权出质设立登记",
        department_code="SCJG",
        category_prefix="A",
        kind="instant",
        statutory_days=3,
        promised_days=0,
        tolerant_accept_allowed=False,
        fee_yuan="0",
        legal_basis="《中华人民共和国民法典》第四百四十三条；《股权出质登记办法》",
        materials=(
            _core("股权出质设立登记申请书", requirement="出质人和质权人共同签字或盖章"),
            _core("质押合同", "original_and_copy", requirement="原件核验，复印件加盖双方公章"),
            _core(
                "出质人和质权人的主体资格证明",
                "copy",
                requirement="自然人提交身份证复印件，单位提交营业执照复印件并加盖公章",
            ),
            _PROXY,
        ),
    ),
)

# 住建局
_ZJ: tuple[DemoItem, ...] = (
    DemoItem(
        item_code="440500-ZJ-001",
        name="建筑工程施工许可证核发",
        department_code="ZJ",
        category_prefix="B",
        kind="promised",
        statutory_days=7,
        promised_days=3,
        tolerant_accept_allowed=True,
        fee_yuan="0",
        legal_basis="《中华人民共和国建筑法》第八条；《建筑工程施工许可管理办法》第五条",
        materials=(
            _core("建筑工程施工许可申请表", requirement="建设单位加盖公章，项目负责人签字"),
            _core("建设工程规划许可证", "copy", requirement="复印件加盖建设单位公章"),
            _core(
                "施工合同及中标通知书",
                "copy",
                requirement="依法必须招标的项目提交中标通知书，复印件加盖公章",
            ),
            _core("建设资金已经落实承诺书", requirement="建设单位法定代表人签字并加盖公章"),
            _aux(
                "施工图设计文件审查合格书",
                "copy",
                requirement="审查机构出具，复印件加盖建设单位公章",
            ),
            _PROXY,
        ),
    ),
    DemoItem(
        item_code="440500-ZJ-002",
        name="建筑业企业资质核准",
        department_code="ZJ",
        category_prefix="B",
        kind="promised",
        statutory_days=20,
        promised_days=15,
        tolerant_accept_allowed=True,
        fee_yuan="0",
        legal_basis="《中华人民共和国建筑法》第十三条；《建筑业企业资质管理规定》",
        materials=(
            _core("建筑业企业资质申请表", requirement="加盖公章，法定代表人签字"),
            _core(
                "技术负责人职称证书及社会保险缴费证明",
                "copy",
                requirement="近三个月社保缴费证明，复印件加盖公章",
            ),
            _aux(
                "注册建造师注册证书",
                "copy",
                requirement="注册在申请企业，电子证书打印件加盖公章",
            ),
            _LICENCE_COPY,
            _LEGAL_REP_ID,
        ),
    ),
    DemoItem(
        item_code="440500-ZJ-003",
        name="商品房预售许可",
        department_code="ZJ",
        category_prefix="B",
        kind="promised",
        statutory_days=10,
        promised_days=5,
        tolerant_accept_allowed=True,
        fee_yuan="0",
        legal_basis="《中华人民共和国城市房地产管理法》第四十五条；《城市商品房预售管理办法》第七条",
        materials=(
            _core("商品房预售许可申请表", requirement="开发企业加盖公章"),
            _core("不动产权证书（国有建设用地使用权）", "copy", requirement="复印件加盖公章"),
            _core(
                "建设工程规划许可证和施工许可证",
                "copy",
                requirement="复印件加盖公章",
            ),
            _core(
                "投入开发建设资金达到工程建设总投资25%以上的证明",
                requirement="监理单位或会计师事务所出具，附工程形象进度说明",
            ),
            _core("商品房预售方案", requirement="载明预售楼栋、套数、面积、价格及资金监管账户"),
            _aux(
                "房地产开发企业资质证书",
                "copy",
                requirement="有效期内，复印件加盖公章",
            ),
            _LICENCE_COPY,
        ),
    ),
    DemoItem(
        item_code="440500-ZJ-004",
        name="房屋建筑和市政基础设施工程竣工验收备案",
        department_code="ZJ",
        category_prefix="B",
        kind="promised",
        statutory_days=15,
        promised_days=5,
        tolerant_accept_allowed=False,
        fee_yuan="0",
        legal_basis="《建设工程质量管理条例》第四十九条",
        materials=(
            _core("工程竣工验收备案表", copies=2, requirement="一式两份，参建各方加盖公章"),
            _core("工程竣工验收报告", requirement="含验收时间、程序、内容、组织形式及验收意见"),
            _core(
                "规划、消防等部门出具的认可文件或准许使用文件",
                "copy",
                requirement="复印件加盖建设单位公章",
            ),
            _core("施工单位签署的工程质量保修书", requirement="加盖施工单位公章"),
            _aux(
                "住宅质量保证书和住宅使用说明书",
                requirement="商品住宅工程提交",
            ),
        ),
    ),
    DemoItem(
        item_code="440500-ZJ-005",
        name="燃气经营许可",
        department_code="ZJ",
        category_prefix="E",
        kind="promised",
        statutory_days=20,
        promised_days=15,
        tolerant_accept_allowed=True,
        fee_yuan="0",
        legal_basis="《城镇燃气管理条例》第十五条",
        materials=(
            _core("燃气经营许可申请书", requirement="加盖公章，法定代表人签字"),
            _core(
                "燃气设施建设工程竣工验收合格文件",
                "copy",
                requirement="含竣工验收备案文件，复印件加盖公章",
            ),
            _core("安全管理制度和事故应急预案", requirement="经企业主要负责人签发"),
            _aux(
                "主要负责人、安全生产管理人员及运行维护和抢修人员培训考核合格证明",
                "copy",
                requirement="复印件加盖公章",
            ),
            _LICENCE_COPY,
        ),
    ),
    DemoItem(
        item_code="440500-ZJ-006",
        name="建筑施工企业安全生产许可",
        department_code="ZJ",
        category_prefix="B",
        kind="promised",
        statutory_days=45,
        promised_days=20,
        tolerant_accept_allowed=True,
        fee_yuan="0",
        legal_basis="《安全生产许可证条例》第七条",
        materials=(
            _core("建筑施工企业安全生产许可证申请表", requirement="加盖公章"),
            _core(
                "安全生产责任制和安全生产管理制度",
                requirement="经企业主要负责人签发，加盖公章",
            ),
            _aux(
                "主要负责人、项目负责人、专职安全生产管理人员安全生产考核合格证书",
                "copy",
                requirement="复印件加盖公章",
            ),
            _aux("特种作业人员操作资格证书", "copy", requirement="复印件加盖公章"),
            _LICENCE_COPY,
        ),
    ),
)

# 自然资源局
_ZRZY: tuple[DemoItem, ...] = (
    DemoItem(
        item_code="440500-ZRZY-001",
        name="建设用地规划许可证核发",
        department_code="ZRZY",
        category_prefix="B",
        kind="promised",
        statutory_days=20,
        promised_days=10,
        tolerant_accept_allowed=True,
        fee_yuan="0",
        legal_basis="《中华人民共和国城乡规划法》第三十七条、第三十八条",
        materials=(
            _core("建设用地规划许可申请表", requirement="建设单位加盖公章"),
            _core("国有建设用地使用权出让合同", "copy", requirement="含附件，复印件加盖公章"),
            _core(
                "宗地图或勘测定界图",
                requirement="具有测绘资质的单位出具，加盖测绘成果专用章",
            ),
            _aux(
                "建设项目批准、核准或备案文件",
                "copy",
                requirement="发展改革部门出具，复印件加盖公章",
            ),
            _PROXY,
        ),
    ),
    DemoItem(
        item_code="440500-ZRZY-002",
        name="建设工程规划许可证核发",
        department_code="ZRZY",
        category_prefix="B",
        kind="promised",
        statutory_days=20,
        promised_days=10,
        tolerant_accept_allowed=True,
        fee_yuan="0",
        legal_basis="《中华人民共和国城乡规划法》第四十条",
        materials=(
            _core("建设工程规划许可申请表", requirement="建设单位加盖公章"),
            _core("土地权属证明", "copy", requirement="不动产权证书或土地出让合同，复印件加盖公章"),
            _core(
                "建设工程设计方案（含总平面图）",
                copies=2,
                requirement="加盖设计单位出图章及注册建筑师执业印章，一式两份",
            ),
            _aux("建设用地规划许可证", "copy", requirement="复印件加盖公章"),
            _PROXY,
        ),
    ),
    DemoItem(
        item_code="440500-ZRZY-003",
        name="建设项目用地预审与选址意见书核发",
        department_code="ZRZY",
        category_prefix="B",
        kind="promised",
        statutory_days=20,
        promised_days=10,
        tolerant_accept_allowed=False,
        fee_yuan="0",
        legal_basis="《中华人民共和国土地管理法》第五十二条；《中华人民共和国城乡规划法》第三十六条",
        materials=(
            _core("建设项目用地预审与选址申请表", requirement="建设单位加盖公章"),
            _core(
                "建设项目用地预审与选址申请报告", requirement="载明拟用地面积、位置及规划符合情况"
            ),
            _core(
                "标注项目用地范围的土地利用现状图和国土空间规划图",
                requirement="比例尺不小于1:10000，标注用地范围及坐标",
            ),
            _core("项目建议书批复或其他立项文件", "copy", requirement="复印件加盖公章"),
        ),
    ),
)

# 不动产登记中心
_BDC: tuple[DemoItem, ...] = (
    DemoItem(
        item_code="440500-BDC-001",
        name="存量房转让登记",
        department_code="BDC",
        category_prefix="C",
        kind="promised",
        statutory_days=30,
        promised_days=5,
        tolerant_accept_allowed=False,
        fee_yuan="80",
        legal_basis="《不动产登记暂行条例》第十四条、第二十条",
        materials=(
            _core("不动产登记申请书", requirement="买卖双方签字（盖章），如实填写"),
            _PARTIES_ID,
            _core("不动产权证书", requirement="原件收回"),
            _core("存量房买卖合同", requirement="网签备案合同原件"),
            _core(
                "完税凭证",
                "copy",
                requirement="契税、个人所得税、增值税完税或减免税证明；已共享的免于提交",
            ),
            _aux(
                "婚姻状况证明或声明",
                requirement="已婚的提交结婚证及配偶同意出售的书面意见",
            ),
        ),
    ),
    DemoItem(
        item_code="440500-BDC-002",
        name="国有建设用地使用权首次登记",
        department_code="BDC",
        category_prefix="C",
        kind="promised",
        statutory_days=30,
        promised_days=5,
        tolerant_accept_allowed=True,
        fee_yuan="550",
        legal_basis="《不动产登记暂行条例》第十四条、第十六条",
        materials=(
            _core("不动产登记申请书", requirement="加盖公章"),
            _core("国有建设用地使用权出让合同", "copy", requirement="含附件，复印件加盖公章"),
            _core("土地出让价款缴纳凭证", "copy", requirement="复印件加盖公章"),
            _core(
                "不动产权籍调查成果",
                requirement="含地籍调查表、宗地图及界址点坐标，测绘单位盖章",
            ),
            _core("契税完税凭证", "copy", requirement="已共享的免于提交"),
            _LICENCE_COPY,
            _PROXY,
        ),
    ),
    DemoItem(
        item_code="440500-BDC-003",
        name="新建商品房转移登记",
        department_code="BDC",
        category_prefix="C",
        kind="promised",
        statutory_days=30,
        promised_days=5,
        tolerant_accept_allowed=False,
        fee_yuan="80",
        legal_basis="《不动产登记暂行条例》第十四条",
        materials=(
            _core("不动产登记申请书", requirement="买卖双方签字（盖章）"),
            _PARTIES_ID,
            _core("商品房买卖合同", requirement="网签备案合同原件"),
            _core("契税完税凭证", "copy", requirement="已共享的免于提交"),
            _aux("房屋交付证明", requirement="开发企业出具并加盖公章"),
        ),
    ),
    DemoItem(
        item_code="440500-BDC-004",
        name="抵押权首次登记",
        department_code="BDC",
        category_prefix="C",
        kind="promised",
        statutory_days=30,
        promised_days=2,
        tolerant_accept_allowed=True,
        fee_yuan="80",
        legal_basis="《中华人民共和国民法典》第四百零二条；《不动产登记暂行条例》第十四条",
        materials=(
            _core("不动产登记申请书", requirement="抵押人和抵押权人共同签字（盖章）"),
            _core("不动产权证书", requirement="原件核验"),
            _core("抵押合同及主债权合同", requirement="原件，双方签字（盖章）"),
            _PARTIES_ID,
            _aux(
                "抵押权人金融许可证或营业执照复印件",
                "copy",
                requirement="加盖抵押权人公章",
            ),
            _PROXY,
        ),
    ),
    DemoItem(
        item_code="440500-BDC-005",
        name="抵押权注销登记",
        department_code="BDC",
        category_prefix="C",
        kind="instant",
        statutory_days=30,
        promised_days=0,
        tolerant_accept_allowed=False,
        fee_yuan="0",
        legal_basis="《不动产登记暂行条例》第十四条",
        materials=(
            _core("不动产登记申请书", requirement="抵押权人签字（盖章）"),
            _core("不动产登记证明（抵押权）", requirement="原件收回"),
            _core(
                "抵押权消灭的材料",
                requirement="抵押权人出具的解押证明或同意注销的书面材料",
            ),
            _PROXY,
        ),
    ),
    DemoItem(
        item_code="440500-BDC-006",
        name="不动产登记资料查询",
        department_code="BDC",
        category_prefix="C",
        kind="instant",
        statutory_days=5,
        promised_days=0,
        tolerant_accept_allowed=False,
        fee_yuan="0",
        legal_basis="《不动产登记暂行条例》第二十七条；《不动产登记资料查询暂行办法》",
        materials=(
            _core("不动产登记资料查询申请书", requirement="查询人签字，写明查询目的和范围"),
            _core(
                "查询人身份证明",
                "original_and_copy",
                requirement="身份证原件核验，复印件留存",
            ),
            _aux("利害关系证明材料", requirement="利害关系人查询时提交"),
            _PROXY,
        ),
    ),
    DemoItem(
        item_code="440500-BDC-007",
        name="不动产更正登记",
        department_code="BDC",
        category_prefix="C",
        kind="promised",
        statutory_days=30,
        promised_days=10,
        tolerant_accept_allowed=False,
        fee_yuan="0",
        legal_basis="《中华人民共和国民法典》第二百二十条；《不动产登记暂行条例》第二十条",
        materials=(
            _core("不动产登记申请书", requirement="权利人或利害关系人签字（盖章）"),
            _PARTIES_ID,
            _core("不动产权证书", requirement="涉及证书记载事项更正的提交原件"),
            _core("证实登记确有错误的材料", "original_and_copy", requirement="原件核验"),
        ),
    ),
)

# 交通运输局
_JT: tuple[DemoItem, ...] = (
    DemoItem(
        item_code="440500-JT-001",
        name="道路旅客运输经营许可",
        department_code="JT",
        category_prefix="E",
        kind="promised",
        statutory_days=20,
        promised_days=10,
        tolerant_accept_allowed=True,
        fee_yuan="0",
        legal_basis="《中华人民共和国道路运输条例》第八条、第十条",
        materials=(
            _core("道路旅客运输经营申请表", requirement="加盖公章"),
            _core("可行性报告", requirement="含客源、经济效益及申请线路分析"),
            _core("拟投入车辆承诺书", requirement="载明车辆数量、类型、技术等级"),
            _core("安全生产管理制度文本", requirement="含安全生产责任制、操作规程等"),
            _aux(
                "拟聘用驾驶人员的驾驶证和从业资格证",
                "copy",
                requirement="复印件加盖公章",
            ),
            _LICENCE_COPY,
        ),
    ),
    DemoItem(
        item_code="440500-JT-002",
        name="道路货物运输经营许可",
        department_code="JT",
        category_prefix="E",
        kind="promised",
        statutory_days=20,
        promised_days=5,
        tolerant_accept_allowed=True,
        fee_yuan="0",
        legal_basis="《中华人民共和国道路运输条例》第二十一条、第二十二条",
        materials=(
            _core("道路货物运输经营申请表", requirement="加盖公章或申请人签字"),
            _core("拟投入车辆承诺书", requirement="载明车辆数量、类型、技术性能"),
            _core("安全生产管理制度文本", requirement="含安全生产责任制、操作规程等"),
            _aux("拟聘用驾驶人员的从业资格证", "copy", requirement="复印件加盖公章"),
            _LICENCE_COPY,
        ),
    ),
    DemoItem(
        item_code="440500-JT-003",
        name="机动车维修经营备案",
        department_code="JT",
        category_prefix="E",
        kind="instant",
        statutory_days=5,
        promised_days=0,
        tolerant_accept_allowed=False,
        fee_yuan="0",
        legal_basis="《中华人民共和国道路运输条例》第三十七条；《机动车维修管理规定》",
        materials=(
            _core("机动车维修经营备案表", requirement="加盖公章"),
            _core("维修设备设施汇总表", requirement="列明设备名称、型号、数量"),
            _core("维修技术人员汇总表", requirement="附技术负责人、质量检验人员名单"),
            _LICENCE_COPY,
        ),
    ),
    DemoItem(
        item_code="440500-JT-004",
        name="网络预约出租汽车运输证核发",
        department_code="JT",
        category_prefix="E",
        kind="promised",
        statutory_days=20,
        promised_days=5,
        tolerant_accept_allowed=False,
        fee_yuan="0",
        legal_basis="《网络预约出租汽车经营服务管理暂行办法》第十二条、第十三条",
        materials=(
            _core("网络预约出租汽车运输证申请表", requirement="车辆所有人签字或盖章"),
            _core(
                "机动车行驶证",
                "original_and_copy",
                requirement="使用性质登记为预约出租客运，原件核验",
            ),
            _core(
                "车载卫星定位装置和应急报警装置安装证明",
                requirement="安装单位出具",
            ),
            _aux("网约车平台公司同意接入证明", requirement="平台公司加盖公章"),
        ),
    ),
    DemoItem(
        item_code="440500-JT-005",
        name="涉路施工许可",
        department_code="JT",
        category_prefix="B",
        kind="promised",
        statutory_days=20,
        promised_days=10,
        tolerant_accept_allowed=True,
        fee_yuan="0",
        legal_basis="《中华人民共和国公路法》第四十四条、第四十五条",
        materials=(
            _core("涉路施工许可申请书", requirement="加盖公章，注明涉路路段和桩号"),
            _core("设计和施工方案", requirement="含施工组织、交通组织方案"),
            _core(
                "保障公路及附属设施质量和安全的技术评价报告",
                requirement="具备相应资质的单位出具",
            ),
            _aux("处置施工险情和意外事故的应急预案", requirement="加盖公章"),
            _PROXY,
        ),
    ),
)

# 城管局
_CG: tuple[DemoItem, ...] = (
    DemoItem(
        item_code="440500-CG-001",
        name="临时占用城市道路许可",
        department_code="CG",
        category_prefix="E",
        kind="instant",
        statutory_days=20,
        promised_days=0,
        tolerant_accept_allowed=False,
        fee_yuan="0",
        legal_basis="《城市道路管理条例》第三十一条",
        materials=(
            _core(
                "临时占用城市道路申请表",
                requirement="注明占用地点、面积、期限及用途，申请人签字或盖章",
            ),
            _core(
                "占道位置平面示意图",
                requirement="标注占道范围、尺寸及安全围挡位置，A4纸",
            ),
            _core(
                "申请人身份证明或营业执照复印件",
                "copy",
                requirement="单位申请的加盖公章",
            ),
            _aux(
                "公安交通管理部门意见",
                "copy",
                requirement="影响交通安全的，先征得公安交通管理部门同意",
            ),
            _PROXY,
        ),
    ),
    DemoItem(
        item_code="440500-CG-002",
        name="城市道路挖掘许可",
        department_code="CG",
        category_prefix="B",
        kind="promised",
        statutory_days=20,
        promised_days=5,
        tolerant_accept_allowed=True,
        fee_yuan="0",
        legal_basis="《城市道路管理条例》第三十三条",
        materials=(
            _core("挖掘城市道路申请表", requirement="注明挖掘地点、面积、期限，加盖公章"),
            _core("城市规划部门批准签发的文件", "copy", requirement="复印件加盖公章"),
            _core("施工设计图及施工方案", requirement="标明挖掘范围、管线走向及恢复方案"),
            _aux("施工安全和交通疏导方案", requirement="加盖施工单位公章"),
            _PROXY,
        ),
    ),
    DemoItem(
        item_code="440500-CG-003",
        name="户外广告设施设置审批",
        department_code="CG",
        category_prefix="E",
        kind="promised",
        statutory_days=20,
        promised_days=5,
        tolerant_accept_allowed=True,
        fee_yuan="0",
        legal_basis="《城市市容和环境卫生管理条例》第十一条",
        materials=(
            _core("户外广告设施设置申请表", requirement="加盖公章或申请人签字"),
            _core(
                "广告设施设计图及实景效果图",
                requirement="标明规格、材质、设置位置，彩色打印",
            ),
            _core("设置场地使用权证明", "copy", requirement="产权证明或场地使用协议复印件"),
            _aux(
                "结构安全检测报告",
                requirement="大型户外广告设施提交，由具备资质的机构出具",
            ),
            _LICENCE_COPY,
        ),
    ),
    DemoItem(
        item_code="440500-CG-004",
        name="城市建筑垃圾处置核准",
        department_code="CG",
        category_prefix="B",
        kind="promised",
        statutory_days=20,
        promised_days=3,
        tolerant_accept_allowed=True,
        fee_yuan="0",
        legal_basis="《国务院对确需保留的行政审批项目设定行政许可的决定》第101项；"
        "《城市建筑垃圾管理规定》第七条",
        materials=(
            _core("城市建筑垃圾处置核准申请表", requirement="建设单位或施工单位加盖公章"),
            _core(
                "建筑垃圾处置方案",
                requirement="载明建筑垃圾种类、数量、运输路线及消纳场所",
            ),
            _core("与核准运输单位签订的运输合同", "copy", requirement="复印件加盖公章"),
            _aux("消纳场所受纳证明", requirement="消纳场所经营单位出具"),
            _aux("建筑工程施工许可证", "copy", requirement="复印件加盖公章"),
        ),
    ),
    DemoItem(
        item_code="440500-CG-005",
        name="砍伐城市树木审批",
        department_code="CG",
        category_prefix="E",
        kind="promised",
        statutory_days=20,
        promised_days=10,
        tolerant_accept_allowed=False,
        fee_yuan="0",
        legal_basis="《城市绿化条例》第二十条",
        materials=(
            _core("砍伐城市树木申请表", requirement="注明树种、数量、胸径及砍伐理由"),
            _core("树木现状照片及位置图", requirement="彩色照片，位置图标注树木编号"),
            _core("补植或补偿方案", requirement="载明补植地点、树种、规格和数量"),
            _aux("建设项目批准文件", "copy", requirement="因工程建设需要砍伐的提交"),
        ),
    ),
)

# 卫健局
_WJ: tuple[DemoItem, ...] = (
    DemoItem(
        item_code="440500-WJ-001",
        name="公共场所卫生许可",
        department_code="WJ",
        category_prefix="A",
        kind="promised",
        statutory_days=20,
        promised_days=5,
        tolerant_accept_allowed=True,
        fee_yuan="0",
        legal_basis="《公共场所卫生管理条例》第八条；《公共场所卫生管理条例实施细则》",
        materials=(
            _core("公共场所卫生许可申请表", requirement="法定代表人（负责人）签字并加盖公章"),
            _core(
                "公共场所地址方位示意图、平面图和卫生设施平面布局图",
                requirement="按比例绘制，标明卫生设施位置，A4或A3纸",
            ),
            _core(
                "公共场所卫生检测或评价报告",
                requirement="具备资质的检测机构出具，一年内有效",
            ),
            _core("公共场所卫生管理制度", requirement="加盖公章"),
            _aux("从业人员健康合格证明", "copy", requirement="有效期内的健康证明，列明人员名单"),
            _LICENCE_COPY,
            _PROXY,
        ),
    ),
    DemoItem(
        item_code="440500-WJ-002",
        name="医疗机构执业登记",
        department_code="WJ",
        category_prefix="E",
        kind="promised",
        statutory_days=45,
        promised_days=20,
        tolerant_accept_allowed=True,
        fee_yuan="0",
        legal_basis="《医疗机构管理条例》第十五条；《医疗机构管理条例实施细则》",
        materials=(
            _core("医疗机构执业登记申请书", requirement="法定代表人（主要负责人）签字"),
            _core("设置医疗机构批准书或备案回执", "copy", requirement="复印件加盖公章"),
            _core(
                "医疗机构用房产权证明或使用证明",
                "copy",
                requirement="租赁的提交租赁合同，租期不少于三年",
            ),
            _core("医疗机构建筑设计平面图", requirement="标明各科室布局及面积"),
            _core("医疗机构规章制度", requirement="含医疗质量、安全管理和感染控制制度"),
            _aux(
                "卫生技术人员名录及执业证书",
                "copy",
                requirement="医师、护士执业证书复印件，加盖公章",
            ),
        ),
    ),
    DemoItem(
        item_code="440500-WJ-003",
        name="医师执业注册",
        department_code="WJ",
        category_prefix="D",
        kind="promised",
        statutory_days=20,
        promised_days=5,
        tolerant_accept_allowed=True,
        fee_yuan="0",
        legal_basis="《中华人民共和国医师法》第十三条",
        materials=(
            _core("医师执业注册申请审核表", requirement="申请人签字，拟执业机构盖章"),
            _core(
                "医师资格证书",
                "original_and_copy",
                requirement="原件核验，复印件留存",
            ),
            _core(
                "健康体检证明",
                requirement="申请前六个月内二级以上医疗机构出具",
            ),
            _core("拟执业医疗机构聘用证明", requirement="加盖医疗机构公章"),
            _aux("近期一寸免冠彩色照片", copies=2, requirement="白色背景"),
        ),
    ),
    DemoItem(
        item_code="440500-WJ-004",
        name="护士执业注册",
        department_code="WJ",
        category_prefix="D",
        kind="promised",
        statutory_days=20,
        promised_days=5,
        tolerant_accept_allowed=True,
        fee_yuan="0",
        legal_basis="《护士条例》第七条、第八条",
        materials=(
            _core("护士执业注册申请审核表", requirement="申请人签字，拟执业机构盖章"),
            _core("护士执业资格考试成绩合格证明", requirement="打印件，三年内有效"),
            _core("学历证书", "original_and_copy", requirement="原件核验，复印件留存"),
            _core("健康体检证明", requirement="申请前六个月内二级以上医疗机构出具"),
            _aux("医疗卫生机构拟聘用证明", requirement="加盖医疗卫生机构公章"),
        ),
    ),
)

# 人社局
_RS: tuple[DemoItem, ...] = (
    DemoItem(
        item_code="440500-RS-001",
        name="社会保障卡补换",
        department_code="RS",
        category_prefix="D",
        kind="instant",
        statutory_days=1,
        promised_days=0,
        tolerant_accept_allowed=False,
        fee_yuan="0",
        legal_basis="《中华人民共和国社会保险法》第五十八条",
        materials=(
            _core("居民身份证", requirement="本人有效身份证原件"),
            _aux("近期免冠彩色照片", requirement="现场采集的免于提交"),
            _PROXY,
        ),
    ),
    DemoItem(
        item_code="440500-RS-002",
        name="失业保险金申领",
        department_code="RS",
        category_prefix="D",
        kind="promised",
        statutory_days=10,
        promised_days=3,
        tolerant_accept_allowed=False,
        fee_yuan="0",
        legal_basis="《中华人民共和国社会保险法》第四十五条；《失业保险条例》第十六条",
        materials=(
            _APPLICANT_ID,
            _core("解除或者终止劳动关系的证明", requirement="原用人单位出具并加盖公章"),
            _aux("本人社会保障卡或银行卡", "copy", requirement="用于发放失业保险金"),
        ),
    ),
    DemoItem(
        item_code="440500-RS-003",
        name="就业创业证申领",
        department_code="RS",
        category_prefix="D",
        kind="instant",
        statutory_days=5,
        promised_days=0,
        tolerant_accept_allowed=False,
        fee_yuan="0",
        legal_basis="《就业服务与就业管理规定》第六十三条",
        materials=(
            _APPLICANT_ID,
            _aux("户口簿或居住证", "original_and_copy", requirement="非本市户籍人员提交居住证"),
        ),
    ),
    DemoItem(
        item_code="440500-RS-004",
        name="单位社会保险登记",
        department_code="RS",
        category_prefix="A",
        kind="instant",
        statutory_days=15,
        promised_days=0,
        tolerant_accept_allowed=False,
        fee_yuan="0",
        legal_basis="《中华人民共和国社会保险法》第五十七条",
        materials=(
            _core("社会保险登记表", requirement="加盖单位公章"),
            _core("营业执照副本复印件", "copy", requirement="加盖公章；已共享的免于提交"),
            _PROXY,
        ),
    ),
    DemoItem(
        item_code="440500-RS-005",
        name="人力资源服务许可",
        department_code="RS",
        category_prefix="E",
        kind="promised",
        statutory_days=20,
        promised_days=10,
        tolerant_accept_allowed=True,
        fee_yuan="0",
        legal_basis="《人力资源市场暂行条例》第十八条",
        materials=(
            _core("人力资源服务许可申请书", requirement="加盖公章，法定代表人签字"),
            _core("经营场所使用证明", "copy", requirement="产权证明或租赁合同复印件"),
            _core("人力资源服务工作制度", requirement="含服务流程、收费标准、信息管理制度"),
            _aux(
                "专职工作人员学历或职业资格证明",
                "copy",
                requirement="不少于5名专职人员，复印件加盖公章",
            ),
            _LICENCE_COPY,
        ),
    ),
    DemoItem(
        item_code="440500-RS-006",
        name="劳务派遣经营许可",
        department_code="RS",
        category_prefix="A",
        kind="promised",
        statutory_days=20,
        promised_days=10,
        tolerant_accept_allowed=True,
        fee_yuan="0",
        legal_basis="《中华人民共和国劳动合同法》第五十七条；《劳务派遣行政许可实施办法》",
        materials=(
            _core("劳务派遣经营许可申请书", requirement="加盖公章"),
            _core(
                "公司章程及出资证明",
                "copy",
                requirement="实缴注册资本不少于人民币二百万元",
            ),
            _core("经营场所使用证明", "copy", requirement="产权证明或租赁合同复印件"),
            _core("劳务派遣管理制度", requirement="含劳动合同、劳动报酬、社会保险等制度"),
            _LICENCE_COPY,
            _LEGAL_REP_ID,
        ),
    ),
)

# 税务局
_SW: tuple[DemoItem, ...] = (
    DemoItem(
        item_code="440500-SW-001",
        name="发票领用",
        department_code="SW",
        category_prefix="A",
        kind="instant",
        statutory_days=5,
        promised_days=0,
        tolerant_accept_allowed=False,
        fee_yuan="0",
        legal_basis="《中华人民共和国发票管理办法》第十五条",
        materials=(
            _core("纳税人领用发票票种核定表", requirement="加盖公章"),
            _core("经办人身份证件", "original_and_copy", requirement="原件核验，复印件留存"),
            _LICENCE_COPY,
        ),
    ),
    DemoItem(
        item_code="440500-SW-002",
        name="增值税一般纳税人登记",
        department_code="SW",
        category_prefix="A",
        kind="instant",
        statutory_days=1,
        promised_days=0,
        tolerant_accept_allowed=False,
        fee_yuan="0",
        legal_basis="《增值税一般纳税人登记管理办法》第五条",
        materials=(
            _core("增值税一般纳税人登记表", copies=2, requirement="一式两份，加盖公章"),
            _LICENCE_COPY,
        ),
    ),
    DemoItem(
        item_code="440500-SW-003",
        name="开具税收完税证明",
        department_code="SW",
        category_prefix="E",
        kind="instant",
        statutory_days=1,
        promised_days=0,
        tolerant_accept_allowed=False,
        fee_yuan="0",
        legal_basis="《中华人民共和国税收征收管理法》第三十四条",
        materials=(
            _core("纳税人身份证明", "original_and_copy", requirement="原件核验，复印件留存"),
            _aux("完税凭证或缴款记录", "copy", requirement="已在系统中可查的免于提交"),
        ),
    ),
    DemoItem(
        item_code="440500-SW-004",
        name="注销税务登记",
        department_code="SW",
        category_prefix="E",
        kind="promised",
        statutory_days=20,
        promised_days=3,
        tolerant_accept_allowed=True,
        fee_yuan="0",
        legal_basis="《中华人民共和国税收征收管理法》第十六条；"
        "《中华人民共和国税收征收管理法实施细则》第十五条",
        materials=(
            _core("清税申报表", requirement="加盖公章"),
            _core("未验旧、未使用发票及税控设备", requirement="现场缴销"),
            _aux(
                "股东会决议或上级主管部门批复",
                "copy",
                requirement="复印件加盖公章",
            ),
            _PROXY,
        ),
    ),
)

# 公安局
_GA: tuple[DemoItem, ...] = (
    DemoItem(
        item_code="440500-GA-001",
        name="居住证签发",
        department_code="GA",
        category_prefix="D",
        kind="promised",
        statutory_days=15,
        promised_days=10,
        tolerant_accept_allowed=False,
        fee_yuan="0",
        legal_basis="《居住证暂行条例》第九条、第十条",
        materials=(
            _core("居住证申领登记表", requirement="申请人签字"),
            _APPLICANT_ID,
            _core(
                "合法稳定就业、合法稳定住所或连续就读证明",
                "copy",
                requirement="劳动合同、租赁合同或学校出具的在读证明",
            ),
            _aux("近期一寸免冠彩色照片", requirement="现场采集的免于提交"),
        ),
    ),
    DemoItem(
        item_code="440500-GA-002",
        name="户口迁入（投靠亲属）",
        department_code="GA",
        category_prefix="D",
        kind="promised",
        statutory_days=20,
        promised_days=10,
        tolerant_accept_allowed=False,
        fee_yuan="0",
        legal_basis="《中华人民共和国户口登记条例》第十三条",
        materials=(
            _core("户口迁入申请表", requirement="申请人及被投靠人签字"),
            _core(
                "申请人及被投靠人居民户口簿",
                "original_and_copy",
                requirement="原件核验，复印件留存",
            ),
            _core(
                "亲属关系证明",
                "original_and_copy",
                requirement="结婚证、出生医学证明等，原件核验",
            ),
            _aux("合法稳定住所证明", "copy", requirement="不动产权证书或租赁合同复印件"),
        ),
    ),
    DemoItem(
        item_code="440500-GA-003",
        name="印章刻制备案",
        department_code="GA",
        category_prefix="A",
        kind="instant",
        statutory_days=1,
        promised_days=0,
        tolerant_accept_allowed=False,
        fee_yuan="0",
        legal_basis="《国务院关于国家行政机关和企业事业单位社会团体印章管理的规定》",
        materials=(
            _core("印章刻制备案表", requirement="加盖单位公章或法定代表人签字"),
            _core("营业执照副本复印件", "copy", requirement="加盖公章；已共享的免于提交"),
            _LEGAL_REP_ID,
            _PROXY,
        ),
    ),
)

# 民政局
_MZ: tuple[DemoItem, ...] = (
    DemoItem(
        item_code="440500-MZ-001",
        name="社会团体成立登记",
        department_code="MZ",
        category_prefix="D",
        kind="promised",
        statutory_days=60,
        promised_days=20,
        tolerant_accept_allowed=True,
        fee_yuan="0",
        legal_basis="《社会团体登记管理条例》第十一条、第十二条",
        materials=(
            _core("社会团体成立登记申请书", requirement="发起人签字"),
            _core("业务主管单位批准文件", requirement="原件"),
            _core("章程草案", requirement="经会员大会或会员代表大会通过"),
            _core(
                "验资报告和场所使用权证明",
                "copy",
                requirement="验资报告由会计师事务所出具，复印件加盖公章",
            ),
            _aux(
                "发起人和拟任负责人的基本情况及身份证明",
                "copy",
                requirement="身份证复印件及简历",
            ),
        ),
    ),
    DemoItem(
        item_code="440500-MZ-002",
        name="民办非企业单位成立登记",
        department_code="MZ",
        category_prefix="D",
        kind="promised",
        statutory_days=60,
        promised_days=20,
        tolerant_accept_allowed=True,
        fee_yuan="0",
        legal_basis="《民办非企业单位登记管理暂行条例》第九条、第十条",
        materials=(
            _core("民办非企业单位成立登记申请书", requirement="举办者签字或盖章"),
            _core("业务主管单位批准文件", requirement="原件"),
            _core("章程草案", requirement="经举办者签署"),
            _core("场所使用权证明", "copy", requirement="产权证明或租赁合同复印件"),
            _core("验资报告", requirement="会计师事务所出具"),
            _aux("拟任负责人的基本情况及身份证明", "copy", requirement="身份证复印件及简历"),
        ),
    ),
    DemoItem(
        item_code="440500-MZ-003",
        name="养老机构备案",
        department_code="MZ",
        category_prefix="D",
        kind="instant",
        statutory_days=1,
        promised_days=0,
        tolerant_accept_allowed=False,
        fee_yuan="0",
        legal_basis="《中华人民共和国老年人权益保障法》第四十三条；《养老机构管理办法》",
        materials=(
            _core("养老机构备案书", requirement="加盖公章"),
            _core("养老机构备案承诺书", requirement="法定代表人签字并加盖公章"),
            _aux("登记证书或营业执照复印件", "copy", requirement="加盖公章"),
        ),
    ),
)

# 生态环境局
_STHJ: tuple[DemoItem, ...] = (
    DemoItem(
        item_code="440500-STHJ-001",
        name="建设项目环境影响报告表审批",
        department_code="STHJ",
        category_prefix="B",
        kind="promised",
        statutory_days=30,
        promised_days=10,
        tolerant_accept_allowed=True,
        fee_yuan="0",
        legal_basis="《中华人民共和国环境影响评价法》第二十二条",
        materials=(
            _core("建设项目环境影响报告表审批申请", requirement="建设单位加盖公章"),
            _core(
                "建设项目环境影响报告表",
                requirement="编制单位和编制人员署名盖章，附删除涉密内容的公开版本",
            ),
            _aux("项目备案或核准文件", "copy", requirement="复印件加盖公章"),
            _LICENCE_COPY,
        ),
    ),
    DemoItem(
        item_code="440500-STHJ-002",
        name="排污许可证核发",
        department_code="STHJ",
        category_prefix="B",
        kind="promised",
        statutory_days=30,
        promised_days=15,
        tolerant_accept_allowed=False,
        fee_yuan="0",
        legal_basis="《中华人民共和国环境保护法》第四十五条；《排污许可管理条例》",
        materials=(
            _core("排污许可证申请表", requirement="通过全国排污许可证管理信息平台填报后打印盖章"),
            _core("自行监测方案", requirement="载明监测点位、指标、频次"),
            _core("守法承诺书", requirement="法定代表人签字并加盖公章"),
            _core("环境影响评价文件审批意见", "copy", requirement="复印件加盖公章"),
        ),
    ),
)

# 医保局
_YB: tuple[DemoItem, ...] = (
    DemoItem(
        item_code="440500-YB-001",
        name="异地就医备案",
        department_code="YB",
        category_prefix="D",
        kind="instant",
        statutory_days=1,
        promised_days=0,
        tolerant_accept_allowed=False,
        fee_yuan="0",
        legal_basis="《中华人民共和国社会保险法》第二十九条",
        materials=(
            _core("基本医疗保险参保人员异地就医备案表", requirement="参保人签字"),
            _core("居民身份证或社会保障卡", requirement="原件核验"),
            _PROXY,
        ),
    ),
)

# 文广旅体局
_WGLT: tuple[DemoItem, ...] = (
    DemoItem(
        item_code="440500-WGLT-001",
        name="娱乐场所经营许可",
        department_code="WGLT",
        category_prefix="A",
        kind="promised",
        statutory_days=20,
        promised_days=10,
        tolerant_accept_allowed=True,
        fee_yuan="0",
        legal_basis="《娱乐场所管理条例》第九条",
        materials=(
            _core("娱乐场所经营许可申请书", requirement="法定代表人签字并加盖公章"),
            _core("经营场所平面图", requirement="标明包厢、通道、出入口及面积"),
            _core("消防安全检查合格证明或承诺书", "copy", requirement="复印件加盖公章"),
            _aux(
                "投资人、法定代表人、主要负责人身份证明及无犯罪承诺",
                "copy",
                requirement="身份证复印件及本人签字的承诺书",
            ),
            _LICENCE_COPY,
        ),
    ),
    DemoItem(
        item_code="440500-WGLT-002",
        name="旅行社业务经营许可",
        department_code="WGLT",
        category_prefix="A",
        kind="promised",
        statutory_days=20,
        promised_days=10,
        tolerant_accept_allowed=True,
        fee_yuan="0",
        legal_basis="《中华人民共和国旅游法》第二十八条；《旅行社条例》第六条",
        materials=(
            _core("旅行社业务经营许可申请书", requirement="加盖公章"),
            _core("经营场所证明", "copy", requirement="产权证明或一年以上租赁合同复印件"),
            _core("营业设施、设备证明", requirement="列明电话、传真、电脑等设施清单"),
            _core("旅游服务质量保证金存缴证明", requirement="银行出具的存款证明或担保函"),
            _LICENCE_COPY,
        ),
    ),
)

# 住房公积金管理中心
_GJJ: tuple[DemoItem, ...] = (
    DemoItem(
        item_code="440500-GJJ-001",
        name="住房公积金提取（购买自住住房）",
        department_code="GJJ",
        category_prefix="D",
        kind="instant",
        statutory_days=3,
        promised_days=0,
        tolerant_accept_allowed=False,
        fee_yuan="0",
        legal_basis="《住房公积金管理条例》第二十四条、第二十五条",
        materials=(
            _core("住房公积金提取申请表", requirement="职工本人签字"),
            _APPLICANT_ID,
            _core(
                "购房合同及购房发票",
                "copy",
                requirement="原件核验，复印件留存",
            ),
            _aux("婚姻状况证明", "copy", requirement="配偶共同提取时提交"),
            _aux("本人银行卡", "copy", requirement="一类银行结算账户"),
        ),
    ),
)


ITEMS: tuple[DemoItem, ...] = (
    _SCJG
    + _ZJ
    + _ZRZY
    + _BDC
    + _JT
    + _CG
    + _WJ
    + _RS
    + _SW
    + _GA
    + _MZ
    + _STHJ
    + _YB
    + _WGLT
    + _GJJ
)
