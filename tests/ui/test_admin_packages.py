"""The 一件事 page of the admin window (issues #14, #17), driven by keys as a hall's admin
would: a new package of two catalog items with one shared material, its promised limit
changed, a limit above an item's statutory limit refused with nothing changed, and a package
taken out of use leaving the counter's package choice."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from admin_window import ALT, CTRL, Keyboard
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from clerk_app.api import Hall
from clerk_app.errors import ValidationError
from clerk_app.persistence.models_journey import (
    Package,
    PackageItem,
    PackageMaterial,
    PackageMaterialLink,
)
from clerk_app.services.journey.results import PackageInfo
from tests.support.acceptance import MovableClock, at, clerk
from tests.test_journey import FIRM
from ui.acceptance.package_choice import PackageChoice
from ui.admin.admin_screen import AdminScreen
from ui.admin.packages.package_dialog import PackageDialog
from ui.admin.packages.page import PackagesPage
from ui.main_window import MainWindow

pytestmark = pytest.mark.qt
KEY = Qt.Key
SEAL, INVOICE = "440500-GA-101", "440500-SW-101"  # 印章刻制备案 (statutory 3), 发票申领 (5)
LICENCE = "营业执照副本复印件"


@pytest.fixture
def desk(hall: Hall) -> Hall:
    clock = MovableClock()
    clock.set_local(datetime(2026, 6, 1, 10, 0))
    return at(hall, clock)


def open_page(qtbot: QtBot, hall: Hall) -> tuple[Keyboard, PackagesPage]:
    """The demo admin's window, on the 一件事 page (Ctrl+6: right after the items)."""
    window = MainWindow(hall.login("admin", "demo"), hall.name)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    screen = window.screen_widget
    assert isinstance(screen, AdminScreen)
    keys = Keyboard(qtbot, screen)
    keys.press(KEY.Key_6, CTRL)
    page = screen.current_page()
    assert isinstance(page, PackagesPage) and page is screen.pages["packages"]
    return keys, page


def stored(hall: Hall) -> dict[str, list[Any]]:
    """The four package tables, row by row."""
    with hall.db.read() as s:
        return {
            "packages": [
                (p.code, p.name, p.promised_days, p.active)
                for p in s.scalars(select(Package).order_by(Package.code))
            ],
            "items": sorted(
                (i.package_id, i.item_id, i.position) for i in s.scalars(select(PackageItem))
            ),
            "shared": sorted((m.package_id, m.name) for m in s.scalars(select(PackageMaterial))),
            "links": sorted(
                (x.package_material_id, x.material_id)
                for x in s.scalars(select(PackageMaterialLink))
            ),
        }


def tick(keys: Keyboard, dialog: PackageDialog, typed: str) -> None:
    """Types in the catalog filter, Down to the first item shown, Space ticks it."""
    dialog.filter_edit.setFocus()
    dialog.filter_edit.selectAll()
    keys.type(typed)
    keys.press(KEY.Key_Down)
    assert QApplication.focusWidget() is dialog.catalog_list
    keys.press(KEY.Key_Space)


def new_package(keys: Keyboard, page: PackagesPage) -> PackageDialog:
    """Ctrl+N, then code, name, 2 working days, two items and one shared material, by keys."""
    keys.press(KEY.Key_N, CTRL)
    dialog = keys.wait_for(page.dialog)
    assert isinstance(dialog, PackageDialog)
    keys.type("YZFP")  # the cursor starts in the code
    keys.fill(dialog, {"name": "印章发票联办", "promised_days": "2"})
    tick(keys, dialog, "SW-101")
    tick(keys, dialog, "GA-101")
    assert dialog.item_codes == [INVOICE, SEAL]
    dialog.chosen_list.setFocus()
    dialog.chosen_list.setCurrentRow(1)
    keys.press(KEY.Key_Up, ALT)  # the seal first
    assert dialog.item_codes == [SEAL, INVOICE]
    keys.press(KEY.Key_M, CTRL)
    shared = keys.wait_for(dialog.shared_dialog)
    keys.type(LICENCE)
    material_list = shared.fields["materials"]
    material_list.setFocus()
    labels = [material_list.item(r).text() for r in range(material_list.count())]  # type: ignore[attr-defined]
    for r, label in enumerate(labels):
        if label.endswith(LICENCE):
            material_list.setCurrentRow(r)  # type: ignore[attr-defined]
            keys.press(KEY.Key_Space)
    keys.press(KEY.Key_Return)
    assert not shared.isVisible(), shared.error_text("materials")
    assert [(s.name, s.pairs) for s in dialog.shared] == [
        (LICENCE, [(SEAL, LICENCE), (INVOICE, LICENCE)])
    ]
    return dialog


def test_an_admin_sets_up_a_package_by_keys_and_a_counter_accepts_it(
    qtbot: QtBot, clerk_qapp: QApplication, desk: Hall
) -> None:
    keys, page = open_page(qtbot, desk)
    dialog = new_package(keys, page)
    keys.press(KEY.Key_Return)
    assert not dialog.isVisible(), dialog.error_text()

    package = page.current_row()
    assert isinstance(package, PackageInfo) and package.code == "YZFP"
    assert page.model.display(package, page.model.ITEMS) == "印章刻制备案、发票申领"
    assert page.model.display(package, page.model.SHARED) == "1"
    admin = desk.login("admin", "demo")
    [saved] = [p for p in admin.journey.list_packages() if p.code == "YZFP"]
    assert (saved.name, saved.promised_days, saved.active) == ("印章发票联办", 2, True)
    assert [i.item_code for i in saved.items] == [SEAL, INVOICE]
    assert [(m.name, len(m.material_ids)) for m in saved.shared] == [(LICENCE, 2)]

    done = clerk(desk).journey.accept_package("YZFP", FIRM)
    assert done.package_code == "YZFP" and len(done.cases) == 2

    # Enter on the row edits it: 3 working days (印章刻制备案's statutory limit) is kept.
    keys.press(KEY.Key_Return)
    edit = keys.wait_for(page.dialog)
    assert isinstance(edit, PackageDialog) and edit is not dialog
    assert edit.code_edit.isReadOnly() and [s.name for s in edit.shared] == [LICENCE]
    keys.fill(edit, {"promised_days": "3"})
    keys.press(KEY.Key_Return)
    assert not edit.isVisible(), edit.error_text()
    again = admin.journey.get_package("YZFP")
    assert again.promised_days == 3 and [i.item_code for i in again.items] == [SEAL, INVOICE]
    assert [(m.name, len(m.material_ids)) for m in again.shared] == [(LICENCE, 2)]


def test_a_limit_above_an_items_statutory_limit_is_refused_and_nothing_changes(
    qtbot: QtBot, clerk_qapp: QApplication, desk: Hall
) -> None:
    keys, page = open_page(qtbot, desk)
    before = stored(desk)
    dialog = new_package(keys, page)
    keys.fill(dialog, {"promised_days": "4"})  # 印章刻制备案 allows 3
    keys.press(KEY.Key_Return)
    assert dialog.isVisible()
    assert "exceeds the statutory limit of 印章刻制备案" in dialog.error_text()
    assert "nothing was changed" in dialog.error_text()
    assert stored(desk) == before
    # what was typed is all still there
    assert (dialog.code_edit.text(), dialog.name_edit.text()) == ("YZFP", "印章发票联办")
    assert dialog.promised_spin.value() == 4 and dialog.item_codes == [SEAL, INVOICE]

    # a new package never replaces one of the same code: 开办企业 stays as it was
    dialog.code_edit.setFocus()
    dialog.code_edit.selectAll()
    keys.type("KBQY")
    keys.fill(dialog, {"promised_days": "2"})
    keys.press(KEY.Key_Return)
    assert "KBQY" in dialog.error_text("code") and stored(desk) == before

    # a bidi override pasted into the name (from a web page) is refused at entry, under it
    QApplication.clipboard().setText("印章\u202e发票")
    dialog.name_edit.setFocus()
    dialog.name_edit.selectAll()
    keys.press(KEY.Key_V, CTRL)
    assert "\u202e" in dialog.name_edit.text()
    keys.press(KEY.Key_Return)
    assert "U+202E" in dialog.error_text("name") and stored(desk) == before
    keys.press(KEY.Key_Escape)
    assert not dialog.isVisible() and stored(desk) == before


def test_a_package_taken_out_of_use_leaves_the_counters_choice(
    qtbot: QtBot, clerk_qapp: QApplication, desk: Hall
) -> None:
    keys, page = open_page(qtbot, desk)
    counter = clerk(desk)
    assert [p.code for p in PackageChoice(counter.journey).matching("存量房")] == ["CLFZR"]
    page.select_where(lambda row: row.code == "CLFZR")
    page.view.setFocus()
    keys.press(KEY.Key_D, CTRL)
    assert page.current_row().code == "CLFZR" and page.current_row().active is False
    assert page.model.display(page.current_row(), page.model.STATUS) == "Inactive"
    assert not desk.login("admin", "demo").journey.get_package("CLFZR").active
    assert PackageChoice(counter.journey).matching("存量房") == []
    with pytest.raises(ValidationError):
        counter.journey.accept_package("CLFZR", FIRM)
    keys.press(KEY.Key_D, CTRL)  # and back in use
    assert page.current_row().active is True
    assert [p.code for p in PackageChoice(counter.journey).matching("存量房")] == ["CLFZR"]


def test_the_page_reads_chinese_at_a_chinese_desk(
    qtbot: QtBot, clerk_qapp: QApplication, desk: Hall
) -> None:
    from ui.app import create_application

    create_application(lang="zh_CN")  # clerk_qapp switches back to English afterwards
    page = PackagesPage(desk.login("admin", "demo"))
    qtbot.addWidget(page)
    page.reload()
    assert page.page_title() == "一件事"
    headers = [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(6)]
    assert headers == ["编码", "一件事", "承诺时限（工作日）", "包含事项", "共享材料", "状态"]
    page.select_where(lambda row: row.code == "KBQY")
    page.edit_current()
    dialog = page.dialog
    assert isinstance(dialog, PackageDialog) and dialog.windowTitle() == "一件事"
    # the demo's 开办企业 opens with its five items and its shared materials, pair by pair
    assert len(dialog.item_codes) == 5 and dialog.promised_spin.value() == 2
    assert [len(s.pairs) for s in dialog.shared] == [4, 4, 3]
    dialog.reject()


def test_the_catalog_filter_finds_an_item_by_its_pinyin_initials(
    qtbot: QtBot, clerk_qapp: QApplication, desk: Hall
) -> None:
    """An admin types ``yzkz`` for 印章刻制备案, as a clerk does at the counter's item search."""
    keys, page = open_page(qtbot, desk)
    keys.press(KEY.Key_N, CTRL)
    dialog = keys.wait_for(page.dialog)
    assert isinstance(dialog, PackageDialog)
    tick(keys, dialog, "yzkz")
    shown = [
        dialog.catalog_list.item(r).text()
        for r in range(dialog.catalog_list.count())
        if not dialog.catalog_list.item(r).isHidden()
    ]
    assert any(text.startswith(SEAL) for text in shown)
    assert all(text.endswith("印章刻制备案") for text in shown)
    [ticked] = dialog.item_codes  # Down and Space ticked the first one shown
    assert shown[0].startswith(ticked)
    dialog.filter_edit.clear()  # the filter emptied shows every item again
    assert not any(
        dialog.catalog_list.item(r).isHidden() for r in range(dialog.catalog_list.count())
    )


def test_tab_walks_the_form_in_order(qtbot: QtBot, clerk_qapp: QApplication, desk: Hall) -> None:
    keys, page = open_page(qtbot, desk)
    keys.press(KEY.Key_N, CTRL)
    dialog = keys.wait_for(page.dialog)
    assert isinstance(dialog, PackageDialog)
    walked = [QApplication.focusWidget()]
    for _ in range(7):
        keys.tab()
        walked.append(QApplication.focusWidget())
    assert walked == [
        dialog.code_edit,
        dialog.name_edit,
        dialog.promised_spin,
        dialog.filter_edit,
        dialog.catalog_list,
        dialog.chosen_list,
        dialog.shared_list,
        dialog.save_button,  # the list buttons are left out: their keys are on them
    ]


def test_an_item_unticked_leaves_its_shared_materials_and_the_core_refuses_what_remains(
    qtbot: QtBot, clerk_qapp: QApplication, desk: Hall
) -> None:
    keys, page = open_page(qtbot, desk)
    before = stored(desk)
    dialog = new_package(keys, page)
    tick(keys, dialog, "SW-101")  # Space again: 发票申领 unticked
    assert dialog.item_codes == [SEAL]
    assert [(s.name, s.pairs) for s in dialog.shared] == [(LICENCE, [(SEAL, LICENCE)])]
    keys.press(KEY.Key_Return)
    assert dialog.isVisible() and "two items or more" in dialog.error_text()
    assert stored(desk) == before

    # F2 on the shared material opens it with its name and ticks; Delete removes it
    dialog.shared_list.setFocus()
    dialog.shared_list.setCurrentRow(0)
    keys.press(KEY.Key_F2)
    shared = keys.wait_for(dialog.shared_dialog)
    assert shared.fields["name"].text() == LICENCE  # type: ignore[attr-defined]
    keys.press(KEY.Key_Escape)
    assert not shared.isVisible() and len(dialog.shared) == 1
    dialog.shared_list.setFocus()
    keys.press(KEY.Key_Delete)
    assert dialog.shared == []
    keys.press(KEY.Key_Return)  # one item, no shared material: a package all the same
    assert not dialog.isVisible(), dialog.error_text()
    saved = desk.login("admin", "demo").journey.get_package("YZFP")
    assert [i.item_code for i in saved.items] == [SEAL] and saved.shared == ()
