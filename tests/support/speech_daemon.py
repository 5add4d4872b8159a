"""A throwaway user-level speech-dispatcher with espeak-ng that writes its audio to a WAV file.

Everything lives in one temp dir (config, runtime dir, socket, logs, audio), so it never touches
a system or session daemon: clients reach it only through ``SPEECHD_ADDRESS``. The audio goes
through ALSA's built-in ``file`` PCM (slave ``null``, no sound card) into a FIFO that
``PacedSink`` drains only as fast as a sound card plays: sentences take their real time, so a
sentence cut off by the next shows in the recording, as it would be heard in the hall.
"""

from __future__ import annotations

import array
import fcntl
import math
import os
import select
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

#: CI sets one of these: missing speech binaries then fail instead of skipping.
REQUIRE_ENV = "CLERK_REQUIRE_SPEECH"
MODULE_DIRS = (
    Path("/usr/lib/speech-dispatcher-modules"),
    Path("/usr/lib/x86_64-linux-gnu/speech-dispatcher-modules"),
    Path("/usr/lib/aarch64-linux-gnu/speech-dispatcher-modules"),
    Path("/usr/libexec/speech-dispatcher-modules"),
)
SYSTEM_MODULE_CONF = Path("/etc/speech-dispatcher/modules/espeak-ng.conf")
START_TIMEOUT_S = 20.0
WAV_HEADER_BYTES = 44  # what ALSA's file PCM writes before the samples


def speech_required() -> bool:
    return os.environ.get(REQUIRE_ENV) == "1" or os.environ.get("CI", "").lower() == "true"


def missing_binaries() -> list[str]:
    """What the real-stack test needs and this machine lacks (Debian package names)."""
    missing = []
    if shutil.which("speech-dispatcher") is None:
        missing.append("speech-dispatcher")
    if not any((d / "sd_espeak-ng").exists() for d in MODULE_DIRS):
        missing.append("speech-dispatcher-espeak-ng")
    if shutil.which("espeak-ng") is None:
        missing.append("espeak-ng")
    return missing


class SpeechDaemon:
    """``start()`` runs the daemon; ``address`` is its ``SPEECHD_ADDRESS``; ``stop()`` ends it."""

    def __init__(self) -> None:
        # A short path: a unix socket's path must stay under ~100 bytes.
        self.root = Path(tempfile.mkdtemp(prefix="clerk-spd-"))
        self.runtime = self.root / "run"
        self.config = self.root / "conf"
        self.logs = self.root / "log"
        self.audio = self.root / "audio.wav"
        self.fifo = self.root / "audio.fifo"
        self.socket = self.runtime / "speechd.sock"
        self._process: subprocess.Popen[bytes] | None = None
        self._sink: PacedSink | None = None

    @property
    def address(self) -> str:
        return f"unix_socket:{self.socket}"

    def env(self) -> dict[str, str]:
        """The environment of a client of this daemon (and of the daemon itself)."""
        env = dict(os.environ)
        env.update(
            SPEECHD_ADDRESS=self.address,
            XDG_RUNTIME_DIR=str(self.runtime),
            XDG_CONFIG_HOME=str(self.root / "config-home"),
        )
        return env

    def _write_config(self) -> None:
        for directory in (self.runtime, self.config / "modules", self.logs):
            directory.mkdir(parents=True)
        self.runtime.chmod(0o700)
        module_conf = self.config / "modules" / "espeak-ng.conf"
        if SYSTEM_MODULE_CONF.is_file():
            shutil.copy(SYSTEM_MODULE_CONF, module_conf)
        else:
            module_conf.write_text("")
        (self.config / "speechd.conf").write_text(
            "LogLevel 3\n"
            f'LogDir "{self.logs}"\n'
            "DefaultVolume 100\n"
            'AudioOutputMethod "alsa"\n'
            f'AudioALSADevice "file:FILE={self.fifo},FORMAT=wav"\n'
            'AddModule "espeak-ng" "sd_espeak-ng" "espeak-ng.conf"\n'
            'DefaultModule "espeak-ng"\n'
        )

    def start(self) -> SpeechDaemon:
        self._write_config()
        self._sink = PacedSink(self.fifo, self.audio)
        self._sink.start()
        self._process = subprocess.Popen(
            [
                "speech-dispatcher",
                "--run-single",
                "--timeout",
                "0",
                "--communication-method",
                "unix_socket",
                "--socket-path",
                str(self.socket),
                "--config-dir",
                str(self.config),
                "--log-dir",
                str(self.logs),
                "--pid-file",
                str(self.runtime / "speechd.pid"),
            ],
            env=self.env(),
            stdout=subprocess.DEVNULL,
            stderr=(self.logs / "stderr.txt").open("wb"),
        )
        deadline = time.monotonic() + START_TIMEOUT_S
        while not self.socket.exists():
            if self._process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"speech-dispatcher did not start:\n{self.log_text()}")
            time.sleep(0.1)
        return self

    def log_text(self) -> str:
        parts = []
        for path in sorted(self.logs.glob("*")):
            text = path.read_text(errors="replace")
            lines = [line for line in text.splitlines() if "LINE here" not in line]
            parts.append(f"--- {path.name}\n" + "\n".join(lines[-40:]))
        return "\n".join(parts)

    def stop(self) -> None:
        if self._process is not None and self._process.poll() is None:
            self._process.send_signal(signal.SIGTERM)
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait(timeout=10)
        self._process = None
        if self._sink is not None:
            self._sink.stop()
            self._sink = None

    def remove(self) -> None:
        self.stop()
        shutil.rmtree(self.root, ignore_errors=True)


class PacedSink(threading.Thread):
    """Reads a WAV stream from a FIFO at the rate its header gives, appending it to a file.

    The FIFO is opened read-write (so it never reports end-of-file between sentences) with the
    smallest pipe buffer, and at most 50 ms of sound is read ahead: the writer (the daemon) is
    held back as a sound card holds it back.
    """

    MAX_AHEAD_S = 0.05

    def __init__(self, fifo: Path, out: Path) -> None:
        super().__init__(name="paced-audio-sink", daemon=True)
        os.mkfifo(fifo)
        self._fd = os.open(fifo, os.O_RDWR | os.O_NONBLOCK)
        fcntl.fcntl(self._fd, fcntl.F_SETPIPE_SZ, 4096)
        self._out = out
        self._stopping = threading.Event()

    def run(self) -> None:
        with self._out.open("wb") as out:
            header = self._read_exactly(WAV_HEADER_BYTES)
            out.write(header)
            out.flush()
            if len(header) < WAV_HEADER_BYTES:
                return
            channels = int.from_bytes(header[22:24], "little")
            rate = int.from_bytes(header[24:28], "little")
            bits = int.from_bytes(header[34:36], "little")
            self._pace(out, max(1, rate * channels * bits // 8))

    def _read_exactly(self, size: int) -> bytes:
        data = b""
        while len(data) < size and not self._stopping.is_set():
            if select.select([self._fd], [], [], 0.1)[0]:
                data += os.read(self._fd, size - len(data))
        return data

    def _pace(self, out: BinaryIO, bytes_per_second: int) -> None:
        allowance = 0.0
        last = time.monotonic()
        limit = bytes_per_second * self.MAX_AHEAD_S
        while not self._stopping.is_set():
            now = time.monotonic()
            allowance = min(limit, allowance + (now - last) * bytes_per_second)
            last = now
            wanted = int(allowance) // 2 * 2
            if wanted < 2 or not select.select([self._fd], [], [], 0.1)[0]:
                time.sleep(0.005)
                continue
            try:
                chunk = os.read(self._fd, wanted)
            except BlockingIOError:
                continue
            allowance -= len(chunk)
            out.write(chunk)
            out.flush()

    def stop(self) -> None:
        self._stopping.set()
        self.join(timeout=5)
        os.close(self._fd)


@dataclass(frozen=True)
class Utterance:
    """A stretch of sound between silences, in seconds from the start of the file."""

    start: float
    end: float
    rms: float

    @property
    def duration(self) -> float:
        return self.end - self.start


def read_wav_samples(path: Path) -> tuple[int, array.array[int]]:
    """(rate, 16-bit mono samples) of a WAV file that may still be open for writing.

    ALSA's file PCM writes the sizes in the header only when the device closes, so the data is
    read from the "data" chunk to the end of the file, whatever the header says.
    """
    data = path.read_bytes() if path.exists() else b""
    if len(data) < 44 or data[:4] != b"RIFF":
        return 0, array.array("h")
    fmt = data.index(b"fmt ")
    channels = int.from_bytes(data[fmt + 10 : fmt + 12], "little")
    rate = int.from_bytes(data[fmt + 12 : fmt + 16], "little")
    bits = int.from_bytes(data[fmt + 22 : fmt + 24], "little")
    if (channels, bits) != (1, 16):
        raise ValueError(f"expected 16-bit mono audio, got {channels} channel(s) of {bits} bits")
    body = data[data.index(b"data") + 8 :]
    samples = array.array("h")
    samples.frombytes(body[: len(body) // 2 * 2])
    return rate, samples


def utterances(
    rate: int,
    samples: array.array[int],
    *,
    window_s: float = 0.02,
    threshold: float = 200.0,
    min_gap_s: float = 0.3,
) -> list[Utterance]:
    """The utterances in ``samples``: windows louder than ``threshold`` RMS, joined across
    silences shorter than ``min_gap_s`` (the pauses between the words of one sentence)."""
    if rate <= 0:
        return []
    window = int(rate * window_s)
    loud = []
    for i in range(0, len(samples) - window + 1, window):
        chunk = samples[i : i + window]
        loud.append(math.sqrt(sum(s * s for s in chunk) / window))
    spans: list[list[int]] = []
    for k, level in enumerate(loud):
        if level < threshold:
            continue
        if spans and (k - spans[-1][1] - 1) * window_s < min_gap_s:
            spans[-1][1] = k
        else:
            spans.append([k, k])
    result = []
    for first, last in spans:
        levels = loud[first : last + 1]
        rms = math.sqrt(sum(level * level for level in levels) / len(levels))
        result.append(Utterance(first * window_s, (last + 1) * window_s, rms))
    return result


def reference_duration(text: str, voice: str, words_per_minute: int, work_dir: Path) -> float:
    """How long espeak-ng itself takes to say ``text`` with ``voice``: the length to expect."""
    out = work_dir / "reference.wav"
    subprocess.run(
        ["espeak-ng", "-v", voice, "-s", str(words_per_minute), "-w", str(out), text],
        check=True,
        timeout=30,
    )
    found = utterances(*read_wav_samples(out))
    return found[-1].end - found[0].start
