"""The admin pages' table models with no window: what each column shows and how it sorts."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from clerk_app.services.admin.catalog_admin import DepartmentAdminInfo, ItemAdminInfo
from clerk_app.services.admin.counters import CategoryAdminInfo, CounterAdminInfo
from ui.admin.catalog.models import AdminItemModel, DepartmentModel
from ui.admin.counters.models import CategoryModel, CounterModel
from ui.common.table_model import SORT_ROLE

pytestmark = pytest.mark.qt


def cells(model: object) -> list[list[str]]:
    m = model  # a RowTableModel
    return [
        [m.index(r, c).data() for c in range(m.columnCount())]  # type: ignore[attr-defined]
        for r in range(m.rowCount())  # type: ignore[attr-defined]
    ]


def test_counters_show_integrated_or_their_department(clerk_qapp: QApplication) -> None:
    model = CounterModel()
    model.set_rows(
        [
            CounterAdminInfo(1, "综合窗口1", ("A", "B"), None, "", True),
            CounterAdminInfo(10, "不动产专窗", ("C",), "BDC", "不动产登记中心", True),
        ]
    )
    assert cells(model) == [
        ["1", "综合窗口1", "Integrated", "A B"],
        ["10", "不动产专窗", "不动产登记中心", "C"],
    ]
    assert model.index(1, CounterModel.NUMBER).data(SORT_ROLE) == 10  # a number, not "10"


def test_categories_and_departments(clerk_qapp: QApplication) -> None:
    categories = CategoryModel()
    categories.set_rows([CategoryAdminInfo("A", "企业开办", 3)])
    assert cells(categories) == [["A", "企业开办", "3"]]
    departments = DepartmentModel()
    departments.set_rows([DepartmentAdminInfo("CG", "城管局", 12)])
    assert cells(departments) == [["CG", "城管局", "12"]]
    assert departments.index(0, DepartmentModel.ITEMS).data(SORT_ROLE) == 12


def test_items_show_their_status_and_sort_days_as_numbers(clerk_qapp: QApplication) -> None:
    model = AdminItemModel()
    item = ItemAdminInfo(
        "CG-001", "临时占用城市道路许可", "CG", "城管局", "A", "promised", 20, 5, "", True,
        "汕头市", False, 2,
    )  # fmt: skip
    model.set_rows([item])
    [row] = cells(model)
    assert row == [
        "CG-001", "临时占用城市道路许可", "城管局", "A", "Promised", "20", "5", "Yes", "汕头市",
        "2", "Retired",
    ]  # fmt: skip
    assert model.index(0, AdminItemModel.STATUTORY).data(SORT_ROLE) == 20
