"""The credit platform's red and black lists: one entry per row, matched by USCC, list type
and the first day in force (valid from). Broken commitments are the hall's own records, made
by the sweep of 容缺 cases, and are neither imported nor exported here."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk_app.domain.identity import InvalidIdentifier, validate_uscc
from clerk_app.persistence.models_cases import CreditListEntry
from clerk_app.services.imports import values as v
from clerk_app.services.imports.report import ImportReport, Problem, RowProblem
from clerk_app.services.imports.table import Column, SourceRow

C = Column
USCC = C("uscc", "统一社会信用代码", "USCC", aliases=("信用代码", "Unified social credit code"))
NAME = C("enterprise_name", "企业名称", "Enterprise name", aliases=("主体名称", "名称"))
LIST_TYPE = C("list_type", "名单类型", "List type")
REASON = C("reason", "列入原因", "Reason", aliases=("列入事由",))
SOURCE = C("source_department", "认定部门", "Source department", aliases=("列入部门",))
VALID_FROM = C("valid_from", "有效期起", "Valid from", aliases=("列入日期",))
VALID_TO = C("valid_to", "有效期止", "Valid to", required=False, aliases=("有效期至",))
LAYOUT = (USCC, NAME, LIST_TYPE, REASON, SOURCE, VALID_FROM, VALID_TO)

LIST_TYPES = {
    "红名单": "red_list",
    "守信红名单": "red_list",
    "red_list": "red_list",
    "red": "red_list",
    "黑名单": "black_list",
    "失信黑名单": "black_list",
    "black_list": "black_list",
    "black": "black_list",
}
LIST_LABELS = {"red_list": "红名单", "black_list": "黑名单"}

Key = tuple[str, str, date]  # USCC, list type, valid from


@dataclass(frozen=True)
class EntryRow:
    row: int
    uscc: str
    enterprise_name: str
    list_type: str
    reason: str
    source_department: str
    valid_from: date
    valid_to: date | None

    def key(self) -> Key:
        return (self.uscc, self.list_type, self.valid_from)

    def data(self) -> dict[str, Any]:
        return {
            "enterprise_name": self.enterprise_name,
            "reason": self.reason,
            "source_department": self.source_department,
            "valid_to": self.valid_to,
        }


@dataclass
class ParsedCredit:
    entries: dict[Key, EntryRow] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)


def parse(rows: Iterable[SourceRow], headers: dict[str, str], report: ImportReport) -> ParsedCredit:
    parsed = ParsedCredit(headers=headers)
    names: dict[str, tuple[int, str]] = {}  # USCC -> (first row, enterprise name)
    for src in rows:
        try:
            entry = _entry(src)
        except RowProblem as p:
            report.problems.append(Problem(src.number, headers.get(p.column, p.column), p.zh, p.en))
            continue
        problem = _conflict(entry, parsed.entries.get(entry.key()), names.get(entry.uscc))
        if problem is not None:
            report.problems.append(
                Problem(
                    src.number, headers.get(problem.column, problem.column), problem.zh, problem.en
                )
            )
            continue
        parsed.entries.setdefault(entry.key(), entry)  # the same entry twice is one entry
        names.setdefault(entry.uscc, (src.number, entry.enterprise_name))
    return parsed


def _conflict(
    entry: EntryRow, same: EntryRow | None, name: tuple[int, str] | None
) -> RowProblem | None:
    if name is not None and name[1] != entry.enterprise_name:
        return RowProblem(
            f"统一社会信用代码 {entry.uscc} 在第{name[0]}行的企业名称是“{name[1]}”，此处是"
            f"“{entry.enterprise_name}”；同一代码的名称应一致。",
            f"USCC {entry.uscc} is named {name[1]!r} on row {name[0]} but "
            f"{entry.enterprise_name!r} here; one code, one name.",
            NAME.key,
        )
    if same is not None and same.data() != entry.data():
        return RowProblem(
            f"与第{same.row}行是同一条记录（同一代码、名单类型和有效期起），但内容不同。",
            f"The same entry as row {same.row} (code, list type and valid from) with other data.",
            USCC.key,
        )
    return None


def _entry(src: SourceRow) -> EntryRow:
    raw = src.values.get(USCC.key, "")
    if not raw.strip():
        raise RowProblem("请填写统一社会信用代码。", "Fill in the USCC.", USCC.key)
    try:
        uscc = validate_uscc(raw)
    except InvalidIdentifier as e:
        raise RowProblem(e.zh, e.en, USCC.key) from None
    valid_from = v.at(VALID_FROM, v.day, src.values.get(VALID_FROM.key, ""), VALID_FROM)
    valid_to = v.at(VALID_TO, v.day, src.values.get(VALID_TO.key, ""), VALID_TO, required=False)
    if valid_to is not None and valid_to < valid_from:
        raise RowProblem(
            f"有效期止 {valid_to} 早于有效期起 {valid_from}。",
            f"Valid to {valid_to} is before valid from {valid_from}.",
            VALID_TO.key,
        )
    return EntryRow(
        row=src.number,
        uscc=uscc,
        enterprise_name=v.at(
            NAME, v.text, src.values.get(NAME.key, ""), NAME, max_len=200, required=True
        ),
        list_type=v.at(
            LIST_TYPE, v.choice, src.values.get(LIST_TYPE.key, ""), LIST_TYPE, LIST_TYPES
        ),
        reason=v.at(
            REASON,
            v.text,
            src.values.get(REASON.key, ""),
            REASON,
            max_len=v.LONG_TEXT,
            required=True,
            lines=True,
        ),
        source_department=v.at(SOURCE, v.text, src.values.get(SOURCE.key, ""), SOURCE, max_len=100),
        valid_from=valid_from,
        valid_to=valid_to,
    )


@dataclass
class CreditChanges:
    added: list[str] = field(default_factory=list)
    updated: dict[str, dict[str, Any]] = field(default_factory=dict)
    unchanged: int = 0


def sync(
    s: Session,
    parsed: ParsedCredit,
    report: ImportReport,
    *,
    apply: bool,
    actor: str,
    now: datetime,
) -> CreditChanges:
    changes = CreditChanges()
    usccs = sorted({k[0] for k in parsed.entries})
    existing: dict[Key, CreditListEntry] = {}
    for start in range(0, len(usccs), 500):
        for e in s.scalars(
            select(CreditListEntry).where(CreditListEntry.uscc.in_(usccs[start : start + 500]))
        ):
            existing.setdefault((e.uscc, e.list_type, e.valid_from), e)
    for key, entry in parsed.entries.items():
        label = f"credit:{key[0]}:{key[1]}:{key[2].isoformat()}"
        current = existing.get(key)
        if current is None:
            changes.added.append(label)
            if apply:
                s.add(
                    CreditListEntry(
                        uscc=entry.uscc,
                        list_type=entry.list_type,
                        valid_from=entry.valid_from,
                        repaired=False,
                        created_at=now,
                        created_by=actor,
                        **entry.data(),
                    )
                )
            continue
        diff = {
            k: [_plain(getattr(current, k)), _plain(val)]
            for k, val in entry.data().items()
            if getattr(current, k) != val
        }
        if not diff:
            changes.unchanged += 1
            continue
        changes.updated[label] = diff
        if apply:
            for k, val in entry.data().items():
                setattr(current, k, val)
    return changes


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def export_rows(s: Session) -> list[list[Any]]:
    out: list[list[Any]] = [[c.zh for c in LAYOUT]]
    for e in s.scalars(
        select(CreditListEntry)
        .where(CreditListEntry.list_type.in_(list(LIST_LABELS)))
        .order_by(
            CreditListEntry.uscc,
            CreditListEntry.list_type,
            CreditListEntry.valid_from,
            CreditListEntry.id,
        )
    ):
        out.append(
            [
                e.uscc,
                e.enterprise_name,
                LIST_LABELS[e.list_type],
                e.reason,
                e.source_department,
                e.valid_from.isoformat(),
                e.valid_to.isoformat() if e.valid_to else "",
            ]
        )
    return out
