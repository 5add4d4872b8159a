"""The one entry point for the UI, the CLI and scripts: open a hall, then act as someone.

    hall = open_hall("sqlite:////tmp/hall.db")    # or postgresql+psycopg://…; creates/upgrades
    hall.seed_demo()
    session = hall.login("clerk01", "demo", counter=1)
    session.catalog.list_items("道路")

Every service hangs off a ``StaffSession`` that carries its ``Actor``; the services check that
actor's role, so the kiosk and the hall display get least-privilege sessions of their own.
"""

from __future__ import annotations

import getpass
import logging
from datetime import datetime
from functools import cached_property
from typing import TYPE_CHECKING

from sqlalchemy import select

from clerk_app.clock import Clock, utcnow
from clerk_app.documents.paper_data import DocumentKind
from clerk_app.documents.signing import ForgedPayload
from clerk_app.domain.case_states import CaseState, SubmissionStatus
from clerk_app.domain.catalog import ItemKind
from clerk_app.domain.deadlines import DeadlineWarning
from clerk_app.domain.identity import InvalidIdentifier
from clerk_app.domain.queue_order import PriorityClass
from clerk_app.domain.roles import Actor, Role
from clerk_app.domain.ticket_status import TicketStatus
from clerk_app.domain.workdays import CalendarNotCovered
from clerk_app.errors import (
    AuthError,
    ClerkError,
    ConfigError,
    Conflict,
    DatabaseUnavailable,
    NotFound,
    OutcomeUnknown,
    PermissionDenied,
    ValidationError,
)
from clerk_app.hall_time import to_local
from clerk_app.persistence.database import Database
from clerk_app.persistence.migrate import upgrade
from clerk_app.persistence.models import Counter, HallSetting
from clerk_app.services.auth import authenticate
from clerk_app.services.calendar import CalendarService
from clerk_app.services.cases.results import (
    ApplicantInput,
    CaseInfo,
    ItemRequest,
    MaterialCheck,
    ToleranceRefused,
)
from clerk_app.services.cases.service import CaseService
from clerk_app.services.catalog import CatalogService
from clerk_app.services.credit import CreditService
from clerk_app.services.queue.service import QueueService

if TYPE_CHECKING:  # loaded when first used: a counter shows its window without them
    from clerk_app.services.admin import AdminService
    from clerk_app.services.documents.service import DocumentService
    from clerk_app.services.evaluations.service import EvaluationService
    from clerk_app.services.imports.service import ImportService
    from clerk_app.services.journey.service import JourneyService
    from clerk_app.services.reports.service import ReportService
    from clerk_app.services.supervision.service import SupervisionService

DEFAULT_HALL_NAME = "政务服务中心"
log = logging.getLogger(__name__)


class StaffSession:
    """Services bound to one authenticated actor (a person, the kiosk or the display)."""

    def __init__(self, db: Database, actor: Actor, clock: Clock) -> None:
        self.actor = actor
        self._db = db
        self._clock = clock
        self.catalog = CatalogService(db, actor, clock)
        self.cases = CaseService(db, actor, clock)
        self.credit = CreditService(db, actor, clock)
        self.calendar = CalendarService(db, actor, clock)
        self.queue = QueueService(db, actor, clock)

    # The services below are built (and their modules imported) when first used, so a counter
    # PC does not load administration, 好差评 or the paper before its window is up.
    @cached_property
    def admin(self) -> AdminService:
        from clerk_app.services.admin import AdminService

        return AdminService(self._db, self.actor, self._clock)

    @cached_property
    def documents(self) -> DocumentService:
        from clerk_app.services.documents.service import DocumentService

        return DocumentService(self._db, self.actor, self._clock)

    @cached_property
    def evaluations(self) -> EvaluationService:
        from clerk_app.services.evaluations.service import EvaluationService

        return EvaluationService(self._db, self.actor, self._clock)

    @cached_property
    def imports(self) -> ImportService:
        """Imports and exports of the catalog, the credit list and appointments (admins)."""
        from clerk_app.services.imports.service import ImportService

        return ImportService(self._db, self.actor, self._clock)

    @cached_property
    def journey(self) -> JourneyService:
        """一件事 packages, department tasks, collection and delivery, notifications, visits."""
        from clerk_app.services.journey.service import JourneyService

        return JourneyService(self._db, self.actor, self._clock)

    @cached_property
    def reports(self) -> ReportService:
        """Reports by date range, category, counter, clerk, department and item (supervisors)."""
        from clerk_app.services.reports.service import ReportService

        return ReportService(self._db, self.actor, self._clock)

    @cached_property
    def supervision(self) -> SupervisionService:
        """The live dashboard's figures and alerts (supervisors)."""
        from clerk_app.services.supervision.service import SupervisionService

        return SupervisionService(self._db, self.actor, self._clock)

    def hall_now(self) -> datetime:
        """The hall's local time now (China Standard Time), whatever the PC's clock zone is:
        every screen shows this, as the tickets and cases do."""
        return to_local(self._clock())


class Hall:
    """One hall database, schema current. Thread-safe to share; sessions are cheap."""

    def __init__(self, db: Database, clock: Clock = utcnow) -> None:
        self.db = db
        self.clock = clock

    @property
    def name(self) -> str:
        with self.db.read() as s:
            setting = s.get(HallSetting, "hall_name")
            return str(setting.value) if setting is not None else DEFAULT_HALL_NAME

    def seed_demo(self) -> None:
        from clerk_app.services.seed import seed_demo  # the demo's data, only when seeding

        seed_demo(self.db, self.clock)

    def login(
        self,
        username: str,
        password: str,
        counter: int | None = None,
        *,
        counter_check: bool = False,
        take_over: bool = False,
    ) -> StaffSession:
        """Raises ``clerk_app.errors.AuthError`` with one clear sentence when refused.

        ``counter_check`` (the counter PC's sign-in): a clerk must name a counter
        (``CounterNeeded``) and one no other clerk holds now (``CounterHeld``), unless
        ``take_over``; see ``clerk_app.services.auth``.
        """
        actor = authenticate(
            self.db,
            self.clock,
            username,
            password,
            counter,
            counter_check=counter_check,
            take_over=take_over,
        )
        session = StaffSession(self.db, actor, self.clock)
        if counter is not None and actor.role is Role.CLERK:
            session.queue.heartbeat()  # the counter is online with this clerk from now on
            # Each counter login also ends 容缺 cases whose deadline passed (idempotent, cheap),
            # so a hall without a scheduled `clerk cases sweep` still keeps the rule.
            try:
                session.cases.mark_overdue()
            except ClerkError as e:  # e.g. a year not in the calendar: never block a login
                log.warning("overdue sweep at login skipped: %s", e)
        return session

    def kiosk(self) -> StaffSession:
        """The ticket machine's session: may read the catalog and queue and take tickets."""
        return StaffSession(self.db, Actor(Role.KIOSK, "kiosk", "取号机"), self.clock)

    def display(self) -> StaffSession:
        """The hall display's read-only session."""
        return StaffSession(self.db, Actor(Role.DISPLAY, "display", "叫号屏"), self.clock)

    def evaluator(self, counter_no: int) -> StaffSession:
        """The session of the evaluator (评价器) at counter ``counter_no``: it may only read that
        counter and rate the service that just ended there. Raises ``NotFound`` for a counter
        the hall does not have."""
        with self.db.read() as s:
            known = s.scalar(select(Counter.id).where(Counter.number == counter_no))
        if known is None:
            raise NotFound(f"没有 {counter_no} 号窗口。", f"No counter {counter_no}.")
        name = f"evaluator:{counter_no}"
        actor = Actor(Role.EVALUATOR, name, f"{counter_no}号窗口评价器", counter_no=counter_no)
        return StaffSession(self.db, actor, self.clock)

    def system(self, role: Role = Role.ADMIN) -> StaffSession:
        """An administrator session for the command line on a trusted machine.

        Whoever holds the database URL (and its credentials) already controls the hall, so the
        CLI acts as ``system:<os user>``; every action it takes is audit-logged under that name.
        """
        name = f"system:{getpass.getuser()}"
        return StaffSession(self.db, Actor(role, name, name), self.clock)

    def close(self) -> None:
        self.db.dispose()


def open_hall(url: str, *, clock: Clock = utcnow, migrate: bool = True) -> Hall:
    """Opens (and creates or upgrades) the hall database at ``url``.

    Raises ``ConfigError`` for a malformed URL and ``DatabaseUnavailable`` for a server that
    cannot be reached, each with one clear sentence.
    """
    db = Database(url)
    if migrate:
        upgrade(db)
    return Hall(db, clock)


# Besides Hall and open_hall: what a script passes to the services or gets back, importable
# from here wherever it lives (the README's examples need no other import).
__all__ = [
    "ApplicantInput",
    "AuthError",
    "CalendarNotCovered",
    "CaseInfo",
    "CaseState",
    "ClerkError",
    "ConfigError",
    "Conflict",
    "DatabaseUnavailable",
    "DeadlineWarning",
    "DocumentKind",
    "ForgedPayload",
    "Hall",
    "InvalidIdentifier",
    "ItemKind",
    "ItemRequest",
    "MaterialCheck",
    "NotFound",
    "OutcomeUnknown",
    "PermissionDenied",
    "PriorityClass",
    "Role",
    "StaffSession",
    "SubmissionStatus",
    "TicketStatus",
    "ToleranceRefused",
    "ValidationError",
    "open_hall",
]
