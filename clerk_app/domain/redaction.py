"""Keeps resident ID numbers out of logs, exception texts and the command line's errors.

A resident ID (公民身份号码, 18 characters: 17 digits and a digit or X) standing alone in a text
is replaced by its mask (``4405**********0014``), whatever put it there: a database error, a
traceback, a message. Longer runs of digits (a ticket's request id, a timestamp) are left as
they are. ``install()`` makes every log record of the process pass through it.
"""

from __future__ import annotations

import logging
import re
import threading
from typing import Any

from clerk_app.domain.identity import mask_identifier

_RESIDENT_ID = re.compile(r"(?<![0-9A-Za-z])[1-9][0-9]{16}[0-9Xx](?![0-9A-Za-z])")
_installed = threading.Lock()
_done = False


def redact(text: str) -> str:
    """``text`` with every ID-like 18-character number masked."""
    return _RESIDENT_ID.sub(lambda m: mask_identifier(m.group(0)), text)


def install() -> None:
    """Every log record made from now on (any logger, any handler, a log file too) carries
    its message and its traceback already masked. Idempotent."""
    global _done
    with _installed:
        if _done:
            return
        _done = True
        previous = logging.getLogRecordFactory()
        formatter = logging.Formatter()

        def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
            record = previous(*args, **kwargs)
            try:
                record.msg = redact(record.getMessage())
                record.args = None
            except (TypeError, ValueError):  # a malformed call: the handler reports it
                pass
            if record.exc_info and record.exc_info[0] is not None:
                record.exc_text = redact(formatter.formatException(record.exc_info))
            if record.stack_info:
                record.stack_info = redact(record.stack_info)
            return record

        logging.setLogRecordFactory(factory)
