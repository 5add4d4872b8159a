"""``main.py --screenshot``: real PNGs of the demo hall (the public screens at each size halls
use too), or one sentence and status 2."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]
SCREENS = {
    "login.png": None,  # a dialog: its own size
    "counter.png": (1366, 768),
    "paper.png": (1100, 768),
    "dashboard.png": (1366, 768),
    "admin.png": (1366, 768),
    "review.png": (1366, 768),
    "handover.png": (1000, 720),
    "kiosk-progress.png": (1920, 1080),
    "kiosk.png": (1920, 1080),
    "display.png": (1920, 1080),
    **{
        f"{screen}-{w}x{h}.png": (w, h)
        for screen in ("kiosk", "display", "evaluator")
        for w, h in ((1080, 1920), (1920, 1080), (1366, 768), (1280, 720))
    },
}

pytestmark = pytest.mark.qt


def _run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CLERK_DATA_DIR": str(tmp_path / "data"), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("CLERK_DB_URL", None)
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )


def _distinct_colours(image: QImage, step: int = 7) -> int:
    return len(
        {
            image.pixel(x, y)
            for x in range(0, image.width(), step)
            for y in range(0, image.height(), step)
        }
    )


def test_screenshot_mode_renders_every_screen(tmp_path: Path, built_translations: None) -> None:
    out = tmp_path / "shots"
    result = _run(tmp_path, "--screenshot", str(out))

    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == sorted(SCREENS)
    for name, size in SCREENS.items():
        image = QImage(str(out / name))
        assert not image.isNull(), name
        if size is not None:
            assert (image.width(), image.height()) == size, name
        else:
            assert image.width() >= 400 and image.height() >= 200, name
        assert _distinct_colours(image) > 20, f"{name} looks blank"
        assert (out / name).stat().st_size > 10_000, name


def test_screenshot_mode_reports_a_bad_database_in_one_sentence(tmp_path: Path) -> None:
    result = _run(tmp_path, "--db", "nonsense://", "--screenshot", str(tmp_path / "shots"))

    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.startswith("clerk-desk:")]
    assert len(lines) == 1, result.stderr
    assert not (tmp_path / "shots" / "login.png").exists()


def test_screenshot_mode_refuses_a_screen_size_it_cannot_read(tmp_path: Path) -> None:
    result = _run(tmp_path, "--screenshot", str(tmp_path / "shots"), "--screen-size", "1080*1920")

    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "not a screen size (WIDTHxHEIGHT, e.g. 1080x1920): '1080*1920'" in result.stderr
    assert not (tmp_path / "shots").exists()
