"""No unmasked resident ID in logs, exception texts or the command line's errors (issue 16): a
run of failures with a known ID, then every text they left is searched for it."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from clerk_app import cli
from clerk_app.api import Hall, ItemRequest
from clerk_app.demo.credit_cases import make_resident_id
from clerk_app.domain import redaction
from clerk_app.persistence.models import Appointment, Ticket
from clerk_app.persistence.pii import pii_of
from clerk_app.services.cases.results import ApplicantInput
from tests.support.acceptance import FOOD, MovableClock, at, clerk

RID = make_resident_id("440511", date(1980, 5, 6), 77)


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    """The process's log written to a file, as a hall PC would keep it."""
    redaction.install()
    path = tmp_path / "desk.log"
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    yield path
    root.removeHandler(handler)
    handler.close()


def _fail(texts: list[str], action: object) -> None:
    """Runs ``action``, which must fail; keeps the error's text and logs it as the UI would."""
    try:
        action()  # type: ignore[operator]
    except Exception as error:
        texts.append(f"{error!s} {error!r}")
        logging.getLogger("ui.common.errors").error(
            "unexpected error in the user interface", exc_info=error
        )
    else:
        raise AssertionError("expected a failure")


def _raw_write(hall: Hall, **values: object) -> None:
    with hall.db.write() as s:
        s.add(
            Appointment(
                category_id=1,
                slot_start=datetime(2026, 11, 26, 2),
                slot_end=datetime(2026, 11, 26, 3),
                # IDs are sealed now (persistence/pii.py); a note that quotes one is still a
                # bound parameter carrying it into any error the statement raises.
                cancel_reason=f"证件号 {RID}",
                **values,
            )
        )


def test_a_run_of_failures_leaves_no_full_id_anywhere(
    hall: Hall, log_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    desk = at(hall, MovableClock())
    texts: list[str] = []
    kiosk = desk.kiosk().queue
    session = clerk(desk)
    for _ in range(3):
        kiosk.take_ticket("A", identity=RID)
    _fail(texts, lambda: kiosk.take_ticket("A", identity=RID))  # over the daily limit
    _fail(texts, lambda: kiosk.take_ticket("Q", identity=RID))  # no such category
    _fail(texts, lambda: kiosk.take_ticket("A", identity=RID[:-1] + "0"))  # wrong check digit
    person = ApplicantInput("张\x00三", "resident_id", RID)
    _fail(texts, lambda: session.cases.accept(person, [ItemRequest(FOOD)], ticket_id=None))
    _raw_write(desk, code="LEAKTEST1", applicant_name="张三")
    _fail(texts, lambda: _raw_write(desk, code="LEAKTEST1", applicant_name="张三"))  # Integrity
    if desk.db.is_postgres:  # a NUL the database itself refuses, with the ID bound beside it
        _fail(texts, lambda: _raw_write(desk, code="X" * 40, applicant_name="张三"))  # too long
        _fail(texts, lambda: _raw_write(desk, code="LEAKTEST2", applicant_name="张\x00三"))
    with desk.db.read() as s:  # the failed statements' values were bound: check they were
        assert s.query(Ticket).filter(Ticket.identity_hash == pii_of(s).lookup(RID)).count() == 3

    logging.getLogger("clerk_app").warning("applicant %s refused", RID)  # a careless log line
    url = desk.db.url
    for _ in range(3):  # the CLI's clock is the PC's: today's limit starts afresh
        cli.main(["--db", url, "ticket", "take", "A", "--id", RID])
    assert cli.main(["--db", url, "ticket", "take", "A", "--id", RID]) == 2  # daily limit
    assert cli.main(["--db", url, "ticket", "take", "A", "--id", RID[:-1] + "0"]) == 2

    def buggy(_hall: Hall, _args: object) -> int:
        raise RuntimeError(f"bug while serving {RID}")

    parser_func = cli.cmd_ticket_take
    try:
        cli.cmd_ticket_take = buggy  # type: ignore[assignment]
        assert cli.main(["--db", url, "ticket", "take", "A"]) == 1  # the bug's traceback
    finally:
        cli.cmd_ticket_take = parser_func  # type: ignore[assignment]
    captured = capsys.readouterr()
    logged = log_file.read_text(encoding="utf-8")

    assert len(texts) >= 5
    assert "Traceback" in logged and "RuntimeError" in captured.err
    masked = RID[:4] + "*" * 10 + RID[-4:]
    assert masked in logged and masked in captured.err
    for where, text in [("exceptions", "\n".join(texts)), ("log", logged)]:
        assert RID not in text, where
    assert RID not in captured.err and RID not in captured.out


def test_redact_masks_ids_and_leaves_other_numbers() -> None:
    text = f"id={RID}, lower={RID.lower()}, request 1234567890123456789012, case 44051120261126"
    out = redaction.redact(text)
    assert RID not in out and RID[:4] + "*" * 10 in out
    assert "1234567890123456789012" in out and "44051120261126" in out


def test_the_ui_exception_hook_logs_no_full_id(log_file: Path) -> None:
    from ui.common import errors

    before = sys.excepthook
    errors.install_excepthook()
    try:
        error = ValueError(f"bad row for {RID}")
        errors.QMessageBox.critical = lambda *_a: None  # type: ignore[method-assign]
        sys.excepthook(ValueError, error, None)
    finally:
        sys.excepthook = before
    logged = log_file.read_text(encoding="utf-8")
    assert "bad row for" in logged and RID not in logged
