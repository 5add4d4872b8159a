"""What every service shares: the database, the acting actor and the clock."""

from __future__ import annotations

from clerk_app.clock import Clock, utcnow
from clerk_app.domain.roles import Actor
from clerk_app.persistence.database import Database


class Service:
    """A group of use cases run for one actor; each public method is one unit of work."""

    def __init__(self, db: Database, actor: Actor, clock: Clock = utcnow) -> None:
        self.db = db
        self.actor = actor
        self.clock = clock
