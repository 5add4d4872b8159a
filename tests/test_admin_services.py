"""Administration services on SQLite and PostgreSQL: users, counters and categories, catalog.

Each refusal names its field with one sentence in both languages and leaves every table as it
was (compared row by row); each accepted change writes its audit row.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any

import pytest
from sqlalchemy import select

from clerk_app.api import Hall, StaffSession, open_hall
from clerk_app.domain.roles import Actor, Role
from clerk_app.errors import AuthError, NotFound, PermissionDenied, ValidationError
from clerk_app.persistence.models import AuditLog, ServiceItem
from clerk_app.services.admin.catalog_admin import ItemDraft, MaterialDraft
from clerk_app.services.admin.counters import CounterDraft
from tests.imports.samples import snapshot


@pytest.fixture
def fresh(db_url: str) -> Iterator[Hall]:
    """An empty hall (no demo), with its first administrator as `clerk user add` makes it."""
    hall = open_hall(db_url)
    hall.system().admin.add_user("chief", "主任", "admin", "First-admin-1")
    yield hall
    hall.close()


@pytest.fixture
def admin(fresh: Hall) -> StaffSession:
    return fresh.login("chief", "First-admin-1")


def refused(hall: Hall, action: Callable[[], Any], field: str, words: str) -> ValidationError:
    """Runs ``action``, expects a ValidationError on ``field`` whose English holds ``words``,
    and the database unchanged."""
    before = snapshot(hall)
    with pytest.raises(ValidationError) as caught:
        action()
    assert (caught.value.field or "") == field, caught.value.en
    assert words in caught.value.en, caught.value.en
    assert caught.value.zh and caught.value.zh != caught.value.en
    assert snapshot(hall) == before
    return caught.value


def audit_actions(hall: Hall) -> list[str]:
    with hall.db.read() as s:
        actions = s.scalars(select(AuditLog.action).order_by(AuditLog.id))
        return [
            a for a in actions if not a.startswith("login") and a != "account_locked"
        ]  # sign-ins are audited too


ITEM = ItemDraft(
    item_code="440500-TEST-001",
    name="临时占用城市道路许可",
    department_code="CG",
    category_prefix="A",
    kind="promised",
    statutory_days=20,
    promised_days=5,
    legal_basis="《城市道路管理条例》第三十一条",
    tolerant_accept_allowed=True,
    authority="汕头市",
    materials=(
        MaterialDraft("申请书", core=True),
        MaterialDraft("营业执照复印件", core=False, copies=2, notes="加盖公章", form="copy"),
    ),
)


NON_CORE = MaterialDraft("b", core=False)


def catalog_ready(admin: StaffSession) -> None:
    admin.counter_admin.add_category("A", "综合业务")
    admin.catalog_admin.add_department("CG", "城管局")


# ------------------------------------------------------------------ users


def test_users_add_edit_reset_disable_unlock(fresh: Hall, admin: StaffSession) -> None:
    users = admin.admin
    users.add_user("clerk13", "新同事", "clerk", "Counter-13")
    assert fresh.login("clerk13", "Counter-13").actor.role is Role.CLERK
    users.edit_user("clerk13", "林晓", "supervisor")
    assert fresh.login("clerk13", "Counter-13").actor.display_name == "林晓"
    users.set_password("clerk13", "Another-pass-2")
    for _ in range(5):
        with pytest.raises(AuthError):
            fresh.login("clerk13", "wrong-pass")
    assert [u.locked for u in users.list_users() if u.username == "clerk13"] == [True]
    users.unlock("clerk13")
    assert fresh.login("clerk13", "Another-pass-2")
    users.set_active("clerk13", False)
    with pytest.raises(AuthError):
        fresh.login("clerk13", "Another-pass-2")
    users.set_active("clerk13", True)
    assert fresh.login("clerk13", "Another-pass-2")
    actions = audit_actions(fresh)
    for action in ("user_added", "user_edited", "password_changed", "user_unlocked"):
        assert action in actions
    assert actions[-2:] == ["user_disabled", "user_enabled"]


@pytest.mark.parametrize(
    ("username", "name", "role", "password", "field", "words"),
    [
        ("clerk13", "新同事", "clerk", "short1", "password", "at least 8"),
        ("clerk13", "新同事", "clerk", "onlyletters", "password", "two kinds"),
        ("Clerk-13", "新同事", "clerk", "clerk-13", "password", "user name"),
        ("u" * 65, "新同事", "clerk", "Counter-13", "username", "64"),
        ("two words", "新同事", "clerk", "Counter-13", "username", "without spaces"),
        ("", "新同事", "clerk", "Counter-13", "username", "1 to 64"),
        ("clerk13", "林\x1b晓", "clerk", "Counter-13", "display_name", "control character"),
        ("clerk13", "名" * 65, "clerk", "Counter-13", "display_name", "at most 64"),
        ("clerk13", "新同事", "kiosk", "Counter-13", "role", "Invalid role"),
        ("chief", "重复", "clerk", "Counter-13", "username", "taken"),
    ],
)
def test_bad_user_input_is_refused_with_nothing_changed(
    fresh: Hall,
    admin: StaffSession,
    username: str,
    name: str,
    role: str,
    password: str,
    field: str,
    words: str,
) -> None:
    refused(fresh, lambda: admin.admin.add_user(username, name, role, password), field, words)


def test_reset_password_keeps_the_policy(fresh: Hall, admin: StaffSession) -> None:
    admin.admin.add_user("clerk13", "新同事", "clerk", "Counter-13")
    refused(fresh, lambda: admin.admin.set_password("clerk13", "clerk13"), "password", "at least")
    refused(fresh, lambda: admin.admin.set_password("clerk13", "CLERKABCD"), "password", "kinds")


def test_a_reviewer_account_names_its_department(fresh: Hall, admin: StaffSession) -> None:
    admin.catalog_admin.add_department("SCJG", "市场监管局")
    add = admin.admin.add_user
    refused(fresh, lambda: add("rv1", "审批甲", "reviewer", "Review-01"), "department", "needs")
    refused(
        fresh, lambda: add("rv1", "审批甲", "reviewer", "Review-01", "NOPE"), "department", "No"
    )
    refused(fresh, lambda: add("c9", "窗口", "clerk", "Counter-09", "SCJG"), "department", "Only")
    info = add("rv1", "审批甲", "reviewer", "Review-01", "SCJG")
    assert (info.role, info.department) == ("reviewer", "SCJG")
    listed = {u.username: u for u in admin.admin.list_users()}
    assert listed["rv1"].department == "SCJG" and listed["chief"].department == ""
    reviewer = fresh.login("rv1", "Review-01")
    assert reviewer.actor.role == Role.REVIEWER
    assert reviewer.journey.inbox() == []  # its department's inbox, empty on a fresh hall
    moved = admin.admin.edit_user("rv1", "审批甲", "clerk")  # no longer anyone's reviewer
    assert (moved.role, moved.department) == ("clerk", "")
    with pytest.raises(AuthError):  # the session signed in as a reviewer has ended
        reviewer.journey.inbox()
    assert audit_actions(fresh)[-2:] == ["user_added", "user_edited"]


def test_the_last_admin_stays(fresh: Hall, admin: StaffSession) -> None:
    refused(fresh, lambda: admin.admin.edit_user("chief", "主任", "clerk"), "role", "last active")
    system = fresh.system().admin  # a CLI session may not disable the last admin either
    refused(fresh, lambda: system.set_active("chief", False), "", "last active")
    refused(fresh, lambda: admin.admin.set_active("chief", False), "", "your own account")
    admin.admin.add_user("deputy", "副主任", "admin", "Deputy-admin-1")
    admin.admin.edit_user("deputy", "副主任", "clerk")  # another admin remains: allowed


def test_only_admins_manage(fresh: Hall, admin: StaffSession) -> None:
    catalog_ready(admin)
    admin.admin.add_user("clerk13", "新同事", "clerk", "Counter-13")
    for role in (Role.CLERK, Role.SUPERVISOR, Role.KIOSK, Role.DISPLAY):
        other = StaffSession(fresh.db, Actor(role, "x", "x"), fresh.clock)
        before = snapshot(fresh)
        for call in (
            lambda o: o.admin.add_user("evil", "Evil", "admin", "Evil-pass-1"),
            lambda o: o.admin.edit_user("clerk13", "x", "admin"),
            lambda o: o.counter_admin.add_category("Z", "x"),
            lambda o: o.counter_admin.add_counter(CounterDraft(1, "", ("A",))),
            lambda o: o.catalog_admin.add_department("X", "x"),
            lambda o: o.catalog_admin.add_item(ITEM),
            lambda o: o.catalog_admin.retire_item(ITEM.item_code),
        ):
            with pytest.raises(PermissionDenied):
                call(other)
        assert snapshot(fresh) == before


# ------------------------------------------------------------------ counters and categories


def test_categories_and_counters(fresh: Hall, admin: StaffSession) -> None:
    counters = admin.counter_admin
    counters.add_category("a", "企业开办")
    counters.add_category("B", "不动产登记")
    counters.rename_category("B", "不动产")
    admin.catalog_admin.add_department("BDC", "不动产登记中心")
    counters.add_counter(CounterDraft(1, "综合窗口1", ("B", "A")))
    counters.add_counter(CounterDraft(9, "", ("B",), department_code="BDC"))
    one, nine = counters.list_counters()
    assert (one.category_prefixes, one.integrated) == (("B", "A"), True)
    assert (nine.name, nine.department_name, nine.integrated) == (
        "9号窗口",
        "不动产登记中心",
        False,
    )
    counters.edit_counter(9, CounterDraft(10, "不动产专窗", ("A", "B"), None))
    assert [(c.number, c.category_prefixes) for c in admin.catalog.list_counters()] == [
        (1, ("B", "A")),
        (10, ("A", "B")),
    ]
    assert [(c.prefix, c.name, c.counters) for c in counters.list_categories()] == [
        ("A", "企业开办", 2),
        ("B", "不动产", 2),
    ]
    assert audit_actions(fresh)[-3:] == ["counter_added", "counter_added", "counter_edited"]


@pytest.mark.parametrize(
    ("draft", "field", "words"),
    [
        (CounterDraft(0, "x", ("A",)), "number", "1 to 999"),
        (CounterDraft(1000, "x", ("A",)), "number", "1 to 999"),
        (CounterDraft(1, "x", ("A",)), "number", "exists"),
        (CounterDraft(2, "窗" * 51, ("A",)), "name", "at most 50"),
        (CounterDraft(2, "x", ()), "categories", "at least one"),
        (CounterDraft(2, "x", ("A", "A")), "categories", "once"),
        (CounterDraft(2, "x", ("Q",)), "categories", "No category Q"),
        (CounterDraft(2, "x", ("A",), "NOPE"), "department", "No department"),
    ],
)
def test_bad_counters_are_refused(
    fresh: Hall, admin: StaffSession, draft: CounterDraft, field: str, words: str
) -> None:
    admin.counter_admin.add_category("A", "综合")
    admin.counter_admin.add_counter(CounterDraft(1, "一号", ("A",)))
    refused(fresh, lambda: admin.counter_admin.add_counter(draft), field, words)
    if draft.number != 1:
        refused(fresh, lambda: admin.counter_admin.edit_counter(1, draft), field, words)


def test_a_signed_in_counter_keeps_its_number(fresh: Hall, admin: StaffSession) -> None:
    admin.counter_admin.add_category("A", "综合")
    admin.counter_admin.add_counter(CounterDraft(1, "一号", ("A",)))
    admin.admin.add_user("clerk01", "林", "clerk", "Counter-01")
    fresh.login("clerk01", "Counter-01", counter=1)
    refused(
        fresh,
        lambda: admin.counter_admin.edit_counter(1, CounterDraft(2, "一号", ("A",))),
        "number",
        "signed in",
    )


@pytest.mark.parametrize(
    ("prefix", "name", "field", "words"),
    [("AB", "x", "prefix", "one letter"), ("1", "x", "prefix", "one letter"),
     ("A", "x", "prefix", "exists"), ("C", "", "name", "category name"),
     ("C", "类" * 51, "name", "at most 50")],
)  # fmt: skip
def test_bad_categories_are_refused(
    fresh: Hall, admin: StaffSession, prefix: str, name: str, field: str, words: str
) -> None:
    admin.counter_admin.add_category("A", "综合")
    refused(fresh, lambda: admin.counter_admin.add_category(prefix, name), field, words)


# ------------------------------------------------------------------ catalog


def test_departments(fresh: Hall, admin: StaffSession) -> None:
    catalog = admin.catalog_admin
    catalog.add_department("SCJG", "市场监管局")
    catalog.rename_department("SCJG", "市市场监督管理局")
    assert [(d.code, d.name) for d in catalog.list_departments()] == [("SCJG", "市市场监督管理局")]
    refused(fresh, lambda: catalog.add_department("SCJG", "另一个"), "code", "exists")
    refused(fresh, lambda: catalog.add_department("X", "市市场监督管理局"), "name", "used by")
    refused(fresh, lambda: catalog.add_department("A B", "x"), "code", "no spaces")
    refused(fresh, lambda: catalog.add_department("C" * 33, "x"), "code", "at most 32")
    refused(fresh, lambda: catalog.add_department("X", "部" * 101), "name", "at most 100")
    refused(fresh, lambda: catalog.rename_department("SCJG", ""), "name", "department name")


def test_item_added_found_edited_retired(fresh: Hall, admin: StaffSession) -> None:
    catalog_ready(admin)
    catalog = admin.catalog_admin
    added = catalog.add_item(ITEM)
    assert [m.name for m in added.materials] == ["申请书", "营业执照复印件"]
    found = admin.catalog.search_items("lszy").items  # pinyin initials of the name
    assert [i.item_code for i in found] == [ITEM.item_code]
    shown = admin.catalog.get_item(ITEM.item_code)
    assert (shown.promised_days, shown.tolerant_accept_allowed) == (5, True)
    assert [(m.name, m.core, m.copies, m.requirement) for m in shown.materials] == [
        ("申请书", True, 1, ""),
        ("营业执照复印件", False, 2, "加盖公章"),
    ]

    draft = catalog.item(ITEM.item_code).draft()
    kept, _ = draft.materials
    renamed = replace(
        draft,
        name="城市道路挖掘许可",
        materials=(replace(kept, notes="原件一份"), MaterialDraft("施工方案", core=False)),
    )
    catalog.edit_item(ITEM.item_code, renamed)
    assert admin.catalog.search_items("lszy").items == ()  # the search text followed the name
    assert [i.item_code for i in admin.catalog.search_items("csdl").items] == [ITEM.item_code]
    after = catalog.item(ITEM.item_code)
    first = after.materials[0]
    assert (first.name, first.notes, first.id) == ("申请书", "原件一份", kept.id)

    catalog.retire_item(ITEM.item_code)
    assert admin.catalog.search_items("csdl").items == ()
    assert [(i.item_code, i.active) for i in catalog.list_items()] == [(ITEM.item_code, False)]
    catalog.restore_item(ITEM.item_code)
    assert admin.catalog.search_items("csdl").items
    assert audit_actions(fresh)[-4:] == [
        "item_added",
        "item_edited",
        "item_retired",
        "item_restored",
    ]


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"item_code": ""}, "item_code", "item code"),
        ({"item_code": "C" * 65}, "item_code", "at most 64"),
        ({"name": ""}, "name", "item name"),
        ({"name": "名" * 201}, "name", "at most 200"),
        ({"department_code": "NOPE"}, "department", "No department"),
        ({"category_prefix": "Q"}, "category", "No category Q"),
        ({"kind": "maybe"}, "kind", "instant or promised"),
        ({"statutory_days": 3651}, "statutory_days", "0 to 3650"),
        ({"promised_days": -1}, "promised_days", "0 to 3650"),
        ({"promised_days": 21}, "promised_days", "exceed the statutory"),
        ({"promised_days": 0}, "promised_days", "at least 1"),
        ({"kind": "instant", "promised_days": 0}, "tolerant_accept_allowed", "instant item"),
        ({"authority": "区" * 101}, "authority", "at most 100"),
        ({"legal_basis": "依据\u202e"}, "legal_basis", "control character"),
        ({"materials": (MaterialDraft("申请书"),)}, "tolerant_accept_allowed", "non-core"),
        ({"materials": (MaterialDraft("a"), MaterialDraft("a", core=False))}, "materials", "twice"),
        ({"materials": (MaterialDraft(""), MaterialDraft("b", False))}, "materials", "material 1"),
        ({"materials": (MaterialDraft("a", copies=0), NON_CORE)}, "materials", "1 to 99"),
        ({"materials": (MaterialDraft("材" * 201), NON_CORE)}, "materials", "at most 200"),
    ],
)  # fmt: skip
def test_bad_items_are_refused(
    fresh: Hall, admin: StaffSession, changes: dict[str, Any], field: str, words: str
) -> None:
    catalog_ready(admin)
    refused(fresh, lambda: admin.catalog_admin.add_item(replace(ITEM, **changes)), field, words)
    if "item_code" not in changes:
        admin.catalog_admin.add_item(ITEM)
        bad = replace(ITEM, **changes)
        refused(fresh, lambda: admin.catalog_admin.edit_item(ITEM.item_code, bad), field, words)


def test_an_items_code_stays(fresh: Hall, admin: StaffSession) -> None:
    catalog_ready(admin)
    admin.catalog_admin.add_item(ITEM)
    refused(fresh, lambda: admin.catalog_admin.add_item(ITEM), "item_code", "exists")
    moved = replace(ITEM, item_code="440500-TEST-002")
    refused(
        fresh,
        lambda: admin.catalog_admin.edit_item(ITEM.item_code, moved),
        "item_code",
        "cannot change",
    )
    with pytest.raises(NotFound):
        admin.catalog_admin.retire_item("NOPE")


def test_retired_items_stay_on_their_cases(hall: Hall) -> None:
    """The demo's accepted cases keep their item after it is retired; its used materials stay."""
    admin = hall.login("admin", "demo")
    [case, *_] = admin.cases.list_cases()
    catalog = admin.catalog_admin
    catalog.retire_item(case.item_code)
    assert admin.cases.get(case.case_no).item_name == case.item_name
    assert case.item_code not in {i.item_code for i in admin.catalog.list_items()}
    with hall.db.read() as s:
        assert (
            s.scalar(select(ServiceItem.active).where(ServiceItem.item_code == case.item_code))
            is False
        )
    draft = catalog.item(case.item_code).draft()
    refused(
        hall,
        lambda: catalog.edit_item(case.item_code, replace(draft, materials=())),
        "materials",
        "used by cases",
    )
