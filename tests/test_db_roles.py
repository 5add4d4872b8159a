"""Least privilege per device on PostgreSQL (issue 16): the kiosk's database role takes
tickets through the kiosk service but cannot read cases, ID numbers or the signing key; a
device's hall hands out no other session."""

from __future__ import annotations

from datetime import date

import pytest

from clerk_app.api import Hall, PermissionDenied, Role, open_hall
from clerk_app.cli import main
from clerk_app.demo.credit_cases import make_resident_id
from tests.support.acceptance import clerk
from tests.support.db_roles import login_url, refused

RID = make_resident_id("440511", date(1980, 5, 6), 78)


@pytest.mark.pg
def test_the_kiosk_role_takes_tickets_but_reads_no_case_id_or_key(pg_hall_url: str) -> None:
    assert main(["--db", pg_hall_url, "db", "grants", "--apply"]) == 0
    # Something to hide: a real-name ticket (the demo hall has cases and a signing key).
    staff = open_hall(pg_hall_url)
    staff.kiosk().queue.take_ticket("A", identity=RID)
    staff.close()

    kiosk_url = login_url(pg_hall_url, "clerk_kiosk")
    kiosk_hall = open_hall(kiosk_url, device=Role.KIOSK)
    try:
        queue = kiosk_hall.kiosk().queue
        ticket = queue.take_ticket("A")
        real_name = queue.take_ticket("B", identity=RID)  # the daily limit is counted too
        assert real_name.masked_identity.startswith(RID[:4]) and "*" in real_name.masked_identity
        assert queue.reprint(real_name.reprint_token).reprint
        assert queue.status().categories and ticket.number.startswith("A")
        for sql in (
            "SELECT * FROM cases",
            "SELECT applicant_id_enc FROM cases",
            "SELECT identity_enc FROM tickets",
            "SELECT * FROM signing_keys",
            "SELECT * FROM users",
            "SELECT * FROM audit_log",
            "UPDATE audit_log SET actor = 'x'",
        ):
            assert refused(kiosk_url, sql), sql
        with pytest.raises(PermissionDenied):
            kiosk_hall.system()
        with pytest.raises(PermissionDenied):
            kiosk_hall.login("admin", "demo")
        with pytest.raises(PermissionDenied):
            kiosk_hall.display()
    finally:
        kiosk_hall.close()

    display_url = login_url(pg_hall_url, "clerk_display")
    display_hall = open_hall(display_url, device=Role.DISPLAY)
    try:
        board = display_hall.display().queue.board()
        assert board is not None
        assert refused(
            display_url, "INSERT INTO audit_log (at, actor, action) VALUES (now(),'x','y')"
        )
        assert refused(display_url, "SELECT identity_enc FROM tickets")
    finally:
        display_hall.close()

    staff_url = login_url(pg_hall_url, "clerk_staff")
    staff_hall = open_hall(staff_url)
    try:
        session = clerk(staff_hall)
        assert session.queue.call_next() is not None
        assert refused(staff_url, "DELETE FROM audit_log")
    finally:
        staff_hall.close()


def test_grants_print_without_a_server(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'h.db'}"
    assert main(["--db", url, "db", "grants"]) == 0
    out = capsys.readouterr().out
    assert "clerk_kiosk" in out and "GRANT SELECT (id," in out and "signing_keys" not in out
    assert main(["--db", url, "db", "grants", "--apply"]) == 2


def test_a_device_hall_gives_no_other_session(hall: Hall) -> None:
    kiosk = Hall(hall.db, hall.clock, Role.KIOSK)
    kiosk.kiosk()
    for other in (kiosk.system, kiosk.display, lambda: kiosk.login("admin", "demo")):
        with pytest.raises(PermissionDenied):
            other()
