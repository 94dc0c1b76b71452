"""Text safe to show: the one place that decides how user strings reach a human.

In: any string (an id, a key, a unit, a region, a message holding them).  Out:
the same string with every character that could act on a terminal or a log
shown escaped instead — C0 and C1 controls (`\\x1b`), DEL, bidirectional
overrides and other format characters (`\\u202e`), lone surrogates, line and
paragraph separators — and, for one-line places (a name, a message, a table
cell), newlines shown as `⏎`, so a value can never start a line of its own
(such as a `::error` workflow command).  `stream_safe` is the last guard on
what the CLI writes: it keeps only the colour codes (SGR) the program emits.
`cell` keeps a spreadsheet from reading a value as a formula.  Imports only the
standard library.
"""

from __future__ import annotations

import re
import unicodedata

NEWLINE_MARK = "⏎"
_UNSAFE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Zl", "Zp"})
# Anything some terminal or log viewer acts on; tab and newline are kept by `shown`.
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f"
                     r"\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb\ud800-\udfff"
                     r"\U000e0000-\U000e007f]")
_STREAM_UNSAFE = re.compile(r"\x1b\[[0-9;]*m|" + _UNSAFE.pattern)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def escape(char: str) -> str:
    """One character as shown: itself, or its escape when it is a control or invisible."""
    if char in "\t\n" or unicodedata.category(char) not in _UNSAFE_CATEGORIES:
        return char
    code = ord(char)
    if code < 0x20:
        return f"\\x{code:02x}"
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    high, low = divmod(code - 0x10000, 0x400)  # as JSON spells it: a surrogate pair
    return f"\\u{0xD800 + high:04x}\\u{0xDC00 + low:04x}"


def shown(text: str) -> str:
    """`text` with every unsafe character escaped; newlines and tabs kept."""
    if not _UNSAFE.search(text) and not _has_unsafe_format(text):
        return text
    return "".join(escape(char) for char in text)


def one_line(text: str) -> str:
    """`text` for a one-line place: escaped, and each newline shown as `⏎`."""
    return shown(text.replace("\r\n", "\n")).replace("\n", NEWLINE_MARK)


def stream_safe(text: str) -> str:
    """What the CLI may write: the program's own colour codes, everything else escaped
    (a report or diagnostic is already escaped; this catches what was not)."""
    return _STREAM_UNSAFE.sub(_keep_colour, text)


def cell(text: str) -> str:
    """A spreadsheet or CSV cell that is text, never a formula (`=1+1` is kept as `'=1+1`)."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def _keep_colour(match: re.Match[str]) -> str:
    found = match.group()
    return found if len(found) > 1 else escape(found)


def _has_unsafe_format(text: str) -> bool:
    """Format characters outside the ranges `_UNSAFE` lists (rare: checked only on
    non-ASCII text)."""
    return not text.isascii() and any(
        unicodedata.category(char) in _UNSAFE_CATEGORIES for char in text
        if char not in "\t\n" and ord(char) > 0x9F)


def quoted(text: str) -> str:
    """A quote of the plan in quotation marks: `“…”`, or `「…」` when the quote begins or
    ends with one of its own (`「“十四五”期间…」`, `「严守“双控”“三线”」`), not a doubled
    `““十四五”…”`."""
    return f"「{text}」" if text.startswith(("“", "”")) or text.endswith(("“", "”")) \
        else f"“{text}”"
