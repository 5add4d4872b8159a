"""A public screen started before its database is up says so and reconnects by itself."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget

import main
from clerk_app.api import Hall
from clerk_app.errors import DatabaseUnavailable
from ui import launcher
from ui.common import errors
from ui.display.hall_display_window import HallDisplayWindow
from ui.launcher import EXIT_ERROR, Options, PublicStarter

pytestmark = pytest.mark.qt


def test_the_display_shows_reconnecting_until_the_database_answers(
    clerk_qapp: QApplication, hall: Hall, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLERK_SPEECH_ENGINE", "none")
    attempts: list[int] = []

    def open_hall(options: Options) -> Hall:
        attempts.append(1)
        if len(attempts) < 3:
            raise DatabaseUnavailable("无法连接数据库。", "Cannot reach the database.")
        return hall

    monkeypatch.setattr(launcher, "open_configured_hall", open_hall)
    starter = PublicStarter(Options(display=True), clerk_qapp)
    starter.try_open()
    screen = starter.reconnecting
    assert screen is not None and screen.isVisible() and screen.isFullScreen()
    assert screen.title_label.text() == "Reconnecting…"
    assert "Cannot reach the database" in screen.detail_label.text()
    assert starter._retry.isActive()  # tries again by itself

    starter.try_open()
    assert starter.window is None and starter.reconnecting is screen
    starter.try_open()
    assert isinstance(starter.window, HallDisplayWindow)
    assert starter.window.isFullScreen()
    assert starter.reconnecting is None and not screen.isVisible()
    assert not starter._retry.isActive()  # no second window five seconds later
    starter.window.close()
    starter.deleteLater()


def test_a_malformed_url_is_shown_once_and_ends_the_public_screen(
    clerk_qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    exits: list[int] = []

    def critical(parent: QWidget | None, title: str, text: str) -> None:
        shown.append(text)

    monkeypatch.setattr(errors.QMessageBox, "critical", critical)
    monkeypatch.setattr(clerk_qapp, "exit", exits.append)
    starter = PublicStarter(Options(db_url="nonsense://", kiosk=True), clerk_qapp)
    starter.try_open()
    assert exits == [EXIT_ERROR] and len(shown) == 1 and starter.reconnecting is None


def test_main_reads_the_role_from_the_pcs_file_and_flags_win(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    conf = tmp_path / "clerk-desk.conf"
    conf.write_text("[device]\nrole = kiosk\ncounter = 4\n", encoding="utf-8")
    monkeypatch.setenv("CLERK_CONFIG", str(conf))
    monkeypatch.delenv("CLERK_ROLE", raising=False)
    monkeypatch.delenv("CLERK_COUNTER", raising=False)
    settings = main.device_settings(main.parse_args([]))
    assert (settings.role, settings.counter, settings.full_screen) == ("kiosk", 4, True)
    settings = main.device_settings(main.parse_args(["--display", "--counter", "9"]))
    assert (settings.role, settings.counter) == ("display", 9)
    assert main.device_settings(main.parse_args(["--role", "desk"])).full_screen is False


def test_an_evaluator_without_its_counter_is_told_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CLERK_CONFIG", str(tmp_path / "none.conf"))
    monkeypatch.setattr(sys, "argv", ["clerk-desk"])
    assert main.main(["--evaluator"]) == launcher.EXIT_ERROR
    assert "needs its counter" in capsys.readouterr().err


def test_speech_voice_is_chosen_by_part_of_its_name(
    clerk_qapp: QApplication, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from ui.display.announcer import Announcer

    announcer = Announcer("mock")
    assert announcer.speech is not None
    voices = announcer.speech.availableVoices()
    assert voices, "Qt's mock engine has voices"
    monkeypatch.setenv("CLERK_SPEECH_VOICE", voices[-1].name()[1:].upper())
    second = Announcer("mock")
    assert second.speech is not None and second.speech.voice().name() == voices[-1].name()
    monkeypatch.setenv("CLERK_SPEECH_VOICE", "Huihui")
    Announcer("mock")
    assert "CLERK_SPEECH_VOICE='Huihui' names none of the engine's voices" in caplog.text
