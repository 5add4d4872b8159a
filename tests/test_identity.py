"""Tests of the resident ID and credit code checks and of masking."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clerk_app.domain.identity import (
    EARLIEST_BIRTH_YEAR,
    PROVINCE_CODES,
    USCC_CHARSET,
    InvalidIdentifier,
    mask_identifier,
    resident_id_check_char,
    uscc_check_char,
    validate_resident_id,
    validate_uscc,
)
from clerk_app.errors import ClerkError, ValidationError
from clerk_app.i18n import set_language

TODAY = date(2025, 6, 1)


@pytest.fixture
def english() -> Iterator[None]:
    set_language("en")
    yield
    set_language("zh_CN")


def make_resident_id(first17: str) -> str:
    return first17 + resident_id_check_char(first17)


def org_check(body8: str) -> str:
    """GB 11714 written out again, independently of the module: digits 0-9, A=10 … Z=35."""
    values = [int(c) if c.isdigit() else ord(c) - ord("A") + 10 for c in body8]
    r = 11 - sum(v * w for v, w in zip(values, [3, 7, 9, 10, 5, 8, 4, 2], strict=True)) % 11
    return "X" if r == 10 else "0" if r == 11 else str(r)


def make_uscc(head8: str, org_body8: str) -> str:
    first17 = head8 + org_body8 + org_check(org_body8)
    return first17 + uscc_check_char(first17)


def rejects(value: str, *fragments: str, validator: str = "resident") -> InvalidIdentifier:
    """Assert ``value`` is refused with a message holding every fragment (zh or en)."""
    with pytest.raises(InvalidIdentifier) as caught:
        if validator == "resident":
            validate_resident_id(value, today=TODAY)
        else:
            validate_uscc(value)
    for fragment in fragments:
        assert fragment in caught.value.zh or fragment in caught.value.en, (fragment, caught.value)
    return caught.value


# ---------------------------------------------------------------- resident ID


@pytest.mark.parametrize("value", ["11010519491231002X", "440524188001010014"])
def test_standard_examples_are_valid(value: str) -> None:
    assert validate_resident_id(value) == value


def test_check_char_of_standard_examples() -> None:
    assert resident_id_check_char("11010519491231002") == "X"
    assert resident_id_check_char("44052418800101001") == "4"


@pytest.mark.parametrize(
    "raw",
    [
        "11010519491231002x",
        " 110105 19491231 002x ",
        "110105\u300019491231002X",  # ideographic space
        "１１０１０５１９４９１２３１００２ｘ",  # full-width digits from a Chinese IME
        "\t11010519491231002X\n",
    ],
)
def test_resident_id_is_normalized(raw: str) -> None:
    assert validate_resident_id(raw) == "11010519491231002X"


def test_invalid_identifier_is_a_value_error_and_clerk_error() -> None:
    error = rejects("1101051949123100")
    assert isinstance(error, ValueError)
    assert isinstance(error, ValidationError)
    assert isinstance(error, ClerkError)


@pytest.mark.parametrize("value", ["", "1101051949123100", "11010519491231002X1"])
def test_resident_id_wrong_length(value: str) -> None:
    error = rejects(value, f"实为{len(value)}位", f"not {len(value)}")
    assert error.zh.startswith("公民身份号码应为18位")
    assert "18 characters" in error.en


def test_resident_id_old_15_digit_number_gets_a_hint() -> None:
    rejects("110105491231002", "15位旧号码", "old 15-digit")


@pytest.mark.parametrize(
    ("value", "position", "char"),
    [
        ("A1010519491231002X", 1, "A"),
        ("1101051949123100X2", 17, "X"),
        ("110105194912310-2X", 16, "-"),
        ("11010519491231002Y", 18, "Y"),
    ],
)
def test_resident_id_bad_character_names_position_and_character(
    value: str, position: int, char: str
) -> None:
    error = rejects(value, f"第{position}位“{char}”", f"position {position}")
    assert repr(char) in error.en


@pytest.mark.parametrize("prefix", ["00", "10", "16", "20", "30", "47", "55", "60", "66", "72"])
def test_resident_id_bad_province(prefix: str) -> None:
    value = make_resident_id(prefix + "010519491231002")
    rejects(value, f"第1–2位“{prefix}”", "positions 1–2", "province code")


@pytest.mark.parametrize("province", sorted(PROVINCE_CODES))
def test_every_province_code_is_accepted(province: str) -> None:
    value = make_resident_id(province + "010519491231002")
    assert validate_resident_id(value, today=TODAY) == value


def test_province_list_is_gb_t_2260() -> None:
    assert set(PROVINCE_CODES) == {
        *("11", "12", "13", "14", "15", "21", "22", "23"),
        *("31", "32", "33", "34", "35", "36", "37"),
        *("41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54"),
        *("61", "62", "63", "64", "65", "71", "81", "82", "83"),
    }


def test_foreign_permanent_residence_id_2023() -> None:
    # 9, province of issue 44, nationality 840, born 1980-01-01, sequence 001, check.
    value = make_resident_id("94484019800101001")
    assert validate_resident_id(value, today=TODAY) == value


@pytest.mark.parametrize("province", ["00", "71", "81", "99"])
def test_foreign_permanent_residence_id_needs_mainland_province(province: str) -> None:
    value = make_resident_id(f"9{province}84019800101001")
    rejects(value, f"第2–3位“{province}”", "positions 2–3", "外国人永久居留身份证")


@pytest.mark.parametrize("birth", ["19490230", "19491301", "19490001", "19490100", "20230229"])
def test_resident_id_unreal_birth_date(birth: str) -> None:
    value = make_resident_id(f"110105{birth}002")
    rejects(value, f"第7–14位出生日期“{birth}”不是真实的日期", "not a real date")


def test_leap_day_birth_date_is_accepted() -> None:
    value = make_resident_id("11010520000229002")
    assert validate_resident_id(value, today=TODAY) == value


def test_resident_id_born_before_the_earliest_year() -> None:
    assert EARLIEST_BIRTH_YEAR == 1860
    rejects(make_resident_id("11010518591231002"), "早于1860年", "before 1860")
    rejects(make_resident_id("11010510900101002"), "早于1860年", "before 1860")
    for first17 in ("11010518600101002", "11010518991231002", "11010519000101002"):
        value = make_resident_id(first17)
        assert validate_resident_id(value, today=TODAY) == value


def test_resident_id_born_in_the_future() -> None:
    rejects(make_resident_id("11010520250602002"), "晚于今天", "in the future")
    born_today = make_resident_id("11010520250601002")
    assert validate_resident_id(born_today, today=TODAY) == born_today


def test_resident_id_wrong_check_character() -> None:
    error = rejects("110105194912310021", "第18位校验码错误：应为 X，实为 1")
    assert "check character at position 18 should be X, not 1" in error.en


def test_resident_id_message_follows_language(english: None) -> None:
    with pytest.raises(InvalidIdentifier) as caught:
        validate_resident_id("110105194912310021")
    assert str(caught.value).startswith("Resident ID number: check character at position 18")


def test_resident_id_message_in_chinese_by_default() -> None:
    with pytest.raises(InvalidIdentifier) as caught:
        validate_resident_id("110105194912310021")
    assert str(caught.value).startswith("公民身份号码第18位校验码错误")


@pytest.mark.parametrize("bad", ["", "1101051949123100", "1101051949123100A", "110105194912310021"])
def test_resident_id_check_char_needs_17_digits(bad: str) -> None:
    with pytest.raises(ValueError):
        resident_id_check_char(bad)


def _digit_text(size: int) -> st.SearchStrategy[str]:
    return st.text(alphabet="0123456789", min_size=size, max_size=size)


@given(
    st.sampled_from(sorted(PROVINCE_CODES)),
    _digit_text(4),
    st.dates(min_value=date(EARLIEST_BIRTH_YEAR, 1, 1), max_value=TODAY),
    _digit_text(3),
)
def test_generated_resident_ids_validate(province: str, county: str, born: date, seq: str) -> None:
    first17 = province + county + born.strftime("%Y%m%d") + seq
    value = make_resident_id(first17)
    assert validate_resident_id(value, today=TODAY) == value
    assert validate_resident_id(value.lower(), today=TODAY) == value


@given(st.integers(min_value=0, max_value=17), st.sampled_from("0123456789X"))
def test_any_single_substitution_is_caught(position: int, char: str) -> None:
    value = "11010519491231002X"
    changed = value[:position] + char + value[position + 1 :]
    if changed == value:
        return
    with pytest.raises(InvalidIdentifier):
        validate_resident_id(changed, today=TODAY)


# ---------------------------------------------------------------- USCC


def test_issue_example_uscc_is_valid_and_normalized() -> None:
    assert validate_uscc("9144030010001686xa") == "9144030010001686XA"
    assert validate_uscc(" 91440300 10001686 X A ") == "9144030010001686XA"
    assert validate_uscc("９１４４０３００１０００１６８６ｘａ") == "9144030010001686XA"


def test_issue_example_parts_check_out_by_hand() -> None:
    # organization code 10001686-X: 1*3+0*7+0*9+0*10+1*5+6*8+8*4+6*2 = 100; 11 - 100 % 11 = 10 → X
    assert org_check("10001686") == "X"
    assert uscc_check_char("9144030010001686X") == "A"


def test_uscc_weights_are_powers_of_three_mod_31() -> None:
    weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    for position, weight in enumerate(weights):
        first17 = "0" * position + "1" + "0" * (16 - position)
        assert uscc_check_char(first17) == USCC_CHARSET[(31 - weight) % 31]


def test_uscc_charset_has_31_characters_without_i_o_s_v_z() -> None:
    assert len(USCC_CHARSET) == 31
    assert not set("IOSVZ") & set(USCC_CHARSET)


@pytest.mark.parametrize("authority", list("123456789ANY"))
def test_uscc_every_registration_authority_is_accepted(authority: str) -> None:
    value = make_uscc(f"{authority}1440300", "MA5D0K7L")
    assert validate_uscc(value) == value


def test_uscc_starting_with_letters_is_valid() -> None:
    # the case python-stdnum gets wrong
    value = make_uscc("N2440511", "12345678")
    assert value[0] == "N"
    assert validate_uscc(value.lower()) == value


@pytest.mark.parametrize("value", ["", "9144030010001686X", "9144030010001686XA0"])
def test_uscc_wrong_length(value: str) -> None:
    error = rejects(value, f"实为{len(value)}位", validator="uscc")
    assert error.zh.startswith("统一社会信用代码应为18位")
    assert error.en.startswith("Unified social credit code: must have 18 characters")


@pytest.mark.parametrize(
    ("value", "position", "char"),
    [
        ("9144030010001686XO", 18, "O"),
        ("91440300I0001686XA", 9, "I"),
        ("S144030010001686XA", 1, "S"),
        ("914403001000168VXA", 16, "V"),
        ("9Z44030010001686XA", 2, "Z"),
        ("91440300100016.6XA", 15, "."),
    ],
)
def test_uscc_bad_character_names_position_and_character(
    value: str, position: int, char: str
) -> None:
    error = rejects(value, f"第{position}位“{char}”", f"position {position}", validator="uscc")
    assert "I、O、S、V、Z" in error.zh


@pytest.mark.parametrize("authority", ["0", "B", "X"])
def test_uscc_bad_registration_authority(authority: str) -> None:
    value = make_uscc(f"{authority}1440300", "10001686")
    rejects(value, f"第1位“{authority}”", "registration authority", validator="uscc")


@pytest.mark.parametrize("position", range(3, 9))
def test_uscc_region_code_must_be_digits(position: int) -> None:
    head = "91440300"
    head = head[: position - 1] + "A" + head[position:]
    value = make_uscc(head, "10001686")
    rejects(value, f"第{position}位“A”", "region code", validator="uscc")


def test_uscc_any_category_character_is_accepted() -> None:
    for category in USCC_CHARSET:
        value = make_uscc(f"9{category}440300", "10001686")
        assert validate_uscc(value) == value


def test_uscc_wrong_organization_code_check() -> None:
    first17 = "91440300" + "10001686" + "1"  # the organization code's check should be X
    value = first17 + uscc_check_char(first17)
    error = rejects(value, "第17位", "应为 X，实为 1", validator="uscc")
    assert "organization code at position 17 should be X, not 1" in error.en


def test_uscc_wrong_check_character() -> None:
    error = rejects(
        "9144030010001686XB", "统一社会信用代码第18位校验码错误：应为 A，实为 B", validator="uscc"
    )
    assert error.en.startswith(
        "Unified social credit code: check character at position 18 should be A, not B"
    )


@pytest.mark.parametrize("bad", ["", "9144030010001686", "9144030010001686O", "9144030010001686XA"])
def test_uscc_check_char_needs_17_charset_characters(bad: str) -> None:
    with pytest.raises(ValueError):
        uscc_check_char(bad)


_charset = st.sampled_from(USCC_CHARSET)


@given(
    st.sampled_from("123456789ANY"),
    _charset,
    _digit_text(6),
    st.text(alphabet=USCC_CHARSET, min_size=8, max_size=8),
)
def test_generated_usccs_validate(authority: str, category: str, region: str, body: str) -> None:
    value = make_uscc(authority + category + region, body)
    assert validate_uscc(value) == value


@given(st.integers(min_value=0, max_value=17), _charset)
def test_uscc_any_single_substitution_is_caught(position: int, char: str) -> None:
    value = "9144030010001686XA"
    changed = value[:position] + char + value[position + 1 :]
    if changed == value:
        return
    with pytest.raises(InvalidIdentifier):
        validate_uscc(changed)


# ---------------------------------------------------------------- masking


def test_mask_keeps_first_and_last_four() -> None:
    assert mask_identifier("440524188001010014") == "4405**********0014"
    assert mask_identifier("9144030010001686XA") == "9144**********86XA"


def test_mask_keeps_length() -> None:
    for length in range(25):
        assert len(mask_identifier("1" * length)) == length


def test_mask_settings() -> None:
    assert mask_identifier("440524188001010014", keep_head=6, keep_tail=0) == "440524" + "*" * 12
    assert mask_identifier("440524188001010014", keep_head=0, keep_tail=1) == "*" * 17 + "4"
    assert mask_identifier("440524188001010014", keep_head=3, keep_tail=3) == "440************014"


@pytest.mark.parametrize("value", ["", "1", "12345678"])
def test_mask_hides_short_values_entirely(value: str) -> None:
    assert mask_identifier(value) == "*" * len(value)


def test_mask_one_hidden_character() -> None:
    assert mask_identifier("123456789") == "1234*6789"


def test_mask_rejects_negative_keeps() -> None:
    with pytest.raises(ValueError):
        mask_identifier("440524188001010014", keep_head=-1)
    with pytest.raises(ValueError):
        mask_identifier("440524188001010014", keep_tail=-1)
