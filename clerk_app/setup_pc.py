"""``clerk setup-pc``: writes this PC's configuration file once, and its autostart entry.

IT staff run it on each PC of the hall (``sudo clerk setup-pc``): the hall database, the device
role, the counter number, the kiosk's ticket printer. Values come from the flags; with no flag
on a terminal it asks for each, the current value as the default. Everything is checked before
anything is written, and the file is replaced atomically (a temporary file, then a rename), so a
PC never reads half a file. ``--autostart`` (run as the user who logs in on a kiosk, display or
evaluator PC) puts an XDG autostart entry in that user's own configuration directory.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from clerk_app.config import (
    PUBLIC_ROLES,
    ROLES,
    DeviceSettings,
    config_path,
    load_settings,
    parse_counter,
    parse_role,
)
from clerk_app.errors import ConfigError
from clerk_app.i18n import pick

AUTOSTART_NAME = "clerk-desk.desktop"
_PRINTER = re.compile(
    r"^(network:[A-Za-z0-9.\-]+(:\d{1,5})?|usb:[0-9A-Fa-f]{4}:[0-9A-Fa-f]{4}|file:/\S+)$"
)

TEMPLATE = """\
# clerk-desk (一窗受理): the settings of this PC. Written by `clerk setup-pc`; run it again
# or edit by hand. Environment variables (CLERK_DB_URL, CLERK_ROLE, CLERK_COUNTER,
# CLERK_TICKET_PRINTER, CLERK_FULLSCREEN) and command-line flags win over this file.

[hall]
# The hall's database, e.g. postgresql+psycopg://clerk_app@db.hall.local/hall
# (keep passwords out of this world-readable file: use ~/.pgpass or certificates).
# Empty: an SQLite file in the user's data directory (one PC on its own).
db_url = {db_url}
# The file of the keys that encrypt ID numbers (mode 0600; the same file on every PC of the
# hall, backed up with the database, never inside it). Empty: pii.keys in the user's data
# directory. `clerk setup-pc --pii-keys PATH` creates it there when it does not exist.
pii_keys = {pii_keys}

[device]
# desk (窗口工作台, staff sign-in), kiosk (取号机), display (叫号屏) or evaluator (评价器)
role = {role}
# This PC's counter number (窗口号): the evaluator's counter, preselected at a desk's sign-in.
counter = {counter}
# yes: the desk starts full screen too (kiosk, display and evaluator always do).
fullscreen = {fullscreen}
# The kiosk's ESC/POS thermal printer: network:HOST[:PORT], usb:VID:PID or file:/dev/usb/lp0.
# Empty: tickets print on the system's default printer.
ticket_printer = {ticket_printer}
"""


def render(settings: DeviceSettings) -> str:
    return TEMPLATE.format(
        db_url=settings.db_url or "",
        pii_keys=settings.pii_keys or "",
        role=settings.role,
        counter="" if settings.counter is None else settings.counter,
        fullscreen="yes" if settings.fullscreen else "no",
        ticket_printer=settings.ticket_printer or "",
    )


def check_db_url(text: str) -> str | None:
    text = text.strip()
    if not text:
        return None
    try:
        url = make_url(text)
    except ArgumentError:
        url = None
    if url is None or not url.drivername.startswith(("sqlite", "postgresql")):
        raise ConfigError(
            f"数据库地址“{text}”无效，应如 postgresql+psycopg://用户@服务器/库名 或 sqlite:///文件。",
            f"The database URL {text!r} is invalid; write postgresql+psycopg://user@host/db "
            "or sqlite:///file.",
        )
    return text


def check_printer(text: str) -> str | None:
    text = text.strip()
    if not text:
        return None
    if not _PRINTER.match(text):
        raise ConfigError(
            f"号票打印机“{text}”无效，应为 network:主机[:端口]、usb:VID:PID 或 file:/dev/usb/lp0。",
            f"The ticket printer {text!r} is invalid; write network:HOST[:PORT], usb:VID:PID "
            "or file:/dev/usb/lp0.",
        )
    return text


def checked(settings: DeviceSettings) -> DeviceSettings:
    """Refuse what cannot work together: an evaluator belongs to a counter."""
    if settings.role == "evaluator" and settings.counter is None:
        raise ConfigError(
            "评价器须指定窗口号（--counter N）。",
            "An evaluator needs its counter number (--counter N).",
        )
    return settings


def write_atomically(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` in one rename, readable by every user (mode 0644)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as file:
                file.write(text)
                file.flush()
                os.fsync(file.fileno())
            os.chmod(tmp, 0o644)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except PermissionError as e:
        raise ConfigError(
            f"没有权限写入 {path}：请以管理员身份运行（sudo clerk setup-pc …）。",
            f"No permission to write {path}: run it as the administrator (sudo clerk setup-pc …).",
        ) from e
    except OSError as e:
        raise ConfigError(
            f"无法写入 {path}：{e.strerror}。", f"Cannot write {path}: {e.strerror}."
        ) from e


def _ask(
    question: str, current: str, check: Callable[[str], object], read: Callable[[str], str]
) -> str:
    """Ask until the answer passes ``check``; Enter keeps ``current``."""
    while True:
        answer = read(f"{question} [{current}]: ").strip() or current
        try:
            check(answer)
        except ConfigError as e:
            print(e, file=sys.stderr)
            continue
        return answer


def ask_all(current: DeviceSettings, read: Callable[[str], str] = input) -> dict[str, str]:
    """Every setting asked on the terminal, in the user's language."""
    role = _ask(
        pick("设备角色 desk/kiosk/display/evaluator", "Device role desk/kiosk/display/evaluator"),
        current.role,
        lambda t: parse_role(t, "role"),
        read,
    )
    return {
        "db_url": _ask(
            pick("大厅数据库地址（留空为本机 SQLite）", "Hall database URL (empty: local SQLite)"),
            current.db_url or "",
            check_db_url,
            read,
        ),
        "role": role,
        "counter": _ask(
            pick("窗口号（可留空）", "Counter number (may be empty)"),
            "" if current.counter is None else str(current.counter),
            lambda t: parse_counter(t, "counter"),
            read,
        ),
        "ticket_printer": _ask(
            pick("号票打印机（留空为系统默认打印机）", "Ticket printer (empty: system default)"),
            current.ticket_printer or "",
            check_printer,
            read,
        ),
    }


def new_settings(current: DeviceSettings, given: dict[str, str | None]) -> DeviceSettings:
    """``current`` with the given texts checked and parsed in; ``""`` clears a setting."""
    values: dict[str, object] = {}
    if given.get("db_url") is not None:
        values["db_url"] = check_db_url(given["db_url"] or "")
    if given.get("pii_keys") is not None:
        values["pii_keys"] = (given["pii_keys"] or "").strip() or None
    if given.get("role") is not None:
        values["role"] = parse_role(given["role"] or "", "--role")
    if given.get("counter") is not None:
        values["counter"] = parse_counter(given["counter"] or "", "--counter")
    if given.get("ticket_printer") is not None:
        values["ticket_printer"] = check_printer(given["ticket_printer"] or "")
    if given.get("fullscreen") is not None:
        values["fullscreen"] = given["fullscreen"] == "yes"
    return checked(DeviceSettings(**{**_fields(current), **values}))  # type: ignore[arg-type]


def _fields(settings: DeviceSettings) -> dict[str, object]:
    return {name: getattr(settings, name) for name in DeviceSettings.__dataclass_fields__}


def autostart_dir() -> Path:
    """The user's XDG autostart directory (``$XDG_CONFIG_HOME/autostart``)."""
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "autostart"


def autostart_entry(role: str) -> str:
    names = {
        "kiosk": ("取号机", "Ticket kiosk"),
        "display": ("叫号屏", "Hall display"),
        "evaluator": ("评价器", "Evaluator"),
    }
    zh, en = names[role]
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        f"Name=clerk-desk {en}\n"
        f"Name[zh_CN]=一窗受理 {zh}\n"
        "TryExec=clerk-desk\n"
        f"Exec=clerk-desk --role {role} --fullscreen\n"
        f"Icon=clerk-desk-{role}\n"
        "Terminal=false\n"
        "X-GNOME-Autostart-enabled=true\n"
    )


def install_autostart(role: str) -> Path:
    """This user's autostart entry for ``role``; only inside the user's configuration dir."""
    if role not in PUBLIC_ROLES:
        raise ConfigError(
            f"角色 {role} 不自动启动；只有 kiosk、display、evaluator 可以。",
            f"The {role} role does not start itself; only kiosk, display and evaluator do.",
        )
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        raise ConfigError(
            "请以在这台设备上登录的用户身份运行 clerk setup-pc --autostart（不要用 sudo）。",
            "Run clerk setup-pc --autostart as the user who logs in on this device (not sudo).",
        )
    path = autostart_dir() / AUTOSTART_NAME
    write_atomically(path, autostart_entry(role))
    return path


def remove_autostart() -> Path:
    path = autostart_dir() / AUTOSTART_NAME
    path.unlink(missing_ok=True)
    return path


def _first_key_file(path: Path) -> Path:
    """A new ID key file (mode 0600); under sudo, owned by the user who ran sudo, the account
    the desk runs as. The hall's other PCs get a copy of this file, not one of their own."""
    from clerk_app.persistence.pii import create_keys

    create_keys(path)
    uid, gid = os.environ.get("SUDO_UID"), os.environ.get("SUDO_GID")
    if hasattr(os, "geteuid") and os.geteuid() == 0 and uid and gid:
        os.chown(path, int(uid), int(gid))
    return path


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "setup-pc",
        help="write this PC's settings (database, role, counter, printer) once",
    )
    p.add_argument("--config", type=Path, help="the file to write (default: $CLERK_CONFIG or /etc)")
    p.add_argument("--db-url", help="the hall database URL ('' for the local SQLite file)")
    p.add_argument(
        "--pii-keys",
        help="the ID key file (created, mode 0600, if missing; '' for the data directory's)",
    )
    p.add_argument("--role", choices=ROLES, help="what this PC is for")
    p.add_argument("--counter", help="this PC's counter number ('' to clear)")
    p.add_argument("--ticket-printer", help="the kiosk's ESC/POS printer ('' for the system's)")
    p.add_argument("--fullscreen", choices=("yes", "no"), help="start the desk full screen too")
    start = p.add_mutually_exclusive_group()
    start.add_argument(
        "--autostart",
        action="store_true",
        help="start this PC's screen at login (run as that user; only the autostart entry)",
    )
    start.add_argument("--no-autostart", action="store_true", help="remove the autostart entry")


def run(args: argparse.Namespace, read: Callable[[str], str] = input) -> int:
    """Runs ``clerk setup-pc``; raises ``ConfigError`` with a sentence in both languages."""
    path: Path = args.config or config_path()
    given = {
        "db_url": args.db_url,
        "pii_keys": args.pii_keys,
        "role": args.role,
        "counter": args.counter,
        "ticket_printer": args.ticket_printer,
        "fullscreen": args.fullscreen,
    }
    current = load_settings(path, environ={})  # the file's own values, not the environment's
    only_autostart = (args.autostart or args.no_autostart) and all(
        v is None for v in given.values()
    )
    if not only_autostart:
        if all(v is None for v in given.values()) and sys.stdin.isatty():
            given = {**given, **ask_all(current, read)}
        settings = new_settings(current, given)
        write_atomically(path, render(settings))
        print(pick(f"已写入本机配置：{path}", f"Wrote this PC's settings: {path}"))
        current = settings
        if settings.pii_keys and not Path(settings.pii_keys).exists():
            keys = _first_key_file(Path(settings.pii_keys))
            print(pick(f"已创建证件号码密钥文件：{keys}", f"Created the ID key file: {keys}"))
    if args.autostart:
        entry = install_autostart(current.role)
        print(pick(f"已设置登录后自动启动：{entry}", f"Starts at login: {entry}"))
    elif args.no_autostart:
        entry = remove_autostart()
        print(pick(f"已取消自动启动：{entry}", f"No longer starts at login: {entry}"))
    return 0
