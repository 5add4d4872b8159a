"""Engines, units of work and error mapping for SQLite (one PC) and PostgreSQL (a hall).

Contract: one unit of work per user action. ``Database.write()`` opens a transaction that
writes (SQLite: ``BEGIN IMMEDIATE`` so concurrent writers queue on the busy timeout instead of
failing at commit), ``Database.read()`` a read-only one, ``Database.transact()`` a writing one
on a bare Core connection for the hot paths, and ``Database.autocommit()`` runs a user action
that is one PostgreSQL statement (its own transaction). Repositories flush, never commit; the
unit of work commits once at its end or rolls back on any exception. A SQLAlchemy Session or
Connection never leaves the thread that opened it.
"""

from __future__ import annotations

import logging
import select
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, Row, create_engine, event, exc
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.sql import Executable

from clerk_app.errors import ConfigError, Conflict, DatabaseUnavailable, OutcomeUnknown
from clerk_app.persistence.checkpoint import Checkpointer
from clerk_app.persistence.dialects import use_partial_predicates
from clerk_app.persistence.models import Base
from clerk_app.persistence.pii import Pii, attach

SQLITE_BUSY_TIMEOUT_S = 30
PG_CONNECT_TIMEOUT_S = 5
# SQLSTATEs of a statement the server rolled back whole to let another go on:
# deadlock_detected and serialization_failure. Running it again is safe and usually succeeds.
ROLLED_BACK_SQLSTATES = frozenset({"40P01", "40001"})
AUTOCOMMIT_ATTEMPTS = 3
# The own connection's socket is checked before use only if it has been idle this long (as
# HikariCP's "alive bypass window"): a connection that answered a moment ago is alive, and
# the check, a system call, cost a busy counter PC about 30 µs per action. One that died
# within the window fails its statement instead, which callers of ``autocommit`` resolve
# (``OutcomeUnknown``).
OWN_CONNECTION_TRUSTED_S = 1.0

log = logging.getLogger(__name__)

T = TypeVar("T")


def _sqlite_engine(url: str, *, immediate: bool) -> Engine:
    engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_S})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event issue BEGIN itself (pysqlite's own is deferred).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA cache_size=-65536")  # 64 MiB: a year of tickets stays warm
        cursor.execute("PRAGMA wal_autocheckpoint=0")  # see persistence.checkpoint
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_S * 1000}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def _pg_engine(url: str) -> Engine:
    engine = create_engine(url, connect_args={"connect_timeout": PG_CONNECT_TIMEOUT_S})

    @event.listens_for(engine, "checkout")
    def _on_checkout(dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
        # Instead of pool_pre_ping's round trip on every checkout: a server that restarted or
        # ended this session has said so on the socket, and reading what is already there
        # costs no round trip. The pool then replaces the connection. (A connection that dies
        # after this check fails at BEGIN; Database.transact retries that case.)
        if not _still_open(dbapi_connection):
            raise exc.DisconnectionError("the server closed this pooled connection")

    return engine


def _still_open(dbapi_connection: Any) -> bool:
    """Whether a pooled psycopg connection is still usable, without a round trip.

    An idle session has nothing to say; anything waiting on its socket is the server ending
    it ("terminating connection …", then EOF) or, rarely, a stray notice. Either way a fresh
    connection is the safe choice, and it costs one connect.
    """
    from psycopg import pq

    pgconn = dbapi_connection.pgconn
    if pgconn.status != pq.ConnStatus.OK:
        return False
    readable, _, _ = select.select([pgconn.socket], [], [], 0)
    return not readable


def _normalize_url(url: str) -> str:
    try:
        parsed = make_url(url)
    except exc.ArgumentError as e:
        raise ConfigError(
            f"数据库地址无效：{url!r}。请使用 sqlite:///文件路径 或 postgresql://用户@主机/库名。",
            f"Invalid database URL {url!r}; use sqlite:///PATH or postgresql://USER@HOST/DB.",
        ) from e
    backend = parsed.get_backend_name()
    if backend == "postgresql":
        if parsed.drivername == "postgresql":
            parsed = parsed.set(drivername="postgresql+psycopg")
        elif parsed.drivername != "postgresql+psycopg":
            raise ConfigError(
                f"不支持的 PostgreSQL 驱动：{parsed.drivername}，请使用 postgresql+psycopg://。",
                f"Unsupported PostgreSQL driver {parsed.drivername}; use postgresql+psycopg://.",
            )
    elif backend != "sqlite":
        raise ConfigError(
            f"不支持的数据库类型：{backend}。单机请用 SQLite，大厅请用 PostgreSQL。",
            f"Unsupported database {backend}; use SQLite for one PC or PostgreSQL for a hall.",
        )
    if backend == "sqlite" and parsed.database in (None, "", ":memory:"):
        raise ConfigError(
            "SQLite 数据库必须是一个文件（sqlite:///路径），不能是内存库。",
            "An SQLite database must be a file (sqlite:///PATH), not in memory.",
        )
    return parsed.render_as_string(hide_password=False)


class Database:
    """The engines of one hall database and the units of work over them."""

    def __init__(self, url: str) -> None:
        self.url = _normalize_url(url)
        self.dialect = make_url(self.url).get_backend_name()
        self._checkpointer: Checkpointer | None = None
        if self.dialect == "sqlite":
            self.write_engine = _sqlite_engine(self.url, immediate=True)
            self.read_engine = _sqlite_engine(self.url, immediate=False)
            database = make_url(self.url).database
            assert database is not None
            self._checkpointer = Checkpointer(str(Path(database).resolve()))
        else:
            self.write_engine = self.read_engine = _pg_engine(self.url)
        use_partial_predicates(Base, self.dialect)
        self._write_sessions = sessionmaker(self.write_engine, expire_on_commit=False)
        self._read_sessions = sessionmaker(self.read_engine, expire_on_commit=False)
        self._own = threading.local()  # this thread's autocommit connection
        self._owned: list[Connection] = []  # every thread's, to close at dispose()
        self._owned_lock = threading.Lock()
        self.use_pii(Pii(None))  # until ``api.open_hall`` gives the hall's keys

    def use_pii(self, pii: Pii) -> None:
        """The ID keys that the units of work of this database seal and open with
        (``persistence.pii.pii_of``)."""
        self.pii = pii
        attach(self.write_engine, pii)
        attach(self.read_engine, pii)

    @property
    def is_postgres(self) -> bool:
        return self.dialect == "postgresql"

    def describe(self) -> str:
        """The URL without its password, for messages and logs."""
        return make_url(self.url).render_as_string(hide_password=True)

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One writing transaction: commits once at the end, rolls back on any error."""
        with translate_db_errors(self), self._write_sessions() as session, session.begin():
            yield session
        if self._checkpointer is not None:
            self._checkpointer.after_write()

    def transact(self, work: Callable[[Connection], T]) -> T:
        """One writing transaction on a Core connection: ``work(conn)``, then one commit.

        For hot paths that skip the ORM session. As ``write()``: rolls back on any error.
        On PostgreSQL, if the connection turns out to be dead before COMMIT was sent (BEGIN
        goes out with the first statement), the server has rolled back whatever it got, so
        nothing can have been committed: ``work`` runs once more on a fresh connection. A
        failure at COMMIT is never retried; the commit may have happened. So ``work`` must
        touch nothing but the database, through ``conn``.
        """
        attempts = 2 if self.is_postgres else 1
        with translate_db_errors(self):
            for attempt in range(1, attempts + 1):
                with self.write_engine.connect() as conn:
                    conn.begin()
                    try:
                        result = work(conn)
                    except exc.DBAPIError as e:
                        if e.connection_invalidated and attempt < attempts:
                            continue
                        raise
                    conn.commit()
                    break
        if self._checkpointer is not None:
            self._checkpointer.after_write()
        return result

    def autocommit(self, work: Callable[[Connection], T]) -> T:
        """Runs ``work(conn)`` on this thread's own connection in autocommit mode (PostgreSQL).

        For a user action that is a single statement: the statement is its own transaction,
        so it takes one round trip instead of three (BEGIN, statement, COMMIT) and its row
        locks end with it, never waiting on this client. The connection stays with the thread
        between actions (no pool checkout); one the server has closed meanwhile is replaced
        before ``work`` runs, without a round trip, once it has been idle for
        ``OWN_CONNECTION_TRUSTED_S``.

        ``work`` must run one statement: then it committed whole or not at all.

        If the connection is lost while ``work`` runs, nobody can tell which from here:
        ``OutcomeUnknown`` is raised and the caller finds out from what the statement writes
        (``services.queue.calling_pg`` looks for its request id). If the server chose the
        statement as a deadlock victim (or it failed serialization), it was rolled back whole
        and ``work`` runs again, up to ``AUTOCOMMIT_ATTEMPTS`` times in all, then ``Conflict``.
        Other errors pass as from ``transact()``.
        """
        if not self.is_postgres:
            raise ConfigError(
                "单语句自动提交只用于 PostgreSQL。", "autocommit() is for PostgreSQL only."
            )
        with translate_db_errors(self):
            for attempt in range(1, AUTOCOMMIT_ATTEMPTS + 1):
                conn = self._own_connection()
                try:
                    return work(conn)
                except exc.DBAPIError as e:
                    if e.connection_invalidated:
                        self._drop_own_connection()
                        raise OutcomeUnknown(
                            f"与数据库 {self.describe()} 的连接在操作进行中中断，结果待核实。",
                            f"The connection to {self.describe()} broke during the action; "
                            "its outcome must be checked.",
                        ) from e
                    sqlstate = getattr(e.orig, "sqlstate", None)
                    if sqlstate not in ROLLED_BACK_SQLSTATES:
                        raise
                    log.warning(
                        "statement rolled back by the server (%s), attempt %d of %d",
                        sqlstate,
                        attempt,
                        AUTOCOMMIT_ATTEMPTS,
                    )
                    last = e
            raise Conflict(
                "数据库繁忙（多个窗口同时操作相互等待），本次操作未执行，请重试。",
                "The database is busy (counters acting at once waited on each other); "
                "nothing was done, try again.",
            ) from last

    def _own_connection(self) -> Connection:
        conn: Connection | None = getattr(self._own, "conn", None)
        now = time.monotonic()
        if conn is not None and (
            conn.closed
            or conn.invalidated
            or (
                now - self._own.used_at >= OWN_CONNECTION_TRUSTED_S
                and not _still_open(conn.connection.dbapi_connection)
            )
        ):
            self._drop_own_connection()
            conn = None
        self._own.used_at = now
        if conn is None:
            conn = self.write_engine.connect().execution_options(isolation_level="AUTOCOMMIT")
            self._own.conn = conn
            with self._owned_lock:
                self._owned.append(conn)
        return conn

    def _drop_own_connection(self) -> None:
        conn: Connection | None = getattr(self._own, "conn", None)
        self._own.conn = None
        if conn is None:
            return
        with self._owned_lock:
            if conn in self._owned:
                self._owned.remove(conn)
        try:
            if not conn.invalidated:
                conn.invalidate()  # never hand a connection in doubt back to the pool
            conn.close()
        except exc.DBAPIError:
            pass

    @contextmanager
    def read(self) -> Iterator[Session]:
        """One read-only transaction (never commits anything)."""
        with translate_db_errors(self), self._read_sessions() as session, session.begin():
            yield session
            session.rollback()

    def fetch_all(self, statement: Executable) -> list[Row[Any]]:
        """The rows of one read-only Core statement (no ORM session): for a hot read of plain
        columns, such as a keystroke's catalog search."""
        with translate_db_errors(self), self.read_engine.connect() as conn:
            try:
                return list(conn.execute(statement).all())
            finally:
                conn.rollback()

    def dispose(self) -> None:
        with self._owned_lock:
            owned, self._owned = self._owned, []
        for conn in owned:
            conn.close()
        if self._checkpointer is not None:
            self._checkpointer.close()
        self.write_engine.dispose()
        if self.read_engine is not self.write_engine:
            self.read_engine.dispose()


@contextmanager
def translate_db_errors(db: Database) -> Iterator[None]:
    """Turns a lost or refused connection into one clear sentence."""
    try:
        yield
    except exc.OperationalError as e:
        if isinstance(e.orig, Exception) and _is_connection_problem(e):
            raise DatabaseUnavailable(
                f"无法连接数据库 {db.describe()}：{_first_line(e.orig)}。"
                "请检查服务器与网络后重试。",
                f"Cannot reach the database {db.describe()}: {_first_line(e.orig)}. "
                "Check the server and the network, then try again.",
            ) from e
        raise


def _is_connection_problem(e: exc.OperationalError) -> bool:
    text = str(e.orig).lower()
    markers = (
        "connection",
        "could not connect",
        "timeout",
        "unable to open database",
        "server closed",
        "terminating",
        "does not exist",
        "authentication",
        "password",
    )
    return e.connection_invalidated or any(m in text for m in markers)


def _first_line(err: BaseException) -> str:
    text = str(err).strip().splitlines()
    return text[0].rstrip(".。") if text else type(err).__name__
