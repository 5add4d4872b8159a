"""The tables of 好差评: the ratings, the cases of each rated service, the batches reported to the
province and the rectification of bad reviews with its call-backs (names from shared/GLOSSARY.md).

Mapped when the evaluation services are first imported (``models.load_all``).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from clerk_app.persistence import models_cases as _models_cases  # noqa: F401  (FK: cases)
from clerk_app.persistence.dialects import refresh_partial_predicates
from clerk_app.persistence.models import Base, partial_index


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


# Tables mapped after a database was opened get its partial-index predicates now.
refresh_partial_predicates(Base)
