"""The hall's local time: China Standard Time (UTC+8, no daylight saving).

The databases store naive UTC; dates that the hall counts by (ticket days, acceptance dates,
due dates in working days) are local dates.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

HALL_UTC_OFFSET = timedelta(hours=8)


def to_local(utc: datetime) -> datetime:
    """Naive UTC -> naive hall-local time."""
    return utc + HALL_UTC_OFFSET


def to_utc(local: datetime) -> datetime:
    """Naive hall-local time -> naive UTC."""
    return local - HALL_UTC_OFFSET


def local_date(utc: datetime) -> date:
    return to_local(utc).date()
