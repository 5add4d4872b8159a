"""Check, normalize and mask the resident ID number and the unified social credit code."""

from __future__ import annotations

import unicodedata
from datetime import date

from clerk_app.errors import ValidationError

__all__ = [
    "EARLIEST_BIRTH_YEAR",
    "PROVINCE_CODES",
    "USCC_CHARSET",
    "InvalidIdentifier",
    "mask_identifier",
    "resident_id_check_char",
    "uscc_check_char",
    "validate_resident_id",
    "validate_uscc",
]


class InvalidIdentifier(ValidationError):
    """An ID number or credit code that breaks its national standard; names the wrong position."""


# GB/T 2260 province-level codes (first two digits of the region code). 71 台湾, 81 香港 and
# 82 澳门 are in GB/T 2260; 83 is used by residence permits for Taiwan residents (830000), just as
# 81/82 are used by those for Hong Kong and Macao residents (810000, 820000).
PROVINCE_CODES: dict[str, str] = {
    "11": "北京",
    "12": "天津",
    "13": "河北",
    "14": "山西",
    "15": "内蒙古",
    "21": "辽宁",
    "22": "吉林",
    "23": "黑龙江",
    "31": "上海",
    "32": "江苏",
    "33": "浙江",
    "34": "安徽",
    "35": "福建",
    "36": "江西",
    "37": "山东",
    "41": "河南",
    "42": "湖北",
    "43": "湖南",
    "44": "广东",
    "45": "广西",
    "46": "海南",
    "50": "重庆",
    "51": "四川",
    "52": "贵州",
    "53": "云南",
    "54": "西藏",
    "61": "陕西",
    "62": "甘肃",
    "63": "青海",
    "64": "宁夏",
    "65": "新疆",
    "71": "台湾",
    "81": "香港",
    "82": "澳门",
    "83": "台湾（居住证）",
}

# Provinces that can issue the 2023 foreign permanent residence ID (mainland only).
_MAINLAND_PROVINCES = frozenset(code for code in PROVINCE_CODES if code < "70")

_DIGITS = "0123456789"

# ---------------------------------------------------------------- resident ID (GB 11643-1999)

_RESIDENT_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_RESIDENT_CHECK = "10X98765432"
_RESIDENT_NAME = ("公民身份号码", "Resident ID number")

# The earliest birth year accepted. Identity cards were first issued in 1984 and nobody has lived
# past 122, so an earlier year is a typo. Not 1900: GB 11643-1999's own example,
# 440524188001010014, was born in 1880.
EARLIEST_BIRTH_YEAR = 1860

# ---------------------------------------------------------------- USCC (GB 32100-2015)

USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # no I, O, S, V, Z
_USCC_WEIGHTS = tuple(pow(3, i, 31) for i in range(17))  # 1 3 9 27 19 26 16 17 20 29 25 13 8 …
_USCC_AUTHORITIES = "123456789ANY"
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)  # GB 11714-1997 organization code
_USCC_NAME = ("统一社会信用代码", "Unified social credit code")


def _normalize(value: str) -> str:
    """Full-width to half-width (a Chinese IME types １２３), drop all blanks, upper-case."""
    folded = unicodedata.normalize("NFKC", value)
    return "".join(folded.split()).upper()


def _fail(name: tuple[str, str], zh: str, en: str) -> InvalidIdentifier:
    return InvalidIdentifier(f"{name[0]}{zh}", f"{name[1]}: {en}")


def _check_length(name: tuple[str, str], code: str) -> None:
    if len(code) == 18:
        return
    zh = f"应为18位，实为{len(code)}位"
    en = f"must have 18 characters, not {len(code)}"
    if name is _RESIDENT_NAME and len(code) == 15 and code.isascii() and code.isdigit():
        zh += "；这是15位旧号码，请按居民身份证上的18位号码录入"
        en += "; this is an old 15-digit number, enter the 18-digit number on the ID card"
    raise _fail(name, zh + "。", en + ".")


def _bad_char(
    name: tuple[str, str], position: int, char: str, expected_zh: str, expected_en: str
) -> InvalidIdentifier:
    return _fail(
        name,
        f"第{position}位“{char}”不合规：应为{expected_zh}。",
        f"character {char!r} at position {position} is not allowed: expected {expected_en}.",
    )


def resident_id_check_char(first17: str) -> str:
    """The 18th character of a resident ID number (ISO 7064 MOD 11-2) for its first 17 digits."""
    if len(first17) != 17 or any(c not in _DIGITS for c in first17):
        raise ValueError(f"need exactly 17 digits, got {first17!r}")
    total = sum(int(c) * w for c, w in zip(first17, _RESIDENT_WEIGHTS, strict=True))
    return _RESIDENT_CHECK[total % 11]


def validate_resident_id(value: str, *, today: date | None = None) -> str:
    """Return the normalized 18-character resident ID number or raise ``InvalidIdentifier``.

    Accepts citizen numbers (first digit 1–8) and the 2023 foreign permanent residence ID (first
    digit 9, then the issuing province), which uses the same structure and check. ``today`` bounds
    the birth date; it defaults to the system date.
    """
    code = _normalize(value)
    _check_length(_RESIDENT_NAME, code)
    for position, char in enumerate(code[:17], start=1):
        if char not in _DIGITS:
            raise _bad_char(_RESIDENT_NAME, position, char, "数字", "a digit")
    if code[17] not in _DIGITS + "X":
        raise _bad_char(_RESIDENT_NAME, 18, code[17], "数字或 X", "a digit or X")
    _check_resident_region(code)
    _check_birth_date(code[6:14], today or date.today())
    expected = resident_id_check_char(code[:17])
    if code[17] != expected:
        raise _fail(
            _RESIDENT_NAME,
            f"第18位校验码错误：应为 {expected}，实为 {code[17]}；请逐位核对证件。",
            f"check character at position 18 should be {expected}, not {code[17]}; "
            "compare each digit with the card.",
        )
    return code


def _check_resident_region(code: str) -> None:
    if code[0] == "9":  # foreign permanent residence ID: 9 + province of issue
        province = code[1:3]
        if province not in _MAINLAND_PROVINCES:
            raise _fail(
                _RESIDENT_NAME,
                f"第2–3位“{province}”不是有效的省级行政区划代码（外国人永久居留身份证）。",
                f"positions 2–3 '{province}' are not a valid province code "
                "(foreign permanent residence ID).",
            )
        return
    province = code[:2]
    if province not in PROVINCE_CODES:
        raise _fail(
            _RESIDENT_NAME,
            f"第1–2位“{province}”不是有效的省级行政区划代码。",
            f"positions 1–2 '{province}' are not a valid province code.",
        )


def _check_birth_date(text: str, today: date) -> None:
    try:
        born = date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        raise _fail(
            _RESIDENT_NAME,
            f"第7–14位出生日期“{text}”不是真实的日期。",
            f"positions 7–14 '{text}' are not a real date of birth.",
        ) from None
    if born.year < EARLIEST_BIRTH_YEAR:
        raise _fail(
            _RESIDENT_NAME,
            f"第7–14位出生日期“{text}”早于{EARLIEST_BIRTH_YEAR}年，不可能是真实的出生日期。",
            f"positions 7–14: date of birth '{text}' is before {EARLIEST_BIRTH_YEAR}, "
            "which cannot be real.",
        )
    if born > today:
        raise _fail(
            _RESIDENT_NAME,
            f"第7–14位出生日期“{text}”晚于今天。",
            f"positions 7–14: date of birth '{text}' is in the future.",
        )


# ---------------------------------------------------------------- USCC


def uscc_check_char(first17: str) -> str:
    """The 18th character of a unified social credit code for its first 17 characters."""
    if len(first17) != 17 or any(c not in USCC_CHARSET for c in first17):
        raise ValueError(f"need exactly 17 characters of {USCC_CHARSET}, got {first17!r}")
    total = sum(USCC_CHARSET.index(c) * w for c, w in zip(first17, _USCC_WEIGHTS, strict=True))
    return USCC_CHARSET[(31 - total % 31) % 31]


def _org_code_check_char(body8: str) -> str:
    """GB 11714 check of an organization code body (digits are 0–9, letters A=10 … Z=35)."""
    total = sum(int(c, 36) * w for c, w in zip(body8, _ORG_WEIGHTS, strict=True))
    check = 11 - total % 11
    return {10: "X", 11: "0"}.get(check, str(check))


def validate_uscc(value: str) -> str:
    """Return the normalized unified social credit code or raise ``InvalidIdentifier``."""
    code = _normalize(value)
    _check_length(_USCC_NAME, code)
    for position, char in enumerate(code, start=1):
        if char not in USCC_CHARSET:
            raise _bad_char(
                _USCC_NAME,
                position,
                char,
                "数字或大写字母（不使用 I、O、S、V、Z）",
                "a digit or a capital letter other than I, O, S, V, Z",
            )
    if code[0] not in _USCC_AUTHORITIES:
        raise _bad_char(
            _USCC_NAME,
            1,
            code[0],
            "登记管理部门代码 1–9、A、N 或 Y",
            "registration authority 1–9, A, N or Y",
        )
    for position in range(3, 9):
        if code[position - 1] not in _DIGITS:
            raise _bad_char(
                _USCC_NAME,
                position,
                code[position - 1],
                "数字（第3–8位是行政区划代码）",
                "a digit (positions 3–8 are the region code)",
            )
    org_expected = _org_code_check_char(code[8:16])
    if code[16] != org_expected:
        raise _fail(
            _USCC_NAME,
            f"第17位（组织机构代码校验码）错误：应为 {org_expected}，实为 {code[16]}；"
            "请逐位核对原件。",
            f"check character of the organization code at position 17 should be {org_expected}, "
            f"not {code[16]}; compare each character with the original.",
        )
    expected = uscc_check_char(code[:17])
    if code[17] != expected:
        raise _fail(
            _USCC_NAME,
            f"第18位校验码错误：应为 {expected}，实为 {code[17]}；请逐位核对原件。",
            f"check character at position 18 should be {expected}, not {code[17]}; "
            "compare each character with the original.",
        )
    return code


# ---------------------------------------------------------------- masking (PIPL)


def mask_identifier(value: str, keep_head: int = 4, keep_tail: int = 4) -> str:
    """Replace the middle of ``value`` with ``*``, keeping its length (e.g. ``4405**********0014``).

    A value no longer than ``keep_head + keep_tail`` is masked entirely: showing it whole would
    defeat the mask.
    """
    if keep_head < 0 or keep_tail < 0:
        raise ValueError("keep_head and keep_tail must not be negative")
    if len(value) <= keep_head + keep_tail:
        return "*" * len(value)
    tail = value[len(value) - keep_tail :]
    return value[:keep_head] + "*" * (len(value) - keep_head - keep_tail) + tail
