"""The hall display's voice: speaks each call (叫号) with QtTextToSpeech, one after another.

Announcements queue up: the next is said only when the engine is back to Ready, so no call cuts
another off. The engine is ``CLERK_SPEECH_ENGINE`` when set ("none" turns the voice off), else
"speechd" (speech-dispatcher with espeak-ng: offline, installed by ``scripts/setup.sh``), else
any other real engine of the platform; Qt's "mock" engine is only used when asked for (tests).
With no engine, or one that fails, the display goes on without a voice and says so in ONE
logged warning. ``CLERK_SPEECH_VOICE`` picks a voice of the language by (part of) its name,
e.g. Huihui, Yaoyao or Kangkang on Windows.
"""

from __future__ import annotations

import logging
import os
from collections import deque
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QObject, QTimer, Signal

from clerk_app.i18n import language

if TYPE_CHECKING:
    # Imported when a voice is opened: loading Qt's speech (and multimedia) libraries is slow
    # and noisy, and a display with the voice off never needs them.
    from PySide6.QtTextToSpeech import QTextToSpeech

log = logging.getLogger(__name__)

ENV_ENGINE = "CLERK_SPEECH_ENGINE"
ENV_VOICE = "CLERK_SPEECH_VOICE"
#: Engines tried in this order when none is named; then any other but "mock".
PREFERRED_ENGINES = ("speechd", "flite", "winrt", "sapi", "darwin")
VOICE_OFF = ("", "none", "off")
#: An engine that never reports the end of a sentence must not silence the hall for good.
WATCHDOG_MS = 20_000


def available_engines() -> list[str]:
    from PySide6.QtTextToSpeech import QTextToSpeech

    return list(QTextToSpeech.availableEngines())


def choose_engine(available: list[str], requested: str | None = None) -> str | None:
    """The engine to use: the requested one, else the first preferred, else any but "mock"."""
    if requested is not None:
        return requested
    for name in PREFERRED_ENGINES:
        if name in available:
            return name
    return next((name for name in available if name != "mock"), None)


class Announcer(QObject):
    """``announce(text)`` queues a sentence; ``started``/``finished`` report each one."""

    started = Signal(str)
    finished = Signal(str)

    def __init__(
        self, engine: str | None = None, parent: QObject | None = None, *, lang: str | None = None
    ) -> None:
        """``engine``: a name, "none" for no voice, or None to choose (see module doc)."""
        super().__init__(parent)
        self._pending: deque[str] = deque()
        self._speaking: str | None = None
        self._warned = False
        self._tts: QTextToSpeech | None = None
        self._watchdog = QTimer(self)
        self._watchdog.setSingleShot(True)
        self._watchdog.setInterval(WATCHDOG_MS)
        self._watchdog.timeout.connect(self._on_watchdog)
        requested = engine if engine is not None else os.environ.get(ENV_ENGINE)
        if requested is not None and requested.strip().lower() in VOICE_OFF:
            log.info("voice announcements are turned off; the display only shows calls")
            return
        self._open(choose_engine(available_engines(), requested), lang or language())

    def _open(self, name: str | None, lang: str) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        if name is None:
            self._degrade("no text-to-speech engine is installed (install speech-dispatcher)")
            return
        tts = QTextToSpeech(name, self)
        if tts.state() == QTextToSpeech.State.Error:
            self._degrade(f"the text-to-speech engine {name!r} failed: {tts.errorString()}")
            tts.deleteLater()
            return
        self._tts = tts
        tts.stateChanged.connect(self._on_state)
        tts.errorOccurred.connect(self._on_error)
        self._choose_locale(tts, QLocale(lang))
        self._choose_voice(tts, os.environ.get(ENV_VOICE, "").strip())

    @staticmethod
    def _choose_locale(tts: QTextToSpeech, locale: QLocale) -> None:
        if any(available.name() == locale.name() for available in tts.availableLocales()):
            tts.setLocale(locale)
            return
        log.warning(
            "the text-to-speech engine %r has no %s voice; calls are spoken with its default "
            "voice (install espeak-ng for Chinese)",
            tts.engine(),
            locale.name(),
        )

    @staticmethod
    def _choose_voice(tts: QTextToSpeech, wanted: str) -> None:
        if not wanted:
            return
        for voice in tts.availableVoices():
            if wanted.lower() in voice.name().lower():
                tts.setVoice(voice)
                return
        names = ", ".join(v.name() for v in tts.availableVoices()) or "none"
        log.warning("no voice named %r in %r (it has: %s)", wanted, tts.engine(), names)

    @property
    def enabled(self) -> bool:
        """Whether announcements are spoken (False: display-only)."""
        return self._tts is not None

    @property
    def speech(self) -> QTextToSpeech | None:
        """The engine's ``QTextToSpeech`` (None when display-only); for diagnostics and tests."""
        return self._tts

    @property
    def engine(self) -> str:
        return self._tts.engine() if self._tts is not None else ""

    def announce(self, text: str) -> None:
        """Say ``text`` after everything queued before it; nothing happens without a voice."""
        if self._tts is None:
            return
        self._pending.append(text)
        self._say_next()

    def pending(self) -> list[str]:
        return list(self._pending)

    def _say_next(self) -> None:
        if self._tts is None or self._speaking is not None or not self._pending:
            return
        text = self._pending.popleft()
        self._speaking = text
        self._watchdog.start()
        self.started.emit(text)
        self._tts.say(text)

    def _on_state(self, state: QTextToSpeech.State) -> None:
        if state == state.Error:
            self._on_error()
        elif state == state.Ready and self._speaking is not None:
            self._end_current()

    def _end_current(self) -> None:
        done, self._speaking = self._speaking, None
        self._watchdog.stop()
        if done is not None:
            self.finished.emit(done)
        self._say_next()

    def _on_watchdog(self) -> None:
        log.info("the speech engine did not finish a call within %d ms; going on", WATCHDOG_MS)
        self._end_current()

    def _on_error(self, *_args: object) -> None:
        reason = self._tts.errorString() if self._tts is not None else ""
        self._degrade(f"the text-to-speech engine {self.engine!r} failed: {reason}")

    def _degrade(self, reason: str) -> None:
        """Display-only from now on; the first reason is logged, once."""
        if self._tts is not None:
            self._tts.stateChanged.disconnect(self._on_state)
            self._tts.errorOccurred.disconnect(self._on_error)
            self._tts.deleteLater()
            self._tts = None
        self._pending.clear()
        self._speaking = None
        self._watchdog.stop()
        if not self._warned:
            self._warned = True
            log.warning("voice announcements are off, the display only shows calls: %s", reason)
