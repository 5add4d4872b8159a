"""一件事 packages in the catalog: create, change, retire, read; inside the caller's unit of work.

Every change is checked whole before anything is written (``domain.packages.check_limit``:
the package's promised limit within every item's statutory limit), so a refused change leaves
the catalog as it was.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from clerk_app.domain.packages import PackageItemLimit, check_limit
from clerk_app.domain.roles import Actor
from clerk_app.domain.typed_text import typed_text
from clerk_app.errors import NotFound, ValidationError
from clerk_app.persistence.models import Material, ServiceItem
from clerk_app.persistence.models_journey import (
    Package,
    PackageItem,
    PackageMaterial,
    PackageMaterialLink,
)
from clerk_app.services import audit
from clerk_app.services.journey.results import (
    PackageInfo,
    PackageInput,
    PackageItemInfo,
    SharedMaterialInfo,
)
from clerk_app.services.paper_text import printable

CODE_MAX_LEN, NAME_MAX_LEN = 32, 100


def load(s: Session, code: str) -> Package:
    package = s.scalar(
        select(Package)
        .options(
            selectinload(Package.items)
            .selectinload(PackageItem.item)
            .selectinload(ServiceItem.department),
            selectinload(Package.shared).selectinload(PackageMaterial.links),
        )
        .where(Package.code == code.strip())
    )
    if package is None:
        raise NotFound(f"没有编码为 {code} 的一件事。", f"No package with the code {code}.")
    return package


def info(p: Package) -> PackageInfo:
    return PackageInfo(
        code=p.code,
        name=p.name,
        promised_days=p.promised_days,
        active=p.active,
        items=tuple(
            PackageItemInfo(
                item_code=pi.item.item_code,
                item_name=pi.item.name,
                department_name=pi.item.department.name,
                statutory_days=pi.item.statutory_days,
                promised_days=pi.item.promised_days,
                authority=pi.item.authority,
            )
            for pi in p.items
        ),
        shared=tuple(
            SharedMaterialInfo(m.id, m.name, tuple(sorted(x.material_id for x in m.links)))
            for m in p.shared
        ),
    )


def list_all(s: Session) -> list[PackageInfo]:
    codes = s.scalars(select(Package.code).order_by(Package.code)).all()
    return [info(load(s, code)) for code in codes]


def save(
    s: Session, actor: Actor, now: datetime, data: PackageInput, *, new: bool = False
) -> PackageInfo:
    """Creates the package of ``data.code`` or replaces what it holds (items, shared materials).
    ``new``: the admin meant a new package, so a code already taken is refused (never replaced)."""
    code = typed_text(data.code, "一件事编码", "The package code", max_len=CODE_MAX_LEN).strip()
    name = typed_text(data.name, "一件事名称", "The package name", max_len=NAME_MAX_LEN).strip()
    printable(name, "一件事名称", "The package name")
    if not code or not name:
        raise ValidationError("请填写一件事的编码和名称。", "Give the package a code and a name.")
    items = _items(s, data.item_codes)
    check_limit(data.promised_days, [PackageItemLimit(i.name, i.statutory_days) for i in items])
    shared = _shared(items, data.shared)
    package = s.scalar(select(Package).where(Package.code == code))
    if new and package is not None:
        raise ValidationError(
            f"已有编码为 {code} 的一件事（{package.name}）；请换一个编码。",
            f"The code {code} is already the package {package.name}; choose another code.",
            field="code",
        )
    before = None
    if package is None:
        package = Package(
            code=code, name=name, promised_days=data.promised_days, active=True, created_at=now
        )
        s.add(package)
    else:
        before = {
            "name": package.name,
            "promised_days": package.promised_days,
            "items": [pi.item.item_code for pi in package.items],
        }
        package.items.clear()
        package.shared.clear()
        s.flush()
    package.name, package.promised_days, package.updated_at = name, data.promised_days, now
    package.items.extend(PackageItem(item=item, position=i) for i, item in enumerate(items))
    for order, (shared_name, materials) in enumerate(shared):
        package.shared.append(
            PackageMaterial(
                name=shared_name,
                sort_order=order,
                links=[PackageMaterialLink(material=m) for m in materials],
            )
        )
    s.flush()
    audit.record(
        s,
        at=now,
        actor=actor.username,
        action="package_saved",
        target=f"package:{code}",
        before=before,
        after={
            "name": name,
            "promised_days": data.promised_days,
            "items": [i.item_code for i in items],
        },
    )
    return info(load(s, code))


def set_active(s: Session, actor: Actor, now: datetime, code: str, active: bool) -> PackageInfo:
    package = load(s, code)
    package.active, package.updated_at = active, now
    audit.record(
        s,
        at=now,
        actor=actor.username,
        action="package_active",
        target=f"package:{package.code}",
        after={"active": active},
    )
    return info(package)


def _items(s: Session, codes: tuple[str, ...]) -> list[ServiceItem]:
    wanted = [c.strip() for c in codes]
    if len(set(wanted)) != len(wanted):
        raise ValidationError("一件事中有重复的事项。", "The package lists an item twice.")
    found = {
        i.item_code: i
        for i in s.scalars(
            select(ServiceItem)
            .options(selectinload(ServiceItem.materials), selectinload(ServiceItem.department))
            .where(ServiceItem.item_code.in_(wanted))
        )
    }
    missing = [c for c in wanted if c not in found]
    if missing:
        raise NotFound(
            f"目录中没有事项 {'、'.join(missing)}。",
            f"The catalog has no item {', '.join(missing)}.",
        )
    return [found[c] for c in wanted]


def _shared(
    items: list[ServiceItem], shared: tuple[tuple[str, tuple[tuple[str, str], ...]], ...]
) -> list[tuple[str, list[Material]]]:
    """Each shared material with the items' own materials it stands for (by name per item)."""
    by_code = {i.item_code: i for i in items}
    out: list[tuple[str, list[Material]]] = []
    used: set[int] = set()
    for name, pairs in shared:
        label = typed_text(name, "共享材料", "A shared material", max_len=200).strip()
        printable(label, "共享材料", "A shared material")
        materials = []
        for code, material_name in pairs:
            item = by_code.get(code)
            match = [m for m in item.materials if m.name == material_name] if item else []
            if not match:
                raise ValidationError(
                    f"共享材料“{label}”：事项 {code} 没有材料“{material_name}”。",
                    f"Shared material {label}: item {code} has no material {material_name}.",
                )
            if match[0].id in used:
                raise ValidationError(
                    f"材料“{material_name}”（{code}）被列入了两项共享材料。",
                    f"The material {material_name} ({code}) is in two shared materials.",
                )
            used.add(match[0].id)
            materials.append(match[0])
        if len(materials) < 2:
            raise ValidationError(
                f"共享材料“{label}”须由至少两个事项共用。",
                f"The shared material {label} must stand for materials of two items or more.",
            )
        out.append((label, materials))
    return out
