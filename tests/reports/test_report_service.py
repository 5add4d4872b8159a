"""Reports on SQLite and PostgreSQL: the totals and breakdowns of a scenario made through the
services agree with counts taken straight from its rows; one read-only snapshot; bad input and
clerks refused with nothing written."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select, update

from clerk_app.api import Hall
from clerk_app.errors import PermissionDenied, ValidationError
from clerk_app.i18n import set_language
from clerk_app.persistence.models import AuditLog, Counter, Ticket
from clerk_app.persistence.models_cases import Case
from clerk_app.persistence.models_evaluations import Evaluation
from clerk_app.services.reports.results import Dimension, Figures
from tests.reports.scenario import DAY1, DAY2, Built, build, count_rows
from tests.support.acceptance import clerk


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    yield
    set_language("zh_CN")


@pytest.fixture
def built(hall: Hall) -> Built:
    return build(hall)


def supervisor(built: Built):  # type: ignore[no-untyped-def]
    return built.desk.login("supervisor", "demo").reports


def assert_agrees(figures: Figures, counted) -> None:  # type: ignore[no-untyped-def]
    assert (figures.tickets, figures.served, figures.no_shows) == (
        counted.tickets,
        counted.served,
        counted.no_shows,
    )
    assert figures.wait_p50 == pytest.approx(counted.wait_p50)
    assert figures.wait_p90 == pytest.approx(counted.wait_p90)
    assert figures.service_mean == pytest.approx(counted.service_mean)
    decisions = {
        "accepted": figures.accepted,
        "tolerant": figures.tolerant,
        "notices": figures.notices,
        "rejected": figures.rejected,
        "instant": figures.instant,
    }
    assert {k: v for k, v in decisions.items() if v} == counted.decisions
    assert figures.cases == sum(counted.decisions.values())
    assert (figures.evaluations, figures.levels, figures.defaulted) == (
        counted.evaluations,
        counted.levels,
        counted.defaulted,
    )


def test_totals_agree_with_the_rows_and_with_the_scenario(built: Built) -> None:
    report = supervisor(built).build(DAY1, DAY2)
    t = report.total
    assert_agrees(t, count_rows(built.desk, DAY1, DAY2))
    # What the scenario made, by hand: 9 tickets (one left waiting, one no-show), 7 cases.
    assert (t.tickets, t.served, t.no_shows) == (9, 7, 1)
    assert (t.accepted, t.tolerant, t.notices, t.rejected, t.instant) == (2, 2, 1, 1, 1)
    # 容缺: the food licence supplemented the next day (on time), the set-up never (overdue).
    assert (t.supplements_due, t.supplements_on_time) == (2, 1)
    # Deadlines: the approved case and the instant one kept; the supplemented case and day 2's
    # acceptance still undecided past their due dates; the overdue 容缺 case is not counted.
    assert (t.deadlines_due, t.deadlines_kept) == (4, 2)
    # 最多跑一次: the firm came for the notice, for the 容缺 acceptance and to supplement.
    assert (t.visit_cases, t.one_visit) == (6, 5)
    assert t.one_visit_rate == pytest.approx(5 / 6)
    # Two ratings made at the evaluator, five services defaulted to 基本满意 after 7 days.
    assert (t.evaluations, t.levels, t.bad, t.defaulted) == (7, (1, 0, 5, 1, 0), 1, 5)
    assert t.satisfaction == pytest.approx((10 + 5 * 6 + 3) / 70)
    assert (report.date_from, report.date_to, report.hall_name) == (
        DAY1,
        DAY2,
        "汕头市政务服务中心",
    )


def test_each_counter_row_agrees_with_the_rows_of_that_counter(built: Built) -> None:
    report = supervisor(built).build(DAY1, DAY2)
    with built.desk.db.read() as s:
        ids = {n: i for i, n in s.execute(select(Counter.id, Counter.number))}
    rows = report.breakdown(Dimension.COUNTER).rows
    assert [r.label for r in rows] == ["1号窗口", "2号窗口", "3号窗口", "（未分配）"]
    for row in rows[:-1]:
        assert row.key is not None
        assert_agrees(row.figures, count_rows(built.desk, DAY1, DAY2, ids[int(row.key)]))
    # The ticket left waiting has no counter.
    assert (rows[-1].figures.tickets, rows[-1].figures.cases) == (1, 0)
    assert sum(r.figures.tickets for r in rows) == report.total.tickets


def test_breakdowns_by_clerk_department_item_and_category(built: Built) -> None:
    report = supervisor(built).build(DAY1, DAY2)
    clerks = {r.key: r.figures for r in report.breakdown(Dimension.CLERK).rows}
    # clerk01 called three tickets (one no-show) and decided two cases; day 2's approval is
    # not a decision of the counter.
    assert (clerks["clerk01"].tickets, clerks["clerk01"].no_shows) == (3, 1)
    assert (clerks["clerk01"].accepted, clerks["clerk01"].rejected) == (1, 1)
    assert clerks["clerk02"].notices == 1 and clerks["clerk02"].bad == 1
    assert clerks["clerk03"].instant == 1 and clerks["clerk03"].tickets == 3
    items = {r.key: r.figures for r in report.breakdown(Dimension.ITEM).rows}
    assert items["440500-SCJG-005"].cases == 3  # accepted, notice, 容缺
    assert items["440500-SCJG-005"].one_visit == 1 and items["440500-SCJG-005"].visit_cases == 2
    assert items["440500-CG-001"].instant == 1
    with built.desk.db.read() as s:
        per_department = dict(
            s.execute(
                select(Case.item_id, func.count())
                .where(Case.accepted_on.between(DAY1, DAY2))
                .group_by(Case.item_id)
            ).all()
        )
    assert sum(r.figures.cases for r in report.breakdown(Dimension.DEPARTMENT).rows) == sum(
        per_department.values()
    )
    categories = report.breakdown(Dimension.CATEGORY).rows
    assert [r.key for r in categories] == ["A"] and categories[0].figures == report.total


def test_a_counter_or_clerk_filter_reports_only_theirs(built: Built) -> None:
    reports = supervisor(built)
    with built.desk.db.read() as s:
        counter2 = s.scalar(select(Counter.id).where(Counter.number == 2))
    assert_agrees(
        reports.build(DAY1, DAY2, counter=2).total, count_rows(built.desk, DAY1, DAY2, counter2)
    )
    mine = reports.build(DAY1, DAY2, clerk="clerk03").total
    assert (mine.tickets, mine.cases, mine.instant, mine.tolerant) == (3, 3, 1, 1)


def test_the_report_reads_one_snapshot(built: Built) -> None:
    """A change committed while the report reads (after its tickets, before its cases) is not
    in it: every figure comes from the same moment."""
    changed: list[int] = []

    def progress(done: int, total: int) -> None:
        if done == 1 and not changed:
            with built.desk.db.write() as s:
                result = s.execute(
                    update(Case)
                    .where(Case.accepted_on == DAY1, Case.state == "not_accepted")
                    .values(state="rejected")
                )
                changed.append(result.rowcount)

    report = supervisor(built).build(DAY1, DAY2, progress=progress)
    assert changed == [1]
    assert (report.total.notices, report.total.rejected) == (1, 1)
    assert supervisor(built).build(DAY1, DAY2).total.rejected == 2  # and it was committed


def test_a_report_neither_writes_nor_waits_for_a_counter(built: Built) -> None:
    reports = supervisor(built)  # signing in writes; the report itself must not
    before = _footprint(built.desk)
    with built.desk.db.write() as s:  # a counter in the middle of its action, rows locked
        s.execute(update(Counter).where(Counter.number == 1).values(paused=True))
        s.execute(select(Ticket).where(Ticket.service_date == DAY1).with_for_update()).all()
        report = reports.build(DAY1, DAY2)
        s.rollback()
    assert report.total.tickets == 9
    assert _footprint(built.desk) == before


def test_progress_is_reported_to_the_end(built: Built) -> None:
    seen: list[tuple[int, int]] = []
    supervisor(built).build(DAY1, DAY2, progress=lambda d, t: seen.append((d, t)))
    assert seen[-1][0] == seen[-1][1] and [d for d, _ in seen] == list(range(1, len(seen) + 1))


def _footprint(hall: Hall) -> tuple[int, ...]:
    with hall.db.read() as s:
        return tuple(
            s.scalar(select(func.count()).select_from(table)) or 0
            for table in (AuditLog, Case, Ticket, Evaluation)
        )


@pytest.mark.parametrize(
    ("first", "last", "options", "zh", "en"),
    [
        (DAY2, DAY1, {}, "晚于结束日期", "is after the end date"),
        (DAY1, date(2026, 6, 25), {}, "不能晚于今天", "beyond today"),
        (date(2026, 7, 1), date(2026, 7, 2), {}, "不能晚于今天", "beyond today"),
        (DAY1, DAY2, {"counter": 99}, "没有 99 号窗口", "no counter 99"),
        (DAY1, DAY2, {"clerk": "nobody"}, "没有用户“nobody”", "no user 'nobody'"),
    ],
)
def test_bad_input_is_refused_in_both_languages_and_nothing_written(
    built: Built, first: date, last: date, options: dict[str, object], zh: str, en: str
) -> None:
    reports = supervisor(built)
    before = _footprint(built.desk)
    set_language("zh_CN")
    with pytest.raises(ValidationError, match=zh) as refused:
        reports.build(first, last, **options)  # type: ignore[arg-type]
    assert en in refused.value.en
    set_language("en")
    assert en in str(refused.value)
    assert _footprint(built.desk) == before


def test_clerks_are_refused_below_the_ui_and_admins_allowed(built: Built) -> None:
    with pytest.raises(PermissionDenied):
        clerk(built.desk, 1).reports.build(DAY1, DAY2)
    with pytest.raises(PermissionDenied):
        built.desk.kiosk().reports.build(DAY1, DAY2)
    admin = built.desk.login("admin", "demo").reports.build(DAY1, DAY2 + timedelta(days=1))
    assert admin.total.tickets == 9
