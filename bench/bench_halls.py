"""The halls the benchmarks open: each with its own ID key file beside its database.

A bench never uses the PC's configured key file (``CLERK_PII_KEYS`` or the user's
``pii.keys``): opening a new hall there would write a key file a real hall may later need, and a
hall cached under /tmp from an earlier run (whose keys were another run's, say a test session's
temporary file) would be refused as not matching (``PiiKeyError``). The keys live and go with
the database they belong to: ``hall.db`` → ``hall.db.keys``; a copy opens with its original's.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from clerk_app.api import Hall, open_hall


def keys_of(db: Path) -> Path:
    """The ID key file of the bench hall at ``db``."""
    return db.with_name(db.name + ".keys")


def open_bench_hall(db: Path, **options: Any) -> Hall:
    """``open_hall`` on the SQLite file ``db`` with the keys beside it (made with a new hall)."""
    return open_hall(f"sqlite:///{db}", pii_keys=keys_of(db), **options)


def copy_hall(source: Path, target: Path) -> Path:
    """Copies a cached hall and its keys (a run's writes stay out of the cache); ``target``."""
    shutil.copy(source, target)
    shutil.copy(keys_of(source), keys_of(target))
    return target


def move_hall(source: Path, target: Path) -> None:
    """A hall built under a temporary name becomes the cache, keys included (keys first: a
    cache file never exists without its keys)."""
    keys_of(source).rename(keys_of(target))
    source.rename(target)


@contextmanager
def own_keys() -> Iterator[Path]:
    """For a bench that opens halls by URL (PostgreSQL, child processes, the counter probe):
    ``CLERK_PII_KEYS`` names a key file in a new temporary folder while it runs (children
    inherit it), then is restored."""
    before = os.environ.get("CLERK_PII_KEYS")
    with tempfile.TemporaryDirectory(prefix="clerk-bench-keys-") as folder:
        path = Path(folder) / "hall.keys"
        os.environ["CLERK_PII_KEYS"] = str(path)
        try:
            yield path
        finally:
            if before is None:
                del os.environ["CLERK_PII_KEYS"]
            else:
                os.environ["CLERK_PII_KEYS"] = before
