"""A hall's worth of PCs against one PostgreSQL: each a thread with its own ``open_hall`` doing
what that PC does (counters poll their desk and call, kiosks print tickets, displays and
evaluators poll), while a monitor samples the server's connections (``pg_stat_activity``).

Used by ``bench/bench_hall_pcs.py`` (prints the figures) and ``tests/test_hall_pcs.py``.
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import psycopg
from sqlalchemy import select

from clerk_app.api import Hall, StaffSession, open_hall
from clerk_app.domain.roles import Actor, Role
from clerk_app.errors import ClerkError
from clerk_app.persistence.models import User
from clerk_app.simulation import default_plan
from clerk_app.simulation.hall_setup import staff_counters

# Poll periods of the real screens (ui/*/…_window.py POLL_MS).
COUNTER_POLL_S, KIOSK_POLL_S, DISPLAY_POLL_S, EVALUATOR_POLL_S = 2.0, 2.0, 0.5, 0.5
CALL_EVERY = 4  # a counter calls the next ticket about every 4th poll (8 s)
PRINT_EVERY_S = 3.0  # a kiosk prints a ticket about every 3 s


@dataclass(frozen=True)
class HallMix:
    counters: int
    kiosks: int
    displays: int
    evaluators: int

    @property
    def pcs(self) -> int:
        return self.counters + self.kiosks + self.displays + self.evaluators

    @classmethod
    def of(cls, pcs: int) -> HallMix:
        """A hall of ``pcs`` PCs: 5 % kiosks, 4 % displays, 8 % evaluators, the rest counters."""
        kiosks, displays, evaluators = max(1, pcs // 20), max(1, pcs // 25), max(1, pcs // 12)
        return cls(pcs - kiosks - displays - evaluators, kiosks, displays, evaluators)


@dataclass
class HallRun:
    ops: int = 0
    errors: list[str] = field(default_factory=list)
    peak_connections: int = 0
    samples: list[int] = field(default_factory=list)
    seconds: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def ops_per_s(self) -> float:
        return self.ops / self.seconds if self.seconds else 0.0


def prepare(url: str, counters: int) -> None:
    """The demo hall with ``counters`` counters and a clerk for each (the simulation's setup)."""
    hall = open_hall(url)
    try:
        hall.seed_demo()
        staff_counters(hall, default_plan(counters))
    finally:
        hall.close()


def _clerk(hall: Hall, number: int) -> StaffSession:
    with hall.db.read() as s:
        user = s.scalars(select(User).where(User.username == f"sim{number:03d}")).one()
        actor = Actor(Role.CLERK, user.username, user.display_name, user.id, number)
    session = StaffSession(hall.db, actor, hall.clock)
    session.queue.heartbeat()
    return session


def _pc(url: str, kind: str, number: int, stop: threading.Event, run: HallRun) -> None:
    rng = random.Random(number * 31 + len(kind))
    stop.wait(rng.uniform(0, 3.0))  # PCs are switched on over a few seconds, not at once
    try:
        hall = open_hall(url)
    except ClerkError as e:
        with run.lock:
            run.errors.append(f"{kind} {number} open: {e}")
        return
    try:
        period, act = _actions(hall, kind, number, rng)
        while not stop.is_set():
            try:
                act()
                with run.lock:
                    run.ops += 1
            except ClerkError as e:
                with run.lock:
                    run.errors.append(f"{kind} {number}: {e}")
            stop.wait(period * rng.uniform(0.8, 1.2))
    finally:
        hall.close()


def _actions(
    hall: Hall, kind: str, number: int, rng: random.Random
) -> tuple[float, Callable[[], object]]:
    if kind == "counter":
        queue = _clerk(hall, number).queue

        def counter() -> object:
            if rng.randrange(CALL_EVERY) == 0:
                queue.call_next()
            return queue.desk()

        return COUNTER_POLL_S, counter
    if kind == "kiosk":
        kiosk = hall.kiosk().queue
        categories = "ABCDE"

        def print_ticket() -> object:
            if rng.random() < KIOSK_POLL_S / PRINT_EVERY_S:
                kiosk.take_ticket(rng.choice(categories))
            return kiosk.status()

        return KIOSK_POLL_S, print_ticket
    if kind == "display":
        board = hall.display().queue
        return DISPLAY_POLL_S, board.board
    evaluator = hall.evaluator(number).evaluations
    return EVALUATOR_POLL_S, evaluator.evaluator_view


def _monitor(dsn: str, dbname: str, stop: threading.Event, run: HallRun) -> None:
    with psycopg.connect(dsn, autocommit=True) as conn:
        while not stop.wait(0.05):
            row = conn.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND pid <> "
                "pg_backend_pid()",
                (dbname,),
            ).fetchone()
            n = int(row[0]) if row else 0
            run.samples.append(n)
            run.peak_connections = max(run.peak_connections, n)


def run_hall(url: str, dsn: str, dbname: str, mix: HallMix, seconds: float) -> HallRun:
    """``mix``'s PCs for ``seconds`` against ``url`` (prepared); ``dsn`` for the monitor."""
    run = HallRun()
    stop = threading.Event()
    kinds = (
        [("counter", n) for n in range(1, mix.counters + 1)]
        + [("kiosk", n) for n in range(1, mix.kiosks + 1)]
        + [("display", n) for n in range(1, mix.displays + 1)]
        + [("evaluator", n) for n in range(1, mix.evaluators + 1)]
    )
    monitor = threading.Thread(target=_monitor, args=(dsn, dbname, stop, run), daemon=True)
    pcs = [
        threading.Thread(target=_pc, args=(url, kind, n, stop, run), daemon=True)
        for kind, n in kinds
    ]
    monitor.start()
    started = time.monotonic()
    for pc in pcs:
        pc.start()
    time.sleep(seconds)
    stop.set()
    for pc in pcs:
        pc.join(timeout=60)
    run.seconds = time.monotonic() - started
    monitor.join(timeout=5)
    return run
