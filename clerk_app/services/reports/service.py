"""Reports for supervisors and administrators: ``StaffSession.reports``.

A report reads the hall in ONE read-only transaction (one snapshot: PostgreSQL REPEATABLE READ
READ ONLY, SQLite's read transaction), so its figures agree with each other, and it never
writes nor takes a lock a counter waits for. What each figure counts is in ``figures``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk_app.domain.evaluation import validate_scores
from clerk_app.domain.roles import Permission
from clerk_app.errors import ValidationError
from clerk_app.hall_time import local_date, to_local
from clerk_app.i18n import pick
from clerk_app.persistence.models import Counter, User
from clerk_app.services.base import Service
from clerk_app.services.reports import assemble, tables
from clerk_app.services.reports import queries as q
from clerk_app.services.reports.results import Progress, Report, ReportSaved
from clerk_app.services.settings import get_setting

FORMATS = (".xlsx", ".pdf")


@dataclass
class _Steps:
    """Counts the steps done and tells ``progress`` (done, total)."""

    total: int
    progress: Progress | None
    done: int = 0

    def __call__(self) -> None:
        self.done += 1
        if self.progress is not None:
            self.progress(self.done, self.total)


class ReportService(Service):
    def build(
        self,
        date_from: date,
        date_to: date,
        *,
        counter: int | None = None,
        clerk: str | None = None,
        progress: Progress | None = None,
    ) -> Report:
        """The figures of the hall-local days ``date_from``..``date_to`` (inclusive), of one
        counter or one clerk (username) if given. ``ValidationError`` for a reversed or future
        range or an unknown counter or clerk; nothing is written either way."""
        self.actor.require(Permission.VIEW_REPORTS)
        steps = _Steps(assemble.LOAD_STEPS + 1, progress)
        return self._build(date_from, date_to, counter, clerk, steps)

    def save(
        self,
        date_from: date,
        date_to: date,
        out: Path,
        *,
        counter: int | None = None,
        clerk: str | None = None,
        progress: Progress | None = None,
    ) -> ReportSaved:
        """Builds the report and writes it to ``out``: an Excel workbook (``.xlsx``) or a PDF
        (``.pdf``), by its suffix; the whole file or nothing. Input is checked before reading."""
        self.actor.require(Permission.VIEW_REPORTS)
        out = Path(out)
        suffix = out.suffix.lower()
        if suffix not in FORMATS:
            raise ValidationError(
                f"报表文件须为 .xlsx 或 .pdf，不能是“{out.name}”。",
                f"The report file must be .xlsx or .pdf, not {out.name!r}.",
            )
        if not out.parent.is_dir():
            raise ValidationError(
                f"输出目录不存在：{out.parent}。", f"The output folder {out.parent} does not exist."
            )
        steps = _Steps(assemble.LOAD_STEPS + 1 + 6 + 1, progress)  # load, sum, 6 tables, write
        report = self._build(date_from, date_to, counter, clerk, steps)
        doc = tables.document(report)
        steps.total = steps.done + len(doc.tables) + 1
        if suffix == ".xlsx":
            from clerk_app.documents.report_xlsx import render_xlsx

            data = render_xlsx(doc, steps)
        else:
            from clerk_app.documents.report_pdf import render_pdf

            data = render_pdf(doc, steps)
        from clerk_app.documents.pdf_file import write_pdf_file  # atomic, for any bytes

        try:
            write_pdf_file(out, data)
        except OSError as e:
            raise ValidationError(
                f"无法写入 {out}：{e.strerror}。", f"Cannot write {out}: {e.strerror}."
            ) from e
        steps()
        return ReportSaved(str(out), suffix[1:], report)

    # --- internals -------------------------------------------------------------------------

    def _build(
        self, first: date, last: date, counter: int | None, clerk: str | None, steps: _Steps
    ) -> Report:
        now = self.clock()
        today = local_date(now)
        _check_range(first, last, today)
        with self.db.read(snapshot=True) as s:  # one snapshot, read-only (PostgreSQL)
            filters = q.Filters(_counter_id(s, counter), _clerk_id(s, clerk))
            names = q.load_names(s)
            hall_name = str(get_setting(s, "hall_name"))
            scores = validate_scores(get_setting(s, "evaluation.scores"))
            loaded = assemble.load(s, first, last, today, names, filters, steps)
        unassigned = pick(*assemble.UNASSIGNED)
        total, breakdowns = assemble.breakdowns(loaded, names, scores, unassigned)
        steps()
        return Report(
            hall_name=hall_name,
            date_from=first,
            date_to=last,
            generated_at=to_local(now),
            counter=counter,
            clerk=clerk,
            total=total,
            breakdowns=breakdowns,
        )


def _check_range(first: date, last: date, today: date) -> None:
    if first > last:
        raise ValidationError(
            f"开始日期 {first.isoformat()} 晚于结束日期 {last.isoformat()}，请交换后重试。",
            f"The start date {first.isoformat()} is after the end date {last.isoformat()}; "
            "swap them.",
        )
    if last > today:
        raise ValidationError(
            f"统计期间不能晚于今天（{today.isoformat()}）：结束日期为 {last.isoformat()}。",
            f"The range cannot reach beyond today ({today.isoformat()}): it ends "
            f"{last.isoformat()}.",
        )


def _counter_id(s: Session, number: int | None) -> int | None:
    if number is None:
        return None
    found = s.scalar(select(Counter.id).where(Counter.number == number))
    if found is None:
        raise ValidationError(f"没有 {number} 号窗口。", f"There is no counter {number}.")
    return int(found)


def _clerk_id(s: Session, username: str | None) -> int | None:
    if username is None:
        return None
    found = s.scalar(select(User.id).where(User.username == username))
    if found is None:
        raise ValidationError(f"没有用户“{username}”。", f"There is no user {username!r}.")
    return int(found)
