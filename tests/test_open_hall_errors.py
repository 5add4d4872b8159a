"""A bad URL, an unreachable server or a missing database each give one clear sentence."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest

from clerk_app.api import open_hall
from clerk_app.errors import ConfigError, DatabaseUnavailable


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.parametrize(
    "url,fragment",
    [
        ("not a url", "数据库地址无效"),
        ("mysql://u@h/db", "不支持的数据库类型"),
        ("sqlite://", "不能是内存库"),
        ("postgresql+asyncpg://u@h/db", "不支持的 PostgreSQL 驱动"),
    ],
)
def test_bad_url(url: str, fragment: str) -> None:
    with pytest.raises(ConfigError) as info:
        open_hall(url)
    message = str(info.value)
    assert fragment in message and "\n" not in message


def test_unreachable_server() -> None:
    with pytest.raises(DatabaseUnavailable) as info:
        open_hall(f"postgresql://clerk@127.0.0.1:{_free_port()}/hall")
    message = str(info.value)
    assert message.startswith("无法连接数据库") and "\n" not in message
    assert "请检查服务器与网络后重试" in message


@pytest.mark.pg
def test_missing_database_on_a_live_server(pg_cluster) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(DatabaseUnavailable, match=r"无法连接数据库.*no_such_db"):
        open_hall(pg_cluster.url("no_such_db"))


def test_unwritable_sqlite_path(tmp_path: Path) -> None:
    with pytest.raises(DatabaseUnavailable, match="无法连接数据库"):
        open_hall(f"sqlite:///{tmp_path}/missing/dir/hall.db")


def test_cli_prints_one_sentence_and_exits_2() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "clerk_app", "--db", "mysql://x/y", "upgrade"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().count("\n") == 0 and "不支持的数据库类型" in result.stderr
