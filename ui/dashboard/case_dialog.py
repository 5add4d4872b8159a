"""A case opened from a deadline alert: what it is, where it stands and what is still owed."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from clerk_app.domain.case_states import state_label
from clerk_app.services.cases.results import CaseInfo


class CaseDialog(QDialog):
    """Read-only; the case's own screens (acceptance, review) change it."""

    def __init__(self, case: CaseInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Case %1").replace("%1", case.case_no))
        self.case = case
        form = QFormLayout()
        self.fields: dict[str, QLabel] = {}
        missing = "，".join(x.name for x in case.missing) or "—"
        for key, label, value in (
            ("case_no", self.tr("Case number"), case.case_no),
            ("item", self.tr("Item"), f"{case.item_name}（{case.department_name}）"),
            ("applicant", self.tr("Applicant"), case.applicant_name),
            ("state", self.tr("State"), state_label(case.state)),
            ("due", self.tr("Due date"), _day(case.due_date)),
            ("supplement_due", self.tr("Supplement due"), _day(case.supplement_due)),
            ("days_left", self.tr("Working days left"), _number(case.days_left)),
            ("counter", self.tr("Window"), _number(case.counter_no)),
            ("missing", self.tr("Still owed"), missing),
        ):
            field = QLabel(value)
            field.setWordWrap(True)
            self.fields[key] = field
            form.addRow(label, field)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)


def _day(value: object) -> str:
    return "—" if value is None else str(value)


def _number(value: int | None) -> str:
    return "—" if value is None else str(value)
