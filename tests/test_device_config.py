"""This PC's settings: defaults < configuration file < environment < flags; ``clerk setup-pc``."""

from __future__ import annotations

import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from clerk_app import cli, setup_pc
from clerk_app.config import (
    DeviceSettings,
    config_path,
    default_db_url,
    load_settings,
    pii_keys_path,
    with_flags,
)
from clerk_app.errors import ConfigError
from clerk_app.i18n import language, set_language

PG = "postgresql+psycopg://clerk_app@db.hall.local/hall"


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    before = language()
    set_language("en")
    yield
    set_language(before)


@pytest.fixture
def conf(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A configuration file of this test's own, named by CLERK_CONFIG as the tests' rule is."""
    path = tmp_path / "etc" / "clerk-desk.conf"
    monkeypatch.setenv("CLERK_CONFIG", str(path))
    for var in (
        "CLERK_DB_URL",
        "CLERK_ROLE",
        "CLERK_COUNTER",
        "CLERK_TICKET_PRINTER",
        "CLERK_PII_KEYS",
    ):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.delenv("CLERK_FULLSCREEN", raising=False)
    monkeypatch.setenv("CLERK_DATA_DIR", str(tmp_path / "data"))
    return path


def setup(*args: str) -> int:
    return cli.main(["--lang", "en", "setup-pc", *args])


def test_without_a_file_the_defaults_hold(conf: Path) -> None:
    assert load_settings() == DeviceSettings()
    assert default_db_url() == f"sqlite:///{conf.parent.parent / 'data' / 'hall.db'}"


def test_the_file_beats_the_defaults_the_environment_the_file_and_flags_everything(
    conf: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert setup("--db-url", PG, "--role", "kiosk", "--counter", "5") == 0
    assert load_settings() == DeviceSettings(db_url=PG, role="kiosk", counter=5)
    assert default_db_url() == PG

    monkeypatch.setenv("CLERK_DB_URL", "sqlite:////tmp/env.db")
    monkeypatch.setenv("CLERK_ROLE", "display")
    settings = load_settings()
    assert (settings.db_url, settings.role, settings.counter) == (
        "sqlite:////tmp/env.db",
        "display",
        5,
    )
    assert default_db_url() == "sqlite:////tmp/env.db"

    flagged = with_flags(settings, db_url="sqlite:////tmp/flag.db", role=None, counter=7)
    assert (flagged.db_url, flagged.role, flagged.counter) == (
        "sqlite:////tmp/flag.db",
        "display",
        7,
    )


def test_an_empty_environment_variable_does_not_clear_the_file(
    conf: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    setup("--db-url", PG)
    monkeypatch.setenv("CLERK_DB_URL", "")
    assert load_settings().db_url == PG


def test_public_roles_are_full_screen_and_a_desk_only_when_asked(conf: Path) -> None:
    assert not DeviceSettings().full_screen
    assert DeviceSettings(fullscreen=True).full_screen
    assert all(DeviceSettings(role=r).full_screen for r in ("kiosk", "display", "evaluator"))


def test_clerk_config_names_the_file_and_the_system_file_is_the_default() -> None:
    assert config_path({"CLERK_CONFIG": "/x/y.conf"}) == Path("/x/y.conf")
    assert config_path({}) == Path("/etc/clerk-desk/clerk-desk.conf")


def test_setup_pc_writes_every_setting_readable_by_all_and_keeps_what_it_was_not_given(
    conf: Path,
) -> None:
    setup("--db-url", PG, "--role", "kiosk", "--ticket-printer", "network:10.0.0.9:9100")
    setup("--counter", "3")
    assert load_settings() == DeviceSettings(
        db_url=PG, role="kiosk", counter=3, ticket_printer="network:10.0.0.9:9100"
    )
    assert stat.S_IMODE(conf.stat().st_mode) == 0o644
    assert list(conf.parent.iterdir()) == [conf]  # no temporary file left behind
    setup("--ticket-printer", "", "--db-url", "")
    assert load_settings() == DeviceSettings(role="kiosk", counter=3)


def test_setup_pc_config_flag_writes_elsewhere(conf: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.conf"
    assert setup("--config", str(other), "--role", "display") == 0
    assert load_settings(other).role == "display"
    assert not conf.exists()


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--db-url", "mysql://x@y/z"], "database URL"),
        (["--db-url", "not a url"], "database URL"),
        (["--counter", "0"], "counter number"),
        (["--counter", "5a"], "counter number"),
        (["--ticket-printer", "lpt1"], "ticket printer"),
        (["--role", "evaluator"], "needs its counter"),
    ],
)
def test_setup_pc_refuses_bad_input_in_one_sentence_and_writes_nothing(
    conf: Path, args: list[str], words: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert setup(*args) == 2
    assert words in capsys.readouterr().err
    assert not conf.exists()


def test_setup_pc_messages_are_chinese_first(
    conf: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["--lang", "zh_CN", "setup-pc", "--counter", "x"]) == 2
    assert "窗口号" in capsys.readouterr().err


def test_a_broken_file_is_one_sentence(conf: Path) -> None:
    conf.parent.mkdir(parents=True)
    conf.write_text("role = kiosk\n", encoding="utf-8")  # no [section]
    with pytest.raises(ConfigError, match="configuration file"):
        load_settings()
    conf.write_text("[device]\nrole = cashier\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="role 'cashier' is invalid"):
        load_settings()


def test_setup_pc_asks_on_a_terminal_enter_keeping_each_value(conf: Path) -> None:
    answers = iter(["kiosk", PG, "oops", "4", ""])
    asked: list[str] = []

    def read(prompt: str) -> str:
        asked.append(prompt)
        return next(answers)

    given = setup_pc.ask_all(DeviceSettings(), read)
    assert given == {"db_url": PG, "role": "kiosk", "counter": "4", "ticket_printer": ""}
    assert len(asked) == 5  # "oops" was asked again


def test_autostart_goes_into_the_users_config_dir_only(
    conf: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "home-config"))
    monkeypatch.setattr(setup_pc.os, "geteuid", lambda: 1000)
    setup("--role", "display")
    assert setup("--autostart") == 0
    entry = tmp_path / "home-config" / "autostart" / "clerk-desk.desktop"
    text = entry.read_text(encoding="utf-8")
    assert "Exec=clerk-desk --role display --fullscreen" in text
    assert "TryExec=clerk-desk" in text  # skipped once the package is removed
    assert setup("--no-autostart") == 0
    assert not entry.exists()


def test_autostart_is_refused_for_a_desk_and_for_root(
    conf: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "home-config"))
    monkeypatch.setattr(setup_pc.os, "geteuid", lambda: 1000)
    assert setup("--autostart") == 2
    assert "does not start itself" in capsys.readouterr().err
    monkeypatch.setattr(setup_pc.os, "geteuid", lambda: 0)
    setup("--role", "kiosk")
    assert setup("--autostart") == 2
    assert "not sudo" in capsys.readouterr().err
    assert not (tmp_path / "home-config").exists()


def test_setup_pc_pii_keys_names_the_key_file_and_creates_it_once_for_its_owner(
    conf: Path, tmp_path: Path
) -> None:
    keys = tmp_path / "secret" / "pii.keys"
    assert setup("--pii-keys", str(keys)) == 0
    assert load_settings().pii_keys == str(keys)
    assert pii_keys_path() == keys
    assert stat.S_IMODE(keys.stat().st_mode) == 0o600
    first = keys.read_bytes()
    assert setup("--pii-keys", str(keys), "--role", "kiosk") == 0  # an existing file is kept
    assert keys.read_bytes() == first
    assert setup("--pii-keys", "") == 0  # cleared: the data directory's file
    assert pii_keys_path() == tmp_path / "data" / "pii.keys"
