"""SM3 (GB/T 32905-2016) and HMAC-SM3, as 64 hex digits: the audit chain's links and the ID
numbers' lookup hashes.

OpenSSL's own SM3 (through ``hashlib``, present in OpenSSL 1.1.1 and 3.x, as on Debian, Ubuntu,
统信UOS and 麒麟) costs nothing to load; ``cryptography``'s, the same function, takes about 80 ms
to import, which a counter would pay at every start for its first audit row. Where OpenSSL was
built without SM3, ``cryptography`` is used instead; ``tests/test_sm3.py`` checks that both give
the standard's answers.
"""

from __future__ import annotations

import hashlib
import hmac

_OPENSSL = "sm3" in hashlib.algorithms_available


def sm3_hex(*parts: bytes) -> str:
    """SM3 of ``parts`` joined."""
    if _OPENSSL:
        digest = hashlib.new("sm3")
        for part in parts:
            digest.update(part)
        return digest.hexdigest()
    return _sm3_cryptography(parts)


def hmac_sm3_hex(key: bytes, data: bytes) -> str:
    """HMAC (RFC 2104) with SM3."""
    if _OPENSSL:
        return hmac.new(key, data, "sm3").hexdigest()
    return _hmac_sm3_cryptography(key, data)


def _sm3_cryptography(parts: tuple[bytes, ...]) -> str:
    from cryptography.hazmat.primitives import hashes

    digest = hashes.Hash(hashes.SM3())
    for part in parts:
        digest.update(part)
    return digest.finalize().hex()


def _hmac_sm3_cryptography(key: bytes, data: bytes) -> str:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives import hmac as crypto_hmac

    mac = crypto_hmac.HMAC(key, hashes.SM3())
    mac.update(data)
    return mac.finalize().hex()
