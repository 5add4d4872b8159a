"""A print draws outside the write transaction and records in a short one; a preview writes nothing.

SQLite has one write lock for the whole hall: while a print held it to draw its PDF, every
counter's call-next waited. These tests stop the renderer in the middle of a print (a renderer
that blocks until the test lets it go) and act on another connection meanwhile.
"""

from __future__ import annotations

import shutil
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from paper_samples import samples
from sqlalchemy import delete, select, update

from clerk_app.api import Hall, open_hall
from clerk_app.documents.paper import render
from clerk_app.documents.paper_data import DocumentKind, PaperDocument
from clerk_app.documents.signing import ForgedPayload
from clerk_app.errors import Conflict
from clerk_app.persistence.database import Database
from clerk_app.persistence.models import AuditLog, Ticket, load_all
from clerk_app.persistence.models_cases import Case, SigningKey
from clerk_app.persistence.models_cases import PrintedDocument as PrintRow
from clerk_app.services.documents.service import PLAN_ATTEMPTS
from clerk_app.services.queue.results import TicketInfo
from tests.support.acceptance import clerk, firm

K = DocumentKind
# How long the stopped renderer waits for the other connection's action. On the old code the
# action waited for the print's write lock (the 30 s busy timeout), so this ran out.
OTHER_ACTION_TIMEOUT_S = 10


@pytest.fixture
def sqlite_url(_seeded_sqlite: Path, tmp_path: Path) -> str:
    path = tmp_path / "hall.db"
    shutil.copy(_seeded_sqlite, path)
    return f"sqlite:///{path}"


@pytest.fixture
def two_halls(sqlite_url: str) -> Iterator[tuple[Hall, Hall]]:
    """Two desks on one SQLite file: two engines, two connections, as two counter PCs."""
    first, second = open_hall(sqlite_url), open_hall(sqlite_url)
    yield first, second
    first.close()
    second.close()


def accepted_case_no(hall: Hall) -> str:
    return hall.system().cases.list_cases(state="accepted")[0].case_no


class StoppedRenderer:
    """Replaces ``render_paper``: its first ``stops`` calls run ``meanwhile`` before drawing."""

    def __init__(self, meanwhile: Callable[[], None], stops: int = 1) -> None:
        self.real = render.render_paper
        self.meanwhile = meanwhile
        self.stops = stops
        self.calls = 0

    def __call__(self, doc: PaperDocument, **kwargs: Any) -> bytes:
        self.calls += 1
        if self.calls <= self.stops:
            self.meanwhile()
        return self.real(doc, **kwargs)


def in_thread(action: Callable[[], Any]) -> Any:
    """Runs ``action`` on its own thread and returns its result, or fails after the timeout."""
    out: dict[str, Any] = {}

    def run() -> None:
        try:
            out["result"] = action()
        except BaseException as e:  # re-raised on the test's thread
            out["error"] = e

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(OTHER_ACTION_TIMEOUT_S)
    if thread.is_alive():
        pytest.fail(f"the other connection's action did not finish in {OTHER_ACTION_TIMEOUT_S} s")
    if "error" in out:
        raise out["error"]
    return out["result"]


def prints(hall: Hall, case_no: str) -> list[tuple[bool, int | None]]:
    with hall.db.read() as s:
        rows = s.execute(
            select(PrintRow.reprint, PrintRow.reprint_of)
            .where(PrintRow.case_no == case_no)
            .order_by(PrintRow.id)
        )
        return [(r.reprint, r.reprint_of) for r in rows]


def print_audits(hall: Hall, case_no: str) -> list[str]:
    with hall.db.read() as s:
        return list(
            s.scalars(
                select(AuditLog.action)
                .where(AuditLog.target == f"case:{case_no}", AuditLog.action.like("document_%"))
                .order_by(AuditLog.id)
            )
        )


def test_a_call_next_on_another_pc_completes_while_a_print_is_drawn(
    two_halls: tuple[Hall, Hall], monkeypatch: pytest.MonkeyPatch
) -> None:
    printing, calling = two_halls
    case_no = accepted_case_no(printing)
    calling.kiosk().queue.take_ticket("A")
    counter = clerk(calling, 1)  # counter 1 serves category A
    called: list[TicketInfo] = []

    def call_next_meanwhile() -> None:
        ticket = in_thread(counter.queue.call_next)
        assert ticket is not None
        called.append(ticket)

    renderer = StoppedRenderer(call_next_meanwhile)
    monkeypatch.setattr(render, "render_paper", renderer)
    printed = clerk(printing, 2).documents.print_document(K.RECEIPT, case_no)

    assert called and renderer.calls == 1  # the call completed while the PDF was drawn
    assert printed.pdf.startswith(b"%PDF") and not printed.reprint
    assert prints(printing, case_no) == [(False, None)]
    assert print_audits(printing, case_no) == ["document_printed"]
    with calling.db.read() as s:
        assert s.scalar(select(Ticket.status).where(Ticket.id == called[0].id)) == "serving"


def test_a_call_next_completes_while_a_packages_paper_is_drawn(
    two_halls: tuple[Hall, Hall], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The 一件事受理回执 (a group's paper, issue 17) is drawn outside the write too; printed
    again, it is a 补打 of the original."""
    printing, calling = two_halls
    desk = clerk(printing, 2)
    done = desk.journey.accept_package("KBQY", firm())
    calling.kiosk().queue.take_ticket("A")
    counter = clerk(calling, 1)
    called: list[TicketInfo] = []

    def call_next_meanwhile() -> None:
        ticket = in_thread(counter.queue.call_next)
        assert ticket is not None
        called.append(ticket)

    renderer = StoppedRenderer(call_next_meanwhile)
    monkeypatch.setattr(render, "render_paper", renderer)
    printed = desk.journey.print_paper(K.PACKAGE_RECEIPT, done.bundle_no)

    assert called and renderer.calls == 1  # the call completed while the PDF was drawn
    assert printed.pdf.startswith(b"%PDF") and not printed.reprint
    again = desk.journey.print_paper(K.PACKAGE_RECEIPT, done.bundle_no)
    assert (again.reprint, again.original_id) == (True, printed.record_id)
    assert prints(printing, done.bundle_no) == [(False, None), (True, printed.record_id)]
    assert print_audits(printing, done.bundle_no) == ["document_printed", "document_reprinted"]


def test_two_counters_printing_at_once_make_one_original_and_one_reprint(
    two_halls: tuple[Hall, Hall], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Counter 1's print is stopped while drawing; counter 2 prints the same document from
    start to end meanwhile. Counter 1's write then finds counter 2's original, plans again and
    records a 补打 of it (drawn again with the mark), never a second original."""
    first, second = two_halls
    case_no = accepted_case_no(first)
    other: list[int] = []

    def other_counter_prints() -> None:
        other.append(in_thread(lambda: second_counter.print_document(K.RECEIPT, case_no)).record_id)

    second_counter = clerk(second, 2).documents
    renderer = StoppedRenderer(other_counter_prints)
    monkeypatch.setattr(render, "render_paper", renderer)
    mine = clerk(first, 1).documents.print_document(K.RECEIPT, case_no)

    [original] = other
    assert (mine.reprint, mine.original_id) == (True, original)
    assert mine.document.reprint and mine.document.qr_payload
    assert prints(first, case_no) == [(False, None), (True, original)]
    assert print_audits(first, case_no) == ["document_printed", "document_reprinted"]


def test_a_case_that_keeps_changing_while_drawn_is_a_conflict_and_nothing_is_recorded(
    two_halls: tuple[Hall, Hall], monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = two_halls
    case_no = accepted_case_no(first)

    def the_case_changes() -> None:  # as a supplement or a decision would, on another PC
        def bump() -> None:
            with second.db.write() as s:
                s.execute(
                    update(Case).where(Case.case_no == case_no).values(version=Case.version + 1)
                )

        in_thread(bump)

    renderer = StoppedRenderer(the_case_changes, stops=PLAN_ATTEMPTS)
    monkeypatch.setattr(render, "render_paper", renderer)
    with pytest.raises(Conflict) as refused:
        clerk(first, 1).documents.print_document(K.RECEIPT, case_no)
    assert case_no in refused.value.zh and refused.value.en
    assert renderer.calls == PLAN_ATTEMPTS
    assert prints(first, case_no) == [] and print_audits(first, case_no) == []
    # Changed once only: the second plan sees the new version and records.
    renderer = StoppedRenderer(the_case_changes, stops=1)
    monkeypatch.setattr(render, "render_paper", renderer)
    printed = clerk(first, 1).documents.print_document(K.RECEIPT, case_no)
    assert renderer.calls == 2 and not printed.reprint
    assert prints(first, case_no) == [(False, None)]


def test_documents_drawn_on_several_threads_at_once_are_each_as_drawn_alone() -> None:
    """reportlab embeds a font subset through one shared file position; without
    ``fonts.drawing_lock`` two documents saved at once broke each other (KeyError)."""
    documents = list(samples().values())
    alone = [render.render_paper(doc) for doc in documents]
    drawn: list[bytes] = []
    failures: list[BaseException] = []
    start = threading.Barrier(4)

    def draw_all() -> None:
        start.wait()
        try:
            for _ in range(3):
                drawn.extend(render.render_paper(doc) for doc in documents)
        except BaseException as e:
            failures.append(e)

    threads = [threading.Thread(target=draw_all) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == [] and sorted(drawn) == sorted(alone * 12)


# --- a preview writes nothing -----------------------------------------------------------------
def every_row(hall: Hall) -> dict[str, list[tuple[Any, ...]]]:
    with hall.db.read() as s:
        return {
            table.name: sorted(
                (tuple(map(repr, row)) for row in s.execute(select(table))), key=repr
            )
            for table in load_all().metadata.sorted_tables
        }


def test_a_preview_without_a_hall_key_writes_nothing(
    hall: Hall, monkeypatch: pytest.MonkeyPatch
) -> None:
    with hall.db.write() as s:
        s.execute(delete(SigningKey))
    documents = clerk(hall).documents
    case_no = accepted_case_no(hall)
    before = every_row(hall)

    def no_write(self: Database) -> None:
        raise AssertionError("a preview opened a writing unit of work")

    monkeypatch.setattr(Database, "write", no_write)
    monkeypatch.setattr(Database, "transact", no_write)
    doc = documents.preview(K.RECEIPT, case_no)
    drawn = documents.draw_preview(K.RECEIPT, case_no)
    lines = documents.preview_text(K.RECEIPT, case_no)
    monkeypatch.undo()

    assert every_row(hall) == before
    assert doc.case_no == case_no and not doc.reprint
    assert drawn.pdf.startswith(b"%PDF") and f"办件编号：{case_no}" in lines
    with pytest.raises(ForgedPayload):  # still no key: this hall has signed nothing
        documents.verify(doc.qr_payload)
    printed = documents.print_document(K.RECEIPT, case_no)  # the first print creates the key
    assert documents.verify(printed.document.qr_payload).recorded


def test_a_preview_of_a_printed_document_is_its_reprint_and_records_nothing(hall: Hall) -> None:
    documents = clerk(hall).documents
    case_no = accepted_case_no(hall)
    printed = documents.print_document(K.RECEIPT, case_no)
    before = every_row(hall)
    again = documents.preview(K.RECEIPT, case_no)
    assert again.reprint and again.qr_payload == printed.document.qr_payload
    assert every_row(hall) == before
