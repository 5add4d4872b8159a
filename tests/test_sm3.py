"""SM3 and HMAC-SM3 give the standard's answers through OpenSSL and through cryptography alike."""

from __future__ import annotations

import hashlib

import pytest

from clerk_app.domain import sm3

# GB/T 32905-2016, appendix A: "abc" and "abcd" repeated 16 times.
ABC = "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0"
ABCD16 = "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732"


@pytest.fixture(params=["openssl", "cryptography"])
def path(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "openssl":
        assert "sm3" in hashlib.algorithms_available, "this machine's OpenSSL has no SM3"
    monkeypatch.setattr(sm3, "_OPENSSL", request.param == "openssl")
    return str(request.param)


def test_sm3_gives_the_standards_examples(path: str) -> None:
    assert sm3.sm3_hex(b"abc") == ABC
    assert sm3.sm3_hex(b"abcd" * 16) == ABCD16
    assert sm3.sm3_hex(b"ab", b"c") == ABC  # parts are joined


def test_hmac_sm3_is_the_same_on_both_paths(path: str) -> None:
    key, data = b"k" * 70, b"440507199001011234"  # a key longer than a block too
    here = sm3.hmac_sm3_hex(key, data)
    sm3_block = 64
    padded = key if len(key) <= sm3_block else bytes.fromhex(sm3.sm3_hex(key))
    padded = padded.ljust(sm3_block, b"\0")
    inner = bytes.fromhex(sm3.sm3_hex(bytes(b ^ 0x36 for b in padded), data))
    assert here == sm3.sm3_hex(bytes(b ^ 0x5C for b in padded), inner)  # RFC 2104 by hand
