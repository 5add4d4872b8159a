"""The blink of a new call on the hall display: a level from 1 to 0 and back, a few times."""

from __future__ import annotations

import math

from PySide6.QtCore import QObject, QVariantAnimation, Signal

FLASH_MS = 4000
#: Half-integer, so the light ends off: 3.5 cycles of on-off in ``FLASH_MS``.
BLINKS = 3.5


def flash_level(progress: float) -> float:
    """The light at ``progress`` (0–1) through the flash: 1 = full flash colour, 0 = off."""
    return 0.5 * (1.0 + math.cos(2.0 * math.pi * BLINKS * progress))


class Flash(QObject):
    """``level_changed(level)`` while running; ends at level 0 with ``finished``."""

    level_changed = Signal(float)
    finished = Signal()

    def __init__(self, parent: QObject | None = None, duration_ms: int = FLASH_MS) -> None:
        super().__init__(parent)
        self._animation = QVariantAnimation(self)
        self._animation.setStartValue(0.0)
        self._animation.setEndValue(1.0)
        self._animation.setDuration(duration_ms)
        self._animation.valueChanged.connect(self._on_value)
        self._animation.finished.connect(self._on_finished)
        self.level = 0.0

    def start(self) -> None:
        """Flash again from full, also when a flash is still running (a second new call)."""
        self._animation.stop()
        self.level = 1.0
        self.level_changed.emit(self.level)
        self._animation.start()

    def is_running(self) -> bool:
        return self._animation.state() == QVariantAnimation.State.Running

    def _on_value(self, value: object) -> None:
        self.level = flash_level(float(value))  # type: ignore[arg-type]
        self.level_changed.emit(self.level)

    def _on_finished(self) -> None:
        self.level = 0.0
        self.level_changed.emit(0.0)
        self.finished.emit()
