"""Appointments (预约) booked at the hall — at a counter or by phone — listed by day, cancelled.

The kiosk checks them in (``services/queue/tickets.check_in``) like the online system's, which
come in by ``services/imports/appointments``. Slot times are the hall's local time here and
naive UTC in the database. A cancelled appointment is kept, and the kiosk refuses it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk_app.domain.identity import validate_resident_id, validate_uscc
from clerk_app.domain.roles import Permission
from clerk_app.domain.typed_text import typed_text
from clerk_app.errors import NotFound, ValidationError, on_field
from clerk_app.hall_time import local_date, to_local, to_utc
from clerk_app.persistence.models import Appointment
from clerk_app.persistence.pii import APPOINTMENT_IDENTITY, pii_of
from clerk_app.persistence.sequences import next_value
from clerk_app.services import audit
from clerk_app.services.base import Service
from clerk_app.services.paper_text import printable
from clerk_app.services.queue.board import find_category
from clerk_app.services.settings import load_policy

CHANNELS = ("counter", "phone")  # booked here; "online" rows come from the booking file
_PHONE = re.compile(r"\+?[0-9][0-9-]{6,19}")
_LONGEST_SLOT = timedelta(hours=4)
_FURTHEST_AHEAD = timedelta(days=90)


@dataclass(frozen=True)
class AppointmentInfo:
    code: str
    category: str  # prefix
    category_name: str
    applicant_name: str
    identity_masked: str
    phone: str
    slot_start: datetime  # hall local time
    slot_end: datetime
    channel: str  # online | counter | phone
    status: str  # booked | checked_in | cancelled
    cancel_reason: str


def _info(a: Appointment, mask: Callable[[bytes | None], str]) -> AppointmentInfo:
    status = "cancelled" if a.cancelled_at else "checked_in" if a.checked_in_at else "booked"
    return AppointmentInfo(
        code=a.code,
        category=a.category.prefix,
        category_name=a.category.name,
        applicant_name=a.applicant_name,
        identity_masked=mask(a.identity_enc),
        phone=a.phone or "",
        slot_start=to_local(a.slot_start),
        slot_end=to_local(a.slot_end),
        channel=a.channel,
        status=status,
        cancel_reason=a.cancel_reason or "",
    )


def _masker(s: Session) -> Callable[[bytes | None], str]:
    """Opens a sealed ID only to mask it as the hall's policy says (``persistence/pii.py``)."""
    policy, pii = load_policy(s), pii_of(s)
    return lambda sealed: policy.mask(pii.open_or_none(sealed, APPOINTMENT_IDENTITY))


def _identity(value: str, today: date) -> str | None:
    text = value.strip().upper()
    if not text:
        return None
    if len(text) == 18 and text[:17].isdigit():
        return validate_resident_id(text, today=today)
    return validate_uscc(text)


class AppointmentService(Service):
    """Book, list and cancel appointments (admins; every change audited)."""

    def book(
        self,
        category: str,
        applicant_name: str,
        day: date,
        slot_start: time,
        slot_end: time,
        *,
        identity: str = "",
        phone: str = "",
        channel: str = "counter",
    ) -> AppointmentInfo:
        """Book ``category`` on ``day`` from ``slot_start`` to ``slot_end`` (hall time)."""
        self.actor.require(Permission.MANAGE_APPOINTMENTS)
        now = self.clock()
        today = local_date(now)
        with on_field("applicant_name"):
            name = typed_text(
                applicant_name, "申请人姓名", "Applicant name", max_len=100, required=True
            )
            printable(name, "申请人姓名", "Applicant name")
        with on_field("identity"):
            identity_value = _identity(identity, today)
        phone = phone.strip()
        if phone and not _PHONE.fullmatch(phone):
            raise ValidationError(
                f"联系电话“{phone}”格式不对，应为 7 至 20 位数字（可含“-”）。",
                f"The phone number {phone!r} must be 7 to 20 digits (dashes allowed).",
            ).tagged("phone")
        if channel not in CHANNELS:
            raise ValidationError(
                f"预约渠道“{channel}”无效，可选：counter、phone。",
                f"Invalid channel {channel!r}; choose counter or phone.",
            ).tagged("channel")
        start, end = datetime.combine(day, slot_start), datetime.combine(day, slot_end)
        self._check_slot(start, end, to_local(now))
        with self.db.write() as s:
            with on_field("category"):
                cat = find_category(s, category)
            code = self._new_code(s, day)
            appt = Appointment(
                code=code,
                category_id=cat.id,
                applicant_name=name,
                identity_enc=(
                    pii_of(s).seal(identity_value, APPOINTMENT_IDENTITY) if identity_value else None
                ),
                identity_hash=pii_of(s).lookup(identity_value) if identity_value else None,
                slot_start=to_utc(start),
                slot_end=to_utc(end),
                phone=phone,
                channel=channel,
                booked_by=self.actor.username,
            )
            appt.category = cat
            s.add(appt)
            s.flush()
            audit.record(
                s,
                at=now,
                actor=self.actor.username,
                action="appointment_booked",
                target=f"appointment:{code}",
                after={"category": cat.prefix, "slot_start": start.isoformat(), "channel": channel},
            )
            return _info(appt, _masker(s))

    def list_day(self, day: date) -> list[AppointmentInfo]:
        """The appointments whose slot starts on ``day`` (hall time), cancelled ones too."""
        self.actor.require(Permission.MANAGE_APPOINTMENTS)
        first = to_utc(datetime.combine(day, time()))
        with self.db.read() as s:
            rows = s.scalars(
                select(Appointment)
                .where(Appointment.slot_start >= first)
                .where(Appointment.slot_start < first + timedelta(days=1))
                .order_by(Appointment.slot_start, Appointment.code)
            )
            mask = _masker(s)
            return [_info(a, mask) for a in rows]

    def cancel(self, code: str, reason: str) -> AppointmentInfo:
        """Cancel a booked appointment; it is kept, and the kiosk will refuse it."""
        self.actor.require(Permission.MANAGE_APPOINTMENTS)
        with on_field("reason"):
            reason = typed_text(reason, "取消原因", "Reason", max_len=200, required=True)
        now = self.clock()
        with self.db.write() as s:
            appt = s.scalars(
                select(Appointment).where(Appointment.code == code.strip().upper())
            ).one_or_none()
            if appt is None:
                raise NotFound(f"预约号 {code} 不存在。", f"No appointment {code}.")
            if appt.checked_in_at is not None:
                raise ValidationError(
                    "该预约已签到取号，不能取消。", "This appointment is checked in already."
                )
            if appt.cancelled_at is not None:
                raise ValidationError("该预约已取消。", "This appointment is already cancelled.")
            appt.cancelled_at = now
            appt.cancel_reason = reason
            audit.record(
                s,
                at=now,
                actor=self.actor.username,
                action="appointment_cancelled",
                target=f"appointment:{appt.code}",
                after={"reason": reason},
            )
            s.flush()
            return _info(appt, _masker(s))

    @staticmethod
    def _check_slot(start: datetime, end: datetime, now: datetime) -> None:
        if end <= start:
            raise ValidationError(
                f"预约结束时间 {end:%H:%M} 不晚于开始时间 {start:%H:%M}。",
                f"The slot ends ({end:%H:%M}) before it starts ({start:%H:%M}).",
            ).tagged("slot_end")
        if end - start > _LONGEST_SLOT:
            raise ValidationError(
                "一个预约时段不能超过 4 小时。", "A slot may not last more than 4 hours."
            ).tagged("slot_end")
        if start < now:
            raise ValidationError(
                f"预约时段 {start:%Y-%m-%d %H:%M} 已过，不能预约。",
                f"The slot {start:%Y-%m-%d %H:%M} is in the past.",
            ).tagged("day")
        if start - now > _FURTHEST_AHEAD:
            raise ValidationError(
                "最多可预约 90 天以内的时段。", "Slots can be booked at most 90 days ahead."
            ).tagged("day")

    @staticmethod
    def _new_code(s: Session, day: date) -> str:
        """``H`` + yymmdd + a daily serial: never like the online system's codes, unique."""
        while True:  # an imported file may hold such a code already: take the next serial
            code = f"H{day:%y%m%d}{next_value(s, 'appointment', day):04d}"
            if s.scalar(select(Appointment.id).where(Appointment.code == code)) is None:
                return code
