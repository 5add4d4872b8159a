"""The forms of the Counters pages: a queue category, a counter."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QComboBox, QLineEdit, QSpinBox, QWidget

from clerk_app.services.admin.catalog_admin import DepartmentAdminInfo
from clerk_app.services.admin.counters import (
    COUNTER_NUMBER_MAX,
    CategoryAdminInfo,
    CounterAdminInfo,
    CounterAdminService,
    CounterDraft,
)
from ui.admin.form_dialog import FormDialog


class CategoryDialog(FormDialog):
    """A new category (``category`` None) or a category's new name."""

    def __init__(
        self,
        counters: CounterAdminService,
        category: CategoryAdminInfo | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = self.tr("New queue category") if category is None else self.tr("Queue category")
        super().__init__(title, parent)
        self._counters = counters
        self._category = category
        self.prefix_edit = QLineEdit(category.prefix if category else "")
        self.prefix_edit.setMaxLength(2)  # one letter; a second shows the core's sentence
        self.prefix_edit.setReadOnly(category is not None)
        self.prefix_edit.setPlaceholderText(self.tr("One letter A–Z, printed on the ticket"))
        self.name_edit = QLineEdit(category.name if category else "")
        self.add_field("prefix", self.tr("Prefix"), self.prefix_edit)
        self.add_field("name", self.tr("Name"), self.name_edit)
        self.initial_focus = self.name_edit if category else self.prefix_edit

    def save(self) -> CategoryAdminInfo:
        if self._category is None:
            return self._counters.add_category(self.prefix_edit.text(), self.name_edit.text())
        return self._counters.rename_category(self._category.prefix, self.name_edit.text())


class CounterDialog(FormDialog):
    """A new counter (``counter`` None) or a counter's changes. The categories are typed as
    their letters in serving order ("CE": C first, then E)."""

    def __init__(
        self,
        counters: CounterAdminService,
        categories: list[CategoryAdminInfo],
        departments: list[DepartmentAdminInfo],
        counter: CounterAdminInfo | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("New counter") if counter is None else self.tr("Counter"), parent)
        self._counters = counters
        self._counter = counter
        self.number_spin = QSpinBox()
        self.number_spin.setRange(1, COUNTER_NUMBER_MAX)
        self.number_spin.setValue(counter.number if counter else 1)
        self.name_edit = QLineEdit(counter.name if counter else "")
        self.name_edit.setPlaceholderText(self.tr('e.g. Integrated counter 5 (empty: "5号窗口")'))
        self.department_box = QComboBox()
        self.department_box.addItem(self.tr("Integrated counter (every department)"), None)
        for d in departments:
            self.department_box.addItem(f"{d.code} {d.name}", d.code)
        if counter and counter.department_code:
            self.department_box.setCurrentIndex(
                self.department_box.findData(counter.department_code)
            )
        self.categories_edit = QLineEdit(" ".join(counter.category_prefixes) if counter else "")
        known = "，".join(f"{c.prefix} {c.name}" for c in categories)
        self.categories_edit.setPlaceholderText(self.tr("Letters in serving order, e.g. C E"))
        self.categories_edit.setToolTip(known)
        self.add_field("number", self.tr("Number"), self.number_spin)
        self.add_field("name", self.tr("Name"), self.name_edit)
        self.add_field("department", self.tr("Kind"), self.department_box)
        self.add_field(
            "categories", self.tr("Categories (%1)").replace("%1", known), self.categories_edit
        )

    def draft(self) -> CounterDraft:
        letters = tuple(
            p
            for p in re.split(
                r"[\s,，、;；]+|(?<=[A-Za-z])(?=[A-Za-z])", self.categories_edit.text()
            )
            if p
        )
        return CounterDraft(
            number=self.number_spin.value(),
            name=self.name_edit.text(),
            category_prefixes=letters,
            department_code=self.department_box.currentData(),
        )

    def save(self) -> CounterAdminInfo:
        if self._counter is None:
            return self._counters.add_counter(self.draft())
        return self._counters.edit_counter(self._counter.number, self.draft())
