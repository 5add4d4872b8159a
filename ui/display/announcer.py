"""The hall display's voice: speaks each call (叫号) with QtTextToSpeech, one after another.

Announcements queue up: the next is said only when the engine is back to Ready, so no call cuts
another off. The engine is ``CLERK_SPEECH_ENGINE`` when set ("none" turns the voice off), else
"speechd" (speech-dispatcher with espeak-ng: offline, installed by ``scripts/setup.sh``), else
any other real engine of the platform; Qt's "mock" engine is only used when asked for (tests).
The voice is chosen by ``ui.display.voice_choice`` (``CLERK_SPEECH_VOICE`` first) and named in
the log ("voice: …"). An engine that failed to set the default locale is still used: espeak-ng's
Mandarin voices sit under Qt's C locale, so a zh_CN start fails while the voice is there. With no
engine, no voice for the language, or an engine that fails, the display goes on without a voice
and says why in ONE logged warning.
"""

from __future__ import annotations

import logging
import os
from collections import deque
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from clerk_app.i18n import language
from ui.display.voice_choice import (
    MANDARIN,
    VoiceInfo,
    choose_voice,
    configured_voice,
    describe_voices,
)

if TYPE_CHECKING:
    # Imported when a voice is opened: loading Qt's speech (and multimedia) libraries is slow
    # and noisy, and a display with the voice off never needs them.
    from PySide6.QtTextToSpeech import QTextToSpeech, QVoice

log = logging.getLogger(__name__)

ENV_ENGINE = "CLERK_SPEECH_ENGINE"
ENV_VOICE = "CLERK_SPEECH_VOICE"
MISSING_VOICE_HINT = (
    "install a Chinese voice (Debian/Ubuntu: speech-dispatcher-espeak-ng, which brings espeak-ng's"
    ' "Chinese (Mandarin, latin as Pinyin)"; Windows: the Chinese (Simplified) speech pack with'
    f" Huihui), or name an installed voice in {ENV_VOICE}"
)
#: Engines tried in this order when none is named; then any other but "mock".
PREFERRED_ENGINES = ("speechd", "flite", "winrt", "sapi", "darwin")
VOICE_OFF = ("", "none", "off")
#: An engine that never reports the end of a sentence must not silence the hall for good.
WATCHDOG_MS = 20_000


def available_engines() -> list[str]:
    from PySide6.QtTextToSpeech import QTextToSpeech

    return list(QTextToSpeech.availableEngines())


def all_voices(tts: QTextToSpeech) -> list[QVoice]:
    """Every voice of the engine, locale by locale (``availableVoices`` only has the current)."""
    return [voice for locale in tts.availableLocales() for voice in tts.allVoices(locale)]


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
        self._requested = ""
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
        self._requested = name
        tts = QTextToSpeech(name, self)
        voice = self._choose_voice(tts, lang)
        if voice is None:
            tts.deleteLater()
            return
        self._tts = tts
        tts.stateChanged.connect(self._on_state)
        tts.errorOccurred.connect(self._on_error)

    def _choose_voice(self, tts: QTextToSpeech, lang: str) -> QVoice | None:
        """Select the voice the rule picks and log it; None (warned) when there is none.

        The engine may be in its error state here ("Failed to initialize default locale"):
        speech-dispatcher still speaks once a voice is set.
        """
        voices = all_voices(tts)
        infos = [VoiceInfo(v.name(), v.locale().name()) for v in voices]
        engine = tts.engine() or self._requested
        if not voices:
            failure = tts.errorString() or "it lists no voices"
            self._degrade(f"the text-to-speech engine {engine!r} has no voices: {failure}")
            return None
        configured = os.environ.get(ENV_VOICE, "").strip() or None
        if configured and configured_voice(infos, configured) is None:
            log.warning(
                "%s=%r names none of the engine's voices; choosing one by the rule",
                ENV_VOICE,
                configured,
            )
        choice = choose_voice(infos, lang, configured)
        if choice is None:
            hint = MISSING_VOICE_HINT if lang == MANDARIN else f"name a voice in {ENV_VOICE}"
            self._degrade(
                f"the text-to-speech engine {engine!r} has no {lang} voice among "
                f"{describe_voices(infos)}; {hint}"
            )
            return None
        voice = voices[infos.index(choice.voice)]
        # The locale first, then the voice: speech-dispatcher sends both with every sentence,
        # and a language left over from listing the voices would override the voice.
        tts.setLocale(voice.locale())
        tts.setVoice(voice)
        if tts.voice().name() != voice.name():
            self._degrade(f"the voice {voice.name()!r} could not be selected: {tts.errorString()}")
            return None
        log.info(
            "voice: %s (engine %s, locale %s; rule: %s)",
            voice.name(),
            engine,
            voice.locale().name(),
            choice.reason,
        )
        return voice

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
