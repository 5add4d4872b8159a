"""Codes scanned anywhere on the counter window are recognised, whatever field has the focus.

A hand scanner is a keyboard wedge: it types its code as key presses into the focused widget
and ends with Enter. Left alone, a receipt scanned while the cursor sits in the applicant's ID
field fills that field ("公民身份号码应为18位，实为19位"). ``ScanFilter`` is an application-wide
event filter that tells a scan from typing and takes it away from the field:

- **A burst.** Printable key presses each following the previous by less than ``GAP_MS``
  (30 ms; a person, even a fast typist, leaves 60 ms and more between most keys, a scanner 1-15),
  at least ``MIN_LENGTH`` (8) characters long, ending in Enter within ``GAP_MS`` too. Times are
  the key events' own timestamps (when the key was typed, not when the GUI thread got to it,
  so typing while the window is busy is not mistaken for a scan); an event without one (0,
  synthesised) is timed on arrival. Shift presses inside a burst (a scanner's capitals) belong
  to it; any other key (Backspace, an arrow, a Ctrl or Alt chord) ends it.
- **A known code.** The burst's characters, as typed (not as the field kept them: a field's
  length limit or validator may have cut them), go to ``recognise``; it says whether they are
  one of the hall's codes (``clerk_app.domain.scans``: a case number, a ticket, a document's QR
  payload) and opens what they name.
- **The field restored.** Only then is the Enter swallowed and the focused field given back the
  text and cursor it had before the burst (line edits, and the line edit inside a spin or combo
  box, and plain-text edits); nothing else happened to it. Anything else (an ID card's number, a
  name typed fast) passes through untouched: the burst's Enter reaches the field as usual.

Only keys typed into the counter's own window count; while a dialog of it is open (验真 reads its
own scans, the call-a-number dialog its own number), its keys are its own. The filter sees a key
press at the focused widget only, once (not again as it propagates to the parents): it is
installed on the focused widget and follows the focus (``QApplication.focusChanged``), not on
the whole application, through which every event of the PC (each paint, each mouse move) would
pass a Python call, and the first of each kind of event would make PySide build its Python type
and enums (~40 ms of the counter's first paint, issue 11).

A Chinese input method composes a scanner's letters into candidates before any key event is
seen, so the fields meant for scans switch it off (``scan_field``); digits, which pass an input
method uncomposed, are recognised in any field.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QWidget

#: Longest pause between two keys of a scan, and before its Enter (milliseconds).
GAP_MS = 30
#: Fewest characters of a scan (the shortest code printed, a ticket's barcode, has 9).
MIN_LENGTH = 8

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_PART_OF_A_BURST = (Qt.Key.Key_Shift, Qt.Key.Key_CapsLock)
_CHORD = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier


def scan_field(edit: QWidget) -> None:
    """A field meant for scanned codes: latin keys straight through, no input method."""
    edit.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
    edit.setInputMethodHints(
        edit.inputMethodHints()
        | Qt.InputMethodHint.ImhLatinOnly
        | Qt.InputMethodHint.ImhNoPredictiveText
        | Qt.InputMethodHint.ImhNoAutoUppercase
    )


@dataclass
class _Snapshot:
    """The focused field as it was before a burst's first key, to give it back."""

    widget: QWidget
    text: str
    cursor: int

    @staticmethod
    def of(widget: QWidget) -> _Snapshot | None:
        edit = _text_widget(widget)
        if isinstance(edit, QLineEdit):
            return _Snapshot(edit, edit.text(), edit.cursorPosition())
        if isinstance(edit, QPlainTextEdit):
            return _Snapshot(edit, edit.toPlainText(), edit.textCursor().position())
        return None

    def restore(self) -> None:
        edit = self.widget
        if isinstance(edit, QLineEdit):
            edit.setText(self.text)
            edit.setCursorPosition(self.cursor)
        elif isinstance(edit, QPlainTextEdit):
            edit.setPlainText(self.text)
            cursor = edit.textCursor()
            cursor.setPosition(min(self.cursor, len(self.text)))
            edit.setTextCursor(cursor)


def _text_widget(widget: QWidget) -> QWidget | None:
    if isinstance(widget, QLineEdit | QPlainTextEdit):
        return widget
    inner = widget.findChild(QLineEdit)  # an editable combo box, a spin or date box
    return inner if inner is not None and inner.parent() is widget else None


class ScanFilter(QObject):
    """Installed on the application for the window of ``screen``; ``recognise(text)`` opens a
    code and says whether it was one. See the module's docstring for how a scan is told."""

    def __init__(
        self, screen: QWidget, recognise: Callable[[str], bool], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._screen = screen
        self._recognise = recognise
        self._chars: list[str] = []
        self._last_ms = 0.0
        self._snapshot: _Snapshot | None = None
        self._listening = False
        self._watched: QWidget | None = None  # the focused widget, which this filter is on
        self.scans = 0  # codes recognised so far (for tests and the curious)

    def install(self) -> None:
        """Listens to the focused widget's keys while the screen is shown, and only then: a
        hidden or closed window (which may live on) follows the focus no more until it is shown
        again."""
        self._screen.installEventFilter(self)  # its Show and Hide
        if self._screen.isVisible():
            self._listen(True)

    def _listen(self, on: bool) -> None:
        app = QApplication.instance()
        if not isinstance(app, QApplication) or on == self._listening:
            return
        self._listening = on
        if on:
            app.focusChanged.connect(self._follow_focus)
            self._follow_focus(None, QApplication.focusWidget())
        else:
            app.focusChanged.disconnect(self._follow_focus)
            self._follow_focus(None, None)

    def _follow_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        """Moves the filter to the widget that has the focus now (``None``: to none)."""
        old, self._watched = self._watched, new
        if old is new:
            return
        if old is not None and old is not self._screen:  # the screen's Show/Hide stay watched
            with contextlib.suppress(RuntimeError):  # a widget gone took its filters along
                old.removeEventFilter(self)
        if new is not None:
            new.installEventFilter(self)  # once: installing again moves it, never doubles it

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self._screen and kind in (QEvent.Type.Show, QEvent.Type.Hide):
            self._listen(kind == QEvent.Type.Show)
            return False
        if kind != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        focus = QApplication.focusWidget()
        if watched is not focus or focus is None:
            return False  # seen at the focused widget already (or meant for no widget)
        if (
            QApplication.activeModalWidget() is not None
            or focus.window() is not self._screen.window()
        ):
            self._reset()
            return False
        return self._key(focus, event)

    def _key(self, focus: QWidget, event: QKeyEvent) -> bool:
        now = float(event.timestamp()) or time.monotonic() * 1000
        in_time = bool(self._chars) and now - self._last_ms < GAP_MS
        key = event.key()
        if key in _ENTER:
            chars, snapshot = "".join(self._chars), self._snapshot
            self._reset()
            if in_time and len(chars) >= MIN_LENGTH and self._recognise(chars):
                self.scans += 1
                if snapshot is not None:
                    snapshot.restore()
                return True
            return False
        if key in _PART_OF_A_BURST:
            return False
        text = event.text()
        if len(text) != 1 or not text.isprintable() or event.modifiers() & _CHORD:
            self._reset()
            return False
        if not in_time:  # a new burst, perhaps: remember the field as it is before this key
            self._chars = []
            self._snapshot = _Snapshot.of(focus)
        self._chars.append(text)
        self._last_ms = now
        return False

    def _reset(self) -> None:
        self._chars = []
        self._snapshot = None
