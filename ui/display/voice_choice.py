"""Which voice the hall display speaks with: a pure rule over the voices an engine lists.

The rule, for the display language ``zh_CN`` (Mandarin), first match wins:

1. The configured voice (``CLERK_SPEECH_VOICE``): a voice named exactly so (ignoring case), else
   the first whose name contains it ("Huihui" finds "Microsoft Huihui Desktop"). A configured
   name that matches nothing is reported by the caller, and the rule goes on.
2. A known good Mandarin voice, in this order: espeak-ng's "Chinese (Mandarin, latin as
   Pinyin)" (through speech-dispatcher; its plain "Chinese (Mandarin…)" voice misreads most of a
   call), then Windows' Huihui, Yaoyao, Kangkang (SAPI and WinRT name them "Microsoft Huihui…").
3. A voice whose locale is Mandarin Chinese: zh_CN, then zh_SG, zh_TW. zh_HK, zh_MO and yue_*
   are Cantonese and never chosen.
4. A voice whose name says Chinese or Mandarin (espeak-ng's Mandarin voices report the language
   "cmn", which Qt files under the C locale), not Cantonese; a base voice before its "+variant"s.

No step but the first ever picks a Cantonese voice. Within a step the engine's order decides.
For another language ("en") only step 1 and "a voice of that language" apply. No match: None,
and the display goes on without a voice.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

MANDARIN = "zh_CN"
#: Step 2, best first: (how to match, text). "exact" is a whole name, "word" a part of one.
KNOWN_MANDARIN_VOICES = (
    ("exact", "Chinese (Mandarin, latin as Pinyin)"),
    ("word", "Huihui"),
    ("word", "Yaoyao"),
    ("word", "Kangkang"),
)
MANDARIN_LOCALES = ("zh_CN", "zh_SG", "zh_TW")
_CHINESE_WORDS = ("mandarin", "chinese", "中文", "普通话", "国语", "汉语")
_CANTONESE_WORDS = ("cantonese", "粤", "粵", "廣東", "广东")


@dataclass(frozen=True)
class VoiceInfo:
    """A voice as an engine lists it: its name and its locale's name ("zh_CN", "C")."""

    name: str
    locale: str


@dataclass(frozen=True)
class VoiceChoice:
    """The chosen voice, and which step of the rule chose it (for the log)."""

    voice: VoiceInfo
    reason: str


def configured_voice(voices: Sequence[VoiceInfo], configured: str) -> VoiceInfo | None:
    """Step 1: the voice named ``configured`` (ignoring case), else the first containing it."""
    wanted = configured.strip().casefold()
    if not wanted:
        return None
    exact = [v for v in voices if v.name.casefold() == wanted]
    return next(iter(exact or [v for v in voices if wanted in v.name.casefold()]), None)


def is_cantonese(voice: VoiceInfo) -> bool:
    name = voice.name.casefold()
    return (
        voice.locale in ("zh_HK", "zh_MO")
        or voice.locale.startswith("yue")
        or any(word in name for word in _CANTONESE_WORDS)
    )


def _known_mandarin(voices: Sequence[VoiceInfo]) -> VoiceInfo | None:
    for how, text in KNOWN_MANDARIN_VOICES:
        wanted = text.casefold()
        for voice in voices:
            name = voice.name.casefold()
            if ((name == wanted) if how == "exact" else (wanted in name)) and not is_cantonese(
                voice
            ):
                return voice
    return None


def _mandarin_by_locale(voices: Sequence[VoiceInfo]) -> VoiceInfo | None:
    for locale in MANDARIN_LOCALES:
        for voice in voices:
            if voice.locale == locale and not is_cantonese(voice):
                return voice
    return None


def _mandarin_by_name(voices: Sequence[VoiceInfo]) -> VoiceInfo | None:
    named = [
        v
        for v in voices
        if any(word in v.name.casefold() for word in _CHINESE_WORDS) and not is_cantonese(v)
    ]
    return next((v for v in named if "+" not in v.name), named[0] if named else None)


def _same_language(voices: Sequence[VoiceInfo], lang: str) -> VoiceInfo | None:
    language = lang.split("_")[0]
    return next((v for v in voices if v.locale.split("_")[0] == language), None)


def choose_voice(
    voices: Sequence[VoiceInfo], lang: str = MANDARIN, configured: str | None = None
) -> VoiceChoice | None:
    """The voice to speak ``lang`` with, by the rule in this module's docstring; None if none."""
    if configured and (voice := configured_voice(voices, configured)) is not None:
        return VoiceChoice(voice, "configured")
    if lang != MANDARIN:
        found = _same_language(voices, lang)
        return VoiceChoice(found, "same language") if found is not None else None
    steps = (
        (_known_mandarin, "known Mandarin voice"),
        (_mandarin_by_locale, "Mandarin locale"),
        (_mandarin_by_name, "Chinese name"),
    )
    for step, reason in steps:
        if (found := step(voices)) is not None:
            return VoiceChoice(found, reason)
    return None


def describe_voices(voices: Sequence[VoiceInfo], limit: int = 40) -> str:
    """The voices an engine offered, for a log line: base names (no "+variant"), then locales."""
    names = list(dict.fromkeys(v.name.split("+")[0] for v in voices))
    locales = sorted({v.locale for v in voices})
    shown = ", ".join(names[:limit]) + (
        f" … and {len(names) - limit} more" if len(names) > limit else ""
    )
    return f"{len(voices)} voices ({shown}); locales: {', '.join(locales)}"
