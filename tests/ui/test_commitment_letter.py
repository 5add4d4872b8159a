"""容缺: the commitment letter is printed for signing before the decision (issue 12, defect 7).

On screen and by keys in the order it happens: the letter printed (Ctrl+P), ticked as signed
(Alt+C), then 容缺受理 (Alt+T). The letter states what the decision will: the applicant, the
missing material and the deadline of the days chosen; its case number is a blank to fill in.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import test_acceptance_panel as acceptance
import test_print_preview
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from test_acceptance_panel import ALT, choose_item, decided, enter_firm, key, mark, to_decision
from test_print_preview import pdf_pages, pdf_text

from clerk_app.api import StaffSession
from clerk_app.demo.credit_cases import HONGDA
from clerk_app.documents.paper.text import cn_date
from ui.acceptance.acceptance_panel import AcceptancePanel

pytestmark = pytest.mark.qt

CTRL = Qt.KeyboardModifier.ControlModifier
local_settings = test_print_preview.local_settings  # autouse: PDFs in the test's folder

# The acceptance panel's fixtures: counter 1 serving a called ticket on 26 November 2026.
desk, session, ticket, panel = (
    acceptance.desk,
    acceptance.session,
    acceptance.ticket,
    acceptance.panel,
)


def test_the_letter_prints_before_it_is_ticked_signed_and_before_the_decision(
    qtbot: QtBot, panel: AcceptancePanel, session: StaffSession, local_settings: Path
) -> None:
    enter_firm(qtbot, panel, HONGDA)
    choose_item(qtbot, panel, "spjyxk", "食品经营许可")
    mark(qtbot, panel, "营业执照副本复印件", Qt.Key.Key_M)
    to_decision(qtbot, panel)
    page = panel.decision_page
    # In reading order: print the letter, tick it signed, decide.
    spots = [
        w.mapTo(page, w.rect().center())
        for w in (page.letter_button, page.commitment_check, page.tolerant_button)
    ]
    assert max(p.y() for p in spots) - min(p.y() for p in spots) <= 4  # one row
    assert spots[0].x() < spots[1].x() < spots[2].x()
    assert page.letter_button.hasFocus()  # the first step of 容缺 is the letter
    assert not page.commitment_check.isEnabled()  # nothing printed: nothing to sign yet
    key(qtbot, panel, Qt.Key.Key_C, ALT)
    assert not page.commitment_check.isChecked() and "print the commitment letter" in (
        page.error_label.text()
    )
    page.supplement_days.setCurrentIndex(page.supplement_days.findData(3))

    key(qtbot, panel, Qt.Key.Key_P, CTRL)  # printed for signing, before any case exists
    [printed] = sorted(local_settings.glob("commitment-letter-*.pdf"))
    text = pdf_text(printed.read_bytes())
    assert "容缺受理承诺书" in text and HONGDA.name in text
    assert "营业执照副本复印件" in text
    assert "受理后填写" in text  # the case number is written in once it exists
    assert len(pdf_pages(printed)) >= 2  # two copies: the applicant's and the file's
    assert session.cases.cases_for_ticket(panel.ticket_id or 0) == []  # nothing decided
    assert "have it signed" in page.letter_status.text()
    assert page.commitment_check.isEnabled() and page.commitment_check.hasFocus()

    key(qtbot, panel, Qt.Key.Key_C, ALT)  # signed
    assert page.commitment_check.isChecked() and page.tolerant_button.hasFocus()
    key(qtbot, panel, Qt.Key.Key_T, ALT)
    case = decided(panel, session)
    assert case.state == "pending_supplement" and case.commitment_signed
    # The deadline the applicant signed is the case's.
    assert case.supplement_due is not None and cn_date(case.supplement_due) in text


def test_other_days_need_the_letter_printed_again(
    qtbot: QtBot, panel: AcceptancePanel, local_settings: Path
) -> None:
    enter_firm(qtbot, panel, HONGDA)
    choose_item(qtbot, panel, "spjyxk", "食品经营许可")
    mark(qtbot, panel, "营业执照副本复印件", Qt.Key.Key_M)
    to_decision(qtbot, panel)
    page = panel.decision_page
    key(qtbot, panel, Qt.Key.Key_P, CTRL)
    key(qtbot, panel, Qt.Key.Key_C, ALT)
    assert page.commitment_check.isChecked()
    page.supplement_days.setCurrentIndex(0)  # the letter printed says another deadline
    assert not page.commitment_check.isChecked() and not page.commitment_check.isEnabled()
