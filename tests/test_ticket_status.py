"""Ticket statuses are stored strings: the enum's values never change without a migration."""

from __future__ import annotations

from clerk_app.domain.ticket_status import TicketStatus
from clerk_app.persistence.models import Ticket


def test_the_stored_values_are_fixed() -> None:
    assert [str(s) for s in TicketStatus] == [
        "waiting",
        "serving",
        "finished",
        "no_show",
        "expired",
    ]
    assert TicketStatus("no_show") is TicketStatus.NO_SHOW


def test_the_partial_indexes_name_the_enum_values() -> None:
    predicates = {
        index.name: str(index.dialect_options["postgresql"]["where"])
        for index in Ticket.__table__.indexes  # type: ignore[attr-defined]
    }
    assert predicates["ix_tickets_waiting_order"] == "status = 'waiting'"
    assert predicates["ix_tickets_finished"] == "status = 'finished'"
    assert predicates["ix_tickets_waiting_priority"] == (
        "status = 'waiting' AND priority <> 'normal'"
    )
