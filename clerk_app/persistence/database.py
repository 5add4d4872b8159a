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

import copy
import logging
import random
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
from sqlalchemy.pool import QueuePool
from sqlalchemy.sql import Executable
from sqlalchemy.util import queue as sqla_queue

from clerk_app.errors import (
    ConfigError,
    Conflict,
    DatabaseBusy,
    DatabaseUnavailable,
    OutcomeUnknown,
)
from clerk_app.persistence.checkpoint import Checkpointer
from clerk_app.persistence.dialects import use_partial_predicates
from clerk_app.persistence.models import Base
from clerk_app.persistence.pii import Pii, attach

# How long one PC waits for a lock another holds before the action is refused as busy: SQLite's
# busy timeout, PostgreSQL's lock_timeout. The same on both, as every other limit is.
BUSY_TIMEOUT_S = 30
PG_CONNECT_TIMEOUT_S = 5
# SQLSTATEs of a statement the server rolled back whole to let another go on:
# deadlock_detected and serialization_failure. Running it again is safe and usually succeeds.
ROLLED_BACK_SQLSTATES = frozenset({"40P01", "40001"})
AUTOCOMMIT_ATTEMPTS = 3
# For ``autocommit``, a pooled connection's socket is checked before use only if it has been
# idle this long (as HikariCP's "alive bypass window"): a connection that answered a moment
# ago is alive, and the check, a system call, cost a busy counter PC about 30 µs per action.
# One that died within the window fails its statement instead, which callers of
# ``autocommit`` resolve (``OutcomeUnknown``).
OWN_CONNECTION_TRUSTED_S = 1.0
# PostgreSQL connections of one process (a PC): one pooled connection shared by reads, writes
# and autocommit, and a few more only while threads act at the same instant (closed when
# given back). The pooled one is closed once unused for PG_IDLE_RELEASE_S, so a PC between
# two polls holds none: a hall of more PCs than the server's max_connections works as long
# as fewer than that are acting at once (README, Deployment: the connection budget).
PG_POOL_SIZE = 1
PG_MAX_OVERFLOW = 3
PG_POOL_TIMEOUT_S = 30
PG_IDLE_RELEASE_S = 0.5
# A server at max_connections refuses a new session (SQLSTATE 53300); with PCs releasing
# theirs when idle a slot frees within moments, so a connect waits for one this long.
PG_FULL_WAIT_S = 10.0
PG_TOO_MANY_CLIENTS = "53300"
_USED_AT = "clerk_used_at"  # the pool entry's info: when it was last given back

log = logging.getLogger(__name__)

T = TypeVar("T")


def _sqlite_engine(url: str, *, immediate: bool) -> Engine:
    # hide_parameters: a failed statement's text never carries its values (an ID number).
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_S}, hide_parameters=True)

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
        cursor.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_S * 1000)}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


class _ReleasingPool(QueuePool):
    """A QueuePool that can close the connections resting in it (``release_idle``)."""

    def release_idle(self) -> int:
        """Closes every connection checked in now; those checked out are not touched."""
        closed = 0
        while True:
            try:
                record = self._pool.get(False)
            except sqla_queue.Empty:
                return closed
            try:
                record.close()
            finally:
                self._dec_overflow()  # as QueuePool does for a connection it closes
            closed += 1


_trusting = threading.local()  # set while ``autocommit`` checks a connection out


def _pg_engine(url: str) -> Engine:
    engine = create_engine(
        url,
        connect_args={
            "connect_timeout": PG_CONNECT_TIMEOUT_S,
            "options": f"-c lock_timeout={int(BUSY_TIMEOUT_S * 1000)}",
        },
        poolclass=_ReleasingPool,
        pool_size=PG_POOL_SIZE,
        max_overflow=PG_MAX_OVERFLOW,
        pool_timeout=PG_POOL_TIMEOUT_S,
        hide_parameters=True,
    )

    @event.listens_for(engine, "checkout")
    def _on_checkout(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        # Instead of pool_pre_ping's round trip on every checkout: a server that restarted or
        # ended this session has said so on the socket, and reading what is already there
        # costs no round trip. The pool then replaces the connection. (A connection that dies
        # after this check fails at BEGIN; Database.transact retries that case.)
        if getattr(_trusting, "on", False):
            used_at = record.info.get(_USED_AT)
            if used_at is not None and time.monotonic() - used_at < OWN_CONNECTION_TRUSTED_S:
                return
        if not _still_open(dbapi_connection):
            raise exc.DisconnectionError("the server closed this pooled connection")

    @event.listens_for(engine, "checkin")
    def _on_checkin(_dbapi_connection: Any, record: Any) -> None:
        record.info[_USED_AT] = time.monotonic()

    @event.listens_for(engine, "do_connect")
    def _on_connect(dialect: Any, _record: Any, cargs: Any, cparams: Any) -> Any:
        return _connect_when_a_slot_frees(dialect, cargs, cparams)

    return engine


def _connect_when_a_slot_frees(dialect: Any, cargs: Any, cparams: Any) -> Any:
    """Connects; if the server is full (too many clients), tries again for PG_FULL_WAIT_S."""
    deadline = time.monotonic() + PG_FULL_WAIT_S
    pause = 0.02
    while True:
        try:
            return dialect.loaded_dbapi.connect(*cargs, **cparams)
        except dialect.loaded_dbapi.OperationalError as e:
            full = getattr(e, "sqlstate", None) == PG_TOO_MANY_CLIENTS or (
                "too many clients" in str(e)
            )
            if not full or time.monotonic() + pause > deadline:
                raise
            log.info("the server is full (max_connections); connecting again in %.2f s", pause)
            time.sleep(pause * random.uniform(0.5, 1.5))
            pause = min(pause * 2, 0.5)


class _IdleReleaser:
    """Closes a process's pooled PostgreSQL connection once unused for PG_IDLE_RELEASE_S.

    A daemon thread that sleeps until a connection is given back, then until it has rested
    PG_IDLE_RELEASE_S; it touches only connections resting in the pool, never one in use.
    """

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._stop = threading.Event()
        self._given_back = threading.Event()
        self._last_checkin = time.monotonic()
        event.listen(engine, "checkin", self._on_checkin)
        self._thread = threading.Thread(target=self._run, name="pg-idle-release", daemon=True)
        self._thread.start()

    def _on_checkin(self, _dbapi_connection: Any, _record: Any) -> None:
        self._last_checkin = time.monotonic()
        self._given_back.set()

    def _run(self) -> None:
        pool = self._engine.pool
        assert isinstance(pool, _ReleasingPool)
        while True:
            self._given_back.wait()
            self._given_back.clear()
            if self._stop.is_set():
                return
            while (left := self._last_checkin + PG_IDLE_RELEASE_S - time.monotonic()) > 0:
                if self._stop.wait(left):
                    return
            if pool.checkedout() == 0:  # one in use comes back later and wakes this again
                pool.release_idle()

    def stop(self) -> None:
        self._stop.set()
        self._given_back.set()
        self._thread.join(timeout=5)


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
            # One engine and one pool for reads, writes and autocommit (see PG_POOL_SIZE).
            self.write_engine = self.read_engine = _pg_engine(self.url)
        use_partial_predicates(Base, self.dialect)
        self._write_sessions = sessionmaker(self.write_engine, expire_on_commit=False)
        self._read_sessions = sessionmaker(self.read_engine, expire_on_commit=False)
        self._releaser = _IdleReleaser(self.write_engine) if self.is_postgres else None
        self._guard: Callable[[Connection], None] | None = None
        self.use_pii(Pii(None))  # until ``api.open_hall`` gives the hall's keys

    def guarded(self, guard: Callable[[Connection], None]) -> Database:
        """This database, with ``guard(conn)`` run at the start of every unit of work, inside
        it (e.g. ``services.auth.session_check``: is the acting account still allowed?). The
        engines and pools are shared; ``dispose()`` belongs to the original."""
        bound = copy.copy(self)
        bound._guard = guard
        return bound

    def _check(self, conn: Connection) -> None:
        if self._guard is not None:
            self._guard(conn)

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
            self._check(session.connection())
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
                        self._check(conn)
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
        """Runs ``work(conn)`` on a pooled connection in autocommit mode (PostgreSQL).

        For a user action that is a single statement: the statement is its own transaction,
        so it takes one round trip instead of three (BEGIN, statement, COMMIT) and its row
        locks end with it, never waiting on this client. The connection is the process's
        pooled one (reads and writes share it); one the server has closed meanwhile is
        replaced before ``work`` runs, without a round trip, once it has been idle for
        ``OWN_CONNECTION_TRUSTED_S``.

        ``work`` must run one statement, or begin and end its own transaction on ``conn``
        (call-next does: BEGIN, its statement, its chained audit rows, COMMIT; on an error it
        rolls back before raising): then it committed whole or not at all.

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
                with self._autocommit_connection() as conn:
                    try:
                        self._check(conn)
                    except exc.DBAPIError as e:
                        # The session's check ran first and found the connection dead: ``work``
                        # never ran, so it runs on a fresh connection without any doubt.
                        if not e.connection_invalidated or attempt == AUTOCOMMIT_ATTEMPTS:
                            raise
                        continue
                    try:
                        return work(conn)
                    except exc.DBAPIError as e:
                        if e.connection_invalidated:
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

    @contextmanager
    def _autocommit_connection(self) -> Iterator[Connection]:
        _trusting.on = True  # the checkout may skip the socket check (trusted window)
        try:
            conn = self.write_engine.connect()
        finally:
            _trusting.on = False
        with conn:
            yield conn.execution_options(isolation_level="AUTOCOMMIT")

    @contextmanager
    def read(self, *, snapshot: bool = False) -> Iterator[Session]:
        """One read-only transaction (never commits anything). ``snapshot``: on PostgreSQL the
        transaction is REPEATABLE READ and READ ONLY, one snapshot for all of its statements
        (set before its first statement, the session check's included); SQLite's deferred
        read transaction already reads one snapshot (WAL) from its first SELECT to its end."""
        with translate_db_errors(self), self._read_sessions() as session, session.begin():
            if snapshot and self.is_postgres:
                conn = session.connection(
                    execution_options={
                        "isolation_level": "REPEATABLE READ",
                        "postgresql_readonly": True,
                    }
                )
            else:
                conn = session.connection()
            self._check(conn)
            yield session
            session.rollback()

    def fetch_all(self, statement: Executable) -> list[Row[Any]]:
        """The rows of one read-only Core statement (no ORM session): for a hot read of plain
        columns, such as a keystroke's catalog search."""
        with translate_db_errors(self), self.read_engine.connect() as conn:
            try:
                self._check(conn)
                return list(conn.execute(statement).all())
            finally:
                conn.rollback()

    def dispose(self) -> None:
        if self._releaser is not None:
            self._releaser.stop()
        if self._checkpointer is not None:
            self._checkpointer.close()
        self.write_engine.dispose()
        if self.read_engine is not self.write_engine:
            self.read_engine.dispose()


@contextmanager
def translate_db_errors(db: Database) -> Iterator[None]:
    """Turns a lost or refused connection, or a database too busy to answer, into one clear
    sentence."""
    try:
        yield
    except exc.OperationalError as e:
        if _is_busy(e):
            raise DatabaseBusy() from e
        if isinstance(e.orig, Exception) and _is_connection_problem(e):
            raise DatabaseUnavailable(
                f"无法连接数据库 {db.describe()}：{_first_line(e.orig)}。"
                "请检查服务器与网络后重试。",
                f"Cannot reach the database {db.describe()}: {_first_line(e.orig)}. "
                "Check the server and the network, then try again.",
            ) from e
        raise


# PostgreSQL: lock_not_available, query_canceled (a lock or statement timeout).
_BUSY_SQLSTATES = frozenset({"55P03", "57014"})


def _is_busy(e: exc.OperationalError) -> bool:
    """SQLite's write lock outlasted the busy timeout, or PostgreSQL gave up waiting."""
    text = str(e.orig).lower()
    sqlstate = getattr(e.orig, "sqlstate", None)
    return (
        "database is locked" in text or "database is busy" in text or (sqlstate in _BUSY_SQLSTATES)
    )


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
