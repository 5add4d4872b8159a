"""The credit red/black list by USCC: an enterprise's standing, and the admin's entries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk_app.domain.credit_gate import CreditEntryView, CreditStatus, effective_credit_status
from clerk_app.domain.identity import validate_uscc
from clerk_app.domain.numbers import whole_number
from clerk_app.domain.roles import Permission
from clerk_app.domain.typed_text import typed_text
from clerk_app.errors import NotFound, ValidationError, on_field
from clerk_app.hall_time import local_date
from clerk_app.persistence.models_cases import Case, CreditListEntry
from clerk_app.services import audit
from clerk_app.services.base import Service

ListType = Literal["red_list", "black_list", "broken_commitment"]
LIST_TYPES: tuple[ListType, ...] = ("red_list", "black_list", "broken_commitment")
_GATE_TYPES: dict[str, Literal["red", "black", "broken_commitment"]] = {
    "red_list": "red",
    "black_list": "black",
    "broken_commitment": "broken_commitment",
}


@dataclass(frozen=True)
class CreditEntryInfo:
    id: int
    uscc: str
    enterprise_name: str
    list_type: str  # red_list | black_list | broken_commitment
    reason: str
    source_department: str
    valid_from: date
    valid_to: date | None  # last day in force, inclusive
    repaired: bool
    repair_note: str
    case_no: str | None  # the case whose commitment was broken
    in_force: bool  # on the day it was read
    expired_on: date | None = None  # the admin ended it (失效) from this day on; kept
    expire_reason: str = ""


@dataclass(frozen=True)
class CreditInfo:
    """An enterprise's standing today, for the clerk to see at acceptance."""

    uscc: str
    enterprise_name: str
    on_red_list: bool
    on_black_list: bool
    has_unrepaired_broken_commitment: bool
    entries: tuple[CreditEntryInfo, ...]

    @property
    def status(self) -> CreditStatus:
        return CreditStatus(
            self.on_red_list, self.on_black_list, self.has_unrepaired_broken_commitment
        )


def _view(entry: CreditListEntry) -> CreditEntryView:
    return CreditEntryView(
        _GATE_TYPES[entry.list_type],
        entry.valid_from,
        entry.valid_to,
        entry.repaired,
        entry.expired_on,
    )


def credit_status(s: Session, uscc: str, on: date) -> CreditStatus:
    """The standing of ``uscc`` on ``on``, inside the caller's unit of work."""
    entries = s.scalars(select(CreditListEntry).where(CreditListEntry.uscc == uscc))
    return effective_credit_status((_view(e) for e in entries), on)


def _entry_info(s: Session, e: CreditListEntry, on: date) -> CreditEntryInfo:
    case_no = s.scalar(select(Case.case_no).where(Case.id == e.case_id)) if e.case_id else None
    return CreditEntryInfo(
        id=e.id,
        uscc=e.uscc,
        enterprise_name=e.enterprise_name,
        list_type=e.list_type,
        reason=e.reason,
        source_department=e.source_department,
        valid_from=e.valid_from,
        valid_to=e.valid_to,
        repaired=e.repaired,
        repair_note=e.repair_note,
        case_no=case_no,
        in_force=_view(e).in_force(on),
        expired_on=e.expired_on,
        expire_reason=e.expire_reason or "",
    )


class CreditService(Service):
    """Clerks read an enterprise's standing; admins add entries and grant repair (信用修复)."""

    def status(self, uscc: str) -> CreditInfo:
        self.actor.require(Permission.VIEW_CASES)
        code = validate_uscc(uscc)
        today = local_date(self.clock())
        with self.db.read() as s:
            rows = list(
                s.scalars(
                    select(CreditListEntry)
                    .where(CreditListEntry.uscc == code)
                    .order_by(CreditListEntry.valid_from, CreditListEntry.id)
                )
            )
            standing = effective_credit_status((_view(e) for e in rows), today)
            names = [e.enterprise_name for e in rows if e.enterprise_name]
            return CreditInfo(
                uscc=code,
                enterprise_name=names[-1] if names else "",
                on_red_list=standing.on_red_list,
                on_black_list=standing.on_black_list,
                has_unrepaired_broken_commitment=standing.has_unrepaired_broken_commitment,
                entries=tuple(_entry_info(s, e, today) for e in rows),
            )

    def list_entries(self, list_type: str | None = None) -> list[CreditEntryInfo]:
        self.actor.require(Permission.VIEW_CASES)
        today = local_date(self.clock())
        stmt = select(CreditListEntry).order_by(CreditListEntry.uscc, CreditListEntry.id)
        if list_type is not None:
            stmt = stmt.where(CreditListEntry.list_type == list_type)
        with self.db.read() as s:
            return [_entry_info(s, e, today) for e in s.scalars(stmt)]

    def add_entry(
        self,
        uscc: str,
        list_type: str,
        *,
        reason: str,
        source_department: str,
        enterprise_name: str = "",
        valid_from: date | None = None,
        valid_to: date | None = None,
    ) -> CreditEntryInfo:
        """Record a list entry from the credit platform (or a broken commitment by hand)."""
        self.actor.require(Permission.MANAGE_CREDIT_LIST)
        with on_field("uscc"):
            code = validate_uscc(uscc)
        if list_type not in LIST_TYPES:
            raise ValidationError(
                f"名单类型“{list_type}”无效，可选：red_list、black_list、broken_commitment。",
                f"Invalid list type {list_type!r}; choose red_list, black_list or "
                "broken_commitment.",
            ).tagged("list_type")
        with on_field("reason"):
            reason = typed_text(
                reason, "列入名单的原因", "Reason", max_len=1000, required=True, lines=True
            )
        with on_field("source_department"):
            source_department = typed_text(
                source_department, "认定部门", "Source department", max_len=100, required=True
            )
        with on_field("enterprise_name"):
            enterprise_name = typed_text(
                enterprise_name, "企业名称", "Enterprise name", max_len=200
            )
        now = self.clock()
        start = valid_from or local_date(now)
        if valid_to is not None and valid_to < start:
            raise ValidationError(
                "有效期截止日不能早于起始日。", "The entry cannot end before it starts."
            ).tagged("valid_to")
        with self.db.write() as s:
            entry = CreditListEntry(
                uscc=code,
                list_type=list_type,
                reason=reason,
                source_department=source_department,
                enterprise_name=enterprise_name,
                valid_from=start,
                valid_to=valid_to,
                repaired=False,
                created_at=now,
                created_by=self.actor.username,
            )
            s.add(entry)
            s.flush()
            audit.record(
                s,
                at=now,
                actor=self.actor.username,
                action="credit_entry_added",
                target=f"credit:{entry.id}",
                after={"uscc": code, "list_type": list_type, "valid_from": start.isoformat()},
            )
            return _entry_info(s, entry, local_date(now))

    def repair(self, entry_id: int, note: str) -> CreditEntryInfo:
        """Grant 信用修复: a black-list entry or broken commitment stops counting."""
        self.actor.require(Permission.MANAGE_CREDIT_LIST)
        whole_number(entry_id, "名单条目编号", "list entry id", low=1)
        if not note.strip():
            raise ValidationError(
                "请填写信用修复的依据。", "Give the grounds for the credit repair."
            ).tagged("note")
        with on_field("note"):
            note = typed_text(note, "信用修复的依据", "Grounds", max_len=1000, lines=True)
        now = self.clock()
        with self.db.write() as s:
            entry = s.get(CreditListEntry, entry_id)
            if entry is None:
                raise NotFound(
                    f"没有编号为 {entry_id} 的信用记录。", f"No credit entry {entry_id}."
                )
            if entry.list_type == "red_list":
                raise ValidationError(
                    "红名单记录无需信用修复。", "A red-list entry cannot be repaired."
                )
            if entry.repaired:
                raise ValidationError(
                    "该记录已完成信用修复。", "This entry has already been repaired."
                )
            entry.repaired = True
            entry.repaired_at = now
            entry.repair_note = note
            audit.record(
                s,
                at=now,
                actor=self.actor.username,
                action="credit_entry_repaired",
                target=f"credit:{entry.id}",
                before={"repaired": False},
                after={"repaired": True, "note": entry.repair_note},
            )
            s.flush()
            return _entry_info(s, entry, local_date(now))

    def expire(
        self, entry_id: int, reason: str, *, from_day: date | None = None
    ) -> CreditEntryInfo:
        """End an entry (失效) from ``from_day`` (today by default) on: it stops counting and is
        kept. Its platform dates stay as they were, so importing the platform's file again
        cannot bring it back."""
        self.actor.require(Permission.MANAGE_CREDIT_LIST)
        with on_field("reason"):
            reason = typed_text(
                reason, "失效原因", "Reason", max_len=1000, required=True, lines=True
            )
        now = self.clock()
        today = local_date(now)
        day = from_day or today
        if day < today:
            raise ValidationError(
                f"失效日期 {day.isoformat()} 早于今天，不能追溯。",
                f"The entry cannot be ended from a past day ({day.isoformat()}).",
            ).tagged("from_day")
        with self.db.write() as s:
            entry = s.get(CreditListEntry, entry_id)
            if entry is None:
                raise NotFound(
                    f"没有编号为 {entry_id} 的信用记录。", f"No credit entry {entry_id}."
                )
            if entry.expired_on is not None:
                raise ValidationError(
                    f"该记录已于 {entry.expired_on.isoformat()} 失效。",
                    f"This entry already ended on {entry.expired_on.isoformat()}.",
                )
            entry.expired_on = day
            entry.expire_reason = reason
            audit.record(
                s,
                at=now,
                actor=self.actor.username,
                action="credit_entry_expired",
                target=f"credit:{entry.id}",
                before={"expired_on": None},
                after={"expired_on": day.isoformat(), "reason": reason},
            )
            s.flush()
            return _entry_info(s, entry, today)
