"""A plausible holiday notice for 2027 (made up in the shape of the State Council's notices)."""

from __future__ import annotations

from datetime import date

from clerk_app.domain.holiday_notice import Holiday, HolidayRange

H = Holiday
NOTICE_2027 = (
    HolidayRange(H.NEW_YEAR, date(2027, 1, 1), date(2027, 1, 3)),
    HolidayRange(H.SPRING_FESTIVAL, date(2027, 2, 6), date(2027, 2, 14)),
    HolidayRange(H.QINGMING, date(2027, 4, 3), date(2027, 4, 5)),
    HolidayRange(H.LABOUR_DAY, date(2027, 5, 1), date(2027, 5, 5)),
    HolidayRange(H.DRAGON_BOAT, date(2027, 6, 9), date(2027, 6, 11)),
    HolidayRange(H.MID_AUTUMN, date(2027, 9, 15), date(2027, 9, 17)),
    HolidayRange(H.NATIONAL_DAY, date(2027, 10, 1), date(2027, 10, 7)),
)
MAKEUP_2027 = (date(2027, 2, 20), date(2027, 5, 8), date(2027, 9, 26), date(2027, 10, 9))
DAYS_OFF_2027 = sorted({d for r in NOTICE_2027 for d in r.days()})
