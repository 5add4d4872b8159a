"""The pure rules behind administration: the password policy and an item's time limits."""

from __future__ import annotations

import pytest

from clerk_app.domain.catalog import item_limit_problems
from clerk_app.domain.password_policy import character_classes, password_problem


@pytest.mark.parametrize(
    ("password", "username", "refused_because"),
    [
        ("short1", "li", "at least 8"),
        ("abcdefgh", "li", "two kinds"),  # one class
        ("12345678", "li", "two kinds"),
        ("汕头市政务服务中心", "li", "two kinds"),  # only "other" characters
        ("Clerk-13", "clerk-13", "user name"),  # the user name, whatever the case
        ("x" * 120 + "Y" * 9, "li", "at most 128"),
    ],
)
def test_passwords_the_policy_refuses(password: str, username: str, refused_because: str) -> None:
    problem = password_problem(password, username)
    assert problem is not None and refused_because in problem[1]
    assert problem[0]  # and a Chinese sentence


@pytest.mark.parametrize(
    "password", ["correct horse", "abcdefg1", "ABCDEFGh", "汕头政务服务2026", "s3cret-pass"]
)
def test_passwords_the_policy_accepts(password: str) -> None:
    assert password_problem(password, "clerk13") is None


def test_character_classes_are_four() -> None:
    assert character_classes("aA1-") == 4
    assert character_classes("aaaa") == 1
    assert character_classes("张 三") == 1  # Chinese characters and spaces are "other"


@pytest.mark.parametrize(
    ("kind", "statutory", "promised", "tolerant", "non_core", "field"),
    [
        ("instant", 0, 1, False, True, "promised_days"),
        ("instant", 0, 0, True, True, "tolerant_accept_allowed"),
        ("promised", 20, 0, False, True, "promised_days"),
        ("promised", 5, 6, False, True, "promised_days"),  # promised > statutory
        ("promised", 20, 5, True, False, "tolerant_accept_allowed"),  # nothing to defer
    ],
)
def test_item_limits_refused(
    kind: str, statutory: int, promised: int, tolerant: bool, non_core: bool, field: str
) -> None:
    [(name, zh, en)] = item_limit_problems(kind, statutory, promised, tolerant, non_core)
    assert name == field and zh and en


def test_item_limits_kept() -> None:
    assert item_limit_problems("promised", 20, 20, True, True) == []
    assert item_limit_problems("instant", 0, 0, False, False) == []
