"""The sign-in dialog: user name, password and the counter the clerk sits at.

The counter starts as this PC's (``--counter`` or clerk-desk.conf, then the counter of the last
sign-in on this PC); with none, nothing is chosen and a clerk must choose: the core refuses a
clerk without a counter (``CounterNeeded``) and the dialog then offers the counter the clerk
last signed in at, keeping the password, so Enter signs in there. A counter another clerk holds
is named with that clerk and signed in at only if the clerk says so (``CounterHeld``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from clerk_app.errors import ClerkError
from clerk_app.services.auth import CounterHeld, CounterNeeded
from ui.common.labels import counter_label

if TYPE_CHECKING:
    from clerk_app.api import Hall, StaffSession
    from clerk_app.services.catalog import CounterInfo


def public_counters(hall: Hall) -> list[CounterInfo]:
    """The hall's counters as the hall display shows them; empty if they cannot be read.

    The counter list is public (it hangs over every window), so reading it before anyone has
    signed in goes through the read-only display actor.
    """
    try:
        return list(hall.display().catalog.list_counters())
    except ClerkError:
        return []


class LoginDialog(QDialog):
    """Asks for credentials and signs in; a refusal is shown inline and the dialog stays open.

    After ``exec()`` returns ``Accepted``, ``session`` holds the signed-in ``StaffSession``.

    ``prepare(counter)``, if given, runs on the GUI thread while the core checks the password
    on a worker (the Argon2 hash runs without Python's lock, tens of milliseconds on the second
    core): the launcher loads the staff window's modules there, so sign-in costs no extra time.
    """

    def __init__(
        self,
        hall: Hall,
        counters: Sequence[CounterInfo] = (),
        parent: QWidget | None = None,
        prepare: Callable[[int | None], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._hall = hall
        self._prepare = prepare
        self._session: StaffSession | None = None
        self.take_over_box: QMessageBox | None = None
        self.setWindowTitle(self.tr("Sign in"))
        self.setMinimumWidth(420)

        hall_label = QLabel(hall.name)
        hall_label.setObjectName("PanelTitle")
        hall_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        intro = QLabel(self.tr("Integrated service window: sign in to start work"))
        intro.setObjectName("Placeholder")
        intro.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.username_edit = QLineEdit()
        self.username_edit.setPlaceholderText(self.tr("e.g. clerk01"))
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.counter_combo = QComboBox()
        self.counter_combo.addItem(self.tr("No counter (supervisor, administrator)"), None)
        for counter in counters:
            text = f"{counter_label(counter.number)}  {counter.name}"
            self.counter_combo.addItem(text, counter.number)
        self.counter_combo.setPlaceholderText(self.tr("Choose your counter"))
        self.counter_combo.setCurrentIndex(-1)  # chosen by the PC's setting or the clerk

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.addRow(self.tr("&User name:"), self.username_edit)
        form.addRow(self.tr("&Password:"), self.password_edit)
        form.addRow(self.tr("&Counter:"), self.counter_combo)

        self.error_label = QLabel()
        self.error_label.setObjectName("ErrorText")
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Sign in"))
        ok.setObjectName("PrimaryButton")
        ok.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 18)
        layout.setSpacing(12)
        layout.addWidget(hall_label)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.username_edit.setFocus()

    @property
    def session(self) -> StaffSession | None:
        return self._session

    def select_counter(self, number: int | None) -> None:
        """Preselect a counter (e.g. the one this workstation is installed at); None: none."""
        if number is None:
            return
        index = self.counter_combo.findData(number)
        if index >= 0:
            self.counter_combo.setCurrentIndex(index)

    def accept(self) -> None:
        """Sign in; on refusal show the core's sentence and keep the dialog open."""
        self._sign_in(take_over=False)

    def _sign_in(self, *, take_over: bool) -> None:
        username = self.username_edit.text().strip()
        if not username:
            self._show_error(self.tr("Please enter your user name."))
            self.username_edit.setFocus()
            return
        counter = self.counter_combo.currentData()
        try:
            with ThreadPoolExecutor(max_workers=1, thread_name_prefix="sign-in") as worker:
                signing_in = worker.submit(
                    self._hall.login,
                    username,
                    self.password_edit.text(),
                    counter=counter,
                    counter_check=True,
                    take_over=take_over,
                    sweep_overdue=False,  # the shell sweeps once the window is up
                )
                if self._prepare is not None:
                    self._prepare(counter)
                self._session = signing_in.result()
        except CounterNeeded as error:  # the password was right: keep it, ask for the counter
            self.select_counter(error.last_counter)
            self._show_error(str(error))
            self.counter_combo.setFocus()
            return
        except CounterHeld as error:
            self._ask_take_over(error)
            return
        except ClerkError as error:
            self._show_error(str(error))
            self.password_edit.clear()
            self.password_edit.setFocus()
            return
        super().accept()

    def _ask_take_over(self, error: CounterHeld) -> None:
        """Another clerk holds the counter: sign in there only on the clerk's yes (not Enter)."""
        self._show_error(str(error))
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Counter in use"),
            self.tr("%1\nSign in at this counter all the same?").replace("%1", str(error)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("&Yes, sign in here"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("&No, choose another"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setEscapeButton(QMessageBox.StandardButton.No)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(self._take_over_answered)
        self.take_over_box = box
        box.open()

    def _take_over_answered(self) -> None:
        box, self.take_over_box = self.take_over_box, None
        if box is not None and box.clickedButton() is box.button(QMessageBox.StandardButton.Yes):
            self._sign_in(take_over=True)
        else:
            self.counter_combo.setFocus()

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()
