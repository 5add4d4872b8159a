"""The admin's hall settings: each editable key with its rule (type, range), checked before it
is written, every change audit-logged in the same transaction.

The keys and their defaults live in ``services/settings.py`` (the one place); this module says
which of them an admin may change and what a valid value is. A form saves with ``save``: every
value is checked first and all are written in one transaction, or none.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk_app.domain.evaluation import validate_scores
from clerk_app.domain.roles import Permission
from clerk_app.domain.typed_text import typed_text
from clerk_app.errors import ValidationError, on_field
from clerk_app.i18n import pick
from clerk_app.persistence.models import HallSetting, QueueCategory
from clerk_app.services import audit, settings
from clerk_app.services.base import Service
from clerk_app.services.paper_text import printable

Check = Callable[[Session, Any], Any]


@dataclass(frozen=True)
class SettingSpec:
    key: str
    group: str  # hall | document | queue | case | evaluation
    zh: str
    en: str
    kind: str  # text | int | categories | scores
    check: Check
    minimum: int | None = None
    maximum: int | None = None

    @property
    def label(self) -> str:
        return pick(self.zh, self.en)


@dataclass(frozen=True)
class SettingInfo:
    key: str
    group: str
    label: str
    kind: str
    value: Any
    default: Any
    minimum: int | None
    maximum: int | None

    @property
    def changed(self) -> bool:
        return bool(self.value != self.default)


def _text(zh: str, en: str, max_len: int, *, required: bool = False) -> Check:
    def check(_s: Session, value: Any) -> str:
        if not isinstance(value, str):
            raise ValidationError(f"{zh}应为文字。", f"{en} must be text.")
        return printable(typed_text(value, zh, en, max_len=max_len, required=required), zh, en)

    return check


def _code(_s: Session, value: Any) -> str:
    text = str(value).strip().upper()
    if not re.fullmatch(r"[0-9A-Z]{4,12}", text):
        raise ValidationError(
            f"大厅编码“{text}”应为 4 至 12 位数字或大写字母（如行政区划代码 440500）。",
            f"The hall code {text!r} must be 4 to 12 digits or capital letters "
            "(e.g. the region code 440500).",
        )
    return text


def _int(zh: str, en: str, low: int, high: int) -> Check:
    def check(_s: Session, value: Any) -> int:
        if isinstance(value, bool):
            value = None
        try:
            number = int(str(value).strip()) if not isinstance(value, int) else value
        except ValueError:
            number = None
        if number is None or not low <= number <= high:
            raise ValidationError(
                f"{zh}应为 {low} 至 {high} 之间的整数（实为“{value}”）。",
                f"{en} must be a whole number from {low} to {high} (got {value!r}).",
            )
        return number

    return check


def _categories(s: Session, value: Any) -> list[str]:
    items = value.split(",") if isinstance(value, str) else list(value or [])
    prefixes = sorted({str(p).strip().upper() for p in items if str(p).strip()})
    known = set(s.scalars(select(QueueCategory.prefix)))
    unknown = [p for p in prefixes if p not in known]
    if unknown:
        raise ValidationError(
            f"没有业务类别 {'、'.join(unknown)}。", f"No category {', '.join(unknown)}."
        )
    return prefixes


def _scores(_s: Session, value: Any) -> list[int]:
    items = value.replace("，", ",").split(",") if isinstance(value, str) else list(value)
    try:
        numbers = [int(str(v).strip()) for v in items]
    except ValueError:
        numbers = []
    return list(validate_scores(numbers if len(numbers) == len(items) else []))


def _spec(key: str, group: str, zh: str, en: str, low: int, high: int) -> SettingSpec:
    return SettingSpec(key, group, zh, en, "int", _int(zh, en, low, high), low, high)


def _text_spec(key: str, group: str, zh: str, en: str, max_len: int, **kw: bool) -> SettingSpec:
    return SettingSpec(key, group, zh, en, "text", _text(zh, en, max_len, **kw), None, max_len)


SPECS: tuple[SettingSpec, ...] = (
    _text_spec("hall_name", "hall", "大厅名称", "Hall name", 50, required=True),
    SettingSpec("hall_code", "hall", "大厅编码", "Hall code", "text", _code, None, 12),
    _text_spec("document.hall_address", "document", "大厅地址", "Hall address", 100),
    _text_spec("document.hall_phone", "document", "咨询电话", "Hall phone", 30),
    _text_spec("document.progress_hint", "document", "进度查询提示", "Progress hint", 200),
    _text_spec("document.collect_hint", "document", "领证提示", "Collection hint", 200),
    _spec(settings.LONG_WAIT_MINUTES, "queue", "等候超时（分钟）", "Long wait (minutes)", 1, 240),
    _spec(
        settings.IDLE_COUNTER_MINUTES, "queue", "窗口空闲（分钟）", "Idle counter (minutes)", 1, 120
    ),
    _spec(
        "queue.daily_tickets_per_person",
        "queue",
        "每证每日取号上限",
        "Daily tickets per ID",
        1,
        20,
    ),
    SettingSpec(
        settings.REAL_NAME_CATEGORIES,
        "queue",
        "需实名取号的业务类别",
        "Categories that require real-name tickets",
        "categories",
        _categories,
    ),
    _spec(
        settings.SUPPLEMENT_DAYS,
        "case",
        "容缺补正默认期限（工作日）",
        "Default 容缺 deadline (working days)",
        1,
        60,
    ),
    _spec(
        settings.SUPPLEMENT_GRACE_DAYS,
        "case",
        "逾期宽限（工作日）",
        "Grace period (working days)",
        0,
        30,
    ),
    _spec(
        "evaluation.default_after_days",
        "evaluation",
        "未评价默认满意（自然日）",
        "Unrated counts as satisfied after (days)",
        1,
        30,
    ),
    _spec(
        "evaluation.rectification_workdays",
        "evaluation",
        "差评整改期限（工作日）",
        "Rectification deadline (working days)",
        1,
        30,
    ),
    SettingSpec(
        "evaluation.scores",
        "evaluation",
        "评价分值（非常满意…非常不满意）",
        "Scores (very satisfied … very dissatisfied)",
        "scores",
        _scores,
    ),
)
_BY_KEY = {spec.key: spec for spec in SPECS}


def _default(key: str) -> Any:
    value = settings.DEFAULTS[key]
    return list(value) if isinstance(value, tuple) else value


class HallSettingsService(Service):
    """Read and change the editable hall settings (admins)."""

    def list_settings(self) -> list[SettingInfo]:
        self.actor.require(Permission.MANAGE_SETTINGS)
        with self.db.read() as s:
            stored = self._stored(s)
            return [self._info(spec, stored) for spec in SPECS]

    def save(self, values: Mapping[str, Any]) -> list[SettingInfo]:
        """Check every value of ``values`` by its key, then write the changed ones with one
        audit row, in one transaction; any bad value refuses all (``ValidationError.field`` is
        the key)."""
        self.actor.require(Permission.MANAGE_SETTINGS)
        with self.db.write() as s:
            checked: dict[str, Any] = {}
            for key, value in values.items():
                spec = _BY_KEY.get(key)
                if spec is None:
                    raise ValidationError(
                        f"没有可修改的设置项“{key}”。", f"No editable setting {key!r}."
                    ).tagged(key)
                with on_field(key):
                    checked[key] = spec.check(s, value)
            stored = self._stored(s)
            before = {k: stored.get(k, _default(k)) for k in checked}
            changed = {k: v for k, v in checked.items() if v != before[k]}
            for key, value in changed.items():
                row = s.get(HallSetting, key)
                if row is None:
                    s.add(HallSetting(key=key, value=value))
                else:
                    row.value = value
            if changed:
                audit.record(
                    s,
                    at=self.clock(),
                    actor=self.actor.username,
                    action="hall_settings_changed",
                    target="settings",
                    before={k: before[k] for k in changed},
                    after=changed,
                )
            s.flush()
            stored = self._stored(s)
            return [self._info(spec, stored) for spec in SPECS]

    def reset(self, key: str) -> SettingInfo:
        """Back to the default: the hall's own value is removed (audited)."""
        self.actor.require(Permission.MANAGE_SETTINGS)
        spec = _BY_KEY.get(key)
        if spec is None:
            raise ValidationError(
                f"没有可修改的设置项“{key}”。", f"No editable setting {key!r}."
            ).tagged(key)
        with self.db.write() as s:
            row = s.get(HallSetting, key)
            if row is not None:
                audit.record(
                    s,
                    at=self.clock(),
                    actor=self.actor.username,
                    action="hall_setting_reset",
                    target=f"settings:{key}",
                    before={key: row.value},
                )
                s.delete(row)
                s.flush()
            return self._info(spec, self._stored(s))

    @staticmethod
    def _stored(s: Session) -> dict[str, Any]:
        rows = s.scalars(select(HallSetting).where(HallSetting.key.in_(list(_BY_KEY))))
        return {r.key: r.value for r in rows}

    @staticmethod
    def _info(spec: SettingSpec, stored: Mapping[str, Any]) -> SettingInfo:
        default = _default(spec.key)
        return SettingInfo(
            key=spec.key,
            group=spec.group,
            label=spec.label,
            kind=spec.kind,
            value=stored.get(spec.key, default),
            default=default,
            minimum=spec.minimum,
            maximum=spec.maximum,
        )
