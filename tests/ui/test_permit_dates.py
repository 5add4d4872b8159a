"""The road permit's period is issued as typed, or not at all (issue 12, defect 1).

Typed with key events as a clerk types: across the year end, on a leap day, and dates that do
not exist. A date the form cannot read, or a period the hall refuses, is named under the fields
and blocks 立即办结; the period is shown in words before anything is issued.
"""

from __future__ import annotations

import pytest
import test_acceptance_panel as acceptance
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from test_acceptance_panel import ALT, choose_item, enter_person, key, to_decision, type_text

from clerk_app.api import StaffSession
from clerk_app.demo.credit_cases import PERSONS
from ui.acceptance.acceptance_panel import DECISION, PREVIEW, AcceptancePanel
from ui.acceptance.permit_form import PermitForm

pytestmark = pytest.mark.qt

# The acceptance panel's fixtures: counter 1 serving a called ticket on 26 November 2026.
desk, session, ticket, panel = (
    acceptance.desk,
    acceptance.session,
    acceptance.ticket,
    acceptance.panel,
)


def to_permit(qtbot: QtBot, panel: AcceptancePanel) -> PermitForm:
    """蔡泽楷 applies for 临时占用城市道路许可; the form's location and area are typed, and
    the focus is on the from-date (on 26 November 2026, the hall's today)."""
    enter_person(qtbot, panel, "蔡泽楷", PERSONS[2].resident_id)
    choose_item(qtbot, panel, "lszy", "临时占用城市道路许可")
    to_decision(qtbot, panel)
    form = panel.decision_page.permit_form
    assert form.location_edit.hasFocus()
    type_text(qtbot, form.location_edit, "长平路88号门前人行道")
    key(qtbot, panel, Qt.Key.Key_Tab)
    type_text(qtbot, form.area_spin, "12")
    key(qtbot, panel, Qt.Key.Key_Tab)
    key(qtbot, panel, Qt.Key.Key_Tab)  # past the purpose
    assert form.from_edit.hasFocus()
    return form


def type_period(qtbot: QtBot, panel: AcceptancePanel, start: str, end: str) -> None:
    """Type both dates over what the fields show (Tab selects a field's text)."""
    form = panel.decision_page.permit_form
    assert form.from_edit.hasFocus()
    type_text(qtbot, form.from_edit, start)
    key(qtbot, panel, Qt.Key.Key_Tab)
    assert form.to_edit.hasFocus() and form.to_edit.selectedText() == form.to_edit.text()
    type_text(qtbot, form.to_edit, end)


def test_a_period_across_the_year_end_is_issued_as_typed(
    qtbot: QtBot, panel: AcceptancePanel, session: StaffSession
) -> None:
    form = to_permit(qtbot, panel)
    type_period(qtbot, panel, "20261228", "20270105")
    assert (form.from_edit.text(), form.to_edit.text()) == ("20261228", "20270105")
    # Before it is issued, the period in words, both ends and the days counted.
    assert form.period_label.text() == "Period: 28 Dec 2026 to 5 Jan 2027, 9 day(s)"
    key(qtbot, panel, Qt.Key.Key_I, ALT)
    assert panel.stack.currentIndex() == PREVIEW, panel.decision_page.error_label.text()
    assert panel.ticket_id is not None
    [case] = session.cases.cases_for_ticket(panel.ticket_id)
    words = "\n".join(session.documents.preview_text("permit", case.case_no))
    assert "占用期限：2026年12月28日至2027年1月5日" in words


def test_a_leap_day_is_a_date_in_2028(qtbot: QtBot, panel: AcceptancePanel) -> None:
    form = to_permit(qtbot, panel)
    type_period(qtbot, panel, "20280228", "20280229")
    assert form.period_label.text() == "Period: 28 Feb 2028 to 29 Feb 2028, 2 day(s)"
    assert form.details()["period_to"] == "2028-02-29"
    key(qtbot, panel, Qt.Key.Key_Up)  # ↑ moves the date by a day, as typed text
    assert form.to_edit.text() == "2028-03-01"


@pytest.mark.parametrize(
    ("start", "end", "said", "field"),
    [
        ("20270228", "20270229", "2027-02 has no day 29", "to"),
        ("20261232", "20270105", "2026-12 has no day 32", "from"),
        ("20261228", "2027135", "is not a date", "to"),
        ("20261228", "20261301", "the month must be 1 to 12", "to"),
        ("20270105", "20261228", "ends (2026-12-28) before it starts", "to"),
        ("20261125", "20261130", "cannot start in the past", "from"),
        ("20261228", "20270701", "longer than the hall's limit of 180 days", "to"),
    ],
)
def test_a_date_that_is_none_is_named_and_nothing_is_issued(
    qtbot: QtBot,
    panel: AcceptancePanel,
    session: StaffSession,
    start: str,
    end: str,
    said: str,
    field: str,
) -> None:
    form = to_permit(qtbot, panel)
    type_period(qtbot, panel, start, end)
    assert (form.from_edit.text(), form.to_edit.text()) == (start, end)  # kept as typed
    assert said in form.period_label.text()
    key(qtbot, panel, Qt.Key.Key_Tab)
    key(qtbot, panel, Qt.Key.Key_I, ALT)  # refused on the screen, before the core
    page = panel.decision_page
    assert panel.stack.currentIndex() == DECISION
    assert said in page.error_label.text()
    assert (form.from_edit if field == "from" else form.to_edit).hasFocus()
    assert panel.ticket_id is not None
    assert session.cases.cases_for_ticket(panel.ticket_id) == []


def test_the_period_reads_in_chinese_as_the_permit_says_it(
    qtbot: QtBot, panel: AcceptancePanel
) -> None:
    from ui.app import create_application

    form = to_permit(qtbot, panel)
    type_period(qtbot, panel, "20261228", "20270105")
    create_application(lang="zh_CN")  # the fixture switches back to English afterwards
    form.show_period()
    assert form.period_label.text() == "占用期限：2026年12月28日至2027年1月5日，共9天"
