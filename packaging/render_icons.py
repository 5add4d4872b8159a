"""Renders packaging/icons/*.svg to PNGs (48, 128, 256 px) for the hicolor icon theme.

Usage: python packaging/render_icons.py OUT_DIR  ->  OUT_DIR/<size>x<size>/apps/<name>.png
Menus that cannot read SVG (older UKUI/DDE icon caches) take the PNGs.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent / "icons"
SIZES = (48, 128, 256)


def main(out: Path) -> int:
    _app = QGuiApplication(sys.argv[:1])
    for svg in sorted(ICONS.glob("*.svg")):
        renderer = QSvgRenderer(str(svg))
        for size in SIZES:
            image = QImage(size, size, QImage.Format.Format_ARGB32)
            image.fill(Qt.GlobalColor.transparent)
            painter = QPainter(image)
            renderer.render(painter)
            painter.end()
            target = out / f"{size}x{size}" / "apps" / f"{svg.stem}.png"
            target.parent.mkdir(parents=True, exist_ok=True)
            if not image.save(str(target)):
                print(f"render_icons: cannot write {target}", file=sys.stderr)
                return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
