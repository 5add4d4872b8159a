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
from collections.abc import Callable
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, select
from sqlalchemy.exc import DBAPIError

from clerk_app.clock import Clock, utcnow
from clerk_app.domain.case_states import CaseState, SubmissionStatus
from clerk_app.domain.catalog import ItemKind
from clerk_app.domain.deadlines import DeadlineWarning
from clerk_app.domain.holiday_notice import Holiday, HolidayRange
from clerk_app.domain.identity import InvalidIdentifier
from clerk_app.domain.numbers import whole_number
from clerk_app.domain.queue_order import PriorityClass
from clerk_app.domain.roles import Actor, Role, role_label
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
    SessionEnded,
    ValidationError,
)
from clerk_app.hall_time import to_local
from clerk_app.persistence.database import Database
from clerk_app.persistence.migrate import upgrade
from clerk_app.persistence.models import Counter, HallSetting
from clerk_app.persistence.pii import (
    Pii,
    PiiKeyError,
    PiiKeys,
    create_keys,
    has_recorded_keys,
    load_keys,
    register,
    unrecorded,
)
from clerk_app.services.auth import authenticate, session_check
from clerk_app.services.catalog import CatalogService
from clerk_app.services.queue.service import QueueService

if TYPE_CHECKING:  # loaded when first used: a counter shows its window without them
    from clerk_app.documents.paper_data import DocumentKind
    from clerk_app.documents.signing import ForgedPayload
    from clerk_app.services.admin import AdminService
    from clerk_app.services.admin.catalog_admin import CatalogAdminService
    from clerk_app.services.admin.counters import CounterAdminService
    from clerk_app.services.appointments import AppointmentService
    from clerk_app.services.audit_log import AuditService
    from clerk_app.services.calendar import CalendarService
    from clerk_app.services.cases.results import (
        ApplicantInput,
        CaseInfo,
        ItemRequest,
        MaterialCheck,
        ToleranceRefused,
    )
    from clerk_app.services.cases.service import CaseService
    from clerk_app.services.credit import CreditService
    from clerk_app.services.documents.service import DocumentService
    from clerk_app.services.evaluations.service import EvaluationService
    from clerk_app.services.hall_settings import HallSettingsService
    from clerk_app.services.imports.service import ImportService
    from clerk_app.services.journey.progress import ProgressService
    from clerk_app.services.journey.service import JourneyService
    from clerk_app.services.pii_keys import PiiKeyService
    from clerk_app.services.reports.service import ReportService
    from clerk_app.services.supervision.service import SupervisionService

DEFAULT_HALL_NAME = "政务服务中心"
log = logging.getLogger(__name__)


class StaffSession:
    """Services bound to one authenticated actor (a person, the kiosk or the display)."""

    def __init__(self, db: Database, actor: Actor, clock: Clock) -> None:
        self.actor = actor
        self._ended_listeners: list[Callable[[SessionEnded], None]] = []
        if actor.user_id is not None:  # a person's session ends when their access does
            db = db.guarded(self._ends_with_access(session_check(actor)))
        self._db = db
        self._clock = clock
        self.catalog = CatalogService(db, actor, clock)
        self.queue = QueueService(db, actor, clock)

    def end_overdue_cases(self) -> None:
        """The sweep each counter login runs: 容缺 cases whose deadline passed end (idempotent,
        cheap), so a hall without a scheduled `clerk cases sweep` still keeps the rule. Never
        raises a ``ClerkError`` (e.g. a year not in the calendar): it is logged instead, and
        the clerk works on."""
        try:
            self.cases.mark_overdue()
        except ClerkError as e:
            log.warning("overdue sweep at login skipped: %s", e)

    # The services below are built (and their modules imported) when first used, so a counter
    # PC does not load administration, 好差评 or the paper before its window is up.
    @cached_property
    def credit(self) -> CreditService:
        """The credit list (信用): its check at acceptance, its entries (admins)."""
        from clerk_app.services.credit import CreditService

        return CreditService(self._db, self.actor, self._clock)

    @cached_property
    def calendar(self) -> CalendarService:
        """The working-day override table (admins, ``clerk calendar``)."""
        from clerk_app.services.calendar import CalendarService

        return CalendarService(self._db, self.actor, self._clock)

    @cached_property
    def cases(self) -> CaseService:
        from clerk_app.services.cases.service import CaseService

        return CaseService(self._db, self.actor, self._clock)

    @cached_property
    def admin(self) -> AdminService:
        from clerk_app.services.admin import AdminService

        return AdminService(self._db, self.actor, self._clock)

    @cached_property
    def counter_admin(self) -> CounterAdminService:
        """Counters and queue categories: add and edit (admins)."""
        from clerk_app.services.admin.counters import CounterAdminService

        return CounterAdminService(self._db, self.actor, self._clock)

    @cached_property
    def catalog_admin(self) -> CatalogAdminService:
        """Departments, items and their materials: add, edit, retire (admins)."""
        from clerk_app.services.admin.catalog_admin import CatalogAdminService

        return CatalogAdminService(self._db, self.actor, self._clock)

    @cached_property
    def appointments(self) -> AppointmentService:
        """Book, list and cancel appointments at the hall (admins)."""
        from clerk_app.services.appointments import AppointmentService

        return AppointmentService(self._db, self.actor, self._clock)

    @cached_property
    def settings(self) -> HallSettingsService:
        """The editable hall settings, each checked by its key (admins)."""
        from clerk_app.services.hall_settings import HallSettingsService

        return HallSettingsService(self._db, self.actor, self._clock)

    @cached_property
    def audit(self) -> AuditService:
        """The audit log: list, filter, check the chain, export its head (supervisors, admins)."""
        from clerk_app.services.audit_log import AuditService

        return AuditService(self._db, self.actor, self._clock)

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
    def pii_keys(self) -> PiiKeyService:
        """Rotating the keys that seal ID numbers (administrators)."""
        from clerk_app.services.pii_keys import PiiKeyService

        return PiiKeyService(self._db, self.actor, self._clock)

    @cached_property
    def journey(self) -> JourneyService:
        """一件事 packages, department tasks, collection and delivery, notifications, visits."""
        from clerk_app.services.journey.service import JourneyService

        return JourneyService(self._db, self.actor, self._clock)

    @cached_property
    def progress(self) -> ProgressService:
        """市民之窗: a case's progress from its receipt's QR code (the kiosk; masked name only)."""
        from clerk_app.services.journey.progress import ProgressService

        return ProgressService(self._db, self.actor, self._clock)

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

    def on_ended(self, listener: Callable[[SessionEnded], None]) -> None:
        """Calls ``listener`` whenever an action of this session is refused with
        ``SessionEnded`` (before the error is raised to the action's caller, on the thread
        that ran it): the shell signs out however the screen handled the error."""
        self._ended_listeners.append(listener)

    def _ends_with_access(
        self, check: Callable[[Connection], None]
    ) -> Callable[[Connection], None]:
        def guard(conn: Connection) -> None:
            try:
                check(conn)
            except SessionEnded as ended:
                for listener in list(self._ended_listeners):
                    listener(ended)
                raise

        return guard

    def hall_now(self) -> datetime:
        """The hall's local time now (China Standard Time), whatever the PC's clock zone is:
        every screen shows this, as the tickets and cases do."""
        return to_local(self._clock())


class Hall:
    """One hall database, schema current. Thread-safe to share; sessions are cheap.

    ``device``: the hall as a kiosk, hall display or evaluator PC opened it (``open_hall(…,
    device=Role.KIOSK)``): it hands out that device's session only — no sign-in, no
    ``system()`` administrator. (Its database role, ``clerk db grants``, is what the database
    itself enforces; this keeps the PC's own program from asking for more.)
    """

    def __init__(self, db: Database, clock: Clock = utcnow, device: Role | None = None) -> None:
        self.db = db
        self.clock = clock
        self.device = device

    def _as(self, role: Role) -> None:
        if self.device is not None and self.device is not role:
            raise PermissionDenied(
                f"本机是“{role_label(self.device)}”，不能以“{role_label(role)}”身份操作。",
                f"This PC is a {self.device.value}; it cannot act as {role.value}.",
            )

    @property
    def name(self) -> str:
        with self.db.read() as s:
            setting = s.get(HallSetting, "hall_name")
            return str(setting.value) if setting is not None else DEFAULT_HALL_NAME

    def seed_demo(self) -> None:
        self._as(Role.ADMIN)
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
        sweep_overdue: bool = True,
    ) -> StaffSession:
        """Raises ``clerk_app.errors.AuthError`` with one clear sentence when refused.

        ``counter_check`` (the counter PC's sign-in): a clerk must name a counter
        (``CounterNeeded``) and one no other clerk holds now (``CounterHeld``), unless
        ``take_over``; see ``clerk_app.services.auth``. A clerk's login at a counter also
        runs ``StaffSession.end_overdue_cases`` — unless ``sweep_overdue`` is false, when the
        caller runs it (the counter PC does, on a worker, once its window is up).
        """
        self._as(Role.CLERK)  # people sign in on staff PCs only
        if counter is not None:
            whole_number(counter, "窗口号", "counter number", low=1)
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
            if sweep_overdue:
                session.end_overdue_cases()
        return session

    def kiosk(self) -> StaffSession:
        """The ticket machine's session: may read the catalog and queue, take tickets and show a
        case's progress from its receipt's QR code (``progress``)."""
        self._as(Role.KIOSK)
        return StaffSession(self.db, Actor(Role.KIOSK, "kiosk", "取号机"), self.clock)

    def display(self) -> StaffSession:
        """The hall display's read-only session."""
        self._as(Role.DISPLAY)
        return StaffSession(self.db, Actor(Role.DISPLAY, "display", "叫号屏"), self.clock)

    def evaluator(self, counter_no: int) -> StaffSession:
        """The session of the evaluator (评价器) at counter ``counter_no``: it may only read that
        counter and rate the service that just ended there. Raises ``NotFound`` for a counter
        the hall does not have."""
        self._as(Role.EVALUATOR)
        whole_number(counter_no, "窗口号", "counter number", low=1)
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
        self._as(role)
        name = f"system:{getpass.getuser()}"
        return StaffSession(self.db, Actor(role, name, name), self.clock)

    def close(self) -> None:
        self.db.dispose()


def open_hall(
    url: str,
    *,
    clock: Clock = utcnow,
    migrate: bool = True,
    device: Role | None = None,
    pii_keys: Path | None = None,
) -> Hall:
    """Opens (and creates or upgrades) the hall database at ``url``; ``device`` (kiosk,
    display, evaluator): the hall as that PC may use it (see ``Hall``).

    ``pii_keys``: the file of the keys that encrypt ID numbers (default: the configured one,
    ``clerk_app.config.pii_keys_path``). A hall that has recorded no key yet (a new or a
    pre-encryption database) gets a new key file there, mode 0600: that is its first setup.
    A key file that is not this hall's raises ``PiiKeyError``; a missing one, once the hall has
    keys, is reported when an ID is first sealed or opened (the hall display needs none).

    Raises ``ConfigError`` for a malformed URL and ``DatabaseUnavailable`` for a server that
    cannot be reached, each with one clear sentence.
    """
    from clerk_app.config import pii_keys_path

    db = Database(url)
    path = pii_keys if pii_keys is not None else pii_keys_path()
    keys = _hall_keys(db, path)
    if migrate:
        upgrade(db, pii_keys=keys)
    if keys is not None:
        _check_keys(db, keys, clock)
    db.use_pii(Pii(keys, missing=path))
    return Hall(db, clock, device)


def _hall_keys(db: Database, path: Path) -> PiiKeys | None:
    """The keys in ``path``; created there when the hall has recorded none; else ``None``."""
    try:
        return load_keys(path)
    except PiiKeyError:
        if path.exists():
            raise  # there, but unreadable, open to others or damaged: never replaced
    try:
        with db.read() as s:
            recorded = has_recorded_keys(s.connection())
    except DBAPIError:  # no table yet: a new or a pre-encryption database
        recorded = False
    return None if recorded else create_keys(path)


def _check_keys(db: Database, keys: PiiKeys, clock: Clock) -> None:
    """Refuses a key file that is not this hall's; records keys new to the hall (first start
    after setup or a rotation), in a write only when there is one."""
    with db.read() as s:
        new = unrecorded(s.connection(), keys)
    if new:
        with db.write() as s:
            register(s.connection(), keys, clock())


# Besides Hall and open_hall: what a script passes to the services or gets back, importable
# from here wherever it lives (the README's examples need no other import).
#: The scripting API's types that live in modules a counter loads only when first used
#: (PEP 562): ``from clerk_app.api import ApplicantInput`` imports them then.
_LATER = {
    "ApplicantInput": "clerk_app.services.cases.results",
    "CaseInfo": "clerk_app.services.cases.results",
    "ItemRequest": "clerk_app.services.cases.results",
    "MaterialCheck": "clerk_app.services.cases.results",
    "ToleranceRefused": "clerk_app.services.cases.results",
    "DocumentKind": "clerk_app.documents.paper_data",
    "ForgedPayload": "clerk_app.documents.signing",
}


def __getattr__(name: str) -> object:
    module = _LATER.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


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
    "Holiday",
    "HolidayRange",
    "InvalidIdentifier",
    "ItemKind",
    "ItemRequest",
    "MaterialCheck",
    "NotFound",
    "OutcomeUnknown",
    "PermissionDenied",
    "PiiKeyError",
    "PriorityClass",
    "Role",
    "SessionEnded",
    "StaffSession",
    "SubmissionStatus",
    "TicketStatus",
    "ToleranceRefused",
    "ValidationError",
    "open_hall",
]
