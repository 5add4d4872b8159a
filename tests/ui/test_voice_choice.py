"""The hall display's voice rule (ui/display/voice_choice.py) over the voice lists real engines
give: speech-dispatcher with espeak-ng, Windows SAPI and WinRT, and lists with no Mandarin."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ui.display.voice_choice import VoiceInfo, choose_voice, describe_voices, is_cantonese

PINYIN = "Chinese (Mandarin, latin as Pinyin)"

# As Qt's speechd engine lists espeak-ng's voices: Mandarin under the C locale (language "cmn").
ESPEAK = [
    VoiceInfo("Afrikaans", "af_ZA"),
    VoiceInfo("Chinese (Mandarin, latin as English)", "C"),
    VoiceInfo("Chinese (Mandarin, latin as English)+Adam", "C"),
    VoiceInfo("Chinese (Cantonese)", "yue_HK"),
    VoiceInfo("Chinese (Cantonese, latin as Jyutping)+Adam", "C"),
    VoiceInfo(f"{PINYIN}+Adam", "C"),
    VoiceInfo(PINYIN, "C"),
    VoiceInfo("English (America)", "en_US"),
]
SAPI = [
    VoiceInfo("Microsoft Zira Desktop - English (United States)", "en_US"),
    VoiceInfo("Microsoft Tracy Desktop - Chinese (Traditional, Hong Kong SAR)", "zh_HK"),
    VoiceInfo("Microsoft Yaoyao", "zh_CN"),
    VoiceInfo("Microsoft Huihui Desktop - Chinese (Simplified)", "zh_CN"),
]


def chosen(voices: list[VoiceInfo], lang: str = "zh_CN", configured: str | None = None) -> str:
    choice = choose_voice(voices, lang, configured)
    return choice.voice.name if choice is not None else ""


def test_espeak_ng_speaks_with_its_pinyin_voice_not_a_variant_nor_the_plain_mandarin_one() -> None:
    choice = choose_voice(ESPEAK)
    assert choice is not None
    assert choice.voice == VoiceInfo(PINYIN, "C")
    assert choice.reason == "known Mandarin voice"


def test_windows_prefers_huihui_then_yaoyao_then_kangkang_and_never_a_hong_kong_voice() -> None:
    assert chosen(SAPI) == "Microsoft Huihui Desktop - Chinese (Simplified)"
    assert chosen(SAPI[:3]) == "Microsoft Yaoyao"
    winrt = [VoiceInfo("Microsoft Tracy", "zh_HK"), VoiceInfo("Microsoft Kangkang", "zh_CN")]
    assert chosen(winrt) == "Microsoft Kangkang"
    assert chosen(SAPI[:2]) == ""  # English and Cantonese only: no voice


def test_the_configured_voice_comes_first_by_whole_name_then_by_part_ignoring_case() -> None:
    assert chosen(ESPEAK, configured="chinese (mandarin, latin as english)") == (
        "Chinese (Mandarin, latin as English)"
    )
    assert chosen(SAPI, configured="yaoyao") == "Microsoft Yaoyao"
    choice = choose_voice(SAPI, "zh_CN", "Zira")
    assert choice is not None and choice.reason == "configured"
    # A configured name that matches nothing leaves the rule to choose.
    assert chosen(ESPEAK, configured="Microsoft Huihui") == PINYIN
    assert chosen(ESPEAK, configured="  ") == PINYIN


def test_a_mandarin_locale_comes_before_a_chinese_name_and_zh_cn_before_taiwan() -> None:
    voices = [
        VoiceInfo("Chinese (Mandarin)", "C"),
        VoiceInfo("Mei-Jia", "zh_TW"),
        VoiceInfo("Sin-ji", "zh_HK"),
        VoiceInfo("Ting-Ting", "zh_CN"),
    ]
    assert chosen(voices) == "Ting-Ting"
    assert chosen(voices[:3]) == "Mei-Jia"
    assert chosen(voices[:1]) == "Chinese (Mandarin)"
    assert chosen([VoiceInfo("Sin-ji", "zh_HK"), VoiceInfo("粤语", "C")]) == ""


def test_by_name_a_base_voice_comes_before_its_variants_and_cantonese_is_never_chosen() -> None:
    voices = [
        VoiceInfo("Chinese (Cantonese)", "C"),
        VoiceInfo("Chinese (Mandarin, latin as English)+Adam", "C"),
        VoiceInfo("Chinese (Mandarin, latin as English)", "C"),
    ]
    assert chosen(voices) == "Chinese (Mandarin, latin as English)"
    assert chosen(voices[:2]) == "Chinese (Mandarin, latin as English)+Adam"
    assert chosen(voices[:1]) == ""


def test_other_languages_take_a_voice_of_that_language() -> None:
    assert chosen(ESPEAK, "en") == "English (America)"
    assert chosen(ESPEAK[:3], "en") == ""


def test_the_voices_seen_are_described_once_per_base_name_with_their_locales() -> None:
    text = describe_voices(ESPEAK, limit=3)
    assert text.startswith("8 voices (Afrikaans, Chinese (Mandarin, latin as English), ")
    assert "… and 3 more" in text
    assert text.endswith("locales: C, af_ZA, en_US, yue_HK")


voice_lists = st.lists(
    st.builds(
        VoiceInfo,
        st.sampled_from(["Huihui", "Chinese (Cantonese)", "Mandarin+x", "Zira", PINYIN, "粤语"]),
        st.sampled_from(["zh_CN", "zh_HK", "zh_TW", "yue_HK", "C", "en_US"]),
    ),
    max_size=8,
)


@given(voice_lists)
def test_the_rule_chooses_a_listed_voice_and_never_cantonese_unless_configured(
    voices: list[VoiceInfo],
) -> None:
    choice = choose_voice(voices)
    if choice is not None:
        assert choice.voice in voices
        assert not is_cantonese(choice.voice)
    elif any(v.locale == "zh_CN" for v in voices):
        assert all(is_cantonese(v) for v in voices if v.locale == "zh_CN")
