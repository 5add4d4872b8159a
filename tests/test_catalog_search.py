"""Catalog search: pinyin initials stored with each item, searched by the database at hall scale."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from clerk_app.api import Hall
from clerk_app.demo.large_catalog import ITEMS_TOTAL
from clerk_app.domain.pinyin import MAX_COMBINATIONS, matches_initials, search_initials
from clerk_app.persistence.models import ServiceItem
from clerk_app.services.catalog import ItemInfo
from clerk_app.services.seed import seed_large_catalog


def test_initials_of_a_name_are_one_word_per_reading() -> None:
    words = search_initials("临时占用城市道路许可").split()
    assert words[0] == "lszycsdlxk"  # the most common reading of each character first
    assert "lszycsdlhk" in words  # 许 may also be read hǔ: every reading is searchable
    assert {"cqhl", "zqhl"} <= set(search_initials("长期护理").split())
    assert search_initials("A级 纳税人").split()[0] == "ajnsr"  # Latin kept, spaces dropped


def test_a_name_full_of_heteronyms_is_capped_not_exploded() -> None:
    name = "长行重长行重长行重长行重"
    words = search_initials(name).split()
    assert 1 < len(words) <= MAX_COMBINATIONS
    assert matches_initials(name, "c") and matches_initials(name, "z")


def test_renaming_an_item_recomputes_its_initials(hall: Hall) -> None:
    with hall.db.write() as s:
        item = s.scalars(
            select(ServiceItem).where(ServiceItem.name == "临时占用城市道路许可")
        ).one()
        assert item.search_text.split("\n")[2] == "lszycsdlxk"
        item.name = "道路挖掘许可"
    clerk = hall.login("clerk01", "demo", counter=1).catalog
    assert "道路挖掘许可" in [i.name for i in clerk.list_items("dlwj")]
    assert clerk.list_items("lszy") == []


def test_wildcards_in_a_query_are_literal(hall: Hall) -> None:
    catalog = hall.kiosk().catalog
    assert catalog.list_items("%") == []
    assert catalog.list_items("_") == []
    assert len(catalog.list_items("")) > 40


def test_search_over_a_hall_sized_catalog(hall: Hall) -> None:
    assert seed_large_catalog(hall.db) == ITEMS_TOTAL
    assert seed_large_catalog(hall.db) == 0  # idempotent
    catalog = hall.login("clerk01", "demo", counter=1).catalog
    every = catalog.list_items("")
    assert len(every) >= ITEMS_TOTAL
    road = catalog.list_items("lszycsdlxk")
    assert road and all(i.name.startswith("临时占用城市道路许可") for i in road)
    # Every item found by the database is one the pure rule accepts, and none is missed.
    for query in ("qysl", "bdc", "dj", "xk"):

        def by_name(found: list[ItemInfo], q: str = query) -> set[str]:
            return {
                i.item_code
                for i in found
                if q not in i.item_code.lower() and q not in i.department_name.lower()
            }

        expected = by_name([i for i in every if matches_initials(i.name, query)])
        found = by_name(catalog.list_items(query))
        assert expected  # the query means something in this catalog
        assert expected == found, query
    assert {i.department_name for i in catalog.list_items("龙湖区住房建设局")} == {
        "龙湖区住房建设局"
    }


@pytest.mark.parametrize("query", ["lszy", "道路", "440500"])
def test_the_kiosk_and_a_clerk_see_the_same_items(hall: Hall, query: str) -> None:
    clerk = hall.login("clerk01", "demo", counter=1).catalog
    assert clerk.list_items(query) == hall.kiosk().catalog.list_items(query)
