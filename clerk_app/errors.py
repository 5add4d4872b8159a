"""Errors the core raises: each carries one clear sentence in the user's language.

Every error is a ``ClerkError``; the UI and the CLI show ``str(error)`` and nothing else, so a
message must say what went wrong and what to do, in one sentence, in both languages.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from clerk_app.i18n import pick


class ClerkError(Exception):
    """Base of every error the desk reports to a person."""

    def __init__(self, zh: str, en: str) -> None:
        self.zh = zh
        self.en = en
        super().__init__(zh)

    def __str__(self) -> str:
        return pick(self.zh, self.en)


class ConfigError(ClerkError):
    """The desk was started with a setting it cannot use (e.g. a malformed database URL)."""


class DatabaseUnavailable(ClerkError):
    """The database could not be reached or stopped answering."""


class DatabaseBusy(ClerkError):
    """Another PC held the hall database's write lock longer than the busy timeout; nothing
    was changed."""

    def __init__(self) -> None:
        super().__init__(
            "大厅数据库正忙（其他电脑长时间占用），本次操作未执行，请稍后重试。",
            "The hall database is busy (another PC held it too long); nothing was done, "
            "try again in a moment.",
        )


class OutcomeUnknown(DatabaseUnavailable):
    """The connection broke while a statement ran; it may or may not have committed."""


class AuthError(ClerkError):
    """Login refused: wrong user name or password, disabled or locked account."""


class PermissionDenied(ClerkError):
    """The acting role may not do this; refused below the UI."""


class ValidationError(ClerkError, ValueError):
    """Input that breaks a rule of the hall; nothing was changed.

    ``field`` names the input at fault (a form field or a service's argument name) when one
    is, so a form can show the sentence under that field; None for a rule about the whole
    action.
    """

    def __init__(self, zh: str, en: str, *, field: str | None = None) -> None:
        super().__init__(zh, en)
        self.field = field

    def tagged(self, field: str) -> ValidationError:
        """This error, naming ``field``: ``raise ValidationError(zh, en).tagged("valid_to")``."""
        self.field = field
        return self


@contextmanager
def on_field(name: str) -> Iterator[None]:
    """Tag a ``ValidationError`` raised inside with the field ``name`` (unless already tagged)."""
    try:
        yield
    except ValidationError as e:
        if e.field is None:
            e.field = name
        raise


class NotFound(ClerkError, LookupError):
    """The thing asked for does not exist."""


class Conflict(ClerkError):
    """Someone else changed the same thing first; nothing was changed, try again."""


class SessionEnded(AuthError):
    """The account was disabled or its password changed after this session signed in: the
    session may do nothing more; sign in again."""

    def __init__(self) -> None:
        super().__init__(
            "您的账号已被停用或密码已更改，请重新登录。",
            "Your account was disabled or its password changed; please sign in again.",
        )
