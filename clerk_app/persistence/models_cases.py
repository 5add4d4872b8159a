"""The tables of cases (办件): a case, its materials handed in, every print of its paper, the keys
that sign that paper, and the credit list that decides 容缺 (names from shared/GLOSSARY.md).

Mapped when the case services are first imported, not at a counter's start (``models.load_all``).
A case may belong to a 一件事 package: loading this module loads ``models_journey`` too.
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
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from clerk_app.persistence.dialects import refresh_partial_predicates
from clerk_app.persistence.models import Base, Counter, Material, ServiceItem


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


# ``cases.package_id`` refers to the packages table: it must be in the metadata by the first flush.
from clerk_app.persistence import models_journey as _models_journey  # noqa: E402, F401

# Tables mapped after a database was opened get its partial-index predicates now.
refresh_partial_predicates(Base)
