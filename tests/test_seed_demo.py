"""The demo hall: realistic content, counters 1–8 integrated, idempotent seeding."""

from __future__ import annotations

from sqlalchemy import func, select

from clerk_app.api import open_hall
from clerk_app.demo import hall_data, journey_data
from clerk_app.persistence.models import Department, Material, ServiceItem, User


def _counts(hall):  # type: ignore[no-untyped-def]
    with hall.db.read() as s:
        return tuple(
            s.scalar(select(func.count()).select_from(t))
            for t in (Department, ServiceItem, Material, User)
        )


def test_seed_is_idempotent(db_url: str) -> None:
    hall = open_hall(db_url)
    hall.seed_demo()
    first = _counts(hall)
    hall.seed_demo()
    assert _counts(hall) == first
    departments, items, materials, users = first
    # 14 staff and one reviewer per department of the demo packages (issue 17)
    assert departments >= 8 and items >= 40 and materials >= 2 * items
    assert users == 14 + len(journey_data.REVIEWERS)
    hall.close()


def test_categories_counters_and_users(hall) -> None:  # type: ignore[no-untyped-def]
    kiosk = hall.kiosk()
    prefixes = [c.prefix for c in kiosk.catalog.list_categories()]
    assert prefixes[:5] == ["A", "B", "C", "D", "E"]
    counters = {c.number: c for c in kiosk.catalog.list_counters()}
    assert sorted(counters) == list(range(1, 13))
    for n in range(1, 9):
        assert set(counters[n].category_prefixes) == set(prefixes)
    assert counters[9].category_prefixes == ("C",)
    for username, _, role in hall_data.USERS:
        assert hall.login(username, "demo").actor.role.value == role
    assert hall.name == "汕头市政务服务中心"


def test_required_items_are_in_the_catalog(hall) -> None:  # type: ignore[no-untyped-def]
    catalog = hall.kiosk().catalog
    road = catalog.list_items("临时占用城市道路")
    assert [i.kind for i in road] == ["instant"]
    assert not road[0].tolerant_accept_allowed
    setup = [i for i in catalog.list_items("企业设立登记") if i.name == "企业设立登记"]
    assert setup and setup[0].promised_days == 2 and setup[0].kind == "promised"
    resale = catalog.list_items("存量房转让登记")
    assert resale and resale[0].promised_days == 5
    for name in ("食品经营许可", "公共场所卫生许可"):
        assert catalog.list_items(name), name
    detail = catalog.get_item(road[0].item_code)
    assert detail.materials and any(m.core for m in detail.materials)
