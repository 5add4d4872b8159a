"""The Qt shell of the desk: it shows what the core returns and collects what people type."""

from ui.pyside_imports import lighten_feature_check

lighten_feature_check()
