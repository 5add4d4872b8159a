"""Optimistic concurrency of cases: every change is ``UPDATE … WHERE version = :seen``."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import update
from sqlalchemy.orm import Session

from clerk_app.domain.numbers import whole_number
from clerk_app.errors import Conflict
from clerk_app.persistence.models_cases import Case


def _stale(case: Case) -> Conflict:
    return Conflict(
        f"办件 {case.case_no} 已被他人修改，未保存本次操作；请刷新后重试。",
        f"Case {case.case_no} was changed by someone else; nothing was saved. Refresh and retry.",
    )


def check_version(case: Case, version: int) -> None:
    """``Conflict`` when the clerk acted on an older version than the one stored."""
    whole_number(version, "办件版本", "case version")
    if case.version != version:
        raise _stale(case)


def bump(s: Session, case: Case, version: int, now: datetime, **values: Any) -> None:
    """``UPDATE cases … WHERE id = :id AND version = :version``; ``Conflict`` if it was changed.

    Run before any other write of the action, so the loser of a race writes nothing at all
    (on PostgreSQL the UPDATE waits for a concurrent writer of the row, then matches nothing).
    """
    check_version(case, version)
    result = s.execute(
        update(Case)
        .where(Case.id == case.id, Case.version == version)
        .values(version=version + 1, updated_at=now, **values)
        .execution_options(synchronize_session=False)
    )
    if getattr(result, "rowcount", 0) != 1:
        raise _stale(case)
    s.refresh(case)
