"""How the shell shows errors: the core's one sentence in a message box, never a traceback."""

from __future__ import annotations

import logging
import sys
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from clerk_app.domain import redaction
from clerk_app.errors import ClerkError, SessionEnded

log = logging.getLogger(__name__)


def error_title() -> str:
    return QCoreApplication.translate("Errors", "Clerk desk")


def show_error(parent: QWidget | None, error: BaseException) -> None:
    """A modal message with ``str(error)``: the core wrote it as one sentence for people.
    Not for ``SessionEnded``: the staff window says that once and signs out."""
    if isinstance(error, SessionEnded):
        return
    QMessageBox.critical(parent, error_title(), str(error))


def unexpected_error_text() -> str:
    return QCoreApplication.translate(
        "Errors",
        "Something unexpected went wrong; the details were written to the log. "
        "Please tell the administrator.",
    )


def install_excepthook() -> None:
    """Errors escaping a slot become a message box (and, if unexpected, a log entry).

    Qt calls Python slots from its event loop; without this hook an exception there prints a
    traceback to a console no clerk ever sees, and the button silently does nothing.
    """

    redaction.install()  # what the hook logs carries no ID number

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        parent = QApplication.activeWindow()
        if isinstance(error, SessionEnded):
            return  # the staff window says so and signs out (``MainWindow.on_session_ended``)
        if isinstance(error, ClerkError):
            QMessageBox.warning(parent, error_title(), str(error))
            return
        log.error("unexpected error in the user interface", exc_info=(kind, error, tb))
        QMessageBox.critical(parent, error_title(), unexpected_error_text())

    sys.excepthook = hook
