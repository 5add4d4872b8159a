"""The ``clerk`` command line: schema, demo seeding, users, queue, cases, documents, evaluations,
imports and exports, reports.

Every command goes through ``clerk_app.api`` like the UI does. Errors print one sentence to
stderr and exit with status 2; no traceback reaches the user.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from pathlib import Path

from clerk_app import cli_trust, i18n, setup_pc
from clerk_app.api import Hall, open_hall
from clerk_app.config import ENV_DB_URL, default_db_url, demo_db_url, demo_pii_keys_path
from clerk_app.documents.paper_data import JOURNEY_KINDS, DocumentKind
from clerk_app.documents.pdf_file import write_pdf_file
from clerk_app.documents.signing import ForgedPayload
from clerk_app.domain import redaction
from clerk_app.domain.case_states import CaseState, state_label
from clerk_app.domain.roles import ACCOUNT_ROLES, Role
from clerk_app.domain.task_states import TaskState, task_state_label
from clerk_app.errors import ClerkError
from clerk_app.i18n import pick
from clerk_app.services.calendar import CalendarYearInfo
from clerk_app.services.documents.fit import kind_label
from clerk_app.simulation import command as simulate

Handler = Callable[[Hall, argparse.Namespace], int]


def _password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass(pick("新密码：", "New password: "))
    if getpass.getpass(pick("再次输入：", "Repeat: ")) != first:
        raise ClerkError("两次输入的密码不一致。", "The two passwords differ.")
    return first


def cmd_upgrade(hall: Hall, args: argparse.Namespace) -> int:
    print(
        pick(
            f"数据库结构已是最新：{hall.db.describe()}", f"Schema is current: {hall.db.describe()}"
        )
    )
    return 0


def cmd_seed_demo(hall: Hall, args: argparse.Namespace) -> int:
    hall.seed_demo()
    print(
        pick(
            "演示大厅数据已就绪（演示账户密码均为 demo）。",
            "Demo hall ready (demo accounts use the password 'demo').",
        )
    )
    return 0


def cmd_user_add(hall: Hall, args: argparse.Namespace) -> int:
    user = hall.system().admin.add_user(
        args.username, args.name or args.username, args.role, _password(args), args.department
    )
    print(
        pick(
            f"已添加用户 {user.username}（{user.role}）。",
            f"Added user {user.username} ({user.role}).",
        )
    )
    return 0


def cmd_user_passwd(hall: Hall, args: argparse.Namespace) -> int:
    hall.system().admin.set_password(args.username, _password(args))
    print(pick(f"已修改 {args.username} 的密码。", f"Password of {args.username} changed."))
    return 0


def cmd_user_disable(hall: Hall, args: argparse.Namespace) -> int:
    hall.system().admin.set_active(args.username, False)
    print(pick(f"已停用用户 {args.username}。", f"User {args.username} disabled."))
    return 0


def cmd_user_enable(hall: Hall, args: argparse.Namespace) -> int:
    hall.system().admin.set_active(args.username, True)
    print(pick(f"已启用用户 {args.username}。", f"User {args.username} enabled."))
    return 0


def cmd_user_role(hall: Hall, args: argparse.Namespace) -> int:
    admin = hall.system().admin
    user = next((u for u in admin.list_users() if u.username == args.username), None)
    if user is None:
        raise ClerkError(f"没有用户 {args.username}。", f"No user {args.username}.")
    admin.edit_user(args.username, user.display_name, args.role, args.department)
    print(
        pick(f"{args.username} 的角色已改为 {args.role}。", f"{args.username} is now {args.role}.")
    )
    return 0


def cmd_user_unlock(hall: Hall, args: argparse.Namespace) -> int:
    hall.system().admin.unlock(args.username)
    print(pick(f"已解锁用户 {args.username}。", f"User {args.username} unlocked."))
    return 0


def cmd_user_list(hall: Hall, args: argparse.Namespace) -> int:
    for u in hall.system().admin.list_users():
        flags = ("" if u.active else " disabled") + (" locked" if u.locked else "")
        role = f"{u.role}:{u.department}" if u.department else u.role
        print(f"{u.username}\t{role}\t{u.display_name}{flags}")
    return 0


def cmd_ticket_take(hall: Hall, args: argparse.Namespace) -> int:
    t = hall.kiosk().queue.take_ticket(args.category, priority=args.priority, identity=args.id)
    print(
        pick(
            f"{t.number}\t{t.category_name}\t前面 {t.ahead} 人\t"
            + ("暂无窗口办理" if t.wait_minutes is None else f"预计等候 {t.wait_minutes} 分钟"),
            f"{t.number}\t{t.category_name}\t{t.ahead} ahead\t"
            + ("no counter open" if t.wait_minutes is None else f"~{t.wait_minutes} min"),
        )
    )
    return 0


def cmd_queue_status(hall: Hall, args: argparse.Namespace) -> int:
    status = hall.system().queue.status()
    print(pick("类别\t名称\t等候\t开放窗口\t预计等候(分)", "cat\tname\twaiting\topen\twait(min)"))
    for c in status.categories:
        wait = "-" if c.wait_minutes is None else c.wait_minutes  # no counter open: no estimate
        print(f"{c.prefix}\t{c.name}\t{c.waiting}\t{c.open_counters}\t{wait}")
    print(pick("窗口\t状态\t人员\t当前号\t类别", "counter\tstate\tclerk\tcurrent\tcategories"))
    for k in status.counters:
        state = ("暂停" if k.paused else "在线") if k.online else "离线"
        if i18n.language() == "en":
            state = ("paused" if k.paused else "online") if k.online else "offline"
        print(
            f"{k.number}\t{state}\t{k.clerk or '-'}\t{k.current_ticket or '-'}\t"
            f"{''.join(k.categories)}"
        )
    return 0


def cmd_queue_close_day(hall: Hall, args: argparse.Namespace) -> int:
    n = hall.system(Role.SUPERVISOR).queue.close_day()
    print(pick(f"已将 {n} 张未叫号票标记为过期。", f"{n} waiting tickets marked expired."))
    return 0


def cmd_cases_list(hall: Hall, args: argparse.Namespace) -> int:
    session = hall.system()
    cases = session.cases.list_cases(state=args.state, limit=args.limit)
    if args.json:
        journeys = session.journey.journeys([c.case_no for c in cases])
        rows = [
            {
                "case_no": c.case_no,
                "item_code": c.item_code,
                "item_name": c.item_name,
                "applicant": c.applicant_masked,
                "state": c.state,
                "due_date": c.due_date.isoformat() if c.due_date else None,
                "supplement_due": c.supplement_due.isoformat() if c.supplement_due else None,
                "warning": c.warning,
                "package": journeys[c.case_no].package,
                "authority": journeys[c.case_no].authority,
                "visits": journeys[c.case_no].visits,
            }
            for c in cases
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for c in cases:
        due = c.due_date.isoformat() if c.due_date else "-"
        state = state_label(CaseState(c.state))
        print(f"{c.case_no}\t{c.item_code} {c.item_name}\t{c.applicant_masked}\t{state}\t{due}")
    return 0


def cmd_tasks_list(hall: Hall, args: argparse.Namespace) -> int:
    tasks = hall.system().journey.list_tasks(state=args.state)
    if args.json:
        rows = [
            {
                "case_no": t.case_no,
                "package": t.package_code,
                "item_name": t.item_name,
                "department": t.department_name,
                "department_code": t.department_code,
                "state": t.state.value,
                "due_date": t.due_date.isoformat(),
                "warning": t.warning,
            }
            for t in tasks
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for t in tasks:
        state = task_state_label(t.state)
        print(f"{t.case_no}\t{t.department_name}\t{t.item_name}\t{state}\t{t.due_date}")
    return 0


def cmd_outbox_export(hall: Hall, args: argparse.Namespace) -> int:
    result = hall.system().journey.export_outbox(Path(args.file))
    print(
        pick(
            f"已导出 {result.written} 条待发送通知：{result.path}",
            f"Exported {result.written} pending notifications to {result.path}",
        )
    )
    return 0


def cmd_cases_sweep(hall: Hall, args: argparse.Namespace) -> int:
    ended = hall.system().cases.mark_overdue()
    for c in ended:
        print(f"{c.case_no}\t{c.state}")
    print(pick(f"逾期未补正已终止 {len(ended)} 件。", f"{len(ended)} overdue cases ended."))
    return 0


def cmd_evaluations_sweep(hall: Hall, args: argparse.Namespace) -> int:
    evaluations = hall.system(Role.SUPERVISOR).evaluations
    defaults = evaluations.apply_defaults()
    overdue = evaluations.mark_overdue_rectifications()
    print(
        pick(
            f"未评价满期计为基本满意 {len(defaults.defaulted)} 次；"
            f"差评整改超期 {len(overdue.overdue)} 件。",
            f"{len(defaults.defaulted)} unrated services counted as basically satisfied; "
            f"{len(overdue.overdue)} rectifications overdue.",
        )
    )
    return 0


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ClerkError(
            f"日期“{text}”格式不对，应为 2026-12-01。", f"Bad date {text!r}; write 2026-12-01."
        ) from None


def cmd_evaluations_export(hall: Hall, args: argparse.Namespace) -> int:
    result = hall.system(Role.SUPERVISOR).evaluations.export(_date(args.since), Path(args.out))
    if result is None:
        print(pick("没有需要上报的评价，未写文件。", "No evaluations to report; no file written."))
        return 0
    if result.recovered:
        print(
            pick(
                f"上次导出中断，已重写批次 {result.batch_no}；再次运行以导出其后的评价。",
                f"An earlier export was interrupted: batch {result.batch_no} written again; "
                "run again to export later ratings.",
            )
        )
    print(
        pick(
            f"已导出批次 {result.batch_no}：{result.record_count} 条评价，{result.path}",
            f"Exported batch {result.batch_no}: {result.record_count} evaluations to {result.path}",
        )
    )
    return 0


def cmd_report(hall: Hall, args: argparse.Namespace) -> int:
    def progress(done: int, total: int) -> None:
        if sys.stderr.isatty():
            print(f"\r{done}/{total}", end="" if done < total else "\n", file=sys.stderr)

    saved = hall.system(Role.SUPERVISOR).reports.save(
        _date(args.date_from),
        _date(args.date_to),
        Path(args.out),
        counter=args.counter,
        clerk=args.clerk,
        progress=progress,
    )
    t = saved.report.total
    print(
        pick(
            f"已写出报表 {saved.path}：取号 {t.tickets}，办理 {t.served}，过号 {t.no_shows}，"
            f"办件 {t.cases}，评价 {t.evaluations}",
            f"Report written to {saved.path}: {t.tickets} tickets, {t.served} served, "
            f"{t.no_shows} no-shows, {t.cases} cases, {t.evaluations} evaluations",
        )
    )
    return 0


def _days(text: str) -> list[date]:
    """ "2027-01-01,2027-02-16..2027-02-22" -> the dates, ranges inclusive."""
    days: list[date] = []
    for part in filter(None, (p.strip() for p in text.split(","))):
        try:
            first, _, last = part.partition("..")
            start, end = date.fromisoformat(first), date.fromisoformat(last or first)
        except ValueError:
            raise ClerkError(
                f"日期“{part}”格式不对，应为 2027-01-01 或 2027-02-16..2027-02-22。",
                f"Bad date {part!r}; write 2027-01-01 or 2027-02-16..2027-02-22.",
            ) from None
        if end < start:
            raise ClerkError(
                f"日期范围“{part}”起止颠倒，未录入任何内容。",
                f"The range {part!r} ends before it starts; nothing was entered.",
            )
        days.extend(start + timedelta(days=i) for i in range((end - start).days + 1))
    return days


def _print_year(info: CalendarYearInfo) -> None:
    state = "covered" if info.covered else "NOT covered"
    source = "chinese-calendar" if info.known_to_package else "override table"
    print(
        pick(
            f"{info.year} 年：{'可计算工作日' if info.covered else '未覆盖，不能计算工作日'}",
            f"{info.year}: {state} ({source})",
        )
    )
    for d in info.days:
        kind = pick("调休上班", "make-up workday") if d.is_workday else pick("放假", "day off")
        print(f"{d.day.isoformat()}\t{kind}\t{d.note}")


def cmd_calendar_show(hall: Hall, args: argparse.Namespace) -> int:
    _print_year(hall.system().calendar.year(args.year))
    return 0


def cmd_calendar_enter(hall: Hall, args: argparse.Namespace) -> int:
    info = hall.system().calendar.enter_year(
        args.year, _days(args.holidays), _days(args.workdays), note=args.note
    )
    _print_year(info)
    return 0


def cmd_print(hall: Hall, args: argparse.Namespace) -> int:
    out = Path(args.out)
    if not out.parent.is_dir():  # refuse before anything is recorded
        raise ClerkError(
            f"输出目录不存在：{out.parent}，未打印。",
            f"The output folder {out.parent} does not exist; nothing was printed.",
        )
    session = hall.system()
    if str(args.kind).strip().lower() in {k.value for k in JOURNEY_KINDS}:
        printed = session.journey.print_paper(args.kind, args.case_no)  # for the case group
    else:
        printed = session.documents.print_document(args.kind, args.case_no)
    try:
        write_pdf_file(out, printed.pdf)
    except OSError as e:
        raise ClerkError(
            f"无法写入 {out}：{e.strerror}（打印记录 {printed.record_id} 已保存，可再次补打）。",
            f"Cannot write {out}: {e.strerror} (print record {printed.record_id} is saved; "
            "print again for a reprint).",
        ) from e
    mark = pick("（补打）", " (reprint)") if printed.reprint else ""
    print(
        pick(
            f"已打印{printed.title}{mark}：办件 {printed.case_no}，{out}",
            f"Printed {printed.title}{mark} of case {printed.case_no} to {out}",
        )
    )
    return 0


def cmd_verify(hall: Hall, args: argparse.Namespace) -> int:
    try:
        result = hall.system().documents.verify(args.payload)
    except ForgedPayload as e:
        print(f"{pick('假', 'FORGED')}\t{e}")
        return 1
    recorded = (
        pick("有打印记录", "recorded") if result.recorded else pick("无打印记录", "no record")
    )
    print(
        f"{pick('真', 'GENUINE')}\t{kind_label(result.kind)}\t{result.case_no}\t"
        f"{result.issued_on.isoformat()}\t{recorded}\t{result.case_state_label or '-'}"
    )
    for label, value in result.printed_lines():  # compare these with the paper
        print(f"\t{label}\t{value}")
    return 0


def cmd_db_grants(hall: Hall, args: argparse.Namespace) -> int:
    from clerk_app.persistence.grants import apply_grants, grants_sql

    if not args.apply:
        print(grants_sql())
        return 0
    apply_grants(hall.db)
    print(pick("已设置各设备的数据库角色。", "The device roles are granted."))
    return 0


def cmd_keys_rotate(hall: Hall, _args: argparse.Namespace) -> int:
    key_id = hall.system().documents.rotate_key()
    print(
        pick(
            f"新的文书签名密钥 {key_id} 自现在起签名；旧密钥签出的文书仍可验证。",
            f"The new document key {key_id} signs from now on; paper signed before still verifies.",
        )
    )
    return 0


def cmd_import(hall: Hall, args: argparse.Namespace) -> int:
    from clerk_app.services.imports import ImportRefused  # loads only for imports

    imports = hall.system().imports
    run = {
        "catalog": imports.import_catalog,
        "credit-list": imports.import_credit_list,
        "appointments": imports.import_appointments,
    }[args.what]
    try:
        report = run(Path(args.file), dry_run=args.dry_run)
    except ImportRefused as e:
        for line in e.report.lines():
            print(line, file=sys.stderr)
        if args.report:
            e.report.save_csv(Path(args.report))
        return 2
    print(report.summary())
    if args.report:
        report.save_csv(Path(args.report))
    return 0


def cmd_export(hall: Hall, args: argparse.Namespace) -> int:
    imports = hall.system().imports
    out = Path(args.file)
    n = imports.export_catalog(out) if args.what == "catalog" else imports.export_credit_list(out)
    print(pick(f"已导出 {n} 行：{out}", f"Exported {n} rows to {out}"))
    return 0


def cmd_keys_rotate_pii(hall: Hall, args: argparse.Namespace) -> int:
    if not 1 <= args.batch <= 100_000:
        raise ClerkError("--batch 应为 1 到 100000。", "--batch must be 1 to 100000.")
    keys = hall.system().pii_keys
    new_id = keys.rotate()
    path = hall.db.pii.keys.path
    print(
        pick(
            f"新的证件号码加密密钥 {new_id} 已启用（{path}）；请把该文件复制到本厅每台电脑并备份。",
            f"ID sealing key {new_id} is in use ({path}); copy the file to every PC of the hall "
            "and back it up.",
        )
    )
    if args.reencrypt:
        n = keys.reseal(args.batch)
        print(pick(f"已用新密钥重新加密 {n} 个证件号码。", f"{n} ID numbers sealed again."))
    return 0


def cmd_keys_status(hall: Hall, args: argparse.Namespace) -> int:
    state = hall.system().pii_keys.state()
    print(pick(f"新值使用密钥 {state.current_id}", f"New values use key {state.current_id}"))
    for kid, n in sorted(state.values_by_key.items()):
        print(pick(f"密钥 {kid}：{n} 个", f"key {kid}: {n} values"))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="clerk", description="一窗受理 counter desk")
    source = parser.add_mutually_exclusive_group()
    source.add_argument(
        "--db",
        help=f"database URL (default: ${ENV_DB_URL}, this PC's settings, else the local hall "
        "file — not the demo hall)",
    )
    source.add_argument(
        "--demo",
        action="store_true",
        help="the demo hall's own file, the one `clerk-desk --demo` opens",
    )
    parser.add_argument("--lang", choices=i18n.LANGUAGES, default="zh_CN")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("upgrade", help="create or upgrade the schema").set_defaults(func=cmd_upgrade)
    sub.add_parser("seed-demo", help="load the demo hall").set_defaults(func=cmd_seed_demo)

    user = sub.add_parser("user", help="manage staff accounts")
    usub = user.add_subparsers(dest="user_command", required=True)
    add = usub.add_parser("add", help="add a user")
    add.add_argument("username")
    roles = [r.value for r in ACCOUNT_ROLES]
    add.add_argument("--role", required=True, choices=roles)
    add.add_argument("--name", help="display name")
    add.add_argument("--department", default="", help="a reviewer's department code")
    add.set_defaults(func=cmd_user_add)
    for name, func, text in (
        ("passwd", cmd_user_passwd, "set a user's password"),
        ("disable", cmd_user_disable, "disable a user"),
        ("enable", cmd_user_enable, "enable a disabled user"),
        ("unlock", cmd_user_unlock, "unlock a locked user"),
    ):
        p = usub.add_parser(name, help=text)
        p.add_argument("username")
        p.set_defaults(func=func)
    for p in (add, usub.choices["passwd"]):
        p.add_argument(
            "--password-stdin",
            action="store_true",
            help="read the password from standard input (for scripts)",
        )
    role = usub.add_parser("role", help="change a user's role (the last admin keeps its role)")
    role.add_argument("username")
    role.add_argument("role", choices=roles)
    role.add_argument("--department", default="", help="a reviewer's department code")
    role.set_defaults(func=cmd_user_role)
    usub.add_parser("list", help="list users").set_defaults(func=cmd_user_list)

    ticket = sub.add_parser("ticket", help="queue tickets").add_subparsers(
        dest="ticket_command", required=True
    )
    take = ticket.add_parser("take", help="take a ticket as the kiosk does")
    take.add_argument("category", help="category prefix, e.g. A")
    take.add_argument("--priority", default="normal")
    take.add_argument("--id", help="resident ID or USCC for a real-name ticket")
    take.set_defaults(func=cmd_ticket_take)
    queue = sub.add_parser("queue", help="the queue").add_subparsers(
        dest="queue_command", required=True
    )
    queue.add_parser("status", help="waiting per category, counters").set_defaults(
        func=cmd_queue_status
    )
    queue.add_parser("close-day", help="expire tickets still waiting").set_defaults(
        func=cmd_queue_close_day
    )
    cases = sub.add_parser("cases", help="cases (办件)").add_subparsers(
        dest="cases_command", required=True
    )
    listing = cases.add_parser("list", help="newest cases: number, item, applicant, state, due")
    listing.add_argument("--json", action="store_true", help="a JSON list of objects")
    listing.add_argument("--state", choices=[s.value for s in CaseState])
    listing.add_argument("--limit", type=int, default=500)
    listing.set_defaults(func=cmd_cases_list)
    cases.add_parser(
        "sweep", help="end 容缺 cases past their deadline and record the broken commitments"
    ).set_defaults(func=cmd_cases_sweep)
    tasks = sub.add_parser("tasks", help="department tasks (部门任务)").add_subparsers(
        dest="tasks_command", required=True
    )
    task_list = tasks.add_parser("list", help="tasks: case, department, state, due date")
    task_list.add_argument("--json", action="store_true", help="a JSON list of objects")
    task_list.add_argument("--state", choices=[s.value for s in TaskState])
    task_list.set_defaults(func=cmd_tasks_list)
    outbox = sub.add_parser("outbox", help="notifications to applicants (SMS)").add_subparsers(
        dest="outbox_command", required=True
    )
    out_export = outbox.add_parser(
        "export", help="write pending notifications to a new file for the SMS gateway"
    )
    out_export.add_argument("file", help="the file to create (refused if it exists)")
    out_export.set_defaults(func=cmd_outbox_export)
    evaluations = sub.add_parser("evaluations", help="好差评 ratings").add_subparsers(
        dest="evaluations_command", required=True
    )
    evaluations.add_parser(
        "sweep",
        help="count services left unrated past the allowed days as basically satisfied, "
        "and mark rectifications past their deadline overdue",
    ).set_defaults(func=cmd_evaluations_sweep)
    exporting = evaluations.add_parser(
        "export",
        help="write evaluations not yet reported to the province to a JSON Lines file "
        "(each exactly once, also across interrupted runs)",
    )
    exporting.add_argument("--since", required=True, metavar="DATE", help="e.g. 2026-12-01")
    exporting.add_argument("--out", required=True, metavar="FILE.jsonl", help="the file to write")
    exporting.set_defaults(func=cmd_evaluations_export)
    report = sub.add_parser(
        "report",
        help="figures of a date range by category, counter, clerk, department and item, "
        "as an Excel workbook or a PDF (supervisor reports)",
    )
    report.add_argument("--from", dest="date_from", required=True, metavar="DATE")
    report.add_argument("--to", dest="date_to", required=True, metavar="DATE", help="inclusive")
    report.add_argument("--out", required=True, metavar="FILE", help="FILE.xlsx or FILE.pdf")
    report.add_argument("--counter", type=int, metavar="N", help="only counter N")
    report.add_argument("--clerk", metavar="USERNAME", help="only this clerk")
    report.set_defaults(func=cmd_report)
    calendar = sub.add_parser("calendar", help="working-day overrides (工作日调整)").add_subparsers(
        dest="calendar_command", required=True
    )
    show = calendar.add_parser("show", help="a year's coverage and override days")
    show.add_argument("year", type=int)
    show.set_defaults(func=cmd_calendar_show)
    enter = calendar.add_parser(
        "enter", help="enter a year's State Council holiday notice (replaces that year's days)"
    )
    enter.add_argument("year", type=int)
    enter.add_argument(
        "--holidays", required=True, help="days off: 2027-01-01,2027-02-16..2027-02-22"
    )
    enter.add_argument("--workdays", default="", help="weekend days worked (调休): 2027-02-14,...")
    enter.add_argument("--note", default="", help="e.g. 国办发明电〔2026〕N号")
    enter.set_defaults(func=cmd_calendar_enter)
    kinds = ", ".join(k.value for k in DocumentKind)
    printing = sub.add_parser("print", help="print a document of a case to a PDF file")
    printing.add_argument("kind", metavar="KIND", help=f"one of: {kinds}")
    printing.add_argument("case_no", metavar="CASE_NO")
    printing.add_argument("--out", required=True, metavar="FILE.pdf", help="the PDF to write")
    printing.set_defaults(func=cmd_print)
    verify = sub.add_parser("verify", help="check a scanned QR payload (exit 0 genuine, 1 forged)")
    verify.add_argument("payload", metavar="PAYLOAD")
    verify.set_defaults(func=cmd_verify)
    db_cmd = sub.add_parser("db", help="the hall database").add_subparsers(
        dest="db_command", required=True
    )
    grants = db_cmd.add_parser(
        "grants", help="print (or --apply) the PostgreSQL roles of kiosk, display and staff PCs"
    )
    grants.add_argument("--apply", action="store_true", help="run it (as the schema's owner)")
    grants.set_defaults(func=cmd_db_grants)
    keys = sub.add_parser(
        "keys", help="the documents' signing keys and the keys that encrypt ID numbers"
    ).add_subparsers(dest="keys_command", required=True)
    keys.add_parser(
        "rotate", help="a new key signs from now on; paper signed with older keys still verifies"
    ).set_defaults(func=cmd_keys_rotate)
    importing = sub.add_parser(
        "import",
        help="import a catalog, credit list or appointments file (.xlsx or .csv); every row is "
        "checked first and the file is imported whole or not at all (exit 2: refused, the "
        "report on stderr)",
    )
    importing.add_argument("what", choices=["catalog", "credit-list", "appointments"])
    importing.add_argument("file", metavar="FILE", help="a .xlsx or .csv file")
    importing.add_argument(
        "--dry-run", action="store_true", help="check the file and print the report; write nothing"
    )
    importing.add_argument("--report", metavar="REPORT.csv", help="also save the report as CSV")
    importing.set_defaults(func=cmd_import)
    exporting_data = sub.add_parser(
        "export", help="export the catalog or the credit list in the import's layout"
    )
    exporting_data.add_argument("what", choices=["catalog", "credit-list"])
    exporting_data.add_argument("file", metavar="FILE", help="FILE.xlsx or FILE.csv (UTF-8)")
    exporting_data.set_defaults(func=cmd_export)
    rotate = keys.add_parser(
        "rotate-pii",
        help="add a new ID sealing key to the key file (new values use it; old ones stay "
        "readable); copy the file to every PC of the hall afterwards",
    )
    rotate.add_argument(
        "--reencrypt", action="store_true", help="then seal every older value with the new key"
    )
    rotate.add_argument("--batch", type=int, default=500, help="rows per transaction (500)")
    rotate.set_defaults(func=cmd_keys_rotate_pii)
    keys.add_parser("status", help="the key new values use; values per key").set_defaults(
        func=cmd_keys_status
    )
    setup_pc.add_parser(sub)
    simulate.add_parser(sub)
    cli_trust.add_parsers(sub)  # audit verify/head, backup, restore
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    i18n.set_language(args.lang)
    redaction.install()
    try:
        if args.command == "setup-pc":  # configures the PC: opens no hall
            return setup_pc.run(args)
        if args.command == "simulate":  # a scratch copy of the demo hall, never this one
            return simulate.run(args)
        url = demo_db_url() if args.demo else args.db or default_db_url()
        if getattr(args, "raw", None) is not None:  # backup, restore: the database as it is
            raw: int = args.raw(url, args)
            return raw
        hall = open_hall(url, pii_keys=demo_pii_keys_path() if args.demo else None)
        try:
            result: int = args.func(hall, args)
            sys.stdout.flush()
            return result
        finally:
            hall.close()
    except ClerkError as e:
        print(redaction.redact(str(e)), file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader went away (`clerk cases list | head`): stop quietly, as Unix tools do.
        # Python would otherwise report the pipe again when it flushes stdout at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 128 + 13  # what a shell reports for a tool ended by SIGPIPE
    except Exception:  # a bug: its traceback, with every ID number masked
        print(redaction.redact(traceback.format_exc()), file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
