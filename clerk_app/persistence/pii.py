"""ID numbers at rest: sealed with SM4-GCM, found again by an HMAC-SM3 lookup hash.

Every resident ID (and, in the same columns, a firm's USCC) is stored twice, neither in clear:

- **sealed** (``*_enc``): ``01 | key id (2 bytes) | nonce (12) | SM4-GCM ciphertext | tag (16)``;
  the first three bytes and the column's name are the associated data, so a value moved to
  another column, or its key id changed, no longer opens. A fresh random nonce per value.
- **lookup hash** (``*_hash``): HMAC-SM3 (GB/T 32905) of the normalized value, hex, under a key
  of its own. Equal IDs have equal hashes, so the per-ID ticket limit, search by ID and the
  visit counts are plain indexed equality; without the key the hash cannot be tried against
  the ~10¹⁰ plausible resident IDs.

The keys live in a file outside the database (``clerk_app.config.pii_keys_path``), written once
with mode 0600. ``rotate`` adds a sealing key: new values use the newest, old ones keep opening.
The lookup key is never rotated in place: every stored hash depends on it. The table
``pii_keys`` holds a check value of each key (an HMAC of a fixed text), so a PC with a wrong or
outdated key file is refused with one clear sentence instead of writing values nobody can find.
"""

from __future__ import annotations

import json
import os
import secrets
import sys
import tempfile
import weakref
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from clerk_app.domain.sm3 import hmac_sm3_hex
from clerk_app.errors import ConfigError

FORMAT = "clerk-desk pii keys 1"
VERSION = 1
LOOKUP_KEY_ID = 0  # the lookup key's row in ``pii_keys``; sealing keys count from 1
_NONCE = 12
_TAG = 16
_HEADER = 3  # version byte, key id (big-endian, 2 bytes)
_CHECK_TEXT = b"clerk-desk pii key check"
_MAX_KEY_ID = 0xFFFF

# The columns sealed values are bound to (their associated data): a value opens only there.
TICKET_IDENTITY = "tickets.identity"
APPOINTMENT_IDENTITY = "appointments.identity"
CASE_APPLICANT_ID = "cases.applicant_id"
CASE_AGENT_ID = "cases.agent_id"


class PiiKeyError(ConfigError):
    """The ID key file is missing, unreadable, open to others, or not this hall's."""


@dataclass(frozen=True)
class PiiKeys:
    """The keys of one hall: the lookup key and the sealing keys by id (newest seals)."""

    path: Path
    lookup_key: bytes
    seal_keys: Mapping[int, bytes]

    @property
    def current_id(self) -> int:
        return max(self.seal_keys)

    def checks(self) -> dict[int, str]:
        """Key id -> its check value, as ``pii_keys`` records it."""
        out = {LOOKUP_KEY_ID: check_value(self.lookup_key)}
        out.update({kid: check_value(key) for kid, key in self.seal_keys.items()})
        return out


def check_value(key: bytes) -> str:
    return _hmac_sm3(key, _CHECK_TEXT)


def _hmac_sm3(key: bytes, data: bytes) -> str:
    return hmac_sm3_hex(key, data)


# ------------------------------------------------------------------------------ the key file


def _missing(path: Path) -> PiiKeyError:
    return PiiKeyError(
        f"找不到证件号码密钥文件 {path}：本厅数据库中的证件号码已加密，请从备份中恢复该文件"
        "（或从已配置的电脑复制），权限 0600。",
        f"The ID key file {path} is missing: this hall's ID numbers are encrypted with it; "
        "restore it from the backup (or copy it from a configured PC), mode 0600.",
    )


def load_keys(path: Path) -> PiiKeys:
    """The keys in ``path``; raises ``PiiKeyError`` (missing, readable by others, malformed)."""
    try:
        mode = path.stat().st_mode
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise _missing(path) from None
    except OSError as e:
        raise PiiKeyError(
            f"无法读取证件号码密钥文件 {path}：{e.strerror}。",
            f"Cannot read the ID key file {path}: {e.strerror}.",
        ) from None
    if sys.platform != "win32" and mode & 0o077:
        raise PiiKeyError(
            f"证件号码密钥文件 {path} 其他用户也能读取；请执行 chmod 600 {path}。",
            f"The ID key file {path} is readable by other users; run chmod 600 {path}.",
        )
    try:
        data = json.loads(raw)
        if data.get("format") != FORMAT:
            raise ValueError("format")
        lookup = bytes.fromhex(data["lookup"])
        seal = {int(k): bytes.fromhex(v) for k, v in data["seal"].items()}
        if len(lookup) != 32 or not seal or any(len(v) != 16 for v in seal.values()):
            raise ValueError("length")
        if not all(1 <= k <= _MAX_KEY_ID for k in seal):
            raise ValueError("key id")
    except (ValueError, KeyError, TypeError, AttributeError):
        raise PiiKeyError(
            f"证件号码密钥文件 {path} 已损坏或不是本程序的密钥文件。",
            f"The ID key file {path} is damaged or not a clerk-desk key file.",
        ) from None
    return PiiKeys(path, lookup, seal)


def create_keys(path: Path) -> PiiKeys:
    """A new key file at ``path`` (mode 0600); refuses to replace one that exists."""
    keys = PiiKeys(path, secrets.token_bytes(32), {1: secrets.token_bytes(16)})
    _write(keys, replace=False)
    return keys


def add_seal_key(keys: PiiKeys) -> PiiKeys:
    """``keys`` with one more sealing key (the newest, used for new values), written to its file."""
    new_id = keys.current_id + 1
    if new_id > _MAX_KEY_ID:
        raise PiiKeyError("密钥编号已用尽。", "No key ids are left.")
    rotated = PiiKeys(
        keys.path, keys.lookup_key, {**keys.seal_keys, new_id: secrets.token_bytes(16)}
    )
    _write(rotated, replace=True)
    return rotated


def _write(keys: PiiKeys, *, replace: bool) -> None:
    """Writes atomically (a 0600 temporary file, then a rename): a PC never reads half a file."""
    data = {
        "format": FORMAT,
        "lookup": keys.lookup_key.hex(),
        "seal": {str(k): v.hex() for k, v in sorted(keys.seal_keys.items())},
    }
    path = keys.path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if not replace and path.exists():
            raise PiiKeyError(
                f"证件号码密钥文件 {path} 已存在，不会覆盖。",
                f"The ID key file {path} already exists; it is not replaced.",
            )
        fd, tmp = tempfile.mkstemp(prefix=".pii-", dir=path.parent)  # mkstemp: mode 0600
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(data, f)
                f.flush()
                os.fsync(f.fileno())
            if replace:
                os.replace(tmp, path)
            else:
                os.link(tmp, path)  # fails if another PC process created it meanwhile
                os.unlink(tmp)
        except BaseException:
            if os.path.exists(tmp):
                os.unlink(tmp)
            raise
    except FileExistsError:
        raise PiiKeyError(
            f"证件号码密钥文件 {path} 已存在，不会覆盖。",
            f"The ID key file {path} already exists; it is not replaced.",
        ) from None
    except PermissionError as e:
        raise PiiKeyError(
            f"无法写入证件号码密钥文件 {path}：{e.strerror}（需要管理员权限？）。",
            f"Cannot write the ID key file {path}: {e.strerror} (administrator rights needed?).",
        ) from None


# ---------------------------------------------------------------------------- sealing, hashing


class Pii:
    """Seals, opens and hashes ID numbers with one hall's keys (or says the keys are missing)."""

    def __init__(self, keys: PiiKeys | None, missing: Path | None = None) -> None:
        self._keys = keys
        self._missing = missing

    @property
    def keys(self) -> PiiKeys:
        if self._keys is not None:
            return self._keys
        if self._missing is not None:
            raise _missing(self._missing)
        raise PiiKeyError(
            "此数据库没有配置证件号码密钥。", "No ID keys are configured for this database."
        )

    def lookup(self, value: str) -> str:
        """The lookup hash of a normalized ID (hex HMAC-SM3); equal IDs, equal hashes."""
        return _hmac_sm3(self.keys.lookup_key, value.strip().upper().encode())

    def seal(self, value: str, column: str) -> bytes:
        """``value`` encrypted for ``column`` (e.g. ``"tickets.identity"``) with the newest key."""
        keys = self.keys
        kid = keys.current_id
        header = bytes([VERSION]) + kid.to_bytes(2, "big")
        nonce = secrets.token_bytes(_NONCE)
        # SM4 at first use: a counter that only signs in and calls never loads cryptography.
        from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

        enc = Cipher(algorithms.SM4(keys.seal_keys[kid]), modes.GCM(nonce)).encryptor()
        enc.authenticate_additional_data(header + column.encode())
        body = enc.update(value.encode()) + enc.finalize()
        return header + nonce + body + enc.tag

    def open(self, sealed: bytes, column: str) -> str:
        """The clear value of ``sealed``; raises ``PiiKeyError`` when it cannot be opened."""
        blob = bytes(sealed)  # PostgreSQL's bytea arrives as a memoryview
        if len(blob) < _HEADER + _NONCE + _TAG or blob[0] != VERSION:
            raise self._unreadable(column)
        kid = int.from_bytes(blob[1:3], "big")
        key = self.keys.seal_keys.get(kid)
        if key is None:
            raise PiiKeyError(
                f"本机证件号码密钥文件 {self.keys.path} 缺少第 {kid} 号密钥（已在别处轮换）；"
                "请复制最新的密钥文件。",
                f"This PC's ID key file {self.keys.path} lacks key {kid} (rotated elsewhere); "
                "copy the current key file.",
            )
        nonce, body, tag = blob[3:15], blob[15:-_TAG], blob[-_TAG:]
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

        dec = Cipher(algorithms.SM4(key), modes.GCM(nonce, tag)).decryptor()
        dec.authenticate_additional_data(blob[:_HEADER] + column.encode())
        try:
            return (dec.update(body) + dec.finalize()).decode()
        except (InvalidTag, UnicodeDecodeError):
            raise self._unreadable(column) from None

    def open_or_none(self, sealed: bytes | None, column: str) -> str | None:
        return None if sealed is None else self.open(sealed, column)

    def key_id(self, sealed: bytes) -> int:
        return int.from_bytes(bytes(sealed)[1:3], "big")

    def _unreadable(self, column: str) -> PiiKeyError:
        return PiiKeyError(
            f"{column} 中的一个证件号码无法用本机密钥文件 {self.keys.path} 解密"
            "（密钥不对，或数据被改动）。",
            f"An ID number in {column} cannot be decrypted with this PC's key file "
            f"{self.keys.path} (wrong key, or the data was altered).",
        )


# Each engine of a Database knows its hall's Pii; services reach it from their Session or
# Connection (``pii_of``) instead of passing it through every function.
_BY_ENGINE: weakref.WeakKeyDictionary[Engine, Pii] = weakref.WeakKeyDictionary()


def attach(engine: Engine, pii: Pii) -> None:
    _BY_ENGINE[engine] = pii


def pii_of(where: Session | Connection) -> Pii:
    """The ``Pii`` of the hall that ``where`` (a unit of work) belongs to."""
    bind: Any = where.get_bind() if isinstance(where, Session) else where.engine
    engine = bind.engine if isinstance(bind, Connection) else bind
    try:
        return _BY_ENGINE[engine]
    except KeyError:
        raise PiiKeyError(
            "此数据库连接没有配置证件号码密钥。", "No ID keys are configured for this database."
        ) from None


# ------------------------------------------------------------------ the hall's record of keys


def _differs(keys: PiiKeys, kid: int) -> PiiKeyError:
    return PiiKeyError(
        f"证件号码密钥文件 {keys.path} 不是本厅数据库的密钥（第 {kid} 号密钥不符）。",
        f"The ID key file {keys.path} is not this hall database's (key {kid} differs).",
    )


def unrecorded(conn: Connection, keys: PiiKeys) -> list[int]:
    """The ids of ``keys`` the hall has not recorded yet, after checking the recorded ones.

    Raises ``PiiKeyError`` when a recorded key is missing from the file or differs from it:
    the file belongs to another hall, or is older than a rotation made on another PC.
    """
    from clerk_app.persistence.models import PiiKeyRecord

    recorded = dict(conn.execute(select(PiiKeyRecord.key_id, PiiKeyRecord.check_value)).all())
    ours = keys.checks()
    for kid, check in recorded.items():
        if kid not in ours:
            raise PiiKeyError(
                f"本机证件号码密钥文件 {keys.path} 缺少第 {kid} 号密钥（已在别处轮换）；"
                "请复制最新的密钥文件。",
                f"This PC's ID key file {keys.path} lacks key {kid} (rotated elsewhere); "
                "copy the current key file.",
            )
        if ours[kid] != check:
            raise _differs(keys, kid)
    return sorted(set(ours) - set(recorded))


def register(conn: Connection, keys: PiiKeys, now: datetime) -> None:
    """Checks ``keys`` against the hall's ``pii_keys`` rows (``unrecorded``) and records the
    new ones, inside the caller's writing transaction."""
    from clerk_app.persistence.models import PiiKeyRecord

    table: Any = PiiKeyRecord.__table__
    ours = keys.checks()
    for kid in unrecorded(conn, keys):
        purpose = "lookup" if kid == LOOKUP_KEY_ID else "seal"
        try:
            with conn.begin_nested():
                conn.execute(
                    table.insert().values(
                        key_id=kid, purpose=purpose, check_value=ours[kid], created_at=now
                    )
                )
        except IntegrityError:  # another PC recorded it at the same moment: compare again
            again = conn.scalar(select(PiiKeyRecord.check_value).where(PiiKeyRecord.key_id == kid))
            if again != ours[kid]:
                raise _differs(keys, kid) from None


def has_recorded_keys(conn: Connection) -> bool:
    """Whether the hall has recorded keys (False for a new or a pre-encryption database)."""
    from clerk_app.persistence.models import PiiKeyRecord

    return conn.scalar(select(PiiKeyRecord.key_id).limit(1)) is not None
