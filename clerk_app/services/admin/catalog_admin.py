"""Upkeep of the catalog (事项目录): departments, items and their materials (admins).

An item is never deleted: ``retire_item`` takes it out of search and acceptance (its
``active`` flag, which every counter query filters on) while cases accepted on it keep
showing it; ``restore_item`` brings it back. An item's code and name keep their stored
search text (code, name, pinyin initials) in step through the model's validator, exactly as
an import does. A material a case used cannot be removed (its submissions name it). Each
method is one transaction with its audit row; every field is checked first by
``catalog_forms`` (lengths in characters against the columns: the same refusal on SQLite and
PostgreSQL).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from clerk_app.domain.roles import Permission
from clerk_app.errors import NotFound, ValidationError
from clerk_app.persistence.models import Department, Material, QueueCategory, ServiceItem
from clerk_app.persistence.models_cases import Submission
from clerk_app.services import audit
from clerk_app.services.admin.catalog_forms import (
    COPIES_MAX,
    FORMS,
    DepartmentAdminInfo,
    ItemAdminInfo,
    ItemDraft,
    MaterialDraft,
    checked,
    checked_materials,
    department_code,
    department_name,
    item_code_of,
)
from clerk_app.services.base import Service


class CatalogAdminService(Service):
    # ------------------------------------------------------------------ departments

    def list_departments(self) -> list[DepartmentAdminInfo]:
        self.actor.require(Permission.MANAGE_CATALOG)
        with self.db.read() as s:
            counts = dict(
                s.execute(
                    select(ServiceItem.department_id, func.count())
                    .where(ServiceItem.active)
                    .group_by(ServiceItem.department_id)
                ).all()
            )
            return [
                DepartmentAdminInfo(d.code, d.name, counts.get(d.id, 0))
                for d in s.scalars(select(Department).order_by(Department.code))
            ]

    def add_department(self, code: str, name: str) -> DepartmentAdminInfo:
        self.actor.require(Permission.MANAGE_CATALOG)
        code, name = department_code(code), department_name(name)
        with self.db.write() as s:
            if s.scalar(select(Department.id).where(Department.code == code)):
                raise ValidationError(
                    f"部门编码 {code} 已存在。", f"Department code {code} exists.", field="code"
                )
            _name_free(s, name, None)
            s.add(Department(code=code, name=name))
            self._audit(s, "department_added", f"department:{code}", None, {"name": name})
        return DepartmentAdminInfo(code, name, 0)

    def rename_department(self, code: str, name: str) -> DepartmentAdminInfo:
        self.actor.require(Permission.MANAGE_CATALOG)
        name = department_name(name)
        with self.db.write() as s:
            department = _department(s, code)
            _name_free(s, name, department.id)
            before = department.name
            department.name = name
            self._audit(
                s, "department_renamed", f"department:{code}", {"name": before}, {"name": name}
            )
            items = s.scalar(
                select(func.count()).where(
                    ServiceItem.department_id == department.id, ServiceItem.active
                )
            )
            return DepartmentAdminInfo(department.code, name, items or 0)

    # ------------------------------------------------------------------ items

    def list_items(self) -> list[ItemAdminInfo]:
        """Every item, retired ones too, in item-code order (materials counted, not listed)."""
        self.actor.require(Permission.MANAGE_CATALOG)
        with self.db.read() as s:
            counts = dict(
                s.execute(select(Material.item_id, func.count()).group_by(Material.item_id)).all()
            )
            items = s.scalars(
                select(ServiceItem)
                .options(selectinload(ServiceItem.department), selectinload(ServiceItem.category))
                .order_by(ServiceItem.item_code)
            )
            return [_item_info(i, counts.get(i.id, 0), with_materials=False) for i in items]

    def item(self, item_code: str) -> ItemAdminInfo:
        """One item with its materials in order, retired or not."""
        self.actor.require(Permission.MANAGE_CATALOG)
        with self.db.read() as s:
            item = _item(s, item_code)
            return _item_info(item, len(item.materials), with_materials=True)

    def add_item(self, draft: ItemDraft) -> ItemAdminInfo:
        self.actor.require(Permission.MANAGE_CATALOG)
        values = checked(draft)
        code = item_code_of(draft)
        with self.db.write() as s:
            if s.scalar(select(ServiceItem.id).where(ServiceItem.item_code == code)):
                raise ValidationError(
                    f"事项编码 {code} 已存在（停用的事项也保留其编码）。",
                    f"Item code {code} exists (a retired item keeps its code).",
                    field="item_code",
                )
            department, category = _department_of(s, draft), _category_of(s, draft)
            item = ServiceItem(
                item_code=code,
                department=department,
                category=category,
                fee_cents=0,
                active=True,
                **values,
            )
            item.materials = [
                _new_material(m, i) for i, m in enumerate(checked_materials(draft.materials))
            ]
            s.add(item)
            s.flush()
            info = _item_info(item, len(item.materials), with_materials=True)
            self._audit(s, "item_added", f"item:{code}", None, _audit_view(info))
            return info

    def edit_item(self, item_code: str, draft: ItemDraft) -> ItemAdminInfo:
        """Changes every field of the item and its materials; the code stays (cases and
        printed papers name it)."""
        self.actor.require(Permission.MANAGE_CATALOG)
        values = checked(draft)
        materials = checked_materials(draft.materials)
        with self.db.write() as s:
            item = _item(s, item_code)
            if draft.item_code.strip() != item.item_code:
                raise ValidationError(
                    "事项编码不能修改（办件和已打印的文书引用它）；请新增事项并停用旧事项。",
                    "An item's code cannot change (cases and printed papers name it); add a "
                    "new item and retire this one.",
                    field="item_code",
                )
            before = _audit_view(_item_info(item, len(item.materials), with_materials=True))
            item.department = _department_of(s, draft)
            item.category = _category_of(s, draft)
            for key, value in values.items():
                if getattr(item, key) != value:
                    setattr(item, key, value)
            item.materials = _merge_materials(s, item, materials)
            s.flush()
            info = _item_info(item, len(item.materials), with_materials=True)
            self._audit(s, "item_edited", f"item:{item.item_code}", before, _audit_view(info))
            return info

    def retire_item(self, item_code: str) -> ItemAdminInfo:
        """Takes the item out of search and acceptance; its cases keep showing it."""
        return self._set_active(item_code, False)

    def restore_item(self, item_code: str) -> ItemAdminInfo:
        return self._set_active(item_code, True)

    def _set_active(self, item_code: str, active: bool) -> ItemAdminInfo:
        self.actor.require(Permission.MANAGE_CATALOG)
        with self.db.write() as s:
            item = _item(s, item_code)
            before = bool(item.active)
            item.active = active
            self._audit(
                s,
                "item_restored" if active else "item_retired",
                f"item:{item.item_code}",
                {"active": before},
                {"active": active},
            )
            return _item_info(item, len(item.materials), with_materials=True)

    def _audit(self, s: Session, action: str, target: str, before: Any, after: Any) -> None:
        audit.record(
            s,
            at=self.clock(),
            actor=self.actor.username,
            action=action,
            target=target,
            before=before,
            after=after,
        )


def _name_free(s: Session, name: str, own_id: int | None) -> None:
    other = s.scalars(select(Department).where(Department.name == name)).first()
    if other is not None and other.id != own_id:
        raise ValidationError(
            f"部门名称“{name}”已用于部门编码 {other.code}。",
            f"The department name {name!r} is used by department {other.code}.",
            field="name",
        )


def _department(s: Session, code: str) -> Department:
    found = s.scalars(select(Department).where(Department.code == code.strip())).one_or_none()
    if found is None:
        raise NotFound(f"没有部门编码 {code}。", f"No department with code {code}.")
    return found


def _department_of(s: Session, draft: ItemDraft) -> Department:
    code = draft.department_code.strip()
    found = s.scalars(select(Department).where(Department.code == code)).one_or_none()
    if found is None:
        raise ValidationError(
            f"没有部门编码 {code or '（未选）'}；请先添加部门。",
            f"No department with code {code or '(none chosen)'}; add the department first.",
            field="department",
        )
    return found


def _category_of(s: Session, draft: ItemDraft) -> QueueCategory:
    prefix = draft.category_prefix.strip().upper()
    found = s.scalars(select(QueueCategory).where(QueueCategory.prefix == prefix)).one_or_none()
    if found is None:
        raise ValidationError(
            f"没有业务类别 {prefix or '（未选）'}；请先在“窗口”页添加业务类别。",
            f"No category {prefix or '(none chosen)'}; add categories on the Counters page.",
            field="category",
        )
    return found


def _item(s: Session, item_code: str) -> ServiceItem:
    item = s.scalars(
        select(ServiceItem)
        .options(selectinload(ServiceItem.materials))
        .where(ServiceItem.item_code == item_code)
    ).one_or_none()
    if item is None:
        raise NotFound(f"没有编码为 {item_code} 的事项。", f"No item with code {item_code}.")
    return item


def _new_material(m: MaterialDraft, order: int) -> Material:
    return Material(
        name=m.name,
        core=m.core,
        form=m.form,
        copies=m.copies,
        requirement=m.notes,
        sort_order=order,
    )


def _merge_materials(s: Session, item: ServiceItem, drafts: list[MaterialDraft]) -> list[Material]:
    """The item's materials after the form: stored ones (by id) changed in place, new ones
    added; a stored one left out is removed, unless a case used it (then nothing changes)."""
    stored = {m.id: m for m in item.materials}
    kept: list[Material] = []
    for order, d in enumerate(drafts):
        current = stored.pop(d.id, None) if d.id is not None else None
        if current is None:
            kept.append(_new_material(d, order))
            continue
        current.name, current.core, current.form = d.name, d.core, d.form
        current.copies, current.requirement, current.sort_order = d.copies, d.notes, order
        kept.append(current)
    if stored:
        used = s.scalars(
            select(Material.name)
            .join(Submission, Submission.material_id == Material.id)
            .where(Material.id.in_(list(stored)))
            .distinct()
        ).all()
        if used:
            names = "、".join(sorted(used))
            raise ValidationError(
                f"材料“{names}”已有办件使用，不能删除。",
                f"The material {', '.join(sorted(used))} is used by cases and cannot be removed.",
                field="materials",
            )
    return kept


def _item_info(item: ServiceItem, material_count: int, *, with_materials: bool) -> ItemAdminInfo:
    materials = (
        tuple(
            MaterialDraft(m.name, bool(m.core), m.copies, m.requirement, m.form, m.id)
            for m in item.materials
        )
        if with_materials
        else ()
    )
    return ItemAdminInfo(
        item_code=item.item_code,
        name=item.name,
        department_code=item.department.code,
        department_name=item.department.name,
        category_prefix=item.category.prefix,
        kind=item.kind,
        statutory_days=item.statutory_days,
        promised_days=item.promised_days,
        legal_basis=item.legal_basis,
        tolerant_accept_allowed=bool(item.tolerant_accept_allowed),
        authority=item.authority,
        active=bool(item.active),
        material_count=material_count,
        materials=materials,
        search_text=item.search_text,
    )


def _audit_view(info: ItemAdminInfo) -> dict[str, Any]:
    return {
        "name": info.name,
        "department": info.department_code,
        "category": info.category_prefix,
        "kind": info.kind,
        "statutory_days": info.statutory_days,
        "promised_days": info.promised_days,
        "tolerant_accept_allowed": info.tolerant_accept_allowed,
        "authority": info.authority,
        "legal_basis": info.legal_basis,
        "materials": [
            {"name": m.name, "core": m.core, "copies": m.copies, "form": m.form, "notes": m.notes}
            for m in info.materials
        ],
    }


__all__ = [
    "COPIES_MAX",
    "FORMS",
    "CatalogAdminService",
    "DepartmentAdminInfo",
    "ItemAdminInfo",
    "ItemDraft",
    "MaterialDraft",
]
