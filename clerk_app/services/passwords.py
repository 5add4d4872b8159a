"""Password hashing with argon2 (argon2-cffi defaults, RFC 9106 low-memory profile)."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()
# Verified when the user name is unknown, so both paths cost the same time. A constant made
# with this library's default parameters: hashing it at import cost every start one argon2 run.
_DUMMY_HASH = (
    "$argon2id$v=19$m=65536,t=3,p=4$yf4oMvPlA4o/Odo4g1d"
    "+zQ$XW37JDNxb+7qUXEOeiXNM7EJ2myHV/WL+yHmLSbWnPM"
)


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False
