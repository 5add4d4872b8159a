"""The hall's document key: the HMAC key of the QR payloads, read, or created once if missing.

The key lives in ``hall_settings`` under ``document.secret``; migration 0005 gives every hall
one. A print whose read finds none creates it in a tiny write of its own (``ensure_secret``:
insert-if-absent, then re-read, so two counters printing at once end up with the same key); a
preview never writes, and draws without the key (see ``DocumentService.preview``). The key is
never printed, logged or put in an audit row.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk_app.documents.signing import new_secret
from clerk_app.persistence.dialects import upsert
from clerk_app.persistence.models import HallSetting

__all__ = ["SECRET_KEY", "ensure_secret", "read_secret"]

SECRET_KEY = "document.secret"


def read_secret(s: Session) -> str | None:
    value = s.scalar(select(HallSetting.value).where(HallSetting.key == SECRET_KEY))
    return str(value) if value else None


def ensure_secret(s: Session) -> str:
    """The hall's document key, created if absent (inside the caller's writing unit)."""
    if (secret := read_secret(s)) is not None:
        return secret
    s.execute(
        upsert(s, HallSetting)
        .values(key=SECRET_KEY, value=new_secret())
        .on_conflict_do_nothing(index_elements=[HallSetting.key])
    )
    secret = read_secret(s)
    if secret is None:  # pragma: no cover - the row was just inserted or already there
        raise RuntimeError("the hall's document secret could not be created")
    return secret
