"""Where the desk keeps its data and how a database URL is chosen."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "clerk-desk"
ENV_DB_URL = "CLERK_DB_URL"


def data_dir() -> Path:
    """The per-user data directory (created on first use)."""
    path = Path(os.environ.get("CLERK_DATA_DIR") or user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_url() -> str:
    """``--db`` wins, then ``CLERK_DB_URL``, then an SQLite file in the user's data dir."""
    return os.environ.get(ENV_DB_URL) or f"sqlite:///{data_dir() / 'hall.db'}"


def demo_db_url() -> str:
    """The demo hall's own SQLite file, kept apart from a real hall's data."""
    return f"sqlite:///{data_dir() / 'demo.db'}"
