"""What the catalog forms hold (drafts), what the service returns, and every check of a
field that needs no database: lengths in characters against the columns (the same refusal on
SQLite and PostgreSQL), ranges, and the item's time-limit rules (``domain.catalog``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from clerk_app.domain.catalog import MAX_ITEM_DAYS, ItemKind, item_limit_problems
from clerk_app.errors import ValidationError
from clerk_app.services.admin import fields

DEPARTMENT_CODE_MAX = 32  # departments.code String(32)
DEPARTMENT_NAME_MAX = 100  # departments.name String(100)
ITEM_CODE_MAX = 64  # service_items.item_code String(64)
ITEM_NAME_MAX = 200  # service_items.name String(200)
AUTHORITY_MAX = 100  # service_items.authority String(100)
MATERIAL_NAME_MAX = 200  # materials.name String(200)
LONG_TEXT_MAX = 2000  # legal basis, material notes: a page, as the import allows
COPIES_MAX = 99
FORMS = ("original", "copy", "original_and_copy")


@dataclass(frozen=True)
class DepartmentAdminInfo:
    code: str
    name: str
    items: int  # items in service (not retired)


@dataclass(frozen=True)
class MaterialDraft:
    """One material of the item form; ``id`` names a stored material (None: a new one)."""

    name: str
    core: bool = True
    copies: int = 1
    notes: str = ""
    form: str = "original"
    id: int | None = None


@dataclass(frozen=True)
class ItemDraft:
    """What the item form holds; days are working days."""

    item_code: str
    name: str
    department_code: str
    category_prefix: str
    kind: str  # ItemKind value
    statutory_days: int
    promised_days: int
    legal_basis: str = ""
    tolerant_accept_allowed: bool = False
    authority: str = ""  # 实施主体: the city or a district
    materials: tuple[MaterialDraft, ...] = ()


@dataclass(frozen=True)
class ItemAdminInfo:
    item_code: str
    name: str
    department_code: str
    department_name: str
    category_prefix: str
    kind: str
    statutory_days: int
    promised_days: int
    legal_basis: str
    tolerant_accept_allowed: bool
    authority: str
    active: bool
    material_count: int
    materials: tuple[MaterialDraft, ...] = field(default=())  # filled by ``item``
    # Code, name and the name's pinyin initials, lower-case, as stored: what a filter matches.
    search_text: str = ""

    def draft(self) -> ItemDraft:
        """This item as the form holds it, to edit."""
        return ItemDraft(
            item_code=self.item_code,
            name=self.name,
            department_code=self.department_code,
            category_prefix=self.category_prefix,
            kind=self.kind,
            statutory_days=self.statutory_days,
            promised_days=self.promised_days,
            legal_basis=self.legal_basis,
            tolerant_accept_allowed=self.tolerant_accept_allowed,
            authority=self.authority,
            materials=self.materials,
        )


def department_code(code: str) -> str:
    text = fields.text(
        code, "code", "部门编码", "Department code", max_len=DEPARTMENT_CODE_MAX, required=True
    )
    if any(c.isspace() for c in text):
        raise ValidationError(
            "部门编码不能含空格。", "A department code has no spaces.", field="code"
        )
    return text


def department_name(name: str) -> str:
    return fields.text(
        name, "name", "部门名称", "Department name", max_len=DEPARTMENT_NAME_MAX, required=True
    )


def checked(draft: ItemDraft) -> dict[str, Any]:
    """The item's own columns from ``draft``, every field checked (no database)."""
    if draft.kind not in {k.value for k in ItemKind}:
        raise ValidationError(
            "办件类型应为即办件或承诺件。", "The kind is instant or promised.", field="kind"
        )
    values: dict[str, Any] = {
        "name": fields.text(
            draft.name, "name", "事项名称", "Item name", max_len=ITEM_NAME_MAX, required=True
        ),
        "kind": draft.kind,
        "statutory_days": fields.whole_number(
            draft.statutory_days,
            "statutory_days",
            "法定时限",
            "Statutory days",
            low=0,
            high=MAX_ITEM_DAYS,
        ),
        "promised_days": fields.whole_number(
            draft.promised_days,
            "promised_days",
            "承诺时限",
            "Promised days",
            low=0,
            high=MAX_ITEM_DAYS,
        ),
        "legal_basis": fields.text(
            draft.legal_basis,
            "legal_basis",
            "设定依据",
            "Legal basis",
            max_len=LONG_TEXT_MAX,
            lines=True,
        ),
        "tolerant_accept_allowed": bool(draft.tolerant_accept_allowed),
        "authority": fields.text(
            draft.authority, "authority", "实施主体", "Authority", max_len=AUTHORITY_MAX
        ),
    }
    problems = item_limit_problems(
        draft.kind,
        values["statutory_days"],
        values["promised_days"],
        values["tolerant_accept_allowed"],
        any(not m.core for m in draft.materials),
    )
    if problems:
        name, zh, en = problems[0]
        raise ValidationError(zh, en, field=name)
    return values


def checked_materials(drafts: tuple[MaterialDraft, ...]) -> list[MaterialDraft]:
    """Each material checked; names are unique within the item (the import matches them)."""
    out: list[MaterialDraft] = []
    seen: set[str] = set()
    for number, m in enumerate(drafts, start=1):
        with fields.on_field("materials"):
            name = fields.text(
                m.name,
                "materials",
                f"第{number}项材料的名称",
                f"The name of material {number}",
                max_len=MATERIAL_NAME_MAX,
                required=True,
            )
            notes = fields.text(
                m.notes,
                "materials",
                f"第{number}项材料的说明",
                f"The notes of material {number}",
                max_len=LONG_TEXT_MAX,
                lines=True,
            )
            fields.whole_number(
                m.copies,
                "materials",
                f"第{number}项材料的份数",
                f"The copies of material {number}",
                low=1,
                high=COPIES_MAX,
            )
        if name in seen:
            raise ValidationError(
                f"材料“{name}”重复出现。",
                f"The material {name!r} is listed twice.",
                field="materials",
            )
        if m.form not in FORMS:
            raise ValidationError(
                f"第{number}项材料的形式无效。",
                f"Material {number} has no valid form.",
                field="materials",
            )
        seen.add(name)
        out.append(MaterialDraft(name, bool(m.core), m.copies, notes, m.form, m.id))
    return out


def item_code_of(draft: ItemDraft) -> str:
    """A new item's code: opaque (GB/T 39554.1 or the hall's own), required, ≤ 64 characters."""
    return fields.text(
        draft.item_code, "item_code", "事项编码", "Item code", max_len=ITEM_CODE_MAX, required=True
    )
