"""Plain results of the queue services: tickets, the counter's view, the hall display board."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from clerk_app.domain.ticket_status import TicketStatus


@dataclass(frozen=True)
class TicketInfo:
    """A ticket as screens and printers see it; times are hall-local."""

    id: int
    number: str
    category_prefix: str
    category_name: str
    priority: str
    status: TicketStatus
    taken_at: datetime
    called_at: datetime | None
    counter_number: int | None
    recall_count: int
    masked_identity: str
    ahead: int = 0  # people ahead when taken (kiosk) or now (counter queue view)
    wait_minutes: int | None = 0  # estimated wait when taken; None: no counter open (暂无窗口办理)
    reprint: bool = False
    # Only in what the kiosk that issued the ticket gets back: its key to ``reprint`` it.
    reprint_token: str = ""


@dataclass(frozen=True)
class CategoryLoad:
    prefix: str
    name: str
    waiting: int
    open_counters: int
    wait_minutes: int | None  # estimated wait for a ticket taken now; None: no counter open


@dataclass(frozen=True)
class CounterState:
    number: int
    name: str
    categories: tuple[str, ...]
    paused: bool
    online: bool
    clerk: str | None
    current_ticket: str | None
    current_ticket_id: int | None


@dataclass(frozen=True)
class QueueStatus:
    categories: tuple[CategoryLoad, ...]
    counters: tuple[CounterState, ...]


@dataclass(frozen=True)
class CounterDesk:
    """One consistent read of a counter's desk: ``counter`` is ``None`` for an inactive one."""

    current: TicketInfo | None
    waiting: list[TicketInfo]
    counter: CounterState | None


@dataclass(frozen=True)
class CallInfo:
    id: int
    at: datetime  # hall-local
    ticket_number: str
    counter_number: int
    kind: str  # call | recall


@dataclass(frozen=True)
class DisplayBoard:
    """Everything the hall display shows; ``new_calls`` are those after ``since_call_id``."""

    current: tuple[CallInfo, ...]  # the latest call per counter still being served
    recent: tuple[CallInfo, ...]  # newest first
    new_calls: tuple[CallInfo, ...]  # oldest first, to announce in order
    waiting: tuple[CategoryLoad, ...]
    last_call_id: int
    open_counters: int  # active, online and not paused now: "N counters serving you"
