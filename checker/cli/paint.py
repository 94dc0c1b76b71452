"""Colour for the plain text the stages render (diagnostics, findings, test runs).

In: text already made safe by its renderer, and whether to colour (`options.color`).
Out: the same text with SGR codes at the start of the lines a reader scans for —
`error[…]` red, `warning[…]` yellow, ` --> ` locations dim, `= help:` cyan, a failed
test red, a passed one green — and nothing else changed, so the uncoloured text is
the one the golden tests compare.  The codes are the only escapes `streams` keeps.
"""

from __future__ import annotations

import re

RESET = "\x1b[0m"
_STYLES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^(error\[[A-Z][0-9]{3}\]|internal error)"), "\x1b[1;31m"),
    (re.compile(r"^(warning\[[A-Z][0-9]{3}\])"), "\x1b[1;33m"),
    (re.compile(r"^(note(?:\[[A-Z][0-9]{3}\])?:)"), "\x1b[1;36m"),
    (re.compile(r"^(\s*(?:-->|:::) )"), "\x1b[34m"),
    (re.compile(r"^(\s*= help:)"), "\x1b[36m"),
    (re.compile(r"^(\s*= witness:)"), "\x1b[35m"),
    (re.compile(r"^(\s*FAIL\b)"), "\x1b[1;31m"),
    (re.compile(r"^(\s*ok\b)"), "\x1b[32m"),
    (re.compile(r"^(\s*(?:reformatted|would reformat)\b)"), "\x1b[33m"),
    (re.compile(r"^(\s*[0-9]+ \|)|^(\s+\|)"), "\x1b[34m"),
    (re.compile(r"^(plan \S+|suite \S+:)"), "\x1b[1m"),  # the heading of suite and test
)


def paint(text: str, on: bool) -> str:
    """`text` coloured line by line when `on`; unchanged otherwise."""
    if not on:
        return text
    return "".join(_line(line) for line in text.splitlines(keepends=True))


def _line(line: str) -> str:
    for pattern, style in _STYLES:
        match = pattern.match(line)
        if match:
            end = match.end()
            return f"{style}{line[:end]}{RESET}{line[end:]}"
    return line
