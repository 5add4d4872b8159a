"""好差评 use cases: the counter's evaluator rates, supervisors rectify, the hall reports.

Each public method is one unit of work with its audit rows, and checks its actor first: the
evaluator (``hall.evaluator(n)``) may only read its own counter and rate the service that just
ended there; supervisors handle bad reviews; the sweep and the export are supervisor actions
that the command line runs as ``system:<user>``. The rules are in ``domain.evaluation``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from clerk_app.domain.evaluation import (
    NOTE_MAX,
    OPEN_RECTIFICATION_STATES,
    Level,
    Rating,
    RectificationAction,
    RectificationFacts,
    RectificationState,
    clean_text,
    default_due,
    may_record_follow_up,
    next_rectification_state,
    satisfaction_rate,
    to_level,
    validate_rating,
)
from clerk_app.domain.numbers import whole_number
from clerk_app.domain.roles import Permission
from clerk_app.errors import NotFound, ValidationError
from clerk_app.hall_time import local_date, to_local, to_utc
from clerk_app.persistence.models import Counter, Ticket, User
from clerk_app.persistence.models_evaluations import (
    Evaluation,
    Rectification,
    RectificationCallback,
)
from clerk_app.services import audit
from clerk_app.services.base import Service
from clerk_app.services.evaluations import export as outbox
from clerk_app.services.evaluations import records
from clerk_app.services.evaluations.records import (
    RECTIFICATION_LOAD,
    add_evaluation,
    already_rated,
    check_ratable,
    evaluation_info,
    not_ratable,
    rectification_info,
    service_cases,
    serving_clerk,
)
from clerk_app.services.evaluations.results import (
    WINDOW_EVALUATOR,
    DefaultsApplied,
    EvaluationInfo,
    EvaluatorView,
    ExportResult,
    OverdueMarked,
    RectificationInfo,
    SatisfactionSummary,
    ServiceToRate,
)
from clerk_app.services.settings import get_setting

_A = RectificationAction


class EvaluationService(Service):
    # --- the evaluator at a counter ------------------------------------------------------------

    def evaluator_view(self, previous_ticket_id: int | None = None) -> EvaluatorView:
        """Who serves at the evaluator's counter, and the service to rate, if one just ended.

        Poll it (≤ 1 s) passing the ticket seen in service last time: once that ticket is no
        longer in service, has finished here, is unrated and ended within the prompt time
        (``evaluation.prompt_seconds``), it is ``to_rate``. Reads rows by key only.
        """
        self.actor.require(Permission.RATE_SERVICE)
        if previous_ticket_id is not None:
            whole_number(previous_ticket_id, "号票编号", "ticket id", low=1)
        now = self.clock()
        with self.db.read() as s:
            counter = self._counter(s)
            clerk = None
            offline_after = timedelta(seconds=int(get_setting(s, "queue.offline_after_seconds")))
            beat = counter.last_heartbeat
            if counter.clerk_id is not None and beat is not None and beat >= now - offline_after:
                clerk = s.get(User, counter.clerk_id)
            serving = (
                s.get(Ticket, counter.current_ticket_id) if counter.current_ticket_id else None
            )
            to_rate = None
            if previous_ticket_id is not None and previous_ticket_id != counter.current_ticket_id:
                to_rate = self._service_to_rate(s, counter, previous_ticket_id, now)
            return EvaluatorView(
                counter_number=counter.number,
                counter_name=counter.name,
                clerk_name=clerk.display_name if clerk is not None else None,
                serving_ticket_id=serving.id if serving is not None else None,
                serving_ticket_number=serving.number if serving is not None else None,
                to_rate=to_rate,
            )

    def rate(
        self, ticket_id: int, level: int, reasons: Iterable[str] = (), comment: str = ""
    ) -> EvaluationInfo:
        """The applicant's rating of the service of ``ticket_id`` that just ended here.

        Refused, with nothing changed: a ticket never served to the end, served at another
        counter, ended longer ago than the prompt time, or already rated. A bad review
        (不满意, 非常不满意) opens its rectification in the same transaction.
        """
        self.actor.require(Permission.RATE_SERVICE)
        rating = validate_rating(level, reasons, comment)
        now = self.clock()
        with self.db.write() as s:
            counter = self._counter(s)
            ticket = s.get(Ticket, ticket_id, with_for_update=True)
            if ticket is None:
                raise NotFound(
                    f"没有编号为 {ticket_id} 的号票。", f"No ticket with id {ticket_id}."
                )
            check_ratable(s, ticket, self._first_ticket_id(s))
            if ticket.counter_id != counter.id:
                raise not_ratable(
                    ticket.number,
                    f"它不是在 {counter.number} 号窗口办理的",
                    f"it was not served at counter {counter.number}",
                )
            assert ticket.finished_at is not None
            if ticket.finished_at < now - records.prompt_window(s):
                raise not_ratable(
                    ticket.number,
                    "服务结束已久，请通过其他渠道评价",
                    "its service ended too long ago; please rate through another channel",
                )
            return self._store(s, ticket, rating, now, self.actor.username)

    # --- the 7-day default ---------------------------------------------------------------------

    def apply_defaults(self) -> DefaultsApplied:
        """Sweep: every service left unrated past the allowed days becomes 基本满意, marked as
        defaulted. Idempotent; run it daily (``clerk evaluations sweep``)."""
        self.actor.require(Permission.HANDLE_EVALUATIONS)
        now = self.clock()
        today = local_date(now)
        with self.db.write() as s:
            days = int(records.settings(s)["evaluation.default_after_days"])
            # default_due(service_day, today, days) <=> service_day < today - days: the same
            # bound in SQL (hall-local midnight of that day), checked again in Python below.
            bound = records.finished_before(today - timedelta(days=days))
            tickets = s.scalars(
                select(Ticket)
                .where(
                    Ticket.status == "finished",
                    Ticket.finished_at < bound,
                    Ticket.counter_id.is_not(None),
                    Ticket.id >= self._first_ticket_id(s),
                    ~select(Evaluation.id).where(Evaluation.ticket_id == Ticket.id).exists(),
                )
                .order_by(Ticket.id)
            ).all()
            rating = Rating(Level.BASICALLY_SATISFIED, (), "")
            done: list[EvaluationInfo] = []
            for ticket in tickets:
                assert ticket.finished_at is not None
                if not default_due(local_date(ticket.finished_at), today, days):
                    continue
                try:
                    done.append(self._store(s, ticket, rating, now, self.actor.username, True))
                except ValidationError:  # rated on another connection a moment ago
                    continue
            return DefaultsApplied(tuple(done))

    # --- supervisors: bad reviews ----------------------------------------------------------------

    def rectifications(self, state: str | None = None, limit: int = 200) -> list[RectificationInfo]:
        """Bad reviews to follow up, oldest first; ``state`` filters (a RectificationState)."""
        self.actor.require(Permission.HANDLE_EVALUATIONS)
        stmt = select(Rectification).options(*RECTIFICATION_LOAD).order_by(Rectification.id)
        if state is not None:
            stmt = stmt.where(Rectification.state == RectificationState(state).value)
        with self.db.read() as s:
            return [rectification_info(r) for r in s.scalars(stmt.limit(limit))]

    def rectification(self, rectification_id: int) -> RectificationInfo:
        self.actor.require(Permission.HANDLE_EVALUATIONS)
        with self.db.read() as s:
            return rectification_info(self._rectification(s, rectification_id, lock=False))

    def start_rectification(self, rectification_id: int) -> RectificationInfo:
        """待整改 → 整改中."""
        return self._act(rectification_id, _A.START)

    def resolve_rectification(self, rectification_id: int, measures: str) -> RectificationInfo:
        """整改中 (or overdue) → 已整改, with the measures taken."""
        self.actor.require(Permission.HANDLE_EVALUATIONS)  # before reading the text
        text = self._note(measures, "整改措施", "measures taken")
        return self._act(rectification_id, _A.RESOLVE, resolution=text)

    def mark_unable(self, rectification_id: int, reason: str) -> RectificationInfo:
        """→ 无法整改, with the reason."""
        self.actor.require(Permission.HANDLE_EVALUATIONS)  # before reading the text
        text = self._note(reason, "无法整改的原因", "reason")
        return self._act(rectification_id, _A.MARK_UNABLE, resolution=text)

    def contest(self, rectification_id: int, reason: str) -> RectificationInfo:
        """Asks that the review be judged invalid; a second supervisor decides."""
        self.actor.require(Permission.HANDLE_EVALUATIONS)  # before reading the text
        text = self._note(reason, "认定无效差评的理由", "reason")
        return self._act(rectification_id, _A.CONTEST, contest_reason=text)

    def approve_contest(self, rectification_id: int, note: str = "") -> RectificationInfo:
        """The second supervisor agrees: the review is invalid (无效差评)."""
        self.actor.require(Permission.HANDLE_EVALUATIONS)  # before reading the text
        text = clean_text(note, NOTE_MAX, what_zh="审核意见", what_en="note")
        return self._act(rectification_id, _A.APPROVE_CONTEST, contest_note=text)

    def reject_contest(self, rectification_id: int, note: str) -> RectificationInfo:
        """The second supervisor disagrees: the rectification goes on."""
        self.actor.require(Permission.HANDLE_EVALUATIONS)  # before reading the text
        text = self._note(note, "驳回理由", "reason for rejecting")
        return self._act(rectification_id, _A.REJECT_CONTEST, contest_note=text)

    def add_callback(
        self,
        rectification_id: int,
        summary: str,
        *,
        reached: bool = True,
        called_at: datetime | None = None,
    ) -> RectificationInfo:
        """Logs a call to the applicant (回访): who (the actor), when (hall-local, default now),
        what was said. Any state; the log only grows."""
        self.actor.require(Permission.HANDLE_EVALUATIONS)
        text = self._note(summary, "回访内容", "summary of the call")
        now = self.clock()
        at = to_utc(called_at) if called_at is not None else now
        if at > now + timedelta(minutes=1):
            raise ValidationError("回访时间不能晚于现在。", "A call cannot be in the future.")
        with self.db.write() as s:
            r = self._rectification(s, rectification_id, lock=True)
            r.callbacks.append(
                RectificationCallback(
                    called_at=at,
                    caller=self.actor.username,
                    caller_name=self.actor.display_name,
                    reached=reached,
                    summary=text,
                    recorded_at=now,
                )
            )
            self._audit(s, r, "rectification_callback", {"reached": reached, "summary": text})
            s.flush()
            return rectification_info(r)

    def record_follow_up(self, rectification_id: int, level: int) -> RectificationInfo:
        """The applicant's follow-up rating (追评), taken on a callback after the rectification
        ended; once. The original rating stays as it was."""
        self.actor.require(Permission.HANDLE_EVALUATIONS)
        lvl = to_level(level)
        with self.db.write() as s:
            r = self._rectification(s, rectification_id, lock=True)
            if not may_record_follow_up(RectificationState(r.state), r.follow_up_level is not None):
                raise ValidationError(
                    "追评只能在整改结束（已整改或无法整改）后记录一次。",
                    "A follow-up rating is recorded once, after the rectification ended.",
                )
            r.follow_up_level, r.follow_up_at = int(lvl), self.clock()
            r.follow_up_by = self.actor.username
            self._audit(s, r, "rectification_follow_up", {"level": int(lvl)})
            return rectification_info(r)

    def mark_overdue_rectifications(self) -> OverdueMarked:
        """Sweep: open rectifications past their deadline become 整改超期; deadlines the calendar
        could not count before are counted now. Idempotent."""
        self.actor.require(Permission.HANDLE_EVALUATIONS)
        now = self.clock()
        today = local_date(now)
        with self.db.write() as s:
            open_rows = s.scalars(
                select(Rectification)
                .where(Rectification.state.in_([st.value for st in OPEN_RECTIFICATION_STATES]))
                .order_by(Rectification.id)
                .with_for_update()
            ).all()
            overdue, filled = [], 0
            for r in open_rows:
                if r.deadline is None:
                    r.deadline = records.rectification_deadline(s, local_date(r.opened_at))
                    filled += r.deadline is not None
                if r.deadline is None or today <= r.deadline:
                    continue
                facts = RectificationFacts(
                    RectificationState(r.state), r.started_at is not None, True, r.contested_by
                )
                r.state = next_rectification_state(facts, _A.EXPIRE, self.actor.username).value
                self._audit(s, r, "rectification_overdue", {"deadline": r.deadline.isoformat()})
                overdue.append(r.id)
            return OverdueMarked(tuple(overdue), filled)

    # --- reading and reporting -----------------------------------------------------------------

    def evaluations(
        self, since: date, until: date | None = None, limit: int = 500
    ) -> list[EvaluationInfo]:
        """Ratings made on the hall-local days ``since``..``until``, newest first."""
        self.actor.require(Permission.HANDLE_EVALUATIONS)
        stmt = (
            select(Evaluation, Rectification.id)
            .outerjoin(Rectification, Rectification.evaluation_id == Evaluation.id)
            .options(selectinload(Evaluation.cases))
            .where(Evaluation.rated_at >= records.finished_before(since))
            .order_by(Evaluation.id.desc())
            .limit(limit)
        )
        if until is not None:
            stmt = stmt.where(
                Evaluation.rated_at < records.finished_before(until + timedelta(days=1))
            )
        with self.db.read() as s:
            return [evaluation_info(e, rid) for e, rid in s.execute(stmt)]

    def satisfaction(self, since: date, until: date) -> SatisfactionSummary:
        """Counts per level and the satisfaction rate (hall's scores) of the days given."""
        self.actor.require(Permission.HANDLE_EVALUATIONS)
        with self.db.read() as s:
            rows = s.execute(
                select(Evaluation.level, Evaluation.defaulted, func.count())
                .where(
                    Evaluation.rated_at >= records.finished_before(since),
                    Evaluation.rated_at < records.finished_before(until + timedelta(days=1)),
                )
                .group_by(Evaluation.level, Evaluation.defaulted)
            ).all()
            scores = records.scores(s)
        counts = dict.fromkeys(Level, 0)
        defaulted = 0
        for level, was_defaulted, n in rows:
            counts[Level(level)] += n
            defaulted += n if was_defaulted else 0
        total = sum(counts.values())
        return SatisfactionSummary(
            since=since,
            until=until,
            counts=tuple(counts.items()),
            total=total,
            bad=counts[Level.DISSATISFIED] + counts[Level.VERY_DISSATISFIED],
            defaulted=defaulted,
            rate=satisfaction_rate(counts, scores),
        )

    def export(self, since: date, out: Path) -> ExportResult | None:
        """Writes every evaluation not yet reported, rated since ``since``, to ``out`` (JSON
        Lines), exactly once across runs that die halfway (``evaluations.export``).

        A batch claimed by an interrupted run is written first, unchanged, whatever ``since``
        says (``recovered``); run again for ratings after it. None: nothing to export.
        """
        self.actor.require(Permission.HANDLE_EVALUATIONS)
        out = Path(out)
        if not out.parent.is_dir():  # refuse before anything is claimed
            raise ValidationError(
                f"输出目录不存在：{out.parent}，未导出。",
                f"The output folder {out.parent} does not exist; nothing was exported.",
            )
        actor = self.actor.username
        with self.db.write() as s:
            batch = outbox.claim_batch(s, since, self.clock(), actor)
        if batch is None:
            return None
        try:
            outbox.write_atomically(out, batch.data)
        except OSError as e:
            raise ValidationError(
                f"无法写入 {out}：{e.strerror}。批次 {batch.batch_no} 保留，下次导出时重写。",
                f"Cannot write {out}: {e.strerror}. Batch {batch.batch_no} is kept and will be "
                "written by the next export.",
            ) from e
        digest = outbox.sha256_of(batch.data)
        with self.db.write() as s:
            outbox.mark_exported(s, batch.id, self.clock(), actor, out, digest)
        return ExportResult(batch.batch_no, batch.record_count, out, digest, batch.recovered)

    # --- internals -------------------------------------------------------------------------------

    def _counter(self, s: Session) -> Counter:
        if self.actor.counter_no is None:
            raise ValidationError(
                "评价器须指定所在窗口。", "The evaluator must be set up for a counter."
            )
        counter = s.scalars(
            select(Counter).where(Counter.number == self.actor.counter_no)
        ).one_or_none()
        if counter is None:
            raise NotFound(
                f"没有 {self.actor.counter_no} 号窗口。", f"No counter {self.actor.counter_no}."
            )
        return counter

    @staticmethod
    def _first_ticket_id(s: Session) -> int:
        return int(records.settings(s)["evaluation.first_ticket_id"])

    def _service_to_rate(
        self, s: Session, counter: Counter, ticket_id: int, now: datetime
    ) -> ServiceToRate | None:
        ticket = s.get(Ticket, ticket_id)
        if (
            ticket is None
            or ticket.status != "finished"
            or ticket.counter_id != counter.id
            or ticket.finished_at is None
            or ticket.finished_at < now - records.prompt_window(s)
            or ticket.id < self._first_ticket_id(s)
            or s.scalar(select(Evaluation.id).where(Evaluation.ticket_id == ticket.id))
        ):
            return None
        clerk = serving_clerk(s, ticket, counter)
        return ServiceToRate(
            ticket_id=ticket.id,
            ticket_number=ticket.number,
            counter_number=counter.number,
            clerk_name=clerk.display_name if clerk is not None else "",
            finished_at=to_local(ticket.finished_at),
            item_names=tuple(item.name for _, item in service_cases(s, ticket.id)),
        )

    @staticmethod
    def _store(
        s: Session,
        ticket: Ticket,
        rating: Rating,
        now: datetime,
        actor: str,
        defaulted: bool = False,
    ) -> EvaluationInfo:
        try:
            with s.begin_nested():
                evaluation = add_evaluation(
                    s,
                    ticket,
                    rating,
                    now=now,
                    rated_by=actor,
                    channel=WINDOW_EVALUATOR,
                    defaulted=defaulted,
                )
        except IntegrityError:
            # Rated at the same moment on another connection (PostgreSQL; SQLite serializes).
            raise already_rated(ticket.number) from None
        rid = s.scalar(select(Rectification.id).where(Rectification.evaluation_id == evaluation.id))
        return evaluation_info(evaluation, rid)

    def _rectification(self, s: Session, rectification_id: int, *, lock: bool) -> Rectification:
        stmt = (
            select(Rectification)
            .options(*RECTIFICATION_LOAD)
            .where(Rectification.id == rectification_id)
        )
        r = s.scalars(stmt.with_for_update(of=Rectification) if lock else stmt).one_or_none()
        if r is None:
            raise NotFound(
                f"没有编号为 {rectification_id} 的差评整改。",
                f"No rectification with id {rectification_id}.",
            )
        return r

    def _act(
        self, rectification_id: int, action: RectificationAction, **text: str
    ) -> RectificationInfo:
        """One supervisor action on one rectification: the pure rule decides the next state."""
        self.actor.require(Permission.HANDLE_EVALUATIONS)
        now = self.clock()
        actor = self.actor.username
        with self.db.write() as s:
            r = self._rectification(s, rectification_id, lock=True)
            facts = RectificationFacts(
                state=RectificationState(r.state),
                started=r.started_at is not None,
                deadline_passed=r.deadline is not None and local_date(now) > r.deadline,
                contested_by=r.contested_by or None,
            )
            before = r.state
            r.state = next_rectification_state(facts, action, actor).value
            if action is _A.START:
                r.started_at, r.started_by = now, actor
            elif action in (_A.RESOLVE, _A.MARK_UNABLE):
                r.closed_at, r.closed_by, r.resolution = now, actor, text["resolution"]
            elif action is _A.CONTEST:
                r.contested_at, r.contested_by = now, actor
                r.contest_reason = text["contest_reason"]
                r.contest_decided_at, r.contest_decided_by = None, ""
                r.contest_decision, r.contest_note = "", ""
            elif action in (_A.APPROVE_CONTEST, _A.REJECT_CONTEST):
                r.contest_decided_at, r.contest_decided_by = now, actor
                r.contest_decision = "approved" if action is _A.APPROVE_CONTEST else "rejected"
                r.contest_note = text["contest_note"]
                if action is _A.APPROVE_CONTEST:
                    r.closed_at, r.closed_by = now, actor
            self._audit(
                s, r, f"rectification_{action.value}", {"state": r.state, **text}, before=before
            )
            s.flush()
            return rectification_info(r)

    def _audit(
        self, s: Session, r: Rectification, action: str, after: dict[str, object], before: str = ""
    ) -> None:
        audit.record(
            s,
            at=self.clock(),
            actor=self.actor.username,
            action=action,
            target=f"rectification:{r.id}",
            before={"state": before} if before else None,
            after=after,
        )

    @staticmethod
    def _note(text: str, what_zh: str, what_en: str) -> str:
        cleaned = clean_text(text, NOTE_MAX, what_zh=what_zh, what_en=what_en)
        if not cleaned:
            raise ValidationError(f"请填写{what_zh}。", f"Please write the {what_en}.")
        return cleaned
