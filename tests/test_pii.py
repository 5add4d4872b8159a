"""ID numbers at rest (issue 16, Personal data): a dump of the hall holds none in clear, while
search by ID, the daily per-ID ticket limit and the visit counts still work; a wrong, missing or
open key file is refused with one clear sentence; rotation keeps old values readable."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, text, update
from sqlalchemy.engine import make_url

from clerk_app.api import Hall, open_hall
from clerk_app.cli import main as cli_main
from clerk_app.demo.credit_cases import make_resident_id, make_uscc
from clerk_app.domain.identity import mask_identifier
from clerk_app.domain.roles import Role
from clerk_app.errors import ValidationError
from clerk_app.i18n import language, set_language
from clerk_app.persistence.database import Database
from clerk_app.persistence.migrate import current_revision, upgrade
from clerk_app.persistence.models import Appointment, Ticket
from clerk_app.persistence.models_cases import Case
from clerk_app.persistence.pii import PiiKeyError, create_keys, load_keys
from clerk_app.services.cases.results import ApplicantInput, CaseInfo, ItemRequest
from tests.imports.samples import write_csv
from tests.support.acceptance import FOOD, MovableClock, at, clerk
from tests.support.pg_cluster import find_pg_bin

# IDs of this test only: regions and birth dates the demo hall does not use, so any trace of
# them in a dump is theirs.
WALK_IN = make_resident_id("110105", date(1983, 4, 17), 271)
APPLICANT = make_resident_id("320582", date(1979, 9, 23), 385)
AGENT = make_resident_id("510104", date(1992, 2, 29), 517)
BOOKED = make_resident_id("370202", date(1987, 12, 1), 649)
FIRM = make_uscc("440511", "Q7654321")
IDS = (WALK_IN, APPLICANT, AGENT, BOOKED)


def _traces(value: str) -> list[bytes]:
    """What of ``value`` must not be in a dump: the whole, and every run of 6 beyond the mask
    (the mask shows the first and last 4), as text and as PostgreSQL's hex of bytes."""
    runs = [value, value[:6], value[-6:], value[6:14]]
    return [r.encode() for r in runs] + [value.encode().hex().encode()]


def _workload(hall: Hall, tmp_path: Path) -> tuple[CaseInfo, CaseInfo]:
    """Real-name tickets, a booked appointment checked in, a person's and a firm's cases."""
    kiosk = hall.kiosk().queue
    kiosk.take_ticket("A", identity=WALK_IN)
    kiosk.take_ticket("A", identity=WALK_IN.lower())  # the same ID, as a reader may type it
    admin = hall.login("admin", "demo")
    slot = hall.system().hall_now().replace(microsecond=0) + timedelta(minutes=5)
    rows = [
        ["预约号", "业务类别", "申请人姓名", "证件号码", "预约开始时间", "预约结束时间"],
        ["PII00001", "A", "周明远", BOOKED, f"{slot:%Y-%m-%d %H:%M}", f"{slot:%Y-%m-%d} 23:59"],
    ]
    admin.imports.import_appointments(write_csv(tmp_path / "booked.csv", rows))
    assert kiosk.check_in("PII00001").masked_identity == mask_identifier(BOOKED)
    desk = clerk(hall, 2)
    [person] = desk.cases.accept(
        ApplicantInput("吴思远", "resident_id", APPLICANT), [ItemRequest(FOOD)]
    )
    firm = ApplicantInput(
        "汕头市加密测试有限公司",
        "uscc",
        FIRM,
        legal_representative="钱七",
        agent_name="孙八",
        agent_id=AGENT,
    )
    [firm_case] = desk.cases.accept(firm, [ItemRequest(FOOD)])
    return person, firm_case


def _sqlite_bytes(url: str) -> bytes:
    path = Path(make_url(url).database or "")
    wal = Path(f"{path}-wal")
    return path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def _pg_dump(url: str) -> bytes:
    bin_dir = find_pg_bin()
    assert bin_dir is not None
    u = make_url(url)
    return subprocess.run(
        [
            str(bin_dir / "pg_dump"),
            "-h",
            str(u.host),
            "-p",
            str(u.port),
            "-U",
            str(u.username),
            str(u.database),
        ],
        capture_output=True,
        check=True,
    ).stdout


@pytest.fixture
def desk_hall(hall: Hall) -> Hall:
    return at(hall, MovableClock())


def test_a_dump_of_the_hall_holds_no_id_in_clear(
    desk_hall: Hall, hall_url: str, tmp_path: Path
) -> None:
    _workload(desk_hall, tmp_path)
    pg = desk_hall.db.is_postgres
    dump = _pg_dump(hall_url) if pg else _sqlite_bytes(hall_url)
    assert len(dump) > 10_000  # a real dump, with the demo hall in it
    assert b"CREATE TABLE public.cases" in dump if pg else b"applicant_id_enc" in dump
    for value in IDS:
        for trace in _traces(value):
            assert trace not in dump, (value, trace)
    # What masking shows is all the hall keeps readable: the audit row of the decision.
    assert mask_identifier(APPLICANT).encode() in dump


def test_lookups_still_work_by_the_keyed_hash(desk_hall: Hall, tmp_path: Path) -> None:
    person, firm = _workload(desk_hall, tmp_path)
    kiosk = desk_hall.kiosk().queue
    kiosk.take_ticket("B", identity=WALK_IN)  # the third of the day (the limit is 3)
    with pytest.raises(ValidationError, match="最多取号 3 张"):
        kiosk.take_ticket("A", identity=WALK_IN)
    kiosk.take_ticket("A", identity=APPLICANT)  # another ID is not held back
    desk = clerk(desk_hall, 2)
    assert desk.cases.known_applicant("resident_id", APPLICANT).name == "吴思远"  # type: ignore[union-attr]
    assert desk.cases.known_applicant("uscc", FIRM).name == "汕头市加密测试有限公司"  # type: ignore[union-attr]
    assert desk.cases.known_applicant("resident_id", AGENT) is None  # an agent is not an applicant
    assert desk.cases.get(person.case_no).applicant_id_masked == mask_identifier(APPLICANT)
    assert person.applicant_id_masked == mask_identifier(APPLICANT)
    assert firm.agent_id_masked == mask_identifier(AGENT)
    shown = desk.cases.reveal_identity(firm.case_no, "核对身份")  # a role that may see the full ID
    assert (shown.applicant_id, shown.agent_id) == (FIRM, AGENT)
    waiting = {t.masked_identity for t in desk.queue.waiting_for_counter()}
    assert {mask_identifier(WALK_IN), mask_identifier(BOOKED)} <= waiting
    called = desk.queue.call_next()  # the booked one first (priority), then the walk-ins
    assert called is not None and called.masked_identity in waiting - {""}


def test_the_same_id_seals_differently_each_time_and_hashes_the_same(
    desk_hall: Hall, tmp_path: Path
) -> None:
    kiosk = desk_hall.kiosk().queue
    kiosk.take_ticket("A", identity=WALK_IN)
    kiosk.take_ticket("A", identity=WALK_IN)
    with desk_hall.db.read() as s:
        rows = s.execute(
            select(Ticket.identity_enc, Ticket.identity_hash).where(
                Ticket.identity_hash.is_not(None)
            )
        ).all()
    [(enc1, hash1), (enc2, hash2)] = rows[-2:]
    assert bytes(enc1) != bytes(enc2) and hash1 == hash2 and len(hash1) == 64
    assert bytes(enc1)[0] == 1 and int.from_bytes(bytes(enc1)[1:3], "big") >= 1


def test_a_value_moved_to_another_column_does_not_open(desk_hall: Hall) -> None:
    desk = clerk(desk_hall, 2)
    firm = ApplicantInput("甲公司", "uscc", FIRM, agent_name="孙八", agent_id=AGENT)
    [case] = desk.cases.accept(firm, [ItemRequest(FOOD)])
    with desk_hall.db.write() as s:
        s.execute(
            update(Case)
            .where(Case.case_no == case.case_no)
            .values(applicant_id_enc=Case.agent_id_enc)
        )
    with pytest.raises(PiiKeyError, match=r"cannot be decrypted|无法用本机密钥文件"):
        desk.cases.reveal_identity(case.case_no, "核对身份")


# ------------------------------------------------------------------------------ the key file


@pytest.fixture
def own_keys(tmp_path: Path) -> Path:
    return tmp_path / "keys" / "pii.keys"


def test_first_setup_creates_a_key_file_only_its_owner_reads(
    tmp_path: Path, own_keys: Path
) -> None:
    url = f"sqlite:///{tmp_path / 'new.db'}"
    open_hall(url, pii_keys=own_keys).close()
    assert own_keys.stat().st_mode & 0o777 == 0o600
    keys = load_keys(own_keys)
    assert len(keys.lookup_key) == 32 and list(keys.seal_keys) == [1]
    open_hall(url, pii_keys=own_keys).close()  # the same file opens the hall again
    assert load_keys(own_keys) == keys


def test_another_halls_key_file_is_refused(tmp_path: Path, own_keys: Path) -> None:
    url = f"sqlite:///{tmp_path / 'new.db'}"
    open_hall(url, pii_keys=own_keys).close()
    stranger = create_keys(tmp_path / "other.keys")
    with pytest.raises(PiiKeyError) as refused:
        open_hall(url, pii_keys=stranger.path)
    assert "is not this hall database's" in refused.value.en
    assert "不是本厅数据库的密钥" in refused.value.zh


def test_a_key_file_others_can_read_is_refused(tmp_path: Path, own_keys: Path) -> None:
    url = f"sqlite:///{tmp_path / 'new.db'}"
    open_hall(url, pii_keys=own_keys).close()
    os.chmod(own_keys, 0o644)
    with pytest.raises(PiiKeyError, match="chmod 600"):
        open_hall(url, pii_keys=own_keys)


def test_a_lost_key_file_is_never_replaced_by_a_new_one(tmp_path: Path, own_keys: Path) -> None:
    url = f"sqlite:///{tmp_path / 'new.db'}"
    hall = open_hall(url, pii_keys=own_keys)
    hall.seed_demo()
    hall.kiosk().queue.take_ticket("A", identity=WALK_IN)
    hall.close()
    own_keys.unlink()
    hall = open_hall(url, pii_keys=own_keys)  # the display needs no key: it opens
    try:
        assert not own_keys.exists()
        assert hall.kiosk().queue.take_ticket("A").number  # an anonymous ticket needs none
        with pytest.raises(PiiKeyError) as refused:
            hall.kiosk().queue.take_ticket("A", identity=WALK_IN)
        assert "restore it from the backup" in refused.value.en
        assert str(own_keys) in refused.value.zh
    finally:
        hall.close()


# ------------------------------------------------------------------------------------ rotation


def test_rotation_keeps_old_values_readable_and_resealing_moves_them(
    tmp_path: Path, own_keys: Path
) -> None:
    url = f"sqlite:///{tmp_path / 'new.db'}"
    hall = open_hall(url, pii_keys=own_keys)
    hall.seed_demo()
    kiosk = hall.kiosk().queue
    old = kiosk.take_ticket("A", identity=WALK_IN)
    before_rotation = tmp_path / "old.keys"
    shutil.copy(own_keys, before_rotation)
    admin = hall.login("admin", "demo")
    with pytest.raises(Exception, match=r"无权|may not"):
        clerk(hall, 1).pii_keys.rotate()
    assert admin.pii_keys.rotate() == 2
    assert own_keys.stat().st_mode & 0o777 == 0o600
    new = kiosk.take_ticket("A", identity=APPLICANT)
    state = admin.pii_keys.state()
    assert state.current_id == 2 and state.values_by_key[2] == 1 and state.values_by_key[1] >= 1
    with pytest.raises(ValidationError):  # the limit counts across keys: the hash is the same
        for _ in range(3):
            kiosk.take_ticket("A", identity=WALK_IN)
    board = {t.number: t.masked_identity for t in clerk(hall, 1).queue.waiting_for_counter()}
    assert board[old.number] == mask_identifier(WALK_IN)
    assert board[new.number] == mask_identifier(APPLICANT)
    resealed = admin.pii_keys.reseal(batch=2)
    assert resealed == state.values_by_key[1]  # the later WALK_IN tickets were sealed with 2
    assert admin.pii_keys.state().values_by_key.keys() == {2}
    hall.close()
    with pytest.raises(PiiKeyError, match=r"lacks key 2|缺少第 2 号密钥"):
        open_hall(url, pii_keys=before_rotation)
    hall = open_hall(url, pii_keys=own_keys)
    board = {t.number: t.masked_identity for t in clerk(hall, 1).queue.waiting_for_counter()}
    assert board[old.number] == mask_identifier(WALK_IN)
    hall.close()


def test_clerk_keys_rotate_pii_reencrypts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    hall = open_hall(url)  # the tests' configured key file (CLERK_PII_KEYS)
    hall.seed_demo()
    hall.kiosk().queue.take_ticket("A", identity=WALK_IN)
    hall.close()
    keys = Path(os.environ["CLERK_PII_KEYS"])
    saved = keys.read_bytes()
    before = language()  # `--lang en` sets the process's language; later tests expect theirs
    try:
        assert cli_main(["--lang", "en", "--db", url, "keys", "rotate-pii", "--reencrypt"]) == 0
        out = capsys.readouterr().out
        assert "ID sealing key" in out and "sealed again" in out
        assert cli_main(["--lang", "en", "--db", url, "keys", "status"]) == 0
        status = capsys.readouterr().out
        current = max(load_keys(keys).seal_keys)
        assert f"New values use key {current}" in status
        assert "key 1:" not in status
    finally:
        os.chmod(keys, 0o600)
        keys.write_bytes(saved)  # the other tests' halls know only the original keys
        set_language(before)


# ----------------------------------------------------------------------------------- migration


@pytest.fixture
def old_hall(db_url: str) -> Iterator[Database]:
    """A hall at revision 0011 with ID numbers in clear, as halls were before 0012."""
    db = Database(db_url)
    upgrade(db, "0011")
    with db.write_engine.begin() as c:
        c.execute(text("INSERT INTO departments (id, code, name) VALUES (1, 'JT', '交通局')"))
        c.execute(
            text("INSERT INTO queue_categories (id, prefix, name, sort_order) VALUES (1,'A','a',0)")
        )
        c.execute(
            text(
                "INSERT INTO service_items (id, item_code, name, department_id, category_id, kind,"
                " statutory_days, promised_days, tolerant_accept_allowed, fee_cents, legal_basis,"
                " active, search_text, authority) VALUES (1, 'X-7', '临时占用城市道路许可', 1, 1,"
                " 'instant', 0, 0, false, 0, '', true, '', '')"
            )
        )
        c.execute(
            text(
                "INSERT INTO tickets (id, service_date, category_id, seq, number, priority, status,"
                " identity_kind, identity_value, taken_at, queue_position_at, recall_count,"
                " printed_count) VALUES (1, '2026-11-26', 1, 1, 'A001', 'normal', 'waiting',"
                " 'resident_id', :v, '2026-11-26 01:00:00', '2026-11-26 01:00:00', 0, 1)"
            ),
            {"v": WALK_IN},
        )
        c.execute(
            text(
                "INSERT INTO appointments (id, code, category_id, applicant_name, identity_value,"
                " slot_start, slot_end) VALUES (1, 'P1', 1, '周', :v, '2026-11-26 01:00:00',"
                " '2026-11-26 02:00:00')"
            ),
            {"v": BOOKED},
        )
        c.execute(
            text(
                "INSERT INTO cases (id, case_no, item_id, applicant_name, applicant_id_kind,"
                " applicant_id_value, legal_representative, agent_name, agent_id_value, state,"
                " commitment_signed, decision_reason, decision_basis, competent_body,"
                " created_at, version) VALUES (1, 'C1', 1, '甲公司', 'uscc', :firm, '', '孙八',"
                " :agent, 'accepted', false, '', '', '', '2026-11-26 01:00:00', 1)"
            ),
            {"firm": FIRM, "agent": AGENT},
        )
    yield db
    db.dispose()


def test_the_upgrade_seals_the_ids_already_stored(old_hall: Database, own_keys: Path) -> None:
    keys = create_keys(own_keys)
    upgrade(old_hall, pii_keys=keys)
    with old_hall.read_engine.connect() as c:
        columns = {
            t: {col["name"] for col in __import__("sqlalchemy").inspect(c).get_columns(t)}
            for t in ("tickets", "appointments", "cases")
        }
    assert not any("_value" in name and "id" in name for cols in columns.values() for name in cols)
    hall = open_hall(old_hall.url, pii_keys=own_keys)
    try:
        with hall.db.read() as s:
            pii = hall.db.pii
            t = s.scalars(select(Ticket)).one()
            a = s.scalars(select(Appointment)).one()
            case = s.scalars(select(Case)).one()
            assert pii.open(t.identity_enc, "tickets.identity") == WALK_IN  # type: ignore[arg-type]
            assert t.identity_hash == pii.lookup(WALK_IN)
            assert pii.open(a.identity_enc, "appointments.identity") == BOOKED  # type: ignore[arg-type]
            assert pii.open(case.applicant_id_enc, "cases.applicant_id") == FIRM
            assert case.agent_id_hash == pii.lookup(AGENT)
        assert (
            hall.system(Role.SUPERVISOR).cases.reveal_identity("C1", "核对身份").agent_id == AGENT
        )
    finally:
        hall.close()


def test_the_upgrade_refuses_without_a_key_file_and_changes_nothing(
    old_hall: Database, own_keys: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLERK_PII_KEYS", str(own_keys))  # no such file
    with pytest.raises(PiiKeyError, match=r"is missing|找不到"):
        upgrade(old_hall)
    with old_hall.read_engine.connect() as c:
        assert current_revision(c) == "0011"
        assert c.execute(text("SELECT identity_value FROM tickets")).scalar() == WALK_IN


def test_sqlite_file_of_a_migrated_hall_holds_no_id(tmp_path: Path, own_keys: Path) -> None:
    """The clear values the upgrade rewrote leave no copy in the file's free pages."""
    url = f"sqlite:///{tmp_path / 'old.db'}"
    db = Database(url)
    upgrade(db, "0011")
    with db.write_engine.begin() as c:
        c.execute(
            text("INSERT INTO queue_categories (id, prefix, name, sort_order) VALUES (1,'A','a',0)")
        )
        c.execute(
            text(
                "INSERT INTO tickets (id, service_date, category_id, seq, number, priority, status,"
                " identity_kind, identity_value, taken_at, queue_position_at, recall_count,"
                " printed_count) VALUES (1, '2026-11-26', 1, 1, 'A001', 'normal', 'waiting',"
                " 'resident_id', :v, '2026-11-26 01:00:00', '2026-11-26 01:00:00', 0, 1)"
            ),
            {"v": WALK_IN},
        )
    upgrade(db, pii_keys=create_keys(own_keys))
    db.dispose()
    with sqlite3.connect(tmp_path / "old.db") as raw:
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert WALK_IN.encode() not in _sqlite_bytes(url)
