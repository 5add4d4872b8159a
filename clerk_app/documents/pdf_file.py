"""Writing a document's PDF to a file: the whole file or nothing.

Used by ``clerk print --out`` and by a counter without a printer. The bytes go to a temporary
file beside the target, are flushed to disk, then renamed over it, so a crash or a full disk
never leaves half a document where a clerk would look for it.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

__all__ = ["write_pdf_file"]


def write_pdf_file(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically; raises ``OSError`` (nothing written) on failure."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
