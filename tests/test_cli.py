"""The `clerk` command: upgrade, seed-demo and user administration through the service API."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from clerk_app.api import open_hall
from clerk_app.errors import AuthError


def clerk(url: str, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "clerk_app", "--db", url, *args],
        input=stdin,
        capture_output=True,
        text=True,
    )


def test_user_lifecycle_from_an_empty_hall(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'hall.db'}"
    assert clerk(url, "upgrade").returncode == 0
    added = clerk(
        url,
        "user",
        "add",
        "chief",
        "--role",
        "admin",
        "--name",
        "主任",
        "--password-stdin",
        stdin="correct horse\n",
    )
    assert added.returncode == 0, added.stderr
    hall = open_hall(url)
    assert hall.login("chief", "correct horse").actor.display_name == "主任"

    short = clerk(url, "user", "passwd", "chief", "--password-stdin", stdin="short\n")
    assert short.returncode == 2 and "至少需要 8 个字符" in short.stderr
    assert hall.login("chief", "correct horse")  # unchanged after the refusal

    last = clerk(url, "user", "disable", "chief")  # the hall would have no admin left
    assert last.returncode == 2 and "最后一个在用的管理员" in last.stderr
    deputy = clerk(
        url, "user", "add", "deputy", "--role", "admin", "--password-stdin", stdin="deputy pass\n"
    )
    assert deputy.returncode == 0, deputy.stderr
    assert clerk(url, "user", "disable", "chief").returncode == 0
    with pytest.raises(AuthError, match="停用"):
        hall.login("chief", "correct horse")
    dup = clerk(
        url, "user", "add", "chief", "--role", "clerk", "--password-stdin", stdin="another one\n"
    )
    assert dup.returncode == 2 and "已存在" in dup.stderr
    listing = clerk(url, "user", "list").stdout
    assert "chief\tadmin\t主任 disabled" in listing
    hall.close()


def test_seed_demo_command_in_english(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'hall.db'}"
    result = subprocess.run(
        [sys.executable, "-m", "clerk_app", "--db", url, "--lang", "en", "seed-demo"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0 and "Demo hall ready" in result.stdout
    assert open_hall(url).login("clerk12", "demo", counter=12).actor.counter_no == 12


def test_ticket_take_and_queue_status(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'hall.db'}"
    assert clerk(url, "seed-demo").returncode == 0
    first = clerk(url, "ticket", "take", "C")
    assert first.returncode == 0 and first.stdout.startswith("C001\t不动产登记\t前面 0 人")
    bad = clerk(url, "ticket", "take", "C", "--id", "110105194912310021")
    assert bad.returncode == 2 and "校验" in bad.stderr and "Traceback" not in bad.stderr
    status = clerk(url, "queue", "status").stdout.splitlines()
    assert "C\t不动产登记\t1\t0" in "\n".join(status)
    assert any(line.startswith("9\t离线\t-\t-\tC") for line in status)
    closed = clerk(url, "queue", "close-day")
    assert closed.returncode == 0 and "已将 1 张" in closed.stdout


def test_user_role_and_enable_in_process(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`clerk user role` and `clerk user enable` (run in-process: no second interpreter)."""
    from clerk_app.cli import main
    from clerk_app.i18n import language, set_language

    before = language()  # main() sets the language of this process
    url = f"sqlite:///{tmp_path / 'hall.db'}"
    hall = open_hall(url)
    hall.system().admin.add_user("chief", "主任", "admin", "Chief-pass-1")
    hall.system().admin.add_user("li", "李", "clerk", "Li-pass-01")
    assert main(["--db", url, "--lang", "en", "user", "role", "li", "supervisor"]) == 0
    assert main(["--db", url, "--lang", "en", "user", "role", "chief", "clerk"]) == 2
    assert "last active administrator" in capsys.readouterr().err
    assert main(["--db", url, "user", "disable", "li"]) == 0
    assert main(["--db", url, "user", "enable", "li"]) == 0
    assert hall.login("li", "Li-pass-01").actor.role.value == "supervisor"
    assert main(["--db", url, "user", "role", "nobody", "clerk"]) == 2
    capsys.readouterr()
    hall.system().catalog_admin.add_department("SCJG", "市场监管局")
    role = ["--db", url, "--lang", "en", "user", "role", "li", "reviewer"]
    assert main(role) == 2  # a reviewer names its department
    assert "needs its department" in capsys.readouterr().err
    assert main([*role, "--department", "SCJG"]) == 0
    assert main(["--db", url, "user", "list"]) == 0
    assert "li\treviewer:SCJG\t" in capsys.readouterr().out
    hall.close()
    set_language(before)
