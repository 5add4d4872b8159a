"""A catalog the size of Shantou's hall (48 departments, 1,016 items), made up deterministically.

For benchmarks and tests of search and imports at a real hall's scale: the demo catalog's
items, renamed and spread over made-up departments, so names stay realistic Chinese (with
多音字) without pretending to be an official catalog.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from clerk_app.demo.catalog_data import ITEMS, DemoItem

DEPARTMENTS = 48
ITEMS_TOTAL = 1016
_PLACES = ("市", "金平区", "龙湖区", "濠江区", "潮阳区", "潮南区", "澄海区", "南澳县")
_FIELDS = ("市场监管", "住房建设", "自然资源", "交通运输", "卫生健康", "生态环境")
_VARIANTS = ("", "（变更）", "（延续）", "（注销）", "（补证）", "（重新核发）")


@dataclass(frozen=True)
class LargeDepartment:
    code: str
    name: str


def departments() -> list[LargeDepartment]:
    """48 departments: six fields in eight places (e.g. 龙湖区住房建设局)."""
    return [
        LargeDepartment(f"D{i:02d}", f"{_PLACES[i // 6]}{_FIELDS[i % 6]}局")
        for i in range(DEPARTMENTS)
    ]


def items() -> Iterator[tuple[str, DemoItem]]:
    """(department code, item) pairs, 1,016 of them, codes unique, names from the demo's."""
    depts = departments()
    for n in range(ITEMS_TOTAL):
        base = ITEMS[n % len(ITEMS)]
        variant = _VARIANTS[(n // len(ITEMS)) % len(_VARIANTS)]
        dept = depts[n % DEPARTMENTS]
        yield (
            dept.code,
            replace(base, item_code=f"440500-{dept.code}-{n:04d}", name=f"{base.name}{variant}"),
        )
