"""What an instant permit states, checked before ``issue_instant`` saves it.

The road occupation permit (临时占用城市道路许可证, 《城市道路管理条例》第三十一条) must name the
place, the area in m² and the period; other instant items may carry a few labelled lines for
their generic certificate. Values are stored as strings in ``cases.permit_details``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from datetime import date
from decimal import Decimal, InvalidOperation

from clerk_app.domain.typed_text import typed_text
from clerk_app.errors import ValidationError
from clerk_app.services.paper_text import printable

__all__ = ["ROAD_FIELDS", "check_period", "normalize_permit_details", "parse_day"]

# The road permit's fields; which items issue it and its longest period are hall settings
# (``clerk_app.services.settings.load_road_rules``).
ROAD_FIELDS = ("location", "area_m2", "period_from", "period_to", "purpose", "conditions")
_MAX_AREA = Decimal(100000)
_MAX_TEXT = 200
_MAX_GENERIC = 10


def normalize_permit_details(
    details: Mapping[str, str], *, road: bool, item_name: str, today: date, max_days: int
) -> dict[str, str]:
    """The details as stored, or ``ValidationError`` with one clear bilingual sentence."""
    clean = {str(k).strip(): str(v).strip() for k, v in details.items() if str(v).strip()}
    for key, value in clean.items():
        # Conditions may run over several lines; every other detail is one line on the permit.
        typed_text(key, "证照信息名称", "A permit detail's name", max_len=40)
        printable(key, "证照信息名称", "A permit detail's name")
        typed_text(
            value,
            f"证照信息“{key}”",
            f"Permit detail {key!r}",
            max_len=10_000,
            lines=key == "conditions",
        )
        printable(value, f"证照信息“{key}”", f"Permit detail {key!r}")
        limit = _MAX_TEXT * 3 if key == "conditions" else _MAX_TEXT
        if not key or len(key) > 40 or len(value) > limit:
            raise ValidationError(
                f"证照信息“{key}”过长或为空（名称至多 40 字，内容至多 {_MAX_TEXT} 字）。",
                f"Permit detail {key!r} is empty or too long (name ≤ 40, value ≤ {_MAX_TEXT}).",
            )
    if not road:
        if len(clean) > _MAX_GENERIC:
            raise ValidationError(
                f"证照信息至多 {_MAX_GENERIC} 项。", f"At most {_MAX_GENERIC} permit details."
            )
        return clean
    return _road(clean, item_name, today, max_days)


def _road(d: dict[str, str], item_name: str, today: date, max_days: int) -> dict[str, str]:
    unknown = sorted(set(d) - set(ROAD_FIELDS))
    if unknown:
        raise ValidationError(
            f"“{item_name}”的证照信息只能有：{', '.join(ROAD_FIELDS)}"
            f"（多了 {', '.join(unknown)}）。",
            f"The permit of {item_name} takes only {', '.join(ROAD_FIELDS)} "
            f"(not {', '.join(unknown)}).",
        )
    missing = [k for k in ("location", "area_m2", "period_from", "period_to") if k not in d]
    if missing:
        raise ValidationError(
            f"“{item_name}”须写明占用地点、面积和期限（缺 {', '.join(missing)}），未保存任何内容。",
            f"The permit of {item_name} needs the location, area and period "
            f"(missing {', '.join(missing)}); nothing was saved.",
        )
    area = _area(d["area_m2"])
    start = parse_day(d["period_from"], "period_from")
    end = parse_day(d["period_to"], "period_to")
    check_period(start, end, today, max_days)
    return {**d, "area_m2": area, "period_from": start.isoformat(), "period_to": end.isoformat()}


def _area(text: str) -> str:
    try:
        value = Decimal(text.replace("㎡", "").replace("m²", "").strip())
    except InvalidOperation:
        value = Decimal(-1)
    if not value.is_finite() or value <= 0 or value > _MAX_AREA:
        raise ValidationError(
            f"占用面积“{text}”须为大于 0 的平方米数，未保存任何内容。",
            f"The area {text!r} must be a positive number of square metres; nothing was saved.",
        )
    return format(value.normalize(), "f")


# 20261228, 2026-12-28, 2026/12/28, 2026.12.28, 2026年12月28日 (full-width digits too).
_DAY = re.compile(
    r"(\d{4})(\d{2})(\d{2})|(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
)


def parse_day(text: str, name: str = "") -> date:
    """A date as a clerk types it, or ``ValidationError`` saying why it is none.

    Never a near miss: 20270229 is refused (2027 has no 29 February), not moved to 28 February
    or kept as the date shown before.
    """
    typed = unicodedata.normalize("NFKC", text).strip()
    match = _DAY.fullmatch(typed)
    field = f"（{name}）" if name else ""
    field_en = f" ({name})" if name else ""
    if match is None:
        raise ValidationError(
            f"日期“{text}”{field}格式不对，请输入如 20261228 或 2026-12-28。",
            f"Date {text!r}{field_en} is not a date: type it as 20261228 or 2026-12-28.",
        )
    year, month, day = (int(g) for g in (match.groups()[:3] if match[1] else match.groups()[3:]))
    try:
        return date(year, month, day)
    except ValueError:
        if not 1 <= month <= 12:
            zh, en = f"月份应为 1 至 12，不是 {month}", f"the month must be 1 to 12, not {month}"
        else:
            zh, en = f"{year}年{month}月没有{day}日", f"{year}-{month:02d} has no day {day}"
        raise ValidationError(
            f"日期“{text}”{field}不存在：{zh}。", f"Date {text!r}{field_en} does not exist: {en}."
        ) from None


def check_period(start: date, end: date, today: date, max_days: int) -> int:
    """The hall's rules for a road occupation period (it may start today at the earliest, end
    on or after its start and last at most ``max_days`` calendar days, both ends included);
    its length in days, or ``ValidationError``."""
    if end < start:
        raise ValidationError(
            f"占用期限的结束日期 {end} 早于开始日期 {start}，未保存任何内容。",
            f"The period ends ({end}) before it starts ({start}); nothing was saved.",
        )
    if start < today:
        raise ValidationError(
            f"占用期限不能从过去的日期（{start}）开始，未保存任何内容。",
            f"The period cannot start in the past ({start}); nothing was saved.",
        )
    days = (end - start).days + 1
    if days > max_days:
        raise ValidationError(
            f"占用期限 {start} 至 {end} 共 {days} 天，超过本中心允许的最长 {max_days} 天，"
            "未保存任何内容。",
            f"The period {start} to {end} is {days} days, longer than the hall's limit of "
            f"{max_days} days; nothing was saved.",
        )
    return days
