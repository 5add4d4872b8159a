"""Cold start of a counter PC beside a bare PySide6 window, and the counter's peak RSS.

    .venv/bin/python bench/bench_start.py [--runs 7]

Each run is a fresh process (``start_probe.py``) timed from just before it is spawned to the
moment its window is shown, signed in and idle. Bytecode caches are on, as on a hall's PC
(PYTHONDONTWRITEBYTECODE is removed from the children's environment; one warm-up run of each
fills the caches). Targets (issue #11): counter ≤ 1 s and ≤ 5× the bare window; peak RSS
≤ 150 MB. Both run on the offscreen platform, so neither pays for a display server.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_halls import own_keys

ROOT = Path(__file__).resolve().parent.parent
PROBE = ROOT / "bench" / "start_probe.py"


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONPATH"] = str(ROOT)
    return env


def run_once(*args: str) -> tuple[float, float]:
    """Seconds from spawn to idle window, and peak RSS in MB."""
    start = time.time()
    out = subprocess.run(
        [sys.executable, str(PROBE), *args], env=_env(), capture_output=True, text=True
    )
    if out.returncode != 0:
        raise SystemExit(f"probe {args[0]} failed:\n{out.stderr}")
    shown_at, rss = out.stdout.split()[-2:]
    return float(shown_at) - start, float(rss)


def prepare_hall(folder: Path, keys: Path) -> str:
    # The hall is made by the code under test (the probes run it through PYTHONPATH), not by
    # whatever clerk_app this interpreter has installed: another copy may know other migrations.
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from clerk_app.api import open_hall

    url = f"sqlite:///{folder / 'hall.db'}"
    hall = open_hall(url, pii_keys=keys)
    hall.seed_demo()
    hall.close()
    return url


def measure(runs: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp, own_keys() as keys:  # the probes inherit them
        url = prepare_hall(Path(tmp), keys)
        run_once("bare")
        run_once("counter", url)  # warm-up: bytecode caches, the page cache
        bare, counter, rss, bare_rss = [], [], [], []
        for _ in range(runs):  # alternate, so drift on a shared machine hits both alike
            seconds, peak = run_once("bare")
            bare.append(seconds)
            bare_rss.append(peak)
            seconds, peak = run_once("counter", url)
            counter.append(seconds)
            rss.append(peak)
    return {
        "bare_start_ms": statistics.median(bare) * 1000,
        "cold_start_ms": statistics.median(counter) * 1000,
        "cold_start_ratio": statistics.median(counter) / statistics.median(bare),
        "rss_mb": max(rss),
        "bare_rss_mb": max(bare_rss),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    r = measure(parser.parse_args().runs)
    print(f"bare PySide6 window      {r['bare_start_ms']:7.0f} ms   (median)")
    print(
        f"signed-in counter window {r['cold_start_ms']:7.0f} ms   "
        f"{r['cold_start_ratio']:.1f}x the bare window   (targets ≤ 1000 ms, ≤ 5x)"
    )
    print(f"counter peak RSS         {r['rss_mb']:7.1f} MB   (target ≤ 150 MB)")


if __name__ == "__main__":
    main()
