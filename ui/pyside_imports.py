"""A lighter PySide6 import hook: decides "does this module use PySide6?" without linecache.

PySide6 (shibokensupport.feature, PYSIDE-2029) checks every module imported after it for the
text "PySide6", with ``inspect.getsource``: that reads each file through ``linecache``, which
then keeps the source of every imported module (≈10 MB of text, ~670 files, at a counter's
start) for the life of the process. The replacement asks the same question of the file's
bytes and keeps nothing. Where PySide6 changes its internals, the original stays in place.
"""

from __future__ import annotations

import sys
from types import ModuleType


def lighten_feature_check() -> bool:
    """Installs the file-reading check; returns whether it could."""
    import PySide6.QtCore  # noqa: F401 - loads shibokensupport

    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or original is None or getattr(original, "lightened", False):
        return original is not None

    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return bool(original(module))
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return bool(original(module))

    uses_pyside.lightened = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside  # type: ignore[attr-defined]
    return True
