"""How a public screen (kiosk, hall display) fits the monitor it is on: upright or lying, and
the scale of its type; and the heaviest weight its font really has.

A hall's public screens are 1920×1080 or smaller landscape monitors (1366×768, 1280×720) and
upright 1080×1920 touch screens (取号机). Each screen is designed at 1920×1080 (landscape) or
1080×1920 (portrait) and scaled to the monitor as a whole, so a 1280×720 monitor shows the
same layout as a 1080p one, two thirds the size, with nothing clipped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QWidget

LANDSCAPE = (1920, 1080)
PORTRAIT = (1080, 1920)
#: The monitors halls use, in the order screenshot mode renders them.
HALL_SIZES = ((1080, 1920), (1920, 1080), (1366, 768), (1280, 720))
MIN_SCALE, MAX_SCALE = 0.5, 2.0


@dataclass(frozen=True)
class ScreenFit:
    """``portrait``: taller than wide; ``scale``: of the design size (1.0 at 1920×1080)."""

    portrait: bool
    scale: float

    def px(self, pixels: float) -> int:
        """A length of the 1920×1080 (or 1080×1920) design on this monitor, at least 1."""
        return max(1, round(pixels * self.scale))


def screen_fit(width: int, height: int) -> ScreenFit:
    """The fit of a ``width``×``height`` window: the design scaled to fit both ways, in steps of
    1/20 so a window growing a few pixels does not restyle the screen each time."""
    portrait = height > width
    base_w, base_h = PORTRAIT if portrait else LANDSCAPE
    scale = min(width / base_w, height / base_h)
    scale = min(MAX_SCALE, max(MIN_SCALE, int(scale * 20) / 20))
    return ScreenFit(portrait, scale)


def heavy_weight(family: str | None = None) -> int:
    """The heaviest weight up to bold that ``family`` (default: the application font's) has.

    A font without a bold face is made bold by smearing each glyph sideways (synthetic bold):
    fine for Latin letters, but a dense character such as 窗 becomes a blob at display sizes.
    WenQuanYi Micro Hei, the hall PCs' usual CJK font, has only its Regular face; then the
    public screens draw at the regular weight and stand out by size and colour instead.
    """
    family = family or QApplication.font().family()
    weights = [QFontDatabase.weight(family, style) for style in QFontDatabase.styles(family)]
    real = [w for w in weights if w <= QFont.Weight.Bold.value]
    return max(real, default=QFont.Weight.Normal.value)


class Fitter:
    """Restyles and lays out a public window for its monitor, once per fit (not per pixel of a
    resize): ``style(fit, heavy_weight)`` is the window's style sheet, ``apply(fit)`` its
    view's layout. The kiosk and the hall display call ``refit`` from ``resizeEvent``."""

    def __init__(
        self,
        window: QWidget,
        style: Callable[[ScreenFit, int], str],
        apply: Callable[[ScreenFit], None],
    ) -> None:
        self._window = window
        self._style = style
        self._apply = apply
        self._heavy = heavy_weight()
        self._fit: ScreenFit | None = None

    def refit(self, width: int, height: int) -> None:
        fit = screen_fit(width, height)
        if fit == self._fit:
            return
        self._fit = fit
        self._window.setStyleSheet(self._style(fit, self._heavy))
        self._apply(fit)
