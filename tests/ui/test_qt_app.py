"""Application setup: the CJK font is loaded from a file, the translations are installed."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from clerk_app.i18n import language
from ui.app import FONT_PATHS, PREFERRED_FAMILY, create_application, load_cjk_font

pytestmark = pytest.mark.qt

WQY = FONT_PATHS[0]


@pytest.mark.skipif(not WQY.is_file(), reason="WenQuanYi Micro Hei is not installed")
def test_the_cjk_font_is_loaded_by_path_and_used(clerk_qapp: QApplication) -> None:
    assert load_cjk_font([WQY]) == PREFERRED_FAMILY
    assert QApplication.font().family() == PREFERRED_FAMILY


def test_missing_fonts_are_reported_not_fatal(
    clerk_qapp: QApplication, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="ui.app"):
        assert load_cjk_font([tmp_path / "nope.ttc"]) is None
    assert "no CJK font found" in caplog.text


def test_chinese_is_the_shells_and_the_cores_language(clerk_qapp: QApplication) -> None:
    create_application(lang="zh_CN")

    assert language() == "zh_CN"
    assert QCoreApplication.translate("Labels", "Counter %1") == "%1号窗口"
    assert QCoreApplication.translate("LoginDialog", "Sign in") == "登录"


def test_english_plural_forms_come_from_the_english_file(clerk_qapp: QApplication) -> None:
    one = QCoreApplication.translate("ListPageText", "%n row(s)", "", 1)
    many = QCoreApplication.translate("ListPageText", "%n row(s)", "", 3)
    assert (one, many) == ("1 row", "3 rows")


def test_imports_leave_no_module_sources_in_memory() -> None:
    """PySide6's own check read every imported module through linecache and kept it there."""
    import subprocess
    import sys

    probe = (
        "import linecache, ui.main_window, clerk_app.api\n"
        "print(sum(len(line) for e in linecache.cache.values() if len(e) > 2 for line in e[2]))\n"
    )
    kept = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    assert int(kept) < 1_000_000  # characters; PySide6's check kept about 10 million


def test_a_new_application_is_made_with_the_fusion_style_and_the_staff_sheet() -> None:
    """A fresh process (the suite's application already exists): the style is chosen as the
    application is made (``-style Fusion``), not set afterwards (issue 11)."""
    import os
    import subprocess
    import sys

    probe = (
        "import sys; from ui.app import create_application; "
        "from ui.common.theme import STAFF_STYLE; app = create_application(['x'], 'zh_CN'); "
        "sheet = app.styleSheet() == STAFF_STYLE; app.setStyleSheet(''); "  # the style beneath
        "print(app.style().name(), sheet)"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env)
    assert out.stdout.split() == ["fusion", "True"], out.stderr


def test_restyle_styles_a_label_before_and_after_it_is_first_shown(
    qtbot: QtBot, clerk_qapp: QApplication
) -> None:
    """Before its first polish a widget only takes the name (its first polish reads it; asking
    for its style earlier cost a counter's start the QStyle type); once shown it is polished
    again at once."""
    from PySide6.QtGui import QColor, QPalette
    from PySide6.QtWidgets import QLabel

    from ui.common.theme import ACCENT, PRIMARY_DARK
    from ui.common.widgets import restyle

    label = QLabel("x")
    qtbot.addWidget(label)
    restyle(label, "ErrorText")  # not yet shown
    label.show()
    qtbot.waitExposed(label)
    colour = label.palette().color(QPalette.ColorRole.WindowText)
    assert colour == QColor(ACCENT)
    restyle(label, "InfoText")  # shown: polished again now
    assert label.palette().color(QPalette.ColorRole.WindowText) == QColor(PRIMARY_DARK)
