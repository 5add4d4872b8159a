"""SQLite WAL checkpoints off the clerk's path.

SQLite's automatic checkpoint runs inside whichever commit crosses 1,000 WAL pages, so one
click in seventy pays for copying the log back into the database (the p99 of call-next in
``bench/bench_call_next.py``). The desk turns that off and instead, every ``EVERY`` writing
transactions, starts a PASSIVE checkpoint on a short-lived thread with its own connection;
closing the database checkpoints once more. PASSIVE never blocks readers or writers.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from pathlib import Path

log = logging.getLogger(__name__)

EVERY = 200  # writing transactions between checkpoints; the WAL stays a few MiB at most


class Checkpointer:
    def __init__(self, path: str) -> None:
        self._path = Path(path)
        self._lock = threading.Lock()
        self._writes = 0
        self._running: threading.Thread | None = None

    def after_write(self) -> None:
        """Counts a committed write; every ``EVERY`` starts a checkpoint in the background."""
        with self._lock:
            self._writes += 1
            if self._writes < EVERY or (self._running is not None and self._running.is_alive()):
                return
            self._writes = 0
            self._running = threading.Thread(target=self.run, name="wal-checkpoint", daemon=True)
            self._running.start()

    def run(self) -> None:
        # mode=rw: never create a database file that was deleted meanwhile (e.g. in tests).
        try:
            con = sqlite3.connect(f"{self._path.as_uri()}?mode=rw", uri=True, timeout=1)
            try:
                con.execute("PRAGMA wal_checkpoint(PASSIVE)")
            finally:
                con.close()
        except sqlite3.Error as e:
            log.debug("WAL checkpoint of %s skipped: %s", self._path, e)

    def close(self) -> None:
        running = self._running
        if running is not None:
            running.join()
        self.run()
