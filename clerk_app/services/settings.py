"""Hall settings with their defaults; a hall changes them in ``hall_settings`` (JSON values)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk_app.persistence.models import HallSetting

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
    "queue.default_service_minutes": 8.0,  # wait estimate before any service today
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
