"""Fixtures for the Qt shell's tests: offscreen Qt, the app set up in English, a demo hall.

``QT_QPA_PLATFORM`` must be set before anything imports Qt, hence at the top of this module.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The hall display speaks through Qt's mock engine in tests: silent, and the same everywhere.
os.environ.setdefault("CLERK_SPEECH_ENGINE", "mock")

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from clerk_app.api import Hall, open_hall
from clerk_app.i18n import language, set_language

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def english_core_messages() -> Iterator[None]:
    """Core messages (errors, role names) in English for every test, then as they were."""
    before = language()
    set_language("en")
    yield
    set_language(before)


@pytest.fixture(autouse=True)
def inline_tasks() -> Iterator[None]:
    """Background work (polls, printing) runs at once on the test's thread, in order."""
    from ui.common.tasks import run_inline, set_runner

    previous = set_runner(run_inline)
    yield
    set_runner(previous)


@pytest.fixture(scope="session")
def built_translations() -> None:
    """The .qm files are build outputs; build them once so tests see the real translations."""
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_translations.py")], check=True)


@pytest.fixture
def clerk_qapp(qapp: QApplication, built_translations: None) -> Iterator[QApplication]:
    """pytest-qt's QApplication with the desk's font, style and English texts.

    Tests read English (the source language); the zh_CN test switches and this switches back.
    """
    from ui.app import create_application

    app = create_application(lang="en")
    yield app
    create_application(lang="en")


@pytest.fixture
def hall(_seeded_sqlite: Path, tmp_path: Path) -> Iterator[Hall]:
    """A fresh copy of the seeded demo hall on SQLite (the shell's tests need one backend)."""
    path = tmp_path / "h.db"
    shutil.copy(_seeded_sqlite, path)
    h = open_hall(f"sqlite:///{path}")
    yield h
    h.close()
