"""Creates the QApplication: a CJK font loaded explicitly, translations, locale and style.

Chinese text must never depend on the platform's glyph fallback (offscreen rendering and bare
Windows installs show boxes), so the font file is loaded by path and set as the application font.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from clerk_app.i18n import set_language
from ui.common.theme import STYLE_NAME, apply_staff_style

log = logging.getLogger(__name__)

APP_NAME = "clerk-desk"
DEFAULT_LANGUAGE = "zh_CN"
LANGUAGES = ("zh_CN", "en")
ENV_FONT = "CLERK_UI_FONT"
PREFERRED_FAMILY = "WenQuanYi Micro Hei"
FONT_PIXEL_SIZE = 14
I18N_DIR = Path(__file__).resolve().parent.parent / "resources" / "i18n"

# Installed translators, kept alive here and replaced when the language is set again.
_translators: list[QTranslator] = []

_WINDOWS_FONTS = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
#: Font files tried in order after ``CLERK_UI_FONT``; the first that loads wins.
FONT_PATHS = (
    Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),  # Debian, Ubuntu, UOS, Kylin
    Path("/usr/share/fonts/wqy-microhei/wqy-microhei.ttc"),  # Fedora, openEuler
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
    _WINDOWS_FONTS / "msyh.ttc",  # Microsoft YaHei
    _WINDOWS_FONTS / "simsun.ttc",
)


def font_candidates() -> list[Path]:
    env = os.environ.get(ENV_FONT)
    return ([Path(env)] if env else []) + list(FONT_PATHS)


def load_cjk_font(candidates: Sequence[Path] | None = None) -> str | None:
    """Register the first CJK font file that loads; return its family name, or None."""
    for path in font_candidates() if candidates is None else candidates:
        if not path.is_file():
            continue
        font_id = QFontDatabase.addApplicationFont(str(path))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if families:
            return PREFERRED_FAMILY if PREFERRED_FAMILY in families else families[0]
        log.warning("font file %s could not be loaded", path)
    log.warning(
        "no CJK font found (tried %s); Chinese text may show as boxes. Set %s to a .ttf/.ttc file.",
        ", ".join(str(p) for p in font_candidates()),
        ENV_FONT,
    )
    return None


def install_translators(app: QApplication, lang: str) -> None:
    """Install Qt's own translation (standard buttons, dialogs) and the desk's for ``lang``.

    The source strings are English; ``clerk_en.qm`` only adds the plural forms ("1 item",
    "2 items"). Calling this again replaces the translators installed before.
    """
    for old in _translators:
        app.removeTranslator(old)
    _translators.clear()
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, directory in ((f"qtbase_{lang}", qt_dir), (f"clerk_{lang}", str(I18N_DIR))):
        translator = QTranslator(app)
        if translator.load(name, directory):
            app.installTranslator(translator)
            _translators.append(translator)
        elif directory == str(I18N_DIR):
            log.warning(
                "translation %s.qm not found in %s; run scripts/build_translations.py",
                name,
                directory,
            )


def create_application(
    argv: Sequence[str] | None = None, lang: str = DEFAULT_LANGUAGE
) -> QApplication:
    """Create (or reuse) the QApplication and set it up for ``lang`` ("zh_CN" or "en")."""
    app = QApplication.instance()
    created = not isinstance(app, QApplication)
    if not isinstance(app, QApplication):
        args = list(argv) if argv is not None else sys.argv[:1]
        app = QApplication([*args, "-style", STYLE_NAME])
    app.setApplicationName(APP_NAME)
    set_language(lang)
    QLocale.setDefault(QLocale(lang))
    install_translators(app, lang)
    apply_staff_style(app, style_set=created)
    family = load_cjk_font()
    if family is not None:
        font = QFont(family)
        font.setPixelSize(FONT_PIXEL_SIZE)
        app.setFont(font)
    return app
