"""The CLI's standard streams, guarded: nothing it writes can act on a terminal or a log.

In: `sys.stdout` and `sys.stderr`.  Out: the same streams behind `SafeStream`,
which passes every write through `checker.textsafe.stream_safe` (controls,
bidirectional overrides and lone surrogates shown escaped; the colour codes the
program emits kept) and never fails on a character the stream's encoding lacks
(`PYTHONIOENCODING=ascii`: shown as `\\u…`).  Reports and diagnostics are made
safe where they are written; this is the last guard for every other line.
"""

from __future__ import annotations

import sys
from typing import Any, TextIO

from checker.textsafe import stream_safe


class SafeStream:
    """A text stream that writes only safe text to the stream it wraps."""

    def __init__(self, inner: TextIO) -> None:
        self._inner = inner
        reconfigure = getattr(inner, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")

    def write(self, text: str) -> int:
        self._inner.write(stream_safe(text))
        return len(text)

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:  # isatty, flush, fileno, encoding …
        return getattr(self._inner, name)


def guard_streams() -> None:
    """Put `SafeStream` in front of stdout and stderr (once)."""
    if not isinstance(sys.stdout, SafeStream):
        sys.stdout = SafeStream(sys.stdout)
    if not isinstance(sys.stderr, SafeStream):
        sys.stderr = SafeStream(sys.stderr)
