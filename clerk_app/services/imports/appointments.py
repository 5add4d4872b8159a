"""The day's bookings from the online booking system: one appointment per row, matched by its
code (upper-case, as the kiosk looks it up). Times are the hall's local time in the file and
naive UTC in the database. An appointment already checked in is never changed."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk_app.domain.appointment_code import is_appointment_code
from clerk_app.domain.identity import (
    InvalidIdentifier,
    mask_identifier,
    validate_resident_id,
    validate_uscc,
)
from clerk_app.hall_time import to_utc
from clerk_app.persistence.models import Appointment, QueueCategory
from clerk_app.persistence.pii import APPOINTMENT_IDENTITY, pii_of
from clerk_app.services.imports import values as v
from clerk_app.services.imports.report import ImportReport, Problem, RowProblem
from clerk_app.services.imports.table import Column, SourceRow

C = Column
CODE = C("code", "预约号", "Appointment code", aliases=("预约编号", "Code"))
CATEGORY = C("category", "业务类别", "Category", aliases=("队列",))
NAME = C("applicant_name", "申请人姓名", "Applicant name", aliases=("姓名", "申请人"))
IDENTITY = C(
    "identity", "证件号码", "Identity number", required=False, aliases=("身份证号码", "Identity")
)
START = C("slot_start", "预约开始时间", "Slot start", aliases=("开始时间",))
END = C("slot_end", "预约结束时间", "Slot end", aliases=("结束时间",))
LAYOUT = (CODE, CATEGORY, NAME, IDENTITY, START, END)


@dataclass(frozen=True)
class AppointmentRow:
    row: int
    code: str
    category: str
    applicant_name: str
    identity_value: str | None
    slot_start: datetime  # UTC
    slot_end: datetime  # UTC


@dataclass
class ParsedAppointments:
    rows: dict[str, AppointmentRow] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)


def _identity(value: str, today: datetime) -> str | None:
    text = value.strip().upper()
    if not text:
        return None
    try:
        if len(text) == 18 and text[:17].isdigit():
            return validate_resident_id(text, today=today.date())
        return validate_uscc(text)
    except InvalidIdentifier as e:
        raise RowProblem(e.zh, e.en, IDENTITY.key) from None


def parse(
    rows: Iterable[SourceRow], headers: dict[str, str], report: ImportReport, now: datetime
) -> ParsedAppointments:
    parsed = ParsedAppointments(headers=headers)
    for src in rows:
        try:
            row = _row(src, now)
            first = parsed.rows.get(row.code)
            if first is not None and _data(first) != _data(row):
                raise RowProblem(
                    f"预约号 {row.code} 在第{first.row}行已出现，内容不同。",
                    f"Appointment {row.code} already appears on row {first.row} with other data.",
                    CODE.key,
                )
            parsed.rows.setdefault(row.code, row)
        except RowProblem as p:
            report.problems.append(Problem(src.number, headers.get(p.column, p.column), p.zh, p.en))
    return parsed


def _row(src: SourceRow, now: datetime) -> AppointmentRow:
    code = v.at(CODE, v.text, src.values.get(CODE.key, ""), CODE, max_len=16, required=True).upper()
    if not is_appointment_code(code):  # a short code could be guessed at a kiosk
        raise RowProblem(
            f"预约号“{code}”须为 8 至 16 位字母或数字。",
            f"The code {code!r} must be 8 to 16 letters and digits.",
            CODE.key,
        )
    category = v.at(
        CATEGORY, v.text, src.values.get(CATEGORY.key, ""), CATEGORY, max_len=1, required=True
    ).upper()
    start = v.at(START, v.moment, src.values.get(START.key, ""), START)
    end = v.at(END, v.moment, src.values.get(END.key, ""), END)
    if end <= start:
        raise RowProblem(
            f"预约结束时间 {end:%Y-%m-%d %H:%M} 不晚于开始时间 {start:%Y-%m-%d %H:%M}。",
            f"The slot ends ({end:%Y-%m-%d %H:%M}) before it starts ({start:%Y-%m-%d %H:%M}).",
            END.key,
        )
    return AppointmentRow(
        row=src.number,
        code=code,
        category=category,
        applicant_name=v.at(
            NAME, v.text, src.values.get(NAME.key, ""), NAME, max_len=100, required=True
        ),
        identity_value=_identity(src.values.get(IDENTITY.key, ""), now),
        slot_start=to_utc(start),
        slot_end=to_utc(end),
    )


def _data(row: AppointmentRow) -> tuple[Any, ...]:
    return (row.category, row.applicant_name, row.identity_value, row.slot_start, row.slot_end)


@dataclass
class AppointmentChanges:
    added: list[str] = field(default_factory=list)
    updated: dict[str, dict[str, Any]] = field(default_factory=dict)
    unchanged: int = 0


def sync(
    s: Session, parsed: ParsedAppointments, report: ImportReport, *, apply: bool
) -> AppointmentChanges:
    changes = AppointmentChanges()
    pii = pii_of(s)
    categories = {c.prefix: c for c in s.scalars(select(QueueCategory))}
    codes = list(parsed.rows)
    existing: dict[str, Appointment] = {}
    for start in range(0, len(codes), 500):
        for a in s.scalars(
            select(Appointment).where(Appointment.code.in_(codes[start : start + 500]))
        ):
            existing[a.code] = a
    col = parsed.headers
    for code, row in parsed.rows.items():
        category = categories.get(row.category)
        if category is None:
            report.problems.append(
                Problem(
                    row.row,
                    col.get(CATEGORY.key, CATEGORY.zh),
                    f"没有业务类别 {row.category}。",
                    f"No category {row.category}.",
                )
            )
            continue
        values = {
            "category_id": category.id,
            "applicant_name": row.applicant_name,
            "slot_start": row.slot_start,
            "slot_end": row.slot_end,
        }
        # The ID is sealed with its lookup hash; compared by the hash, reported masked.
        identity = row.identity_value
        identity_hash = pii.lookup(identity) if identity else None
        current = existing.get(code)
        if current is None:
            changes.added.append(f"appointment:{code}")
            if apply:
                sealed = pii.seal(identity, APPOINTMENT_IDENTITY) if identity else None
                s.add(
                    Appointment(
                        code=code, **values, identity_enc=sealed, identity_hash=identity_hash
                    )
                )
            continue
        diff = {
            k: [str(getattr(current, k)), str(val)]
            for k, val in values.items()
            if getattr(current, k) != val
        }
        if current.identity_hash != identity_hash:
            before = pii.open_or_none(current.identity_enc, APPOINTMENT_IDENTITY)
            diff["identity"] = [
                mask_identifier(before) if before else "",
                mask_identifier(identity) if identity else "",
            ]
        if not diff:
            changes.unchanged += 1
            continue
        if current.checked_in_at is not None:
            report.problems.append(
                Problem(
                    row.row,
                    col.get(CODE.key, CODE.zh),
                    f"预约 {code} 已签到取号，不能再修改。",
                    f"Appointment {code} is already checked in and cannot change.",
                )
            )
            continue
        changes.updated[f"appointment:{code}"] = diff
        if apply:
            for k, val in values.items():
                setattr(current, k, val)
            if "identity" in diff:
                current.identity_enc = (
                    pii.seal(identity, APPOINTMENT_IDENTITY) if identity else None
                )
                current.identity_hash = identity_hash
    return changes
