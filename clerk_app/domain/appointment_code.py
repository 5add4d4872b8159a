"""Appointment codes (预约号) and how many wrong ones a kiosk may type: a code must not be
guessable, so it is long, and a kiosk that keeps guessing is made to wait.

A code is 8 to 16 upper-case letters and digits (36⁸ ≈ 2.8 × 10¹² codes at the shortest). The
booking system makes them; the appointments import refuses shorter ones. At a kiosk, 5 wrong
codes within a minute stop check-in there for 60 seconds (``CheckInLimiter``): at most 7,200
guesses a day per kiosk, against a day's few hundred codes in 10¹² — no guess is expected to hit.
"""

from __future__ import annotations

import math
import re
from collections import deque
from dataclasses import dataclass, field
from datetime import datetime, timedelta

MIN_LENGTH = 8
MAX_LENGTH = 16
_CODE = re.compile(rf"[0-9A-Z]{{{MIN_LENGTH},{MAX_LENGTH}}}")
MAX_WRONG = 5
COOLDOWN = timedelta(seconds=60)


def is_appointment_code(code: str) -> bool:
    """Whether ``code`` (already stripped and upper-cased) can be an appointment code."""
    return _CODE.fullmatch(code) is not None


@dataclass
class CheckInLimiter:
    """Wrong appointment codes at one kiosk: after ``MAX_WRONG`` within ``COOLDOWN``, check-in
    is refused until ``COOLDOWN`` has passed since the last of them."""

    wrong: deque[datetime] = field(default_factory=deque)

    def wait_seconds(self, now: datetime) -> int:
        """Seconds before this kiosk may try a code again (0: now)."""
        if len(self.wrong) < MAX_WRONG or self.wrong[-1] - self.wrong[0] >= COOLDOWN:
            return 0
        left = (self.wrong[-1] + COOLDOWN - now).total_seconds()
        if left <= 0:
            self.wrong.clear()  # served its wait: five fresh tries
            return 0
        return math.ceil(left)

    def failed(self, now: datetime) -> None:
        self.wrong.append(now)
        while len(self.wrong) > MAX_WRONG:
            self.wrong.popleft()

    def succeeded(self) -> None:
        self.wrong.clear()
