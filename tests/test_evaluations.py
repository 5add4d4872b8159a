"""好差评 as services on SQLite and PostgreSQL: the evaluator rates the service that just ended
at its counter, once; the 7-day default; rectification of bad reviews with a second supervisor."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from clerk_app.api import Hall
from clerk_app.domain.evaluation import Level, Reason, RectificationState
from clerk_app.errors import NotFound, PermissionDenied, ValidationError
from clerk_app.i18n import set_language
from clerk_app.persistence.models import AuditLog, HallSetting
from clerk_app.persistence.models_evaluations import Evaluation, Rectification
from clerk_app.services.evaluations.results import EvaluationInfo
from tests.support.acceptance import FOOD, ROAD, SETUP, MovableClock, at, clerk
from tests.support.calendar import MAKEUP_2027, NOTICE_2027
from tests.support.evaluations import serve

S = RectificationState


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    set_language("en")
    yield
    set_language("zh_CN")


@pytest.fixture
def clock() -> MovableClock:
    return MovableClock()  # Thursday 26 November 2026, 10:00 in the hall


@pytest.fixture
def desk(hall: Hall, clock: MovableClock) -> Hall:
    return at(hall, clock)


def rows(hall: Hall) -> tuple[int, int, int]:
    """Evaluations, rectifications and audit rows: what any rating would add."""
    with hall.db.read() as s:
        return (
            s.scalar(select(func.count()).select_from(Evaluation)) or 0,
            s.scalar(select(func.count()).select_from(Rectification)) or 0,
            s.scalar(select(func.count()).select_from(AuditLog)) or 0,
        )


def second_supervisor(hall: Hall) -> None:
    hall.system().admin.add_user("supervisor2", "陈值班", "supervisor", "second-pass-1")


# --- rating at the counter ----------------------------------------------------------------------


def test_a_rating_is_tied_to_the_ticket_clerk_counter_and_cases(
    desk: Hall, clock: MovableClock
) -> None:
    ticket = serve(desk, 3, promised=(FOOD, SETUP), instant=(ROAD,))
    clock.now += timedelta(seconds=20)
    rated = desk.evaluator(3).evaluations.rate(ticket.id, 2, [], " 办事很快 ")

    assert (rated.ticket_id, rated.ticket_number, rated.counter_number) == (ticket.id, "A001", 3)
    assert (rated.clerk_username, rated.clerk_name) == (
        "clerk03",
        clerk(desk, 3).actor.display_name,
    )
    assert (rated.level, rated.reasons, rated.comment) == (Level.SATISFIED, (), "办事很快")
    assert rated.channel == "window_evaluator" and not rated.defaulted
    assert rated.service_date == date(2026, 11, 26)
    assert rated.rated_at == datetime(2026, 11, 26, 10, 0, 20)
    cases = clerk(desk, 3).cases.cases_for_ticket(ticket.id)
    assert [(c.case_no, c.item_code, c.item_kind) for c in rated.cases] == [
        (c.case_no, c.item_code, c.item_kind) for c in cases
    ]
    assert [c.item_kind for c in rated.cases] == ["promised", "promised", "instant"]
    assert rated.rectification_id is None
    with desk.db.read() as s:
        logged = s.scalars(select(AuditLog).where(AuditLog.action == "evaluation_rated")).one()
        assert (logged.actor, logged.target) == ("evaluator:3", f"ticket:{ticket.id}")
        assert logged.after["level"] == 2


def test_the_evaluator_follows_its_counter_and_asks_once_the_service_ended(desk: Hall) -> None:
    evaluator = desk.evaluator(5).evaluations
    idle = evaluator.evaluator_view()
    assert (idle.counter_number, idle.serving_ticket_number, idle.to_rate) == (5, None, None)
    assert idle.clerk_name is None  # nobody signed in at counter 5 yet

    ticket = serve(desk, 5, promised=(FOOD,), finish=False)
    serving = evaluator.evaluator_view()
    assert serving.clerk_name == clerk(desk, 5).actor.display_name
    assert (serving.serving_ticket_id, serving.serving_ticket_number) == (ticket.id, "A001")
    assert serving.to_rate is None
    assert evaluator.evaluator_view(ticket.id).to_rate is None  # still in service

    clerk(desk, 5).queue.finish()
    ended = evaluator.evaluator_view(ticket.id)
    assert ended.serving_ticket_id is None and ended.to_rate is not None
    assert ended.to_rate.ticket_number == "A001" and ended.to_rate.counter_number == 5
    assert ended.to_rate.item_names == ("食品经营许可",) or len(ended.to_rate.item_names) == 1
    assert desk.evaluator(6).evaluations.evaluator_view(ticket.id).to_rate is None  # not its own

    evaluator.rate(ticket.id, 1)
    assert evaluator.evaluator_view(ticket.id).to_rate is None  # rated


def test_call_next_ends_the_service_too(desk: Hall) -> None:
    first = serve(desk, 4, finish=False)
    desk.kiosk().queue.take_ticket("A")
    second = clerk(desk, 4).queue.call_next()
    assert second is not None
    view = desk.evaluator(4).evaluations.evaluator_view(first.id)
    assert view.serving_ticket_id == second.id
    assert view.to_rate is not None and view.to_rate.ticket_id == first.id


def test_a_bad_review_opens_a_rectification_due_in_five_working_days(desk: Hall) -> None:
    ticket = serve(desk, 3)
    rated = desk.evaluator(3).evaluations.rate(ticket.id, 5, ["poor_attitude", "long_wait"], "差")
    assert rated.reasons == (Reason.LONG_WAIT, Reason.POOR_ATTITUDE)
    assert rated.rectification_id is not None
    [open_] = desk.login("supervisor", "demo").evaluations.rectifications()
    assert open_.id == rated.rectification_id and open_.state is S.PENDING
    assert open_.deadline == date(2026, 12, 3)  # Thu 26 Nov + 5 working days
    assert open_.evaluation == rated


def refused(desk: Hall, ticket_id: int, match: str, *, counter: int = 3, level: int = 1) -> None:
    before = rows(desk)
    with pytest.raises(ValidationError, match=match):
        desk.evaluator(counter).evaluations.rate(ticket_id, level)
    assert rows(desk) == before


def test_what_cannot_be_rated_is_refused_with_nothing_changed(
    desk: Hall, clock: MovableClock
) -> None:
    waiting = desk.kiosk().queue.take_ticket("B")
    refused(desk, waiting.id, "never served at a counter")
    serving = serve(desk, 3, finish=False)
    refused(desk, serving.id, "has not ended yet")
    clerk(desk, 3).queue.finish()
    refused(desk, serving.id, "not served at counter 4", counter=4)
    desk.evaluator(3).evaluations.rate(serving.id, 1)
    refused(desk, serving.id, "already rated", level=2)
    refused(desk, serving.id, "Nothing was changed")

    late = serve(desk, 3)
    clock.now += timedelta(minutes=6)  # the prompt time is five minutes
    refused(desk, late.id, "ended too long ago")

    gone = serve(desk, 3, finish=False)
    session = clerk(desk, 3)
    session.queue.recall()
    session.queue.recall()
    session.queue.no_show()
    refused(desk, gone.id, "never served at a counter")
    with pytest.raises(NotFound):
        desk.evaluator(3).evaluations.rate(999_999, 1)


def test_an_invalid_rating_is_refused_before_anything_is_read(desk: Hall) -> None:
    ticket = serve(desk, 3)
    before = rows(desk)
    for level, reasons, comment in (
        (4, [], ""),
        (2, ["long_wait"], ""),
        (1, [], "a\x07b"),
        (9, [], ""),
    ):
        with pytest.raises(ValidationError):
            desk.evaluator(3).evaluations.rate(ticket.id, level, reasons, comment)
    assert rows(desk) == before


def test_only_the_evaluator_rates_and_only_supervisors_handle_reviews(desk: Hall) -> None:
    ticket = serve(desk, 3)
    for session in (desk.kiosk(), desk.display(), clerk(desk, 3), desk.login("supervisor", "demo")):
        with pytest.raises(PermissionDenied):
            session.evaluations.rate(ticket.id, 1)
    evaluator = desk.evaluator(3)
    for action in (
        evaluator.evaluations.rectifications,
        evaluator.evaluations.apply_defaults,
        lambda: evaluator.evaluations.start_rectification(1),
        lambda: evaluator.evaluations.export(
            date(2026, 1, 1), __import__("pathlib").Path("/tmp/x")
        ),
        lambda: clerk(desk, 3).evaluations.rectifications(),
        lambda: desk.login("admin", "demo").evaluations.contest(1, "x"),
        evaluator.queue.call_next,
        evaluator.catalog.list_categories,
    ):
        with pytest.raises(PermissionDenied):
            action()
    with pytest.raises(NotFound, match="No counter 99"):
        desk.evaluator(99)


def test_two_ratings_of_one_service_at_once_store_one(desk: Hall) -> None:
    ticket = serve(desk, 3)
    sessions = [desk.evaluator(3).evaluations for _ in range(2)]
    barrier = threading.Barrier(2)
    results: list[object] = []

    def rate(i: int) -> None:
        barrier.wait()
        try:
            results.append(sessions[i].rate(ticket.id, 1 + 3 * i, ["other"] if i else []))
        except ValidationError as e:
            results.append(e)

    threads = [threading.Thread(target=rate, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert sorted(type(r).__name__ for r in results) == ["EvaluationInfo", "ValidationError"]
    assert "already rated" in str(next(r for r in results if isinstance(r, ValidationError)))
    with desk.db.read() as s:
        assert s.scalar(select(func.count()).select_from(Evaluation)) == 1
        stored = s.scalars(select(Evaluation.level)).one()
        assert s.scalar(select(func.count()).select_from(Rectification)) == (stored == 4)


# --- the 7-day default --------------------------------------------------------------------------


def test_unrated_services_count_as_basically_satisfied_after_seven_natural_days(
    desk: Hall, clock: MovableClock
) -> None:
    unrated = serve(desk, 3, promised=(FOOD,))
    rated = serve(desk, 3)
    desk.evaluator(3).evaluations.rate(rated.id, 1)
    left_serving = serve(desk, 4, finish=False)  # never ended: no service to rate
    sweeper = desk.login("supervisor", "demo").evaluations

    clock.set_local(datetime(2026, 12, 3, 23, 59))  # the 7th day after Thursday 26 November
    assert sweeper.apply_defaults().defaulted == ()
    clock.set_local(datetime(2026, 12, 4, 0, 0))
    [defaulted] = sweeper.apply_defaults().defaulted
    assert (defaulted.ticket_id, defaulted.level, defaulted.defaulted) == (
        unrated.id,
        Level.BASICALLY_SATISFIED,
        True,
    )
    assert defaulted.clerk_username == "clerk03" and defaulted.counter_number == 3
    assert [c.item_code for c in defaulted.cases] == [FOOD]
    assert defaulted.rectification_id is None
    assert sweeper.apply_defaults().defaulted == ()  # idempotent
    with desk.db.read() as s:
        levels = {t: lv for t, lv in s.execute(select(Evaluation.ticket_id, Evaluation.level))}
        audit = s.scalars(
            select(AuditLog.target).where(AuditLog.action == "evaluation_defaulted")
        ).all()
    assert levels == {unrated.id: 3, rated.id: 1}
    assert left_serving.id not in levels
    assert audit == [f"ticket:{unrated.id}"]
    # Too late for the evaluator now, too.
    with pytest.raises(ValidationError, match=r"already rated|too long ago"):
        desk.evaluator(3).evaluations.rate(unrated.id, 1)


def test_the_days_are_a_hall_setting(desk: Hall, clock: MovableClock) -> None:
    with desk.db.write() as s:
        s.add(HallSetting(key="evaluation.default_after_days", value=1))
    ticket = serve(desk, 3)
    clock.set_local(datetime(2026, 11, 28, 0, 0))
    [defaulted] = desk.login("supervisor", "demo").evaluations.apply_defaults().defaulted
    assert defaulted.ticket_id == ticket.id


def test_services_before_the_feature_are_never_defaulted(desk: Hall, clock: MovableClock) -> None:
    old = serve(desk, 3)
    with desk.db.write() as s:
        s.add(HallSetting(key="evaluation.first_ticket_id", value=old.id + 1))
    new = serve(desk, 3)
    refused(desk, old.id, "predates evaluations")
    clock.set_local(datetime(2026, 12, 10, 9, 0))
    done = desk.login("supervisor", "demo").evaluations.apply_defaults().defaulted
    assert [e.ticket_id for e in done] == [new.id]


# --- rectification ------------------------------------------------------------------------------


def bad_review(desk: Hall, counter: int = 3) -> EvaluationInfo:
    ticket = serve(desk, counter)
    return desk.evaluator(counter).evaluations.rate(ticket.id, 4, ["unclear_notice"], "没说清楚")


def test_a_bad_review_is_rectified_with_a_callback_log_and_a_follow_up(
    desk: Hall, clock: MovableClock
) -> None:
    rid = bad_review(desk).rectification_id
    assert rid is not None
    chief = desk.login("supervisor", "demo").evaluations
    with pytest.raises(ValidationError, match=r"not possible"):
        chief.resolve_rectification(rid, "已培训")  # not started
    assert chief.start_rectification(rid).state is S.IN_PROGRESS
    clock.now += timedelta(hours=1)
    logged = chief.add_callback(rid, "已致电申请人，说明补正材料要求", reached=True)
    logged = chief.add_callback(
        rid, "未接通", reached=False, called_at=datetime(2026, 11, 26, 10, 30)
    )
    assert [(c.summary, c.reached, c.caller) for c in logged.callbacks] == [
        ("已致电申请人，说明补正材料要求", True, "supervisor"),
        ("未接通", False, "supervisor"),
    ]
    assert logged.callbacks[1].called_at == datetime(2026, 11, 26, 10, 30)
    with pytest.raises(ValidationError, match="future"):
        chief.add_callback(rid, "x", called_at=datetime(2026, 11, 27, 10, 0))
    with pytest.raises(ValidationError, match="Please write"):
        chief.resolve_rectification(rid, "   ")
    with pytest.raises(ValidationError, match="once, after"):
        chief.record_follow_up(rid, 1)
    done = chief.resolve_rectification(rid, "对窗口人员进行一次性告知培训")
    assert done.state is S.RECTIFIED and done.resolution == "对窗口人员进行一次性告知培训"
    assert done.closed_by == "supervisor"
    assert chief.record_follow_up(rid, 2).follow_up_level is Level.SATISFIED
    with pytest.raises(ValidationError, match="once, after"):
        chief.record_follow_up(rid, 1)
    assert chief.rectification(rid).evaluation.level is Level.DISSATISFIED  # the original stays
    with desk.db.read() as s:
        actions = s.scalars(
            select(AuditLog.action)
            .where(AuditLog.target == f"rectification:{rid}")
            .order_by(AuditLog.id)
        ).all()
    assert actions == [
        "rectification_opened",
        "rectification_start",
        "rectification_callback",
        "rectification_callback",
        "rectification_resolve",
        "rectification_follow_up",
    ]


def test_a_contest_needs_a_second_supervisor(desk: Hall) -> None:
    second_supervisor(desk)
    rid = bad_review(desk).rectification_id
    assert rid is not None
    first = desk.login("supervisor", "demo").evaluations
    second = desk.login("supervisor2", "second-pass-1").evaluations
    with pytest.raises(ValidationError, match="Please write"):
        first.contest(rid, "")
    contested = first.contest(rid, "申请人辱骂工作人员，评价与服务无关")
    assert contested.state is S.CONTESTED and contested.contested_by == "supervisor"
    before = rows(desk)
    with pytest.raises(PermissionDenied, match="second supervisor"):
        first.approve_contest(rid)
    with pytest.raises(PermissionDenied, match="second supervisor"):
        first.reject_contest(rid, "x")
    assert rows(desk) == before and first.rectification(rid).state is S.CONTESTED
    approved = second.approve_contest(rid, "属实")
    assert approved.state is S.INVALID
    assert (approved.contest_decided_by, approved.contest_decision) == ("supervisor2", "approved")
    with pytest.raises(ValidationError):
        second.start_rectification(rid)


def test_a_rejected_contest_goes_back_and_the_deadline_still_runs(
    desk: Hall, clock: MovableClock
) -> None:
    second_supervisor(desk)
    first = desk.login("supervisor", "demo").evaluations
    second = desk.login("supervisor2", "second-pass-1").evaluations
    started = bad_review(desk).rectification_id
    fresh = bad_review(desk).rectification_id
    assert started is not None and fresh is not None
    first.start_rectification(started)
    for rid in (started, fresh):
        first.contest(rid, "与本次服务无关")
    assert second.reject_contest(started, "评价属实").state is S.IN_PROGRESS
    clock.set_local(datetime(2026, 12, 4, 9, 0))  # after the deadline (3 December)
    assert second.reject_contest(fresh, "评价属实").state is S.OVERDUE


def test_the_sweep_marks_rectifications_past_their_deadline_overdue(
    desk: Hall, clock: MovableClock
) -> None:
    open_ = bad_review(desk).rectification_id
    done = bad_review(desk).rectification_id
    assert open_ is not None and done is not None
    chief = desk.login("supervisor", "demo").evaluations
    chief.mark_unable(done, "申请人要求超出法定职权")
    clock.set_local(datetime(2026, 12, 3, 23, 0))  # the deadline day itself
    assert chief.mark_overdue_rectifications().overdue == ()
    clock.set_local(datetime(2026, 12, 4, 8, 0))
    assert chief.mark_overdue_rectifications().overdue == (open_,)
    assert chief.mark_overdue_rectifications().overdue == ()  # idempotent
    assert chief.rectification(open_).state is S.OVERDUE
    assert chief.rectification(done).state is S.UNABLE
    assert chief.resolve_rectification(open_, "已整改（超期）").state is S.RECTIFIED
    assert [r.id for r in chief.rectifications(state="overdue")] == []


def test_a_deadline_the_calendar_cannot_count_yet_is_counted_later(
    desk: Hall, clock: MovableClock
) -> None:
    clock.set_local(datetime(2027, 3, 1, 10, 0))  # 2027: no holiday notice entered yet
    rid = bad_review(desk).rectification_id
    assert rid is not None
    chief = desk.login("supervisor", "demo").evaluations
    assert chief.rectification(rid).deadline is None
    assert chief.mark_overdue_rectifications().deadlines_set == 0
    desk.system().calendar.enter_notice(2027, NOTICE_2027, MAKEUP_2027, note="test")
    marked = chief.mark_overdue_rectifications()
    assert marked.deadlines_set == 1 and marked.overdue == ()
    assert chief.rectification(rid).deadline == date(2027, 3, 8)


def test_satisfaction_of_some_days(desk: Hall) -> None:
    evaluator = desk.evaluator(3).evaluations
    for level in (1, 2, 2, 4):
        ticket = serve(desk, 3)
        evaluator.rate(ticket.id, level, ["other"] if level >= 4 else [])
    summary = desk.login("supervisor", "demo").evaluations.satisfaction(
        date(2026, 11, 26), date(2026, 11, 26)
    )
    assert dict(summary.counts) == {Level(1): 1, Level(2): 2, Level(3): 0, Level(4): 1, Level(5): 0}
    assert (summary.total, summary.bad, summary.defaulted) == (4, 1, 0)
    assert summary.rate == pytest.approx((10 + 8 + 8 + 3) / 40)
    with desk.db.write() as s:
        s.add(HallSetting(key="evaluation.scores", value=[5, 4, 3, 2, 1]))
    again = desk.login("supervisor", "demo").evaluations.satisfaction(
        date(2026, 11, 26), date(2026, 11, 26)
    )
    assert again.rate == pytest.approx((5 + 4 + 4 + 2) / 20)
    listed = desk.login("supervisor", "demo").evaluations.evaluations(date(2026, 11, 26))
    assert [e.level for e in listed] == [4, 2, 2, 1]
    assert listed[0].rectification_id is not None
