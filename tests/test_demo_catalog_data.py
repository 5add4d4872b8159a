"""Internal consistency of the demo catalog (clerk_app.demo.catalog_data)."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal, InvalidOperation

import pytest

from clerk_app.demo.catalog_data import CATEGORIES, DEPARTMENTS, ITEMS, DemoItem

DEPARTMENT_CODES = {code for code, _ in DEPARTMENTS}
DEPARTMENT_NAMES = dict(DEPARTMENTS)
CATEGORY_PREFIXES = {prefix for prefix, _ in CATEGORIES}
ITEMS_BY_NAME = {item.name: item for item in ITEMS}


def _dept_code(name_fragment: str) -> str:
    codes = [code for code, name in DEPARTMENTS if name_fragment in name]
    assert len(codes) == 1, f"{name_fragment!r} matches {codes}"
    return codes[0]


def _ids(items: tuple[DemoItem, ...]) -> list[str]:
    return [item.item_code for item in items]


def test_categories_are_exactly_the_five_queues() -> None:
    assert CATEGORIES == (
        ("A", "企业开办"),
        ("B", "工程建设"),
        ("C", "不动产登记"),
        ("D", "社会事务"),
        ("E", "综合"),
    )


def test_department_codes_and_names_unique_and_shantou() -> None:
    codes = [code for code, _ in DEPARTMENTS]
    names = [name for _, name in DEPARTMENTS]
    assert len(codes) == len(set(codes))
    assert len(names) == len(set(names))
    for code, name in DEPARTMENTS:
        assert code and code.isascii() and code.isupper()
        assert "汕头" in name


def test_required_departments_present() -> None:
    for fragment in (
        "市场监督管理局",
        "住房和城乡建设局",
        "自然资源局",
        "不动产登记中心",
        "交通运输局",
        "城市管理和综合执法局",
        "卫生健康局",
        "人力资源和社会保障局",
        "税务局",
        "公安局",
        "民政局",
    ):
        _dept_code(fragment)


def test_counts() -> None:
    assert len(DEPARTMENTS) >= 9
    assert len(ITEMS) >= 45
    assert sum(item.kind == "instant" for item in ITEMS) >= 6
    assert sum(item.tolerant_accept_allowed for item in ITEMS) >= 15


def test_item_codes_unique() -> None:
    duplicates = [c for c, n in Counter(_ids(ITEMS)).items() if n > 1]
    assert duplicates == []
    assert all(item.item_code.strip() == item.item_code != "" for item in ITEMS)


def test_item_names_unique() -> None:
    duplicates = [name for name, n in Counter(item.name for item in ITEMS).items() if n > 1]
    assert duplicates == []


def test_references_exist_and_every_department_and_category_used() -> None:
    for item in ITEMS:
        assert item.department_code in DEPARTMENT_CODES, item.item_code
        assert item.category_prefix in CATEGORY_PREFIXES, item.item_code
    assert {item.department_code for item in ITEMS} == DEPARTMENT_CODES
    assert {item.category_prefix for item in ITEMS} == CATEGORY_PREFIXES


@pytest.mark.parametrize("item", ITEMS, ids=_ids(ITEMS))
def test_item_time_limits(item: DemoItem) -> None:
    assert item.kind in ("instant", "promised")
    assert item.statutory_days >= 0
    if item.kind == "instant":
        assert item.promised_days == 0
        assert not item.tolerant_accept_allowed
    else:
        assert 0 < item.promised_days <= item.statutory_days


@pytest.mark.parametrize("item", ITEMS, ids=_ids(ITEMS))
def test_item_materials(item: DemoItem) -> None:
    assert 2 <= len(item.materials) <= 7
    assert any(m.core for m in item.materials), "needs at least one core material"
    if item.tolerant_accept_allowed:
        assert any(not m.core for m in item.materials), "容缺 needs a non-core material"
    names = [m.name for m in item.materials]
    assert len(names) == len(set(names))
    for material in item.materials:
        assert material.name.strip()
        assert material.form in ("original", "copy", "original_and_copy")
        assert material.copies >= 1
        assert material.requirement.strip(), f"{material.name} lacks a requirement text"


@pytest.mark.parametrize("item", ITEMS, ids=_ids(ITEMS))
def test_item_fee_and_legal_basis(item: DemoItem) -> None:
    try:
        fee = Decimal(item.fee_yuan)
    except InvalidOperation:  # pragma: no cover - reported as a failure below
        pytest.fail(f"fee_yuan {item.fee_yuan!r} is not a decimal")
    assert fee.is_finite()
    assert fee >= 0
    assert item.legal_basis.startswith("《")


def test_temporary_road_occupation_permit() -> None:
    item = ITEMS_BY_NAME["临时占用城市道路许可"]
    assert item.department_code == _dept_code("城市管理和综合执法局")
    assert item.kind == "instant"
    assert item.promised_days == 0
    assert item.statutory_days == 20
    assert item.tolerant_accept_allowed is False
    assert item.category_prefix in ("B", "E")
    assert "《城市道路管理条例》第三十一条" in item.legal_basis


def test_enterprise_establishment_registration() -> None:
    item = ITEMS_BY_NAME["企业设立登记"]
    assert item.department_code == _dept_code("市场监督管理局")
    assert item.kind == "promised"
    assert item.promised_days == 2
    assert item.category_prefix == "A"
    assert item.tolerant_accept_allowed is True


def test_existing_housing_transfer_registration() -> None:
    item = ITEMS_BY_NAME["存量房转让登记"]
    assert item.department_code == _dept_code("不动产登记中心")
    assert item.kind == "promised"
    assert item.promised_days == 5
    assert item.category_prefix == "C"


def test_food_business_licence() -> None:
    item = ITEMS_BY_NAME["食品经营许可"]
    assert item.department_code == _dept_code("市场监督管理局")
    assert item.category_prefix == "A"


def test_public_place_hygiene_licence() -> None:
    item = ITEMS_BY_NAME["公共场所卫生许可"]
    assert item.department_code == _dept_code("卫生健康局")
