"""``clerk simulate``: simulated hall days of one or more staffing plans, side by side."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from clerk_app.errors import ConfigError
from clerk_app.i18n import pick
from clerk_app.simulation import (
    DEFAULT_COUNTERS,
    DEFAULT_SEED,
    DEFAULT_TICKETS,
    Demand,
    as_dict,
    default_plan,
    load_plan,
    run_days,
    save_plan,
    side_by_side,
)


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "simulate",
        help="simulate a hall day through the real services on a scratch copy of the demo hall "
        "and compare staffing plans side by side (never touches the hall's database)",
    )
    p.add_argument(
        "--plan",
        action="append",
        metavar="FILE",
        type=Path,
        help="a staffing plan (.json or .toml, see README); repeat to compare plans",
    )
    p.add_argument(
        "--save-plan",
        metavar="FILE",
        type=Path,
        help="write the default plan for --counters to FILE (.json or .toml) and stop",
    )
    p.add_argument("--tickets", type=int, default=DEFAULT_TICKETS, help="tickets in the day")
    p.add_argument(
        "--counters",
        type=int,
        default=DEFAULT_COUNTERS,
        help="counters of the default plan (the demo hall's pattern, repeated)",
    )
    p.add_argument("--seed", type=int, default=DEFAULT_SEED, help="the day's random seed")
    p.add_argument(
        "--database-url",
        help="run on this database instead of a temporary SQLite file; it must hold no ticket "
        "or case (e.g. a new PostgreSQL database)",
    )
    p.add_argument("--json", metavar="FILE", type=Path, help="also write the reports as JSON")


def run(args: argparse.Namespace) -> int:
    """Runs ``clerk simulate``; ``ClerkError`` (bilingual) for anything it cannot use, with
    nothing run or written."""
    if getattr(args, "db", None):
        raise ConfigError(
            "模拟从不打开大厅数据库（--db）；如需在 PostgreSQL 上模拟，请用 --database-url "
            "指定一个空库。",
            "simulate never opens the hall database (--db); to simulate on PostgreSQL, give "
            "an empty database with --database-url.",
        )
    if args.tickets < 1 or args.tickets > 100_000:
        raise ConfigError("--tickets 应在 1 至 100000 之间。", "--tickets must be 1 to 100000.")
    if args.save_plan is not None:
        if args.plan:
            raise ConfigError(
                "--save-plan 写出默认方案，不与 --plan 同用。",
                "--save-plan writes the default plan; it does not go with --plan.",
            )
        save_plan(default_plan(args.counters), args.save_plan)
        print(pick(f"已写入排班方案 {args.save_plan}", f"Wrote the plan to {args.save_plan}"))
        return 0
    demand = Demand(tickets=args.tickets)
    plans = [load_plan(p) for p in args.plan] if args.plan else [default_plan(args.counters)]
    reports = run_days(plans, database_url=args.database_url, demand=demand, seed=args.seed)
    print(side_by_side(reports))
    if args.json is not None:
        text = json.dumps([as_dict(r) for r in reports], ensure_ascii=False, indent=2)
        args.json.write_text(text + "\n", encoding="utf-8")
    return 0
