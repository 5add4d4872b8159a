"""The admin's hall settings (issue 14): each value checked by its key before anything is
written; a form's values saved in one transaction with one audit row, or none."""

from __future__ import annotations

import pytest

from clerk_app.api import Hall, PermissionDenied
from clerk_app.errors import ValidationError
from clerk_app.services import settings
from tests.imports.samples import snapshot
from tests.support.acceptance import clerk


def _values(hall: Hall) -> dict[str, object]:
    return {i.key: i.value for i in hall.system().settings.list_settings()}


def test_the_admin_changes_settings_that_the_hall_then_uses(hall: Hall) -> None:
    admin = hall.system().settings
    admin.save(
        {
            "hall_name": "汕头市政务服务中心",
            settings.LONG_WAIT_MINUTES: "45",
            settings.REAL_NAME_CATEGORIES: "a, B",
            "evaluation.scores": "10,8,6,3,0",
            "document.hall_phone": "0754-88888888",
        }
    )
    values = _values(hall)
    assert values["hall_name"] == "汕头市政务服务中心" and hall.name == "汕头市政务服务中心"
    assert values[settings.LONG_WAIT_MINUTES] == 45
    assert values[settings.REAL_NAME_CATEGORIES] == ["A", "B"]
    with hall.db.read() as s:
        from clerk_app.services.documents.facts import hall_header

        assert hall_header(s).phone == "0754-88888888"
    kiosk = hall.kiosk().queue
    with pytest.raises(ValidationError, match="须实名取号"):
        kiosk.take_ticket("A")
    assert kiosk.take_ticket("A", identity="11010519491231002X").number.startswith("A")
    assert admin.reset(settings.REAL_NAME_CATEGORIES).value == []
    assert kiosk.take_ticket("A").number.startswith("A")


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("hall_name", "", "请填写大厅名称"),
        ("hall_name", "中心\x1b", "控制字符"),
        ("hall_code", "44-05", "4 至 12 位"),
        (settings.LONG_WAIT_MINUTES, "0", "1 至 240"),
        (settings.IDLE_COUNTER_MINUTES, "abc", "1 至 120"),
        (settings.SUPPLEMENT_DAYS, 61, "1 至 60"),
        ("queue.daily_tickets_per_person", True, "1 至 20"),
        (settings.REAL_NAME_CATEGORIES, "Z", "没有业务类别 Z"),
        ("evaluation.scores", "1,2,3,4,5", "从高到低"),
        ("document.progress_hint", "提" * 201, "不能超过 200 个字"),
        ("queue.no_such_key", 1, "没有可修改的设置项"),
    ],
)
def test_a_bad_value_names_its_key_and_nothing_is_saved(
    hall: Hall, key: str, value: object, message: str
) -> None:
    before = snapshot(hall)
    with pytest.raises(ValidationError, match=message) as refused:
        # A good value first: a form's save is all or nothing.
        hall.system().settings.save({settings.LONG_WAIT_MINUTES: 50, key: value})
    assert refused.value.field == key
    assert snapshot(hall) == before


def test_saving_the_same_values_writes_nothing(hall: Hall) -> None:
    admin = hall.system().settings
    admin.save({settings.IDLE_COUNTER_MINUTES: 9})
    before = snapshot(hall)
    admin.save({settings.IDLE_COUNTER_MINUTES: "9"})
    assert snapshot(hall) == before


def test_only_admins_read_or_change_settings(hall: Hall) -> None:
    for session in (clerk(hall), hall.login("supervisor", "demo"), hall.kiosk()):
        with pytest.raises(PermissionDenied):
            session.settings.save({settings.LONG_WAIT_MINUTES: 40})
        with pytest.raises(PermissionDenied):
            session.settings.list_settings()
