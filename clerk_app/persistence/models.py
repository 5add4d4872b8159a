"""The hall's tables as SQLAlchemy 2 typed models (names from shared/GLOSSARY.md): the base,
and the tables of the hall, its catalog, its people and its queue, which every PC reads from its
first screen. The others are in ``models_cases``, ``models_journey``, ``models_evaluations`` and
``models_calendar`` (see ``load_all``).

The schema changes only through Alembic migrations in ``clerk_app/migrations``; a test checks
that the models and the migrated schema agree.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, validates

from clerk_app.domain.queue_order import PriorityClass
from clerk_app.domain.ticket_status import TicketStatus

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def partial_index(name: str, *columns: str, where: str) -> Index:
    """An index of only the rows where ``where`` (SQL) holds, on PostgreSQL and SQLite alike.

    The predicate waits in ``info`` until a database is opened
    (``persistence.dialects.use_partial_predicates``): naming it for both dialects here
    (``postgresql_where=…``) would import the PostgreSQL dialect on every SQLite PC."""
    return Index(name, *columns, info={"where": where})


# Times are stored as naive UTC (``DateTime`` without time zone) on both databases; the
# services convert to the hall's local time for display.


class HallSetting(Base):
    """Key/value settings of the hall (name, code, policies); values are JSON."""

    __tablename__ = "hall_settings"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)


class Department(Base):
    __tablename__ = "departments"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(100))


class QueueCategory(Base):
    """A queue (业务类别): tickets of this category carry its prefix letter."""

    __tablename__ = "queue_categories"
    id: Mapped[int] = mapped_column(primary_key=True)
    prefix: Mapped[str] = mapped_column(String(1), unique=True)
    name: Mapped[str] = mapped_column(String(50))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class ServiceItem(Base):
    """A 政务服务事项 of the catalog; days are working days (工作日)."""

    __tablename__ = "service_items"
    id: Mapped[int] = mapped_column(primary_key=True)
    item_code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    department_id: Mapped[int] = mapped_column(ForeignKey("departments.id"))
    category_id: Mapped[int] = mapped_column(ForeignKey("queue_categories.id"))
    kind: Mapped[str] = mapped_column(String(16))  # "instant" | "promised"
    statutory_days: Mapped[int] = mapped_column(Integer)
    promised_days: Mapped[int] = mapped_column(Integer)
    tolerant_accept_allowed: Mapped[bool] = mapped_column(Boolean, default=False)
    fee_cents: Mapped[int] = mapped_column(Integer, default=0)
    legal_basis: Mapped[str] = mapped_column(Text, default="")
    # 实施主体: the body that decides the item (the city, a district); empty when not stated.
    authority: Mapped[str] = mapped_column(String(100), default="", server_default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # Code, name and the name's pinyin initials, lower-case (``domain.pinyin.search_text``),
    # kept in step by ``_search_text`` whenever either is set through the ORM.
    search_text: Mapped[str] = mapped_column(Text, default="", server_default="")

    department: Mapped[Department] = relationship()
    category: Mapped[QueueCategory] = relationship()
    materials: Mapped[list[Material]] = relationship(
        back_populates="item", order_by="Material.sort_order", cascade="all, delete-orphan"
    )

    @validates("item_code", "name")
    def _search_text(self, key: str, value: str) -> str:
        from clerk_app.domain.pinyin import search_text  # loads pypinyin

        code = value if key == "item_code" else self.item_code
        name = value if key == "name" else self.name
        self.search_text = search_text(code or "", name or "")
        return value


class Material(Base):
    """A material an item requires (申请材料): core or non-core, original and/or copy."""

    __tablename__ = "materials"
    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("service_items.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    core: Mapped[bool] = mapped_column(Boolean, default=True)
    form: Mapped[str] = mapped_column(String(20))  # original | copy | original_and_copy
    copies: Mapped[int] = mapped_column(Integer, default=1)
    requirement: Mapped[str] = mapped_column(Text, default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)

    item: Mapped[ServiceItem] = relationship(back_populates="materials")


class Counter(Base):
    """A service window; ``categories`` (in serving order) says which queues it serves."""

    __tablename__ = "counters"
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[int] = mapped_column(Integer, unique=True)
    name: Mapped[str] = mapped_column(String(50))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    paused: Mapped[bool] = mapped_column(Boolean, default=False)
    # Who is logged in at this counter and when its PC last said it is alive.
    clerk_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    last_heartbeat: Mapped[datetime | None] = mapped_column(DateTime)
    current_ticket_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id", use_alter=True))
    # A departmental counter (专窗) belongs to its department; NULL: an integrated counter.
    department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"))

    categories: Mapped[list[CounterCategory]] = relationship(
        order_by="CounterCategory.position", cascade="all, delete-orphan"
    )


class CounterCategory(Base):
    __tablename__ = "counter_categories"
    counter_id: Mapped[int] = mapped_column(ForeignKey("counters.id"), primary_key=True)
    category_id: Mapped[int] = mapped_column(ForeignKey("queue_categories.id"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer)

    category: Mapped[QueueCategory] = relationship()


class User(Base):
    """Staff account; ``role`` is admin, supervisor or clerk. Passwords are argon2 hashes."""

    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(64))
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    # Bumped when the account is disabled or enabled or its password changes: a session signed
    # in under another version has ended (``services.auth.session_check``).
    session_version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # A reviewer's department: the one whose task inbox they work (NULL for other roles).
    department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"))


# The partial indexes' predicates: SQL text, as migrations and the schema store them.
_WAITING = f"status = '{TicketStatus.WAITING}'"
_WAITING_PRIORITY = f"{_WAITING} AND priority <> '{PriorityClass.NORMAL}'"
_WAITING_TRANSFERRED = f"{_WAITING} AND transferred_to_counter IS NOT NULL"
_FINISHED = f"status = '{TicketStatus.FINISHED}'"


class Ticket(Base):
    """A queue ticket (号票): ``A001`` = category prefix + daily sequence. Never deleted.

    ``status``: a ``domain.ticket_status.TicketStatus`` value (waiting → serving → finished |
    no_show; waiting → expired at closing). A transfer puts a serving ticket back to waiting,
    keeping ``queue_position_at``.
    """

    __tablename__ = "tickets"
    __table_args__ = (
        # A number is unique per day; a transfer may change the category, never the number.
        UniqueConstraint("service_date", "number"),
        # The claim (services/queue/calling_pg.py) reads each group of the serve order from an
        # index already in that order (queue_position_at, id), so PostgreSQL never sorts the
        # day's queue.
        # Partial, so they hold only waiting tickets and a call writes nothing to them: the
        # waited-too-long group (oldest across categories; also the expiry of earlier days),
        # walk-ins category by category (also the board's counts), priority, transferred.
        partial_index(
            "ix_tickets_waiting_order",
            "service_date",
            "queue_position_at",
            "id",
            where=_WAITING,
        ),
        partial_index(
            "ix_tickets_waiting_category",
            "service_date",
            "category_id",
            "queue_position_at",
            "id",
            where=_WAITING,
        ),
        partial_index(
            "ix_tickets_waiting_priority",
            "service_date",
            "queue_position_at",
            "id",
            where=_WAITING_PRIORITY,
        ),
        partial_index(
            "ix_tickets_waiting_transferred",
            "service_date",
            "transferred_to_counter",
            "queue_position_at",
            "id",
            where=_WAITING_TRANSFERRED,
        ),
        # The board's recent service times per category (wait estimate): finished tickets only.
        partial_index(
            "ix_tickets_finished",
            "service_date",
            "category_id",
            "finished_at",
            where=_FINISHED,
        ),
        # The daily limit of real-name tickets; anonymous tickets (most) are not in it.
        partial_index(
            "ix_tickets_identity",
            "identity_hash",
            "service_date",
            where="identity_hash IS NOT NULL",
        ),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    service_date: Mapped[date] = mapped_column(Date)  # the hall's local date
    category_id: Mapped[int] = mapped_column(ForeignKey("queue_categories.id"))
    seq: Mapped[int] = mapped_column(Integer)
    number: Mapped[str] = mapped_column(String(8))
    priority: Mapped[str] = mapped_column(String(20), default=PriorityClass.NORMAL.value)
    status: Mapped[str] = mapped_column(String(16), default=TicketStatus.WAITING.value)
    identity_kind: Mapped[str | None] = mapped_column(String(16))
    # A real-name ticket's ID: sealed and its lookup hash, never in clear (persistence/pii.py).
    identity_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    identity_hash: Mapped[str | None] = mapped_column(String(64))
    appointment_id: Mapped[int | None] = mapped_column(ForeignKey("appointments.id"))
    counter_id: Mapped[int | None] = mapped_column(ForeignKey("counters.id"))
    transferred_to_counter: Mapped[int | None] = mapped_column(Integer)
    taken_at: Mapped[datetime] = mapped_column(DateTime)
    queue_position_at: Mapped[datetime] = mapped_column(DateTime)
    called_at: Mapped[datetime | None] = mapped_column(DateTime)
    served_at: Mapped[datetime | None] = mapped_column(DateTime)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime)
    recall_count: Mapped[int] = mapped_column(Integer, default=0)
    printed_count: Mapped[int] = mapped_column(Integer, default=0)
    # SHA-256 of the reprint token handed to the kiosk that issued the ticket: only it may
    # print the ticket again (``services.queue.tickets.reprint``).
    reprint_token_hash: Mapped[str | None] = mapped_column(String(64))

    category: Mapped[QueueCategory] = relationship()


class Appointment(Base):
    """A booked slot (预约); checked in at the kiosk within its window it gets priority."""

    __tablename__ = "appointments"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    category_id: Mapped[int] = mapped_column(ForeignKey("queue_categories.id"))
    applicant_name: Mapped[str] = mapped_column(String(100), default="")
    identity_enc: Mapped[bytes | None] = mapped_column(LargeBinary)  # sealed (persistence/pii.py)
    identity_hash: Mapped[str | None] = mapped_column(String(64))
    slot_start: Mapped[datetime] = mapped_column(DateTime)
    slot_end: Mapped[datetime] = mapped_column(DateTime)
    checked_in_at: Mapped[datetime | None] = mapped_column(DateTime)
    phone: Mapped[str] = mapped_column(String(20), default="", server_default="")
    # online (the booking system's file) | counter | phone
    channel: Mapped[str] = mapped_column(String(16), default="online", server_default="online")
    booked_by: Mapped[str] = mapped_column(String(64), default="", server_default="")
    cancelled_at: Mapped[datetime | None] = mapped_column(DateTime)  # kept, never deleted
    cancel_reason: Mapped[str] = mapped_column(String(200), default="", server_default="")

    category: Mapped[QueueCategory] = relationship()


class CallEvent(Base):
    """Each call or recall, for the hall display and its voice; read by id order."""

    __tablename__ = "call_events"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"))
    ticket_number: Mapped[str] = mapped_column(String(8))
    counter_number: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(8))  # call | recall


class DailySequence(Base):
    """Per-day counters (ticket numbers per category, case serials), bumped atomically."""

    __tablename__ = "daily_sequences"
    scope: Mapped[str] = mapped_column(String(32), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    last_value: Mapped[int] = mapped_column(Integer)


class PiiKeyRecord(Base):
    """A check value of each ID key (persistence/pii.py), never the key: key 0 is the lookup
    key, 1… the sealing keys. A PC whose key file does not match is refused at start."""

    __tablename__ = "pii_keys"
    key_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    purpose: Mapped[str] = mapped_column(String(8))  # lookup | seal
    check_value: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime)


class AuditLog(Base):
    """Every action: who, when, what, before and after."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, index=True)
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(64))
    target: Mapped[str] = mapped_column(String(128), default="")
    before: Mapped[Any | None] = mapped_column(JSON)
    after: Mapped[Any | None] = mapped_column(JSON)
    # The user action the row belongs to, when one action writes several rows and its outcome
    # may have to be looked up after a broken connection (call-next).
    request_id: Mapped[str | None] = mapped_column(String(32))
    # Who acted in which role, at which counter (None: not at a counter, or rows older than
    # the chain), and the hash chain (clerk_app.domain.audit_chain): the row's number, the
    # hash of the row before it and its own SM3 hash over that and its content.
    role: Mapped[str | None] = mapped_column(String(16))
    counter: Mapped[int | None] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


def load_all() -> type[Base]:
    """``Base`` with every table of the hall in its metadata, for what needs the whole schema
    (the migrations' environment, schema comparisons, table-by-table test snapshots).

    The tables a counter does not read to show its window live in modules of their own, mapped
    when their services are first imported (issue 11): ``models_cases`` (cases, their
    materials, prints, the signing keys and the credit list), ``models_journey`` (packages,
    tasks, handovers, notifications, visits), ``models_evaluations`` (好差评 and rectification)
    and ``models_calendar`` (the working-day overrides). No table here refers to theirs, so a
    hall works on these alone until one is needed; each of those modules loads the ones its
    foreign keys name."""
    from clerk_app.persistence import (  # noqa: F401
        models_calendar,
        models_cases,
        models_evaluations,
        models_journey,
    )

    return Base
