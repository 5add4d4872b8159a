"""Case and permit numbers: the hall's code, the day, a daily serial; numbers as scanned."""

from __future__ import annotations

import unicodedata
from datetime import date

from sqlalchemy.orm import Session

from clerk_app.persistence.sequences import next_value

SERIAL_DIGITS = 5


def new_case_no(s: Session, hall_code: str, day: date) -> str:
    """Hall code + yyyymmdd + daily serial: unique across every counter of the hall."""
    serial = next_value(s, "case", day)
    return f"{hall_code}{day:%Y%m%d}{serial:0{SERIAL_DIGITS}d}"


def new_permit_no(s: Session, hall_code: str, day: date) -> str:
    """``XK`` + hall code + yyyymmdd + daily serial, for a permit the hall numbers itself."""
    serial = next_value(s, "permit", day)
    return f"XK{hall_code}{day:%Y%m%d}{serial:0{SERIAL_DIGITS}d}"


def normalize_case_no(text: str) -> str:
    """A typed or scanned case number: full-width folded, blanks dropped, upper case."""
    return "".join(unicodedata.normalize("NFKC", text).split()).upper()
