"""The admin's calendar: the working-day overrides of the official holiday notices and the years
declared complete (names from shared/GLOSSARY.md). Mapped when the calendar is first read
(``models.load_all``).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Integer,
    String,
)
from sqlalchemy.orm import Mapped, mapped_column

from clerk_app.persistence.models import Base


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
