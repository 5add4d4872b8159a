"""Password hashing with argon2id at OWASP's recommended minimum (19 MiB, 2 passes, 1 lane).

argon2-cffi's default profile (RFC 9106 "low memory", 64 MiB, 4 lanes) made every sign-in add
64 MiB to a counter PC's peak memory. OWASP's Password Storage Cheat Sheet lists m=19 MiB,
t=2, p=1 as an equivalent-strength choice. Hashes made with other parameters keep verifying
(argon2 stores its parameters in the hash) and are replaced at the next successful sign-in.
"""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)
# Verified when the user name is unknown, so both paths cost the same time. A constant made
# with these parameters: hashing it at import cost every start one argon2 run.
_DUMMY_HASH = (
    "$argon2id$v=19$m=19456,t=2,p=1$"
    "KVkpF0bImQRkHc772pWw/Q$sBtJKE3qOZ4RLUjy9x9SRqeErSmTlq6Fhmnjty6soWA"
)


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    """Whether a verified hash was made with other parameters than today's."""
    try:
        return _hasher.check_needs_rehash(password_hash)
    except InvalidHashError:
        return True
