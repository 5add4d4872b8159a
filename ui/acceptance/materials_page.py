"""Step 3 of acceptance: the materials checklist, core and non-core marked, set by single keys."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHeaderView, QLabel, QLineEdit, QVBoxLayout, QWidget

from clerk_app.domain.case_states import SubmissionStatus
from clerk_app.services.cases.checklist import NOTE_MAX_LEN
from ui.acceptance.checklist_model import ChecklistModel, ChecklistRow
from ui.common.widgets import read_only_table

if TYPE_CHECKING:
    from clerk_app.services.catalog import ItemInfo
    from clerk_app.services.journey.results import PackageInfo

_STATUS_KEYS = {
    Qt.Key.Key_R: SubmissionStatus.RECEIVED,
    Qt.Key.Key_M: SubmissionStatus.MISSING,
    Qt.Key.Key_W: SubmissionStatus.WRONG,
}


class MaterialsPage(QWidget):
    """1…9 choose a row · R received · M missing · W wrong · Space cycles · N a note."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ChecklistModel(self)
        self.view = read_only_table()
        self.view.setModel(self.model)
        header = self.view.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(ChecklistModel.MATERIAL, QHeaderView.ResizeMode.Stretch)
        self.view.installEventFilter(self)
        self.view.verticalHeader().setVisible(True)  # the row numbers the digit keys choose
        self.note_edit = QLineEdit()
        self.note_edit.setMaxLength(NOTE_MAX_LEN)  # what the service accepts and paper prints
        self.note_edit.setPlaceholderText(
            self.tr("Note for the chosen material: what is wrong or required (Enter saves)")
        )
        self.note_edit.returnPressed.connect(self.save_note)
        self.requirement = QLabel()
        self.requirement.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setObjectName("InfoText")
        hint = QLabel(
            self.tr(
                "↑↓ or 1…9: choose · R: received · M: missing · W: wrong · Space: next status · "
                "N: note · Alt+→: next step (decision)"
            )
        )
        hint.setObjectName("Placeholder")
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.requirement)
        layout.addWidget(self.note_edit)
        layout.addWidget(self.summary)
        layout.addWidget(hint)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())
        self.model.dataChanged.connect(lambda *_: self._show_summary())
        self.model.modelReset.connect(self._show_summary)

    def load(self, items: list[ItemInfo], package: PackageInfo | None = None) -> None:
        """The checklist of ``items``; verdicts already given for a material are kept. For a
        ``package``: its shared materials once, then each item's own remaining ones."""
        kept = {(r.item_code, r.material_id): r for r in self.model.rows()}
        rows = []
        if package is not None:
            from ui.acceptance.package_materials import package_rows

            label = self.tr("Shared (%1)").replace("%1", package.name)
            fresh = package_rows(package, items, label)
            self.model.set_rows([kept.get((r.item_code, r.material_id), r) for r in fresh])
            if fresh:
                self.select_row(0)
            return
        for item in items:
            for m in item.materials:
                previous = kept.get((item.item_code, m.id))
                rows.append(
                    previous
                    or ChecklistRow(
                        item.item_code, item.name, m.id, m.name, m.core, m.form, m.requirement
                    )
                )
        self.model.set_rows(rows)
        if rows:
            self.select_row(0)

    def focus_table(self) -> None:
        self.view.setFocus()
        if self.model.rowCount() and not self.view.currentIndex().isValid():
            self.select_row(0)

    def select_row(self, row: int) -> None:
        self.view.selectionModel().setCurrentIndex(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )

    def save_note(self) -> None:
        row = self.view.currentIndex().row()
        self.model.set_note(row, self.note_edit.text().strip())
        self.view.setFocus()

    def _show_current(self) -> None:
        index = self.view.currentIndex()
        if not index.isValid():
            self.requirement.clear()
            self.note_edit.clear()
            return
        row = self.model.row_at(index)
        self.requirement.setText(row.requirement)
        self.note_edit.setText(row.note)

    def _show_summary(self) -> None:
        lacking = self.model.lacking()
        core = sum(1 for r in lacking if r.core)
        if not lacking:
            self.summary.setText(self.tr("All materials received."))
        else:
            self.summary.setText(
                self.tr("%1 material(s) missing or wrong, %2 of them core.")
                .replace("%1", str(len(lacking)))
                .replace("%2", str(core))
            )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            row = self.view.currentIndex().row()
            key = Qt.Key(event.key())
            if event.modifiers() & Qt.KeyboardModifier.AltModifier:
                return False
            if Qt.Key.Key_1 <= key <= Qt.Key.Key_9:  # the row of that number, as listed
                number = key - Qt.Key.Key_1
                if number < self.model.rowCount():
                    self.select_row(number)
                return True
            if key in _STATUS_KEYS and row >= 0:
                self.model.set_status(row, _STATUS_KEYS[key])
                return True
            if key == Qt.Key.Key_Space and row >= 0:
                self.model.cycle_status(row)
                return True
            if key == Qt.Key.Key_N and row >= 0:
                self.note_edit.setFocus()
                self.note_edit.selectAll()
                return True
        return super().eventFilter(watched, event)
