"""Appointments booked at the hall (issue 14): at a counter or by phone, listed by day,
cancelled; the kiosk checks a booked one in and refuses a cancelled one."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from clerk_app.api import Hall
from clerk_app.domain.queue_order import PriorityClass
from clerk_app.errors import ValidationError
from tests.imports.samples import snapshot
from tests.support.acceptance import MovableClock, at

DAY = date(2026, 6, 2)


@pytest.fixture
def desk(hall: Hall) -> tuple[Hall, MovableClock]:
    clock = MovableClock()
    clock.set_local(datetime(2026, 6, 1, 10, 0))
    return at(hall, clock), clock


def test_book_list_check_in_and_cancel(desk: tuple[Hall, MovableClock]) -> None:
    hall, clock = desk
    booking = hall.system().appointments
    first = booking.book(
        "a",
        "张三",
        DAY,
        time(9, 0),
        time(9, 30),
        identity="11010519491231002X",
        phone="13800138000",
        channel="phone",
    )
    second = booking.book("A", "李四", DAY, time(10, 0), time(10, 30))
    assert first.code != second.code and first.status == "booked"
    assert first.identity_masked == "1101**********002X" and first.channel == "phone"
    day = booking.list_day(DAY)
    assert [a.code for a in day] == [first.code, second.code]
    assert day[0].slot_start == datetime(2026, 6, 2, 9, 0)
    assert booking.list_day(date(2026, 6, 3)) == []

    cancelled = booking.cancel(second.code, "申请人来电取消")
    assert cancelled.status == "cancelled"
    clock.set_local(datetime(2026, 6, 2, 8, 50))
    kiosk = hall.kiosk().queue
    ticket = kiosk.check_in(first.code)
    assert ticket.priority == PriorityClass.APPOINTMENT
    with pytest.raises(ValidationError, match="已取消"):
        kiosk.check_in(second.code)
    with pytest.raises(ValidationError, match="已签到"):
        booking.cancel(first.code, "x")
    assert [a.status for a in booking.list_day(DAY)] == ["checked_in", "cancelled"]


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"applicant_name": ""}, "applicant_name", "请填写申请人姓名"),
        ({"applicant_name": "名" * 101}, "applicant_name", "不能超过 100 个字"),
        ({"identity": "110105194912310021"}, "identity", "校验"),
        ({"phone": "abc"}, "phone", "联系电话"),
        ({"channel": "fax"}, "channel", "预约渠道"),
        ({"category": "Z"}, "category", "没有业务类别"),
        ({"slot_end": time(8, 30)}, "slot_end", "不晚于开始时间"),
        ({"day": date(2026, 5, 31)}, "day", "已过"),
        ({"day": date(2026, 12, 31)}, "day", "90 天"),
    ],
)
def test_bad_bookings_name_the_field_and_change_nothing(
    desk: tuple[Hall, MovableClock], change: dict[str, object], field: str, message: str
) -> None:
    hall, _clock = desk
    args: dict[str, object] = {
        "category": "A",
        "applicant_name": "张三",
        "day": DAY,
        "slot_start": time(9, 0),
        "slot_end": time(9, 30),
    } | change
    before = snapshot(hall)
    with pytest.raises(ValidationError, match=message) as refused:
        hall.system().appointments.book(**args)  # type: ignore[arg-type]
    assert refused.value.field == field
    assert snapshot(hall) == before


def test_a_cancel_needs_a_reason_and_a_known_code(desk: tuple[Hall, MovableClock]) -> None:
    hall, _clock = desk
    booking = hall.system().appointments
    appt = booking.book("A", "张三", DAY, time(9, 0), time(9, 30))
    before = snapshot(hall)
    with pytest.raises(ValidationError, match="取消原因"):
        booking.cancel(appt.code, " ")
    with pytest.raises(LookupError):
        booking.cancel("NOPE1", "x")
    assert snapshot(hall) == before
