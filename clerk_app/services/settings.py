"""Hall settings with their defaults; a hall changes them in ``hall_settings`` (JSON values).

Every setting the services read is named here with its default: the queue's, acceptance's, the
masking of IDs and the road permit's. Read them through the typed accessors
(``load_policy``, ``load_queue_settings``, ``load_road_rules``); ``get_setting`` and
``get_settings`` return a raw value for the few places that need just one key.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk_app.domain.deadlines import DEFAULT_SUPPLEMENT_DAYS, WarningThresholds
from clerk_app.domain.identity import mask_identifier
from clerk_app.domain.wait_estimate import DEFAULT_USUAL_MINUTES
from clerk_app.persistence.models import HallSetting

# Acceptance (受理) and the deadline warnings, in working days.
SUPPLEMENT_DAYS = "case.supplement_days"  # 容缺 deadline (capped by the item's promised limit)
SUPPLEMENT_GRACE_DAYS = "case.supplement_grace_days"  # before a 容缺 case is overdue; none
YELLOW_DAYS_LEFT = "case.deadline_yellow_days_left"  # yellow at this many working days left
RED_DAYS_LEFT = "case.deadline_red_days_left"  # red at this many or fewer (-1: past due)
# Personal information: the characters of an ID shown at its head and tail (PIPL).
MASK_HEAD, MASK_TAIL = "identity.mask_head", "identity.mask_tail"
# The road occupation permit: which item codes issue it, and its longest period.
ROAD_ITEMS = "document.road_permit_items"
ROAD_MAX_DAYS = "document.road_permit_max_days"  # calendar days, first and last included
# The supervisor's dashboard alerts (services/supervision/alerts.py).
LONG_WAIT_MINUTES = "queue.long_wait_minutes"  # a wait this long is yellow, twice it red
IDLE_COUNTER_MINUTES = "queue.idle_counter_minutes"  # open, idle while its queue waits
OVERDUE_ALERT_DAYS = "case.overdue_alert_days"  # natural days an ended overdue 容缺 case shows
# Categories whose tickets must carry the applicant's ID (real-name, against 黄牛), by prefix.
REAL_NAME_CATEGORIES = "queue.real_name_categories"
# Printed in the header of every document (services/documents/facts.py).
HEADER_KEYS = (
    "document.hall_address",
    "document.hall_phone",
    "document.progress_hint",
    "document.collect_hint",
)

DEFAULTS: dict[str, Any] = {
    "hall_name": "政务服务中心",
    "hall_code": "000000",
    # Queue (排队叫号)
    "queue.max_normal_wait_minutes": 20,  # no walk-in waits longer because of priorities
    "queue.daily_tickets_per_person": 3,  # real-name tickets per ID per day (against 黄牛)
    "queue.no_show_after_recalls": 2,  # 过号 only after this many recalls
    "queue.offline_after_seconds": 90,  # a counter PC silent this long is offline
    "queue.appointment_early_minutes": 30,  # check-in window opens before the slot
    "queue.appointment_late_minutes": 15,  # and closes after the slot's start
    # The usual length of one service (wait estimate, domain/wait_estimate.py): used with fewer
    # than 5 services finished today, and the centre of the band durations are clamped into.
    "queue.default_service_minutes": DEFAULT_USUAL_MINUTES,  # the hall's
    "queue.service_minutes": {},  # a category's own, by prefix: {"C": 15}
    REAL_NAME_CATEGORIES: [],
    LONG_WAIT_MINUTES: 30,
    IDLE_COUNTER_MINUTES: 5,
    # Cases (办件)
    SUPPLEMENT_DAYS: DEFAULT_SUPPLEMENT_DAYS,
    SUPPLEMENT_GRACE_DAYS: 0,
    YELLOW_DAYS_LEFT: WarningThresholds().yellow_days_left,
    RED_DAYS_LEFT: WarningThresholds().red_days_left,
    OVERDUE_ALERT_DAYS: 7,
    MASK_HEAD: 4,
    MASK_TAIL: 4,
    ROAD_ITEMS: ("440500-CG-001",),  # the demo catalog's 临时占用城市道路许可
    ROAD_MAX_DAYS: 180,
    # The header of every document
    "document.hall_address": "",
    "document.hall_phone": "",
    "document.progress_hint": "凭办件编号可在本中心咨询台、网站或服务电话查询办理进度。",
    "document.collect_hint": "请凭本通知书及有效身份证件到本中心出证窗口领取办理结果。",
    # 好差评 (evaluation)
    "evaluation.default_after_days": 7,  # natural days; then unrated counts as 基本满意 (Guangdong)
    "evaluation.rectification_workdays": 5,  # deadline of a bad review's rectification
    "evaluation.scores": [10, 8, 6, 3, 0],  # 非常满意 … 非常不满意 (Shantou)
    "evaluation.prompt_seconds": 180,  # the counter's evaluator asks this long after a service
    "evaluation.first_ticket_id": 0,  # services of lower ticket ids predate rating (migration)
}


def get_setting(session: Session, key: str) -> Any:
    row = session.get(HallSetting, key)
    return row.value if row is not None else DEFAULTS[key]


def get_settings(session: Session, prefix: str) -> dict[str, Any]:
    """Every setting under ``prefix`` (defaults overlaid by the hall's values), in one query."""
    values = {k: v for k, v in DEFAULTS.items() if k.startswith(prefix)}
    rows = session.scalars(select(HallSetting).where(HallSetting.key.startswith(prefix)))
    values.update({row.key: row.value for row in rows})
    return values


def _values(session: Session, keys: Iterable[str]) -> dict[str, Any]:
    """The settings ``keys`` (defaults overlaid by the hall's values), in one query."""
    wanted = list(keys)
    rows = session.scalars(select(HallSetting).where(HallSetting.key.in_(wanted)))
    return {k: DEFAULTS[k] for k in wanted} | {row.key: row.value for row in rows}


def _int(values: dict[str, Any], key: str) -> int:
    """A whole number as stored (JSON number or numeric text); the default if it is not one."""
    value = values[key]
    try:
        return int(value) if isinstance(value, int | float | str) else int(DEFAULTS[key])
    except ValueError:
        return int(DEFAULTS[key])


int_value = _int  # for services that read a few settings of their own (supervision)


@dataclass(frozen=True)
class HallPolicy:
    """What acceptance and the case views need: the hall, its 容缺 days, warnings, masking."""

    hall_name: str
    hall_code: str
    supplement_days: int  # working days
    grace_days: int  # working days
    yellow_days_left: int
    red_days_left: int
    mask_head: int
    mask_tail: int

    def mask(self, value: str | None) -> str:
        return mask_identifier(value, self.mask_head, self.mask_tail) if value else ""

    @cached_property
    def thresholds(self) -> WarningThresholds:
        return WarningThresholds(self.yellow_days_left, self.red_days_left)


_POLICY_KEYS = (
    "hall_name",
    "hall_code",
    SUPPLEMENT_DAYS,
    SUPPLEMENT_GRACE_DAYS,
    YELLOW_DAYS_LEFT,
    RED_DAYS_LEFT,
    MASK_HEAD,
    MASK_TAIL,
)


def load_policy(session: Session) -> HallPolicy:
    values = _values(session, _POLICY_KEYS)
    return HallPolicy(
        hall_name=str(values["hall_name"]),
        hall_code=str(values["hall_code"]),
        supplement_days=_int(values, SUPPLEMENT_DAYS),
        grace_days=_int(values, SUPPLEMENT_GRACE_DAYS),
        yellow_days_left=_int(values, YELLOW_DAYS_LEFT),
        red_days_left=_int(values, RED_DAYS_LEFT),
        mask_head=_int(values, MASK_HEAD),
        mask_tail=_int(values, MASK_TAIL),
    )


@dataclass(frozen=True)
class QueueSettings:
    """The queue's settings (排队叫号), typed."""

    max_normal_wait_minutes: int
    daily_tickets_per_person: int
    no_show_after_recalls: int
    offline_after_seconds: int
    appointment_early_minutes: int
    appointment_late_minutes: int
    default_service_minutes: float


def load_queue_settings(session: Session) -> QueueSettings:
    values = get_settings(session, "queue.")
    return QueueSettings(
        max_normal_wait_minutes=_int(values, "queue.max_normal_wait_minutes"),
        daily_tickets_per_person=_int(values, "queue.daily_tickets_per_person"),
        no_show_after_recalls=_int(values, "queue.no_show_after_recalls"),
        offline_after_seconds=_int(values, "queue.offline_after_seconds"),
        appointment_early_minutes=_int(values, "queue.appointment_early_minutes"),
        appointment_late_minutes=_int(values, "queue.appointment_late_minutes"),
        default_service_minutes=float(values["queue.default_service_minutes"]),
    )


@dataclass(frozen=True)
class RoadPermitRules:
    """The hall's road-permit settings: which items issue it, and its longest period (days)."""

    items: tuple[str, ...]
    max_days: int

    def is_road(self, item_code: str) -> bool:
        return item_code in self.items


def load_road_rules(session: Session) -> RoadPermitRules:
    values = _values(session, (ROAD_ITEMS, ROAD_MAX_DAYS))
    items = values[ROAD_ITEMS]
    return RoadPermitRules(tuple(str(i) for i in items), _int(values, ROAD_MAX_DAYS))
