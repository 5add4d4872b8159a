"""Screenshot mode only: puts a morning's queue into the demo hall so the screens are not empty.

Tickets are taken at the kiosk and called at a few counters through the ordinary API, once per
day (a second run the same day only brings the staged counters back online). Counter 4 calls a
ticket and signs off, so the dashboard shows a stranded counter.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from clerk_app.demo.hall_data import DEMO_PASSWORD

if TYPE_CHECKING:
    from clerk_app.api import Hall

#: (category, priority, identity) of the tickets taken, in order.
TICKETS = (
    ("A", "normal", None),
    ("A", "normal", "11010519491231002X"),  # a real-name ticket (GB 11643's sample number)
    ("B", "normal", None),
    ("C", "normal", None),
    ("A", "elderly", None),
    ("C", "normal", None),
    ("D", "normal", None),
    ("E", "normal", None),
    ("A", "normal", None),
    ("B", "military", None),
    ("C", "normal", None),
    ("A", "normal", None),
    ("D", "normal", None),
    ("E", "normal", None),
    ("A", "normal", None),
    ("B", "normal", None),
    ("C", "normal", None),
    ("A", "normal", None),
)
#: Counters that call a ticket and stay online (counter 1 is the screenshot's own).
SERVING = (2, 3, 9, 12)
PAUSED = 5
STRANDED = 4


def clerk(counter: int) -> str:
    return f"clerk{counter:02d}"


def stage_demo_queue(hall: Hall) -> None:
    """Take tickets and call some, unless today's queue already has calls."""
    if not hall.display().queue.board().recent:
        kiosk = hall.kiosk().queue
        for category, priority, identity in TICKETS:
            kiosk.take_ticket(category, priority, identity)
        for counter in (*SERVING, STRANDED):
            hall.login(clerk(counter), DEMO_PASSWORD, counter=counter).queue.call_next()
        hall.login(clerk(3), DEMO_PASSWORD, counter=3).queue.recall()
        hall.login(clerk(PAUSED), DEMO_PASSWORD, counter=PAUSED).queue.pause()
        hall.login(clerk(STRANDED), DEMO_PASSWORD, counter=STRANDED).queue.sign_off()
    for counter in (*SERVING, PAUSED):
        hall.login(clerk(counter), DEMO_PASSWORD, counter=counter)  # heartbeat: online now


def call_at(hall: Hall, counter: int) -> None:
    """One more call, for a screen that should show a call arriving."""
    hall.login(clerk(counter), DEMO_PASSWORD, counter=counter).queue.call_next()
