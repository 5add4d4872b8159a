"""The admin window as an administrator drives it: a fresh hall, the window shown and active,
and a keyboard that types where the focus is (Chinese through an input method's commit)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from clerk_app.api import Hall, open_hall
from ui.admin.admin_screen import AdminScreen
from ui.admin.form_dialog import FormDialog
from ui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
NONE = Qt.KeyboardModifier.NoModifier
FIRST_ADMIN = ("chief", "First-admin-1")


def fresh_hall(tmp_path: Path) -> Hall:
    """A new hall database (no demo) with the first administrator, created as a real hall
    creates it: `clerk user add chief --role admin` (the CLI's own service call)."""
    hall = open_hall(f"sqlite:///{tmp_path / 'fresh.db'}")
    hall.system().admin.add_user(FIRST_ADMIN[0], "主任", "admin", FIRST_ADMIN[1])
    return hall


def show_admin(qtbot: QtBot, hall: Hall) -> tuple[MainWindow, AdminScreen]:
    """The admin's staff window after signing in, shown and active so its keys work."""
    window = MainWindow(hall.login(*FIRST_ADMIN), hall.name)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    screen = window.screen_widget
    assert isinstance(screen, AdminScreen)
    return window, screen


class Keyboard:
    def __init__(self, qtbot: QtBot, home: QWidget) -> None:
        self.qtbot, self.home = qtbot, home
        self.dialogs: list[QWidget] = []  # open forms, innermost last

    def focus(self) -> QWidget:
        """Where a key goes. The offscreen platform has no window manager to give the window
        back the keyboard when a dialog closes, so this does what the manager would."""
        if QApplication.activeWindow() is None:
            self.dialogs = [d for d in self.dialogs if d.isVisible()]
            window = self.dialogs[-1] if self.dialogs else self.home.window()
            window.activateWindow()
            self.qtbot.waitUntil(window.isActiveWindow)
        return QApplication.focusWidget() or self.home

    def press(self, key: Qt.Key, modifier: Qt.KeyboardModifier = NONE) -> None:
        self.qtbot.keyClick(self.focus(), key, modifier)

    def type(self, text: str) -> None:
        widget = self.focus()
        for char in text:
            if char.isascii():
                self.qtbot.keyClicks(widget, char)
            else:
                event = QInputMethodEvent()
                event.setCommitString(char)
                QApplication.sendEvent(widget, event)

    def tab(self, times: int = 1) -> None:
        for _ in range(times):
            self.press(Qt.Key.Key_Tab)

    def wait_for(self, dialog: FormDialog | None) -> FormDialog:
        """The dialog just opened, once it has the keyboard."""
        assert dialog is not None
        self.qtbot.waitUntil(lambda: dialog.isVisible() and dialog.isActiveWindow())
        self.dialogs.append(dialog)
        return dialog

    def fill(self, dialog: FormDialog, values: dict[str, str]) -> None:
        """Types each value into its field (clicking into it first, as a person would)."""
        for name, text in values.items():
            widget = dialog.fields[name]
            widget.setFocus()
            select_all = getattr(widget, "selectAll", None)
            if callable(select_all):
                select_all()
            self.type(text)
