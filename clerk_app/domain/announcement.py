"""The words of a call (叫号): what the hall display (叫号屏) speaks and shows.

Spoken text is written for a text-to-speech engine: in Chinese the ticket's digits are read one
by one (``A012`` → "A 零一二", never "十二"), so applicants hear exactly the digits printed on
their ticket, while the counter number is read as a number ("12 号窗口", as painted on the
window). In English every character of the ticket is spelled out, separated by spaces.
The language is an argument, not the process language: the display may speak both in turn.
"""

from __future__ import annotations

import re

from clerk_app.errors import ValidationError
from clerk_app.i18n import LANGUAGES

_TICKET_NUMBER = re.compile(r"[A-Z]*[0-9]+", re.ASCII)
_ZH_DIGITS = "零一二三四五六七八九"


def _split(ticket_number: str, counter_no: int, lang: str) -> tuple[str, str]:
    """Check the arguments and split the ticket number into its letter prefix and digits."""
    if _TICKET_NUMBER.fullmatch(ticket_number) is None:
        raise ValidationError(
            f"号票号码 {ticket_number!r} 无效：应为大写字母前缀加数字，如 A012。",
            f"Invalid ticket number {ticket_number!r}: expected capital letters then digits,"
            " like A012.",
        )
    if counter_no < 1:
        raise ValidationError(
            f"窗口号 {counter_no} 无效：应为正整数。",
            f"Invalid counter number {counter_no}: it must be a positive whole number.",
        )
    if lang not in LANGUAGES:
        raise ValidationError(f"不支持的语言 {lang!r}。", f"Unsupported language {lang!r}.")
    digits_start = len(ticket_number.rstrip("0123456789"))
    return ticket_number[:digits_start], ticket_number[digits_start:]


def call_text(ticket_number: str, counter_no: int, lang: str = "zh_CN") -> str:
    """The sentence spoken for a call, e.g. "请 A 零一二 号 到 5 号窗口办理"."""
    prefix, digits = _split(ticket_number, counter_no, lang)
    if lang == "zh_CN":
        spoken = "".join(_ZH_DIGITS[int(d)] for d in digits)
        number = f"{prefix} {spoken}" if prefix else spoken
        return f"请 {number} 号 到 {counter_no} 号窗口办理"
    return f"Number {' '.join(ticket_number)}, please go to counter {counter_no}"


def display_text(ticket_number: str, counter_no: int, lang: str = "zh_CN") -> str:
    """The line shown on the display for a call, e.g. "请 A012 号到 5 号窗口办理"."""
    _split(ticket_number, counter_no, lang)
    if lang == "zh_CN":
        return f"请 {ticket_number} 号到 {counter_no} 号窗口办理"
    return f"{ticket_number} → Counter {counter_no}"
