"""The case journey's tables: 一件事 packages, department tasks, collection and delivery, the
applicant notification outbox and counted visits (issue 17). Names from shared/GLOSSARY.md."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from clerk_app.persistence.dialects import refresh_partial_predicates
from clerk_app.persistence.models import Base, Material, ServiceItem, partial_index


class Package(Base):
    """一件事: a catalog entry of several items for one life event, with its own promised limit
    (working days, never beyond any item's statutory limit: ``domain.packages``)."""

    __tablename__ = "packages"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    promised_days: Mapped[int] = mapped_column(Integer)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime | None] = mapped_column(DateTime)

    items: Mapped[list[PackageItem]] = relationship(
        order_by="PackageItem.position", cascade="all, delete-orphan"
    )
    shared: Mapped[list[PackageMaterial]] = relationship(
        order_by="PackageMaterial.sort_order", cascade="all, delete-orphan"
    )


class PackageItem(Base):
    """An item of a package, in the order the receipt lists them."""

    __tablename__ = "package_items"
    package_id: Mapped[int] = mapped_column(ForeignKey("packages.id"), primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("service_items.id"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer)

    item: Mapped[ServiceItem] = relationship()


class PackageMaterial(Base):
    """A material the package's items share (申请材料只交一次): checked once at the counter,
    the check applying to each linked item material."""

    __tablename__ = "package_materials"
    id: Mapped[int] = mapped_column(primary_key=True)
    package_id: Mapped[int] = mapped_column(ForeignKey("packages.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)

    links: Mapped[list[PackageMaterialLink]] = relationship(cascade="all, delete-orphan")


class PackageMaterialLink(Base):
    """One item's own material that a shared material stands for."""

    __tablename__ = "package_material_links"
    package_material_id: Mapped[int] = mapped_column(
        ForeignKey("package_materials.id"), primary_key=True
    )
    material_id: Mapped[int] = mapped_column(ForeignKey("materials.id"), primary_key=True)

    material: Mapped[Material] = relationship()


class Task(Base):
    """部门任务: one department's part of an accepted case, worked in that department's inbox.

    One per case and department (``uq_tasks_case_id``): a case is one item, decided by that
    item's department, so a package of five items pushes five tasks, each decided (and, if
    denied, explained) on its own. ``department_id`` is copied from the item at acceptance so a
    later catalog change never moves a task out of the inbox it was pushed to.
    ``state``: a ``domain.task_states.TaskState`` value.
    """

    __tablename__ = "tasks"
    __table_args__ = (
        UniqueConstraint("case_id", "department_id"),
        Index("ix_tasks_department_state", "department_id", "state"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    department_id: Mapped[int] = mapped_column(ForeignKey("departments.id"))
    state: Mapped[str] = mapped_column(String(24))
    due_date: Mapped[date] = mapped_column(Date)  # working days, never after the package's
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime | None] = mapped_column(DateTime)
    taken_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    taken_at: Mapped[datetime | None] = mapped_column(DateTime)
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    decided_at: Mapped[datetime | None] = mapped_column(DateTime)
    reason: Mapped[str] = mapped_column(Text, default="")  # a denial's, or what to supplement
    legal_basis: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1)


class Handover(Base):
    """The result handed over once per case group (``bundle_no``: a package's or one case's
    number): collected at the window (领证) or delivered by post (送达).

    An agent's resident ID is kept masked and as a keyed reference (HMAC with the hall's key),
    never in full: enough to find an agent's collections again, nothing to leak.
    """

    __tablename__ = "handovers"
    id: Mapped[int] = mapped_column(primary_key=True)
    bundle_no: Mapped[str] = mapped_column(String(40), unique=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    method: Mapped[str] = mapped_column(String(8))  # collect | deliver
    collector: Mapped[str] = mapped_column(String(16), default="")  # applicant | agent
    agent_name: Mapped[str] = mapped_column(String(100), default="")
    agent_id_masked: Mapped[str] = mapped_column(String(32), default="")
    agent_id_ref: Mapped[str] = mapped_column(String(64), default="")
    authorisation_letter: Mapped[bool] = mapped_column(Boolean, default=False)
    tracking_no: Mapped[str | None] = mapped_column(String(40), unique=True)
    carrier: Mapped[str] = mapped_column(String(40), default="")
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id"))
    counter_no: Mapped[int | None] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(DateTime)
    by_user: Mapped[str] = mapped_column(String(64))


class Notification(Base):
    """The outbox of notifications (SMS) to applicants, written in the event's transaction.

    ``idempotency_key`` (event + case group) is unique, so an event can never queue the same
    message twice; ``exported_at`` is set when a writer put it into a file for the hall's SMS
    gateway (each line carries the key, so a gateway can drop a file written twice).
    """

    __tablename__ = "notifications"
    __table_args__ = (
        partial_index("ix_notifications_pending", "created_at", "id", where="exported_at IS NULL"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    idempotency_key: Mapped[str] = mapped_column(String(120), unique=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    case_no: Mapped[str] = mapped_column(String(40))
    event: Mapped[str] = mapped_column(String(32))
    recipient: Mapped[str] = mapped_column(String(20))  # a phone number
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    exported_at: Mapped[datetime | None] = mapped_column(DateTime)
    export_file: Mapped[str] = mapped_column(Text, default="")


class CaseVisit(Base):
    """最多跑一次: one visit (a ticket) of the applicant for a case; the second and later ones
    carry why (``reason``: supplement, collect, …), for the supervisor's report."""

    __tablename__ = "case_visits"
    __table_args__ = (UniqueConstraint("case_id", "ticket_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id"))
    at: Mapped[datetime] = mapped_column(DateTime)
    reason: Mapped[str] = mapped_column(String(16))  # accept | supplement | collect | other
    note: Mapped[str] = mapped_column(Text, default="")


# Every journey table refers to cases: the cases' module must be mapped by the first flush
# (it imports this one in turn; both are complete by the time either import returns).
from clerk_app.persistence import models_cases as _models_cases  # noqa: E402, F401

# Tables mapped after a database was opened get its partial-index predicates now.
refresh_partial_predicates(Base)
