"""Regular expressions compiled on first use.

The Chinese wording of messages and notes is read off the English text by some forty
patterns; compiled at import they cost a text report ~5–10 ms of its start-up (issue 16)
although a run matches only the few its messages need.  `Lazy` is the same pattern,
compiled the first time it is asked to match.  Imports nothing of ours.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any


class Lazy:
    """`re.compile(source, flags)`, done when first used."""

    __slots__ = ("_compiled", "flags", "source")

    def __init__(self, source: str, flags: int = 0) -> None:
        self.source, self.flags = source, flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self.source, self.flags)
        return self._compiled

    def fullmatch(self, text: str) -> re.Match[str] | None:
        return self.compiled.fullmatch(text)

    def sub(self, repl: str | Callable[[re.Match[str]], str], text: str) -> str:
        return self.compiled.sub(repl, text)

    def split(self, text: str, maxsplit: int = 0) -> list[str | Any]:
        return self.compiled.split(text, maxsplit)
