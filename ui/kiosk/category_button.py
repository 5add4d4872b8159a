"""A touch-sized kiosk button for one queue category: its name and how many are waiting."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from ui.common.public_screen import ScreenFit

# Heights of the 1920×1080 design (scaled to the monitor): large enough to hit with a
# fingertip from a step away, and no taller than their two lines need with room to spare,
# so an upright screen does not stretch a tile into a column of empty white.
BUTTON_MIN_HEIGHT = 150
BUTTON_MAX_HEIGHT = 250
BUTTON_MAX_HEIGHT_PORTRAIT = 300


class CategoryButton(QPushButton):
    """``prefix`` names the category; ``show_load`` updates the second line."""

    def __init__(self, prefix: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prefix = prefix
        self.setObjectName("CategoryButton")
        self.setProperty("prefix", prefix)
        # A touch screen has no keyboard; a focus frame would look like a pre-selection, and
        # the ID entry must keep the focus for the barcode scanner.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.name_label = QLabel(f"{prefix}  {name}")
        self.name_label.setObjectName("CategoryName")
        self.load_label = QLabel()
        self.load_label.setObjectName("CategoryLoad")
        self._layout = QVBoxLayout(self)
        self._layout.addStretch(1)
        for label in (self.name_label, self.load_label):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            label.setWordWrap(True)  # a long name or count wraps instead of being cut off
            self._layout.addWidget(label)
        self._layout.addStretch(1)
        self.apply_fit(ScreenFit(portrait=False, scale=1.0))

    def apply_fit(self, fit: ScreenFit) -> None:
        """The tile's height bounds on this monitor."""
        self._layout.setSpacing(fit.px(14))
        self.setMinimumHeight(fit.px(BUTTON_MIN_HEIGHT))
        most = BUTTON_MAX_HEIGHT_PORTRAIT if fit.portrait else BUTTON_MAX_HEIGHT
        self.setMaximumHeight(fit.px(most))

    def show_load(self, waiting: int, wait_minutes: int | None) -> None:
        """Show "3 waiting · about 12 min", that no one is waiting, or that no counter is open
        (``wait_minutes`` is ``None``: no minutes are promised)."""
        if waiting == 0 and wait_minutes is not None:
            self.load_label.setText(self.tr("No one waiting"))
            return
        if wait_minutes is None:
            if waiting:
                text = self.tr("%1 waiting · no counter open now").replace("%1", str(waiting))
            else:
                text = self.tr("No counter open now")
            self.load_label.setText(text)
            return
        text = self.tr("%1 waiting · about %2 min")
        self.load_label.setText(text.replace("%1", str(waiting)).replace("%2", str(wait_minutes)))
