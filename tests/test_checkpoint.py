"""SQLite checkpoints run off the clerk's path: never inside a commit, every EVERY writes."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from clerk_app.persistence import checkpoint
from clerk_app.persistence.database import Database
from clerk_app.persistence.migrate import upgrade
from clerk_app.persistence.models import HallSetting


def test_checkpoints_run_in_the_background_at_their_cadence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = Database(f"sqlite:///{tmp_path / 'h.db'}")
    upgrade(db)
    with db.write_engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == 0
    runs: list[str] = []
    real_run = checkpoint.Checkpointer.run

    def spy(self: checkpoint.Checkpointer) -> None:
        runs.append(threading.current_thread().name)
        real_run(self)

    monkeypatch.setattr(checkpoint.Checkpointer, "run", spy)
    for i in range(2 * checkpoint.EVERY + 5):
        with db.write() as s:
            s.add(HallSetting(key=f"k{i}", value=i))
        if db._checkpointer and db._checkpointer._running:
            db._checkpointer._running.join()
    assert runs == ["wal-checkpoint", "wal-checkpoint"]
    db.dispose()  # a last checkpoint, on the closing thread
    assert runs[-1] == threading.current_thread().name
    import sqlite3

    con = sqlite3.connect(tmp_path / "h.db")  # every frame of the log is already copied back
    busy, frames, copied = con.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    assert busy == 0 and frames == copied
    assert con.execute("SELECT value FROM hall_settings WHERE key = 'k404'").fetchone() == (404,)
    con.close()


def test_a_deleted_database_is_not_recreated(tmp_path: Path) -> None:
    path = tmp_path / "gone.db"
    checkpoint.Checkpointer(str(path)).run()
    assert not path.exists()
