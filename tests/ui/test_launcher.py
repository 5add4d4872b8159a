"""Starting the GUI: a hall that cannot be opened is one sentence in a message box."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QApplication, QWidget

from ui.common import errors
from ui.launcher import EXIT_ERROR, Options, run_gui

pytestmark = pytest.mark.qt


def test_a_bad_database_url_is_shown_not_raised(
    clerk_qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []

    def critical(parent: QWidget | None, title: str, text: str) -> None:
        shown.append(text)

    monkeypatch.setattr(errors.QMessageBox, "critical", critical)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_gui installs its own

    assert run_gui(Options(db_url="nonsense://"), clerk_qapp) == EXIT_ERROR
    assert len(shown) == 1
    assert "nonsense" in shown[0]
    assert "Traceback" not in shown[0]
