"""The hall's document keys: the HMAC keys of the QR payloads, by key id (``K1``, ``K2`` …).

They live in ``signing_keys`` (see ``persistence.models_cases.SigningKey`` for why there):
the newest signs, every one verifies, so paper printed before a rotation stays genuine. A print
whose read finds none creates ``K1`` in a tiny write of its own (``ensure_key``:
insert-if-absent, then re-read, so two counters printing at once end up with the same key); a
preview never writes, and draws without a key (see ``DocumentService.preview``). ``rotate`` adds
the next key. A key is never printed, logged or put in an audit row.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk_app.documents.signing import new_secret
from clerk_app.persistence.dialects import upsert
from clerk_app.persistence.models_cases import SigningKey

__all__ = ["DocumentKey", "all_keys", "ensure_key", "read_key", "rotate"]

FIRST_KEY_ID = "K1"


@dataclass(frozen=True)
class DocumentKey:
    key_id: str
    secret: str

    def __repr__(self) -> str:  # never the secret, even in a traceback's locals
        return f"DocumentKey({self.key_id!r})"


def _number(key_id: str) -> int:
    return int(key_id[1:]) if key_id[1:].isdigit() else 0


def all_keys(s: Session) -> dict[str, str]:
    """Every key of the hall by id (for verifying)."""
    return {k: v for k, v in s.execute(select(SigningKey.key_id, SigningKey.secret))}


def read_key(s: Session) -> DocumentKey | None:
    """The key that signs now: the one of the highest number; None if the hall has none."""
    keys = all_keys(s)
    if not keys:
        return None
    key_id = max(keys, key=_number)
    return DocumentKey(key_id, keys[key_id])


def ensure_key(s: Session, now: datetime) -> DocumentKey:
    """The hall's signing key, ``K1`` created if there is none (inside the caller's write)."""
    if (key := read_key(s)) is not None:
        return key
    s.execute(
        upsert(s, SigningKey)
        .values(key_id=FIRST_KEY_ID, secret=new_secret(), created_at=now)
        .on_conflict_do_nothing(index_elements=[SigningKey.key_id])
    )
    key = read_key(s)
    if key is None:  # pragma: no cover - the row was just inserted or already there
        raise RuntimeError("the hall's document key could not be created")
    return key


def rotate(s: Session, now: datetime) -> str:
    """Adds the next key, which signs from now on; returns its id. The old keys stay."""
    current = read_key(s)
    key_id = f"K{_number(current.key_id) + 1}" if current is not None else FIRST_KEY_ID
    s.add(SigningKey(key_id=key_id, secret=new_secret(), created_at=now))
    s.flush()
    return key_id
