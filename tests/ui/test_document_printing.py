"""From a decision to paper at the counter, by keys: list, preview, print, reprint and verify."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from counter_window import show_counter
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from test_acceptance_panel import (
    ALT,
    ENTER,
    choose_item,
    enter_firm,
    enter_person,
    key,
    mark,
    to_decision,
    type_text,
)
from test_print_preview import local_settings, pdf_pages, pdf_text  # noqa: F401 (a fixture)

from clerk_app.api import Hall
from clerk_app.demo.credit_cases import HONGDA, PERSONS
from clerk_app.documents.paper_data import DocumentKind
from clerk_app.documents.signing import sign_payload
from clerk_app.services.cases.results import ApplicantInput, ItemRequest
from clerk_app.services.documents.results import PrintRecord
from clerk_app.services.documents.secret import read_key
from tests.support.acceptance import MovableClock, at
from ui.acceptance.acceptance_panel import PREVIEW, AcceptancePanel
from ui.acceptance.documents_model import DocumentListModel, document_rows
from ui.counter.counter_screen import CounterScreen
from ui.printing.print_job import PrintOutcome

pytestmark = pytest.mark.qt

CTRL = Qt.KeyboardModifier.ControlModifier


def focused() -> QWidget | None:
    return QApplication.focusWidget()


@pytest.fixture
def counter(qtbot: QtBot, clerk_qapp: QApplication, hall: Hall) -> Iterator[CounterScreen]:
    """Counter 3 in its window, active, so its window shortcuts (F1 …, F8) work."""
    _window, screen = show_counter(qtbot, hall, 3)
    yield screen
    screen.shutdown()


def activate(qtbot: QtBot, widget: QWidget) -> None:
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)


def test_decide_then_preview_print_and_reprint_by_keys(
    qtbot: QtBot, counter: CounterScreen, hall: Hall
) -> None:
    hall.kiosk().queue.take_ticket("A")
    panel = counter.acceptance
    qtbot.keyClick(counter, Qt.Key.Key_F1)
    enter_firm(qtbot, panel, HONGDA)
    choose_item(qtbot, panel, "spjyxk", "食品经营许可")
    mark(qtbot, panel, "营业执照副本复印件", Qt.Key.Key_M)
    to_decision(qtbot, panel)
    key(qtbot, panel, Qt.Key.Key_P, CTRL)  # the commitment letter, printed to be signed
    key(qtbot, panel, Qt.Key.Key_C, ALT)  # the commitment is signed
    key(qtbot, panel, Qt.Key.Key_T, ALT)  # 容缺受理
    assert panel.stack.currentIndex() == PREVIEW, panel.decision_page.error_label.text()

    docs = panel.documents
    assert focused() is docs.view
    rows = docs.model.rows()
    case_no = rows[0].case_no
    assert [r.kind for r in rows] == [DocumentKind.COMMITMENT, DocumentKind.RECEIPT]
    assert [docs.model.index(i, DocumentListModel.PRINTED).data() for i in range(2)] == [
        "Not printed",
        "Not printed",
    ]
    words = panel.preview.toPlainText()  # beside the list: the chosen document's words
    assert words.startswith(f"办件编号：{case_no}") and "容缺受理承诺书" in words
    key(qtbot, panel, Qt.Key.Key_Down)
    assert "容缺受理通知书" in panel.preview.toPlainText()
    key(qtbot, panel, ENTER)  # preview the 容缺受理通知书
    dialog = docs.preview_dialog
    assert dialog is not None and dialog.isVisible()
    assert "容缺受理通知书" in dialog.windowTitle() and "Reprint" not in dialog.windowTitle()
    assert dialog.document.pageCount() >= 1
    activate(qtbot, dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_P, CTRL)  # print from the preview
    outcome = dialog.last_outcome
    assert outcome is not None and not outcome.printed.reprint
    assert len(pdf_pages(Path(outcome.target.pdf_path))) == dialog.document.pageCount()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert docs.preview_dialog is None
    activate(qtbot, counter.window())
    assert focused() is docs.view
    printed = docs.model.index(1, DocumentListModel.PRINTED).data()
    assert printed.startswith("Printed at")
    # Printed once, it would print again as a 补打: the words say so, as the core does.
    words = panel.preview.toPlainText().splitlines()
    assert words == counter._session.documents.preview_text(DocumentKind.RECEIPT, case_no)
    assert words[0] == "补打" and words[-1] == "补打件：内容与原出具文书一致"

    key(qtbot, panel, Qt.Key.Key_P, CTRL)  # the applicant lost it: print again at once
    again = docs.last_outcome
    assert again is not None and again.printed.reprint
    assert again.printed.kind == DocumentKind.RECEIPT
    assert "(reprint)" in docs.status_label.text()
    assert "1 reprint" in docs.model.index(1, DocumentListModel.PRINTED).data()
    history = counter._session.documents.history(case_no)
    assert [(r.kind, r.reprint, r.counter_no) for r in history] == [
        (DocumentKind.RECEIPT, False, 3),
        (DocumentKind.RECEIPT, True, 3),
    ]


@pytest.fixture
def panel(qtbot: QtBot, clerk_qapp: QApplication, hall: Hall) -> Iterator[AcceptancePanel]:
    desk = at(hall, MovableClock())  # Thursday 26 November 2026
    session = desk.login("clerk01", "demo", counter=1)
    desk.kiosk().queue.take_ticket("E")
    ticket = session.queue.call_next()
    assert ticket is not None
    widget = AcceptancePanel(session)
    widget.set_ticket(ticket.id, ticket.number)
    qtbot.addWidget(widget)
    widget.resize(1100, 760)
    widget.show()
    qtbot.waitExposed(widget)
    activate(qtbot, widget)
    yield widget


def test_an_instant_road_permit_with_its_details_prints_the_permit(
    qtbot: QtBot, panel: AcceptancePanel
) -> None:
    enter_person(qtbot, panel, "蔡泽楷", PERSONS[2].resident_id)
    choose_item(qtbot, panel, "lszy", "临时占用城市道路许可")
    to_decision(qtbot, panel)
    form = panel.decision_page.permit_form
    assert form.isVisible() and focused() is form.location_edit
    assert form.from_edit.text() == "2026-11-26"  # the hall's today
    type_text(qtbot, form.location_edit, "金平区长平路88号门前人行道")
    key(qtbot, panel, Qt.Key.Key_Tab)
    type_text(qtbot, form.area_spin, "30")
    key(qtbot, panel, Qt.Key.Key_Tab)
    type_text(qtbot, form.purpose_edit, "堆放建筑材料")
    key(qtbot, panel, Qt.Key.Key_Tab)
    assert focused() is form.from_edit  # from today, as it shows
    key(qtbot, panel, Qt.Key.Key_Tab)
    assert focused() is form.to_edit
    type_text(qtbot, form.to_edit, "20261203")  # typed over the date shown
    key(qtbot, panel, Qt.Key.Key_Tab)
    assert focused() is form.conditions_edit
    type_text(qtbot, form.conditions_edit, "设置安全围挡")
    assert panel.decision_page.permit_details() == {
        "location": "金平区长平路88号门前人行道",
        "area_m2": "30",
        "period_from": "2026-11-26",
        "period_to": "2026-12-03",
        "purpose": "堆放建筑材料",
        "conditions": "设置安全围挡",
    }
    key(qtbot, panel, Qt.Key.Key_I, ALT)
    assert panel.stack.currentIndex() == PREVIEW, panel.decision_page.error_label.text()

    docs = panel.documents
    kinds = [r.kind for r in docs.model.rows()]
    assert DocumentKind.PERMIT in kinds
    for _ in range(kinds.index(DocumentKind.PERMIT)):
        key(qtbot, panel, Qt.Key.Key_Down)
    key(qtbot, panel, Qt.Key.Key_P, CTRL)
    outcome = docs.last_outcome
    assert isinstance(outcome, PrintOutcome) and not outcome.error
    assert outcome.printed.kind == DocumentKind.PERMIT
    text = pdf_text(outcome.printed.pdf)
    case = panel._session.cases.get(outcome.printed.case_no)
    assert case.permit_no and case.permit_no in text
    for words in ("金平区长平路88号门前人行道", "堆放建筑材料", "设置安全围挡"):
        assert words in text
    assert len(pdf_pages(Path(outcome.target.pdf_path))) >= 1


def test_the_verify_box_says_genuine_or_names_the_forgery(
    qtbot: QtBot, counter: CounterScreen, hall: Hall
) -> None:
    session = counter._session
    case_no = session.cases.list_cases(state="pending_supplement")[0].case_no
    printed = session.documents.print_document(DocumentKind.RECEIPT, case_no)
    payload = printed.document.qr_payload
    assert counter.view.ticket_panel.verify_button.text().startswith("F8")

    qtbot.keyClick(counter, Qt.Key.Key_F8)
    dialog = counter.verify_dialog
    assert dialog is not None and dialog.isVisible()
    activate(qtbot, dialog)
    assert focused() is dialog.scan_edit
    qtbot.keyClicks(dialog.scan_edit, payload)  # the scanner types, then Enter
    qtbot.keyClick(dialog.scan_edit, ENTER)
    assert dialog.verdict_label.text() == "Genuine"
    details = dialog.details_label.text()
    assert case_no in details and printed.title in details
    assert "print records: Yes" in details
    assert dialog.scan_edit.text() == ""  # ready for the next scan
    qtbot.keyClicks(dialog.scan_edit, payload.lower())  # Caps Lock was on
    qtbot.keyClick(dialog.scan_edit, ENTER)
    assert dialog.is_genuine()

    forged = payload[:-1] + ("A" if payload[-1] != "A" else "B")
    qtbot.keyClicks(dialog.scan_edit, forged)
    qtbot.keyClick(dialog.scan_edit, ENTER)
    assert dialog.verdict_label.text() == "Not genuine"
    assert "signature does not match" in dialog.details_label.text()
    assert dialog.details_label.objectName() == "ErrorText"
    assert not dialog.is_genuine()

    with hall.db.read() as s:  # signed with the hall's key but never printed
        key = read_key(s)
    assert key is not None
    unrecorded = sign_payload(
        DocumentKind.COMPLETION, case_no, date(2026, 1, 5), key.secret, key_id=key.key_id
    )
    qtbot.keyClicks(dialog.scan_edit, unrecorded)
    qtbot.keyClick(dialog.scan_edit, ENTER)
    assert dialog.verdict_label.text() == "Genuine"
    assert "print records: No" in dialog.details_label.text()

    qtbot.keyClick(dialog.scan_edit, Qt.Key.Key_Escape)
    assert counter.verify_dialog is None


def _record(record_id: int, kind: DocumentKind, reprint: bool, hour: int) -> PrintRecord:
    return PrintRecord(
        record_id, "C1", kind, "t", date(2026, 11, 26), datetime(2026, 11, 26, hour), "clerk01",
        1, reprint, 1 if reprint else None, "c", "p",
    )  # fmt: skip


def test_document_rows_count_prints_and_reprints(clerk_qapp: QApplication) -> None:
    history = [
        _record(1, DocumentKind.RECEIPT, False, 2),
        _record(2, DocumentKind.RECEIPT, True, 3),
        _record(3, DocumentKind.COMMITMENT, False, 2),
    ]
    kinds = [(DocumentKind.COMMITMENT, "承诺书"), (DocumentKind.RECEIPT, "通知书")]
    kinds.append((DocumentKind.SUPPLEMENT, "回执"))
    model = DocumentListModel()
    model.set_rows(document_rows("C1", "食品经营许可", kinds, history))
    assert model.rowCount() == 3 and model.columnCount() == 4
    texts = [model.index(i, DocumentListModel.PRINTED).data() for i in range(3)]
    # Printed times show in the hall's time (UTC+8).
    assert texts == ["Printed at 10:00", "2× (1 reprint(s)), last 11:00", "Not printed"]
    assert model.index(1, DocumentListModel.DOCUMENT).data() == "通知书"
    assert model.rows()[1].printed_before and not model.rows()[2].printed_before


def test_a_name_no_font_can_print_is_refused_with_the_character_named(
    qtbot: QtBot, panel: AcceptancePanel, hall: Hall
) -> None:
    """生僻字: typed in, the name is refused at entry with the character named (no case whose
    paper could never print). A case stored before (another font, an old version) keeps its
    name; its paper is refused, never printed with a hole, and nothing is recorded."""
    from sqlalchemy import update

    from clerk_app.documents.fonts import UnprintableText
    from clerk_app.persistence.models_cases import Case

    session = panel._session
    rare = "\U00030edc"  # 𰻜 (biáng, CJK Extension G): in no font this machine has
    person = PERSONS[2].resident_id
    before = session.cases.list_cases()
    with pytest.raises(UnprintableText) as refused:
        session.cases.accept(
            ApplicantInput(name=f"李{rare}", id_kind="resident_id", id_value=person),
            [ItemRequest("440500-SCJG-005")],
        )
    assert "U+30EDC" in refused.value.zh and "申请人名称" in refused.value.zh
    assert session.cases.list_cases() == before

    case = session.cases.accept(
        ApplicantInput(name="李彪", id_kind="resident_id", id_value=person),
        [ItemRequest("440500-SCJG-005")],
    )[0]
    with hall.db.write() as s:  # as stored before names were checked at entry
        s.execute(
            update(Case).where(Case.case_no == case.case_no).values(applicant_name=f"李{rare}")
        )
    panel.case_edit.setFocus()
    type_text(qtbot, panel.case_edit, case.case_no)
    key(qtbot, panel, ENTER)
    assert panel.stack.currentIndex() == PREVIEW
    docs = panel.documents
    assert [r.kind for r in docs.model.rows()] == [DocumentKind.RECEIPT]

    key(qtbot, panel, ENTER)  # preview
    assert docs.preview_dialog is None
    assert "U+30EDC" in docs.status_label.text()
    key(qtbot, panel, Qt.Key.Key_P, CTRL)  # print
    assert "U+30EDC" in docs.status_label.text()
    assert docs.status_label.objectName() == "ErrorText"
    assert session.documents.history(case.case_no) == []


def test_f8_shows_what_a_permit_says(qtbot: QtBot, counter: CounterScreen) -> None:
    """The checker compares the permit in hand with what its QR signed (issue 16)."""
    session = counter._session
    start = session.hall_now().date() + timedelta(days=1)
    end = start + timedelta(days=8)
    details = {
        "location": "汕头市龙湖区长平路88号门前人行道",
        "area_m2": "12.5",
        "period_from": start.isoformat(),
        "period_to": end.isoformat(),
        "purpose": "店面装修临时堆放材料",
    }
    [case] = session.cases.issue_instant(
        ApplicantInput("张三", "resident_id", PERSONS[0].resident_id),
        [ItemRequest("440500-CG-001")],
        permit_details=details,
    )
    payload = session.documents.print_document(DocumentKind.PERMIT, case.case_no)
    qtbot.keyClick(counter, Qt.Key.Key_F8)
    dialog = counter.verify_dialog
    assert dialog is not None
    activate(qtbot, dialog)
    qtbot.keyClicks(dialog.scan_edit, payload.document.qr_payload)
    qtbot.keyClick(dialog.scan_edit, ENTER)
    shown = dialog.details_label.text()
    assert dialog.verdict_label.text() == "Genuine"
    for words in ("Holder: 张三", "Location: 汕头市龙湖区长平路88号门前人行道", "Area (m²): 12.5"):
        assert words in shown
    assert f"Period: {start.isoformat()} – {end.isoformat()}" in shown
