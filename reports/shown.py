"""The result as people may see it: every string of it safe for a one-line place.

In: a `checker.result.Result`.  Out: a copy in which each string (ids, names,
regions, units, messages, notes) went through `checker.textsafe.one_line` —
controls and bidirectional overrides shown escaped, newlines as `⏎` — so no
writer can pass a user's bytes to a terminal, a page or a CI log, and no value
can start a line of its own (a `::error` workflow command).  Parts without such
characters are shared, not copied.  Imports `checker.result`, `checker.textsafe`
and nothing else.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from checker.result.model import Data
from checker.textsafe import one_line
from checker.textsafe import shown as escaped

T = TypeVar("T")


def shown(value: T, *, keep_newlines: bool = False) -> T:
    """`value` with every string in it made safe (the same object when nothing changes);
    `keep_newlines` for a format that escapes newlines itself (GitHub's `%0A`)."""
    return _shown(value, escaped if keep_newlines else one_line)  # type: ignore[return-value]


def _shown(value: object, safe: Callable[[str], str]) -> object:
    if isinstance(value, str):
        text = safe(value)
        return value if text == value else text
    if isinstance(value, Data):
        changes = {}
        for name in type(value).model_fields:
            old = getattr(value, name)
            new = _shown(old, safe)
            if new is not old:
                changes[name] = new
        return value.model_copy(update=changes) if changes else value
    if isinstance(value, list | tuple):
        items = [_shown(item, safe) for item in value]
        if all(new is old for new, old in zip(items, value, strict=True)):
            return value
        return items if isinstance(value, list) else tuple(items)
    if isinstance(value, dict):
        pairs = [(_shown(k, safe), _shown(v, safe)) for k, v in value.items()]
        if all(nk is k and nv is v for (nk, nv), (k, v) in zip(pairs, value.items(),
                                                                 strict=True)):
            return value
        return dict(pairs)
    return value
