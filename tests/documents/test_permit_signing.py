"""A permit's QR signs what it says (issue 16): key id and a hash of the printed content;
verify shows holder, location, area and period; forged content fails; keys rotate and old
paper keeps verifying."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select

from clerk_app import cli
from clerk_app.api import Hall, StaffSession
from clerk_app.documents.paper_data import DocumentKind
from clerk_app.documents.signing import ForgedPayload, content_hash, new_secret, sign_payload
from clerk_app.errors import PermissionDenied
from clerk_app.persistence.models import AuditLog
from clerk_app.persistence.models_cases import SigningKey
from clerk_app.services.cases.results import ItemRequest
from clerk_app.services.documents.snapshots import content_sha256
from tests.support.acceptance import ROAD, MovableClock, at, clerk, person

K = DocumentKind
DETAILS = {
    "location": "汕头市龙湖区长平路88号门前人行道",
    "area_m2": "12.5",
    "period_from": "2026-11-27",
    "period_to": "2026-12-05",
    "purpose": "店面装修临时堆放材料",
}


@pytest.fixture
def desk(hall: Hall) -> Hall:
    return at(hall, MovableClock())


def _permit(s: StaffSession) -> tuple[str, str]:
    [case] = s.cases.issue_instant(person(), [ItemRequest(ROAD)], permit_details=DETAILS)
    printed = s.documents.print_document(K.PERMIT, case.case_no)
    return case.case_no, printed.document.qr_payload


def test_verify_shows_what_the_permit_says(desk: Hall, capsys: pytest.CaptureFixture[str]) -> None:
    s = clerk(desk)
    _case_no, payload = _permit(s)
    assert payload.startswith("ZW2:PERMIT:") and ":K1:" in payload
    result = desk.login("supervisor", "demo").documents.verify(payload)
    assert result.key_id == "K1" and result.content_signed and result.holder == "张三"
    assert result.permit is not None and result.permit.location == DETAILS["location"]
    shown = dict(result.printed_lines())
    assert DETAILS["location"] in shown.values() and "12.5" in shown.values()
    assert "2026-11-27 – 2026-12-05" in shown.values() and "张三" in shown.values()
    assert cli.main(["--db", desk.db.url, "--lang", "en", "verify", payload]) == 0
    out = capsys.readouterr().out
    assert out.startswith("GENUINE") and DETAILS["location"] in out and "Area (m²)\t12.5" in out


def test_a_permit_with_a_changed_location_fails(desk: Hall) -> None:
    s = clerk(desk)
    case_no, payload = _permit(s)
    printed = s.documents.preview(K.PERMIT, case_no)
    assert printed.permit is not None
    moved = replace(printed, permit=replace(printed.permit, location="汕头市金平区海滨路1号"))
    forged_hash = content_hash(content_sha256(moved))
    assert forged_hash not in payload
    parts = payload.split(":")
    swapped = ":".join([*parts[:5], forged_hash, parts[6]])  # the hash of the moved permit
    resigned = sign_payload(  # signed anew, without the hall's key
        K.PERMIT,
        case_no,
        date(2026, 11, 26),
        new_secret(),
        key_id="K1",
        printed=content_sha256(moved),
    )
    for forged in (swapped, resigned):
        with pytest.raises(ForgedPayload):
            s.documents.verify(forged)


def test_keys_rotate_and_old_paper_keeps_verifying(
    desk: Hall, capsys: pytest.CaptureFixture[str]
) -> None:
    s = clerk(desk)
    _old_case, old_payload = _permit(s)
    with pytest.raises(PermissionDenied):
        s.documents.rotate_key()  # a clerk may not
    assert cli.main(["--db", desk.db.url, "keys", "rotate"]) == 0
    assert "K2" in capsys.readouterr().out
    new_case, new_payload = _permit(s)
    assert ":K2:" in new_payload
    assert s.documents.verify(old_payload).key_id == "K1"
    assert s.documents.verify(new_payload).key_id == "K2"
    with desk.db.read() as db:
        keys = dict(db.execute(select(SigningKey.key_id, SigningKey.secret)).all())
        rotated = db.scalars(select(AuditLog.after).where(AuditLog.action.like("%rotated"))).all()
    assert set(keys) == {"K1", "K2"} and rotated == [{"key_id": "K2"}]
    # A payload naming a key the hall does not have is not genuine.
    unknown = sign_payload(K.PERMIT, new_case, date(2026, 11, 26), keys["K2"], key_id="K9")
    with pytest.raises(ForgedPayload):
        s.documents.verify(unknown)


def test_old_zw1_paper_still_verifies_with_the_first_key(desk: Hall) -> None:
    s = clerk(desk)
    case_no, _payload = _permit(s)
    with desk.db.read() as db:
        first = db.get_one(SigningKey, "K1").secret
    legacy = sign_payload(K.PERMIT, case_no, date(2026, 11, 26), first)  # ZW1, no key id
    result = s.documents.verify(legacy)
    assert legacy.startswith("ZW1:") and result.recorded and not result.content_signed
