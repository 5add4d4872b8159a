"""The hall's tables as SQLAlchemy 2 typed models (names from shared/GLOSSARY.md).

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


class SigningKey(Base):
    """A key of the documents' QR signatures (HMAC), by id; the newest signs, all verify.

    Its own table, not a hall setting: on PostgreSQL the kiosk's and the display's database
    roles have no grant on it (``resources/db_roles.sql``), so a kiosk PC cannot sign paper.
    Never printed, logged or put in an audit row. ``clerk keys rotate`` adds the next one.
    """

    __tablename__ = "signing_keys"
    key_id: Mapped[str] = mapped_column(String(8), primary_key=True)
    secret: Mapped[str] = mapped_column(String(128))
    created_at: Mapped[datetime] = mapped_column(DateTime)


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


class Case(Base):
    """An application (办件) from acceptance to delivery; filled by the acceptance feature."""

    __tablename__ = "cases"
    # The case lists read newest first (``services.cases.queries``) from this index, not a sort
    # of every case of the hall (348 -> 27 ms for 500 of 200,000 in bench_case_list.py).
    __table_args__ = (Index("ix_cases_created_at_id", "created_at", "id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    case_no: Mapped[str] = mapped_column(String(40), unique=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("service_items.id"))
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id"), index=True)
    counter_id: Mapped[int | None] = mapped_column(ForeignKey("counters.id"))
    clerk_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    # 一件事: the cases of one bundle share the case number of its first case.
    bundle_no: Mapped[str | None] = mapped_column(String(40), index=True)
    applicant_name: Mapped[str] = mapped_column(String(200))
    applicant_id_kind: Mapped[str] = mapped_column(String(16))  # resident_id | uscc
    # The applicant's ID (a USCC too, to keep one rule) sealed, and its lookup hash
    # (persistence/pii.py): never in clear; search and visit counts use the hash.
    applicant_id_enc: Mapped[bytes] = mapped_column(LargeBinary)
    applicant_id_hash: Mapped[str] = mapped_column(String(64), index=True)
    legal_representative: Mapped[str] = mapped_column(String(100), default="")
    agent_name: Mapped[str] = mapped_column(String(100), default="")
    # The agent's resident ID, sealed, and its lookup hash.
    agent_id_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    agent_id_hash: Mapped[str | None] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(24), index=True)
    accepted_on: Mapped[date | None] = mapped_column(Date)  # hall-local date of the decision
    due_date: Mapped[date | None] = mapped_column(Date)  # promised limit, in working days
    supplement_due: Mapped[date | None] = mapped_column(Date)
    commitment_signed: Mapped[bool] = mapped_column(Boolean, default=False)  # 容缺受理承诺书
    # 不予受理 / 不予办结: why, on which legal basis, and who is competent instead.
    decision_reason: Mapped[str] = mapped_column(Text, default="")
    decision_basis: Mapped[str] = mapped_column(Text, default="")
    competent_body: Mapped[str] = mapped_column(String(200), default="")
    permit_no: Mapped[str | None] = mapped_column(String(64), unique=True)
    # What an instant permit states (临时占用城市道路: location, area, period …); string values.
    permit_details: Mapped[dict[str, str] | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime | None] = mapped_column(DateTime)
    # Optimistic concurrency: every change is UPDATE … WHERE version = <the version seen>.
    version: Mapped[int] = mapped_column(Integer, default=1)
    # 一件事: the package the case was accepted in (its cases share ``bundle_no``) and the
    # package's due date as promised on its receipt (working days of the package's limit).
    package_id: Mapped[int | None] = mapped_column(ForeignKey("packages.id"), index=True)
    package_due: Mapped[date | None] = mapped_column(Date)
    # 通办: the hall that accepted the case and the body that decides it (the item's 实施主体
    # when accepted; empty when the catalog does not say).
    receiving_hall: Mapped[str] = mapped_column(String(100), default="", server_default="")
    authority: Mapped[str] = mapped_column(String(100), default="", server_default="")
    # Where the applicant's notifications (SMS) go; empty: none are sent.
    contact_phone: Mapped[str] = mapped_column(String(20), default="", server_default="")

    item: Mapped[ServiceItem] = relationship()
    counter: Mapped[Counter | None] = relationship()
    submissions: Mapped[list[Submission]] = relationship(
        order_by="Submission.id", cascade="all, delete-orphan"
    )


class Submission(Base):
    """A material handed in (or missing) for a case."""

    __tablename__ = "submissions"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    material_id: Mapped[int] = mapped_column(ForeignKey("materials.id"))
    status: Mapped[str] = mapped_column(String(16))  # received | missing | wrong | supplemented
    note: Mapped[str] = mapped_column(Text, default="")
    received_at: Mapped[datetime | None] = mapped_column(DateTime)
    # What the status was before it became "supplemented" (missing | wrong), for the file.
    initial_status: Mapped[str] = mapped_column(String(16), default="")

    material: Mapped[Material] = relationship()


class PrintedDocument(Base):
    """Every print of a document (首次打印 and 补打), with the snapshot that redraws it exactly.

    ``content`` is the JSON snapshot of the ``PaperDocument``; ``content_sha256`` hashes its
    substance (everything but the issue date, the signed QR payload, the reprint mark and the
    hall header), so a changed case issues a new original. A reprint row points to its original.
    """

    __tablename__ = "printed_documents"
    __table_args__ = (Index("ix_printed_documents_case_kind", "case_id", "kind"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    case_no: Mapped[str] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(16))  # a DocumentKind value
    title: Mapped[str] = mapped_column(String(100))
    issued_on: Mapped[date] = mapped_column(Date)  # the hall-local date printed on the paper
    printed_at: Mapped[datetime] = mapped_column(DateTime)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    printed_by: Mapped[str] = mapped_column(String(64))
    counter_no: Mapped[int | None] = mapped_column(Integer)
    reprint: Mapped[bool] = mapped_column(Boolean, default=False)
    reprint_of: Mapped[int | None] = mapped_column(ForeignKey("printed_documents.id"))
    content: Mapped[Any] = mapped_column(JSON)
    content_sha256: Mapped[str] = mapped_column(String(64))
    pdf_sha256: Mapped[str] = mapped_column(String(64))


class CreditListEntry(Base):
    """An entry of the credit red/black list, keyed by USCC; filled by the acceptance feature."""

    __tablename__ = "credit_list_entries"
    id: Mapped[int] = mapped_column(primary_key=True)
    uscc: Mapped[str] = mapped_column(String(18), index=True)
    list_type: Mapped[str] = mapped_column(String(24))  # red_list | black_list | broken_commitment
    reason: Mapped[str] = mapped_column(Text, default="")
    source_department: Mapped[str] = mapped_column(String(100), default="")
    valid_from: Mapped[date] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)  # last day in force (inclusive)
    repaired: Mapped[bool] = mapped_column(Boolean, default=False)
    enterprise_name: Mapped[str] = mapped_column(String(200), default="")
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"))  # a broken commitment's
    created_at: Mapped[datetime | None] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(64), default="")
    repaired_at: Mapped[datetime | None] = mapped_column(DateTime)
    repair_note: Mapped[str] = mapped_column(Text, default="")
    # The admin ended the entry (失效): from this day on it no longer counts; the row is kept.
    expired_on: Mapped[date | None] = mapped_column(Date)
    expire_reason: Mapped[str] = mapped_column(Text, default="", server_default="")


class EvaluationExport(Base):
    """A batch of evaluations reported to the province (the outbox), claimed then marked.

    ``exported_at`` is NULL while the batch is claimed but its file not yet confirmed written:
    the next export writes the same batch again instead of claiming a new one.
    """

    __tablename__ = "evaluation_exports"
    id: Mapped[int] = mapped_column(primary_key=True)
    batch_no: Mapped[str] = mapped_column(String(40), unique=True)
    since: Mapped[date] = mapped_column(Date)  # hall-local day the claimed ratings start from
    claimed_at: Mapped[datetime] = mapped_column(DateTime)
    claimed_by: Mapped[str] = mapped_column(String(64))
    record_count: Mapped[int] = mapped_column(Integer)
    exported_at: Mapped[datetime | None] = mapped_column(DateTime)
    exported_by: Mapped[str] = mapped_column(String(64), default="")
    out_path: Mapped[str] = mapped_column(Text, default="")
    sha256: Mapped[str] = mapped_column(String(64), default="")


class Evaluation(Base):
    """A 好差评 rating of one service (a ticket served at a counter): at most one per ticket.

    What the province needs is copied here when the rating is made (clerk, counter, the
    service's cases in ``EvaluationCase``), so a later rename or transfer never changes a
    record already rated or reported. ``level`` 1 非常满意 … 5 非常不满意; ``defaulted`` marks a
    service left unrated that counts as 基本满意 (``domain.evaluation``).
    """

    __tablename__ = "evaluations"
    __table_args__ = (
        # The export claims what is not yet in a batch, by rating time.
        partial_index(
            "ix_evaluations_unexported",
            "rated_at",
            where="export_id IS NULL",
        ),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"), unique=True)
    ticket_number: Mapped[str] = mapped_column(String(8))
    service_date: Mapped[date] = mapped_column(Date)
    counter_number: Mapped[int] = mapped_column(Integer, index=True)
    clerk_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    clerk_username: Mapped[str] = mapped_column(String(64), default="")
    clerk_name: Mapped[str] = mapped_column(String(64), default="")
    level: Mapped[int] = mapped_column(Integer)
    reasons: Mapped[list[str]] = mapped_column(JSON)  # ``domain.evaluation.Reason`` values
    comment: Mapped[str] = mapped_column(Text, default="")
    channel: Mapped[str] = mapped_column(String(32))  # window_evaluator
    defaulted: Mapped[bool] = mapped_column(Boolean, default=False)
    served_at: Mapped[datetime | None] = mapped_column(DateTime)
    finished_at: Mapped[datetime] = mapped_column(DateTime)
    rated_at: Mapped[datetime] = mapped_column(DateTime)
    rated_by: Mapped[str] = mapped_column(String(64))
    export_id: Mapped[int | None] = mapped_column(ForeignKey("evaluation_exports.id"), index=True)

    cases: Mapped[list[EvaluationCase]] = relationship(
        order_by="EvaluationCase.id", cascade="all, delete-orphan"
    )


class EvaluationCase(Base):
    """A case (办件) of a rated service, as it was when rated: case number, item, kind."""

    __tablename__ = "evaluation_cases"
    id: Mapped[int] = mapped_column(primary_key=True)
    evaluation_id: Mapped[int] = mapped_column(ForeignKey("evaluations.id"), index=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    case_no: Mapped[str] = mapped_column(String(40))
    item_code: Mapped[str] = mapped_column(String(64))
    item_name: Mapped[str] = mapped_column(String(200))
    item_kind: Mapped[str] = mapped_column(String(16))  # instant | promised


class Rectification(Base):
    """差评整改: the follow-up of one bad review (``domain.evaluation`` has the states).

    ``deadline`` is a hall-local date in working days; NULL while the calendar does not cover
    it yet (the sweep fills it in once the admin entered the year).
    """

    __tablename__ = "rectifications"
    id: Mapped[int] = mapped_column(primary_key=True)
    evaluation_id: Mapped[int] = mapped_column(ForeignKey("evaluations.id"), unique=True)
    state: Mapped[str] = mapped_column(String(16), index=True)
    opened_at: Mapped[datetime] = mapped_column(DateTime)
    deadline: Mapped[date | None] = mapped_column(Date)
    started_at: Mapped[datetime | None] = mapped_column(DateTime)
    started_by: Mapped[str] = mapped_column(String(64), default="")
    closed_at: Mapped[datetime | None] = mapped_column(DateTime)
    closed_by: Mapped[str] = mapped_column(String(64), default="")
    resolution: Mapped[str] = mapped_column(Text, default="")  # measures, or why impossible
    contested_at: Mapped[datetime | None] = mapped_column(DateTime)
    contested_by: Mapped[str] = mapped_column(String(64), default="")
    contest_reason: Mapped[str] = mapped_column(Text, default="")
    contest_decided_at: Mapped[datetime | None] = mapped_column(DateTime)
    contest_decided_by: Mapped[str] = mapped_column(String(64), default="")
    contest_decision: Mapped[str] = mapped_column(String(16), default="")  # approved | rejected
    contest_note: Mapped[str] = mapped_column(Text, default="")
    follow_up_level: Mapped[int | None] = mapped_column(Integer)
    follow_up_at: Mapped[datetime | None] = mapped_column(DateTime)
    follow_up_by: Mapped[str] = mapped_column(String(64), default="")

    evaluation: Mapped[Evaluation] = relationship()
    callbacks: Mapped[list[RectificationCallback]] = relationship(
        order_by="RectificationCallback.id", cascade="all, delete-orphan"
    )


class RectificationCallback(Base):
    """回访: one call to the applicant about a bad review — who called, when, what was said."""

    __tablename__ = "rectification_callbacks"
    id: Mapped[int] = mapped_column(primary_key=True)
    rectification_id: Mapped[int] = mapped_column(ForeignKey("rectifications.id"), index=True)
    called_at: Mapped[datetime] = mapped_column(DateTime)
    caller: Mapped[str] = mapped_column(String(64))  # the username who recorded the call
    caller_name: Mapped[str] = mapped_column(String(64))
    reached: Mapped[bool] = mapped_column(Boolean, default=True)
    summary: Mapped[str] = mapped_column(Text)
    recorded_at: Mapped[datetime] = mapped_column(DateTime)


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


class WorkdayOverride(Base):
    """One day of the admin's working-day override table (工作日调整表).

    ``is_workday`` True: a make-up working day (调休上班); False: a day off (放假).
    """

    __tablename__ = "workday_overrides"
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    is_workday: Mapped[bool] = mapped_column(Boolean)
    note: Mapped[str] = mapped_column(String(200), default="")


class CalendarYear(Base):
    """A year whose holiday notice the admin declared fully entered into the override table."""

    __tablename__ = "calendar_years"
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    complete: Mapped[bool] = mapped_column(Boolean, default=False)
    declared_by: Mapped[str] = mapped_column(String(64), default="")
    declared_at: Mapped[datetime | None] = mapped_column(DateTime)


# The journey's tables (packages, tasks, handovers, notifications, visits) live in their own
# module; importing it here puts them in ``Base.metadata`` wherever the models are loaded.
from clerk_app.persistence import models_journey as _models_journey  # noqa: E402, F401
