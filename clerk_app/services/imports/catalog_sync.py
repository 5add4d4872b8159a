"""The catalog file against the database: what it adds and changes (``sync``), and the
export in the same layout (``export_rows``). ``catalog`` reads and checks the file itself."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from clerk_app.persistence.models import Department, Material, QueueCategory, ServiceItem
from clerk_app.persistence.models_cases import Submission
from clerk_app.services.catalog import fee_text
from clerk_app.services.imports.catalog import (
    CATEGORY,
    DEPARTMENT_CODE,
    DEPARTMENT_NAME,
    FORM_LABELS,
    KIND_LABELS,
    LAYOUT,
    MATERIAL,
    ItemRow,
    MaterialRow,
    ParsedCatalog,
)
from clerk_app.services.imports.report import ImportReport, Problem

# ------------------------------------------------------------------ against the database


@dataclass
class CatalogChanges:
    """What the file changes, for the report's counts and the audit record."""

    added: list[str] = field(default_factory=list)
    updated: dict[str, dict[str, Any]] = field(default_factory=dict)
    unchanged: int = 0


def sync(s: Session, parsed: ParsedCatalog, report: ImportReport, *, apply: bool) -> CatalogChanges:
    """Compares the file with the database; with ``apply`` also makes the changes (only call
    it so after a pass without ``apply`` found no problem, in the same transaction)."""
    changes = CatalogChanges()
    departments = {d.code: d for d in s.scalars(select(Department))}
    by_name = {d.name: d.code for d in departments.values()}
    categories = {c.prefix: c for c in s.scalars(select(QueueCategory))}
    next_order = (s.scalar(select(func.max(QueueCategory.sort_order))) or 0) + 1
    pending: set[str] = set()  # categories the file adds
    for code, (row, name) in parsed.departments.items():
        other = by_name.get(name)
        if other is not None and other != code and other not in parsed.departments:
            report.problems.append(
                Problem(
                    row,
                    parsed.col(DEPARTMENT_NAME),
                    f"部门名称“{name}”在数据库中已属于部门编码 {other}。",
                    f"The department name {name!r} already belongs to department {other}.",
                )
            )
            continue
        dept = departments.get(code)
        if dept is None:
            changes.added.append(f"department:{code}")
            if apply:
                departments[code] = Department(code=code, name=name)
                s.add(departments[code])
        elif dept.name != name:
            changes.updated[f"department:{code}"] = {"name": [dept.name, name]}
            if apply:
                dept.name = name
        else:
            changes.unchanged += 1
    items = _existing_items(s, list(parsed.items))
    dropped: dict[int, tuple[int, str, str]] = {}  # material id -> (row, item, material)
    for code, item in parsed.items.items():
        if item.category not in categories and item.category not in pending:
            if not item.category_name:
                report.problems.append(
                    Problem(
                        item.row,
                        parsed.col(CATEGORY),
                        f"没有业务类别 {item.category}；新类别请在“业务类别名称”列写上名称。",
                        f"No category {item.category}; give a new category its name in the "
                        "'Category name' column.",
                    )
                )
                continue
            changes.added.append(f"category:{item.category}")
            pending.add(item.category)
            if apply:
                categories[item.category] = QueueCategory(
                    prefix=item.category, name=item.category_name, sort_order=next_order
                )
                next_order += 1
                s.add(categories[item.category])
        existing = items.get(code)
        if existing is None:
            changes.added.append(f"item:{code}")
            if apply:
                s.add(
                    _new_item(
                        code, item, departments[item.department_code], categories[item.category]
                    )
                )
            continue
        if existing.department.code != item.department_code:
            report.problems.append(
                Problem(
                    item.row,
                    parsed.col(DEPARTMENT_CODE),
                    f"事项编码 {code} 已属于部门 {existing.department.code}"
                    f"（{existing.department.name}），不能导入到部门 {item.department_code}；"
                    "请核对事项编码。",
                    f"Item {code} already belongs to department {existing.department.code} "
                    f"({existing.department.name}); it cannot be imported under "
                    f"{item.department_code}. Check the item code.",
                )
            )
            continue
        diff = _item_diff(existing, item, parsed.has_materials, dropped)
        if diff:
            changes.updated[f"item:{code}"] = diff
            if apply:
                _update_item(s, existing, item, categories[item.category], parsed.has_materials)
        else:
            changes.unchanged += 1
    if dropped and not apply:
        used = set(
            s.scalars(
                select(Submission.material_id)
                .where(Submission.material_id.in_(list(dropped)))
                .distinct()
            )
        )
        for mid in sorted(used):
            row, code, name = dropped[mid]
            report.problems.append(
                Problem(
                    row,
                    parsed.col(MATERIAL),
                    f"事项 {code} 的材料“{name}”已有办件使用，不能通过导入删除；请保留这一行。",
                    f"The material {name!r} of item {code} is used by cases and cannot be "
                    "removed by an import; keep its row.",
                )
            )
    return changes


def _existing_items(s: Session, codes: list[str]) -> dict[str, ServiceItem]:
    found: dict[str, ServiceItem] = {}
    for start in range(0, len(codes), 500):  # under every database's parameter limit
        chunk = codes[start : start + 500]
        for item in s.scalars(
            select(ServiceItem)
            .where(ServiceItem.item_code.in_(chunk))
            .options(
                selectinload(ServiceItem.materials),
                selectinload(ServiceItem.department),
                selectinload(ServiceItem.category),
            )
        ):
            found[item.item_code] = item
    return found


def _new_item(
    code: str, item: ItemRow, department: Department, category: QueueCategory
) -> ServiceItem:
    fields = {k: val for k, val in item.fields.items() if not k.startswith("_")}
    return ServiceItem(
        item_code=code,
        department=department,
        category=category,
        **{
            "legal_basis": "",
            "tolerant_accept_allowed": False,
            "authority": "",
            "fee_cents": 0,
            "active": True,
            **fields,
        },
        materials=[_new_material(m, i) for i, (_, m) in enumerate(item.materials)],
    )


def _new_material(m: MaterialRow, order: int) -> Material:
    return Material(
        name=m.name,
        core=m.core,
        form=m.form,
        copies=m.copies,
        requirement=m.requirement,
        sort_order=order,
    )


def _material_values(m: MaterialRow, order: int) -> dict[str, Any]:
    return {
        "core": m.core,
        "form": m.form,
        "copies": m.copies,
        "requirement": m.requirement,
        "sort_order": order,
    }


def _item_diff(
    existing: ServiceItem,
    item: ItemRow,
    has_materials: bool,
    dropped: dict[int, tuple[int, str, str]],
) -> dict[str, Any]:
    diff: dict[str, Any] = {}
    for key, value in item.fields.items():
        if not key.startswith("_") and getattr(existing, key) != value:
            diff[key] = [getattr(existing, key), value]
    if existing.category.prefix != item.category:
        diff["category"] = [existing.category.prefix, item.category]
    if not has_materials:
        return diff
    old = {m.name: m for m in existing.materials}
    new_names = {m.name for _, m in item.materials}
    for i, (_, m) in enumerate(item.materials):
        current = old.get(m.name)
        if current is None:
            diff[f"material:{m.name}"] = [None, "added"]
            continue
        for key, value in _material_values(m, i).items():
            if getattr(current, key) != value:
                diff[f"material:{m.name}:{key}"] = [getattr(current, key), value]
    for name, current in old.items():
        if name not in new_names:
            diff[f"material:{name}"] = ["removed", None]
            dropped[current.id] = (item.row, existing.item_code, name)
    return diff


def _update_item(
    s: Session, existing: ServiceItem, item: ItemRow, category: QueueCategory, has_materials: bool
) -> None:
    for key, value in item.fields.items():
        if not key.startswith("_") and getattr(existing, key) != value:
            setattr(existing, key, value)
    if existing.category.prefix != item.category:
        existing.category = category
    if not has_materials:
        return
    old = {m.name: m for m in existing.materials}
    kept: list[Material] = []
    for i, (_, m) in enumerate(item.materials):
        current = old.pop(m.name, None)
        if current is None:
            kept.append(_new_material(m, i))
            continue
        for key, value in _material_values(m, i).items():
            if getattr(current, key) != value:
                setattr(current, key, value)
        kept.append(current)
    existing.materials = kept  # the rest are deleted (delete-orphan); none is used by a case


# ------------------------------------------------------------------ export


def export_rows(s: Session) -> list[list[Any]]:
    """The whole catalog in ``LAYOUT`` order (headers first), every item and department."""
    out: list[list[Any]] = [[c.zh for c in LAYOUT]]
    items = s.scalars(
        select(ServiceItem)
        .options(
            selectinload(ServiceItem.materials),
            selectinload(ServiceItem.department),
            selectinload(ServiceItem.category),
        )
        .order_by(ServiceItem.item_code)
    ).all()
    used = {i.department_id for i in items}
    for d in s.scalars(select(Department).order_by(Department.code)):
        if d.id not in used:
            out.append([d.code, d.name, *[""] * (len(LAYOUT) - 2)])
    for it in items:
        head = [
            it.department.code,
            it.department.name,
            it.item_code,
            it.name,
            it.category.prefix,
            it.category.name,
            KIND_LABELS.get(it.kind, it.kind),
            it.statutory_days,
            it.promised_days,
            it.legal_basis,
            "是" if it.tolerant_accept_allowed else "否",
            it.authority,
            fee_text(it.fee_cents),
            "在用" if it.active else "停用",
        ]
        if not it.materials:
            out.append([*head, "", "", "", "", ""])
        for m in it.materials:
            out.append(
                [
                    *head,
                    m.name,
                    "是" if m.core else "否",
                    FORM_LABELS.get(m.form, m.form),
                    m.copies,
                    m.requirement,
                ]
            )
    return out
