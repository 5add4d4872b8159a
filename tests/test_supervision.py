"""The supervisor's dashboard as a service, on SQLite and PostgreSQL: each alert appears when
its condition is made (with a controlled clock) and goes once it is resolved; the figures."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from clerk_app.api import Hall, StaffSession
from clerk_app.errors import PermissionDenied
from clerk_app.services.cases.results import ItemRequest
from clerk_app.services.supervision.results import (
    Alert,
    AlertAction,
    AlertKind,
    AlertSeverity,
    AlertSubject,
    Dashboard,
)
from tests.support.acceptance import (
    FOOD,
    MovableClock,
    at,
    clerk,
    firm,
    firm_uscc,
    non_core_missing,
    person,
    red_list,
)
from tests.support.evaluations import serve

K = AlertKind


@pytest.fixture
def clock() -> MovableClock:
    return MovableClock()  # Thursday 26 November 2026, 10:00 in the hall


@pytest.fixture
def desk(hall: Hall, clock: MovableClock) -> Hall:
    return at(hall, clock)


def dashboard(hall: Hall) -> Dashboard:
    return hall.login("supervisor", "demo").supervision.dashboard()


def alerts(hall: Hall, kind: AlertKind, key: str | None = None) -> list[Alert]:
    return [
        a
        for a in dashboard(hall).alerts
        if a.kind is kind and (key is None or a.subject_key == key)
    ]


def later(clock: MovableClock, minutes: int, *online: StaffSession) -> None:
    """Time passes; the counter PCs of ``online`` keep sending their heartbeat."""
    clock.now += timedelta(minutes=minutes)
    for session in online:
        session.queue.heartbeat()


def test_only_the_supervisor_reads_the_dashboard(desk: Hall) -> None:
    for session in (clerk(desk, 1), desk.kiosk(), desk.display(), desk.system()):
        with pytest.raises(PermissionDenied):
            session.supervision.dashboard()
    assert dashboard(desk).at == datetime(2026, 11, 26, 10, 0)


def test_a_queue_no_open_counter_serves(desk: Hall, clock: MovableClock) -> None:
    desk.kiosk().queue.take_ticket("B")
    [alert] = alerts(desk, K.NO_COUNTER_OPEN)
    assert (alert.severity, alert.subject, alert.subject_key) == (
        AlertSeverity.RED,
        AlertSubject.CATEGORY,
        "B",
    )
    assert alert.action is AlertAction.SHOW_COUNTERS

    clerk(desk, 11)  # 工程建设专窗 signs in: open for B
    assert alerts(desk, K.NO_COUNTER_OPEN) == []
    later(clock, 2)  # its PC went quiet for longer than queue.offline_after_seconds
    assert [a.subject_key for a in alerts(desk, K.NO_COUNTER_OPEN)] == ["B"]


def test_a_wait_over_the_threshold_yellow_then_red(desk: Hall, clock: MovableClock) -> None:
    desk.kiosk().queue.take_ticket("A")
    counter = clerk(desk, 1)
    counter.queue.pause()  # open but not calling: the wait grows
    later(clock, 29, counter)
    assert alerts(desk, K.LONG_WAIT) == []
    later(clock, 1, counter)
    [alert] = alerts(desk, K.LONG_WAIT)
    assert (alert.subject_key, alert.minutes, alert.severity) == ("A", 30, AlertSeverity.YELLOW)
    later(clock, 30, counter)
    [alert] = alerts(desk, K.LONG_WAIT)
    assert (alert.minutes, alert.severity) == (60, AlertSeverity.RED)

    counter.queue.resume()
    counter.queue.call_next()
    assert alerts(desk, K.LONG_WAIT) == []


def test_a_counter_idle_while_its_queue_waits(desk: Hall, clock: MovableClock) -> None:
    desk.kiosk().queue.take_ticket("C")
    counter = clerk(desk, 9)  # 不动产登记专窗: C only
    other = clerk(desk, 12)  # 社会事务专窗: D and E, nothing waits for it
    later(clock, 4, counter, other)
    assert alerts(desk, K.IDLE_COUNTER) == []
    later(clock, 1, counter, other)
    [alert] = alerts(desk, K.IDLE_COUNTER)
    assert (alert.subject, alert.subject_key, alert.minutes) == (AlertSubject.COUNTER, "9", 5)
    assert alert.action is AlertAction.SHOW_COUNTER and alert.counter_no == 9

    counter.queue.pause()  # a paused counter is not idle: the queue alerts say it instead
    assert alerts(desk, K.IDLE_COUNTER) == []
    counter.queue.resume()
    counter.queue.call_next()
    assert alerts(desk, K.IDLE_COUNTER) == []


def test_a_counter_that_served_recently_is_idle_since_that_service(
    desk: Hall, clock: MovableClock
) -> None:
    serve(desk, 1)
    desk.kiosk().queue.take_ticket("A")  # taken while counter 1 served
    counter = clerk(desk, 1)
    later(clock, 3, counter)
    counter.queue.call_next()
    counter.queue.finish()
    desk.kiosk().queue.take_ticket("A")
    later(clock, 4, counter)
    assert alerts(desk, K.IDLE_COUNTER) == []
    later(clock, 1, counter)
    assert [a.minutes for a in alerts(desk, K.IDLE_COUNTER)] == [5]


def test_a_ticket_stranded_at_an_offline_counter(desk: Hall, clock: MovableClock) -> None:
    desk.kiosk().queue.take_ticket("A")
    counter = clerk(desk, 3)
    called = counter.queue.call_next()
    assert called is not None
    later(clock, 7)  # the PC died: no heartbeat since
    [alert] = alerts(desk, K.STRANDED_TICKET)
    assert (alert.subject_key, alert.ticket_number, alert.minutes) == ("3", called.number, 7)
    assert alert.action is AlertAction.RESOLVE_TICKET and alert.severity is AlertSeverity.RED

    desk.login("supervisor", "demo").queue.resolve_counter(3, finish=False)
    assert alerts(desk, K.STRANDED_TICKET) == []


def test_a_case_turns_yellow_then_red_on_its_due_date(desk: Hall, clock: MovableClock) -> None:
    [case] = clerk(desk, 2).cases.accept(person(), [ItemRequest(FOOD)])
    assert case.due_date is not None and case.due_date.isoformat() == "2026-12-03"
    assert alerts(desk, K.DEADLINE_YELLOW, case.case_no) == []
    clock.set_local(datetime(2026, 12, 2, 9, 0))  # one working day left
    [yellow] = alerts(desk, K.DEADLINE_YELLOW, case.case_no)
    assert (yellow.days_left, yellow.severity, yellow.counter_no) == (1, AlertSeverity.YELLOW, 2)
    assert yellow.action is AlertAction.OPEN_CASE and yellow.subject is AlertSubject.CASE
    clock.set_local(datetime(2026, 12, 4, 9, 0))
    assert alerts(desk, K.DEADLINE_YELLOW, case.case_no) == []
    [red] = alerts(desk, K.DEADLINE_RED, case.case_no)
    assert (red.days_left, red.severity) == (-1, AlertSeverity.RED)

    cases = desk.login("supervisor", "demo").cases
    reviewed = clerk(desk, 2).cases.review(case.case_no, case.version)
    assert alerts(desk, K.DEADLINE_RED, case.case_no) != []  # still deciding
    clerk(desk, 2).cases.approve(reviewed.case_no, reviewed.version)
    assert alerts(desk, K.DEADLINE_RED, case.case_no) == []
    assert cases.get(case.case_no).state == "approved"


def test_a_tolerant_case_due_overdue_and_ended(desk: Hall, clock: MovableClock) -> None:
    red_list(desk, firm_uscc(1))
    session = clerk(desk, 1)
    [case] = session.cases.tolerant_accept(
        firm(), [non_core_missing(session, FOOD)], commitment_signed=True
    )
    assert case.supplement_due is not None and case.supplement_due.isoformat() == "2026-12-03"
    clock.set_local(datetime(2026, 12, 2, 9, 0))
    [due] = alerts(desk, K.SUPPLEMENT_DUE, case.case_no)
    assert (due.severity, due.days_left, due.deadline) == (
        AlertSeverity.YELLOW,
        1,
        case.supplement_due,
    )
    assert "汕头市测试贸易有限公司" in due.subject_name
    clock.set_local(datetime(2026, 12, 4, 9, 0))  # not yet swept: still pending, overdue
    assert alerts(desk, K.SUPPLEMENT_DUE, case.case_no) == []
    [overdue] = alerts(desk, K.SUPPLEMENT_OVERDUE, case.case_no)
    assert (overdue.severity, overdue.days_left) == (AlertSeverity.RED, -1)

    desk.system().cases.mark_overdue()  # ended as overdue: shown for a week after
    assert len(alerts(desk, K.SUPPLEMENT_OVERDUE, case.case_no)) == 1
    clock.set_local(datetime(2026, 12, 12, 9, 0))
    assert alerts(desk, K.SUPPLEMENT_OVERDUE, case.case_no) == []


def test_a_supplement_handed_in_ends_its_alert(desk: Hall, clock: MovableClock) -> None:
    red_list(desk, firm_uscc(1))
    session = clerk(desk, 1)
    [case] = session.cases.tolerant_accept(
        firm(), [non_core_missing(session, FOOD)], commitment_signed=True
    )
    clock.set_local(datetime(2026, 12, 2, 9, 0))
    assert len(alerts(desk, K.SUPPLEMENT_DUE, case.case_no)) == 1
    clerk(desk, 1).cases.record_supplement(case.case_no, case.version)
    assert alerts(desk, K.SUPPLEMENT_DUE, case.case_no) == []


def test_the_demo_hall_shows_its_overdue_tolerant_case(hall: Hall) -> None:
    overdue = alerts(hall, K.SUPPLEMENT_OVERDUE)  # the hall's own clock: the day it was seeded
    assert any("诚达" in a.subject_name for a in overdue)


def test_a_bad_review_waits_for_rectification(desk: Hall, clock: MovableClock) -> None:
    ticket = serve(desk, 3)
    rated = desk.evaluator(3).evaluations.rate(ticket.id, 5, ["poor_attitude"], "差")
    assert rated.rectification_id is not None
    key = str(rated.rectification_id)
    [alert] = alerts(desk, K.BAD_REVIEW, key)
    assert (alert.severity, alert.ticket_number, alert.counter_no) == (
        AlertSeverity.YELLOW,
        ticket.number,
        3,
    )
    assert alert.action is AlertAction.OPEN_RECTIFICATION and alert.days_left == 5
    clock.set_local(datetime(2026, 12, 4, 9, 0))  # past its 5 working days
    assert alerts(desk, K.BAD_REVIEW, key)[0].severity is AlertSeverity.RED

    evaluations = desk.login("supervisor", "demo").evaluations
    evaluations.start_rectification(rated.rectification_id)
    assert len(alerts(desk, K.BAD_REVIEW, key)) == 1
    evaluations.resolve_rectification(rated.rectification_id, "已约谈窗口人员并回访致歉")
    assert alerts(desk, K.BAD_REVIEW, key) == []


def test_the_figures_of_each_queue_and_counter(desk: Hall, clock: MovableClock) -> None:
    kiosk = desk.kiosk().queue
    for _ in range(3):
        kiosk.take_ticket("D")
    counter = clerk(desk, 12)
    later(clock, 10, counter)
    counter.queue.call_next()  # waited 10 min
    counter.queue.finish()
    later(clock, 2, counter)
    counter.queue.call_next()  # waited 12 min
    for _ in range(2):
        counter.queue.recall()
    counter.queue.no_show()
    later(clock, 1, counter)
    counter.queue.call_next()  # waited 13 min, in service now
    later(clock, 4, counter)
    kiosk.take_ticket("D")
    later(clock, 6, counter)

    board = dashboard(desk)
    d = next(c for c in board.categories if c.prefix == "D")
    assert (d.waiting, d.longest_wait_minutes, d.served, d.no_shows) == (1, 6, 1, 1)
    assert (d.average_wait_minutes, d.open_counters) == (11, 1)  # (10 + 12 + 13) / 3
    twelve = next(c for c in board.counters if c.number == 12)
    assert (twelve.current_ticket, twelve.in_service_minutes) == ("D003", 10)
    assert twelve.online and not twelve.idle and twelve.idle_minutes is None
    counter.queue.finish()
    later(clock, 3, counter)
    twelve = next(c for c in dashboard(desk).counters if c.number == 12)
    assert twelve.idle and twelve.idle_minutes == 3
    one = next(c for c in dashboard(desk).counters if c.number == 1)
    assert not one.online and one.idle_minutes is None and not one.idle


def test_the_tiles_loads_are_what_queue_status_says(desk: Hall, clock: MovableClock) -> None:
    """The dashboard computes the loads from its one read of today's tickets; they must be
    ``queue.status()``'s (board.category_load), wait estimate included."""
    kiosk = desk.kiosk().queue
    for prefix in "AAAAAAAACCB":
        kiosk.take_ticket(prefix)
    counter, paused = clerk(desk, 1), clerk(desk, 9)
    paused.queue.pause()
    for minutes in (3, 40, 7, 9, 1, 12):  # six services of A: the estimate uses them
        counter.queue.call_next()
        later(clock, minutes, counter, paused)
        counter.queue.finish()
    supervisor = desk.login("supervisor", "demo")
    board = supervisor.supervision.dashboard()
    assert board.status == supervisor.queue.status()
    assert [c.wait_minutes for c in board.status.categories if c.prefix == "A"] != [None]


def test_beyond_the_limit_the_least_urgent_cases_are_counted_not_listed(
    desk: Hall, clock: MovableClock
) -> None:
    from clerk_app.services.supervision.alerts import case_alerts

    session = clerk(desk, 2)
    [late] = session.cases.accept(person(serial=11), [ItemRequest(FOOD)])  # due Thu 3 Dec
    clock.set_local(datetime(2026, 11, 27, 9, 0))
    [soon] = session.cases.accept(person(serial=12), [ItemRequest(FOOD)])  # due Fri 4 Dec
    clock.set_local(datetime(2026, 12, 3, 9, 0))  # late is due today: yellow, soon tomorrow
    with desk.db.read() as s:
        mine = {late.case_no, soon.case_no}
        everything, more = case_alerts(s, clock.now, 7, limit=10_000)
        ours = [a.subject_key for a in everything if a.subject_key in mine]
        assert more == 0 and sorted(ours) == sorted(mine)
        listed, more = case_alerts(s, clock.now, 7, limit=len(everything) - 1)
    assert len(listed) == len(everything) - 1 and more == 1
    assert listed == list(everything[:-1])  # the least urgent one is left out
