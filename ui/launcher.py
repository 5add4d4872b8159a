"""Runs the desk interactively: opens the hall, then the kiosk, the hall display, a counter's
evaluator or sign-in."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from clerk_app.errors import ClerkError
from ui.common.errors import install_excepthook, show_error

if TYPE_CHECKING:
    from clerk_app.api import Hall
    from ui.display.hall_display_window import HallDisplayWindow
    from ui.evaluator.evaluator_window import EvaluatorWindow
    from ui.kiosk.kiosk_window import KioskWindow
    from ui.main_window import MainWindow

# Each PC runs one of four windows: a window's modules (and what they pull in, e.g. the
# kiosk's ESC/POS driver) are imported only by the PC that shows it.

#: Exit status when the hall cannot be opened or a screenshot login fails.
EXIT_ERROR = 2


@dataclass(frozen=True)
class Options:
    """What ``main.py`` parsed from the command line."""

    db_url: str | None = None
    demo: bool = False
    lang: str = "zh_CN"
    kiosk: bool = False
    display: bool = False
    evaluator_counter: int | None = None  # run as this counter's evaluator
    screenshot_dir: Path | None = None


def open_configured_hall(options: Options) -> Hall:
    """The hall named by ``--db``/``CLERK_DB_URL``, or the demo hall; raises ``ClerkError``."""
    from clerk_app.api import open_hall
    from clerk_app.config import default_db_url, demo_db_url

    if options.demo:
        hall = open_hall(demo_db_url())
        hall.seed_demo()
        return hall
    return open_hall(options.db_url or default_db_url())


class StaffShell(QObject):
    """Sign-in, the main window, sign-out and sign-in again, until the user quits."""

    def __init__(self, hall: Hall, app: QApplication) -> None:
        super().__init__(app)
        self._hall = hall
        self._app = app
        self._window: MainWindow | None = None
        self._last_counter: int | None = None

    def sign_in(self) -> None:
        from ui.login.login_dialog import LoginDialog, public_counters
        from ui.main_window import MainWindow

        dialog = LoginDialog(self._hall, public_counters(self._hall))
        dialog.select_counter(self._last_counter)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.session is None:
            self._app.quit()
            return
        session = dialog.session
        self._last_counter = session.actor.counter_no
        window = MainWindow(session, self._hall.name)
        window.signed_out.connect(self.on_signed_out)
        window.closed.connect(self._app.quit)
        window.resize(1366, 768)
        window.showMaximized()
        self._window = window

    def on_signed_out(self) -> None:
        if self._window is not None:
            self._window.deleteLater()
            self._window = None
        # Leave the window's signal handler before the dialog's nested event loop starts.
        QTimer.singleShot(0, self.sign_in)


def run_gui(options: Options, app: QApplication) -> int:
    """Show the chosen window and run the event loop; returns the process exit status."""
    install_excepthook()
    try:
        hall = open_configured_hall(options)
        public: KioskWindow | HallDisplayWindow | EvaluatorWindow | None = None
        if options.kiosk:
            from ui.kiosk.kiosk_window import KioskWindow

            public = KioskWindow(hall.kiosk(), hall.name)
        elif options.display:
            from ui.display.hall_display_window import HallDisplayWindow

            public = HallDisplayWindow(hall.display(), hall.name)
        elif options.evaluator_counter is not None:
            from ui.evaluator.evaluator_window import EvaluatorWindow

            public = EvaluatorWindow(hall.evaluator(options.evaluator_counter), hall.name)
    except ClerkError as error:
        show_error(None, error)
        return EXIT_ERROR
    if public is not None:
        public.showFullScreen()
        return app.exec()
    # Sign-out closes the main window before sign-in shows again: quit explicitly instead.
    app.setQuitOnLastWindowClosed(False)
    shell = StaffShell(hall, app)
    QTimer.singleShot(0, shell.sign_in)
    return app.exec()
