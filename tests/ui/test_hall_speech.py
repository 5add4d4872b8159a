"""The hall display speaks Mandarin on the real speech stack: ``main.py --display`` (zh_CN, its
real start-up) against a throwaway speech-dispatcher + espeak-ng that writes the audio to a WAV
file, with the calls made by a clerk on another connection to the same hall.

Each sentence must last what espeak-ng's pinyin voice takes to say it (a sentence cut short, two
merged, another voice or the "Chinese letter" fallback all fail), in the order of the calls.
The audio is drained at a sound card's pace, so the second call comes while the first is being
said. Not shown here: a cut-off by ``stop()`` — on this sink speech-dispatcher cannot drop audio
it has already handed to ALSA's file PCM, so such a cut would not shorten the recording.

Skipped only where the binaries are missing; with CLERK_REQUIRE_SPEECH=1 or CI=true it fails.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from clerk_app.api import StaffSession, open_hall
from clerk_app.demo.hall_data import DEMO_PASSWORD
from clerk_app.domain.announcement import call_text
from tests.support.speech_daemon import (
    SpeechDaemon,
    Utterance,
    missing_binaries,
    read_wav_samples,
    reference_duration,
    speech_required,
    utterances,
)
from ui.display.announcer import available_engines

pytestmark = [pytest.mark.speech, pytest.mark.qt]

ROOT = Path(__file__).resolve().parents[2]
VOICE = "Chinese (Mandarin, latin as Pinyin)"
ESPEAK_VOICE = "cmn-latn-pinyin"  # the same voice, as espeak-ng's own command names it
ESPEAK_RATE = 170  # words per minute: speech-dispatcher's espeak-ng module at rate 0
#: Each sentence lasts what espeak-ng alone takes to say it, within this fraction. The two calls
#: differ by ~10% ("5" / "12"), so sentences swapped, cut short or in another voice fail.
DURATION_TOLERANCE = 0.05
MIN_RMS = 1000.0  # 16-bit samples; espeak-ng speaks at ~3000-5000, silence is 0
START_TIMEOUT_S = 40.0  # Python, Qt and the voice list on a busy 2-core CI machine
SPEAK_TIMEOUT_S = 30.0
QUIET_S = 2.0  # the audio file stopped growing: everything queued has been said


@pytest.fixture
def speech_daemon() -> Iterator[SpeechDaemon]:
    missing = missing_binaries()
    if "speechd" not in available_engines():
        missing.append("Qt's speechd text-to-speech plugin (libspeechd2)")
    if missing:
        reason = f"the real speech stack needs {', '.join(missing)}; scripts/setup.sh installs it"
        if speech_required():
            pytest.fail(reason)
        pytest.skip(reason)
    daemon = SpeechDaemon().start()
    yield daemon
    daemon.remove()


@contextmanager
def display_process(
    db_url: str, daemon: SpeechDaemon, log: Path
) -> Iterator[subprocess.Popen[bytes]]:
    """``main.py --display`` on its own, offscreen, speaking through ``daemon``."""
    env = daemon.env()
    env["QT_QPA_PLATFORM"] = "offscreen"
    for name in ("CLERK_SPEECH_ENGINE", "CLERK_SPEECH_VOICE"):
        env.pop(name, None)  # the display chooses as it does in the hall
    with log.open("wb") as stderr:
        process = subprocess.Popen(
            [sys.executable, str(ROOT / "main.py"), "--db", db_url, "--display"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
    try:
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def wait_for(done: Callable[[], bool], timeout: float, what: Callable[[], str]) -> None:
    deadline = time.monotonic() + timeout
    while not done():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {timeout:.0f} s waiting for {what()}")
        time.sleep(0.2)


def spoken(daemon: SpeechDaemon) -> list[Utterance]:
    return utterances(*read_wav_samples(daemon.audio))


def silent_for(daemon: SpeechDaemon, seconds: float) -> bool:
    """Whether the recording has not grown for ``seconds`` (the sink writes as it plays)."""
    return daemon.audio.exists() and time.time() - daemon.audio.stat().st_mtime >= seconds


def call_next(clerk: StaffSession) -> str:
    ticket = clerk.queue.call_next()
    assert ticket is not None
    return ticket.number


def test_the_display_started_as_main_py_speaks_each_call_in_mandarin_to_its_end(
    speech_daemon: SpeechDaemon, _seeded_sqlite: Path, tmp_path: Path
) -> None:
    db = tmp_path / "hall.db"
    shutil.copy(_seeded_sqlite, db)
    url = f"sqlite:///{db}"
    log = tmp_path / "display.log"

    def report() -> str:
        found = [f"{u.start:.2f}-{u.end:.2f} s rms {u.rms:.0f}" for u in spoken(speech_daemon)]
        return (
            f"\nutterances: {found}\ndisplay log:\n{log.read_text(errors='replace')}\n"
            f"speech-dispatcher log:\n{speech_daemon.log_text()}"
        )

    hall = open_hall(url)
    try:
        kiosk = hall.kiosk().queue
        kiosk.take_ticket("A")
        kiosk.take_ticket("D")
        # Signed in beforehand, so the second call comes while the first is being said.
        clerks = {n: hall.login(f"clerk{n:02d}", DEMO_PASSWORD, counter=n) for n in (5, 12)}
        with display_process(url, speech_daemon, log) as display:
            wait_for(
                lambda: display.poll() is not None or "reading the queue" in log.read_text(),
                START_TIMEOUT_S,
                lambda: "the display's first read of the queue" + report(),
            )
            assert display.poll() is None, "the display exited" + report()
            assert f"voice: {VOICE}" in log.read_text(), report()

            first = call_next(clerks[5])
            wait_for(
                lambda: len(spoken(speech_daemon)) >= 1,
                SPEAK_TIMEOUT_S,
                lambda: "the first call to be heard" + report(),
            )
            # The next call comes while the first is being said: it waits for the first to end.
            second = call_next(clerks[12])
            heard_at = [u.end for u in spoken(speech_daemon)]
            wait_for(
                lambda: len(spoken(speech_daemon)) >= 2 and silent_for(speech_daemon, QUIET_S),
                SPEAK_TIMEOUT_S,
                lambda: f"two utterances, then {QUIET_S} s of silence" + report(),
            )
            assert display.poll() is None, "the display exited" + report()
    finally:
        hall.close()

    texts = [call_text(first, 5, "zh_CN"), call_text(second, 12, "zh_CN")]
    expected = [reference_duration(t, ESPEAK_VOICE, ESPEAK_RATE, tmp_path) for t in texts]
    found = spoken(speech_daemon)
    print(f"second call made {heard_at} s into the recording")
    print(f"spoken {[(round(u.duration, 2), round(u.rms)) for u in found]}, expected {expected}")
    assert len(found) == 2, report()
    for utterance, seconds in zip(found, expected, strict=True):
        assert utterance.rms > MIN_RMS, report()
        assert abs(utterance.duration - seconds) <= DURATION_TOLERANCE * seconds, (
            f"expected {expected} s" + report()
        )
