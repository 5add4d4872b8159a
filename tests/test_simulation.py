"""The simulated hall day (``clerk simulate``): through the real services, every ticket
accounted for, plans side by side, plan files, and a bad plan refused with nothing changed."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import time
from pathlib import Path

import pytest
from sqlalchemy import text

from clerk_app import cli, i18n
from clerk_app.api import open_hall
from clerk_app.errors import ValidationError
from clerk_app.simulation import (
    CounterShift,
    DayReport,
    PlanError,
    StaffingPlan,
    default_plan,
    load_plan,
    run_day,
    run_days,
    save_plan,
)
from clerk_app.simulation.demand import Demand

EVERY = ("A", "B", "C", "D", "E")


@pytest.fixture(autouse=True)
def _chinese_again() -> Iterator[None]:
    """``cli.main(["--lang", "en", …])`` switches the process's language; switch it back."""
    yield
    i18n.set_language("zh_CN")


@pytest.fixture(scope="module")
def small_day() -> DayReport:
    """300 tickets at 6 counters (the demo pattern: integrated counters), a temporary SQLite."""
    return run_day(tickets=300, counters=6, seed=7)


def test_every_ticket_ends_served_or_no_show(small_day: DayReport) -> None:
    r = small_day
    assert r.tickets == 300 and r.counters == 6
    assert sum(r.outcomes.values()) == 300  # read back from the hall's tickets
    assert set(r.outcomes) <= {"finished", "no_show"}  # transferred ones end served too
    assert r.served == r.outcomes["finished"] and r.no_shows == r.outcomes.get("no_show", 0)
    assert r.served + r.no_shows == r.tickets
    assert r.no_shows > 0 and r.transfers > 0 and r.evaluations > 0
    assert set(r.decisions) == {"accept", "tolerant_accept", "instant", "one_time_notice"}
    assert (
        sum(r.decisions.values()) == r.served - r.transfers + r.transfers
    )  # one per first service


def test_waits_utilisation_and_errors_are_in_range(small_day: DayReport) -> None:
    r = small_day
    assert set(r.wait_p50_min) == {"all", *EVERY}
    for category, p50 in r.wait_p50_min.items():
        assert 0 <= p50 <= r.wait_p90_min[category]
    assert len(r.utilisation) == 6 and all(0 <= u <= 1 for u in r.utilisation.values())
    assert r.utilisation_mean > 0
    assert 0 <= r.long_wait_share <= 1 and r.long_wait_minutes == 30
    assert r.estimated > 0
    assert r.wait_estimate_mae_min is not None and r.wait_estimate_mae_min >= 0
    assert r.naive_mae_min is not None and r.naive_mae_min >= 0
    # The naive estimate that divides by the counters serving the category (the bench's).
    assert r.naive_counters_mae_min is not None and r.naive_counters_mae_min >= 0
    assert r.served_per_hour > 0 and r.elapsed_s > 0


def test_the_same_seed_gives_the_same_day() -> None:
    runs = [run_day(tickets=40, counters=2, seed=3) for _ in range(2)]
    same = [replace(r, elapsed_s=0, setup_s=0, cpu_s=0) for r in runs]
    assert same[0] == same[1]
    other = replace(run_day(tickets=40, counters=2, seed=4), elapsed_s=0, setup_s=0, cpu_s=0)
    assert other != same[0]


def test_the_day_runs_on_both_databases(db_url: str) -> None:
    [r] = run_days([default_plan(3)], database_url=db_url, demand=Demand(tickets=30), seed=5)
    assert sum(r.outcomes.values()) == 30 and r.served + r.no_shows == 30


def test_a_hall_with_tickets_is_refused_and_left_alone(hall_url: str) -> None:
    hall = open_hall(hall_url)
    hall.kiosk().queue.take_ticket("A")
    with hall.db.read() as s:
        before = s.execute(text("SELECT count(*) FROM tickets")).scalar()
    hall.close()
    with pytest.raises(ValidationError) as refused:
        run_days([default_plan(2)], database_url=hall_url, demand=Demand(tickets=5))
    assert "空" in refused.value.zh and "empty" in refused.value.en
    hall = open_hall(hall_url)
    with hall.db.read() as s:
        after = s.execute(text("SELECT count(*) FROM tickets")).scalar()
    hall.close()
    assert after == before == 1


def _plan_files(tmp_path: Path) -> tuple[Path, Path]:
    integrated = tmp_path / "integrated.json"
    integrated.write_text(
        json.dumps(
            {
                "name": "4 integrated",
                "counters": [{"numbers": "1-4", "categories": list(EVERY), "open": "09:00"}],
            }
        ),
        encoding="utf-8",
    )
    departmental = tmp_path / "departmental.toml"
    departmental.write_text(
        'name = "6 departmental"\n'
        + "".join(
            f'\n[[counters]]\nnumbers = {n}\ncategories = ["{c}"]\nopen = "09:00"\n'
            for n, c in enumerate("ABCDE", start=1)
        )
        + '\n[[counters]]\nnumbers = [6]\ncategories = ["E", "D"]\nopen = "12:00"\n'
        'close = "16:00"\n',
        encoding="utf-8",
    )
    return integrated, departmental


def test_two_plans_print_side_by_side_on_the_demo_hall(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CLERK_DATA_DIR", str(tmp_path / "data"))
    a, b = _plan_files(tmp_path)
    out = tmp_path / "reports.json"
    argv = ["--demo", "--lang", "en", "simulate", "--plan", str(a), "--plan", str(b)]
    assert cli.main([*argv, "--tickets", "60", "--json", str(out)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["plan", "4", "integrated", "6", "departmental"]
    tickets = next(line for line in lines if line.startswith("tickets"))
    assert tickets.split() == ["tickets", "60", "60"]
    reports = json.loads(out.read_text(encoding="utf-8"))
    assert [r["plan"] for r in reports] == ["4 integrated", "6 departmental"]
    assert [r["counters"] for r in reports] == [4, 6]
    assert not (tmp_path / "data" / "demo.db").exists()  # the demo hall itself is untouched


def test_a_plan_file_round_trips(tmp_path: Path) -> None:
    a, b = _plan_files(tmp_path)
    for plan in (load_plan(a), load_plan(b), default_plan(100)):
        for suffix in (".json", ".toml"):
            path = tmp_path / f"again{suffix}"
            save_plan(plan, path)
            assert load_plan(path) == plan
    shift = load_plan(b).shifts[-1]
    assert shift == CounterShift((6,), ("E", "D"), time(12), time(16))


def test_save_plan_writes_the_default_plan(tmp_path: Path) -> None:
    path = tmp_path / "default.toml"
    assert cli.main(["simulate", "--save-plan", str(path), "--counters", "20"]) == 0
    plan = load_plan(path)
    assert plan == default_plan(20) and plan.counter_numbers == tuple(range(1, 21))
    integrated = [s for s in plan.shifts if s.categories == EVERY]
    assert sum(len(s.numbers) for s in integrated) == 16  # 1–8 and 13–20: the demo pattern


@pytest.mark.parametrize(
    ("content", "zh", "en"),
    [
        ('{"counters": [{"numbers": "1-3", "categories": ["A"]}, {"numbers": 2, '
         '"categories": ["B"]}]}', "2 号窗口出现了两次", "counter 2 appears twice"),
        ('{"counters": [{"numbers": 1, "categories": ["A"], "open": "12:00", "close": "09:00"}]}',
         "close 应晚于 open", "close must be later than open"),
        ('{"counters": [{"numbers": 1, "categories": ["A"], "open": "9 am"}]}',
         "HH:MM", "HH:MM"),
        ('{"counters": [{"numbers": 1, "categories": ["Z"]}]}', "业务类别 Z", "category Z"),
        ('{"counters": [{"numbers": 1, "categoires": ["A"]}]}', "未知的键", "unknown key"),
        ('{"counters": [', "格式错误", "not valid JSON"),
    ],
)  # fmt: skip
def test_a_bad_plan_file_is_refused_in_both_languages_and_changes_nothing(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    content: str,
    zh: str,
    en: str,
) -> None:
    monkeypatch.setenv("CLERK_DATA_DIR", str(tmp_path / "data"))
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    out = tmp_path / "reports.json"
    scratch = tmp_path / "scratch.db"
    for lang, words in (("zh_CN", zh), ("en", en)):
        argv = ["--demo", "--lang", lang, "simulate", "--plan", str(bad), "--json", str(out)]
        assert cli.main([*argv, "--database-url", f"sqlite:///{scratch}"]) == 2
        captured = capsys.readouterr()
        assert words in captured.err and str(bad) in captured.err and captured.out == ""
    assert not out.exists() and not scratch.exists() and not (tmp_path / "data").exists()


def test_a_plan_in_code_and_its_errors() -> None:
    plan = StaffingPlan("x", (CounterShift((1, 2), ("A",), time(9)),))
    assert plan.counter_numbers == (1, 2)
    with pytest.raises(PlanError) as refused:
        default_plan(0)
    assert "1 至 999" in refused.value.zh and "1 to 999" in refused.value.en
