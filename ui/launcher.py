"""Runs the desk interactively: opens the hall, then the kiosk, the hall display, a counter's
evaluator or sign-in.

A public screen (kiosk, display, evaluator) that cannot reach its database at start shows
"正在重新连接…" and tries again every few seconds instead of an error box nobody in the hall
would click.
"""

from __future__ import annotations

import gc
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from clerk_app.domain.roles import Role
from clerk_app.errors import ClerkError, DatabaseUnavailable
from ui.common.errors import install_excepthook, show_error
from ui.common.tasks import finish_background_work, run_task

if TYPE_CHECKING:
    from clerk_app.api import Hall, StaffSession
    from ui.display.hall_display_window import HallDisplayWindow
    from ui.evaluator.evaluator_window import EvaluatorWindow
    from ui.kiosk.kiosk_window import KioskWindow
    from ui.main_window import MainWindow
    from ui.reconnecting_screen import ReconnectingScreen

log = logging.getLogger(__name__)

# Each PC runs one kind of window: a window's modules (and what they pull in, e.g. the kiosk's
# ESC/POS driver) are imported only by the PC that shows it.

#: Exit status when the hall cannot be opened or a screenshot login fails.
EXIT_ERROR = 2
#: How often a public screen tries its database again while it is unreachable.
RETRY_MS = 5000


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
    #: This PC's counter (the device configuration): preselected at sign-in.
    counter: int | None = None
    #: The staff window full screen too (public screens always are).
    fullscreen: bool = False
    #: The kiosk's ESC/POS printer spec; ``None``: ``CLERK_TICKET_PRINTER`` or the system's.
    ticket_printer: str | None = None


def end_of_start() -> None:
    """Collection back on after start-up (``main.py`` turns it off): what start-up made is
    frozen into the permanent generation first, so no later pass walks it again (the ~700
    objects of start-up garbage among the ~156,000 stay, a few KB). Once only: a second freeze
    could keep a signed-out window's garbage for good."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def sweep_after_sign_in(session: StaffSession, window: QObject) -> None:
    """The overdue sweep of a clerk's counter login (``Hall.login``), run on a worker once
    the window is up rather than before it: the clerk never waits for it."""
    if session.actor.counter_no is None or session.actor.role is not Role.CLERK:
        return

    def failed(error: BaseException) -> None:
        log.warning("overdue sweep after sign-in failed: %s", error)

    run_task(session.end_overdue_cases, lambda _none: None, failed, owner=window)


def prepare_staff_window(counter: int | None) -> None:
    """Loads the staff window's modules (the counter's screen when a counter was chosen)
    while sign-in checks the password; see ``LoginDialog``."""
    import ui.main_window

    if counter is not None:
        import ui.counter.counter_screen  # noqa: F401


def open_configured_hall(options: Options) -> Hall:
    """The hall named by ``--db``/``CLERK_DB_URL``, or the demo hall; raises ``ClerkError``."""
    from clerk_app.api import Hall, Role, open_hall
    from clerk_app.config import default_db_url, demo_db_url, demo_pii_keys_path

    # A public screen's hall hands out that device's session only (no sign-in, no system()).
    device = (
        Role.KIOSK
        if options.kiosk
        else Role.DISPLAY
        if options.display
        else Role.EVALUATOR
        if options.evaluator_counter is not None
        else None
    )
    if options.demo:
        hall = open_hall(demo_db_url(), pii_keys=demo_pii_keys_path())
        hall.seed_demo()
        return Hall(hall.db, hall.clock, device)
    return open_hall(options.db_url or default_db_url(), device=device)


class StaffShell(QObject):
    """Sign-in, the main window, sign-out and sign-in again, until the user quits."""

    def __init__(
        self, hall: Hall, app: QApplication, counter: int | None = None, fullscreen: bool = False
    ) -> None:
        super().__init__(app)
        self._hall = hall
        self._app = app
        self._window: MainWindow | None = None
        self._last_counter: int | None = counter
        self._fullscreen = fullscreen

    def sign_in(self) -> None:
        from ui.login.login_dialog import LoginDialog, public_counters
        from ui.main_window import MainWindow

        dialog = LoginDialog(self._hall, public_counters(self._hall), prepare=prepare_staff_window)
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
        if self._fullscreen:
            window.showFullScreen()
        else:
            window.showMaximized()
        self._window = window
        QTimer.singleShot(0, end_of_start)  # once the window is up and idle
        QTimer.singleShot(0, lambda: sweep_after_sign_in(session, window))

    def on_signed_out(self) -> None:
        if self._window is not None:
            self._window.deleteLater()
            self._window = None
        # Leave the window's signal handler before the dialog's nested event loop starts.
        QTimer.singleShot(0, self.sign_in)


def public_window(
    hall: Hall, options: Options
) -> KioskWindow | HallDisplayWindow | EvaluatorWindow:
    """The kiosk, the hall display or a counter's evaluator on ``hall``; raises ``ClerkError``
    (it reads the hall)."""
    if options.kiosk:
        from ui.kiosk.kiosk_window import KioskWindow
        from ui.kiosk.ticket_printer import EscposTicketPrinter

        printer = EscposTicketPrinter(options.ticket_printer) if options.ticket_printer else None
        return KioskWindow(hall.kiosk(), hall.name, printer=printer)
    if options.evaluator_counter is not None:
        from ui.evaluator.evaluator_window import EvaluatorWindow

        return EvaluatorWindow(hall.evaluator(options.evaluator_counter), hall.name)
    from ui.display.hall_display_window import HallDisplayWindow

    return HallDisplayWindow(hall.display(), hall.name)


class PublicStarter(QObject):
    """Opens the hall off the GUI thread and shows the public window full screen.

    While the database is unreachable (``DatabaseUnavailable``) it shows the reconnecting
    screen and tries again every ``RETRY_MS``; any other error (a malformed URL) is shown once
    and ends the program with ``EXIT_ERROR``.
    """

    def __init__(self, options: Options, app: QApplication) -> None:
        super().__init__(app)
        self._options = options
        self._app = app
        self.window: KioskWindow | HallDisplayWindow | EvaluatorWindow | None = None
        self.reconnecting: ReconnectingScreen | None = None
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(self.try_open)

    def try_open(self) -> None:
        run_task(
            lambda: open_configured_hall(self._options), self._opened, self._failed, owner=self
        )

    def _opened(self, hall: Hall) -> None:
        self._retry.stop()  # open now: a retry still pending would open a second window
        try:
            window = public_window(hall, self._options)
        except ClerkError as error:
            hall.close()
            self._failed(error)
            return
        self.window = window
        window.showFullScreen()
        QTimer.singleShot(0, end_of_start)
        if self.reconnecting is not None:
            self.reconnecting.close()
            self.reconnecting.deleteLater()
            self.reconnecting = None

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, DatabaseUnavailable):
            show_error(None, error)
            self._app.exit(EXIT_ERROR)
            return
        if self.reconnecting is None:
            from ui.reconnecting_screen import ReconnectingScreen  # public screens only

            self.reconnecting = ReconnectingScreen()
            self.reconnecting.showFullScreen()
        self.reconnecting.show_reason(str(error))
        self._retry.start()


def run_gui(options: Options, app: QApplication) -> int:
    """Show the chosen window and run the event loop; returns the process exit status."""
    install_excepthook()
    if options.kiosk or options.display or options.evaluator_counter is not None:
        starter = PublicStarter(options, app)
        QTimer.singleShot(0, starter.try_open)
        return _exec(app)
    try:
        hall = open_configured_hall(options)
    except ClerkError as error:
        show_error(None, error)
        return EXIT_ERROR
    # Sign-out closes the main window before sign-in shows again: quit explicitly instead.
    app.setQuitOnLastWindowClosed(False)
    shell = StaffShell(hall, app, options.counter, options.fullscreen)
    QTimer.singleShot(0, shell.sign_in)
    return _exec(app)


def _exec(app: QApplication) -> int:
    """The event loop, then the background work still running (``finish_background_work``)."""
    status = app.exec()
    if not finish_background_work():
        log.warning("background work still running at exit")
    return status
