"""The states of a queue ticket (号票), as stored in ``tickets.status``.

    waiting ──call──▶ serving ──finish──▶ finished
       ▲                 │ └───no-show──▶ no_show
       └─transfer/release┘
    waiting ──closing time──▶ expired

A transfer (转窗) or a release puts a serving ticket back to ``waiting`` at the place it had
(``queue_position_at`` is kept). ``finished``, ``no_show`` and ``expired`` are final. The
values are the stored strings: changing one needs a migration, and the partial indexes of
``persistence.models.Ticket`` name ``waiting`` and ``finished`` in their predicates.
"""

from __future__ import annotations

from enum import StrEnum


class TicketStatus(StrEnum):
    """Where a ticket is in its day; a member is its stored value (``str(member)``)."""

    WAITING = "waiting"  # in the queue
    SERVING = "serving"  # called to a counter, in service there
    FINISHED = "finished"  # served (办结离柜)
    NO_SHOW = "no_show"  # called, did not come (过号)
    EXPIRED = "expired"  # still waiting when the day was closed
