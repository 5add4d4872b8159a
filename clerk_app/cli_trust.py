"""``clerk audit verify|head|restrict``, ``clerk backup`` and ``clerk restore`` (issue 16).

``verify`` exits 0 when the chain holds (and reaches the exported head given), 1 naming the
first bad row. ``backup`` and ``restore`` work on the database as it is, without opening the
hall (no migration runs first): they take the URL, not a ``Hall``.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from clerk_app.api import Hall, open_hall
from clerk_app.domain.audit_chain import ChainReport
from clerk_app.errors import ValidationError
from clerk_app.i18n import pick


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as e:
        raise ValidationError(
            f"日期格式应为 YYYY-MM-DD：{text}", f"A date is YYYY-MM-DD: {text}"
        ) from e


def print_report(report: ChainReport) -> int:
    """One line per fact; exit status 0 intact, 1 broken."""
    if report.bad is None:
        head = report.head
        where = f"{head.seq} {head.hash}" if head else "-"
        print(
            pick(
                f"审计链完好：{report.rows} 条，链头 {where}",
                f"Audit chain intact: {report.rows} rows, head {where}",
            )
        )
        return 0
    print(
        pick("审计链已损坏：", "Audit chain BROKEN: ")
        + pick(report.bad.reason_zh, report.bad.reason_en)
    )
    return 1


def cmd_audit_verify(hall: Hall, args: argparse.Namespace) -> int:
    from clerk_app.services.audit_log import read_head_file

    head = read_head_file(Path(args.head)) if args.head else None
    return print_report(hall.system().audit.verify(head))


def cmd_audit_head(hall: Hall, args: argparse.Namespace) -> int:
    exported = hall.system().audit.head(_day(args.day) if args.day else None)
    text = exported.to_json()
    if args.out:
        Path(args.out).write_text(text + "\n", encoding="utf-8")
        print(pick(f"链头已导出到 {args.out}", f"Head exported to {args.out}"), file=sys.stderr)
    else:
        print(text)
    return 0


def cmd_audit_restrict(hall: Hall, args: argparse.Namespace) -> int:
    from clerk_app.services.audit_log import restrict_audit_log

    if not hall.db.is_postgres:
        print(
            pick("SQLite 无数据库角色，无需设置。", "SQLite has no database roles: nothing to do.")
        )
        return 0
    with hall.db.write_engine.begin() as conn:
        roles = restrict_audit_log(conn)
    names = ", ".join(sorted(roles)) or "-"
    print(
        pick(
            f"审计日志只允许追加：PUBLIC 与 {names}",
            f"Audit log is append-only for PUBLIC and {names}",
        )
    )
    return 0


def cmd_backup(url: str, args: argparse.Namespace) -> int:
    from clerk_app.services.backup import backup

    done = backup(url, Path(args.file))
    print(
        pick(
            f"已备份到 {done.path}（{done.size} 字节）",
            f"Backed up to {done.path} ({done.size} bytes)",
        )
    )
    return 0


def cmd_restore(url: str, args: argparse.Namespace) -> int:
    from clerk_app.services.backup import restore

    restore(url, Path(args.file), force=args.force)
    print(pick(f"已从 {args.file} 恢复。", f"Restored from {args.file}."))
    hall = open_hall(url)
    try:
        return print_report(hall.system().audit.verify())
    finally:
        hall.close()


def add_parsers(sub: Any) -> None:
    audit = sub.add_parser("audit", help="the audit log's hash chain").add_subparsers(
        dest="audit_command", required=True
    )
    verify = audit.add_parser(
        "verify", help="check the chain (exit 0 intact, 1 naming the first bad row)"
    )
    verify.add_argument(
        "--head", metavar="FILE", help="a head exported earlier: the chain must still reach it"
    )
    verify.set_defaults(func=cmd_audit_verify)
    head = audit.add_parser("head", help="export the chain's head (sequence number and hash)")
    head.add_argument("--day", metavar="DATE", help="the head at the end of this hall day")
    head.add_argument("--out", metavar="FILE", help="write it to FILE (default: stdout)")
    head.set_defaults(func=cmd_audit_head)
    audit.add_parser(
        "restrict",
        help="PostgreSQL: let the application's roles only read and add audit rows",
    ).set_defaults(func=cmd_audit_restrict)
    backup = sub.add_parser(
        "backup", help="copy the hall database to FILE (SQLite online backup; pg_dump -Fc)"
    )
    backup.add_argument("file", metavar="FILE")
    backup.set_defaults(raw=cmd_backup)
    restore = sub.add_parser(
        "restore", help="restore FILE into the hall database, then check the audit chain"
    )
    restore.add_argument("file", metavar="FILE")
    restore.add_argument(
        "--force", action="store_true", help="replace a database that is not empty"
    )
    restore.set_defaults(raw=cmd_restore)
