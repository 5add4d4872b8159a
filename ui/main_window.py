"""The staff window after sign-in: the role's screen in the middle, session menu and status."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QVBoxLayout, QWidget

from ui.common.errors import error_title
from ui.common.labels import counter_label, role_label
from ui.common.widgets import placeholder

if TYPE_CHECKING:
    from clerk_app.api import StaffSession


def screen_for(session: StaffSession, hall_name: str) -> QWidget:
    """The central screen of a role: clerk → counter, supervisor → dashboard, admin → admin,
    reviewer → the department's task inbox. Each is imported here, so a PC loads only its own
    role's screen."""
    role = str(session.actor.role)
    if role == "clerk":
        from ui.counter.counter_screen import CounterScreen

        return CounterScreen(session, hall_name)
    if role == "supervisor":
        from ui.dashboard.dashboard_screen import DashboardScreen

        return DashboardScreen(session, hall_name)
    if role == "admin":
        from ui.admin.admin_screen import AdminScreen

        return AdminScreen(session, hall_name)
    if role == "reviewer":
        from ui.review.review_screen import ReviewScreen

        return ReviewScreen(session, hall_name)
    return NoScreen(role)


class NoScreen(QWidget):
    """For accounts of the kiosk or the hall display, which run in their own windows."""

    def __init__(self, role: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addWidget(
            placeholder(
                self.tr("The account of the %1 has no staff screen; start it with --%2.")
                .replace("%1", role_label(role))
                .replace("%2", role)
            )
        )


class MainWindow(QMainWindow):
    """Emits ``signed_out`` when the user signs out and ``closed`` when the window closes.

    When the core refuses an action because the account was disabled or its password changed
    (``SessionEnded``, from any screen, poll or worker), the window says so and signs out, so
    the sign-in dialog comes back."""

    signed_out = Signal()
    closed = Signal()
    session_ended = Signal(str)

    def __init__(
        self, session: StaffSession, hall_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self._signing_out = False
        # Queued: the listener runs inside the refused action (maybe on a worker); the message
        # waits until that action has unwound on the GUI thread.
        self.session_ended.connect(self.on_session_ended, Qt.ConnectionType.QueuedConnection)
        session.on_ended(lambda ended: self.session_ended.emit(str(ended)))
        self.setWindowTitle(self.tr("%1 — Integrated service window").replace("%1", hall_name))
        self.screen_widget = screen_for(session, hall_name)
        self.setCentralWidget(self.screen_widget)
        self._build_menu()
        self._build_status()

    def _build_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&Session"))
        reload_action = QAction(self.tr("&Reload"), self)
        # Not F5 (QKeySequence.Refresh): F1–F7 are the counter's queue keys, F5 pause/resume.
        reload_action.setShortcut(QKeySequence("Ctrl+R"))
        reload_action.triggered.connect(self.reload)
        sign_out = QAction(self.tr("Sign &out"), self)
        sign_out.setShortcut(QKeySequence("Ctrl+L"))
        sign_out.triggered.connect(self.sign_out)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        menu.addAction(reload_action)
        menu.addSeparator()
        menu.addAction(sign_out)
        menu.addAction(quit_action)

    def _build_status(self) -> None:
        actor = self.session.actor
        text = self.tr("Signed in as %1 (%2)").replace("%1", actor.display_name)
        text = text.replace("%2", role_label(actor.role))
        if actor.counter_no is not None:
            text = f"{text} · {counter_label(actor.counter_no)}"
        self.statusBar().addWidget(QLabel(text))

    def reload(self) -> None:
        reload = getattr(self.screen_widget, "reload", None)
        if callable(reload):
            reload()

    def on_session_ended(self, message: str) -> None:
        if self._signing_out:
            return  # already leaving (e.g. the counter's sign-off was refused too)
        self._signing_out = True
        QMessageBox.warning(self, error_title(), message)
        self.sign_out()

    def sign_out(self) -> None:
        self._signing_out = True
        self.close()
        self.signed_out.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        shutdown = getattr(self.screen_widget, "shutdown", None)
        if callable(shutdown):
            shutdown()  # e.g. the counter stops polling and goes offline
        super().closeEvent(event)
        if not self._signing_out:
            self.closed.emit()
