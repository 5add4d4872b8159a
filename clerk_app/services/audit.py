"""Writes the audit log inside the caller's unit of work (who, when, what, before, after)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from clerk_app.persistence.models import AuditLog


def record(
    session: Session,
    *,
    at: datetime,
    actor: str,
    action: str,
    target: str = "",
    before: Any = None,
    after: Any = None,
) -> None:
    session.add(
        AuditLog(at=at, actor=actor, action=action, target=target, before=before, after=after)
    )
