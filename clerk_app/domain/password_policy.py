"""The minimum password policy of staff accounts, one pure rule.

A password is refused when it is shorter than ``MIN_PASSWORD_LENGTH`` characters, uses fewer
than ``MIN_CHARACTER_CLASSES`` of the four classes — lower-case letters, upper-case letters,
digits, and everything else (punctuation, spaces, Chinese characters) — or equals the user
name (any case, surrounding spaces ignored). Longer than ``MAX_PASSWORD_LENGTH`` is refused
too: argon2 would hash a novel, but nobody types one. ``password_problem`` returns the
sentence (zh, en) saying which rule is broken, or ``None``.
"""

from __future__ import annotations

MIN_PASSWORD_LENGTH = 8
MIN_CHARACTER_CLASSES = 2
MAX_PASSWORD_LENGTH = 128


def character_classes(password: str) -> int:
    """How many of the four classes ``password`` uses."""
    lower = any(c.isascii() and c.islower() for c in password)
    upper = any(c.isascii() and c.isupper() for c in password)
    digit = any(c.isascii() and c.isdigit() for c in password)
    other = any(not (c.isascii() and c.isalnum()) for c in password)
    return lower + upper + digit + other


def password_problem(password: str, username: str) -> tuple[str, str] | None:
    if len(password) < MIN_PASSWORD_LENGTH:
        return (
            f"密码至少需要 {MIN_PASSWORD_LENGTH} 个字符。",
            f"A password needs at least {MIN_PASSWORD_LENGTH} characters.",
        )
    if len(password) > MAX_PASSWORD_LENGTH:
        return (
            f"密码不能超过 {MAX_PASSWORD_LENGTH} 个字符。",
            f"A password may have at most {MAX_PASSWORD_LENGTH} characters.",
        )
    if character_classes(password) < MIN_CHARACTER_CLASSES:
        return (
            "密码至少要包含两类字符（小写字母、大写字母、数字、其他符号中的两类）。",
            "A password needs characters of at least two kinds (lower-case letters, "
            "upper-case letters, digits, other symbols).",
        )
    if password.strip().casefold() == username.strip().casefold():
        return ("密码不能与用户名相同。", "A password may not be the user name.")
    return None
