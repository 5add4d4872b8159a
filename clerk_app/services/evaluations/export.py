"""The outbox of evaluations reported to the province: each rating in exactly one file.

Protocol (``EvaluationService.export``), safe against a run that dies at any point:

1. **Claim**, one transaction: if a batch was claimed but never marked exported (a run died),
   take that batch again, unchanged; else make a new batch and put every evaluation not yet in
   a batch and rated since the given day into it. Nothing to claim: no batch, no file.
2. **Write** the batch's file atomically: a temporary file in the same folder, fsync, rename
   over the target, fsync the folder. A reader never sees half a file.
3. **Mark** the batch exported, one transaction (with its audit row).

A run killed after 1 or 2 leaves the batch claimed and unmarked; the next run writes the same
batch (same ``batch_no``, same records, same bytes) and marks it. No evaluation is ever in two
batches, and a marked batch is never written again. Two runs at the very same moment may
both write the one unfinished batch (to their own files); ``batch_no`` and ``record_id`` let
the receiver drop the copy.

**File format: JSON Lines**, UTF-8 without BOM, one evaluation per line (``\\n``), keys in the
order below. JSON rather than CSV because a service may have several cases (a list), and a
comment may hold commas and quotes. The elements follow GB/T 39735-2020's evaluation record:
who was evaluated (hall, window, clerk, items and case numbers), the channel, the level of
five, the reasons and comment, and when.

=================  ==========================================================================
``record_id``      ``<hall_code>-<evaluation id>``: unique and stable; the receiver's key
``batch_no``       ``<hall_code>-EV-<batch id, 6 digits>``
``hall_code``      the hall's code (hall setting ``hall_code``); ``hall_name`` its name
``window_no``      the counter (窗口) number
``clerk_account``  the clerk's user name; ``clerk_name`` the clerk's name
``ticket_no``      the queue ticket (号票) of the service; ``service_date`` its day
``items``          one object per case: ``item_code`` (事项编码), ``item_name``, ``case_no``
                   (办件编号), ``item_kind`` ``instant`` (即办件) | ``promised`` (承诺件),
                   ``item_kind_name``; empty when the visit decided no case
``channel``        ``window_evaluator`` (窗口评价器); ``channel_name`` in Chinese
``level``          1 非常满意, 2 满意, 3 基本满意, 4 不满意, 5 非常不满意; ``level_name``
``reasons``        codes (``long_wait``, ``poor_attitude``, ``unclear_notice``,
                   ``slow_service``, ``other``); ``reason_names`` in Chinese
``comment``        the applicant's comment (one line, at most 200 characters)
``defaulted``      true: not rated within the days allowed, counted as 基本满意
``served_at``      ISO 8601 with the hall's offset (+08:00); also ``finished_at``,
                   ``rated_at``
=================  ==========================================================================
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session, selectinload

from clerk_app.domain.evaluation import Level, Reason, level_labels, reason_labels
from clerk_app.errors import ClerkError
from clerk_app.hall_time import to_local
from clerk_app.persistence.models_evaluations import Evaluation, EvaluationExport
from clerk_app.services import audit
from clerk_app.services.evaluations.records import finished_before
from clerk_app.services.evaluations.results import WINDOW_EVALUATOR
from clerk_app.services.settings import get_setting

_KIND_NAMES = {"instant": "即办件", "promised": "承诺件"}
_CHANNEL_NAMES = {WINDOW_EVALUATOR: "窗口评价器"}


@dataclass(frozen=True)
class ClaimedBatch:
    id: int
    batch_no: str
    data: bytes  # the file's content
    record_count: int
    recovered: bool


def claim_batch(s: Session, since: date, now: datetime, actor: str) -> ClaimedBatch | None:
    """Step 1: the unfinished batch of an earlier run, or a new one; None if nothing to do."""
    batch = s.scalars(
        select(EvaluationExport)
        .where(EvaluationExport.exported_at.is_(None))
        .order_by(EvaluationExport.id)
        .limit(1)
        .with_for_update()
    ).first()
    recovered = batch is not None
    if batch is None:
        pending = select(Evaluation.id).where(
            Evaluation.export_id.is_(None), Evaluation.rated_at >= finished_before(since)
        )
        if s.scalars(pending.limit(1)).first() is None:
            return None
        hall_code = str(get_setting(s, "hall_code"))
        batch = EvaluationExport(
            batch_no="", since=since, claimed_at=now, claimed_by=actor, record_count=0
        )
        s.add(batch)
        s.flush()
        batch.batch_no = f"{hall_code}-EV-{batch.id:06d}"
        # Only rows still unclaimed: on PostgreSQL a concurrent claim's rows are skipped once
        # it commits (the WHERE is checked again after the row lock), so no row joins two.
        claimed = s.execute(
            update(Evaluation)
            .where(Evaluation.export_id.is_(None), Evaluation.rated_at >= finished_before(since))
            .values(export_id=batch.id)
            .execution_options(synchronize_session=False)
        )
        batch.record_count = int(getattr(claimed, "rowcount", 0) or 0)
        audit.record(
            s,
            at=now,
            actor=actor,
            action="evaluations_export_claimed",
            target=f"evaluation_export:{batch.batch_no}",
            after={"since": since.isoformat(), "records": batch.record_count},
        )
    data = encode(batch_records(s, batch))
    return ClaimedBatch(batch.id, batch.batch_no, data, batch.record_count, recovered)


def batch_records(s: Session, batch: EvaluationExport) -> list[dict[str, Any]]:
    hall_code = str(get_setting(s, "hall_code"))
    hall_name = str(get_setting(s, "hall_name"))
    rows = s.scalars(
        select(Evaluation)
        .options(selectinload(Evaluation.cases))
        .where(Evaluation.export_id == batch.id)
        .order_by(Evaluation.id)
    )
    return [record(e, batch.batch_no, hall_code, hall_name) for e in rows]


def _iso(at: datetime | None) -> str | None:
    return to_local(at).isoformat(timespec="seconds") + "+08:00" if at is not None else None


def record(e: Evaluation, batch_no: str, hall_code: str, hall_name: str) -> dict[str, Any]:
    """One evaluation as the province receives it (see the module docstring)."""
    reasons = [Reason(r) for r in e.reasons]
    return {
        "record_id": f"{hall_code}-{e.id}",
        "batch_no": batch_no,
        "hall_code": hall_code,
        "hall_name": hall_name,
        "window_no": e.counter_number,
        "clerk_account": e.clerk_username,
        "clerk_name": e.clerk_name,
        "ticket_no": e.ticket_number,
        "service_date": e.service_date.isoformat(),
        "items": [
            {
                "item_code": c.item_code,
                "item_name": c.item_name,
                "case_no": c.case_no,
                "item_kind": c.item_kind,
                "item_kind_name": _KIND_NAMES.get(c.item_kind, c.item_kind),
            }
            for c in e.cases
        ],
        "channel": e.channel,
        "channel_name": _CHANNEL_NAMES.get(e.channel, e.channel),
        "level": e.level,
        "level_name": level_labels(Level(e.level))[0],
        "reasons": [r.value for r in reasons],
        "reason_names": [reason_labels(r)[0] for r in reasons],
        "comment": e.comment,
        "defaulted": e.defaulted,
        "served_at": _iso(e.served_at),
        "finished_at": _iso(e.finished_at),
        "rated_at": _iso(e.rated_at),
    }


def encode(records: list[dict[str, Any]]) -> bytes:
    lines = (json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n" for r in records)
    return "".join(lines).encode("utf-8")


def write_atomically(path: Path, data: bytes) -> None:
    """Step 2: ``data`` at ``path`` whole or not at all, and durable before step 3."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    if hasattr(os, "O_DIRECTORY"):  # the rename itself survives a power cut (POSIX)
        dir_fd = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def mark_exported(
    s: Session, batch_id: int, now: datetime, actor: str, path: Path, sha256: str
) -> None:
    """Step 3: the batch is done; marking twice changes nothing the second time."""
    batch = s.get(EvaluationExport, batch_id, with_for_update=True)
    if batch is None:
        raise ClerkError(f"没有导出批次 {batch_id}。", f"No export batch {batch_id}.")
    if batch.exported_at is not None:
        return
    batch.exported_at, batch.exported_by = now, actor
    batch.out_path, batch.sha256 = str(path), sha256
    audit.record(
        s,
        at=now,
        actor=actor,
        action="evaluations_exported",
        target=f"evaluation_export:{batch.batch_no}",
        after={"records": batch.record_count, "path": str(path), "sha256": sha256},
    )


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
