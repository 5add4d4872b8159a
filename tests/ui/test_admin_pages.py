"""The admin window's pages driven by keys: registered pages, filter and sort, forms that save
on Enter, cancel on Esc and show a refusal under its field with nothing changed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from admin_window import CTRL, Keyboard, fresh_hall, show_admin
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from clerk_app.api import AuthError, Hall
from clerk_app.i18n import set_language
from clerk_app.services.admin.catalog_admin import ItemDraft, MaterialDraft
from clerk_app.services.admin.counters import CounterDraft
from tests.imports.samples import snapshot
from ui.admin.catalog.item_dialog import ItemDialog
from ui.admin.counters.counter_dialog import CategoryDialog
from ui.admin.list_page import ListPage
from ui.admin.pages import PAGES

pytestmark = pytest.mark.qt
KEY = Qt.Key


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[Hall]:
    hall = fresh_hall(tmp_path)
    yield hall
    hall.close()


def page(screen: object, key: str) -> ListPage:
    found = screen.show_page(key)  # type: ignore[attr-defined]
    assert isinstance(found, ListPage)
    return found


def test_every_registered_page_is_shown_and_chosen_by_keys(
    qtbot: QtBot, clerk_qapp: QApplication, fresh: Hall
) -> None:
    _window, screen = show_admin(qtbot, fresh)
    keys = Keyboard(qtbot, screen)
    assert list(screen.pages) == [p.key for p in PAGES]
    assert screen.page_list.count() == len(PAGES)
    keys.press(KEY.Key_3, CTRL)
    assert screen.current_page() is screen.pages[PAGES[2].key]
    keys.press(KEY.Key_PageDown, CTRL)
    assert screen.current_page() is screen.pages[PAGES[3].key]
    keys.press(KEY.Key_1, CTRL)
    assert screen.current_page() is screen.pages["users"]
    assert QApplication.focusWidget() is screen.pages["users"].view  # type: ignore[attr-defined]


def test_a_new_account_by_keys_and_a_refusal_under_its_field(
    qtbot: QtBot, clerk_qapp: QApplication, fresh: Hall
) -> None:
    window, screen = show_admin(qtbot, fresh)
    users = page(screen, "users")
    keys = Keyboard(qtbot, screen)
    keys.press(KEY.Key_N, CTRL)
    dialog = keys.wait_for(users.dialog)
    assert QApplication.focusWidget() is dialog.fields["username"]
    keys.fill(dialog, {"username": "clerk01", "display_name": "林晓芸"})
    keys.fill(dialog, {"password": "onlyletters", "repeat": "onlyletters"})
    before = snapshot(fresh)
    keys.press(KEY.Key_Return)
    assert dialog.isVisible()  # refused: the form stays, with the sentence under the field
    assert "two kinds" in dialog.error_text("password")
    assert QApplication.focusWidget() is dialog.fields["password"]
    assert snapshot(fresh) == before
    keys.fill(dialog, {"password": "Counter-01", "repeat": "Counter-02"})
    keys.press(KEY.Key_Return)
    assert dialog.error_text("repeat") == "The two passwords differ."
    assert dialog.error_text("password") == ""  # the earlier error is gone
    keys.fill(dialog, {"repeat": "Counter-01"})
    keys.press(KEY.Key_Return)
    assert not dialog.isVisible()
    assert users.current_row().username == "clerk01"
    assert window.focusWidget() is users.view  # back on the list
    assert fresh.login("clerk01", "Counter-01").actor.display_name == "林晓芸"


def test_a_reviewer_account_gets_its_department_by_keys(
    qtbot: QtBot, clerk_qapp: QApplication, fresh: Hall
) -> None:
    fresh.login("chief", "First-admin-1").catalog_admin.add_department("SCJG", "市场监管局")
    _window, screen = show_admin(qtbot, fresh)
    users = page(screen, "users")
    keys = Keyboard(qtbot, screen)
    keys.press(KEY.Key_N, CTRL)
    dialog = keys.wait_for(users.dialog)
    department = dialog.fields["department"]
    assert not department.isEnabled()  # a clerk (the default role) belongs to no department
    keys.fill(dialog, {"username": "review_scjg", "display_name": "审批员"})
    keys.fill(dialog, {"password": "Review-01", "repeat": "Review-01"})
    dialog.fields["role"].setFocus()
    keys.press(KEY.Key_End)  # the last role: reviewer
    assert department.isEnabled()
    before = snapshot(fresh)
    keys.press(KEY.Key_Return)
    assert dialog.isVisible() and "needs its department" in dialog.error_text("department")
    assert snapshot(fresh) == before
    department.setFocus()
    keys.press(KEY.Key_Down)  # the first department
    keys.press(KEY.Key_Return)
    assert not dialog.isVisible()
    row = users.current_row()
    assert (row.username, row.role, row.department) == ("review_scjg", "reviewer", "SCJG")
    assert "SCJG" in users.model.display(row, users.model.ROLE)
    assert fresh.login("review_scjg", "Review-01").journey.inbox() == []


def test_the_refusal_is_in_the_users_language(
    qtbot: QtBot, clerk_qapp: QApplication, fresh: Hall
) -> None:
    _window, screen = show_admin(qtbot, fresh)
    keys = Keyboard(qtbot, screen)
    keys.press(KEY.Key_N, CTRL)
    dialog = keys.wait_for(page(screen, "users").dialog)
    set_language("zh_CN")  # the core's sentences follow the desk's language
    keys.fill(dialog, {"username": "a b", "password": "Counter-01", "repeat": "Counter-01"})
    keys.press(KEY.Key_Return)
    assert "用户名不能为空、不能含空格" in dialog.error_text("username")


def test_escape_cancels_and_changes_nothing(
    qtbot: QtBot, clerk_qapp: QApplication, fresh: Hall
) -> None:
    _window, screen = show_admin(qtbot, fresh)
    departments = page(screen, "departments")
    keys = Keyboard(qtbot, screen)
    before = snapshot(fresh)
    keys.press(KEY.Key_N, CTRL)
    dialog = keys.wait_for(departments.dialog)
    keys.fill(dialog, {"code": "SCJG", "name": "市场监管局"})
    keys.press(KEY.Key_Escape)
    assert not dialog.isVisible()
    assert snapshot(fresh) == before
    assert departments.model.rowCount() == 0


def test_lists_filter_on_ctrl_f_and_sort_by_header(
    qtbot: QtBot, clerk_qapp: QApplication, fresh: Hall
) -> None:
    admin = fresh.login("chief", "First-admin-1")
    for prefix, name in (("A", "企业开办"), ("B", "不动产登记"), ("C", "社会事务")):
        admin.counter_admin.add_category(prefix, name)
    for number, cats in ((12, ("C",)), (3, ("A", "B")), (7, ("B",))):
        admin.counter_admin.add_counter(CounterDraft(number, "", cats))
    _window, screen = show_admin(qtbot, fresh)
    counters = page(screen, "counters")
    keys = Keyboard(qtbot, screen)
    assert [c.number for c in counters.shown_rows()] == [3, 7, 12]  # numbers sort as numbers
    header = counters.view.horizontalHeader()
    spot = QPoint(header.sectionViewportPosition(0) + 5, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=spot)  # "No." reverses
    assert [c.number for c in counters.shown_rows()] == [12, 7, 3]
    keys.press(KEY.Key_F, CTRL)
    assert QApplication.focusWidget() is counters.filter_edit
    keys.type("B")
    assert sorted(c.number for c in counters.shown_rows()) == [3, 7]
    assert counters.count_label.text() == "2 of 3 rows shown"
    keys.press(KEY.Key_Return)  # back to the list, the filter kept
    assert QApplication.focusWidget() is counters.view


def test_a_category_and_a_counter_by_keys(
    qtbot: QtBot, clerk_qapp: QApplication, fresh: Hall
) -> None:
    admin = fresh.login("chief", "First-admin-1")
    admin.catalog_admin.add_department("BDC", "不动产登记中心")
    _window, screen = show_admin(qtbot, fresh)
    keys = Keyboard(qtbot, screen)
    categories = page(screen, "categories")
    for prefix, name in (("c", "不动产登记"), ("E", "综合")):
        keys.press(KEY.Key_N, CTRL)
        dialog = keys.wait_for(categories.dialog)
        keys.fill(dialog, {"prefix": prefix, "name": name})
        keys.press(KEY.Key_Return)
        assert not dialog.isVisible()
    assert [(c.prefix, c.name) for c in categories.shown_rows()] == [
        ("C", "不动产登记"),
        ("E", "综合"),
    ]

    counters = page(screen, "counters")
    keys.press(KEY.Key_N, CTRL)
    dialog = keys.wait_for(counters.dialog)
    keys.fill(dialog, {"number": "9", "name": "不动产专窗", "categories": "CQ"})
    dialog.fields["department"].setCurrentIndex(1)  # type: ignore[attr-defined]
    keys.press(KEY.Key_Return)
    assert dialog.error_text("categories") == "No category Q."
    keys.fill(dialog, {"categories": "E C"})
    keys.press(KEY.Key_Return)
    assert not dialog.isVisible()
    [counter] = admin.counter_admin.list_counters()
    assert (counter.number, counter.category_prefixes, counter.department_code) == (
        9,
        ("E", "C"),
        "BDC",
    )
    keys.press(KEY.Key_Return)  # Enter on the row edits it
    dialog = keys.wait_for(counters.dialog)
    keys.fill(dialog, {"number": "1000"})  # the spin box keeps 1–999
    assert dialog.fields["number"].value() == 100  # type: ignore[attr-defined]
    keys.fill(dialog, {"name": "窗" * 51})
    keys.press(KEY.Key_Return)
    assert "at most 50" in dialog.error_text("name")
    keys.press(KEY.Key_Escape)
    assert admin.counter_admin.list_counters() == [counter]


def test_item_materials_edited_by_keys_and_the_item_retired(
    qtbot: QtBot, clerk_qapp: QApplication, fresh: Hall
) -> None:
    admin = fresh.login("chief", "First-admin-1")
    admin.counter_admin.add_category("A", "综合")
    admin.catalog_admin.add_department("CG", "城管局")
    admin.catalog_admin.add_item(
        ItemDraft("CG-001", "临时占用城市道路许可", "CG", "A", "promised", 20, 5,
                  materials=(MaterialDraft("申请书"), MaterialDraft("身份证复印件", False)))
    )  # fmt: skip
    _window, screen = show_admin(qtbot, fresh)
    keys = Keyboard(qtbot, screen)
    items = page(screen, "items")
    keys.press(KEY.Key_Return)  # the only row is current: open it
    dialog = keys.wait_for(items.dialog)
    assert isinstance(dialog, ItemDialog)
    dialog.material_list.setFocus()
    dialog.material_list.setCurrentRow(1)
    keys.press(KEY.Key_Up, qtbot_alt())  # the copy of the ID card first
    assert [m.name for m in dialog.materials] == ["身份证复印件", "申请书"]
    keys.press(KEY.Key_M, CTRL)
    material = keys.wait_for(dialog.material_dialog)
    keys.type("现场照片")
    keys.press(KEY.Key_Return)
    assert [m.name for m in dialog.materials][-1] == "现场照片"
    assert dialog.focusWidget() is dialog.material_list
    keys.press(KEY.Key_Delete)  # the new one is current: removed again
    assert [m.name for m in dialog.materials] == ["身份证复印件", "申请书"]
    keys.fill(dialog, {"promised_days": "25"})
    keys.press(KEY.Key_Return)
    assert "exceed the statutory" in dialog.error_text("promised_days")
    keys.fill(dialog, {"promised_days": "3"})
    keys.press(KEY.Key_Return)
    assert not dialog.isVisible() and material is not None
    stored = admin.catalog_admin.item("CG-001")
    assert ([m.name for m in stored.materials], stored.promised_days) == (
        ["身份证复印件", "申请书"],
        3,
    )

    keys.press(KEY.Key_D, CTRL)  # retire
    assert items.current_row().active is False
    assert admin.catalog.search_items("lszy").items == ()
    keys.press(KEY.Key_D, CTRL)  # and back
    assert [i.item_code for i in admin.catalog.search_items("lszy").items] == ["CG-001"]


def qtbot_alt() -> Qt.KeyboardModifier:
    return Qt.KeyboardModifier.AltModifier


def test_reset_disable_and_unlock_by_keys(
    qtbot: QtBot, clerk_qapp: QApplication, fresh: Hall
) -> None:
    admin = fresh.login("chief", "First-admin-1")
    admin.admin.add_user("clerk01", "林晓芸", "clerk", "Counter-01")
    for _ in range(5):  # a forgotten password: the account locks
        with pytest.raises(AuthError):
            fresh.login("clerk01", "wrong-one-1")
    _window, screen = show_admin(qtbot, fresh)
    users = page(screen, "users")
    keys = Keyboard(qtbot, screen)
    users.select_where(lambda u: u.username == "clerk01")
    assert users.model.display(users.current_row(), users.model.STATUS) == "Locked"
    keys.press(KEY.Key_U, CTRL)  # unlock
    assert users.current_row().locked is False
    with pytest.raises(AuthError, match="password"):
        fresh.login("clerk01", "wrong-one-1")  # counting from zero again

    keys.press(KEY.Key_P, CTRL)  # reset the password
    dialog = keys.wait_for(users.dialog)
    keys.fill(dialog, {"password": "clerk01", "repeat": "clerk01"})
    keys.press(KEY.Key_Return)
    assert "at least 8" in dialog.error_text("password")
    keys.fill(dialog, {"password": "New-pass-01", "repeat": "New-pass-01"})
    keys.press(KEY.Key_Return)
    assert not dialog.isVisible()
    assert fresh.login("clerk01", "New-pass-01")

    keys.press(KEY.Key_D, CTRL)  # disable
    assert users.model.display(users.current_row(), users.model.STATUS) == "Disabled"
    with pytest.raises(AuthError):
        fresh.login("clerk01", "New-pass-01")
    keys.press(KEY.Key_D, CTRL)  # and enable again
    assert fresh.login("clerk01", "New-pass-01")

    users.select_where(lambda u: u.username == "chief")
    keys.press(KEY.Key_D, CTRL)  # one's own account: refused in a message, nothing changed
    message = users.message
    assert isinstance(message, QMessageBox) and message.isVisible()
    assert message.text() == "You cannot disable your own account."
    message.close()
    assert [u.active for u in admin.admin.list_users() if u.username == "chief"] == [True]


def test_a_double_click_opens_one_form(qtbot: QtBot, clerk_qapp: QApplication, fresh: Hall) -> None:
    fresh.login("chief", "First-admin-1").counter_admin.add_category("A", "综合")
    _window, screen = show_admin(qtbot, fresh)
    categories = page(screen, "categories")
    view = categories.view
    spot = view.visualRect(categories.proxy.index(0, 1)).center()
    # A real double-click: a click, then the second press Qt reports as a double-click.
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    qtbot.waitUntil(lambda: categories.dialog is not None and categories.dialog.isVisible())
    forms = [w for w in QApplication.topLevelWidgets() if isinstance(w, CategoryDialog)]
    assert [f.isVisible() for f in forms] == [True]
