"""The admin's credit list (issue 14): add with reason, source and dates; repair; expire.
Every refusal names its field and leaves the database unchanged, table by table."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from clerk_app.api import Hall
from clerk_app.errors import ValidationError
from tests.imports.samples import credit_rows, snapshot, write_csv
from tests.support.acceptance import MovableClock, at, clerk, firm_uscc


@pytest.fixture
def desk(hall: Hall) -> Hall:
    clock = MovableClock()
    clock.set_local(datetime(2026, 6, 1, 10, 0))
    return at(hall, clock)


def _black(desk: Hall, n: int = 7, **kw: object):  # type: ignore[no-untyped-def]
    args: dict[str, object] = {
        "reason": "失信被执行人",
        "source_department": "汕头市中级人民法院",
        "enterprise_name": "汕头市某某公司",
        "valid_from": date(2026, 1, 1),
        "valid_to": date(2026, 12, 31),
    }
    return desk.system().credit.add_entry(firm_uscc(n), "black_list", **(args | kw))


def test_an_expired_entry_stops_counting_and_is_kept(desk: Hall) -> None:
    black = _black(desk)
    assert clerk(desk).credit.status(firm_uscc(7)).on_black_list
    ended = desk.system().credit.expire(black.id, "法院撤销失信决定")
    assert ended.expired_on == date(2026, 6, 1) and not ended.in_force
    status = clerk(desk).credit.status(firm_uscc(7))
    assert not status.on_black_list
    [kept] = status.entries
    assert kept.expire_reason == "法院撤销失信决定" and kept.valid_to == date(2026, 12, 31)
    with pytest.raises(ValidationError, match="已于 2026-06-01 失效"):
        desk.system().credit.expire(black.id, "again")


def test_an_entry_ended_from_a_later_day_counts_until_then(desk: Hall) -> None:
    red = desk.system().credit.add_entry(
        firm_uscc(3), "red_list", reason="A级纳税人", source_department="税务局"
    )
    desk.system().credit.expire(red.id, "评级调整", from_day=date(2026, 6, 10))
    assert clerk(desk).credit.status(firm_uscc(3)).on_red_list


def test_reimporting_the_platform_file_does_not_revive_an_expired_entry(
    hall: Hall, tmp_path: Path
) -> None:
    admin = hall.login("admin", "demo")
    path = write_csv(tmp_path / "credit.csv", credit_rows())
    admin.imports.import_credit_list(path)
    entry = admin.credit.list_entries("black_list")[0]
    admin.credit.expire(entry.id, "信用平台已移出")
    again = admin.imports.import_credit_list(path)
    assert (again.added, again.updated) == (0, 0)
    assert not admin.credit.status(entry.uscc).on_black_list


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"reason": "  "}, "reason", "请填写列入名单的原因"),
        ({"source_department": ""}, "source_department", "认定部门"),
        ({"source_department": "部" * 101}, "source_department", "不能超过 100 个字"),
        ({"enterprise_name": "某\u202e公司"}, "enterprise_name", "控制字符"),
        ({"valid_to": date(2025, 12, 31)}, "valid_to", "截止日不能早于起始日"),
    ],
)
def test_bad_entries_name_the_field_and_change_nothing(
    desk: Hall, change: dict[str, object], field: str, message: str
) -> None:
    before = snapshot(desk)
    with pytest.raises(ValidationError, match=message) as refused:
        _black(desk, **change)
    assert refused.value.field == field
    assert snapshot(desk) == before


def test_bad_repair_and_expiry_change_nothing(desk: Hall) -> None:
    black = _black(desk)
    credit = desk.system().credit
    before = snapshot(desk)
    with pytest.raises(ValidationError, match="失效原因") as refused:
        credit.expire(black.id, "")
    assert refused.value.field == "reason"
    with pytest.raises(ValidationError, match="不能追溯"):
        credit.expire(black.id, "x", from_day=date(2026, 6, 1) - timedelta(days=1))
    with pytest.raises(ValidationError, match="信用修复的依据"):
        credit.repair(black.id, " ")
    assert snapshot(desk) == before
    credit.repair(black.id, "已履行")
    with pytest.raises(ValidationError, match="已完成信用修复"):
        credit.repair(black.id, "again")
