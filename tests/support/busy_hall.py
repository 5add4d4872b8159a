"""The busy hall of issue 12, defect 4, staged through the services: 6 counters serving, 1 paused,
5 offline (counter 4 signed off still holding the ticket it called)."""

from __future__ import annotations

from clerk_app.api import Hall, StaffSession
from clerk_app.demo.hall_data import DEMO_PASSWORD

#: (ticket, counter) of the six counters serving in ``stage_busy_hall``.
SERVING = {("A002", 1), ("A003", 2), ("B002", 3), ("C001", 9), ("B001", 11), ("D001", 12)}
STRANDED = 4
PAUSED = 5


def at(hall: Hall, counter: int) -> StaffSession:
    """The clerk of ``counter`` signed in there (a heartbeat: the counter is online)."""
    return hall.login(f"clerk{counter:02d}", DEMO_PASSWORD, counter=counter)


def stage_busy_hall(hall: Hall) -> None:
    """6 serving (1, 2, 3, 9, 11, 12), 1 paused (5), 5 offline (4 stranded; 6, 7, 8, 10)."""
    kiosk = hall.kiosk().queue
    for category in "AAAABBCD":
        kiosk.take_ticket(category)
    stranded = at(hall, STRANDED).queue
    called = stranded.call_next()
    assert called is not None and called.number == "A001"
    stranded.sign_off()  # the clerk left; the ticket stays in service at an offline counter
    for counter in (1, 2, 9, 11, 12):
        at(hall, counter).queue.call_next()
    at(hall, 3).queue.call_ticket("B002", "网上预约")
    at(hall, PAUSED).queue.pause()
