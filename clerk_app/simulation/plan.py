"""A staffing plan: which counters open when, serving which categories; read from and written
to JSON or TOML so a supervisor can keep plans beside each other and compare them.

The file (JSON shown; TOML has the same keys, ``[[counters]]`` tables)::

    {"name": "8 integrated",
     "counters": [
       {"numbers": "1-8", "categories": ["A", "B", "C", "D", "E"],
        "open": "09:00", "close": "17:00"}]}

``numbers`` is one number, a list of numbers or a range "1-8"; ``categories`` the queue
prefixes in serving order; ``open``/``close`` hall-local HH:MM (``close`` optional: until the
hall closes, then the counter serves out its queue). A counter number appears once. Every
problem raises ``PlanError`` with the file, the place and what to write instead; nothing is
read half.
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass, field
from datetime import time
from pathlib import Path
from typing import Any

from clerk_app.errors import ValidationError

MAX_COUNTER_NUMBER = 999
_RANGE = re.compile(r"^\s*(\d{1,3})\s*-\s*(\d{1,3})\s*$")
_HHMM = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")
_GROUP_KEYS = frozenset({"numbers", "categories", "open", "close"})


class PlanError(ValidationError):
    """A staffing plan that cannot be used; nothing was run or written."""


@dataclass(frozen=True)
class CounterShift:
    """Counters that open and close together and serve the same categories."""

    numbers: tuple[int, ...]
    categories: tuple[str, ...]  # queue prefixes, in serving order
    open: time  # hall-local
    close: time | None = None  # None: until the hall closes, then serves out its queue


@dataclass(frozen=True)
class StaffingPlan:
    name: str
    shifts: tuple[CounterShift, ...]
    source: str = field(default="", compare=False)  # the file it was read from, for messages

    @property
    def counter_numbers(self) -> tuple[int, ...]:
        return tuple(sorted(n for shift in self.shifts for n in shift.numbers))

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "counters": [
                {
                    "numbers": _numbers_text(shift.numbers),
                    "categories": list(shift.categories),
                    "open": shift.open.strftime("%H:%M"),
                    **({"close": shift.close.strftime("%H:%M")} if shift.close else {}),
                }
                for shift in self.shifts
            ],
        }


def _numbers_text(numbers: tuple[int, ...]) -> str | list[int]:
    if len(numbers) > 1 and list(numbers) == list(range(numbers[0], numbers[-1] + 1)):
        return f"{numbers[0]}-{numbers[-1]}"
    return list(numbers)


def _fail(where: str, zh: str, en: str) -> PlanError:
    return PlanError(f"排班方案 {where}：{zh}", f"Staffing plan {where}: {en}")


def plan_from_dict(data: Any, where: str = "") -> StaffingPlan:
    """The plan in ``data`` (a parsed file), checked whole; ``where`` names it in messages."""
    if not isinstance(data, dict):
        raise _fail(where, "应为一个对象（含 name 与 counters）。", "must be an object.")
    unknown = set(data) - {"name", "counters"}
    if unknown:
        key = sorted(unknown)[0]
        raise _fail(
            where,
            f"未知的键 {key!r}（可用 name、counters）。",
            f"unknown key {key!r} (use name, counters).",
        )
    name = data.get("name", Path(where).stem if where else "plan")
    if not isinstance(name, str) or not name.strip() or len(name) > 40:
        raise _fail(
            where, "name 应为 1 至 40 个字符的文字。", "name must be text of 1 to 40 characters."
        )
    groups = data.get("counters")
    if not isinstance(groups, list) or not groups:
        raise _fail(
            where, "counters 应为至少一组窗口的列表。", "counters must be a non-empty list."
        )
    shifts = tuple(_shift(g, f"{where} counters[{i}]") for i, g in enumerate(groups))
    seen: set[int] = set()
    for i, shift in enumerate(shifts):
        again = seen.intersection(shift.numbers)
        if again:
            n = min(again)
            raise _fail(
                f"{where} counters[{i}]", f"{n} 号窗口出现了两次。", f"counter {n} appears twice."
            )
        seen.update(shift.numbers)
    return StaffingPlan(name.strip(), shifts, where)


def _shift(group: Any, where: str) -> CounterShift:
    if not isinstance(group, dict):
        raise _fail(where, "应为一个对象。", "must be an object.")
    unknown = set(group) - _GROUP_KEYS
    if unknown:
        key = sorted(unknown)[0]
        raise _fail(
            where,
            f"未知的键 {key!r}（可用 numbers、categories、open、close）。",
            f"unknown key {key!r} (use numbers, categories, open, close).",
        )
    numbers = _numbers(group.get("numbers"), where)
    categories = group.get("categories")
    if (
        not isinstance(categories, list)
        or not categories
        or not all(isinstance(c, str) and c.strip() for c in categories)
        or len(set(categories)) != len(categories)
    ):
        raise _fail(
            where,
            'categories 应为不重复的业务类别前缀列表，如 ["A", "C"]。',
            'categories must be a list of distinct queue prefixes, e.g. ["A", "C"].',
        )
    opens = _time(group.get("open", "09:00"), f"{where} open")
    close = group.get("close")
    closes = None if close is None else _time(close, f"{where} close")
    if closes is not None and closes <= opens:
        raise _fail(where, "close 应晚于 open。", "close must be later than open.")
    return CounterShift(numbers, tuple(c.strip().upper() for c in categories), opens, closes)


def _numbers(value: Any, where: str) -> tuple[int, ...]:
    numbers: list[int]
    if isinstance(value, int) and not isinstance(value, bool):
        numbers = [value]
    elif isinstance(value, str) and (m := _RANGE.match(value)):
        first, last = int(m.group(1)), int(m.group(2))
        numbers = list(range(first, last + 1)) if first <= last else []
    elif isinstance(value, list) and all(
        isinstance(n, int) and not isinstance(n, bool) for n in value
    ):
        numbers = list(value)
    else:
        numbers = []
    if not numbers or len(set(numbers)) != len(numbers):
        raise _fail(
            where,
            'numbers 应为窗口号、窗口号列表或范围如 "1-8"。',
            'numbers must be a counter number, a list of them or a range like "1-8".',
        )
    if not all(1 <= n <= MAX_COUNTER_NUMBER for n in numbers):
        raise _fail(
            where,
            f"窗口号应在 1 至 {MAX_COUNTER_NUMBER} 之间。",
            f"counter numbers must be 1 to {MAX_COUNTER_NUMBER}.",
        )
    return tuple(sorted(numbers))


def _time(value: Any, where: str) -> time:
    if not isinstance(value, str) or not (m := _HHMM.match(value.strip())):
        raise _fail(
            where,
            f'时间 {value!r} 应写作 HH:MM，如 "09:00"。',
            f'time {value!r} must be HH:MM, e.g. "09:00".',
        )
    return time(int(m.group(1)), int(m.group(2)))


def load_plan(path: str | Path) -> StaffingPlan:
    """Reads a plan from a ``.json`` or ``.toml`` file; ``PlanError`` says what is wrong."""
    path = Path(path)
    where = str(path)
    suffix = path.suffix.lower()
    if suffix not in (".json", ".toml"):
        raise _fail(where, "文件应为 .json 或 .toml。", "the file must be .json or .toml.")
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise _fail(where, f"无法读取（{e}）。", f"cannot be read ({e}).") from e
    try:
        data = json.loads(text) if suffix == ".json" else tomllib.loads(text)
    except (json.JSONDecodeError, tomllib.TOMLDecodeError) as e:
        raise _fail(where, f"格式错误：{e}。", f"is not valid {suffix[1:].upper()}: {e}.") from e
    return plan_from_dict(data, where)


def save_plan(plan: StaffingPlan, path: str | Path) -> None:
    """Writes ``plan`` as ``.json`` or ``.toml`` (by the name), readable by ``load_plan``."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".json", ".toml"):
        raise _fail(str(path), "文件应为 .json 或 .toml。", "the file must be .json or .toml.")
    data = plan.to_dict()
    text = (
        json.dumps(data, ensure_ascii=False, indent=2) + "\n" if suffix == ".json" else _toml(data)
    )
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as e:
        raise _fail(str(path), f"无法写入（{e}）。", f"cannot be written ({e}).") from e


def _toml(data: dict[str, Any]) -> str:
    """The plan's few shapes as TOML (the standard library reads TOML but does not write it)."""
    lines = [f"name = {json.dumps(data['name'], ensure_ascii=False)}"]
    for group in data["counters"]:
        lines += ["", "[[counters]]"]
        lines += [
            f"{key} = {json.dumps(value, ensure_ascii=False)}" for key, value in group.items()
        ]
    return "\n".join(lines) + "\n"
