"""The audit log's hash chain: each row's canonical content, its SM3 link, and the check.

A row's hash is SM3 (GB/T 32905, ``domain.sm3``) over the previous row's hash (hex,
ASCII) followed by the row's canonical content: compact JSON with sorted keys and no ASCII
escaping of ``seq, at, actor, role, counter, action, target, before, after, request_id``;
``at`` as naive UTC ``YYYY-MM-DDTHH:MM:SS.ffffffZ`` (both databases keep microseconds). The
first row links to ``GENESIS``. ``before`` and ``after`` are hashed as the database gives them
back (``normalize_json``: what ``json.dumps`` and ``json.loads`` make of them), so a value
hashes the same when written and when read; NaN and infinities are refused.

``check`` walks rows in sequence order and names the first one that breaks the chain: its
content no longer matches its hash (edited), its ``prev_hash`` is not the hash before it
(inserted, or one before it deleted), or its number skips (deleted). A cut tail leaves a
valid shorter chain; an exported head (``Head``) names the row that must still be there.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from clerk_app.domain.sm3 import sm3_hex

GENESIS = "0" * 64


@dataclass(frozen=True)
class ChainRow:
    """One audit row as stored: its content, its place and its links."""

    id: int
    seq: int | None
    at: datetime
    actor: str
    role: str | None
    counter: int | None
    action: str
    target: str
    before: Any
    after: Any
    request_id: str | None
    prev_hash: str | None
    hash: str | None


@dataclass(frozen=True)
class Head:
    """The last row of the chain (or of a day): what ``clerk audit head`` exports."""

    seq: int
    hash: str


@dataclass(frozen=True)
class BadRow:
    """The first row where the chain breaks, and why (Chinese, English)."""

    seq: int | None
    id: int | None
    reason_zh: str
    reason_en: str


@dataclass(frozen=True)
class ChainReport:
    rows: int
    head: Head | None
    bad: BadRow | None

    @property
    def ok(self) -> bool:
        return self.bad is None


def normalize_json(value: Any) -> Any:
    """What the database returns for a JSON value written now (tuples become lists, keys
    strings); the form that is hashed."""
    if value is None:
        return None
    return json.loads(json.dumps(value, allow_nan=False, ensure_ascii=False))


def utc_text(at: datetime) -> str:
    if at.tzinfo is not None:
        at = at.astimezone(UTC).replace(tzinfo=None)
    return at.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def canonical(
    *,
    seq: int,
    at: datetime,
    actor: str,
    role: str | None,
    counter: int | None,
    action: str,
    target: str,
    before: Any,
    after: Any,
    request_id: str | None,
) -> bytes:
    content = {
        "seq": seq,
        "at": utc_text(at),
        "actor": actor,
        "role": role,
        "counter": counter,
        "action": action,
        "target": target or "",
        "before": normalize_json(before),
        "after": normalize_json(after),
        "request_id": request_id,
    }
    text = json.dumps(
        content, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    )
    return text.encode("utf-8")


def link(prev_hash: str, content: bytes) -> str:
    """SM3 over the previous hash and this row's canonical content, as 64 hex digits."""
    return sm3_hex(prev_hash.encode("ascii"), content)


def row_hash(row: ChainRow, prev_hash: str) -> str:
    assert row.seq is not None
    return link(
        prev_hash,
        canonical(
            seq=row.seq,
            at=row.at,
            actor=row.actor,
            role=row.role,
            counter=row.counter,
            action=row.action,
            target=row.target,
            before=row.before,
            after=row.after,
            request_id=row.request_id,
        ),
    )


def _bad(row: ChainRow, zh: str, en: str) -> BadRow:
    return BadRow(
        row.seq, row.id, f"第 {row.seq} 条（id {row.id}）{zh}", f"Row {row.seq} (id {row.id}) {en}"
    )


def check(rows: Iterable[ChainRow], expected_head: Head | None = None) -> ChainReport:
    """Walks ``rows`` (in ``seq`` order; rows without a number belong at the end) and returns
    the first break, or none. With ``expected_head``, the chain must still hold that row with
    that hash: a chain that ends before it was cut."""
    prev_hash = GENESIS
    prev_seq = 0
    count = 0
    head: Head | None = None
    seen_expected = expected_head is None
    for row in rows:
        count += 1
        if row.seq is None or row.hash is None:
            return ChainReport(
                count,
                head,
                BadRow(
                    None,
                    row.id,
                    f"id {row.id} 的审计记录不在链上（无序号或哈希），可能是伪造插入的。",
                    f"Row id {row.id} is outside the chain (no number or hash): inserted "
                    "behind the log's back.",
                ),
            )
        if row.seq != prev_seq + 1:
            missing = (
                f"{prev_seq + 1}" if row.seq == prev_seq + 2 else f"{prev_seq + 1}–{row.seq - 1}"
            )
            if row.seq <= prev_seq:
                return ChainReport(count, head, _bad(row, "序号重复。", "repeats a number."))
            return ChainReport(
                count,
                head,
                _bad(
                    row,
                    f"之前缺少第 {missing} 条：记录被删除。",
                    f"follows a gap: row {missing} was deleted.",
                ),
            )
        if row.prev_hash != prev_hash:
            return ChainReport(
                count,
                head,
                _bad(
                    row,
                    "与上一条的哈希不衔接：其前有记录被插入、删除或改动。",
                    "does not link to the row before it: a row before it was inserted, "
                    "deleted or rewritten.",
                ),
            )
        if row_hash(row, prev_hash) != row.hash:
            return ChainReport(
                count,
                head,
                _bad(
                    row,
                    "的内容与其哈希不符：记录被改动。",
                    "no longer matches its hash: its content was changed.",
                ),
            )
        if expected_head is not None and row.seq == expected_head.seq:
            if row.hash != expected_head.hash:
                return ChainReport(
                    count,
                    head,
                    _bad(
                        row,
                        "与导出的链头哈希不符：链被改写。",
                        "differs from the exported head: the chain was rewritten.",
                    ),
                )
            seen_expected = True
        prev_hash, prev_seq = row.hash, row.seq
        head = Head(row.seq, row.hash)
    if not seen_expected:
        assert expected_head is not None
        return ChainReport(
            count,
            head,
            BadRow(
                prev_seq + 1,
                None,
                f"审计日志止于第 {prev_seq} 条，而导出的链头为第 {expected_head.seq} 条："
                "末尾的记录被截去。",
                f"The log ends at row {prev_seq} but the exported head is row "
                f"{expected_head.seq}: its tail was cut.",
            ),
        )
    return ChainReport(count, head, None)
