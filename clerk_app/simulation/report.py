"""What a simulated day measured, and plans' days side by side as one table."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from clerk_app.i18n import pick


@dataclass(frozen=True)
class DayReport:
    """One plan's simulated day. Minutes are of the hall's clock; ``elapsed_s`` is real time."""

    plan: str
    day: date
    counters: int
    tickets: int
    outcomes: Mapping[str, int]  # the day's tickets by final status, read back from the hall
    served: int
    no_shows: int
    transfers: int
    decisions: Mapping[str, int]  # case decisions made, by errand (accept, instant, …)
    evaluations: int
    elapsed_s: float  # the day itself: from the first ticket to the last service's end
    setup_s: float  # readying the database (seeding the demo hall, counters, clerks)
    last_service_end: datetime  # hall-local
    served_per_hour: float  # served tickets per hour from opening to the last service's end
    wait_p50_min: Mapping[str, float]  # by category as taken, and "all"
    wait_p90_min: Mapping[str, float]
    utilisation: Mapping[int, float]  # counter -> busy time / open time, in [0, 1]
    wait_estimate_mae_min: float | None  # |slip's estimate − real wait|, tickets with one
    naive_mae_min: float | None  # the same for people ahead × NAIVE_MINUTES
    estimated: int  # tickets whose slip had an estimate (a counter of theirs was open)
    long_wait_minutes: int  # the hall's queue.long_wait_minutes
    long_wait_share: float  # share of tickets that waited longer than that
    cpu_s: float = 0.0  # CPU time of this process for the day (the database's too, on SQLite)
    # The slip's error beside people ahead × NAIVE_MINUTES ÷ the counters open for the
    # category then: the naive estimate that at least knows how many serve (ahead × 8 min alone
    # is no contest at 100 counters). None with no ticket taken while one of its counters was
    # open.
    naive_counters_mae_min: float | None = None

    @property
    def utilisation_mean(self) -> float:
        values = list(self.utilisation.values())
        return sum(values) / len(values) if values else 0.0


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0–100) of ``values``; 0 for none."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


def _fmt(value: float | None, digits: int = 1) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def report_rows(report: DayReport) -> list[tuple[str, str]]:
    """(label, value) of one day in the order the table prints them."""
    rows = [
        (pick("日期", "day"), report.day.isoformat()),
        (pick("开放窗口", "counters"), str(report.counters)),
        (pick("号票", "tickets"), str(report.tickets)),
        (pick("办结", "served"), str(report.served)),
        (pick("过号", "no-shows"), str(report.no_shows)),
        (pick("转号", "transfers"), str(report.transfers)),
        (
            pick("未办理（闭厅时仍在等候）", "unserved (still waiting)"),
            str(report.tickets - report.served - report.no_shows),
        ),
        (
            pick("办件决定", "case decisions"),
            " ".join(f"{k}={v}" for k, v in sorted(report.decisions.items())),
        ),
        (pick("好差评", "evaluations"), str(report.evaluations)),
        (pick("每小时办结", "served per hour"), _fmt(report.served_per_hour)),
        (pick("最后办结时刻", "last service ended"), report.last_service_end.strftime("%H:%M")),
        (
            pick("等候 p50/p90（分钟）", "wait p50/p90 (min)"),
            f"{_fmt(report.wait_p50_min.get('all'))}/{_fmt(report.wait_p90_min.get('all'))}",
        ),
    ]
    for category in sorted(k for k in report.wait_p50_min if k != "all"):
        rows.append(
            (
                pick(f"  {category} 类等候 p50/p90", f"  wait {category} p50/p90"),
                f"{_fmt(report.wait_p50_min[category])}/{_fmt(report.wait_p90_min[category])}",
            )
        )
    values = list(report.utilisation.values())
    rows += [
        (
            pick("窗口利用率 平均/最低/最高", "counter utilisation mean/min/max"),
            f"{report.utilisation_mean:.0%}/{min(values, default=0):.0%}/"
            f"{max(values, default=0):.0%}",
        ),
        (
            pick(
                f"等候超过 {report.long_wait_minutes} 分钟",
                f"waited over {report.long_wait_minutes} min",
            ),
            f"{report.long_wait_share:.1%}",
        ),
        (
            pick("预计等候误差（分钟）", "wait estimate MAE (min)"),
            _fmt(report.wait_estimate_mae_min, 2),
        ),
        (
            pick("朴素估计误差（前面人数×8分钟）", "naive MAE (ahead × 8 min)"),
            _fmt(report.naive_mae_min, 2),
        ),
        (
            pick(
                "朴素估计误差（前面人数×8分钟÷开放窗口数）",
                "naive MAE (ahead × 8 min ÷ open counters)",
            ),
            _fmt(report.naive_counters_mae_min, 2),
        ),
        (pick("模拟用时（秒）", "simulated in (s)"), _fmt(report.elapsed_s)),
        (pick("其中 CPU（秒）", "of it CPU (s)"), _fmt(report.cpu_s)),
    ]
    return rows


def side_by_side(reports: Sequence[DayReport]) -> str:
    """The days as one text table: a row per figure, a column per plan."""
    columns = [report_rows(r) for r in reports]
    labels = [label for label, _ in columns[0]] if columns else []
    header = [pick("方案", "plan")] + [r.plan for r in reports]
    body = [
        [label] + [col[i][1] if i < len(col) else "" for col in columns]
        for i, label in enumerate(labels)
    ]
    table = [header, *body]
    widths = [max(_width(row[i]) for row in table) for i in range(len(header))]
    lines = []
    for row in table:
        cells = [_pad(cell, widths[i], left=i == 0) for i, cell in enumerate(row)]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def _width(text: str) -> int:
    """Terminal columns: CJK characters take two."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _pad(text: str, width: int, *, left: bool) -> str:
    gap = " " * (width - _width(text))
    return text + gap if left else gap + text


def as_dict(report: DayReport) -> dict[str, object]:
    """The report as plain JSON-ready values (for the bench's results file)."""
    return {
        "plan": report.plan,
        "day": report.day.isoformat(),
        "counters": report.counters,
        "tickets": report.tickets,
        "outcomes": dict(report.outcomes),
        "served": report.served,
        "no_shows": report.no_shows,
        "transfers": report.transfers,
        "decisions": dict(report.decisions),
        "evaluations": report.evaluations,
        "elapsed_s": report.elapsed_s,
        "setup_s": report.setup_s,
        "cpu_s": report.cpu_s,
        "served_per_hour": report.served_per_hour,
        "wait_p50_min": dict(report.wait_p50_min),
        "wait_p90_min": dict(report.wait_p90_min),
        "utilisation": {str(k): v for k, v in report.utilisation.items()},
        "wait_estimate_mae_min": report.wait_estimate_mae_min,
        "naive_mae_min": report.naive_mae_min,
        "naive_counters_mae_min": report.naive_counters_mae_min,
        "estimated": report.estimated,
        "long_wait_minutes": report.long_wait_minutes,
        "long_wait_share": report.long_wait_share,
    }
