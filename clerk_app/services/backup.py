"""Backup and restore of a hall database: one file out, one file back, the audit chain checked.

SQLite: the online backup API (``sqlite3.Connection.backup``) copies the database in one step
inside one read transaction, so the copy is one consistent moment while counters keep writing
(WAL: they are not blocked). PostgreSQL: ``pg_dump -Fc`` and ``pg_restore --single-transaction``
from the PostgreSQL binaries (``$PG_BIN``, else the newest ``/usr/lib/postgresql/*/bin``, else
``PATH``). Both run on the database as it is: neither opens the hall (no migration runs first).

A restore refuses a target that already holds tables unless ``force``; afterwards the caller
checks the restored audit chain (``clerk restore`` does and reports it).
"""

from __future__ import annotations

import glob
import os
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import inspect
from sqlalchemy.engine import make_url

from clerk_app.errors import ClerkError, ConfigError, Conflict, ValidationError
from clerk_app.persistence.database import Database, translate_db_errors


@dataclass(frozen=True)
class BackupDone:
    path: Path
    size: int


def backup(url: str, path: Path) -> BackupDone:
    """Writes a consistent copy of the hall database at ``url`` to ``path`` (replaced whole)."""
    db = Database(url)
    try:
        _writable_folder(path)
        partial = path.with_name(f".{path.name}.partial")
        partial.unlink(missing_ok=True)
        if db.is_postgres:
            _run("pg_dump", "-Fc", "-f", str(partial), db=db)
        else:
            _sqlite_copy(_sqlite_file(db), partial, standalone=True)
        os.replace(partial, path)
        return BackupDone(path, path.stat().st_size)
    finally:
        db.dispose()


def restore(url: str, path: Path, *, force: bool = False) -> None:
    """Restores the backup ``path`` into the database at ``url``; refuses a database that
    already holds tables unless ``force`` (then its content is replaced)."""
    if not path.is_file():
        raise ValidationError(f"备份文件不存在：{path}", f"No backup file at {path}.")
    db = Database(url)
    try:
        if not force and _holds_tables(db):
            raise Conflict(
                f"目标数据库 {db.describe()} 不是空的；确要覆盖请加 --force。",
                f"The target database {db.describe()} is not empty; add --force to replace it.",
            )
        if db.is_postgres:
            clean = ["--clean", "--if-exists"] if force else []
            _run("pg_restore", "--single-transaction", "--no-owner", *clean, str(path), db=db)
            from clerk_app.services.audit_log import restrict_audit_log

            with translate_db_errors(db), db.write_engine.begin() as conn:
                restrict_audit_log(conn)
        else:
            _check_sqlite_backup(path)
            db.dispose()  # no pooled connection may see the file change under it
            _sqlite_copy(path, Path(_sqlite_file(db)), standalone=False)
    finally:
        db.dispose()


def _holds_tables(db: Database) -> bool:
    with translate_db_errors(db), db.read_engine.connect() as conn:
        return bool(inspect(conn).get_table_names())


def _sqlite_file(db: Database) -> str:
    database = make_url(db.url).database
    assert database is not None
    return database


def _sqlite_copy(source: str | Path, target: Path, *, standalone: bool) -> None:
    """The backup API, in one step (one read transaction on ``source``)."""
    src = sqlite3.connect(source, timeout=30)
    try:
        dst = sqlite3.connect(target, timeout=30)
        try:
            src.backup(dst)
            if standalone:  # one file, no -wal beside it
                dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    finally:
        src.close()


def _check_sqlite_backup(path: Path) -> None:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            ok = conn.execute("PRAGMA quick_check").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as e:
        raise ValidationError(
            f"{path} 不是 SQLite 备份文件：{e}", f"{path} is not an SQLite backup: {e}"
        ) from e
    if ok is None or ok[0] != "ok":
        raise ValidationError(f"备份文件已损坏：{path}", f"The backup file is damaged: {path}")


def _writable_folder(path: Path) -> None:
    if not path.parent.is_dir():
        raise ValidationError(
            f"文件夹不存在：{path.parent}", f"The folder {path.parent} does not exist."
        )


def pg_bin(tool: str) -> str:
    """Where ``tool`` (pg_dump, pg_restore) is: ``$PG_BIN``, the newest Debian cluster's
    binaries, else ``PATH``."""
    folders = [os.environ["PG_BIN"]] if os.environ.get("PG_BIN") else []
    folders += sorted(
        (str(Path(p).parent) for p in glob.glob(f"/usr/lib/postgresql/*/bin/{tool}")),
        key=lambda p: int(Path(p).parent.name) if Path(p).parent.name.isdigit() else 0,
        reverse=True,
    )
    for folder in folders:
        candidate = Path(folder) / tool
        if candidate.is_file():
            return str(candidate)
    found = shutil.which(tool)
    if found is None:
        raise ConfigError(
            f"找不到 {tool}：请安装 PostgreSQL 客户端（postgresql-client）或设置 PG_BIN。",
            f"{tool} not found: install the PostgreSQL client (postgresql-client) or set PG_BIN.",
        )
    return found


def _run(tool: str, *args: str, db: Database) -> None:
    url = make_url(db.url)
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = str(url.password)  # never on the command line (ps shows it)
    target = url.set(drivername="postgresql", password=None).render_as_string(hide_password=False)
    command = [pg_bin(tool), f"--dbname={target}", *args]
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        lines = (done.stderr or done.stdout).strip().splitlines()
        detail = lines[-1] if lines else f"exit {done.returncode}"
        raise ClerkError(f"{tool} 失败：{detail}", f"{tool} failed: {detail}")
