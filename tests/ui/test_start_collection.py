"""Garbage collection is off while the desk starts and back on, once, when a window is up."""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import main
from ui import launcher


@pytest.fixture
def collection_restored() -> Iterator[None]:
    yield
    gc.unfreeze()
    gc.enable()


def test_end_of_start_freezes_what_start_made_and_collects_again(collection_restored: None) -> None:
    gc.disable()
    launcher.end_of_start()
    assert gc.isenabled()
    frozen = gc.get_freeze_count()
    assert frozen > 0

    garbage = [[] for _ in range(1000)]  # made after start: must stay collectable
    launcher.end_of_start()  # a second window (sign in again) freezes nothing more
    # Not "equal": a frozen object is still freed when its last reference goes (a worker
    # thread of an earlier test ending meanwhile dropped 130 of them once in CI); a second
    # freeze would have added the 1,000 lists above.
    assert gc.get_freeze_count() <= frozen
    del garbage


def test_main_turns_collection_back_on_when_it_returns_early(
    collection_restored: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An evaluator without its counter is refused before any window: collection must be on.
    monkeypatch.setenv("CLERK_CONFIG", str(tmp_path / "none.conf"))
    monkeypatch.delenv("CLERK_COUNTER", raising=False)
    monkeypatch.setattr(sys, "argv", ["clerk-desk"])
    assert main.main(["--evaluator"]) == launcher.EXIT_ERROR
    assert gc.isenabled()
