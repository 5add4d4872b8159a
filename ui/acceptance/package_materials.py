"""Step 3 for a 一件事: each shared material once, then each item's own remaining materials.

The package (``PackageInfo`` from the core) says which items' materials a shared one stands
for; the checklist shows it once, and what the clerk marks on it is passed to the core as a
shared check (``accept_package(shared_checks=…)``), which applies it to those materials. For
the decision step's options and the loose decisions (notice, rejection), the same mark is read
as a mark on each of those materials (``item_requests``), so the core counts what is missing
exactly as it will when it accepts.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from clerk_app.domain.case_states import SubmissionStatus
from clerk_app.services.cases.results import ItemRequest, MaterialCheck
from ui.acceptance.checklist_model import ChecklistRow

if TYPE_CHECKING:
    from clerk_app.services.catalog import ItemInfo
    from clerk_app.services.journey.results import PackageInfo

# The checklist's "item" of a shared row: no item code is empty, so shared and own rows (whose
# ids may be equal numbers from different tables) never mix.
SHARED = ""


def package_rows(package: PackageInfo, items: Sequence[ItemInfo], label: str) -> list[ChecklistRow]:
    """The shared materials first (``label`` in the item column), then every item's own."""
    own = {m.id: m for item in items for m in item.materials}
    rows: list[ChecklistRow] = []
    linked: set[int] = set()
    for shared in package.shared:
        stands_for = [own[i] for i in shared.material_ids if i in own]
        linked.update(shared.material_ids)
        first = stands_for[0] if stands_for else None
        rows.append(
            ChecklistRow(
                SHARED,
                label,
                shared.id,
                shared.name,
                any(m.core for m in stands_for),
                first.form if first else "",
                first.requirement if first else "",
            )
        )
    for item in items:
        rows += [
            ChecklistRow(item.item_code, item.name, m.id, m.name, m.core, m.form, m.requirement)
            for m in item.materials
            if m.id not in linked
        ]
    return rows


def shared_checks(rows: Sequence[ChecklistRow]) -> list[MaterialCheck]:
    """The shared materials not received, as ``accept_package`` takes them."""
    return [
        MaterialCheck(r.material_id, r.status, r.note)
        for r in rows
        if r.item_code == SHARED and r.status != SubmissionStatus.RECEIVED
    ]


def own_requests(rows: Sequence[ChecklistRow], item_codes: Sequence[str]) -> list[ItemRequest]:
    """Each item's own materials not received (the shared ones are not repeated here)."""
    return [
        ItemRequest(
            code,
            tuple(
                MaterialCheck(r.material_id, r.status, r.note)
                for r in rows
                if r.item_code == code and r.status != SubmissionStatus.RECEIVED
            ),
        )
        for code in item_codes
    ]


def item_requests(
    package: PackageInfo, rows: Sequence[ChecklistRow], items: Sequence[ItemInfo]
) -> list[ItemRequest]:
    """Each item's request with the shared marks applied to the materials they stand for."""
    marks = {r.material_id: r for r in rows if r.item_code == SHARED}
    stands_for = {m: marks[s.id] for s in package.shared if s.id in marks for m in s.material_ids}
    out = []
    for request, item in zip(own_requests(rows, [i.item_code for i in items]), items, strict=True):
        linked = tuple(
            MaterialCheck(m.id, stands_for[m.id].status, stands_for[m.id].note)
            for m in item.materials
            if m.id in stands_for and stands_for[m.id].status != SubmissionStatus.RECEIVED
        )
        out.append(ItemRequest(request.item_code, request.checks + linked))
    return out
