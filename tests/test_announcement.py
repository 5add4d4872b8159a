"""The words of a call: spoken and shown, in Chinese and English."""

from __future__ import annotations

import pytest

from clerk_app.domain.announcement import call_text, display_text
from clerk_app.errors import ValidationError


def test_chinese_call_reads_digits_one_by_one() -> None:
    assert call_text("A012", 5) == "请 A 零一二 号 到 5 号窗口办理"
    assert call_text("A012", 5, "zh_CN") == "请 A 零一二 号 到 5 号窗口办理"


def test_chinese_call_covers_every_digit() -> None:
    assert call_text("B0123456789", 1) == "请 B 零一二三四五六七八九 号 到 1 号窗口办理"


def test_chinese_call_reads_the_counter_as_a_number() -> None:
    assert call_text("E105", 12) == "请 E 一零五 号 到 12 号窗口办理"
    assert call_text("A100", 100) == "请 A 一零零 号 到 100 号窗口办理"


def test_chinese_call_without_a_letter_prefix() -> None:
    assert call_text("007", 3) == "请 零零七 号 到 3 号窗口办理"


def test_chinese_call_keeps_a_longer_prefix_together() -> None:
    assert call_text("YY08", 2) == "请 YY 零八 号 到 2 号窗口办理"


def test_english_call_spells_the_ticket() -> None:
    assert call_text("A012", 5, "en") == "Number A 0 1 2, please go to counter 5"
    assert call_text("E105", 12, "en") == "Number E 1 0 5, please go to counter 12"


def test_display_text() -> None:
    assert display_text("A012", 5) == "请 A012 号到 5 号窗口办理"
    assert display_text("A012", 12, "zh_CN") == "请 A012 号到 12 号窗口办理"
    assert display_text("A012", 5, "en") == "A012 → Counter 5"


@pytest.mark.parametrize("bad", ["", "A", "a012", "A 012", "A0B1", "A01２", "012A", "甲012"])
def test_malformed_ticket_numbers_are_refused(bad: str) -> None:
    with pytest.raises(ValidationError):
        call_text(bad, 5)
    with pytest.raises(ValidationError):
        display_text(bad, 5)


@pytest.mark.parametrize("counter_no", [0, -3])
def test_counter_number_must_be_positive(counter_no: int) -> None:
    with pytest.raises(ValidationError):
        call_text("A012", counter_no)
    with pytest.raises(ValidationError):
        display_text("A012", counter_no, "en")


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValidationError):
        call_text("A012", 5, "fr")
    with pytest.raises(ValidationError):
        display_text("A012", 5, "zh_TW")
