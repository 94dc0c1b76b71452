"""PyYAML, imported without compiling its pure-Python reader's character check.

Why: `yaml.reader.Reader.NON_PRINTABLE`, one character class over most of Unicode, is
compiled when PyYAML is imported: ~55 M instructions, 4 % of a one-proposal check
(start-up, issue 16).  Only the pure-Python reader uses it; the C loader the documents
are read with (`CSafeLoader`) checks characters itself.  While PyYAML is imported, that
one pattern becomes a stand-in compiled the first time it is used; every other pattern
compiles as usual, and a PyYAML imported before this module is left as it is.
Imports nothing of ours.
"""

from __future__ import annotations

import re
from typing import Any

# yaml/reader.py, as PyYAML writes it (a change there only makes this a no-op)
NON_PRINTABLE = "[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\U00010000-\U0010ffff]"


class OnFirstUse:
    """A pattern compiled the first time one of its attributes is read."""

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self.compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:
        if self.compiled is None:
            self.compiled = re.compile(self.pattern)
        return getattr(self.compiled, name)


_compile = re.compile


def _deferred(pattern: Any, flags: Any = 0) -> Any:
    return OnFirstUse(pattern) if pattern == NON_PRINTABLE and not flags \
        else _compile(pattern, flags)


re.compile = _deferred
try:
    import yaml as yaml
finally:
    re.compile = _compile
