"""The table adapters, tested as models with no window: rows, columns, roles, resets."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QModelIndex, Qt

from clerk_app.services.admin import UserInfo
from clerk_app.services.catalog import CounterInfo, ItemInfo
from clerk_app.services.queue.results import CallInfo
from ui.admin.users.user_model import UserTableModel
from ui.common.catalog_models import (
    CounterTableModel,
    ItemTableModel,
)
from ui.common.table_model import ROW_ROLE, SORT_ROLE
from ui.display.call_model import CallTableModel

DISPLAY = Qt.ItemDataRole.DisplayRole


def _item(code: str, name: str, promised_days: int = 5, tolerant: bool = True) -> ItemInfo:
    return ItemInfo(
        item_code=code,
        name=name,
        department_name="汕头市城市管理和综合执法局",
        kind="promised",
        statutory_days=20,
        promised_days=promised_days,
        tolerant_accept_allowed=tolerant,
        fee_yuan="0",
        category_prefix="B",
        legal_basis="《城市道路管理条例》",
    )


def _text(model: ItemTableModel | UserTableModel | CounterTableModel, row: int, col: int) -> str:
    return str(model.data(model.index(row, col), DISPLAY))


def test_item_model_shows_rows_in_its_columns() -> None:
    model = ItemTableModel()
    road = _item("440500-CG-001", "临时占用城市道路许可")
    model.set_rows([road, _item("X-2", "挖掘", 10, tolerant=False)])

    assert model.rowCount() == 2
    assert model.columnCount() == len(model.headers()) == 8
    assert _text(model, 0, ItemTableModel.CODE) == "440500-CG-001"
    assert _text(model, 0, ItemTableModel.NAME) == "临时占用城市道路许可"
    assert _text(model, 0, ItemTableModel.KIND) == "Promised"
    assert _text(model, 0, ItemTableModel.TOLERANT) == "Yes"
    assert _text(model, 1, ItemTableModel.TOLERANT) == "No"
    assert model.headerData(ItemTableModel.NAME, Qt.Orientation.Horizontal) == "Service item"


def test_item_model_gives_the_row_and_a_numeric_sort_key() -> None:
    model = ItemTableModel()
    row = _item("A", "a", promised_days=10)
    model.set_rows([row])
    index = model.index(0, ItemTableModel.PROMISED_DAYS)

    assert model.data(index, ROW_ROLE) is row
    assert model.data(index, SORT_ROLE) == 10
    assert model.data(index, Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight


def test_set_rows_resets_the_model_once_and_replaces_everything() -> None:
    model = ItemTableModel()
    model.set_rows([_item("A", "a"), _item("B", "b")])
    resets: list[None] = []
    model.modelReset.connect(lambda: resets.append(None))

    model.set_rows([_item("C", "c")])

    assert resets == [None]
    assert [r.item_code for r in model.rows()] == ["C"]


def test_out_of_range_and_child_indexes_are_empty() -> None:
    model = ItemTableModel()
    model.set_rows([_item("A", "a")])

    assert model.data(model.index(5, 0), DISPLAY) is None
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.data(QModelIndex(), DISPLAY) is None


def test_user_model_shows_role_and_status() -> None:
    model = UserTableModel()
    model.set_rows(
        [
            UserInfo("clerk01", "林晓芸", "clerk", active=True, locked=False),
            UserInfo("clerk02", "陈泽鸿", "clerk", active=True, locked=True),
            UserInfo("old", "离职人员", "clerk", active=False, locked=False),
        ]
    )

    assert _text(model, 0, UserTableModel.ROLE) == "Clerk"
    statuses = [_text(model, r, UserTableModel.STATUS) for r in range(3)]
    assert statuses == ["Active", "Locked", "Disabled"]


def test_counter_model_names_the_categories_it_serves() -> None:
    model = CounterTableModel()
    model.set_category_names({"C": "不动产登记", "E": "综合"})
    model.set_rows([CounterInfo(10, "不动产登记专窗", ("C", "E"))])

    assert _text(model, 0, CounterTableModel.NUMBER) == "10"
    assert _text(model, 0, CounterTableModel.CATEGORIES) == "C 不动产登记，E 综合"


def test_call_model_reads_ticket_and_counter() -> None:
    model = CallTableModel()
    model.set_rows([CallInfo(1, datetime(2026, 3, 2, 9, 15), "A012", 5, "call")])

    assert model.data(model.index(0, CallTableModel.TICKET), DISPLAY) == "A012"
    assert model.data(model.index(0, CallTableModel.COUNTER), DISPLAY) == "Counter 5"
