"""Queue use cases on both databases: numbering, limits, order, counter actions, faults."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from clerk_app.api import Hall, open_hall
from clerk_app.domain.identity import InvalidIdentifier
from clerk_app.domain.ticket_status import TicketStatus
from clerk_app.errors import NotFound, PermissionDenied, ValidationError
from clerk_app.persistence.models import Appointment, HallSetting, QueueCategory, Ticket


class FakeClock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 26, 1, 30)  # 09:30 in the hall (UTC+8)

    def __call__(self) -> datetime:
        return self.now

    def tick(self, **kw: float) -> None:
        self.now += timedelta(**kw)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def qhall(hall_url: str, clock: FakeClock):  # type: ignore[no-untyped-def]
    h = open_hall(hall_url, clock=clock)
    yield h
    h.close()


def _tickets(hall: Hall) -> list[tuple[str, str]]:
    with hall.db.read() as s:
        return [(t.number, t.status) for t in s.scalars(select(Ticket).order_by(Ticket.id))]


def test_numbers_per_category_restart_each_day(qhall: Hall, clock: FakeClock) -> None:
    kiosk = qhall.kiosk().queue
    assert [kiosk.take_ticket(c).number for c in "AABA"] == ["A001", "A002", "B001", "A003"]
    clock.tick(days=1)
    first = kiosk.take_ticket("a")
    assert first.number == "A001" and first.category_name == "企业开办"
    # Yesterday's waiting tickets expired; history is kept.
    assert _tickets(qhall)[:4] == [(n, "expired") for n in ("A001", "A002", "B001", "A003")]


def test_unknown_category_changes_nothing(qhall: Hall) -> None:
    with pytest.raises(ValidationError, match="没有业务类别“Z”"):
        qhall.kiosk().queue.take_ticket("Z")
    with pytest.raises(ValidationError, match="未知的优先类别"):
        qhall.kiosk().queue.take_ticket("A", priority="vip")
    assert _tickets(qhall) == []


def test_real_name_tickets_are_validated_and_limited(qhall: Hall) -> None:
    kiosk = qhall.kiosk().queue
    with pytest.raises(InvalidIdentifier):
        kiosk.take_ticket("A", identity="110105194912310021")
    for _ in range(3):
        t = kiosk.take_ticket("A", identity="11010519491231002x")
        assert t.masked_identity == "1101**********002X"
    with pytest.raises(ValidationError, match="每天最多取号 3 张"):
        kiosk.take_ticket("B", identity="11010519491231002X")
    assert len(_tickets(qhall)) == 3


def test_call_next_serves_in_order_and_finishes_the_current(qhall: Hall) -> None:
    kiosk = qhall.kiosk().queue
    for c in "AAB":
        kiosk.take_ticket(c)
    one = qhall.login("clerk01", "demo", counter=1).queue
    two = qhall.login("clerk02", "demo", counter=2).queue
    assert one.call_next().number == "A001"  # type: ignore[union-attr]
    assert two.call_next().number == "A002"  # type: ignore[union-attr]
    assert one.call_next().number == "B001"  # type: ignore[union-attr]
    assert one.call_next() is None
    assert dict(_tickets(qhall)) == {"A001": "finished", "A002": "serving", "B001": "finished"}
    assert one.current() is None and two.current().number == "A002"  # type: ignore[union-attr]


def test_priority_first_but_walk_ins_not_starved(qhall: Hall, clock: FakeClock) -> None:
    kiosk = qhall.kiosk().queue
    kiosk.take_ticket("A")
    clock.tick(minutes=1)
    kiosk.take_ticket("A", priority="elderly")
    q = qhall.login("clerk01", "demo", counter=1).queue
    assert [t.number for t in q.waiting_for_counter()] == ["A002", "A001"]
    assert q.call_next().number == "A002"  # type: ignore[union-attr]
    kiosk.take_ticket("A", priority="disabled")
    clock.tick(minutes=25)  # A001 has now waited past the 20-minute bound
    assert q.call_next().number == "A001"  # type: ignore[union-attr]


def test_recall_then_no_show(qhall: Hall) -> None:
    qhall.kiosk().queue.take_ticket("C")
    q = qhall.login("clerk09", "demo", counter=9).queue
    q.call_next()
    with pytest.raises(ValidationError, match="须重呼 2 次后才能过号"):
        q.no_show()
    assert q.recall().recall_count == 1
    assert q.recall().recall_count == 2
    assert q.no_show().status == "no_show"
    with pytest.raises(ValidationError, match="没有正在办理的号票"):
        q.recall()
    board = qhall.display().queue.board()
    assert [(c.ticket_number, c.kind) for c in reversed(board.recent)] == [
        ("C001", "call"),
        ("C001", "recall"),
        ("C001", "recall"),
    ]


def test_transfer_to_category_keeps_place(qhall: Hall, clock: FakeClock) -> None:
    kiosk = qhall.kiosk().queue
    kiosk.take_ticket("A")
    clock.tick(minutes=1)
    kiosk.take_ticket("C")
    one = qhall.login("clerk01", "demo", counter=1).queue
    one.call_next()  # A001
    moved = one.transfer(to_category="C")
    assert moved.number == "A001" and moved.status == "waiting"
    nine = qhall.login("clerk09", "demo", counter=9).queue  # serves C only
    assert nine.call_next().number == "A001"  # type: ignore[union-attr]  # older than C001
    assert nine.call_next().number == "C001"  # type: ignore[union-attr]


def test_transfer_to_counter_only_that_counter_calls_it(qhall: Hall) -> None:
    qhall.kiosk().queue.take_ticket("A")
    one = qhall.login("clerk01", "demo", counter=1).queue
    one.call_next()
    with pytest.raises(ValidationError, match="转窗须指定一个目标"):
        one.transfer()
    with pytest.raises(ValidationError, match="不能转到 1 号窗口"):
        one.transfer(to_counter=1)
    one.transfer(to_counter=5)
    assert qhall.login("clerk02", "demo", counter=2).queue.call_next() is None
    assert qhall.login("clerk05", "demo", counter=5).queue.call_next().number == "A001"  # type: ignore[union-attr]


def test_pause_resume_and_no_counter(qhall: Hall) -> None:
    qhall.kiosk().queue.take_ticket("A")
    q = qhall.login("clerk01", "demo", counter=1).queue
    q.pause()
    with pytest.raises(ValidationError, match="已暂停服务"):
        q.call_next()
    assert dict(_tickets(qhall)) == {"A001": "waiting"}
    q.resume()
    assert q.call_next() is not None
    with pytest.raises(ValidationError, match="请先在某个窗口登录"):
        qhall.login("clerk03", "demo").queue.call_next()


def test_roles_are_enforced(qhall: Hall) -> None:
    with pytest.raises(PermissionDenied):
        qhall.kiosk().queue.call_next()
    with pytest.raises(PermissionDenied):
        qhall.display().queue.take_ticket("A")
    with pytest.raises(PermissionDenied):
        qhall.login("clerk01", "demo", counter=1).queue.resolve_counter(2, finish=False)
    assert _tickets(qhall) == []


def test_a_dead_counter_does_not_strand_its_ticket(qhall: Hall, clock: FakeClock) -> None:
    kiosk = qhall.kiosk().queue
    kiosk.take_ticket("A")
    kiosk.take_ticket("A")
    qhall.login("clerk01", "demo", counter=1).queue.call_next()  # then the PC dies
    sup = qhall.login("supervisor", "demo").queue
    counters = {c.number: c for c in sup.status().counters}
    assert counters[1].online and counters[1].current_ticket == "A001"
    clock.tick(seconds=91)
    counters = {c.number: c for c in sup.status().counters}
    assert not counters[1].online and counters[1].current_ticket == "A001"
    assert sup.resolve_counter(1, finish=False).status == "waiting"  # type: ignore[union-attr]
    # Back in its place: the next call anywhere gets A001 before A002.
    assert qhall.login("clerk03", "demo", counter=3).queue.call_next().number == "A001"  # type: ignore[union-attr]


def test_next_login_at_the_counter_sees_and_finishes_the_ticket(qhall: Hall) -> None:
    qhall.kiosk().queue.take_ticket("B")
    qhall.login("clerk11", "demo", counter=11).queue.call_next()
    again = qhall.login("clerk12", "demo", counter=11).queue
    assert again.current().number == "B001"  # type: ignore[union-attr]
    assert again.finish().status == "finished"


def test_call_specific_ticket_needs_reason(qhall: Hall) -> None:
    kiosk = qhall.kiosk().queue
    kiosk.take_ticket("A")
    kiosk.take_ticket("A")
    q = qhall.login("clerk01", "demo", counter=1).queue
    with pytest.raises(ValidationError, match="必须填写原因"):
        q.call_ticket("A002", " ")
    assert q.call_ticket("a002", "残疾人家属陪同，先行办理").number == "A002"
    with pytest.raises(ValidationError, match="不在等候中"):
        qhall.login("clerk02", "demo", counter=2).queue.call_ticket("A002", "再叫")


def test_close_day_expires_waiting(qhall: Hall) -> None:
    kiosk = qhall.kiosk().queue
    kiosk.take_ticket("D")
    kiosk.take_ticket("D")
    qhall.login("clerk12", "demo", counter=12).queue.call_next()
    assert qhall.login("supervisor", "demo").queue.close_day() == 1
    assert dict(_tickets(qhall)) == {"D001": "serving", "D002": "expired"}


def _serve(q, kiosk, clock: FakeClock, category: str, minutes: float) -> None:  # type: ignore[no-untyped-def]
    kiosk.take_ticket(category)
    q.call_next()
    clock.tick(minutes=minutes)
    q.finish()
    q.heartbeat()  # the counter PC's heartbeat kept it online meanwhile


def _load(hall: Hall, prefix: str):  # type: ignore[no-untyped-def]
    return {c.prefix: c for c in hall.display().queue.board().waiting}[prefix]


def test_wait_estimate_uses_open_counters_and_service_times(qhall: Hall, clock: FakeClock) -> None:
    # Five services of 12 minutes are enough samples to replace the hall's usual 8 minutes
    # (one used to be: see the next tests).
    kiosk = qhall.kiosk().queue
    q = qhall.login("clerk09", "demo", counter=9).queue  # counters 1-8 are offline; 9 online
    for _ in range(5):
        _serve(q, kiosk, clock, "C", 12)
    for _ in range(3):
        kiosk.take_ticket("C")
    t = kiosk.take_ticket("C")
    # 3 ahead, one open counter serving C (counter 9), 12 minutes each: (3 + 1) * 12 = 48
    assert (t.ahead, t.wait_minutes) == (3, 48)
    # Counter 10 (C and E) opens too: the same wait shared by two counters.
    qhall.login("clerk10", "demo", counter=10).queue.heartbeat()
    load = _load(qhall, "C")
    assert (load.waiting, load.open_counters, load.wait_minutes) == (4, 2, 30)  # 5 * 12 / 2


def test_one_short_service_does_not_set_the_estimate(qhall: Hall, clock: FakeClock) -> None:
    """Issue 12, defect 6: after one 20-second service, 5 waiting were told about a minute."""
    kiosk = qhall.kiosk().queue
    q = qhall.login("clerk09", "demo", counter=9).queue
    _serve(q, kiosk, clock, "C", 20 / 60)
    for _ in range(5):
        kiosk.take_ticket("C")
    # Too few services today: the hall's usual 8 minutes, (5 + 1) * 8.
    assert _load(qhall, "C").wait_minutes == 48
    # A category's own usual time, when the hall set one, comes before the hall's.
    with qhall.db.write() as s:
        s.merge(HallSetting(key="queue.service_minutes", value={"C": 15, "A": 5}))
    assert _load(qhall, "C").wait_minutes == 90
    # Many short services do count, but one service is never taken as shorter than a third
    # of the usual time: the estimate cannot fall below (5 + 1) * 15 / 3 = 30.
    for _ in range(10):
        _serve(q, kiosk, clock, "C", 20 / 60)
    assert _load(qhall, "C").wait_minutes == 30


def test_a_ticket_left_open_for_hours_does_not_set_the_estimate(
    qhall: Hall, clock: FakeClock
) -> None:
    """Issue 12, defect 6: one ticket left open 3 hours made 4 waiting show 226 minutes."""
    kiosk = qhall.kiosk().queue
    q = qhall.login("clerk09", "demo", counter=9).queue
    _serve(q, kiosk, clock, "C", 180)
    for _ in range(4):
        kiosk.take_ticket("C")
    assert _load(qhall, "C").wait_minutes == 40  # (4 + 1) * 8: too few services to trust
    # With enough services tickets left open count at most 3 * 8 = 24 minutes, and two of
    # twenty are trimmed away: the other 18 took 10 minutes, (4 + 1) * 10.
    for _ in range(18):
        _serve(q, kiosk, clock, "C", 10)
    _serve(q, kiosk, clock, "C", 180)
    assert _load(qhall, "C").wait_minutes == 50


def test_no_open_counter_gives_no_estimate(qhall: Hall, clock: FakeClock) -> None:
    """Issue 12, defect 6: with no counter open the estimate still promised minutes."""
    kiosk = qhall.kiosk().queue
    t = kiosk.take_ticket("C")
    assert (t.ahead, t.wait_minutes) == (0, None)
    t = kiosk.take_ticket("C")
    assert (t.ahead, t.wait_minutes) == (1, None)
    load = _load(qhall, "C")
    assert (load.waiting, load.open_counters, load.wait_minutes) == (2, 0, None)
    q = qhall.login("clerk09", "demo", counter=9).queue
    assert _load(qhall, "C").wait_minutes == 24  # (2 + 1) * 8
    q.pause()  # a paused counter serves no one
    assert _load(qhall, "C").wait_minutes is None
    q.resume()
    clock.tick(minutes=5)  # no heartbeat for 5 minutes: counter 9 is offline
    assert _load(qhall, "C").wait_minutes is None
    assert kiosk.take_ticket("C").wait_minutes is None


def test_appointment_check_in(qhall: Hall, clock: FakeClock) -> None:
    with qhall.db.write() as s:
        cat = s.scalars(select(QueueCategory).where(QueueCategory.prefix == "C")).one()
        for code, start in (
            ("YY000001", clock.now + timedelta(minutes=10)),
            ("YY000002", clock.now + timedelta(hours=3)),
        ):
            s.add(
                Appointment(
                    code=code,
                    category_id=cat.id,
                    applicant_name="陈先生",
                    slot_start=start,
                    slot_end=start + timedelta(minutes=30),
                )
            )
    kiosk = qhall.kiosk().queue
    kiosk.take_ticket("C")
    on_time = kiosk.check_in("yy000001")
    assert on_time.priority == "appointment"
    assert kiosk.check_in("YY000002").priority == "normal"  # far too early: a walk-in
    with pytest.raises(ValidationError, match="已签到"):
        kiosk.check_in("YY000001")
    with pytest.raises(NotFound):
        kiosk.check_in("NOPE")
    q = qhall.login("clerk09", "demo", counter=9).queue
    assert q.call_next().number == on_time.number  # type: ignore[union-attr]


def test_display_board_reports_new_calls_in_order(qhall: Hall) -> None:
    kiosk = qhall.kiosk().queue
    for c in "AB":
        kiosk.take_ticket(c)
    display = qhall.display().queue
    start = display.board()
    assert start.new_calls == () and {w.prefix: w.waiting for w in start.waiting}["A"] == 1
    qhall.login("clerk01", "demo", counter=1).queue.call_next()
    qhall.login("clerk05", "demo", counter=5).queue.call_next()
    board = display.board(start.last_call_id)
    assert [(c.ticket_number, c.counter_number) for c in board.new_calls] == [
        ("A001", 1),
        ("B001", 5),
    ]
    assert [(c.ticket_number, c.counter_number) for c in board.current] == [
        ("A001", 1),
        ("B001", 5),
    ]
    assert display.board(board.last_call_id).new_calls == ()


def test_reprint_is_marked(qhall: Hall) -> None:
    t = qhall.kiosk().queue.take_ticket("E")
    assert not t.reprint
    again = qhall.kiosk().queue.reprint(t.reprint_token)
    assert again.reprint and again.number == "E001"


def test_calls_are_audited_alike_on_both_databases(qhall: Hall) -> None:
    from clerk_app.persistence.models import AuditLog, CallEvent

    kiosk = qhall.kiosk().queue
    first, second = kiosk.take_ticket("A"), kiosk.take_ticket("A")
    q = qhall.login("clerk01", "demo", counter=1).queue
    q.call_next()
    q.call_next()  # finishes the first
    with qhall.db.read() as s:
        rows = s.execute(
            select(AuditLog.actor, AuditLog.action, AuditLog.target, AuditLog.after)
            .where(AuditLog.action.in_(["ticket_called", "ticket_finished"]))
            .order_by(AuditLog.id)
        ).all()
        calls = s.scalars(select(CallEvent.ticket_number).order_by(CallEvent.id)).all()
    assert [(r.actor, r.action, r.target) for r in rows] == [
        ("clerk01", "ticket_called", f"ticket:{first.id}"),
        ("clerk01", "ticket_finished", f"ticket:{first.id}"),
        ("clerk01", "ticket_called", f"ticket:{second.id}"),
    ]
    assert rows[0].after == {"number": "A001", "counter": 1, "note": ""}
    assert calls == ["A001", "A002"]


def test_a_specific_call_finishes_the_current_and_changes_nothing_when_refused(
    qhall: Hall,
) -> None:
    from clerk_app.persistence.models import AuditLog, CallEvent

    kiosk = qhall.kiosk().queue
    for _ in range(3):
        kiosk.take_ticket("A")
    q = qhall.login("clerk01", "demo", counter=1).queue
    q.call_next()
    called = q.call_ticket("A003", " 军人优先 ")
    assert (called.number, called.status, called.counter_number) == ("A003", "serving", 1)
    assert isinstance(called.status, TicketStatus) and called.recall_count == 0
    assert _tickets(qhall) == [("A001", "finished"), ("A002", "waiting"), ("A003", "serving")]
    with qhall.db.read() as s:
        rows = s.execute(
            select(AuditLog.action, AuditLog.after, AuditLog.request_id)
            .where(AuditLog.action.in_(["ticket_finished", "ticket_called_specific"]))
            .order_by(AuditLog.id)
        ).all()
        calls = s.scalars(select(CallEvent.ticket_number).order_by(CallEvent.id)).all()
    assert [r.action for r in rows] == ["ticket_finished", "ticket_called_specific"]
    assert rows[1].after == {"number": "A003", "counter": 1, "note": "军人优先"}
    assert rows[0].request_id == rows[1].request_id is not None  # one action
    assert calls == ["A001", "A003"]
    # Refused after the finish step: the whole action is rolled back, A003 stays in service.
    with pytest.raises(ValidationError, match="不在等候中"):
        q.call_ticket("A003", "再叫一次")
    q.pause()
    with pytest.raises(ValidationError, match="已暂停服务"):
        q.call_ticket("A002", "先办")
    assert _tickets(qhall) == [("A001", "finished"), ("A002", "waiting"), ("A003", "serving")]
    assert q.current().number == "A003"  # type: ignore[union-attr]
    assert isinstance(q.current().status, TicketStatus)  # type: ignore[union-attr]


def test_call_next_goes_through_the_adapter_chosen_by_the_dialect(
    qhall: Hall, monkeypatch: pytest.MonkeyPatch
) -> None:
    from clerk_app.services.queue import service

    real = service.call_next_for(qhall.db)
    kinds = {"sqlite": "SqliteCallNext", "postgresql": "PostgresCallNext"}
    assert type(real).__name__ == kinds[qhall.db.dialect]
    used: list[str] = []

    class Recording:
        def __getattr__(self, name: str) -> object:
            used.append(name)
            return getattr(real, name)

    monkeypatch.setitem(service.CALL_NEXT, qhall.db.dialect, Recording())
    qhall.kiosk().queue.take_ticket("A")
    assert qhall.login("clerk01", "demo", counter=1).queue.call_next().number == "A001"  # type: ignore[union-attr]
    assert used == ["call_next"]


def test_a_counters_desk_is_its_own_ticket_queue_and_state_in_one_read(qhall: Hall) -> None:
    kiosk = qhall.kiosk().queue
    for category in "AAB":
        kiosk.take_ticket(category)
    queue = qhall.login("clerk01", "demo", counter=1).queue
    queue.call_next()
    queue.pause()
    desk = queue.desk()
    assert desk.current is not None and desk.current.number == "A001"
    assert [t.number for t in desk.waiting] == [t.number for t in queue.waiting_for_counter()]
    assert desk.counter is not None
    assert (desk.counter.number, desk.counter.paused, desk.counter.online) == (1, True, True)
    assert desk.counter == {c.number: c for c in queue.status().counters}[1]
    # A session without a counter has no desk.
    with pytest.raises(ValidationError):
        qhall.login("clerk02", "demo").queue.desk()
