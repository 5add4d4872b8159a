"""Where the desk keeps its data, this PC's settings, and how a database URL is chosen.

A setting is taken from, weakest first: the built-in defaults, the PC's configuration file
(``/etc/clerk-desk/clerk-desk.conf``, on Windows ``%PROGRAMDATA%\\clerk-desk\\clerk-desk.conf``,
or the file ``CLERK_CONFIG`` names), the environment variables, then the command-line flags
(``with_flags``). The file is INI; ``clerk setup-pc`` writes it (``clerk_app.setup_pc``).
"""

from __future__ import annotations

import configparser
import dataclasses
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_data_dir

from clerk_app.errors import ConfigError

APP_NAME = "clerk-desk"
ENV_DB_URL = "CLERK_DB_URL"
ENV_CONFIG = "CLERK_CONFIG"
ENV_ROLE = "CLERK_ROLE"
ENV_COUNTER = "CLERK_COUNTER"
ENV_TICKET_PRINTER = "CLERK_TICKET_PRINTER"
ENV_FULLSCREEN = "CLERK_FULLSCREEN"
ENV_PII_KEYS = "CLERK_PII_KEYS"

#: What a PC is for: the staff desk (sign-in), the ticket kiosk, the hall display, the evaluator.
ROLES = ("desk", "kiosk", "display", "evaluator")
#: Roles facing the public: always full screen, started at login, reconnecting on their own.
PUBLIC_ROLES = frozenset({"kiosk", "display", "evaluator"})

#: (section, key) of each setting in the file.
FILE_KEYS = {
    "db_url": ("hall", "db_url"),
    "pii_keys": ("hall", "pii_keys"),
    "role": ("device", "role"),
    "counter": ("device", "counter"),
    "fullscreen": ("device", "fullscreen"),
    "ticket_printer": ("device", "ticket_printer"),
}
ENV_KEYS = {
    "db_url": ENV_DB_URL,
    "pii_keys": ENV_PII_KEYS,
    "role": ENV_ROLE,
    "counter": ENV_COUNTER,
    "fullscreen": ENV_FULLSCREEN,
    "ticket_printer": ENV_TICKET_PRINTER,
}
_TRUE = ("1", "yes", "true", "on")
_FALSE = ("0", "no", "false", "off", "")


@dataclass(frozen=True)
class DeviceSettings:
    """This PC's settings; ``None`` means not set (use the default)."""

    db_url: str | None = None
    #: The file of the keys that encrypt ID numbers (``persistence/pii.py``), outside the
    #: database; ``None``: ``pii.keys`` in the user's data directory (one PC on its own).
    pii_keys: str | None = None
    role: str = "desk"
    counter: int | None = None
    fullscreen: bool = False
    ticket_printer: str | None = None

    @property
    def public(self) -> bool:
        return self.role in PUBLIC_ROLES

    @property
    def full_screen(self) -> bool:
        """Public screens always are; a desk when asked to (``--fullscreen``)."""
        return self.fullscreen or self.public


def config_path(environ: Mapping[str, str] | None = None) -> Path:
    """The PC's configuration file: ``CLERK_CONFIG``, else the system-wide one."""
    env = os.environ if environ is None else environ
    if env.get(ENV_CONFIG):
        return Path(env[ENV_CONFIG])
    if sys.platform == "win32":
        return Path(env.get("PROGRAMDATA") or r"C:\ProgramData") / APP_NAME / f"{APP_NAME}.conf"
    return Path("/etc") / APP_NAME / f"{APP_NAME}.conf"


def parse_role(text: str, source: str) -> str:
    role = text.strip().lower()
    if role not in ROLES:
        raise ConfigError(
            f"{source}：设备角色“{text}”无效，应为 desk、kiosk、display 或 evaluator 之一。",
            f"{source}: the device role {text!r} is invalid; use desk, kiosk, display or "
            "evaluator.",
        )
    return role


def parse_counter(text: str, source: str) -> int | None:
    text = text.strip()
    if not text:
        return None
    if not text.isdigit() or not 1 <= int(text) <= 999:
        raise ConfigError(
            f"{source}：窗口号“{text}”无效，应为 1 到 999 的整数。",
            f"{source}: the counter number {text!r} is invalid; use a whole number 1-999.",
        )
    return int(text)


def parse_flag(text: str, source: str) -> bool:
    value = text.strip().lower()
    if value in _TRUE or value in _FALSE:
        return value in _TRUE
    raise ConfigError(
        f"{source}：“{text}”应为 yes 或 no。", f"{source}: {text!r} should be yes or no."
    )


def _apply(settings: DeviceSettings, raw: Mapping[str, str], source: str) -> DeviceSettings:
    """``settings`` with the non-empty text values of ``raw`` (by field name) parsed in."""
    changes: dict[str, object] = {}
    for name, text in raw.items():
        where = f"{source} {name}"
        if name == "role" and text.strip():
            changes[name] = parse_role(text, where)
        elif name == "counter" and text.strip():
            changes[name] = parse_counter(text, where)
        elif name == "fullscreen" and text.strip():
            changes[name] = parse_flag(text, where)
        elif name in ("db_url", "pii_keys", "ticket_printer") and text.strip():
            changes[name] = text.strip()
    return dataclasses.replace(settings, **changes)  # type: ignore[arg-type]


def read_config_file(path: Path) -> dict[str, str]:
    """The settings written in ``path`` (field name -> text); a missing file is empty."""
    parser = configparser.ConfigParser(interpolation=None)
    try:
        with path.open(encoding="utf-8") as file:
            parser.read_file(file)
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError, configparser.Error) as e:
        raise ConfigError(
            f"无法读取本机配置文件 {path}：{e}",
            f"Cannot read this PC's configuration file {path}: {e}",
        ) from e
    return {
        name: parser.get(section, key)
        for name, (section, key) in FILE_KEYS.items()
        if parser.has_option(section, key)
    }


def load_settings(
    path: Path | None = None, environ: Mapping[str, str] | None = None
) -> DeviceSettings:
    """Defaults < the configuration file < environment variables; raises ``ConfigError``."""
    env = os.environ if environ is None else environ
    file = path if path is not None else config_path(env)
    settings = _apply(DeviceSettings(), read_config_file(file), str(file))
    from_env = {name: env[var] for name, var in ENV_KEYS.items() if var in env}
    return _apply(settings, from_env, "environment")


def with_flags(settings: DeviceSettings, **flags: object) -> DeviceSettings:
    """``settings`` with the command-line flags that were given (not ``None``/``False``)."""
    given = {
        name: value for name, value in flags.items() if value is not None and value is not False
    }
    return dataclasses.replace(settings, **given)  # type: ignore[arg-type]


def data_dir() -> Path:
    """The per-user data directory (created on first use)."""
    path = Path(os.environ.get("CLERK_DATA_DIR") or user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def local_db_url() -> str:
    """The SQLite file in the user's data directory: one PC on its own."""
    return f"sqlite:///{data_dir() / 'hall.db'}"


def default_db_url() -> str:
    """Without ``--db``: ``CLERK_DB_URL``, then the PC's configuration file, then SQLite."""
    return load_settings().db_url or local_db_url()


def demo_db_url() -> str:
    """The demo hall's own SQLite file, kept apart from a real hall's data."""
    return f"sqlite:///{data_dir() / 'demo.db'}"


def pii_keys_path() -> Path:
    """The hall's ID key file: ``CLERK_PII_KEYS``, then the PC's configuration file, then
    ``pii.keys`` in the user's data directory."""
    configured = load_settings().pii_keys
    return Path(configured) if configured else data_dir() / "pii.keys"


def demo_pii_keys_path() -> Path:
    """The demo hall's own ID keys, beside its database (never a real hall's)."""
    return data_dir() / "demo-pii.keys"
