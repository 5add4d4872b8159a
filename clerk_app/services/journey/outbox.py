"""The applicant's notifications (SMS): queued in the event's own transaction, exported once.

``queue`` runs inside the caller's unit of work, so a notification exists exactly when its
event committed; its ``idempotency_key`` is unique, so the same event never queues twice.
``export`` writes every pending notification to a new file for the hall's SMS gateway and marks
them in one transaction: the file is complete on disk (written, synced, renamed) before the
marks commit. If that commit fails the next export writes them again; every line carries its
key so the gateway drops a line it has already sent.
"""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk_app.errors import ValidationError
from clerk_app.hall_time import to_local
from clerk_app.persistence.models_cases import Case
from clerk_app.persistence.models_journey import Notification
from clerk_app.services.journey.results import OutboxExport


def queue(s: Session, case: Case, event: str, key: str, text: str, now: datetime) -> bool:
    """Queues ``text`` for the case's contact phone under ``key``; False when there is no
    phone or the key is already queued (nothing is written then)."""
    if not case.contact_phone:
        return False
    if s.scalar(select(Notification.id).where(Notification.idempotency_key == key)) is not None:
        return False
    s.add(
        Notification(
            idempotency_key=key,
            case_id=case.id,
            case_no=case.case_no,
            event=event,
            recipient=case.contact_phone,
            text=text,
            created_at=now,
            exported_at=None,
            export_file="",
        )
    )
    return True


def export(s: Session, path: Path, now: datetime) -> OutboxExport:
    """Writes the pending notifications (oldest first) as JSON lines to the new file ``path``
    and marks them exported; the caller's unit of work commits the marks."""
    if path.exists():
        raise ValidationError(
            f"文件 {path} 已存在，未导出；请换一个文件名。",
            f"The file {path} already exists; nothing was exported. Choose another name.",
        )
    query = select(Notification).where(Notification.exported_at.is_(None))
    if s.get_bind().dialect.name == "postgresql":
        query = query.with_for_update(skip_locked=True)
    rows = s.scalars(query.order_by(Notification.created_at, Notification.id)).all()
    lines = [
        json.dumps(
            {
                "key": n.idempotency_key,
                "phone": n.recipient,
                "text": n.text,
                "case_no": n.case_no,
                "queued_at": to_local(n.created_at).isoformat(timespec="seconds"),
            },
            ensure_ascii=False,
        )
        for n in rows
    ]
    _write_atomically(path, "".join(line + "\n" for line in lines))
    for n in rows:
        n.exported_at, n.export_file = now, str(path)
    return OutboxExport(str(path), len(rows))


def _write_atomically(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".part")
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
