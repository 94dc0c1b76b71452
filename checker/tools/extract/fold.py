"""Fold: text -> the same text, one character for one, in the forms the reader knows.

In: a document's text.  Out: a string of the same length in which full-width
digits, letters and punctuation are ASCII (`９０％` -> `90%`, `，` -> `,`) and
traditional characters are simplified (`萬億` -> `万亿`, via OpenCC's `t2s`
table, character by character when a phrase would change the length).  Every
offset in the folded text is an offset in the original, so quotes are cut
from the original and columns stay true.  Imports only the standard library
and OpenCC.
"""

from __future__ import annotations

import unicodedata
from functools import cache

_SPACES = {0x3000: " ", 0x00A0: " ", 0x2002: " ", 0x2003: " ", 0x2009: " ",
           # a PDF's page break, a web page's zero-width space or a BOM inside the text,
           # line and paragraph separators: read as the spaces they stand for
           0x0B: " ", 0x0C: " ", 0x200B: " ", 0xFEFF: " ", 0x2028: " ", 0x2029: " "}
_DASHES = {0x2013: "-", 0x2212: "-", 0xFE63: "-", 0xFF0D: "-"}
_OTHER = {0xFE6A: "%", 0x2236: ":", 0xFF5E: "~", 0x301C: "~", 0x00B7: "·", 0x30FB: "·"}
# Small form variants (`﹔` between the clauses of a roundup page, `﹐`): the punctuation they
# are small forms of, so that they end clauses.
_SMALL = {0xFE50: ",", 0xFE51: "、", 0xFE52: ".", 0xFE54: ";", 0xFE55: ":", 0xFE56: "?",
          0xFE57: "!"}


def _ascii_table() -> dict[int, str]:
    table = {code: chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)}  # full width
    table |= _SPACES | _DASHES | _OTHER | _SMALL
    return table


_TABLE = _ascii_table()


@cache
def _converter() -> object | None:
    try:
        import opencc
    except ImportError:  # pragma: no cover - a dependency; kept readable without it
        return None
    return opencc.OpenCC("t2s")


def _simplified(text: str) -> str:
    converter = _converter()
    if converter is None:
        return text
    convert = converter.convert  # type: ignore[attr-defined]
    result: str = convert(text)
    if len(result) == len(text):
        return result
    return "".join(_one(char) for char in text)


@cache
def _one(char: str) -> str:
    converter = _converter()
    converted: str = converter.convert(char) if converter is not None else char  # type: ignore[attr-defined]
    return converted if len(converted) == 1 else char


def fold(text: str) -> str:
    """The folded text; `len(fold(t)) == len(t)` always."""
    folded = _simplified(text.translate(_TABLE))
    assert len(folded) == len(text)
    return folded


def is_cjk(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf"


def is_letter(char: str) -> bool:
    """An ASCII or Latin letter (the `G` of 5G, the `PM` of PM2.5)."""
    return (char.isascii() and char.isalpha()) or (unicodedata.category(char) in ("Lu", "Ll") \
        and not is_cjk(char))
