"""Helpers of the evaluation tests: serve a ticket at a counter as a clerk would."""

from __future__ import annotations

from clerk_app.api import Hall
from clerk_app.services.cases.results import ItemRequest
from clerk_app.services.queue.results import TicketInfo
from tests.support.acceptance import clerk, person


def serve(
    hall: Hall,
    counter: int = 3,
    *,
    promised: tuple[str, ...] = (),
    instant: tuple[str, ...] = (),
    finish: bool = True,
) -> TicketInfo:
    """A walk-in takes a ticket; the clerk of ``counter`` calls it, accepts each ``promised``
    item and issues each ``instant`` one for it (a case each), and ends the service."""
    taken = hall.kiosk().queue.take_ticket("A")
    session = clerk(hall, counter)
    called = session.queue.call_next()
    assert called is not None and called.id == taken.id, "another ticket was waiting"
    for n, code in enumerate(promised):
        session.cases.accept(person(serial=11 + n), [ItemRequest(code)], ticket_id=called.id)
    for n, code in enumerate(instant):
        session.cases.issue_instant(person(serial=31 + n), [ItemRequest(code)], ticket_id=called.id)
    if finish:
        session.queue.finish()
    return called
