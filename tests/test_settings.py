"""The hall's settings: one module, its defaults, and typed accessors over ``hall_settings``."""

from __future__ import annotations

from clerk_app.api import Hall
from clerk_app.domain.deadlines import WarningThresholds
from clerk_app.persistence.models import HallSetting
from clerk_app.services.settings import (
    DEFAULTS,
    RED_DAYS_LEFT,
    ROAD_ITEMS,
    SUPPLEMENT_DAYS,
    YELLOW_DAYS_LEFT,
    HallPolicy,
    QueueSettings,
    RoadPermitRules,
    load_policy,
    load_queue_settings,
    load_road_rules,
)


def _clear(hall: Hall) -> None:
    with hall.db.write() as s:
        for row in s.query(HallSetting).all():
            s.delete(row)


def test_defaults_when_the_hall_set_nothing(hall: Hall) -> None:
    _clear(hall)
    with hall.db.read() as s:
        policy, queue, road = load_policy(s), load_queue_settings(s), load_road_rules(s)
    assert policy == HallPolicy("政务服务中心", "000000", 5, 0, 1, -1, 4, 4)
    assert policy.thresholds == WarningThresholds(1, -1)
    assert queue == QueueSettings(20, 3, 2, 90, 30, 15, 8.0)
    assert road == RoadPermitRules(("440500-CG-001",), 180)
    assert set(DEFAULTS) >= {SUPPLEMENT_DAYS, YELLOW_DAYS_LEFT, RED_DAYS_LEFT, ROAD_ITEMS}


def test_the_halls_values_win_and_bad_numbers_fall_back(hall: Hall) -> None:
    with hall.db.write() as s:
        for key, value in (
            (SUPPLEMENT_DAYS, "3"),
            (YELLOW_DAYS_LEFT, 2),
            (RED_DAYS_LEFT, "not a number"),
            ("queue.no_show_after_recalls", 4),
            (ROAD_ITEMS, ["A", "B"]),
        ):
            s.merge(HallSetting(key=key, value=value))
    with hall.db.read() as s:
        policy, queue, road = load_policy(s), load_queue_settings(s), load_road_rules(s)
    assert (policy.hall_code, policy.supplement_days) == ("440500", 3)
    assert policy.thresholds == WarningThresholds(2, -1)
    assert queue.no_show_after_recalls == 4
    assert road.items == ("A", "B") and road.is_road("B") and not road.is_road("C")


def test_masking_follows_the_policy(hall: Hall) -> None:
    with hall.db.read() as s:
        policy = load_policy(s)
    assert policy.mask("440511198005060011") == "4405**********0011"
    assert policy.mask(None) == policy.mask("") == ""
