"""A plain-text preview of the paper a decision produces (receipt, notices, permit slip).

The documents feature replaces this with the real sealed PDFs; until then the clerk sees and
can read out what the paper will say.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from clerk_app.domain.case_states import OWED_STATUSES, CaseState, SubmissionStatus, state_label
from clerk_app.domain.deadlines import DeadlineWarning
from clerk_app.services.cases.results import CaseInfo, SubmissionInfo


def _title(state: str) -> str:
    titles = {
        CaseState.ACCEPTED: QCoreApplication.translate("AcceptancePreview", "Acceptance notice"),
        CaseState.PENDING_SUPPLEMENT: QCoreApplication.translate(
            "AcceptancePreview", "Notice of acceptance with deferred materials"
        ),
        CaseState.NOT_ACCEPTED: QCoreApplication.translate(
            "AcceptancePreview", "One-time notice of missing materials"
        ),
        CaseState.REJECTED: QCoreApplication.translate("AcceptancePreview", "Notice of rejection"),
        CaseState.CERTIFICATE_ISSUED: QCoreApplication.translate(
            "AcceptancePreview", "Instant item: decided and issued"
        ),
    }
    return titles.get(CaseState(state), state_label(CaseState(state)))


def _material_line(x: SubmissionInfo) -> str:
    status = (
        QCoreApplication.translate("AcceptancePreview", "missing")
        if x.status == SubmissionStatus.MISSING
        else QCoreApplication.translate("AcceptancePreview", "wrong")
    )
    if x.status == SubmissionStatus.SUPPLEMENTED:
        status = QCoreApplication.translate("AcceptancePreview", "supplemented")
    kind = (
        QCoreApplication.translate("AcceptancePreview", "core")
        if x.core
        else QCoreApplication.translate("AcceptancePreview", "non-core")
    )
    line = f"  · {x.name} ({kind}, {status})"
    if x.requirement:
        line += "\n      " + QCoreApplication.translate(
            "AcceptancePreview", "Required: %1"
        ).replace("%1", x.requirement)
    if x.note:
        line += "\n      " + QCoreApplication.translate("AcceptancePreview", "Note: %1").replace(
            "%1", x.note
        )
    return line


def _owed(case: CaseInfo) -> list[str]:
    owed = [x for x in case.submissions if x.initial_status in OWED_STATUSES]
    return [_material_line(x) for x in owed]


def _body(case: CaseInfo) -> list[str]:
    state = CaseState(case.state)
    lines: list[str] = []
    if state in (CaseState.ACCEPTED, CaseState.IN_REVIEW, CaseState.SUPPLEMENTED):
        lines.append(
            QCoreApplication.translate(
                "AcceptancePreview",
                "Promised limit: %1 working days (statutory %2); decision due by %3.",
            )
            .replace("%1", str(case.promised_days))
            .replace("%2", str(case.statutory_days))
            .replace("%3", str(case.due_date))
        )
    if state == CaseState.PENDING_SUPPLEMENT:
        lines.append(QCoreApplication.translate("AcceptancePreview", "Materials to supplement:"))
        lines += _owed(case)
        lines.append(
            QCoreApplication.translate(
                "AcceptancePreview",
                "Supplement them by %1. If they are not supplied in time the case is "
                "terminated and the broken commitment is recorded in the credit record.",
            ).replace("%1", str(case.supplement_due))
        )
        lines.append(
            QCoreApplication.translate(
                "AcceptancePreview", "Commitment letter signed by the applicant: yes."
            )
        )
        lines.append(
            QCoreApplication.translate("AcceptancePreview", "Decision due by %1.").replace(
                "%1", str(case.due_date)
            )
        )
    if state == CaseState.NOT_ACCEPTED:
        lines.append(
            QCoreApplication.translate(
                "AcceptancePreview", "Not accepted. Everything missing or wrong, told once:"
            )
        )
        lines += _owed(case)
    if state in (CaseState.REJECTED, CaseState.DENIED):
        lines.append(
            QCoreApplication.translate("AcceptancePreview", "Reason: %1").replace(
                "%1", case.decision_reason
            )
        )
        lines.append(
            QCoreApplication.translate("AcceptancePreview", "Legal basis: %1").replace(
                "%1", case.decision_basis
            )
        )
        if case.competent_body:
            lines.append(
                QCoreApplication.translate("AcceptancePreview", "Please apply to: %1").replace(
                    "%1", case.competent_body
                )
            )
    if case.permit_no:
        lines.append(
            QCoreApplication.translate("AcceptancePreview", "Permit number: %1").replace(
                "%1", case.permit_no
            )
        )
    return lines


def _warning(case: CaseInfo) -> list[str]:
    """The deadline warning (红黄牌) of a running case, in words; none when it is on time."""
    left = abs(case.days_left or 0)
    if case.warning == DeadlineWarning.RED:
        text = QCoreApplication.translate(
            "AcceptancePreview", "Red warning: the deadline has passed (%1 working day(s) ago)."
        )
    elif case.warning == DeadlineWarning.YELLOW:
        text = QCoreApplication.translate(
            "AcceptancePreview", "Yellow warning: %1 working day(s) left."
        )
    elif case.warning == DeadlineWarning.CALENDAR_MISSING:
        text = QCoreApplication.translate(
            "AcceptancePreview",
            "The holiday calendar of the deadline's year is missing: ask the admin to enter it.",
        )
    else:
        return []
    return [text.replace("%1", str(left))]


def case_text(case: CaseInfo) -> str:
    head = [
        f"【{_title(case.state)}】",
        QCoreApplication.translate("AcceptancePreview", "Case number: %1").replace(
            "%1", case.case_no
        ),
        QCoreApplication.translate("AcceptancePreview", "Item: %1 (%2)")
        .replace("%1", case.item_name)
        .replace("%2", case.item_code),
        QCoreApplication.translate("AcceptancePreview", "Applicant: %1").replace(
            "%1", case.applicant_masked
        ),
        QCoreApplication.translate("AcceptancePreview", "Date: %1").replace(
            "%1", str(case.accepted_on)
        ),
        QCoreApplication.translate("AcceptancePreview", "State: %1").replace(
            "%1", state_label(CaseState(case.state))
        ),
    ]
    if case.bundle_no:
        head.insert(
            2,
            QCoreApplication.translate("AcceptancePreview", "Bundle: %1").replace(
                "%1", case.bundle_no
            ),
        )
    return "\n".join(head + _warning(case) + _body(case))


def preview_text(cases: Sequence[CaseInfo]) -> str:
    """Every case of one decision, one after the other."""
    rule = "\n" + "—" * 28 + "\n"
    return rule.join(case_text(c) for c in cases)
