"""Imports and exports below the UI, on SQLite and PostgreSQL: encodings, refusals with the
database unchanged table by table, idempotence, dry runs, permissions and round trips."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from clerk_app.api import Hall, PermissionDenied, open_hall
from clerk_app.hall_time import to_utc
from clerk_app.persistence.models import Appointment, AuditLog, Department, ServiceItem
from clerk_app.services.imports import ImportRefused
from clerk_app.services.imports.table import MAX_FILE_BYTES
from tests.imports.samples import (
    CREDIT_HEADER_EN,
    FIRM_A,
    FIRM_B,
    FIRM_C,
    PERSON,
    appointment_rows,
    credit_rows,
    read_csv,
    snapshot,
    write_csv,
    write_xlsx,
)


@pytest.fixture
def admin(hall: Hall):  # type: ignore[no-untyped-def]
    return hall.login("admin", "demo")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "xlsx", "english-headers"])
def test_credit_list_imports_in_each_encoding(
    hall: Hall, admin, tmp_path: Path, encoding: str
) -> None:  # type: ignore[no-untyped-def]
    rows = credit_rows()
    if encoding == "xlsx":
        path = write_xlsx(
            tmp_path / "红黑名单.xlsx", rows, title_row="汕头市信用红黑名单（2026年12月）"
        )
    elif encoding == "english-headers":
        path = write_csv(tmp_path / "credit.csv", [CREDIT_HEADER_EN, *rows[1:]])
    else:
        path = write_csv(tmp_path / "credit.csv", rows, encoding)
    report = admin.imports.import_credit_list(path)
    assert (report.rows, report.added, report.updated, report.problems) == (3, 3, 0, [])
    standing = admin.credit.status(FIRM_A)
    assert standing.on_black_list and standing.enterprise_name == "汕头市龙湖区测试贸易有限公司"
    c = admin.credit.status(FIRM_C).entries[0]
    assert c.enterprise_name == "汕头市濠江区𠀋记海产有限公司"  # a GB18030 four-byte character
    assert (c.list_type, str(c.valid_from), str(c.valid_to)) == (
        "red_list",
        "2026-03-01",
        "2026-12-31",
    )
    b = admin.credit.status(FIRM_B).entries[0]
    assert (str(b.valid_from), str(b.valid_to)) == ("2026-01-05", "2027-01-04")
    # The same file again changes nothing, not even the audit log.
    before = snapshot(hall)
    again = admin.imports.import_credit_list(path)
    assert (again.added, again.updated, again.unchanged, again.applied) == (0, 0, 3, False)
    assert snapshot(hall) == before


def test_import_writes_one_audit_record_in_its_transaction(
    hall: Hall, admin, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    admin.imports.import_credit_list(write_csv(tmp_path / "c.csv", credit_rows()))
    with hall.db.read() as s:
        rows = s.scalars(select(AuditLog).where(AuditLog.action == "credit_list_imported")).all()
        assert len(rows) == 1 and rows[0].actor == "admin"
        assert len(rows[0].after["added"]) == 3 and len(rows[0].after["sha256"]) == 64


def _catalog_with(admin, tmp_path: Path, change: Callable[[list[list[str]]], None]) -> Path:  # type: ignore[no-untyped-def]
    exported = tmp_path / "export.csv"
    admin.imports.export_catalog(exported)
    rows = read_csv(exported)
    change(rows)
    return write_csv(tmp_path / "catalog.csv", rows, "utf-8-sig")


def _set(rows: list[list[str]], item_code: str, column: str, value: str) -> None:
    col = rows[0].index(column)
    for row in rows[1:]:
        if row[2] == item_code:
            row[col] = value


def _garbage(tmp_path: Path, admin) -> Path:  # type: ignore[no-untyped-def]
    path = tmp_path / "garbage.csv"
    path.write_bytes(bytes(range(128, 256)) * 40)
    return path


def _huge(tmp_path: Path, admin) -> Path:  # type: ignore[no-untyped-def]
    path = tmp_path / "huge.csv"
    with path.open("wb") as f:
        f.truncate(50 * 1024 * 1024)  # 50 MB on disk (sparse): refused before reading
    return path


def _credit(change: Callable[[list[list[str]]], None]) -> Callable[[Path, object], Path]:
    def make(tmp_path: Path, admin: object) -> Path:
        rows = credit_rows()
        change(rows)
        return write_csv(tmp_path / "credit.csv", rows, "gb18030")

    return make


def _drop_first_material(item_code: str) -> Callable[[list[list[str]]], None]:
    def change(rows: list[list[str]]) -> None:
        rows.remove(next(r for r in rows if r[2] == item_code))  # a case used it

    return change


def _other(check: str) -> str:
    return "0" if check != "0" else "1"


def _with_row(row: list[str]) -> list[list[str]]:
    return [*appointment_rows()[:2], row]


def _drop_column(rows: list[list[str]], index: int) -> None:
    for row in rows:
        del row[index]


# (what, a file maker, the kind, the problem's row and column (None: any), a word of it)
MALFORMED = [
    ("garbage bytes", _garbage, "credit_list", 0, "", "GB18030"),
    ("a 50 MB file", _huge, "credit_list", 0, "", "MB"),
    (
        "wrong suffix",
        lambda p, a: write_csv(p / "list.xls", credit_rows()),
        "credit_list",
        0,
        "",
        ".xls",
    ),
    (
        "corrupt xlsx",
        lambda p, a: write_csv(p / "list.xlsx", credit_rows()),
        "credit_list",
        0,
        "",
        ".xlsx",
    ),
    ("missing column", _credit(lambda r: _drop_column(r, 3)), "credit_list", 1, "", "列入原因"),
    (
        "unknown column",
        _credit(lambda r: r[0].__setitem__(4, "认定机关X")),
        "credit_list",
        1,
        "",
        "认定机关X",
    ),
    (
        "check character",
        _credit(lambda r: r[2].__setitem__(0, FIRM_B[:17] + ("0" if FIRM_B[17] != "0" else "1"))),
        "credit_list",
        3,
        "统一社会信用代码",
        "校验码",
    ),
    (
        "dates out of order",
        _credit(lambda r: r[3].__setitem__(6, "2026-01-01")),
        "credit_list",
        4,
        "有效期止",
        "早于",
    ),
    (
        "duplicate USCC, other name",
        _credit(lambda r: r.append([FIRM_A, "另一家公司", "红名单", "x", "y", "2026-01-01", ""])),
        "credit_list",
        5,
        "企业名称",
        FIRM_A,
    ),
    (
        "same entry, other data",
        _credit(lambda r: r.append([*r[1][:3], "另一个原因", *r[1][4:]])),
        "credit_list",
        5,
        "统一社会信用代码",
        "第2行",
    ),
    (
        "name over 200 characters",
        _credit(lambda r: r[2].__setitem__(1, "企" * 201)),
        "credit_list",
        3,
        "企业名称",
        "200",
    ),
    (
        "control character",
        _credit(lambda r: r[2].__setitem__(1, "喆镕\x1b[31m科技")),
        "credit_list",
        3,
        "企业名称",
        "U+001B",
    ),
    (
        "unknown list type",
        _credit(lambda r: r[2].__setitem__(2, "灰名单")),
        "credit_list",
        3,
        "名单类型",
        "灰名单",
    ),
    (
        "item code of another department",
        lambda p, a: _catalog_with(
            a,
            p,
            lambda r: (
                _set(r, "440500-BDC-001", "部门编码", "SCJG")
                or _set(r, "440500-BDC-001", "部门名称", "汕头市市场监督管理局")
            ),
        ),
        "catalog",
        2,
        "部门编码",
        "440500-BDC-001",
    ),
    (
        "department name over 100 characters",
        lambda p, a: _catalog_with(a, p, lambda r: r.append(["NEW", "局" * 101, *[""] * 17])),
        "catalog",
        None,
        "部门名称",
        "100",
    ),
    (
        "promised days beyond statutory",
        lambda p, a: _catalog_with(
            a, p, lambda r: _set(r, "440500-BDC-001", "承诺时限（工作日）", "31")
        ),
        "catalog",
        2,
        "承诺时限（工作日）",
        "31",
    ),
    (
        "rows of one item disagree",
        lambda p, a: _catalog_with(a, p, lambda r: r[3].__setitem__(3, "改了名字")),
        "catalog",
        4,
        "事项名称",
        "第2行",
    ),
    (
        "a material used by cases removed",
        lambda p, a: _catalog_with(a, p, _drop_first_material("440500-SCJG-001")),
        "catalog",
        None,
        "材料名称",
        "办件",
    ),
    (
        "appointment with a wrong ID check character",
        lambda p, a: write_csv(
            p / "a.csv",
            _with_row(
                [
                    "W0000009",
                    "A",
                    "张三",
                    PERSON[:17] + _other(PERSON[17]),
                    "2026-12-04 10:00",
                    "2026-12-04 11:00",
                ]
            ),
        ),
        "appointments",
        3,
        "证件号码",
        "校验码",
    ),
    (
        "appointment ends before it starts",
        lambda p, a: write_csv(
            p / "a.csv",
            [
                *appointment_rows()[:2],
                ["W0000009", "A", "张三", "", "2026-12-04 10:00", "2026-12-04 09:00"],
            ],
        ),
        "appointments",
        3,
        "预约结束时间",
        "不晚于",
    ),
    (
        "appointment of an unknown category",
        lambda p, a: write_csv(
            p / "a.csv",
            [
                *appointment_rows()[:2],
                ["W0000009", "Q", "张三", "", "2026-12-04 10:00", "2026-12-04 11:00"],
            ],
        ),
        "appointments",
        3,
        "业务类别",
        "Q",
    ),
]


@pytest.mark.parametrize(
    ("what", "make", "kind", "row", "column", "word"), MALFORMED, ids=[m[0] for m in MALFORMED]
)
def test_malformed_file_is_refused_with_the_database_unchanged(  # type: ignore[no-untyped-def]
    hall: Hall, admin, tmp_path: Path, what, make, kind, row, column, word
) -> None:
    path = make(tmp_path, admin)
    before = snapshot(hall)
    run = {
        "catalog": admin.imports.import_catalog,
        "credit_list": admin.imports.import_credit_list,
        "appointments": admin.imports.import_appointments,
    }[kind]
    with pytest.raises(ImportRefused) as refused:
        run(path)
    assert snapshot(hall) == before
    problems = refused.value.report.problems
    assert any(
        (row is None or p.row == row) and p.column == column and (word in p.zh or word in p.en)
        for p in problems
    ), problems
    assert "数据库未改变" in str(refused.value)


def test_one_bad_row_refuses_the_good_ones_too(hall: Hall, admin, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rows = credit_rows()
    rows[3][5] = "2026-13-01"  # no such month
    path = write_csv(tmp_path / "c.csv", rows)
    before = snapshot(hall)
    with pytest.raises(ImportRefused) as refused:
        admin.imports.import_credit_list(path)
    assert [(p.row, p.column) for p in refused.value.report.problems] == [(4, "有效期起")]
    assert snapshot(hall) == before
    report_file = tmp_path / "report.csv"
    refused.value.report.save_csv(report_file)
    assert read_csv(report_file)[1][:3] == ["4", "有效期起", "“2026-13-01”不是真实的日期。"]


def test_dry_run_writes_nothing(hall: Hall, admin, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    before = snapshot(hall)
    report = admin.imports.import_credit_list(
        write_csv(tmp_path / "c.csv", credit_rows()), dry_run=True
    )
    assert (report.added, report.dry_run, report.applied) == (3, True, False)
    assert snapshot(hall) == before


@pytest.mark.parametrize("who", ["clerk01", "supervisor", "kiosk", "display"])
def test_only_an_admin_may_import_or_export(hall: Hall, tmp_path: Path, who: str) -> None:
    session = {"kiosk": hall.kiosk, "display": hall.display}.get(who)
    staff = (
        session() if session else hall.login(who, "demo", counter=1 if who == "clerk01" else None)
    )
    path = write_csv(tmp_path / "c.csv", credit_rows())
    before = snapshot(hall)
    for call in (
        lambda: staff.imports.import_credit_list(path),
        lambda: staff.imports.import_catalog(path),
        lambda: staff.imports.import_appointments(path),
        lambda: staff.imports.export_catalog(tmp_path / "out.csv"),
        lambda: staff.imports.export_credit_list(tmp_path / "out.csv"),
    ):
        with pytest.raises(PermissionDenied):
            call()
    assert snapshot(hall) == before
    assert not (tmp_path / "out.csv").exists()


def test_progress_reports_rows_done_of_total(hall: Hall, admin, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "catalog.xlsx"
    admin.imports.export_catalog(path)
    calls: list[tuple[int, int]] = []
    report = admin.imports.import_catalog(
        path, progress=lambda done, total: calls.append((done, total))
    )
    assert calls[-1] == (report.rows, report.rows)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls) and calls[0][0] < report.rows


def test_catalog_export_reimports_as_a_no_op(hall: Hall, admin, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    for name in ("catalog.xlsx", "catalog.csv"):
        admin.imports.export_catalog(tmp_path / name)
        before = snapshot(hall)
        report = admin.imports.import_catalog(tmp_path / name)
        assert (report.added, report.updated, report.applied) == (0, 0, False)
        assert snapshot(hall) == before
    admin.imports.export_credit_list(tmp_path / "credit.xlsx")
    before = snapshot(hall)
    assert admin.imports.import_credit_list(tmp_path / "credit.xlsx").unchanged == 4
    assert snapshot(hall) == before


def test_catalog_changes_update_in_place(hall: Hall, admin, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    def change(rows: list[list[str]]) -> None:
        _set(rows, "440500-BDC-001", "承诺时限（工作日）", "4")
        _set(rows, "440500-BDC-001", "实施主体", "汕头市")
        _set(rows, "440500-SCJG-001", "状态", "停用")
        rows.append(
            [
                "NEW",
                "汕头市新设局",
                "440500-NEW-001",
                "新事项",
                "F",
                "新业务",
                "即办件",
                "1",
                "0",
                "",
                "否",
                "龙湖区",
                "0",
                "",  # a blank 状态 keeps a new item in use
                "申请表",
                "是",
                "原件",
                "2",
                "",
            ]
        )

    report = admin.imports.import_catalog(_catalog_with(admin, tmp_path, change))
    assert (report.added, report.updated) == (3, 2)  # department, category, item; two items
    item = admin.catalog.get_item("440500-BDC-001")
    assert item.promised_days == 4
    new = admin.catalog.get_item("440500-NEW-001")
    assert (new.department_name, new.category_prefix, new.kind) == ("汕头市新设局", "F", "instant")
    assert [(m.name, m.copies) for m in new.materials] == [("申请表", 2)]
    in_use = {i.item_code for i in admin.catalog.list_items()}
    assert "440500-SCJG-001" not in in_use and "440500-NEW-001" in in_use  # 停用 / blank
    with hall.db.read() as s:
        assert (
            s.scalar(select(ServiceItem.authority).where(ServiceItem.item_code == "440500-BDC-001"))
            == "汕头市"
        )


def test_appointments_import_and_the_kiosk_checks_them_in(
    hall: Hall, admin, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    path = write_xlsx(tmp_path / "bookings.xlsx", appointment_rows())
    assert admin.imports.import_appointments(path).added == 3
    with hall.db.read() as s:
        w1 = s.scalars(select(Appointment).where(Appointment.code == "W0000001")).one()
        assert w1.slot_start == to_utc(datetime(2026, 12, 4, 9, 0))
    ticket = hall.kiosk().queue.check_in("w0000001")
    assert ticket.number.startswith("A")
    # Re-importing after the check-in: unchanged rows are fine, a changed one is refused.
    assert admin.imports.import_appointments(path).unchanged == 3
    rows = appointment_rows()
    rows[1][2] = "林晓云"
    with pytest.raises(ImportRefused, match="已签到"):
        admin.imports.import_appointments(write_csv(tmp_path / "b.csv", rows))


def test_synthetic_hall_catalog_round_trips_into_a_fresh_database(
    db_url: str, tmp_path: Path
) -> None:
    """48 departments and 1,016 items (``demo.large_catalog``) exported and imported into a
    fresh database (not the demo) reproduce the same file; bench_import_catalog.py times it."""
    from clerk_app.services.seed import seed_large_catalog

    source = open_hall(f"sqlite:///{tmp_path / 'source.db'}")
    fresh = open_hall(db_url)
    try:
        seed_large_catalog(source.db)
        path = tmp_path / "large.xlsx"
        source.system().imports.export_catalog(path)
        imports = fresh.system().imports
        report = imports.import_catalog(path)
        assert report.added == 48 + 5 + 1016  # departments, categories, items
        with fresh.db.read() as s:
            assert s.scalar(select(func.count()).select_from(ServiceItem)) == 1016
            assert s.scalar(select(func.count()).select_from(Department)) == 48
        again = tmp_path / "again.xlsx"
        imports.export_catalog(again)
        assert _sheet(again) == _sheet(path)
        before = snapshot(fresh)
        assert imports.import_catalog(again).applied is False
        assert snapshot(fresh) == before
        assert fresh.system().catalog.search_items("lszy").items  # pinyin search text kept
    finally:
        source.close()
        fresh.close()


def _sheet(path: Path) -> list[tuple[object, ...]]:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True)
    rows = [tuple(r) for r in book.worksheets[0].iter_rows(values_only=True)]
    book.close()
    return rows


def test_size_limit_is_checked_before_reading(tmp_path: Path) -> None:
    assert MAX_FILE_BYTES < 50 * 1024 * 1024
