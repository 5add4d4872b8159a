"""The catalog file (事项目录): departments, items and their materials, one row per material.

One flat table, the same in .xlsx and .csv: each row names its department and item, and one
material of the item (the item's columns repeat on each of its rows, and must agree); an item
without materials has one row with the material columns blank; a row with only the
department columns adds or renames a department. Matched by natural key: a department by its
code, a category by its prefix, an item by its code, a material by its name within its item.
An item listed in the file gets exactly the file's materials (one no case used may go);
items and departments not in the file are left alone (retire an item with 状态 停用).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from clerk_app.domain.catalog import item_limit_problems
from clerk_app.services.imports import values as v
from clerk_app.services.imports.report import ImportReport, Problem, RowProblem
from clerk_app.services.imports.table import Column, SourceRow

C = Column
DEPARTMENT_CODE = C("department_code", "部门编码", "Department code")
DEPARTMENT_NAME = C("department_name", "部门名称", "Department name", aliases=("实施部门",))
ITEM_CODE = C("item_code", "事项编码", "Item code", aliases=("实施编码",))
ITEM_NAME = C("item_name", "事项名称", "Item name")
CATEGORY = C("category", "业务类别", "Category", aliases=("队列", "号票类别"))
CATEGORY_NAME = C("category_name", "业务类别名称", "Category name", required=False)
KIND = C("kind", "办件类型", "Kind", aliases=("事项类型",))
STATUTORY = C("statutory_days", "法定时限（工作日）", "Statutory days", aliases=("法定办结时限",))
PROMISED = C("promised_days", "承诺时限（工作日）", "Promised days", aliases=("承诺办结时限",))
LEGAL_BASIS = C("legal_basis", "设定依据", "Legal basis", required=False, aliases=("法律依据",))
TOLERANT = C("tolerant", "可容缺受理", "Tolerant acceptance", required=False, aliases=("容缺受理",))
AUTHORITY = C("authority", "实施主体", "Authority", required=False, aliases=("Acting body",))
FEE = C("fee", "收费（元）", "Fee (yuan)", required=False, aliases=("收费标准",))
STATUS = C("status", "状态", "Status", required=False)
MATERIAL = C("material_name", "材料名称", "Material", required=False)
CORE = C("material_core", "核心材料", "Core material", required=False)
FORM = C("material_form", "材料形式", "Material form", required=False)
COPIES = C("material_copies", "份数", "Copies", required=False)
NOTES = C("material_notes", "材料说明", "Material notes", required=False, aliases=("材料要求",))

LAYOUT = (
    DEPARTMENT_CODE,
    DEPARTMENT_NAME,
    ITEM_CODE,
    ITEM_NAME,
    CATEGORY,
    CATEGORY_NAME,
    KIND,
    STATUTORY,
    PROMISED,
    LEGAL_BASIS,
    TOLERANT,
    AUTHORITY,
    FEE,
    STATUS,
    MATERIAL,
    CORE,
    FORM,
    COPIES,
    NOTES,
)
_ITEM_COLUMNS = (ITEM_NAME, CATEGORY, CATEGORY_NAME, KIND, STATUTORY, PROMISED)

KINDS = {"即办件": "instant", "即办": "instant", "instant": "instant"} | {
    "承诺件": "promised",
    "承诺": "promised",
    "promised": "promised",
}
KIND_LABELS = {"instant": "即办件", "promised": "承诺件"}
FORMS = {
    "原件": "original",
    "original": "original",
    "复印件": "copy",
    "copy": "copy",
    "原件和复印件": "original_and_copy",
    "原件及复印件": "original_and_copy",
    "original_and_copy": "original_and_copy",
}
FORM_LABELS = {"original": "原件", "copy": "复印件", "original_and_copy": "原件和复印件"}
STATUSES = {"在用": "active", "active": "active", "停用": "retired", "retired": "retired"}
_MAX_DAYS = 3650  # working days: ten years is beyond any statutory limit


@dataclass(frozen=True)
class MaterialRow:
    name: str
    core: bool
    form: str
    copies: int
    requirement: str


@dataclass
class ItemRow:
    row: int  # the item's first row
    code: str
    department_code: str
    fields: dict[str, Any]  # ServiceItem attribute -> value, only the columns the file has
    category: str
    category_name: str
    materials: list[tuple[int, MaterialRow]] = field(default_factory=list)


@dataclass
class ParsedCatalog:
    departments: dict[str, tuple[int, str]] = field(default_factory=dict)  # code -> (row, name)
    items: dict[str, ItemRow] = field(default_factory=dict)
    has_materials: bool = False  # the file has the material columns: items get exactly them
    headers: dict[str, str] = field(default_factory=dict)  # column key -> header in the file

    def col(self, column: Column) -> str:
        return self.headers.get(column.key, column.zh)


def parse(
    rows: Iterable[SourceRow], headers: dict[str, str], report: ImportReport
) -> ParsedCatalog:
    """Every row checked on its own and against the rows before it (no database)."""
    parsed = ParsedCatalog(has_materials=MATERIAL.key in headers, headers=headers)
    names: dict[str, str] = {}  # department name -> code
    for src in rows:
        try:
            _parse_row(src, headers, parsed, names)
        except RowProblem as p:
            report.problems.append(Problem(src.number, headers.get(p.column, p.column), p.zh, p.en))
    for item in parsed.items.values():
        _check_item(item, headers, parsed.has_materials, report)
    return parsed


def _cell(src: SourceRow, col: Column) -> str:
    return src.values.get(col.key, "")


def _parse_row(
    src: SourceRow, headers: dict[str, str], parsed: ParsedCatalog, names: dict[str, str]
) -> None:
    code = v.at(
        DEPARTMENT_CODE,
        v.text,
        _cell(src, DEPARTMENT_CODE),
        DEPARTMENT_CODE,
        max_len=32,
        required=True,
    )
    name = v.at(
        DEPARTMENT_NAME,
        v.text,
        _cell(src, DEPARTMENT_NAME),
        DEPARTMENT_NAME,
        max_len=100,
        required=True,
        printed=True,
    )
    seen = parsed.departments.get(code)
    if seen is not None and seen[1] != name:
        raise RowProblem(
            f"部门编码 {code} 在第{seen[0]}行的名称是“{seen[1]}”，此处是“{name}”。",
            f"Department {code} is named {seen[1]!r} on row {seen[0]} but {name!r} here.",
            DEPARTMENT_NAME.key,
        )
    if names.get(name, code) != code:
        raise RowProblem(
            f"部门名称“{name}”已用于部门编码 {names[name]}，同一部门只能有一个编码。",
            f"The department name {name!r} is already used by code {names[name]}.",
            DEPARTMENT_CODE.key,
        )
    parsed.departments.setdefault(code, (src.number, name))
    names[name] = code
    item_code = v.at(ITEM_CODE, v.text, _cell(src, ITEM_CODE), ITEM_CODE, max_len=64)
    if not item_code:
        if any(_cell(src, c) for c in (*_ITEM_COLUMNS, MATERIAL)):
            raise RowProblem("请填写事项编码。", "Fill in the item code.", ITEM_CODE.key)
        return  # a department-only row
    item = _item(src, headers, code, item_code)
    first = parsed.items.get(item_code)
    if first is None:
        parsed.items[item_code] = first = item
    else:
        _same_item(first, item, headers)
    if parsed.has_materials and _cell(src, MATERIAL):
        material = _material(src)
        if any(m.name == material.name for _, m in first.materials):
            raise RowProblem(
                f"事项 {item_code} 的材料“{material.name}”重复出现。",
                f"Item {item_code} lists the material {material.name!r} twice.",
                MATERIAL.key,
            )
        first.materials.append((src.number, material))


def _item(src: SourceRow, headers: dict[str, str], department: str, code: str) -> ItemRow:
    f: dict[str, Any] = {
        "name": v.at(
            ITEM_NAME,
            v.text,
            _cell(src, ITEM_NAME),
            ITEM_NAME,
            max_len=200,
            required=True,
            printed=True,
        ),
        "kind": v.at(KIND, v.choice, _cell(src, KIND), KIND, KINDS),
        "statutory_days": v.at(
            STATUTORY, v.integer, _cell(src, STATUTORY), STATUTORY, low=0, high=_MAX_DAYS
        ),
        "promised_days": v.at(
            PROMISED, v.integer, _cell(src, PROMISED), PROMISED, low=0, high=_MAX_DAYS, default=0
        ),
    }
    if LEGAL_BASIS.key in headers:
        f["legal_basis"] = v.at(
            LEGAL_BASIS,
            v.text,
            _cell(src, LEGAL_BASIS),
            LEGAL_BASIS,
            max_len=v.LONG_TEXT,
            lines=True,
            printed=True,
        )
    if TOLERANT.key in headers:
        f["tolerant_accept_allowed"] = v.at(
            TOLERANT, v.boolean, _cell(src, TOLERANT), TOLERANT, default=False
        )
    if AUTHORITY.key in headers:
        f["authority"] = v.at(
            AUTHORITY, v.text, _cell(src, AUTHORITY), AUTHORITY, max_len=100, printed=True
        )
    if FEE.key in headers:
        f["fee_cents"] = v.at(FEE, _fee_cents, _cell(src, FEE))
    if STATUS.key in headers:
        f["active"] = (
            v.at(STATUS, v.choice, _cell(src, STATUS), STATUS, STATUSES, default="active")
            == "active"
        )
    prefix = v.at(
        CATEGORY, v.text, _cell(src, CATEGORY), CATEGORY, max_len=1, required=True
    ).upper()
    if not ("A" <= prefix <= "Z"):
        raise RowProblem(
            f"业务类别“{prefix}”应为一个大写字母（号票的字头，如 A）。",
            f"The category {prefix!r} must be one letter (the ticket prefix, e.g. A).",
            CATEGORY.key,
        )
    category_name = v.at(
        CATEGORY_NAME, v.text, _cell(src, CATEGORY_NAME), CATEGORY_NAME, max_len=50, printed=True
    )
    return ItemRow(src.number, code, department, f, prefix, category_name)


def _fee_cents(value: str) -> int:
    text = value.strip().removesuffix("元").strip()
    if not text or text in ("不收费", "免费"):
        return 0
    try:
        amount = Decimal(text)
        if not amount.is_finite():  # NaN, Infinity
            raise InvalidOperation
    except InvalidOperation:
        raise RowProblem(
            f"收费“{value}”不是金额（元，如 10 或 12.50；免费填 0）。",
            f"The fee {value!r} is not an amount in yuan (10 or 12.50; 0 when free).",
        ) from None
    if amount < 0 or amount > 1_000_000 or amount != amount.quantize(Decimal("0.01")):
        raise RowProblem(
            f"收费“{value}”超出范围或多于两位小数。",
            f"The fee {value!r} is out of range or has more than two decimals.",
        )
    return int(amount * 100)


def _material(src: SourceRow) -> MaterialRow:
    return MaterialRow(
        name=v.at(
            MATERIAL,
            v.text,
            _cell(src, MATERIAL),
            MATERIAL,
            max_len=200,
            required=True,
            printed=True,
        ),
        core=v.at(CORE, v.boolean, _cell(src, CORE), CORE),
        form=v.at(FORM, v.choice, _cell(src, FORM), FORM, FORMS, default="original"),
        copies=v.at(COPIES, v.integer, _cell(src, COPIES), COPIES, low=1, high=99, default=1),
        requirement=v.at(
            NOTES, v.text, _cell(src, NOTES), NOTES, max_len=v.LONG_TEXT, lines=True, printed=True
        ),
    )


def _same_item(first: ItemRow, again: ItemRow, headers: dict[str, str]) -> None:
    if first.department_code != again.department_code:
        raise RowProblem(
            f"事项 {first.code} 在第{first.row}行属于部门 {first.department_code}，"
            f"此处是 {again.department_code}。",
            f"Item {first.code} belongs to department {first.department_code} on row "
            f"{first.row} but {again.department_code} here.",
            DEPARTMENT_CODE.key,
        )
    pairs = [(k, first.fields.get(k), again.fields.get(k)) for k in first.fields]
    pairs += [("category", first.category, again.category)]
    for key, a, b in pairs:
        if a != b:
            raise RowProblem(
                f"同一事项的各行应一致：此处与第{first.row}行不同。",
                f"Rows of the same item must agree: this differs from row {first.row}.",
                _column_of(key),
            )


def _column_of(attribute: str) -> str:
    return {
        "name": ITEM_NAME.key,
        "kind": KIND.key,
        "statutory_days": STATUTORY.key,
        "promised_days": PROMISED.key,
        "legal_basis": LEGAL_BASIS.key,
        "tolerant_accept_allowed": TOLERANT.key,
        "authority": AUTHORITY.key,
        "fee_cents": FEE.key,
        "active": STATUS.key,
    }.get(attribute, CATEGORY.key)


def _check_item(
    item: ItemRow, headers: dict[str, str], has_materials: bool, report: ImportReport
) -> None:
    """The catalog's rules of one item (``domain.catalog.item_limit_problems``, which the
    admin window's item form keeps too)."""
    f = item.fields

    def problem(col: Column, zh: str, en: str) -> None:
        report.problems.append(Problem(item.row, headers.get(col.key, col.zh), zh, en))

    has_non_core = any(not m.core for _, m in item.materials)
    columns = {"promised_days": PROMISED, "tolerant_accept_allowed": TOLERANT}
    for name, zh, en in item_limit_problems(
        f["kind"],
        f["statutory_days"],
        f["promised_days"],
        bool(f.get("tolerant_accept_allowed")),
        has_non_core or not has_materials,  # without material columns: the stored ones stay
    ):
        problem(columns[name], zh, en)
